using System.Text.RegularExpressions;
using MuseBot.Core.Language;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>
/// "Acme's best benchmark score?", "Zeta's weakest result?": one compared thing's own results, of no measure in
/// particular, asked for their most or least. A sentence about that thing alone lists them as percentages, each on the
/// measure named after it ("Omega reports Zeta at 41.5% on GadgetEval, 17.2% on WidgetBench, and 9.8% on GizmoTest"):
/// the extreme of those is the answer, said with its measure. English syntax only, nothing about one note.
/// </summary>
public static partial class OwnResults
{
    /// <summary>The question asks the most or least of one thing's results and names no measure: besides the thing,
    /// its superlative and the frame, only nouns for a result in general.
    /// (Who gives them may be said too: "out of the benchmarks Omega lists", its maker or a verb of citing.)</summary>
    public static bool Asked(QuestionFrame q) =>
        q is { Superlative: not 0, Peers.Count: 1, Parts: 1, Comparison: false } && q.Type is not (AnswerType.YesNo or AnswerType.Person)
        && q.Content.Where(f => !q.PeerWords.Contains(f.Key) && !f.IsSource && English.SuperlativeDirection(f.Key) == 0 && !f.Word.Any(char.IsDigit)
                                && !English.ReportingVerbs.Contains(f.Key) && !English.CitingVerbs.Contains(f.Key)
                                && !q.Peers[0].Makers.Any(m => m.Equals(f.Key, StringComparison.OrdinalIgnoreCase)))
            .All(f => English.ResultNouns.Contains(f.Key));

    /// <summary>The thing's results a sentence that names it and no other compared thing lists: each percentage
    /// followed by "on" and the name of its measure. Empty unless it lists two or more.</summary>
    public static List<(Figure Figure, string Measure)> In(QuestionFrame q, NoteUnit unit)
    {
        if (unit.IsRow || unit.Peers.Count != 1 || unit.Peers[0] != q.Peers[0]) return [];
        var results = new List<(Figure, string)>();
        foreach (var figure in unit.Figures.Where(f => f.Kind == FigureKind.Percent))
            if (OnMeasureRegex().Match(unit.Text, figure.End) is { Success: true } on)
                results.Add((figure, on.Groups["m"].Value.TrimEnd('.')));
        return results.Count >= 2 ? results : [];
    }

    /// <summary>The headline: the extreme result with its measure, and how many it is the extreme of.</summary>
    public static string? Headline(QuestionFrame q, NoteUnit unit)
    {
        if (!Asked(q) || In(q, unit) is not { Count: > 0 } results) return null;
        var ordered = results.Select(r => (r.Figure, r.Measure, Values: Quantities.Magnitudes(r.Figure.Text))).Where(r => r.Values.Count == 1)
            .Select(r => (r.Figure, r.Measure, Value: r.Values[0])).ToList();
        if (ordered.Count < 2) return null;
        var top = q.Superlative > 0 ? ordered.MaxBy(r => r.Value) : ordered.MinBy(r => r.Value);
        return $"**{top.Figure.Text} on {top.Measure}** — the {(q.Superlative > 0 ? "highest" : "lowest")} of the {ordered.Count} {q.Peers[0].Label} results this sentence gives:";
    }

    // " on GadgetEval", " on Widget-Bench Plus", " on GizmoTest 2.0": a name run right after the figure
    [GeneratedRegex(@"\G\s+on\s+(?<m>\p{Lu}[\p{L}\d.-]*(?:\s+(?:\p{Lu}|\d)[\p{L}\d.-]*)*)")]
    private static partial Regex OnMeasureRegex();
}
