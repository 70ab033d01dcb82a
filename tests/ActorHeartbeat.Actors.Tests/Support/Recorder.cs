namespace ActorHeartbeat.Actors.Tests.Support;

/// <summary>A thread-safe log of lifecycle and message events, shared between a test and its actors.</summary>
internal sealed class Recorder
{
    private readonly List<string> _events = [];

    public void Add(string entry)
    {
        lock (_events)
        {
            _events.Add(entry);
        }
    }

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }
}
