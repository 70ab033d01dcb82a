using ActorHeartbeat.Hocon.Model;
using ActorHeartbeat.Hocon.Parsing;
using ActorHeartbeat.Hocon.Rendering;
using ActorHeartbeat.Hocon.Resolution;

namespace ActorHeartbeat.Hocon;

/// <summary>
/// An immutable HOCON configuration: a root object plus typed access by path expression
/// (<c>a.b.c</c>, <c>a."b.c"</c>). Getters throw <see cref="HoconException"/> naming the path and the
/// value's origin when the path is missing, the value is null or has the wrong type; invalid path
/// expressions throw <see cref="ArgumentException"/>.
/// </summary>
public sealed partial class Config
{
    private readonly Func<string, string?> _environment;
    private bool? _isResolved;

    internal Config(HoconObject root, Func<string, string?> environment, bool? isResolved = null)
    {
        Root = root;
        _environment = environment;
        _isResolved = isResolved;
    }

    internal static Func<string, string?> DefaultEnvironment { get; } = System.Environment.GetEnvironmentVariable;

    /// <summary>A resolved configuration without any settings.</summary>
    public static Config Empty { get; } = new(new HoconObject(new HoconOrigin("<empty>", 0, 0)), DefaultEnvironment, isResolved: true);

    /// <summary>The root object.</summary>
    public HoconObject Root { get; }

    /// <summary>True when the configuration contains no unresolved substitutions.</summary>
    public bool IsResolved => _isResolved ??= Resolver.IsResolved(Root);

    /// <summary>
    /// Resolves all substitutions (looking them up in this configuration, then in the environment for
    /// single-key paths) and returns the resolved configuration; returns this instance when already resolved.
    /// </summary>
    /// <exception cref="HoconException">A substitution cannot be resolved, forms a cycle, or joins incompatible values.</exception>
    public Config Resolve() =>
        IsResolved ? this : new Config(Resolver.Resolve(Root, _environment), _environment, isResolved: true);

    /// <summary>
    /// Returns a configuration where this one's settings take priority and <paramref name="fallback"/> supplies
    /// the rest, merged with the HOCON rules for duplicate keys (objects merge, other values override).
    /// The result is unresolved if either input is; call <see cref="Resolve"/> afterwards.
    /// </summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var merged = (HoconObject)ValueMerger.Merge(Root, fallback.Root, inPlace: false);
        var resolved = IsResolved && fallback.IsResolved ? true : (bool?)null;
        return new Config(merged, _environment, resolved);
    }

    /// <summary>True when <paramref name="path"/> exists and is not null (as in the reference implementation).</summary>
    public bool HasPath(string path) => TryFind(path) is { } value && value is not HoconScalar { Kind: HoconScalarKind.Null };

    /// <summary>True when <paramref name="path"/> exists, even if its value is null.</summary>
    public bool HasPathOrNull(string path) => TryFind(path) is not null;

    /// <summary>True when the value at <paramref name="path"/> is null.</summary>
    /// <exception cref="HoconException">The path does not exist.</exception>
    public bool GetIsNull(string path) => GetValue(path) is HoconScalar { Kind: HoconScalarKind.Null };

    /// <summary>The value at <paramref name="path"/>.</summary>
    /// <exception cref="HoconException">The path does not exist.</exception>
    public HoconValue GetValue(string path) => Find(path);

    /// <summary>The object at <paramref name="path"/> as a configuration of its own.</summary>
    /// <exception cref="HoconException">The path is missing or not an object.</exception>
    public Config GetConfig(string path) => new(GetObject(path), _environment, _isResolved == true ? true : null);

    /// <summary>Where the value at <paramref name="path"/> was written.</summary>
    /// <exception cref="HoconException">The path does not exist.</exception>
    public HoconOrigin GetOrigin(string path) => Find(path).Origin;

    /// <summary>
    /// Compact JSON of the tree: strings (quoted or not) become JSON strings, numbers are written as in the
    /// file (normalized only where HOCON allows a form JSON does not, such as <c>1.</c>), then true, false, null.
    /// Keys keep insertion order.
    /// </summary>
    /// <exception cref="HoconException">The configuration is not resolved.</exception>
    public string ToJson()
    {
        if (!IsResolved)
        {
            throw HoconException.At(Root.Origin, "the configuration has unresolved substitutions; call Resolve() before ToJson()");
        }

        return JsonRenderer.Render(Root);
    }

    /// <summary>
    /// Readable HOCON (one setting per line, indented objects, strings quoted); it parses back to the same
    /// configuration. Unresolved configurations keep their substitutions (those from included files written
    /// with their full path) and repeated definitions of a field.
    /// </summary>
    public string ToHocon() => HoconRenderer.RenderDocument(Root);

    /// <summary>The rendering of <see cref="ToHocon"/>.</summary>
    public override string ToString() => ToHocon();

    private HoconValue? TryFind(string path)
    {
        var parsed = PathBuilder.Parse(path);
        HoconValue current = Root;
        foreach (var key in parsed.Segments)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private HoconValue Find(string path)
    {
        var parsed = PathBuilder.Parse(path);
        HoconValue current = Root;
        for (var i = 0; i < parsed.Length; i++)
        {
            if (HoconMergeStack.IsUnresolvedType(current))
            {
                throw NotResolved(path, current);
            }

            if (current is not HoconObject obj)
            {
                throw HoconException.At(
                    current.Origin,
                    $"{path}: {parsed.Prefix(i)} is {ConcatJoiner.Describe(current)}, not an object");
            }

            if (!obj.TryGetValue(parsed[i], out var next))
            {
                var where = i == 0 ? "the configuration" : parsed.Prefix(i).ToString();
                throw HoconException.At(obj.Origin, $"{path}: no such setting ({where} has no key '{parsed[i]}')");
            }

            current = next;
        }

        if (HoconMergeStack.IsUnresolvedType(current))
        {
            throw NotResolved(path, current);
        }

        return current;
    }

    private static HoconException NotResolved(string path, HoconValue value) =>
        HoconException.At(value.Origin, $"{path}: the value contains unresolved substitutions; call Resolve() first");
}
