using MuseBot.Core.Understanding;

namespace MuseBot.Evaluation;

/// <summary>
/// Which answer units hold an eval item's gold answer: in one of its sections, and carrying one of the
/// alternatives of an informative must_include group (a group of mere "no"s only asks for a negation). Used to
/// label units for fitting the answerability model and to measure retrieval recall.
/// </summary>
public static class GoldUnits
{
    public static bool IsGold(EvalItem item, NoteUnit unit)
    {
        if (item.ExpectAbstain) return false;
        if (item.Sections.Count > 0 && !item.Sections.Contains(unit.Passage.Section)) return false;
        var text = EvalScorer.Norm(unit.Text);
        var informative = item.MustInclude.Where(g => g.Any(IsInformative)).ToList();
        if (informative.Count == 0) return item.Kind != "negative" || unit.Negated;
        return informative.Any(g => g.Any(alt => text.Contains(EvalScorer.Norm(alt), StringComparison.Ordinal)));
    }

    /// <summary>The gold sections of an item, for retrieval recall ("1".."9").</summary>
    public static IReadOnlyCollection<string> Sections(EvalItem item) => item.Sections.OfType<string>().ToHashSet();

    /// <summary>An alternative that says more than "no".</summary>
    public static bool IsInformative(string alternative)
    {
        var words = EvalScorer.Norm(alternative).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w.Length >= 2 && !Negations.Contains(w.Trim('.', ',', '!')));
    }

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "no", "not", "n't", "n’t", "does", "doesn't", "doesn’t", "has", "hasn't", "is", "isn't", "did", "didn't", "nope", "never",
        "none", "yet", "it", "the", "note", "say", "says", "claim", "claims",
    };
}
