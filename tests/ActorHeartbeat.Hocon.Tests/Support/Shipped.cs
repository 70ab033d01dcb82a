namespace ActorHeartbeat.Hocon.Tests.Support;

/// <summary>The repository's hocon/ files, copied next to the tests by the project file.</summary>
internal static class Shipped
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Shipped");

    public static string ReferenceConf { get; } = Path.Combine(Directory, "reference.conf");

    public static IReadOnlyList<string> Examples { get; } =
        System.IO.Directory.GetFiles(Path.Combine(Directory, "examples"), "*.conf").Order(StringComparer.Ordinal).ToArray();
}
