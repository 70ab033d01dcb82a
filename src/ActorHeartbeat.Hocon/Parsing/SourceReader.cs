using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>Reads configuration files as strict UTF-8, turning I/O and encoding problems into <see cref="HoconException"/>.</summary>
internal static class SourceReader
{
    public static string ReadFile(string path, string displayName)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HoconException($"{displayName}: file not found", new HoconOrigin(displayName, 0, 0), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new HoconException($"{displayName}: cannot read the file: {e.Message}", new HoconOrigin(displayName, 0, 0), e);
        }

        return Decode(bytes, displayName);
    }

    /// <summary>Decodes UTF-8, reporting the line, column and byte offset of the first invalid byte.</summary>
    public static string Decode(byte[] bytes, string displayName)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                break;
            }

            offset += consumed;
        }

        var lineStart = bytes.AsSpan(0, offset).LastIndexOf((byte)'\n') + 1;
        var line = bytes.AsSpan(0, offset).Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetString(bytes, lineStart, offset - lineStart).Length + 1;
        var origin = new HoconOrigin(displayName, line, column);
        var shown = offset < bytes.Length ? $"byte 0x{bytes[offset]:X2}" : "truncated sequence";
        throw HoconException.At(origin, $"invalid UTF-8 ({shown} at byte offset {offset}); configuration files must be UTF-8");
    }
}
