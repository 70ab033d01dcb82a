using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// Carries the facade's sends to the manager and reports their outcome. Each send is followed by a
/// <see cref="ConnectionManager.ListConnections"/> to the manager: the manager handles one sender's
/// messages in order, so its list reply proves the send was handled before it, and a refusal by the
/// manager (unknown id) always arrives first. A refusal by the connection itself (full buffer, removed,
/// gave up) comes from the connection's supervisor, so it can also arrive after the list reply; it then
/// fails nothing any more and is logged and counted instead.
/// </summary>
internal sealed class SendCoordinator : ReceiveActor
{
    private readonly IActorRef _manager;
    private readonly ILogger _logger;
    private readonly Action _onLateRejection;
    private readonly Queue<Request> _awaitingConfirmation = new();
    private readonly Dictionary<OutboundMessage, Request> _inFlight = new(ReferenceEqualityComparer.Instance);
    private bool _managerStopped;

    private SendCoordinator(IActorRef manager, ILogger logger, Action onLateRejection)
    {
        _manager = manager;
        _logger = logger;
        _onLateRejection = onLateRejection;
        Receive<Request>(OnRequest);
        Receive<SendRejected>(OnRejected);
        Receive<ConnectionManager.ConnectionList>(_ => OnConfirmed());
        Receive<Terminated>(_ =>
        {
            _managerStopped = true;
            FailAll();
        });
    }

    public static Props Props(IActorRef manager, ILogger logger, Action onLateRejection) =>
        Actors.Props.Create(() => new SendCoordinator(manager, logger, onLateRejection));

    protected override void PreStart() => Context.Watch(_manager);

    protected override void PostStop() => FailAll();

    private void OnRequest(Request request)
    {
        if (_managerStopped)
        {
            request.Completion.TrySetException(Stopped(request));
            return;
        }

        _inFlight[request.Message] = request;
        _awaitingConfirmation.Enqueue(request);
        _manager.Tell(new ConnectionManager.Send(request.Connection, request.Message), Self);
        _manager.Tell(ConnectionManager.ListConnections.Instance, Self);
    }

    private void OnRejected(SendRejected rejected)
    {
        if (_inFlight.Remove(rejected.Message, out var request))
        {
            request.Completion.TrySetException(new SendRejectedException(rejected.Connection, rejected.Reason));
            return;
        }

        _onLateRejection();
        Log.LateRejection(_logger, rejected.Connection, rejected.Reason);
    }

    private void OnConfirmed()
    {
        if (_awaitingConfirmation.TryDequeue(out var request))
        {
            _inFlight.Remove(request.Message);
            request.Completion.TrySetResult();
        }
    }

    private void FailAll()
    {
        while (_awaitingConfirmation.TryDequeue(out var request))
        {
            request.Completion.TrySetException(Stopped(request));
        }

        _inFlight.Clear();
    }

    private static InvalidOperationException Stopped(Request request) =>
        new($"send on connection '{request.Connection}' did not complete: the connection manager has stopped");

    /// <summary>A send of the facade; <paramref name="Completion"/> carries its outcome.</summary>
    public sealed record Request(string Connection, OutboundMessage Message, TaskCompletionSource Completion);
}
