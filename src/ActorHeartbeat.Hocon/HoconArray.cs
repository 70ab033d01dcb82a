namespace ActorHeartbeat.Hocon;

/// <summary>A HOCON array. Instances reachable from a <see cref="Config"/> never change.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly HoconValue[] _items;

    internal HoconArray(IEnumerable<HoconValue> items, HoconOrigin origin)
        : base(origin)
    {
        _items = items.ToArray();
        Items = Array.AsReadOnly(_items);
    }

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<HoconValue> Items { get; }

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;
}
