namespace ActorHeartbeat.Hocon.Tests.Support;

/// <summary>A fresh directory under the system temp directory for include tests, deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("ahb-hocon-core-").FullName;

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/> and returns the full path.</summary>
    public string Write(string relativePath, string content)
    {
        var file = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        var file = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
