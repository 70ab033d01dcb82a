namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>Waits for a condition on real time: polled every 10 ms, failing after a bound.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan bound, string what)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(start) > bound)
            {
                throw new TimeoutException($"{what} did not hold within {bound.TotalMilliseconds:0} ms.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }
}
