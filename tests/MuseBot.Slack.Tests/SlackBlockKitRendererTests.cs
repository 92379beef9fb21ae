using System.Text.Json.Nodes;
using MuseBot.Contracts;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

public class SlackBlockKitRendererTests
{
    private static Answer SmallAnswer() => new(
        "How much did Meta spend on capex?",
        "Meta guided **$115–135B** of capex for 2026 [1].\n\n> \"Capex guidance of $115-135B\" [1]\n\n- see also *the table* [2]",
        Abstained: false,
        Citations:
        [
            new Citation("7", "Infrastructure Signal", PassageKind.Sentence, "Capex guidance of $115-135B for 2026 <per Meta>."),
            new Citation("7", "Infrastructure Signal", PassageKind.TableRow, "Capex commitment | $115-135B", "Infra question", "Capex commitment"),
        ],
        Flags: [new ConfidenceFlag("8", "Meta-characterized signal, not independently revalidated", "Meta says so")],
        Headline: "$115–135B");

    private static IEnumerable<string> Texts(JsonArray blocks) =>
        blocks.SelectMany(b => b!["type"]!.GetValue<string>() switch
        {
            "section" => [b["text"]!["text"]!.GetValue<string>()],
            "context" => b["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()),
            _ => [],
        });

    [Fact]
    public void An_answer_comes_first_then_flags_then_citations_then_buttons()
    {
        var message = SlackBlockKitRenderer.RenderAnswer(SmallAnswer());
        var types = message.Blocks.Select(b => b!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["section", "section", "context", "actions"], types);

        var answer = message.Blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("*$115–135B*", answer);          // **bold** → *bold*
        Assert.DoesNotContain("**", answer);
        Assert.Contains("[1]", answer);                   // markers kept
        Assert.Contains("• see also _the table_ [2]", answer);
        Assert.Contains("\n>\"Capex guidance", answer);    // a Markdown quote becomes Slack's blockquote

        var flag = message.Blocks[1]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains(AnswerFormatting.FlagLine(SmallAnswer().Flags[0]), flag);
        Assert.StartsWith("*⚠️ Lower confidence (§8):", flag);

        var citations = message.Blocks[2]!["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(2, citations.Count);
        Assert.Contains("[1] §7 Infrastructure Signal", citations[0]);
        Assert.Contains("Capex guidance of $115-135B for 2026 &lt;per Meta&gt;.", citations[0]);
        Assert.Contains("table \"Infra question\", row \"Capex commitment\"", citations[1]);

        var buttons = message.Blocks[3]!["elements"]!.AsArray();
        Assert.Equal([SlackBlockKitRenderer.HelpfulActionId, SlackBlockKitRenderer.UnhelpfulActionId],
            buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        var value = SlackBlockKitRenderer.DecodeFeedbackValue(buttons[0]!["value"]!.GetValue<string>());
        Assert.NotNull(value);
        Assert.Equal("How much did Meta spend on capex?", value.Question);
        Assert.Equal(SmallAnswer().Citations.Select(c => c.Label), value.Citations);
    }

    [Fact]
    public void An_abstention_has_no_feedback_buttons()
    {
        var answer = new Answer("What is the weather?", "The note does not say.", Abstained: true, [], []);
        var message = SlackBlockKitRenderer.RenderAnswer(answer);
        Assert.DoesNotContain(message.Blocks, b => b!["type"]!.GetValue<string>() == "actions");
        Assert.Equal("The note does not say.", message.Text);
    }

    [Fact]
    public void An_oversized_answer_stays_within_Slacks_limits()
    {
        var paragraphs = Enumerable.Range(1, 300).Select(i => $"Paragraph {i}: **{string.Join(' ', Enumerable.Repeat("capex", 120))}** [{i % 80 + 1}]");
        var text = string.Join("\n\n", paragraphs) + "\n\n" + new string('x', 7000);   // and one unbreakable run
        var citations = Enumerable.Range(1, 80)
            .Select(i => new Citation(i.ToString(), "A title " + new string('t', 400), PassageKind.TableRow, new string('q', 2500), "Table " + i, "Row " + i))
            .ToList();
        var flags = Enumerable.Range(1, 60).Select(i => new ConfidenceFlag("8", "A long reason " + new string('r', 300), new string('f', 600))).ToList();
        var answer = new Answer(new string('?', 5000), text, false, citations, flags, Headline: new string('h', 5000));
        Assert.True(text.Length > 200_000);

        var message = SlackBlockKitRenderer.RenderAnswer(answer);

        Assert.InRange(message.Blocks.Count, 1, SlackBlockKitRenderer.MaxBlocks);
        Assert.InRange(message.Text.Length, 1, SlackBlockKitRenderer.MaxTextChars);
        foreach (var block in message.Blocks)
        {
            switch (block!["type"]!.GetValue<string>())
            {
                case "section":
                    Assert.InRange(block["text"]!["text"]!.GetValue<string>().Length, 1, SlackBlockKitRenderer.MaxSectionChars);
                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, SlackBlockKitRenderer.MaxContextElements);
                    Assert.All(elements, e => Assert.InRange(e!["text"]!.GetValue<string>().Length, 1, SlackBlockKitRenderer.MaxSectionChars));
                    break;
                case "actions":
                    Assert.All(block["elements"]!.AsArray(), b => Assert.InRange(b!["value"]!.GetValue<string>().Length, 1, SlackBlockKitRenderer.MaxButtonValueChars));
                    break;
            }
        }
        var all = string.Join("\n", Texts(message.Blocks));
        Assert.Contains("trimmed", all);                      // the reader is told the answer was cut
        Assert.Contains("more sources", all);                 // and that citations were left out
        Assert.Equal("actions", message.Blocks[^1]!["type"]!.GetValue<string>());   // buttons survive trimming
        Assert.Contains("Paragraph 1: *capex capex", all);    // the answer's start is kept, bold converted
        Assert.NotNull(SlackBlockKitRenderer.DecodeFeedbackValue(message.Blocks[^1]!["elements"]![0]!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Command_replies_render_tables_as_monospace_and_headings_bold()
    {
        var message = SlackBlockKitRenderer.RenderMarkdown("## §5 Pricing\n\nText & more <b> a>b\n\n| Model | Price |\n|---|---|\n| Spark | $1 |");
        var text = string.Join("\n", Texts(message.Blocks));
        Assert.Contains("*§5 Pricing*", text);
        Assert.Contains("Text &amp; more &lt;b&gt; a&gt;b", text);   // Slack's reserved characters escaped
        Assert.Contains("```\n| Model | Price |\n| Spark | $1 |\n```", text);
        Assert.DoesNotContain("|---|", text);
    }
}

public class SlackTextTests
{
    [Theory]
    [InlineData("<@U0BOT123> how much capex?", "how much capex?")]
    [InlineData("<@U0BOT123|musebot>   what   about <#C123|general> &amp; R&amp;D &lt;3", "what about #general & R&D <3")]
    [InlineData("see <https://example.com|the site> <@W999>", "see the site")]
    [InlineData("<@U0BOT123>", "")]
    public void Questions_lose_mentions_and_Slack_escapes(string slack, string expected) =>
        Assert.Equal(expected, SlackText.ToPlainQuestion(slack));

    [Fact]
    public void Split_prefers_paragraphs_and_never_exceeds_the_limit()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => new string((char)('a' + i % 26), 250)));
        var pieces = SlackText.Split(text, 1000);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 1000));
        Assert.All(pieces, p => Assert.DoesNotContain(p.Split("\n\n"), para => para.Length != 250));   // no paragraph cut
        Assert.Equal(text.Replace("\n", ""), string.Concat(pieces).Replace("\n", ""));
    }
}
