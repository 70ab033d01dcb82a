namespace ActorHeartbeat.Actors.Timers;

/// <summary>An item of a <see cref="TimerHeap{T}"/>, which keeps the item's position in it up to date.</summary>
internal interface ITimerHeapItem
{
    /// <summary>The item's slot in the heap, or -1 while it is in none.</summary>
    int HeapIndex { get; set; }
}
