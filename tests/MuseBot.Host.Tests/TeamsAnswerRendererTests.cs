using MuseBot.Contracts;
using MuseBot.Host.Teams;
using Newtonsoft.Json.Linq;

namespace MuseBot.Host.Tests;

public sealed class TeamsAnswerRendererTests
{
    private static Citation Cite(int section, string quote, string? table = null, string? row = null) =>
        new(section.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Section {section} title", table is null ? PassageKind.Sentence : PassageKind.TableRow, quote, table, row);

    private static JArray CitationsOf(Microsoft.Bot.Schema.Activity activity) =>
        (JArray)activity.Entities.Single(e => e.Type == "https://schema.org/Message").Properties["citation"]!;

    [Fact]
    public void Answer_becomes_markdown_with_flag_lines_and_one_claim_per_citation()
    {
        var answer = new Answer("q", "Capex was $72.22B.\n\n\"Meta spent $72.22B on capex in 2025.\" [1]\n\n\"Row text\" [2]", false,
            [Cite(7, "Meta spent $72.22B on capex in 2025."), Cite(5, "Capex commitment | $115B-$135B", "Infra question", "Capex commitment")],
            [new ConfidenceFlag("8", "Meta-characterized signal, not independently revalidated", "Meta says")]) { Source = "generative" };

        var activity = TeamsAnswerRenderer.RenderAnswer(answer, "msteams");

        Assert.Equal("markdown", activity.TextFormat);
        Assert.DoesNotContain(TeamsAnswerRenderer.QuotedLine, activity.Text);
        Assert.StartsWith("Capex was $72.22B.", activity.Text);
        Assert.Contains("**⚠️ Lower confidence (§8): Meta-characterized signal, not independently revalidated**", activity.Text);
        Assert.True(activity.Text.IndexOf("[2]", StringComparison.Ordinal) < activity.Text.IndexOf("⚠️", StringComparison.Ordinal), "answer first, then the warning");
        var entity = activity.Entities.Single();
        Assert.Equal("Message", (string?)entity.Properties["@type"]);
        Assert.Equal("AIGeneratedContent", (string?)entity.Properties["additionalType"]![0]);
        var claims = CitationsOf(activity);
        Assert.Equal(2, claims.Count);
        Assert.Equal(2, (int)claims[1]["position"]!);
        Assert.Equal("§5 Section 5 title", (string?)claims[1]["appearance"]!["name"]);
        Assert.Equal(["Infra question", "Capex commitment"], claims[1]["appearance"]!["keywords"]!.Select(k => (string)k!));
        Assert.Null(claims[0]["appearance"]!["keywords"]);
        Assert.True((bool)((JObject)activity.ChannelData)["feedbackLoopEnabled"]!);
    }

    [Fact]
    public void Only_answers_a_model_worded_carry_the_AI_label_and_extractive_ones_say_they_are_quotes()
    {
        var citation = Cite(7, "Meta spent $72.22B on capex in 2025.");
        var extractive = TeamsAnswerRenderer.RenderAnswer(new Answer("q", "\"Meta spent $72.22B on capex in 2025.\" [1]", false, [citation], []), "msteams");
        var generative = TeamsAnswerRenderer.RenderAnswer(new Answer("q", "Capex was $72.22B [1].", false, [citation], []) { Source = "generative" }, "msteams");
        var refusal = TeamsAnswerRenderer.RenderAnswer(new Answer("q", "The note does not say.", true, [], []) { Source = "generative" }, "msteams");

        Assert.Null(extractive.Entities.Single().Properties["additionalType"]);
        Assert.Single(CitationsOf(extractive)); // the citations stay
        Assert.Contains(TeamsAnswerRenderer.QuotedLine, extractive.Text);
        Assert.Equal("AIGeneratedContent", (string?)generative.Entities.Single().Properties["additionalType"]![0]);
        Assert.DoesNotContain(TeamsAnswerRenderer.QuotedLine, generative.Text);
        Assert.Null(refusal.Entities.Single().Properties["additionalType"]);
        Assert.DoesNotContain(TeamsAnswerRenderer.QuotedLine, refusal.Text);
    }

    [Fact]
    public void At_most_ten_citations_are_sent_and_markers_beyond_them_are_dropped()
    {
        var citations = Enumerable.Range(1, 12).Select(i => Cite(i % 9 + 1, $"quote {i}")).ToList();
        var text = string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"\"quote {i}\" [{i}]"));

        var activity = TeamsAnswerRenderer.RenderAnswer(new Answer("q", text, false, citations, []), "msteams");

