namespace ActorHeartbeat.Actors.Tests;

public sealed class ActorPathTests
{
    [Theory]
    [InlineData("feed-a", true)]
    [InlineData("a.b_c:d@e&f=g+h,i!j~k*l'm;n", true)]
    [InlineData("", false)]
    [InlineData("$generated", false)]
    [InlineData("with space", false)]
    [InlineData("slash/inside", false)]
    [InlineData("hash#", false)]
    [InlineData("ünïcode", false)]
    public void IsValidName_FollowsTheActorNameRules(string name, bool valid) =>
        Assert.Equal(valid, ActorPath.IsValidName(name));

    [Fact]
    public void TooLongName_IsInvalid() => Assert.False(ActorPath.IsValidName(new string('a', 256)));

    [Fact]
    public void Child_WithInvalidName_ThrowsNamingTheNameAndTheRule()
    {
        var e = Assert.Throws<InvalidActorNameException>(() => ActorPath.Root("sys").Child("bad name"));
        Assert.Contains("[bad name]", e.Message);
        Assert.Contains("' '", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData("has.dot")]
    public void Root_WithInvalidSystemName_ThrowsArgumentException(string name) =>
        Assert.Throws<ArgumentException>(() => ActorPath.Root(name));

    [Fact]
    public void Paths_RenderWithSchemeSystemAndElements_AndCompareByElements()
    {
        var a = ActorPath.Root("app").Child("user").Child("feeds");
        var b = ActorPath.Root("app").Child("user").Child("feeds");

        Assert.Equal("ahb://app/user/feeds", a.ToString());
        Assert.Equal("ahb://app/", ActorPath.Root("app").ToString());
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ActorPath.Root("other").Child("user").Child("feeds"));
        Assert.NotEqual(a, a.Parent);
        Assert.Equal(["user", "feeds"], a.Elements);
        Assert.Equal(2, a.Depth);
    }
}
