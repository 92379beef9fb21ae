using System.Globalization;
using MuseBot.Contracts;
using MuseBot.Generative;

namespace MuseBot.Evaluation;

/// <summary>
/// `musebot eval --context`: for the answerable questions of an eval set, how often the passages the model receives
/// with the question (at the configured budget, before any search of its own) hold the gold answer, per question
/// kind; and the size of that first prompt. A perfect reader can answer no more than this.
/// </summary>
public static class ContextRecall
{
    /// <summary>
    /// The passages that hold an item's gold answer, or null when they do not all reach it. Every informative
    /// must_include group (one that is not a mere "no") needs a passage from one of the item's sections whose
    /// text has one of its alternatives; an item whose gold is only a negation needs a negating passage there
    /// (<paramref name="negated"/>). Returned in the order of the groups, each once.
    /// </summary>
    public static IReadOnlyList<RetrievedPassage>? GoldPassages(EvalItem item, IReadOnlyList<RetrievedPassage> passages, Func<string, bool> negated)
    {
        if (item.ExpectAbstain) return null;
        var inSection = passages.Where(p => item.Sections.Count == 0 || item.Sections.Contains(p.Citation.Section)).ToList();
        var groups = item.MustInclude.Where(g => g.Any(GoldUnits.IsInformative)).ToList();
        if (groups.Count == 0)
            return inSection.FirstOrDefault(p => negated(p.Id)) is { } n ? [n] : null;
        var found = new List<RetrievedPassage>();
        foreach (var group in groups)
        {
            // a passage already chosen for another part is preferred, so the answer quotes as little as it can
            var alternatives = group.Select(EvalScorer.Norm).ToList();
            bool Holds(RetrievedPassage p) => alternatives.Any(a => EvalScorer.Norm(p.Citation.Quote).Contains(a, StringComparison.Ordinal));
            var hit = found.FirstOrDefault(Holds) ?? inSection.FirstOrDefault(Holds);
            if (hit is null) return null;
            if (!found.Contains(hit)) found.Add(hit);
        }
        return found;
    }

    /// <summary>Tokens of a text, estimated as one per four characters (OpenAI's rule of thumb for English).</summary>
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;

    /// <summary>One answerable question's context.</summary>
    public sealed record Row(EvalItem Item, IReadOnlyList<RetrievedPassage> Sent, bool HasGold, int PromptTokens);

    /// <summary>Measures every answerable item of an eval set.</summary>
    public static async Task<IReadOnlyList<Row>> MeasureAsync(ModelContext context, IReadOnlyList<EvalItem> items, Func<string, bool> negated, CancellationToken ct)
    {
        var rows = new List<Row>();
        foreach (var item in items.Where(i => !i.ExpectAbstain))
        {
            var question = new Question(item.Question, item.Previous);
            var hint = await context.HintAsync(question, ct).ConfigureAwait(false);
            var sent = hint.Askable ? context.Initial(hint).All : [];
            var prompt = GenerativeAnswerEngine.SystemPrompt + "\n" + GenerativeAnswerEngine.UserMessage(question, sent);
            rows.Add(new Row(item, sent, GoldPassages(item, sent, negated) is not null, EstimateTokens(prompt)));
        }
        return rows;
    }

    public static void Write(TextWriter output, IReadOnlyList<Row> rows, AzureOpenAIAnswerOptions options, bool showMisses)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"context recall: the passages sent with the question ({options.InitialPassages} at most, {options.InitialCharacters} characters at most) hold the gold answer"));
        output.WriteLine("kind                   n  recall  passages  chars  prompt tokens (median / max; 1 token ≈ 4 characters)");
        foreach (var group in rows.GroupBy(r => r.Item.Kind ?? "?").OrderBy(g => g.Key).Append(rows.GroupBy(_ => "all").FirstOrDefault()))
        {
            if (group is null) continue;
            var list = group.ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-18} {list.Count,5}  {(double)list.Count(r => r.HasGold) / list.Count,6:F3}  {list.Average(r => r.Sent.Count),8:F1}  {list.Average(r => r.Sent.Sum(p => p.Citation.Quote.Length)),5:F0}  {Median(list.Select(r => r.PromptTokens)),6:F0} / {list.Max(r => r.PromptTokens)}"));
        }
        if (!showMisses) return;
        foreach (var miss in rows.Where(r => !r.HasGold))
            output.WriteLine($"  missed {miss.Item.Id} [{miss.Item.Kind}] {miss.Item.Question} — sent {string.Join(", ", miss.Sent.Select(p => p.Id))}");
    }

    public static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return 0;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
