namespace ActorHeartbeat.TestKit.Tests;

/// <summary>Callbacks that create, change or dispose timers, or advance the clock, while Advance runs.</summary>
public sealed partial class ManualTimeProviderTests
{
    [Fact]
    public void Callback_CreatingATimerDueInsideTheSameAdvance_FiresItThereInOrder()
    {
        var created = new List<ITimer>();
        using var first = _time.CreateTimer(
            _ =>
            {
                _fired.Add($"first@{_time.Elapsed.TotalMilliseconds}");
                created.Add(Record("inner", TimeSpan.FromMilliseconds(500), Once));
                created.Add(Record("later", TimeSpan.FromSeconds(5), Once));
            },
            null,
            TimeSpan.FromSeconds(1),
            Once);
        using var second = Record("second", TimeSpan.FromSeconds(2), Once);

        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["first@1000", "inner@1500", "second@2000"], _fired);
        Assert.Equal(1, _time.ActiveTimerCount);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["first@1000", "inner@1500", "second@2000", "later@6000"], _fired);
    }

    [Fact]
    public void Callback_CreatingATimerDueExactlyAtTheEndOfTheAdvance_FiresIt()
    {
        using var first = _time.CreateTimer(_ => Record("inner", TimeSpan.FromSeconds(2), Once), null, TimeSpan.FromSeconds(1), Once);

        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["inner@3000"], _fired);
    }

    [Fact]
    public void Callback_DisposingOtherDueTimers_KeepsThemFromFiring()
    {
        ITimer? sameInstant = null;
        ITimer? later = null;
        using var killer = _time.CreateTimer(
            _ =>
            {
                _fired.Add("killer");
                sameInstant!.Dispose();
                later!.Dispose();
            },
            null,
            TimeSpan.FromSeconds(1),
            Once);
        sameInstant = Record("sameInstant", TimeSpan.FromSeconds(1), Once);
        later = Record("later", TimeSpan.FromSeconds(2), Once);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["killer"], _fired);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void PeriodicCallback_StoppingItsOwnTimer_EndsTheSeries()
    {
        ITimer? self = null;
        var count = 0;
        self = _time.CreateTimer(
            _ =>
            {
                if (++count == 3)
                {
                    self!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(3, count);
        Assert.Equal(0, _time.ActiveTimerCount);
        self.Dispose();
    }

    [Fact]
    public void PeriodicCallback_DisposingItsOwnTimer_EndsTheSeries()
    {
        ITimer? self = null;
        var count = 0;
        self = _time.CreateTimer(_ => { count++; self!.Dispose(); }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, count);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void Callback_AdvancingTheClockItself_NeverMovesItBackwards()
    {
        using var nested = _time.CreateTimer(_ => _time.Advance(TimeSpan.FromSeconds(5)), null, TimeSpan.FromSeconds(1), Once);

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(6), _time.Elapsed);
    }
}
