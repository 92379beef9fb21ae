using System.Text.Json;
using System.Text.Json.Nodes;
using MuseBot.Contracts;

namespace MuseBot.Host.Slack;

/// <summary>A Slack message: the notification/fallback text and its Block Kit blocks.</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks);

/// <summary>What a 👍/👎 button carries back to us: the question and the answer's citation labels.</summary>
public sealed record SlackFeedbackValue(string Question, IReadOnlyList<string> Citations);

/// <summary>
/// Renders an <see cref="Answer"/> as Block Kit, in the order every channel shares (<see cref="AnswerFormatting"/>):
/// the answer (sections, Markdown turned into mrkdwn, [n] markers kept), the note's doubts as warning lines, the
/// citations (context blocks: "[n] §N title" and the quoted passage), then 👍/👎. Slack's limits are kept by
/// splitting and trimming, never by failing: at most 50 blocks, 3,000 characters per section, 4,000 of text.
/// </summary>
public static class SlackBlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionChars = 3000;
    public const int MaxTextChars = 4000;
    public const int MaxContextElements = 10;
    public const int MaxButtonValueChars = 2000;
    public const string FeedbackBlockId = "musebot_feedback";
    public const string HelpfulActionId = "musebot_feedback_up";
    public const string UnhelpfulActionId = "musebot_feedback_down";

    private const int MaxCitationBlocks = 3;   // 30 citations shown; a longer list ends with "and N more"
    private const int QuoteChars = 280;
    private const string TrimmedNote = "_… (trimmed: the full answer is longer than a Slack message allows)_";

    public static SlackMessage RenderAnswer(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var blocks = new JsonArray();

        var flagBlocks = FlagBlocks(answer.Flags);
        var citationBlocks = CitationBlocks(answer.Citations);
        bool withButtons = !answer.Abstained;
        int budget = MaxBlocks - flagBlocks.Count - citationBlocks.Count - (withButtons ? 1 : 0);

        var answerMrkdwn = SlackText.MarkdownToMrkdwn(answer.Text);
        foreach (var section in SectionBlocks(answerMrkdwn, Math.Max(1, budget))) blocks.Add(section);
        foreach (var b in flagBlocks) blocks.Add(b);
        foreach (var b in citationBlocks) blocks.Add(b);
        if (withButtons) blocks.Add(FeedbackButtons(answer));

        return new SlackMessage(FallbackText(answerMrkdwn), blocks);
    }

    /// <summary>A command's reply (help, sections, show N, sources) or any other Markdown: sections only.</summary>
    public static SlackMessage RenderMarkdown(string markdown)
    {
        var mrkdwn = SlackText.MarkdownToMrkdwn(markdown);
        var blocks = new JsonArray();
        foreach (var s in SectionBlocks(mrkdwn, MaxBlocks)) blocks.Add(s);
        return new SlackMessage(FallbackText(mrkdwn), blocks);
    }

    /// <summary>A plain one-line message (errors, thanks).</summary>
    public static SlackMessage RenderNotice(string text) => RenderMarkdown(text);

    /// <summary>The welcome: one line saying what the bot knows, then the prompts it suggests (Markdown list).</summary>
    public static SlackMessage RenderWelcome(string knowsLine, IReadOnlyList<string> prompts)
    {
        var markdown = new System.Text.StringBuilder(knowsLine);
        if (prompts.Count > 0)
        {
            markdown.Append("\n\nTry one of these, or ask in your own words:\n");
            foreach (var p in prompts) markdown.Append("\n- ").Append(p);
        }
        return RenderMarkdown(markdown.ToString());
    }

    private static string FallbackText(string mrkdwn) =>
        AnswerFormatting.Shorten(mrkdwn.Length == 0 ? "(empty reply)" : mrkdwn, MaxTextChars);

    private static List<JsonObject> SectionBlocks(string mrkdwn, int maxBlocks)
    {
        var pieces = SlackText.Split(mrkdwn.Length == 0 ? "_(no answer text)_" : mrkdwn, MaxSectionChars);
        if (pieces.Count > maxBlocks)
        {
            pieces = pieces.Take(maxBlocks).ToList();
            var last = pieces[^1];
            var room = MaxSectionChars - TrimmedNote.Length - 2;
            pieces[^1] = (last.Length > room ? AnswerFormatting.Shorten(last, room) : last) + "\n\n" + TrimmedNote;
        }
        return pieces.Select(Section).ToList();
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };

    private static List<JsonObject> FlagBlocks(IReadOnlyList<ConfidenceFlag> flags)
    {
        if (flags.Count == 0) return [];
        // One warning line per flag, bold, with the note's own words below it; all in as few sections as fit.
        var lines = flags.Select(f =>
        {
            var line = $"*{SlackText.Escape(AnswerFormatting.FlagLine(f))}*";
            return string.IsNullOrWhiteSpace(f.Quote) ? line : $"{line}\n>{SlackText.Escape(AnswerFormatting.Shorten(f.Quote.ReplaceLineEndings(" "), QuoteChars))}";
        });
        var text = string.Join("\n", lines);
        var pieces = SlackText.Split(text, MaxSectionChars);
        // Flags never crowd out the answer: at most three sections of them.
        if (pieces.Count > 3) pieces = [.. pieces.Take(2), AnswerFormatting.Shorten(pieces[2], MaxSectionChars - 80) + $"\n_…and more doubts the note raises ({flags.Count} in all)_"];
        return pieces.Select(Section).ToList();
    }

    private static List<JsonObject> CitationBlocks(IReadOnlyList<Citation> citations)
    {
        var elements = new List<string>();
        for (int i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            var label = SlackText.Escape(AnswerFormatting.Shorten(AnswerFormatting.CitationLine(i + 1, c), 300));
            var quote = SlackText.Escape(AnswerFormatting.Shorten(c.Quote.ReplaceLineEndings(" "), QuoteChars));
            elements.Add(string.IsNullOrWhiteSpace(c.Quote) ? $"*{label}*" : $"*{label}*\n“{quote}”");
        }
        int room = MaxCitationBlocks * MaxContextElements;
        if (elements.Count > room)
        {
            int more = elements.Count - (room - 1);
            elements = [.. elements.Take(room - 1), $"_…and {more} more sources in the note_"];
        }
        return elements.Chunk(MaxContextElements)
            .Select(chunk => new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(chunk.Select(e => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = e }).ToArray()),
            })
            .ToList();
    }

    private static JsonObject FeedbackButtons(Answer answer)
    {
        var value = EncodeFeedbackValue(answer.Question, answer.Citations.Select(c => c.Label).ToList());
        return new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = FeedbackBlockId,
            ["elements"] = new JsonArray(
                Button("👍 Helpful", HelpfulActionId, value),
                Button("👎 Not helpful", UnhelpfulActionId, value)),
        };
    }

    private static JsonObject Button(string text, string actionId, string value) => new()
    {
        ["type"] = "button",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true },
        ["action_id"] = actionId,
        ["value"] = value,
    };

    /// <summary>
    /// The button's value (≤ 2,000 characters): {"q": question, "c": [labels]}. Slack hands it back verbatim in the
    /// signed click payload, so no server-side state is needed to know what the click was about.
    /// </summary>
    public static string EncodeFeedbackValue(string question, IReadOnlyList<string> citationLabels)
    {
        var q = AnswerFormatting.Shorten(question ?? "", 500);
        var labels = new List<string>();
        foreach (var label in citationLabels)
        {
            var candidate = JsonSerializer.Serialize(new { q, c = labels.Append(AnswerFormatting.Shorten(label, 200)) });
            if (candidate.Length > MaxButtonValueChars) break;
            labels.Add(AnswerFormatting.Shorten(label, 200));
        }
        return JsonSerializer.Serialize(new { q, c = labels });
    }

    public static SlackFeedbackValue? DecodeFeedbackValue(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            using var doc = SlackJson.Parse(value);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("q", out var q) || q.ValueKind != JsonValueKind.String) return null;
            var labels = root.TryGetProperty("c", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            return new SlackFeedbackValue(q.GetString()!, labels);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
