using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Events;
using ActorHeartbeat.Connections;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// Carries the facade's sends to the manager as acknowledged sends and completes each one with its
/// outcome, which is always exactly one of: <see cref="SendAccepted"/> (the connection took it),
/// <see cref="SendRejected"/> (the manager or the connection refused it), or a dead letter (the
/// connection's supervisor stopped — it gave up or was removed — before it saw the send), which this
/// actor watches for on the event stream. A refusal of a message that was already accepted into the
/// send buffer (the connection is removed or gives up before it comes up) arrives later; it fails
/// nothing any more and is logged and counted instead.
/// </summary>
internal sealed class SendCoordinator : ReceiveActor
{
    private readonly IActorRef _manager;
    private readonly ILogger _logger;
    private readonly Action _onLateRejection;
    private readonly Dictionary<OutboundMessage, Request> _inFlight = new(ReferenceEqualityComparer.Instance);
    private bool _managerStopped;

    private SendCoordinator(IActorRef manager, ILogger logger, Action onLateRejection)
    {
        _manager = manager;
        _logger = logger;
        _onLateRejection = onLateRejection;
        Receive<Request>(OnRequest);
        Receive<SendAccepted>(a =>
        {
            if (_inFlight.Remove(a.Message, out var request))
            {
                request.Completion.TrySetResult();
            }
        });
        Receive<SendRejected>(OnRejected);
        Receive<DeadLetter>(OnDeadLetter);
        Receive<Terminated>(_ =>
        {
            _managerStopped = true;
            FailAll();
        });
    }

    public static Props Props(IActorRef manager, ILogger logger, Action onLateRejection) =>
        Actors.Props.Create(() => new SendCoordinator(manager, logger, onLateRejection));

    protected override void PreStart()
    {
        Context.Watch(_manager);
        Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        FailAll();
    }

    private void OnRequest(Request request)
    {
        if (_managerStopped)
        {
            request.Completion.TrySetException(Stopped(request));
            return;
        }

        _inFlight[request.Message] = request;
        _manager.Tell(new ConnectionManager.Send(request.Connection, request.Message) { Acknowledge = true }, Self);
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

    private void OnDeadLetter(DeadLetter letter)
    {
        if (letter.Message is ConnectionSupervisor.SendCommand command
            && Self.Equals(letter.Sender)
            && _inFlight.Remove(command.Message, out var request))
        {
            request.Completion.TrySetException(new SendRejectedException(request.Connection, "the connection stopped (gave up or was removed) before it took the message"));
        }
    }

    private void FailAll()
    {
        foreach (var request in _inFlight.Values)
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
