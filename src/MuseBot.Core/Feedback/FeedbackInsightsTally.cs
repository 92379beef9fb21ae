using System.Text.Json;
using MuseBot.Contracts;

namespace MuseBot.Core.Feedback;

/// <summary>
/// Adds up one period's records into <see cref="FeedbackInsights"/>, the same way for every store: counts per UTC
/// day, 👍/👎 per cited section (an answer citing a section twice counts once for it), and the sections ordered by
/// 👎, then 👍, then label. Each store reads its own rows and feeds them here.
/// </summary>
public sealed class FeedbackInsightsTally
{
    private readonly SortedDictionary<DateOnly, int[]> _days = [];
    private readonly Dictionary<string, int[]> _sections = new(StringComparer.Ordinal);
    private int _answered;
    private int _refused;

    private int[] Day(DateOnly day) => _days.TryGetValue(day, out var counts) ? counts : _days[day] = new int[4];

    public void AddAnswered(DateOnly day, int count = 1)
    {
        Day(day)[0] += count;
        _answered += count;
    }

    public void AddRefused(DateOnly day, int count = 1)
    {
        Day(day)[1] += count;
        _refused += count;
    }

    /// <param name="citationsJson">The answer's citation labels as stored: a JSON array of strings.</param>
    public void AddFeedback(DateOnly day, bool helpful, string citationsJson)
    {
        Day(day)[helpful ? 2 : 3]++;
        foreach (var section in CitedSections(citationsJson))
        {
            if (!_sections.TryGetValue(section, out var counts)) _sections[section] = counts = new int[2];
            counts[helpful ? 0 : 1]++;
        }
    }

    public FeedbackInsights Build(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<(string Question, int Count)> topRefused) =>
        new(from, to, _answered, _refused, topRefused,
            _sections.Select(s => new SectionFeedback(s.Key, s.Value[0], s.Value[1]))
                .OrderByDescending(s => s.ThumbsDown).ThenByDescending(s => s.ThumbsUp).ThenBy(s => s.Section, StringComparer.Ordinal).ToList(),
            _days.Select(d => new DayActivity(d.Key, d.Value[0], d.Value[1], d.Value[2], d.Value[3])).ToList());

    /// <summary>The sections an answer cited, once each: a label's part before "; table …"; "(no citation)" when
    /// there is none (or the stored list cannot be read).</summary>
    public static IReadOnlyList<string> CitedSections(string citationsJson)
    {
        List<string>? labels;
        try
        {
            labels = JsonSerializer.Deserialize<List<string>>(citationsJson);
        }
        catch (JsonException)
        {
            labels = null;
        }
        var sections = (labels ?? []).Select(l => l.Split("; table ", 2)[0].Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return sections.Count > 0 ? sections : ["(no citation)"];
    }
}
