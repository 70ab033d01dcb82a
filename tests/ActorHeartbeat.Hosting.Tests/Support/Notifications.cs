namespace ActorHeartbeat.Hosting.Tests.Support;

/// <summary>Reads a subscription until a notification matches (bounded: a failure after 15 s, never a hang).</summary>
internal static class Notifications
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    public static async Task<List<ConnectionNotification>> ReadUntilAsync(this IAsyncEnumerator<ConnectionNotification> reader, Predicate<ConnectionNotification> last, string what)
    {
        var read = new List<ConnectionNotification>();
        while (true)
        {
            bool more;
            try
            {
                more = await reader.MoveNextAsync().AsTask().WaitAsync(Bound);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"No notification {what} within {Bound.TotalSeconds} s; read: {string.Join(", ", read)}");
                throw;
            }

            Assert.True(more, $"The subscription ended before a notification {what}; read: {string.Join(", ", read)}");
            read.Add(reader.Current);
            if (last(reader.Current))
            {
                return read;
            }
        }
    }
}
