using System.Text.Json;

namespace MuseBot.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class AskTests(CliFixture fixture)
{
    private static readonly string[] Kinds = ["paragraph", "sentence", "table-row", "section"];

    /// <summary>Checks one `ask --json` line against the contract in /work/shared/eval/README.md.</summary>
    internal static JsonElement AssertContractLine(string line, string expectedQuestion)
    {
        using var doc = JsonDocument.Parse(line);
        var o = doc.RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, o.ValueKind);
        Assert.Equal(expectedQuestion, o.GetProperty("question").GetString());
        Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("answer").GetString()));
        Assert.Contains(o.GetProperty("abstained").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        foreach (var c in o.GetProperty("citations").EnumerateArray())
        {
            var section = c.GetProperty("section");
            if (section.ValueKind == JsonValueKind.Number) Assert.InRange(section.GetInt32(), 1, 9);
            else Assert.False(string.IsNullOrWhiteSpace(section.GetString()));
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("title").GetString()));
            Assert.Contains(c.GetProperty("kind").GetString(), Kinds);
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("quote").GetString()));
            if (c.GetProperty("kind").GetString() == "table-row")
            {
                Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("table").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("row").GetString()));
            }
        }
        foreach (var f in o.GetProperty("flags").EnumerateArray())
        {
            Assert.True(f.GetProperty("section").ValueKind is JsonValueKind.Number or JsonValueKind.String);
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("reason").GetString()));
            Assert.Equal(JsonValueKind.String, f.GetProperty("quote").ValueKind);
        }
        if (o.GetProperty("abstained").GetBoolean()) Assert.Empty(o.GetProperty("citations").EnumerateArray());
        return o;
    }

    [Fact]
    public async Task Json_from_stdin_prints_one_contract_line_per_question_and_skips_blank_lines()
    {
        string[] questions =
        [
            "What date did Meta launch Muse Spark?",
            "How much did Meta spend on capex in 2025?",
            "What is Meta's 2027 revenue guidance?",
        ];
        var stdin = "\n" + questions[0] + "\n   \n" + questions[1] + "\r\n\n" + questions[2] + "\n\n";
        var result = await fixture.RunAsync("ask", ["--json"], stdin);

        Assert.Equal(0, result.Exit);
        var lines = result.StdoutLines;
        Assert.Equal(questions.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++) AssertContractLine(lines[i], questions[i]);
        // A question the note answers is answered with a citation.
        var launch = AssertContractLine(lines[0], questions[0]);
        Assert.False(launch.GetProperty("abstained").GetBoolean());
        Assert.NotEmpty(launch.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Json_from_stdin_takes_a_follow_up_with_its_previous_question()
    {
        // the same short question, alone and as a follow-up: only the follow-up knows what it is about
        var stdin = "{\"question\": \"and gemini's?\", \"previous\": \"What's Muse Spark's Intelligence Index score?\"}\nand gemini's?\n";
        var result = await fixture.RunAsync("ask", ["--json"], stdin);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var followUp = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.Equal("and gemini's?", followUp.RootElement.GetProperty("question").GetString());
        Assert.Contains("57", followUp.RootElement.GetProperty("answer").GetString());
        using var alone = System.Text.Json.JsonDocument.Parse(lines[1]);
        Assert.NotEqual(followUp.RootElement.GetProperty("answer").GetString(), alone.RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Json_from_arguments_answers_each_argument()
    {
        var result = await fixture.RunAsync("ask", "--json", "What date did Meta launch Muse Spark?", "What modes does Spark have?");
        Assert.Equal(0, result.Exit);
        Assert.Equal(2, result.StdoutLines.Length);
        AssertContractLine(result.StdoutLines[0], "What date did Meta launch Muse Spark?");
        AssertContractLine(result.StdoutLines[1], "What modes does Spark have?");
    }

    [Fact]
    public async Task Unquoted_words_are_one_question()
    {
        var result = await fixture.RunAsync("ask", "--json", "when", "was", "muse", "spark", "launched?");
        Assert.Equal(0, result.Exit);
        Assert.Single(result.StdoutLines);
        AssertContractLine(result.StdoutLines[0], "when was muse spark launched?");
    }

    [Fact]
    public async Task Text_mode_prints_the_answer_then_citation_lines_with_section_and_quote()
    {
        var result = await fixture.RunAsync("ask", "How much did Meta spend on capex in 2025?");
        Assert.Equal(0, result.Exit);
        var lines = result.StdoutLines;
        Assert.Contains(lines, l => l.StartsWith("[1] §", StringComparison.Ordinal));
        int citation = Array.FindIndex(lines, l => l.StartsWith("[1] §", StringComparison.Ordinal));
        Assert.True(citation > 0, "the answer text comes before the citations");
        Assert.StartsWith("    “", lines[citation + 1]);
        Assert.DoesNotContain("{\"question\"", result.Stdout);
    }

    [Fact]
    public async Task Text_mode_from_stdin_heads_each_answer_with_its_question()
    {
        var result = await fixture.RunAsync("ask", [], "What date did Meta launch Muse Spark?\nWhat modes does Spark have?\n");
        Assert.Equal(0, result.Exit);
        Assert.Equal(2, result.StdoutLines.Count(l => l.StartsWith("Q: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Text_mode_from_stdin_is_one_conversation_where_a_question_may_follow_up_the_one_before()
    {
        var result = await fixture.RunAsync("ask", [], "What's Muse Spark's Intelligence Index score?\nand gemini's?\n");
        Assert.Equal(0, result.Exit);
        var followUp = result.Stdout[result.Stdout.IndexOf("Q: and gemini's?", StringComparison.Ordinal)..];
        Assert.StartsWith("**57**", followUp.Split('\n')[1]);
    }
}
