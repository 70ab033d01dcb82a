using ActorHeartbeat.Hocon.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ActorHeartbeat.Hocon.Tests.Configuration;

public sealed class HoconConfigurationProviderTests : IDisposable
{
    private static readonly TimeSpan ReloadPatience = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddHoconFile_MapsPathsToColonKeys_AndArraysToIndexKeys()
    {
        string file = _dir.Write("app.conf", """
            feed {
              url = "wss://a.example/ws"
              connect-timeout = 10s
              tls.verify = true
              tags = [red, green]
            }
            """);

        IConfigurationRoot config = new ConfigurationBuilder().AddHoconFile(file).Build();

        Assert.Equal("wss://a.example/ws", config["feed:url"]);
        Assert.Equal("10s", config["feed:connect-timeout"]);
        Assert.Equal("true", config["FEED:TLS:VERIFY"]);
        Assert.Equal("red", config["feed:tags:0"]);
        Assert.Equal("green", config["feed:tags:1"]);
        Assert.Equal(
            ["connect-timeout", "tags", "tls", "url"],
            config.GetSection("feed").GetChildren().Select(child => child.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bind_NestedObjectAndLists()
    {
        string file = _dir.Write("app.conf", """
            defaults { port = 443, tls { verify = true, protocols = [tls12, tls13] } }
            feed = ${defaults} {
              name = feed-a
              connect-timeout = 5s
              ratio = 0.25
              tls.verify = false
              endpoints = [
                { host = a.example, port = 1 }
                { host = b.example }
              ]
              headers { Authorization = "Bearer x", X-Trace = on }
            }
            """);

        FeedOptions options = new ConfigurationBuilder().AddHoconFile(file).Build().GetSection("feed").Get<FeedOptions>()!;

        Assert.Equal("feed-a", options.Name);
        Assert.Equal(443, options.Port);
        Assert.Equal("5s", options.ConnectTimeout);
        Assert.Equal(0.25, options.Ratio);
        Assert.False(options.Tls.Verify);
        Assert.Equal(["tls12", "tls13"], options.Tls.Protocols);
        Assert.Equal(2, options.Endpoints.Count);
        Assert.Equal(("a.example", 1), (options.Endpoints[0].Host, options.Endpoints[0].Port));
        Assert.Equal(("b.example", 0), (options.Endpoints[1].Host, options.Endpoints[1].Port));
        Assert.Equal("Bearer x", options.Headers["Authorization"]);
        Assert.Equal("on", options.Headers["X-Trace"]);
    }

    [Fact]
    public void NullAndEmptyValues_AreKeysWithNullValues()
    {
        string file = _dir.Write("app.conf", "url = null\nheaders {}\nprotocols = []\n");

        IConfigurationRoot config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["url"] = "from-memory" })
            .AddHoconFile(file)
            .Build();

        // A later source's null hides the earlier value, as the JSON provider's null does.
        Assert.Null(config["url"]);
        Assert.Null(config["headers"]);
        Assert.Null(config["protocols"]);
        Assert.Equal(["headers", "protocols", "url"], config.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LaterSources_OverrideHoconValues()
    {
        string file = _dir.Write("app.conf", "port = 80\nhost = h\n");

        IConfigurationRoot config = new ConfigurationBuilder()
            .AddHoconFile(file)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["port"] = "8080" })
            .Build();

        Assert.Equal("8080", config["port"]);
        Assert.Equal("h", config["host"]);
    }

    [Fact]
    public void RelativePath_IsFoundThroughTheBuilderBasePath_AndIncludesNextToTheFile()
    {
        _dir.Write("conf/app.conf", "include \"parts/base.conf\"\nown = 2\n");
        _dir.Write("conf/parts/base.conf", "base = 1\n");

        IConfigurationRoot config = new ConfigurationBuilder()
            .SetBasePath(Path.Combine(_dir.Path, "conf"))
            .AddHoconFile("app.conf")
            .Build();

        Assert.Equal("1", config["base"]);
        Assert.Equal("2", config["own"]);
    }

    [Fact]
    public void Substitutions_FallBackToTheSourceEnvironment()
    {
        _dir.Write("app.conf", "port = 80\nport = ${?APP_PORT}\nuser = ${APP_USER}\n");
        var environment = new Dictionary<string, string> { ["APP_PORT"] = "9000", ["APP_USER"] = "svc" };

        IConfigurationRoot config = new ConfigurationBuilder()
            .AddHoconFile(source =>
            {
                source.FileProvider = new PhysicalFileProvider(_dir.Path);
                source.Path = "app.conf";
                source.Environment = name => environment.GetValueOrDefault(name);
            })
            .Build();

        Assert.Equal("9000", config["port"]);
        Assert.Equal("svc", config["user"]);
    }

    [Fact]
    public void OptionalMissingFile_ContributesNothing()
    {
        IConfigurationRoot config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["a"] = "1" })
            .AddHoconFile(Path.Combine(_dir.Path, "absent.conf"), optional: true)
            .Build();

