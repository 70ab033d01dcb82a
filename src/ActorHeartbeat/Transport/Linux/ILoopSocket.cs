namespace ActorHeartbeat.Transport.Linux;

/// <summary>A socket registered with a <see cref="SocketEventLoop"/>; its handlers run on the loop's thread.</summary>
internal interface ILoopSocket
{
    /// <summary>The descriptor became ready: <paramref name="events"/> is the epoll mask (<see cref="Epoll.In"/>, <see cref="Epoll.Out"/>, …).</summary>
    void OnEvents(uint events);

    /// <summary>A handler threw: the socket must fail itself (the loop goes on serving the others).</summary>
    void OnLoopFault(Exception error);
}
