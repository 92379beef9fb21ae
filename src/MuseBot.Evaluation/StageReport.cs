using System.Globalization;
using MuseBot.Core.Answering;
using MuseBot.Core.Understanding;

namespace MuseBot.Evaluation;

/// <summary>One eval item with how the engine handled it, stage by stage.</summary>
public sealed record TracedItem(EvalItem Item, AnswerTrace Trace, ItemGrade Grade);

/// <summary>
/// `eval --by-kind`: the engine's stages measured apart, per question kind — accuracy; retrieval recall of the gold
/// section and of a gold unit at 1 and 5; answerability as a curve (the false-answer rate at each false-refusal rate)
/// with its AUC; and the confident wrong figures (answers that headline a figure the gold answer does not have).
/// </summary>
public static partial class StageReport
{
    public static void Write(TextWriter output, IReadOnlyList<TracedItem> items)
    {
        output.WriteLine();
        output.WriteLine("by kind                n  accuracy  sec@1  sec@5  unit@1  unit@5  wrong-figures");
        foreach (var group in items.GroupBy(i => i.Item.Kind ?? "?").OrderBy(g => g.Key).Append(items.GroupBy(_ => "all").First()))
        {
            var answerable = group.Where(i => !i.Item.ExpectAbstain && i.Item.Sections.Count > 0).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-18} {group.Count(),5}  {Rate(group, i => i.Grade.Right),8}  {Rate(answerable, i => SectionAt(i, 1)),5}  {Rate(answerable, i => SectionAt(i, 5)),5}  " +
                $"{Rate(answerable, i => UnitAt(i, 1)),6}  {Rate(answerable, i => UnitAt(i, 5)),6}  {group.Count(WrongFigure),13}"));
        }

        var curve = Curve(items);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answerability: AUC {Auc(items):F3} (answerable vs absent, by the best candidate's probability)"));
        output.WriteLine("  false refusals  false answers  threshold");
        foreach (var target in new[] { 0.0, 0.02, 0.05, 0.08, 0.10, 0.15, 0.20, 0.30 })
        {
            var point = curve.Where(p => p.FalseRefusal <= target + 1e-9).OrderBy(p => p.FalseAnswer).FirstOrDefault();
            if (point == default) continue;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {point.FalseRefusal,14:F3}  {point.FalseAnswer,13:F3}  {point.Threshold,9:F3}"));
        }
        // for the generative engine's rule (a confident extractive answer stands against the model's NOT_IN_NOTE)
        output.WriteLine("  at or above   answerable  absent (false answers)");
        foreach (var t in new[] { 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 })
        {
            var point = curve.Where(p => p.Threshold >= t).OrderBy(p => p.Threshold).FirstOrDefault();
            if (point == default) continue;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t,11:F2}  {1 - point.FalseRefusal,11:F3}  {point.FalseAnswer,8:F3}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"confident wrong figures: {items.Count(WrongFigure)}"));
        foreach (var i in items.Where(WrongFigure))
            output.WriteLine($"  {i.Item.Id} {i.Item.Question} → {i.Trace.Answer.Headline}");
    }

    /// <summary>An answer whose headline states a figure or date the gold answer does not have (for an absent
    /// question, any figure it states); a comparison's other side may be the one its gold passage gives.</summary>
    public static bool WrongFigure(TracedItem i)
    {
        if (i.Trace.Answer.Abstained || i.Trace.Answer.Headline is not { } headline) return false;
        // what the headline states in bold: "**$12.5B**", "**May 4, 2026**", "**Acme 40%** vs **…**"
        // a bold table cell is the note's words, not a figure the engine chose; a bold figure or date is
        var bold = BoldRegex().Matches(headline).Select(m => m.Groups[1].Value).Where(b => b.Length <= 40).ToList();
        var figures = bold.SelectMany(b => Quantities.FiguresIn(b).Select(f => f.Text)).ToList();
        var dates = bold.SelectMany(b => Quantities.DatesIn(b).Select(d => d.Text)).ToList();
        if (figures.Count + dates.Count == 0) return false;
        if (i.Item.ExpectAbstain) return true;
        var gold = i.Item.MustInclude.SelectMany(g => g).Select(a => a.ToLowerInvariant()).ToList();
        // every number the headline states must be one the gold answer has ("8" and "2026" of "April 8, 2026"), by
        // value: "12.0%" states a gold "12"
        static decimal ValueOf(string n) => decimal.Parse(n, CultureInfo.InvariantCulture);
        bool NumbersInGold(string stated) => NumberRegex().Matches(stated).All(n => gold.Any(g => NumberRegex().Matches(g).Any(x => ValueOf(x.Value) == ValueOf(n.Value))));
        // a date is right when it says a gold answer whole ("June 2025" for "June"): the gold need not give the year
        bool DateInGold(string date) => gold.Any(g => date.Contains(g, StringComparison.OrdinalIgnoreCase)) || NumbersInGold(date);
        if (dates.Any(d => !DateInGold(d))) return true;
        // a comparison ("**Acme 40%** vs **Zeta 41%**") states both sides, where the gold may give only the side asked
        // about: one side must be the gold's, the other the figure the gold passage gives it
        if (figures.Count >= 2 && headline.Contains(" vs ", StringComparison.Ordinal))
        {
            var passages = i.Trace.Ranked.Select(c => c.Unit).Where(u => GoldUnits.IsGold(i.Item, u)).Select(u => u.Text).ToList();
            return !figures.Any(NumbersInGold) || figures.Any(f => !NumbersInGold(f) && !passages.Any(p => Quantities.FiguresIn(p).Any(x => x.Text == f)));
        }
        return figures.Any(f => !NumbersInGold(f));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial System.Text.RegularExpressions.Regex BoldRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial System.Text.RegularExpressions.Regex NumberRegex();

    private static bool SectionAt(TracedItem i, int k) =>
        i.Trace.Ranked.Take(k).Any(c => i.Item.Sections.Contains(c.Unit.Passage.Section));

    private static bool UnitAt(TracedItem i, int k) =>
        i.Trace.Scored.Count > 0
            ? i.Trace.Scored.Take(k).Any(s => GoldUnits.IsGold(i.Item, s.Unit))
            : i.Trace.Ranked.Take(k).Any(c => GoldUnits.IsGold(i.Item, c.Unit));

    private static string Rate<T>(IEnumerable<T> items, Func<T, bool> ok)
    {
        var list = items.ToList();
        return list.Count == 0 ? "n/a" : ((double)list.Count(ok) / list.Count).ToString("F3", CultureInfo.InvariantCulture);
    }

    private static List<(double Threshold, double FalseRefusal, double FalseAnswer)> Curve(IReadOnlyList<TracedItem> items)
    {
        var answerable = items.Where(i => !i.Item.ExpectAbstain && i.Trace.Question is not null).Select(i => i.Trace.Answerability).ToList();
        var absent = items.Where(i => i.Item.ExpectAbstain && i.Trace.Question is not null).Select(i => i.Trace.Answerability).ToList();
        var thresholds = answerable.Concat(absent).Append(0).Append(1.0001).Distinct().Order().ToList();
        return thresholds.Select(t => (t,
            answerable.Count == 0 ? 0 : (double)answerable.Count(p => p < t) / answerable.Count,
            absent.Count == 0 ? 0 : (double)absent.Count(p => p >= t) / absent.Count)).ToList();
    }

    private static double Auc(IReadOnlyList<TracedItem> items)
    {
        var pos = items.Where(i => !i.Item.ExpectAbstain && i.Trace.Question is not null).Select(i => i.Trace.Answerability).ToList();
        var neg = items.Where(i => i.Item.ExpectAbstain && i.Trace.Question is not null).Select(i => i.Trace.Answerability).ToList();
        if (pos.Count == 0 || neg.Count == 0) return double.NaN;
        double sum = 0;
        foreach (var p in pos)
            foreach (var n in neg)
                sum += p > n ? 1 : p == n ? 0.5 : 0;
        return sum / (pos.Count * neg.Count);
    }
}
