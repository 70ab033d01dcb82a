namespace ActorHeartbeat.Hocon.Tests.Configuration;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ahb-hocon-config-").FullName;

    public string Write(string name, string content)
    {
        string file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    /// <summary>Replaces the file in one rename, so a watcher never sees it half written.</summary>
    public void Replace(string name, string content)
    {
        string staged = Write(name + ".staged", content);
        File.Move(staged, System.IO.Path.Combine(Path, name), overwrite: true);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
