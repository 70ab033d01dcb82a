using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Tests.Timers;

public sealed class TimerHeapTests
{
    private sealed class Item(string name) : ITimerHeapItem
    {
        public string Name { get; } = name;

        public int HeapIndex { get; set; } = -1;

        public override string ToString() => Name;
    }

    private static List<string> Drain(TimerHeap<Item> heap)
    {
        var order = new List<string>();
        while (heap.Count > 0)
        {
            var item = heap.Pop();
            Assert.Equal(-1, item.HeapIndex);
            order.Add(item.Name);
        }

        return order;
    }

    [Theory]
    [InlineData(new long[] { 5, 1, 3 }, "1,3,5")]
    [InlineData(new long[] { 2, 2, 1, 2 }, "1,2a,2b,2c")]
    [InlineData(new long[] { 9, 8, 7, 6, 5, 4, 3, 2, 1 }, "1,2,3,4,5,6,7,8,9")]
    public void Pop_ReturnsEarliestDueFirst_TiesInSequenceOrder(long[] dues, string expected)
    {
        var heap = new TimerHeap<Item>();
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < dues.Length; i++)
        {
            var due = dues[i];
            var tied = dues.Count(d => d == due) > 1;
            counts[due] = counts.GetValueOrDefault(due) + 1;
            heap.Push(due, i, new Item(tied ? $"{due}{(char)('a' + counts[due] - 1)}" : $"{due}"));
        }

        Assert.Equal(expected, string.Join(",", Drain(heap)));
    }

    [Fact]
    public void ThousandsOfEntries_ComeOutSortedByDueThenSequence()
    {
        var heap = new TimerHeap<Item>();
        var expected = new List<(long Due, long Seq)>();
        for (long i = 0; i < 5000; i++)
        {
            var due = i * 7919 % 613;
            heap.Push(due, i, new Item($"{due}/{i}"));
            expected.Add((due, i));
        }

        var want = expected.OrderBy(x => x.Due).ThenBy(x => x.Seq).Select(x => $"{x.Due}/{x.Seq}");
        Assert.Equal(want, Drain(heap));
    }

    [Fact]
    public void RescheduleMin_MovesTheEarliestBehindLaterOnes_KeepingItsSequenceForTies()
    {
        var heap = new TimerHeap<Item>();
        heap.Push(1, 1, new Item("periodic"));
        heap.Push(3, 2, new Item("later"));
        heap.Push(3, 3, new Item("last"));

        Assert.Equal(1, heap.MinDue);
        heap.RescheduleMin(3);

        Assert.Equal(["periodic", "later", "last"], Drain(heap));
    }

    [Theory]
    [InlineData(200, 3)]
    [InlineData(1000, 2)]
    [InlineData(64, 1)]
    public void Remove_TakesAnyItemOutAtOnce_AndTheRestStayInOrder(int count, int keepEvery)
    {
        var heap = new TimerHeap<Item>();
        var items = new List<(long Due, Item Item)>();
        for (var i = 0; i < count; i++)
        {
            // Dues out of insertion order, with ties.
            var due = (long)(i * 37 % 101);
            var item = new Item($"{due}/{i}");
            heap.Push(due, i, item);
            items.Add((due, item));
        }

        var removed = items.Where((_, i) => i % (keepEvery + 1) != 0).ToList();
        foreach (var (_, item) in removed)
        {
            Assert.True(heap.Remove(item));
            Assert.Equal(-1, item.HeapIndex);
            Assert.False(heap.Remove(item));
        }

        var kept = items.Where((_, i) => i % (keepEvery + 1) == 0);
        Assert.Equal(kept.Count(), heap.Count);
        Assert.Equal(kept.OrderBy(x => x.Due).ThenBy(x => items.IndexOf(x)).Select(x => x.Item.Name), Drain(heap));
    }

    [Fact]
    public void Clear_LeavesEveryItemInNoHeap_SoItCanBePushedAgain()
    {
        var heap = new TimerHeap<Item>();
        var a = new Item("a");
        heap.Push(5, 1, a);
        heap.Push(1, 2, new Item("b"));

        heap.Clear();

        Assert.Equal(0, heap.Count);
        Assert.Equal(-1, a.HeapIndex);
        heap.Push(3, 3, a);
        Assert.Equal(["a"], Drain(heap));
    }

    [Fact]
    public void Push_OfAnItemAlreadyInAHeap_IsRefused()
    {
        var heap = new TimerHeap<Item>();
        var a = new Item("a");
        heap.Push(1, 1, a);

        Assert.Throws<InvalidOperationException>(() => heap.Push(2, 2, a));
    }
}