        Assert.Equal("1", config["a"]);
        Assert.Single(config.AsEnumerable());
    }

    [Fact]
    public void RequiredMissingFile_Throws()
    {
        string absent = Path.Combine(_dir.Path, "absent.conf");

        FileNotFoundException error = Assert.Throws<FileNotFoundException>(
            () => new ConfigurationBuilder().AddHoconFile(absent, optional: false).Build());

        Assert.Contains("absent.conf", error.Message);
    }

    [Theory]
    [InlineData("a = 1\nb = [1, 2\n", 2)]
    [InlineData("a = 1\nb = ${nowhere}\n", 2)]
    [InlineData("a {\n  b = 1\n  c = foo@bar\n}\n", 3)]
    public void ParseError_ThrowsTheHoconException_NamingFileAndLine(string content, int line)
    {
        string file = _dir.Write("broken.conf", content);

        HoconException error = Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile(file).Build());

        Assert.Equal(line, error.Line);
        Assert.Contains($"broken.conf:{line}:", error.Message);
        Assert.EndsWith("broken.conf", error.SourceName);
    }

    [Fact]
    public void ParseError_EvenInAnOptionalFile_IsNotSwallowed()
    {
        string file = _dir.Write("broken.conf", "a = [\n");

        Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile(file, optional: true).Build());
    }

    [Fact]
    public void ParseError_CanBeIgnoredExplicitlyThroughOnLoadException()
    {
        string file = _dir.Write("broken.conf", "a = [\n");
        Exception? reported = null;

        IConfigurationRoot config = new ConfigurationBuilder()
            .AddHoconFile(source =>
            {
                source.FileProvider = new PhysicalFileProvider(_dir.Path);
                source.Path = "broken.conf";
                source.OnLoadException = context =>
                {
                    reported = context.Exception;
                    context.Ignore = true;
                };
            })
            .Build();

        Assert.Empty(config.AsEnumerable());
        Assert.IsType<HoconException>(reported?.InnerException);
        Assert.Contains(file, reported!.Message);
    }

    [Fact]
    public void ReloadOnChange_ReloadsWhenTheFileProviderSignalsAChange()
    {
        _dir.Write("app.conf", "port = 80\n");
        using var files = new TriggeredFileProvider(_dir.Path);
        using ConfigurationRoot config = BuildReloading(files, "app.conf", onLoadException: null);
        IChangeToken reloaded = config.GetReloadToken();
        Assert.Equal("80", config["port"]);

        _dir.Write("app.conf", "port = 81\nhost = h\n");
        Assert.False(reloaded.HasChanged);
        files.SignalChange();

        Assert.True(WaitFor(reloaded), "no reload after the change signal");
        Assert.Equal("81", config["port"]);
        Assert.Equal("h", config["host"]);
    }

    [Fact]
    public void ReloadOnChange_WithASyntaxError_ReportsItToOnLoadException()
    {
        _dir.Write("app.conf", "port = 80\n");
        using var files = new TriggeredFileProvider(_dir.Path);
        var reported = new List<Exception>();
        using ConfigurationRoot config = BuildReloading(files, "app.conf", context =>
        {
            reported.Add(context.Exception);
            context.Ignore = true;
        });

        _dir.Write("app.conf", "port = [\n");
        IChangeToken reloaded = config.GetReloadToken();
        files.SignalChange();

        Assert.True(WaitFor(reloaded), "no reload after the change signal");
        HoconException error = Assert.IsType<HoconException>(Assert.Single(reported).InnerException);
        Assert.Contains("app.conf:1:", error.Message);
        // As with the JSON provider, a file that fails to reload contributes nothing until it is fixed.
        Assert.Null(config["port"]);

        _dir.Write("app.conf", "port = 82\n");
        reloaded = config.GetReloadToken();
        files.SignalChange();
        Assert.True(WaitFor(reloaded), "no reload after the second change signal");
        Assert.Equal("82", config["port"]);
    }

    [Fact]
    public void ReloadOnChange_WithThePhysicalFileWatcher_PicksUpARewrite()
    {
        string file = _dir.Write("app.conf", "port = 80\n");
        using var config = (ConfigurationRoot)new ConfigurationBuilder()
            .AddHoconFile(source =>
            {
                source.FileProvider = new PhysicalFileProvider(_dir.Path);
                source.Path = Path.GetFileName(file);
                source.ReloadOnChange = true;
                source.ReloadDelay = 0;
            })
            .Build();
        using var deadline = new CancellationTokenSource(ReloadPatience);

        IChangeToken reloaded = config.GetReloadToken();
        _dir.Replace("app.conf", "port = 81\n");

        // The watcher may report more than one event for the replacement; wait until the new value shows.
        while (config["port"] != "81")
        {
            Assert.True(WaitFor(reloaded, deadline.Token), $"no reload within {ReloadPatience.TotalSeconds:0} s");
            reloaded = config.GetReloadToken();
        }

        Assert.Equal("81", config["port"]);
    }

    private static ConfigurationRoot BuildReloading(IFileProvider files, string path, Action<FileLoadExceptionContext>? onLoadException) =>
        (ConfigurationRoot)new ConfigurationBuilder()
            .AddHoconFile(source =>
            {
                source.FileProvider = files;
                source.Path = path;
                source.ReloadOnChange = true;
                source.ReloadDelay = 0;
                source.OnLoadException = onLoadException;
            })
            .Build();

    private static bool WaitFor(IChangeToken token, CancellationToken cancel = default)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable registration = token.RegisterChangeCallback(_ => fired.TrySetResult(), null);
        try
        {
            return fired.Task.Wait(ReloadPatience, cancel);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
