using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MuseBot.Host.Teams;

/// <summary>
/// Turns the engine's <see cref="Answer"/> (and command replies, the welcome) into Bot Framework activities in the
/// shape Teams renders best: Markdown with the answer first, flag warnings, and the citations as Teams citation
/// entities (the [n] markers in the text open pop-ups), the "AI generated" label (only on answers a model worded;
/// the extractive engine's answers say they are quotes from the note) and the feedback buttons.
/// </summary>
public static partial class TeamsAnswerRenderer
{
    /// <summary>Teams refuses messages of about 100 KB; stay well under it.</summary>
    public const int MaxActivityBytes = 80 * 1000;

    /// <summary>Teams shows at most this many citations on one message.</summary>
    public const int MaxCitations = 10;

    public const int MaxCitationNameChars = 80;
    public const int MaxCitationAbstractChars = 160;
    public const int MaxKeywordChars = 28;

    /// <summary>Channels that show citations from the entities themselves; others get them as text lines.</summary>
    private static readonly HashSet<string> ChannelsWithCitationEntities = new(StringComparer.OrdinalIgnoreCase) { "msteams", "webchat" };

    private static readonly JsonSerializerSettings SizeSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>What an answer the model did not word says about itself: honest about where its words come from.</summary>
    public const string QuotedLine = "_Quoted from the note, not AI generated._";

    public static Activity RenderAnswer(Answer answer, string? channelId)
    {
        var citations = answer.Citations.Take(MaxCitations).ToList();
        var body = RemoveMarkersAbove(answer.Text.Trim(), citations.Count);
        var tail = new StringBuilder();
        if (!answer.Abstained && !answer.PhrasedByModel) tail.Append("\n\n").Append(QuotedLine);

        var flagLines = answer.Flags.Select(AnswerFormatting.FlagLine).Distinct(StringComparer.Ordinal).ToList();
        if (flagLines.Count > 0)
        {
            tail.Append("\n\n");
            tail.Append(string.Join("\n\n", flagLines.Select(l => $"**{l}**")));
        }

        if (citations.Count > 0 && (channelId is null || !ChannelsWithCitationEntities.Contains(channelId)))
        {
            tail.Append("\n\n");
            tail.Append(string.Join("\n\n", citations.Select((c, i) => AnswerFormatting.CitationLine(i + 1, c))));
        }

        var activity = MessageFactory.Text(body + tail);
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.Entities = [AiMessageEntity(citations, answer.PhrasedByModel)];
        activity.ChannelData = new JObject { ["feedbackLoopEnabled"] = true };
        FitWithinLimit(activity, body, tail.ToString());
        return activity;
    }

    /// <summary>A command reply (help, sections, show N, sources): the note's own text, so no AI label.</summary>
    public static Activity RenderCommand(string markdown)
    {
        var activity = MessageFactory.Text(markdown);
        activity.TextFormat = TextFormatTypes.Markdown;
        FitWithinLimit(activity, markdown, "");
        return activity;
    }

    /// <summary>The welcome, with the example questions as buttons that send the question when clicked.</summary>
    public static Activity RenderWelcome(INoteCatalog catalog)
    {
        // One line saying what the bot knows (the note's title and date), then the prompts every surface offers.
        var prompts = NotePrompts.Suggest(catalog, WelcomePrompts);
        var sb = new StringBuilder();
        sb.Append("Hi! ").Append(NotePrompts.KnowsLine(catalog)).Append("\n\n");
        sb.Append("Try one of these:\n\n");
        foreach (var p in prompts) sb.Append($"- {p.Message}\n");
        sb.Append("\nOr type `help`, `sections`, `show 5` or `sources`.");
        var activity = MessageFactory.Text(sb.ToString());
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = prompts.Select(p => new CardAction(ActionTypes.ImBack, p.Message, value: p.Message)).ToList(),
        };
        return activity;
    }

    /// <summary>As many prompts as Slack's Messages tab shows.</summary>
    public const int WelcomePrompts = 4;

    /// <summary>The schema.org Message entity Teams reads for citation pop-ups, and for the AI label when <paramref name="aiGenerated"/>.</summary>
    public static Entity AiMessageEntity(IReadOnlyList<Citation> citations, bool aiGenerated)
    {
        var entity = new Entity { Type = "https://schema.org/Message" };
        entity.Properties["@type"] = "Message";
        entity.Properties["@context"] = "https://schema.org";
        entity.Properties["@id"] = "";
        if (aiGenerated) entity.Properties["additionalType"] = new JArray("AIGeneratedContent");
        if (citations.Count > 0)
        {
            entity.Properties["citation"] = new JArray(citations.Take(MaxCitations).Select((c, i) => Claim(i + 1, c)));
        }
        return entity;
    }

    private static JObject Claim(int position, Citation citation)
    {
        var appearance = new JObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = AnswerFormatting.Shorten(citation.SectionLabel, MaxCitationNameChars),
            ["abstract"] = AnswerFormatting.Shorten(citation.Quote, MaxCitationAbstractChars),
        };
        if (citation.Table is not null)
        {
            var keywords = new[] { citation.Table, citation.Row }
                .Where(k => !string.IsNullOrWhiteSpace(k))
                .Select(k => AnswerFormatting.Shorten(k!, MaxKeywordChars));
            appearance["keywords"] = new JArray(keywords);
        }
        return new JObject { ["@type"] = "Claim", ["position"] = position, ["appearance"] = appearance };
    }

    /// <summary>Markers beyond the citations sent would point at nothing in Teams: drop them.</summary>
    private static string RemoveMarkersAbove(string text, int count) =>
        MarkerRegex().Replace(text, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= count ? m.Value : "");

    /// <summary>Shortens the body (never the warnings) until the whole activity fits <see cref="MaxActivityBytes"/>.</summary>
    private static void FitWithinLimit(Activity activity, string body, string tail)
    {
        // Typical replies are a few KB: skip measuring when even the worst case (every char escaped as \uXXXX,
        // plus ten full citations and the envelope) fits.
        if ((body.Length + tail.Length) * 6 + 32_000 < MaxActivityBytes) return;
        var size = SerializedBytes(activity);
        if (size <= MaxActivityBytes) return;
        var note = "\n\n_(Shortened to fit a Teams message: ask about one part for the rest.)_";
        var over = size - MaxActivityBytes + Encoding.UTF8.GetByteCount(note) + 512;
        var keepChars = body.Length;
        while (keepChars > 0)
        {
            // Bytes are at most 4 per char in UTF-8 (JSON escapes can add a few): cut by the excess, then re-measure.
            keepChars = Math.Max(0, keepChars - Math.Max(over / 2, 256));
            activity.Text = AnswerFormatting.Shorten(body, Math.Max(keepChars, 1)) + note + tail;
            size = SerializedBytes(activity);
            if (size <= MaxActivityBytes) return;
            over = size - MaxActivityBytes + 512;
        }
    }

    public static int SerializedBytes(Activity activity) =>
        Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(activity, SizeSettings));

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex MarkerRegex();
}
