using System.Globalization;
using System.Text.RegularExpressions;
using MuseBot.Contracts;

namespace MuseBot.Core.Commands;

/// <summary>A prompt a channel offers a new user: a short label and the question it asks.</summary>
public sealed record SuggestedPrompt(string Title, string Message);

/// <summary>
/// The prompts every surface offers a new user (Slack's messages tab, the Teams welcome and its prompt starters):
/// the note's example questions (seeds/examples.tsv, the same ones <c>help</c> lists) first, then its section topics,
/// spread through the note, to fill the list. Nothing here knows the note: it all comes from <see cref="INoteCatalog"/>.
/// </summary>
public static partial class NotePrompts
{
    /// <summary>Up to <paramref name="max"/> prompts; titles cut (at a word) to <paramref name="maxTitleLength"/>.</summary>
    public static IReadOnlyList<SuggestedPrompt> Suggest(INoteCatalog catalog, int max = 4, int maxTitleLength = 75)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (max <= 0) return [];
        var prompts = new List<SuggestedPrompt>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var q in catalog.ExampleQuestions)
        {
            if (prompts.Count >= max) break;
            var question = q.Trim();
            if (question.Length == 0 || !seen.Add(question)) continue;
            prompts.Add(new SuggestedPrompt(Cut(question, maxTitleLength), question));
        }
        // Fill from the section topics, spread evenly through the note rather than its opening sections only.
        int missing = max - prompts.Count;
        var sections = catalog.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Title)).ToList();
        if (missing > 0 && sections.Count > 0)
        {
            var picks = new List<SectionInfo>();
            for (int i = 0; i < Math.Min(missing, sections.Count); i++)
            {
                var section = sections[(int)((long)(i + 1) * sections.Count / (Math.Min(missing, sections.Count) + 1))];
                if (!picks.Contains(section)) picks.Add(section);
            }
            foreach (var s in sections) // when the spread landed twice on one section, the others in order
            {
                if (picks.Count >= Math.Min(missing, sections.Count)) break;
                if (!picks.Contains(s)) picks.Add(s);
            }
            foreach (var s in picks.OrderBy(s => s.Number))
            {
                var topic = s.Title.Trim().TrimEnd('.', ':');
                var message = $"What does the note say about {topic}?";
                if (seen.Add(message)) prompts.Add(new SuggestedPrompt(Cut(topic, maxTitleLength), message));
            }
        }
        return prompts;
    }

    /// <summary>One line saying what the bot knows: the note's title and, when it has one, its date.</summary>
    public static string KnowsLine(INoteCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var date = catalog.Date is { Length: > 0 } d ? $" (as of {d})" : "";
        return $"I know one research note, “{catalog.Title}”{date}, and answer from it with its own words and the section they come from.";
    }

    /// <summary><paramref name="text"/> cut at a word to at most <paramref name="max"/> characters, with "…" when cut.</summary>
    public static string Cut(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        if (max <= 1) return text[..Math.Max(0, max)];
        var cut = text[..(max - 1)];
        int space = cut.LastIndexOf(' ');
        if (space > max / 2) cut = cut[..space];
        return cut.TrimEnd(' ', ',', ';', ':', '-', '–') + "…";
    }

    /// <summary>The latest calendar date written in <paramref name="texts"/> ("June 1, 1999", "1 June 1999",
    /// "1999-06-01"), as "MMMM d, yyyy"; null when there is none. A note without a dateline is as of the latest date it reports.</summary>
    public static string? LatestDate(IEnumerable<string> texts)
    {
        DateOnly? latest = null;
        foreach (var text in texts)
        {
            foreach (Match m in MonthFirstDate().Matches(text))
                Consider(m.Groups["m"].Value, m.Groups["d"].Value, m.Groups["y"].Value);
            foreach (Match m in DayFirstDate().Matches(text))
                Consider(m.Groups["m"].Value, m.Groups["d"].Value, m.Groups["y"].Value);
            foreach (Match m in IsoDate().Matches(text))
                if (DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) && (latest is null || iso > latest))
                    latest = iso;
        }
        return latest?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

        void Consider(string month, string day, string year)
        {
            if (DateOnly.TryParseExact($"{month} {day} {year}", ["MMMM d yyyy", "MMM d yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && (latest is null || date > latest))
                latest = date;
        }
    }

    private const string Month = "(?<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";

    [GeneratedRegex(@"\b" + Month + @"\.?\s+(?<d>\d{1,2}),?\s+(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex MonthFirstDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+" + Month + @"\.?,?\s+(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"\b(?:19|20)\d{2}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}
