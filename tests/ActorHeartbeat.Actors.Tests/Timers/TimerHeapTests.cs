using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Tests.Timers;

public sealed class TimerHeapTests
{
    private static List<string> Drain(TimerHeap<string> heap)
    {
        var order = new List<string>();
        while (heap.Count > 0)
        {
            order.Add(heap.Pop());
        }

        return order;
    }

    [Theory]
    [InlineData(new long[] { 5, 1, 3 }, "1,3,5")]
    [InlineData(new long[] { 2, 2, 1, 2 }, "1,2a,2b,2c")]
    [InlineData(new long[] { 9, 8, 7, 6, 5, 4, 3, 2, 1 }, "1,2,3,4,5,6,7,8,9")]
    public void Pop_ReturnsEarliestDueFirst_TiesInSequenceOrder(long[] dues, string expected)
    {
        var heap = new TimerHeap<string>();
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < dues.Length; i++)
        {
            var due = dues[i];
            var tied = dues.Count(d => d == due) > 1;
            counts[due] = counts.GetValueOrDefault(due) + 1;
            heap.Push(due, i, tied ? $"{due}{(char)('a' + counts[due] - 1)}" : $"{due}");
        }

        Assert.Equal(expected, string.Join(",", Drain(heap)));
    }

    [Fact]
    public void ThousandsOfEntries_ComeOutSortedByDueThenSequence()
    {
        var heap = new TimerHeap<string>();
        var expected = new List<(long Due, long Seq)>();
        for (long i = 0; i < 5000; i++)
        {
            var due = i * 7919 % 613;
            heap.Push(due, i, $"{due}/{i}");
            expected.Add((due, i));
        }

        var want = expected.OrderBy(x => x.Due).ThenBy(x => x.Seq).Select(x => $"{x.Due}/{x.Seq}");
        Assert.Equal(want, Drain(heap));
    }

    [Fact]
    public void RescheduleMin_MovesTheEarliestBehindLaterOnes_KeepingItsSequenceForTies()
    {
        var heap = new TimerHeap<string>();
        heap.Push(1, 1, "periodic");
        heap.Push(3, 2, "later");
        heap.Push(3, 3, "last");

        Assert.Equal(1, heap.MinDue);
        heap.RescheduleMin(3);

        Assert.Equal(["periodic", "later", "last"], Drain(heap));
    }

    [Fact]
    public void RemoveWhere_DropsMatchingItems_AndKeepsTheRestInOrder()
    {
        var heap = new TimerHeap<string>();
        for (var i = 0; i < 200; i++)
        {
            heap.Push(200 - i, i, (200 - i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        heap.RemoveWhere(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) % 3 != 0);

        var left = Drain(heap).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 200).Where(n => n % 3 == 0), left);
    }
}
