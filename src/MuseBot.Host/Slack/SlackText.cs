using System.Text;
using System.Text.RegularExpressions;

namespace MuseBot.Host.Slack;

/// <summary>Conversions between Slack's text formats and ours.</summary>
public static partial class SlackText
{
    /// <summary>
    /// What a user typed, as the engine should read it: mentions of the bot removed, Slack's &amp;amp; &amp;lt; &amp;gt; escapes
    /// undone, links and channel references turned back into their labels, spaces collapsed.
    /// </summary>
    public static string ToPlainQuestion(string? slackText)
    {
        if (string.IsNullOrEmpty(slackText)) return "";
        var t = UserMentionRegex().Replace(slackText, " ");
        t = AngleRefRegex().Replace(t, m =>
        {
            var inner = m.Groups[1].Value;
            var bar = inner.IndexOf('|');
            var label = bar >= 0 ? inner[(bar + 1)..] : inner;
            return inner.StartsWith('#') && bar >= 0 ? "#" + label
                : inner.StartsWith('!') ? (bar >= 0 ? label : "@" + inner.TrimStart('!'))
                : label;
        });
        t = t.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");
        return SpacesRegex().Replace(t, " ").Trim();
    }

    /// <summary>Escapes the three characters Slack reserves in mrkdwn text.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Markdown (as the engine and the commands write it) to Slack mrkdwn: **bold** → *bold*, *italic* → _italic_,
    /// [text](url) → &lt;url|text&gt;, headings → bold lines, list dashes → bullets, pipe tables → a monospace block.
    /// Citation markers such as [1] are kept as they are.
    /// </summary>
    public static string MarkdownToMrkdwn(string markdown)
    {
        if (string.IsNullOrEmpty(markdown)) return "";
        var lines = Escape(markdown.Replace("\r\n", "\n")).Split('\n');
        var sb = new StringBuilder();
        bool inTable = false, inFence = false;
        foreach (var raw in lines)
        {
            var line = raw;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                sb.Append(line).Append('\n');
                continue;
            }
            if (inFence) { sb.Append(line).Append('\n'); continue; }

            bool tableRow = line.TrimStart().StartsWith('|');
            if (tableRow != inTable)
            {
                sb.Append("```\n");
                inTable = tableRow;
            }
            if (tableRow)
            {
                if (!TableRuleRegex().IsMatch(line)) sb.Append(line.Trim()).Append('\n');
                continue;
            }

            line = HeadingRegex().Replace(line, "**$1**");
            line = QuoteRegex().Replace(line, ">");
            line = BulletRegex().Replace(line, "$1• ");
            line = LinkRegex().Replace(line, "<$2|$1>");
            line = BoldRegex().Replace(line, "\u0001$1$2\u0001");
            line = ItalicRegex().Replace(line, "_$1_");
            sb.Append(line.Replace('\u0001', '*')).Append('\n');
        }
        if (inTable || inFence) sb.Append("```\n");
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// Splits text into pieces of at most <paramref name="max"/> characters: between paragraphs where possible, else
    /// between lines, else between words, else anywhere.
    /// </summary>
    public static List<string> Split(string text, int max)
    {
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            int cut = LastBreak(rest, "\n\n", max);
            if (cut <= 0) cut = LastBreak(rest, "\n", max);
            if (cut <= 0) cut = LastBreak(rest, " ", max);
            if (cut <= 0) cut = max;
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0) pieces.Add(piece);
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) pieces.Add(rest);
        return pieces;
    }

    private static int LastBreak(string text, string separator, int max)
    {
        var i = text.LastIndexOf(separator, Math.Min(max, text.Length - 1), StringComparison.Ordinal);
        // A break in the first quarter would leave a crumb of a block; cut later instead.
        return i >= max / 4 ? i : -1;
    }

    [GeneratedRegex(@"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")]
    private static partial Regex UserMentionRegex();

    [GeneratedRegex(@"<([^<>]+)>")]
    private static partial Regex AngleRefRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"^\s*#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex HeadingRegex();

    // A Markdown blockquote, already escaped: Slack's blockquote is a literal ">" at the line start.
    [GeneratedRegex(@"^\s*&gt;\s?")]
    private static partial Regex QuoteRegex();

    [GeneratedRegex(@"^(\s*)[-+*]\s+(?=\S)")]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")]
    private static partial Regex BoldRegex();

    [GeneratedRegex(@"(?<![\*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\*\w])")]
    private static partial Regex ItalicRegex();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRuleRegex();
}
