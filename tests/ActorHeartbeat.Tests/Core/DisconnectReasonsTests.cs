using ActorHeartbeat.Core;

namespace ActorHeartbeat.Tests.Core;

public sealed class DisconnectReasonsTests
{
    [Theory]
    [InlineData(DisconnectReason.ConnectFailed, "connect-failed")]
    [InlineData(DisconnectReason.ConnectTimeout, "connect-timeout")]
    [InlineData(DisconnectReason.HeartbeatTimeout, "heartbeat-timeout")]
    [InlineData(DisconnectReason.KeepaliveTimeout, "keepalive-timeout")]
    [InlineData(DisconnectReason.IdleTimeout, "idle-timeout")]
    [InlineData(DisconnectReason.ClosedByPeer, "closed-by-peer")]
    [InlineData(DisconnectReason.ProtocolError, "protocol-error")]
    [InlineData(DisconnectReason.MessageTooBig, "message-too-big")]
    [InlineData(DisconnectReason.Removed, "removed")]
    [InlineData(DisconnectReason.Shutdown, "shutdown")]
    public void ToKebab_GivesTheEventLineName(DisconnectReason reason, string expected) => Assert.Equal(expected, reason.ToKebab());

    [Fact]
    public void EveryReason_HasAName() =>
        Assert.All(Enum.GetValues<DisconnectReason>(), r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r.ToKebab()));
}
