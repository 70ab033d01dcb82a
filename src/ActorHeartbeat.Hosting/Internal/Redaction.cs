using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// What may be logged about a connection's settings: header names with their values replaced by
/// <c>***</c> (they are credentials more often than not), and the URL without user info and with query
/// values replaced by <c>***</c>.
/// </summary>
internal static class Redaction
{
    public const string Mask = "***";

    public static string Headers(IReadOnlyDictionary<string, string> headers) =>
        headers.Count == 0
            ? "(none)"
            : string.Join(", ", headers.Keys.Order(StringComparer.OrdinalIgnoreCase).Select(name => $"{name}: {Mask}"));

    public static string Url(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return url.ToString();
        }

        var builder = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty };
        if (url.Query.Length > 1)
        {
            var pairs = url.Query[1..].Split('&').Select(pair => pair.Split('=', 2) is [var name, _] ? $"{name}={Mask}" : pair);
            builder.Query = string.Join('&', pairs);
        }

        return builder.Uri.ToString();
    }

    public static string Describe(ConnectionSettings settings) =>
        $"{Url(settings.Url)}, headers {Headers(settings.Headers)}, subprotocols {(settings.Subprotocols.Count == 0 ? "(none)" : string.Join(", ", settings.Subprotocols))}";
}
