using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors.Tests.Internal;

public sealed class SmallSetTests
{
    // Operations ("+x" adds, "-x" removes; each reports whether it changed the set) → the reports, then the members.
    [Theory]
    [InlineData("+a", "T", "a")]
    [InlineData("+a +a", "TF", "a")]
    [InlineData("+a +b +c", "TTT", "abc")]
    [InlineData("+a +b -a +a", "TTTT", "ab")]
    [InlineData("+a +b -a +b", "TTTF", "b")]
    [InlineData("+a +b -b -b +c", "TTTFT", "ac")]
    [InlineData("-a +a -a -a", "FTTF", "")]
    [InlineData("+a +b +c -a -b -c +d", "TTTTTTT", "d")]
    public void Set_HasEachMemberOnce_WhetherInItsFieldOrItsHashSet(string operations, string reports, string members)
    {
        var set = new SmallSet<string>();
        var seen = "";
        foreach (var op in operations.Split(' '))
        {
            // New strings each time: membership is by equality, not by reference.
            var item = new string(op.AsSpan(1));
            seen += (op[0] == '+' ? set.Add(item) : set.Remove(item)) ? "T" : "F";
        }

        Assert.Equal(reports, seen);
        Assert.Equal(members, string.Concat(set.ToArray().Order(StringComparer.Ordinal)));
        foreach (var member in members)
        {
            Assert.True(set.Contains(member.ToString()));
        }

        Assert.False(set.Contains("z"));
    }
}
