using System.Globalization;

namespace ActorHeartbeat.TestKit;

/// <summary>What one direction of a <see cref="FaultProxy"/> does with the bytes it reads.</summary>
internal enum FaultProxyMode
{
    Pass,
    Freeze,
    Blackhole,
    Delay,
}

/// <summary>The mode of one direction; <see cref="Delay"/> matters only for <see cref="FaultProxyMode.Delay"/>.</summary>
internal readonly record struct FaultProxyRule(FaultProxyMode Mode, TimeSpan Delay)
{
    public static FaultProxyRule Pass { get; } = new(FaultProxyMode.Pass, TimeSpan.Zero);

    public override string ToString() => Mode switch
    {
        FaultProxyMode.Pass => "pass",
        FaultProxyMode.Freeze => "freeze",
        FaultProxyMode.Blackhole => "blackhole",
        _ => string.Create(CultureInfo.InvariantCulture, $"delay {Delay.TotalMilliseconds:0.###} ms"),
    };
}
