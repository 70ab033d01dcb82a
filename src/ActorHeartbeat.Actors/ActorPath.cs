using System.Text;

namespace ActorHeartbeat.Actors;

/// <summary>
/// The location of an actor: the system name followed by the names from the root, rendered as
/// <c>ahb://system/user/parent/child</c>. Paths are immutable and compare by their elements.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private const string Scheme = "ahb://";

    private ActorPath(string systemName, ActorPath? parent, string name)
    {
        SystemName = systemName;
        Parent = parent;
        Name = name;
    }

    /// <summary>The name of the actor system this path belongs to.</summary>
    public string SystemName { get; }

    /// <summary>The parent path; null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The number of elements below the root.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>Creates the root path of a system.</summary>
    /// <exception cref="ArgumentException">When <paramref name="systemName"/> is not a valid system name.</exception>
    public static ActorPath Root(string systemName)
    {
        ValidateSystemName(systemName);
        return new ActorPath(systemName, null, string.Empty);
    }

    /// <summary>Creates the path of a child named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidActorNameException">When <paramref name="name"/> is not a valid actor name.</exception>
    public ActorPath Child(string name)
    {
        ValidateName(name, allowReserved: false);
        return new ActorPath(SystemName, this, name);
    }

    internal ActorPath ChildUnchecked(string name) => new(SystemName, this, name);

    /// <summary>
    /// True when <paramref name="name"/> can name an actor: not empty, at most 255 characters, made of
    /// letters, digits and <c>-_.*$+:@&amp;=,!~';</c>, and not starting with <c>$</c> (reserved for
    /// generated names).
    /// </summary>
    public static bool IsValidName(string? name) => name is not null && Problem(name, allowReserved: false) is null;

    internal static void ValidateName(string? name, bool allowReserved)
    {
        if (name is null)
        {
            throw new InvalidActorNameException("Actor name must not be null.");
        }

        var problem = Problem(name, allowReserved);
        if (problem is not null)
        {
            throw new InvalidActorNameException($"Invalid actor name [{name}]: {problem}.");
        }
    }

    private static string? Problem(string name, bool allowReserved)
    {
        if (name.Length == 0)
        {
            return "it must not be empty";
        }

        if (name.Length > 255)
        {
            return "it is longer than 255 characters";
        }

        if (!allowReserved && name[0] == '$')
        {
            return "names starting with '$' are reserved for generated names";
        }

        foreach (var c in name)
        {
            if (!IsNameChar(c))
            {
                return $"character '{c}' is not allowed (use letters, digits and -_.*$+:@&=,!~';)";
            }
        }

        return null;
    }

    private static bool IsNameChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-_.*$+:@&=,!~';".Contains(c);

    private static void ValidateSystemName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("Actor system name must not be empty.", nameof(name));
        }

        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: it must start with a letter or digit.", nameof(name));
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                throw new ArgumentException($"Invalid actor system name [{name}]: character '{c}' is not allowed (use letters, digits, '-' and '_').", nameof(name));
            }
        }
    }

    /// <summary>The names from the root (exclusive) to this path (inclusive).</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            var p = this;
            for (var i = elements.Length - 1; i >= 0; i--)
            {
                elements[i] = p!.Name;
                p = p.Parent;
            }

            return elements;
        }
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        var a = this;
        var b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            a = a.Parent;
            b = b.Parent;
        }

        return a is null && b is null && other is not null && string.Equals(SystemName, other.SystemName, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var p = this; p is not null; p = p.Parent)
        {
            hash.Add(p.Name, StringComparer.Ordinal);
        }

        hash.Add(SystemName, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>Renders the path, e.g. <c>ahb://app/user/feeds</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Scheme).Append(SystemName);
        if (Parent is null)
        {
            return sb.Append('/').ToString();
        }

        foreach (var element in Elements)
        {
            sb.Append('/').Append(element);
        }

        return sb.ToString();
    }
}
