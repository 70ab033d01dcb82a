using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Tests.Registry;

public sealed class EventLinesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 30, 1, 234, TimeSpan.FromHours(2));

    [Fact]
    public void Down_HasReasonDetailAndRtt_InUtc()
    {
        var line = EventLines.Format(new ConnectionEvent(At, "feed-a", ConnectionEventKind.Down, Reason: DisconnectReason.HeartbeatTimeout, Detail: "no answer to ping 7", RoundTrip: TimeSpan.FromMilliseconds(12.3456)));
        Assert.Equal("{\"ts\":\"2026-11-22T07:30:01.234Z\",\"connection\":\"feed-a\",\"event\":\"down\",\"reason\":\"heartbeat-timeout\",\"detail\":\"no answer to ping 7\",\"rttMs\":12.346}", line);
    }

    [Fact]
    public void Backoff_HasAttemptAndDelay_OnlyFieldsThatMeanSomething()
    {
        var line = EventLines.Format(new ConnectionEvent(At, "b", ConnectionEventKind.Backoff, Attempt: 3, Delay: TimeSpan.FromSeconds(2.5)));
        Assert.Equal("{\"ts\":\"2026-11-22T07:30:01.234Z\",\"connection\":\"b\",\"event\":\"backoff\",\"attempt\":3,\"delayMs\":2500}", line);
    }

    [Theory]
    [InlineData(ConnectionEventKind.Connecting, "connecting")]
    [InlineData(ConnectionEventKind.Up, "up")]
    [InlineData(ConnectionEventKind.Down, "down")]
    [InlineData(ConnectionEventKind.Backoff, "backoff")]
    [InlineData(ConnectionEventKind.GaveUp, "gave-up")]
    [InlineData(ConnectionEventKind.Removed, "removed")]
    public void EventNames_AreTheDesignNames(ConnectionEventKind kind, string name) => Assert.Equal(name, EventLines.Name(kind));

    [Fact]
    public void ConnectionIds_AreJsonEscaped()
    {
        var line = EventLines.Format(new ConnectionEvent(At, "a\"b\\c", ConnectionEventKind.Up));
        Assert.Contains("\"connection\":\"a\\u0022b\\\\c\"", line);
        Assert.Equal("a\"b\\c", System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("connection").GetString());
    }
}
