using System.Text.Json;

namespace MuseBot.Cli.Tests;

/// <summary>Whatever is typed, the CLI replies helpfully, exits 0 and prints no stack trace.</summary>
[Collection(CliCollection.Name)]
public sealed class BadInputTests(CliFixture fixture)
{
    public static TheoryData<string, string, bool?> Inputs => new()
    {
        // name, question, must abstain (null: the engine decides)
        { "empty", "", true },
        { "whitespace", "   \t  ", true },
        { "100 KB", string.Concat(Enumerable.Repeat("capex spending question ", 100 * 1024 / 24 + 1)), true },
        { "query syntax", "AND ( \" * ? : \\ /", null },
        { "query syntax with words", "capex AND (2025 OR \"guidance\") * ? : \\ / title:foo~2^3", null },
        { "emoji only", "🤔🚀🔥", true },
        { "emoji in a question", "how much capex 💰 in 2025?", null },
        { "another language", "¿Cuánto gastó Meta en inversiones de capital en 2025?", null },
        { "another script", "Meta 在2025年的资本支出是多少？", null },
        { "control characters", "\u0001\u0007what\u0000 is\u001b[31m capex\u001b[0m\u007f?", null },
        { "only control characters", "\u0001\u0002\u0003", true },
        { "lone surrogate", "capex \ud800 2025", null },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Json_mode_replies_with_one_line_and_exit_0(string name, string question, bool? mustAbstain)
    {
        var result = await fixture.RunAsync("ask", "--json", "--", question);

        Assert.True(result.Exit == 0, $"{name}: exit {result.Exit}, stderr {result.Stderr}");
        var line = Assert.Single(result.StdoutLines);
        using var doc = JsonDocument.Parse(line);
        var answer = doc.RootElement.GetProperty("answer").GetString();
        Assert.False(string.IsNullOrWhiteSpace(answer), name);
        if (mustAbstain is true) Assert.True(doc.RootElement.GetProperty("abstained").GetBoolean(), name);
        AssertNoCrashTrace(result);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Text_mode_replies_and_exits_0(string name, string question, bool? mustAbstain)
    {
        _ = mustAbstain;
        var result = await fixture.RunAsync("ask", "--", question);
        Assert.True(result.Exit == 0, $"{name}: exit {result.Exit}, stderr {result.Stderr}");
        Assert.False(string.IsNullOrWhiteSpace(result.Stdout), name);
        AssertNoCrashTrace(result);
    }

    [Fact]
    public async Task Bad_lines_on_stdin_each_get_a_reply()
    {
        var stdin = string.Join("\n", "\u0001\u0002", new string('x', 100 * 1024), "AND ( \" * ? : \\ /", "🤔", "What date did Meta launch Muse Spark?");
        var result = await fixture.RunAsync("ask", ["--json"], stdin);
        Assert.Equal(0, result.Exit);
        Assert.Equal(5, result.StdoutLines.Length);
        foreach (var l in result.StdoutLines) JsonDocument.Parse(l).Dispose();
        AssertNoCrashTrace(result);
    }

    [Fact]
    public async Task Too_long_question_says_how_long_it_may_be()
    {
        var result = await fixture.RunAsync("ask", "--", new string('a', 100 * 1024));
        Assert.Contains("2,000", result.Stdout);
    }

    [Fact]
    public async Task Empty_question_suggests_an_example()
    {
        var result = await fixture.RunAsync("ask", "--", "   ");
        Assert.Contains("Please type a question", result.Stdout);
    }

    internal static void AssertNoCrashTrace(CliResult result)
    {
        foreach (var text in new[] { result.Stdout, result.Stderr })
        {
            Assert.DoesNotContain("   at ", text);
            Assert.DoesNotContain("Unhandled exception", text);
            Assert.DoesNotContain("Exception:", text);
        }
    }
}
