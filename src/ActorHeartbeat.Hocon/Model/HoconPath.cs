using System.Text;

namespace ActorHeartbeat.Hocon.Model;

/// <summary>An immutable sequence of keys from the root of a tree (a parsed path expression).</summary>
internal sealed class HoconPath : IEquatable<HoconPath>
{
    public static readonly HoconPath Root = new([]);

    private readonly string[] _segments;
    private int _hash;

    public HoconPath(string[] segments)
    {
        _segments = segments;
    }

    public int Length => _segments.Length;

    public bool IsRoot => _segments.Length == 0;

    public string this[int index] => _segments[index];

    public IReadOnlyList<string> Segments => _segments;

    public HoconPath Append(string segment)
    {
        var next = new string[_segments.Length + 1];
        _segments.CopyTo(next, 0);
        next[^1] = segment;
        return new HoconPath(next);
    }

    public HoconPath Concat(HoconPath other)
    {
        if (other.IsRoot)
        {
            return this;
        }

        if (IsRoot)
        {
            return other;
        }

        return new HoconPath([.. _segments, .. other._segments]);
    }

    /// <summary>True when this path equals <paramref name="other"/> or is one of its ancestors.</summary>
    public bool IsPrefixOf(HoconPath other)
    {
        if (other._segments.Length < _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            if (!string.Equals(_segments[i], other._segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public HoconPath Prefix(int length) => length == _segments.Length ? this : new HoconPath(_segments[..length]);

    public bool Equals(HoconPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._segments.Length != _segments.Length || other.GetHashCode() != GetHashCode())
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            if (!string.Equals(_segments[i], other._segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as HoconPath);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (var segment in _segments)
            {
                hash.Add(segment, StringComparer.Ordinal);
            }

            _hash = hash.ToHashCode() | 1;
        }

        return _hash;
    }

    /// <summary>Renders the path as a path expression, quoting keys that need it (<c>a."b.c"</c>).</summary>
    public override string ToString()
    {
        if (IsRoot)
        {
            return "(root)";
        }

        var sb = new StringBuilder();
        for (var i = 0; i < _segments.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            AppendKey(sb, _segments[i], first: i == 0);
        }

        return sb.ToString();
    }

    /// <summary>Appends one key, quoted as a JSON string unless it is a plain word that parses back unchanged.</summary>
    public static void AppendKey(StringBuilder sb, string key, bool first)
    {
        if (IsPlainKey(key) && !(first && key == "include"))
        {
            sb.Append(key);
        }
        else
        {
            Rendering.JsonRenderer.AppendQuoted(sb, key);
        }
    }

    private static bool IsPlainKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