        Assert.Equal(10, CitationsOf(activity).Count);
        Assert.Contains("[10]", activity.Text);
        Assert.DoesNotContain("[11]", activity.Text);
        Assert.DoesNotContain("[12]", activity.Text);
    }

    [Fact]
    public void Long_names_and_quotes_are_cut_to_what_Teams_shows()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("Infrastructure", 12));
        var citation = new Citation("7", longTitle, PassageKind.Paragraph, string.Join(' ', Enumerable.Repeat("word", 100)));

        var claim = CitationsOf(TeamsAnswerRenderer.RenderAnswer(new Answer("q", "a [1]", false, [citation], []), "msteams"))[0];

        Assert.InRange(((string)claim["appearance"]!["name"]!).Length, 10, TeamsAnswerRenderer.MaxCitationNameChars);
        Assert.InRange(((string)claim["appearance"]!["abstract"]!).Length, 10, TeamsAnswerRenderer.MaxCitationAbstractChars);
        Assert.EndsWith("…", (string)claim["appearance"]!["abstract"]!);
    }

    [Fact]
    public void Oversized_answer_is_shortened_under_80_KB_keeping_the_warning()
    {
        var huge = string.Join(' ', Enumerable.Repeat("Spark’s numbers “quoted” here.", 10_000)); // ~300 KB, multi-byte characters
        var answer = new Answer("q", huge, false, [Cite(1, "x")], [new ConfidenceFlag("3", "self-reported benchmark", "q")]);

        var activity = TeamsAnswerRenderer.RenderAnswer(answer, "msteams");

        Assert.InRange(TeamsAnswerRenderer.SerializedBytes(activity), 40_000, TeamsAnswerRenderer.MaxActivityBytes);
        Assert.Contains("Shortened to fit", activity.Text);
        Assert.Contains("⚠️ Lower confidence (§3): self-reported benchmark", activity.Text);
    }

    [Fact]
    public void Channels_without_citation_entities_also_get_citation_lines_in_the_text()
    {
        var answer = new Answer("q", "\"quote\" [1]", false, [Cite(7, "quote", "Infra question", "Capex commitment")], []);

        var emulator = TeamsAnswerRenderer.RenderAnswer(answer, "emulator");
        var teams = TeamsAnswerRenderer.RenderAnswer(answer, "msteams");

        Assert.Contains("[1] §7 Section 7 title; table \"Infra question\", row \"Capex commitment\"", emulator.Text);
        Assert.DoesNotContain("table \"Infra question\"", teams.Text);
    }

    [Fact]
    public void Abstained_answer_has_no_citations_but_keeps_label_and_feedback()
    {
        var activity = TeamsAnswerRenderer.RenderAnswer(new Answer("q", "The note does not say.", true, [], []), "msteams");

        Assert.Equal("The note does not say.", activity.Text);
        Assert.False(activity.Entities.Single().Properties.ContainsKey("citation"));
        Assert.True((bool)((JObject)activity.ChannelData)["feedbackLoopEnabled"]!);
    }

    private sealed class StubCatalog : INoteCatalog
    {
        public string Title => "The Note";
        public IReadOnlyList<SectionInfo> Sections { get; } =
            [new(1, "Alpha", ["Released on March 3, 2024."], []), new(2, "Beta", ["Updated 2024-05-01."], []), new(3, "Gamma", [], [])];
        public IReadOnlyList<string> Sources { get; } = [];
        public IReadOnlyList<string> ExampleQuestions { get; } = ["a?", "b?", "c?"];
        public string? Date => MuseBot.Core.Commands.NotePrompts.LatestDate(Sections.SelectMany(s => s.Paragraphs));
    }

    [Fact]
    public void Welcome_says_in_one_line_what_the_bot_knows_and_offers_the_prompts_as_buttons()
    {
        var activity = TeamsAnswerRenderer.RenderWelcome(new StubCatalog());

        var first = activity.Text.Split('\n')[0];
        Assert.Contains("“The Note”", first);
        Assert.Contains("(as of May 1, 2024)", first);   // the latest date the note reports
        // The example questions, then a section topic: the same four prompts Slack's Messages tab shows.
        Assert.Equal(["a?", "b?", "c?", "What does the note say about Beta?"], activity.SuggestedActions.Actions.Select(a => (string)a.Value));
        Assert.All(activity.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
        Assert.Contains("- What does the note say about Beta?", activity.Text);
    }

    [Fact]
    public void Command_reply_is_plain_markdown_without_the_AI_label()
    {
        var activity = TeamsAnswerRenderer.RenderCommand("**§5 Title**\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Null(activity.Entities is { Count: > 0 } ? activity.Entities : null);
        Assert.Equal("markdown", activity.TextFormat);
    }
}
