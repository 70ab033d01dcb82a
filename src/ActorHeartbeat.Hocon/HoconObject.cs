using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace ActorHeartbeat.Hocon;

/// <summary>
/// A HOCON object: fields in insertion order (a key keeps the position of its first definition, also after
/// merges). Instances reachable from a <see cref="Config"/> never change.
/// </summary>
public sealed class HoconObject : HoconValue
{
    private readonly List<string> _keys;
    private readonly Dictionary<string, HoconValue> _fields;
    private ReadOnlyCollection<string>? _readOnlyKeys;

    internal HoconObject(HoconOrigin origin)
        : base(origin)
    {
        _keys = [];
        _fields = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
    }

    private HoconObject(HoconObject source)
        : base(source.Origin)
    {
        _keys = new List<string>(source._keys);
        _fields = new Dictionary<string, HoconValue>(source._fields, StringComparer.Ordinal);
        IgnoresFallbacks = source.IgnoresFallbacks;
    }

    /// <summary>The keys in insertion order.</summary>
    public IReadOnlyList<string> Keys => _readOnlyKeys ??= _keys.AsReadOnly();

    /// <summary>The number of fields.</summary>
    public int Count => _keys.Count;

    /// <summary>The value of field <paramref name="key"/> (a single key, not a path).</summary>
    /// <exception cref="KeyNotFoundException">The object has no such field.</exception>
    public HoconValue this[string key] =>
        _fields.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"{Origin}: the object has no field '{key}'");

    /// <summary>Looks up field <paramref name="key"/> (a single key, not a path).</summary>
    /// <returns>True and the value when the field exists.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) =>
        _fields.TryGetValue(key, out value);

    /// <summary>True when the object has a field named <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <summary>The fields in insertion order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Fields
    {
        get
        {
            foreach (var key in _keys)
            {
                yield return new KeyValuePair<string, HoconValue>(key, _fields[key]);
            }
        }
    }

    /// <summary>
    /// True when this object replaced a non-object value (<c>a = null</c> then <c>a { ... }</c>): whatever was
    /// below that value is hidden, so later fallbacks must not be merged into this object.
    /// </summary>
    internal bool IgnoresFallbacks { get; set; }

    /// <summary>Adds or replaces a field; only used while a tree is being built.</summary>
    internal void Set(string key, HoconValue value)
    {
        if (!_fields.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _fields[key] = value;
    }

    internal HoconObject ShallowCopy() => new(this);
}
