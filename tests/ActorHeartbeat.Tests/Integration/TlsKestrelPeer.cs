namespace ActorHeartbeat.Tests.Integration;

/// <summary>The <see cref="KestrelPeer"/> endpoints over TLS only, with a certificate made for 127.0.0.1 (<see cref="LoopbackCertificate"/>).</summary>
public sealed class TlsKestrelPeer() : KestrelPeer(LoopbackCertificate.Create());
