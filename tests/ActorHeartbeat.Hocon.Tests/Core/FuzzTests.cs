using System.Text;
using System.Text.Json;
using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

/// <summary>
/// Mutation fuzzing with a fixed seed: valid files are damaged in thousands of ways; parsing must end in a
/// configuration or a <see cref="HoconException"/> with a position, and every configuration it accepts must
/// render to JSON and to HOCON that parses back to the same JSON.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Cases = 5000;

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", "=", ":", "+=", "${", "${?", "\"", "\"\"\"", "\n", "\r\n", "#", "//", "\\", "$", ".", "..",
        "include ", "include \"x.conf\"\n", "include \"self.conf\"\n", "include required(\"gone.conf\")\n", "required(", "file(\"x.conf\")", ")",
        "a.b", "\"q.k\"", " ", "\t", "\u00A0", "\uFEFF", "\u2028", "null", "true", "false", "yes", "1e", "1e400", "-", "0.5", "007", "\u0000",
        "\u00e9", "\ud83d\ude00", "\ud800", "${a}", "${?missing}", "${x.y}", "${HOME}", "[1,2]", "{k=v}", "a += 1\n", "a = ${a}x\n", "`", "?", "!",
    ];

    private static readonly string[] Seeds =
    [
        File.ReadAllText(Shipped.ReferenceConf),
        .. Shipped.Examples.Select(File.ReadAllText),
        "a = 1\nb = ${a}\nc = ${?b} ${a}\nd = [${a}, ${b}] [3]\ne = { x = ${a} } { y = 2 }\nf = \"\"\"tri\nple\"\"\"\n",
        "path = [/bin]\npath = ${path} [/usr/bin]\npath += /opt\ns = abc\ns = ${s}def\nobj { a.b.c = 1, \"q.k\" = x }\nobj = ${obj} { z = ${obj.a.b.c} }\n",
        "include \"x.conf\"\nx { include file(\"x.conf\") }\nn = [1, 2.5, -3e2, true, null, yes]\nm = 10 seconds\n",
        "{ \"json\": { \"a\": [1, 2, {\"b\": null}], \"c\": \"\\u00e9\\n\" }, \"d\": -0.0 }",
        "a { b { c { d = ${?e} } } }\ne = ${a.b}\nw = ${?HOME}\"/x\"\nkey with spaces = value with spaces // c\n",
    ];

    private readonly ScratchDirectory _dir = new();

    public FuzzTests()
    {
        _dir.Write("x.conf", "x1 = 1\nx2 = ${?x1}");
        _dir.Write("self.conf", "include \"self.conf\"");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MutatedFiles_OnlyEverRaiseHoconException()
    {
        var random = new SplitMix64(20_240_917);
        var options = new HoconParseOptions { BaseDirectory = _dir.Root, Environment = name => name == "HOME" ? "/srv/fuzz" : null };
        var accepted = 0;
        var rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var text = Mutate(random.Pick(Seeds), random);
            Config config;
            try
            {
                config = HoconParser.Parse(text, "fuzz.conf", options);
            }
            catch (HoconException e)
            {
                rejected++;
                Assert.False(string.IsNullOrWhiteSpace(e.Message), $"empty message for case {i}");
                Assert.True(e.SourceName.Length > 0, $"no source for case {i}: {e.Message}");
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i} threw {e.GetType().Name} instead of HoconException: {e}\n--- input ---\n{text}");
                throw;
            }

            accepted++;
            CheckRoundTrip(config, options, i, text);
        }

        // both outcomes must be well represented, or the mutations are too weak or too strong to test much
        Assert.InRange(accepted, Cases / 10, Cases);
        Assert.InRange(rejected, Cases / 10, Cases);
    }

    private static void CheckRoundTrip(Config config, HoconParseOptions options, int index, string text)
    {
        var json = config.ToJson();
        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            Assert.Fail($"case {index}: ToJson is not valid JSON ({e.Message})\n--- input ---\n{text}\n--- json ---\n{json}");
        }

        string reparsed;
        try
        {
            reparsed = HoconParser.Parse(config.ToHocon(), "rendered.conf", options).ToJson();
        }
        catch (HoconException e)
        {
            Assert.Fail($"case {index}: rendering does not parse back: {e.Message}\n--- input ---\n{text}\n--- rendered ---\n{config.ToHocon()}");
            throw;
        }

        Assert.True(json == reparsed, $"case {index}: rendering changes the configuration\n--- input ---\n{text}\n--- json ---\n{json}\n--- reparsed ---\n{reparsed}");
    }

    private static string Mutate(string seed, SplitMix64 random)
    {
        var sb = new StringBuilder(seed);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(sb.Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    sb.Insert(at, random.Pick(Fragments));
                    break;
                case 1:
                    sb.Remove(Math.Min(at, sb.Length), Math.Min(1 + random.Next(12), sb.Length - Math.Min(at, sb.Length)));
                    break;
                case 2:
                    var start = random.Next(sb.Length + 1);
                    var length = Math.Min(1 + random.Next(40), sb.Length - start);
                    sb.Insert(at, sb.ToString(start, length));
                    break;
                case 3:
                    if (sb.Length > 1)
                    {
                        var other = random.Next(sb.Length);
                        var index = Math.Min(at, sb.Length - 1);
                        (sb[index], sb[other]) = (sb[other], sb[index]);
                    }

                    break;
                case 4:
                    sb.Insert(at, (char)random.Next(0x3000));
                    break;
                default:
                    sb.Length = Math.Min(at, sb.Length);
                    break;
            }
        }

        return sb.ToString();
    }
}
