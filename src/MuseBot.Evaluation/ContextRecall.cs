using System.Globalization;
using MuseBot.Contracts;
using MuseBot.Generative;

namespace MuseBot.Evaluation;

/// <summary>
/// `musebot eval --context`: for the answerable questions of an eval set, how often the passages the model receives
/// with the question (at the configured budget, before any search of its own) hold the gold answer, per question
/// kind, and the size of that first prompt; then the same once the second look before a refusal has added the rest
/// of the note (<see cref="AzureOpenAIAnswerOptions.SecondLookCharacters"/>), and that second request's size. A
/// perfect reader answers from the first what it holds, and refuses only after the second: it can answer no more
/// than the second recall.
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

    /// <summary>
    /// One answerable question's context: what goes with the question, and what the model has read by the end of the
    /// second look that comes before a refusal (the same as <paramref name="Sent"/> when that look is off). Prompt tokens
    /// are the first request's and, for the second look, the second request's (first prompt, the refusal, the rest).
    /// </summary>
    public sealed record Row(EvalItem Item, IReadOnlyList<RetrievedPassage> Sent, bool HasGold, int PromptTokens,
        IReadOnlyList<RetrievedPassage> ReadBeforeRefusing, bool HasGoldBeforeRefusing, int SecondLookTokens);

    /// <summary>Measures every answerable item of an eval set.</summary>
    public static async Task<IReadOnlyList<Row>> MeasureAsync(ModelContext context, AzureOpenAIAnswerOptions options, IReadOnlyList<EvalItem> items,
        Func<string, bool> negated, CancellationToken ct)
    {
        var rows = new List<Row>();
        foreach (var item in items.Where(i => !i.ExpectAbstain))
        {
            var question = new Question(item.Question, item.Previous);
            var hint = await context.HintAsync(question, ct).ConfigureAwait(false);
            var sent = hint.Askable ? context.Initial(hint) : null;
            IReadOnlyList<RetrievedPassage> first = sent?.All ?? [];
            var prompt = GenerativeAnswerEngine.SystemPrompt + "\n" + GenerativeAnswerEngine.UserMessage(question, first);
            var more = sent is not null && options.SecondLookCharacters > 0 ? sent.Extend(context.Rest(hint), options.SecondLookCharacters) : [];
            var secondTokens = more.Count > 0
                ? EstimateTokens(prompt + "\n" + AnswerGroundingValidator.AbstainToken + "\n" + GenerativeAnswerEngine.SecondLookMessage(more))
                : 0;
            var read = sent?.All ?? [];
            rows.Add(new Row(item, first, GoldPassages(item, first, negated) is not null, EstimateTokens(prompt),
                read, GoldPassages(item, read, negated) is not null, secondTokens));
        }
        return rows;
    }

    public static void Write(TextWriter output, IReadOnlyList<Row> rows, AzureOpenAIAnswerOptions options, bool showMisses)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"context recall: the passages sent with the question ({options.InitialPassages} at most, {options.InitialCharacters} characters at most) hold the gold answer;"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"before refusing: with the second look's passages too (up to {options.SecondLookCharacters} more characters; 0 = off), sent only when the model finds no answer"));
        output.WriteLine("prompt tokens: median / max, 1 token ≈ 4 characters; the second request repeats the first prompt and adds the rest");
        output.WriteLine("                          with the question                      | before refusing (second look)");
        output.WriteLine("kind                   n  recall  passages  chars  prompt tokens   | recall  passages  prompt tokens");
        foreach (var group in rows.GroupBy(r => r.Item.Kind ?? "?").OrderBy(g => g.Key).Append(rows.GroupBy(_ => "all").FirstOrDefault()))
        {
            if (group is null) continue;
            var list = group.ToList();
            var second = list.Where(r => r.SecondLookTokens > 0).Select(r => r.SecondLookTokens).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-18} {list.Count,5}  {(double)list.Count(r => r.HasGold) / list.Count,6:F3}  {list.Average(r => r.Sent.Count),8:F1}  {list.Average(r => r.Sent.Sum(p => p.Citation.Quote.Length)),5:F0}  {Median(list.Select(r => r.PromptTokens)),6:F0} / {list.Max(r => r.PromptTokens),-5}  | {(double)list.Count(r => r.HasGoldBeforeRefusing) / list.Count,6:F3}  {list.Average(r => r.ReadBeforeRefusing.Count),8:F1}  {(second.Count == 0 ? "–" : $"{Median(second):F0} / {second.Max()}")}"));
        }
        if (!showMisses) return;
        foreach (var miss in rows.Where(r => !r.HasGold))
            output.WriteLine($"  missed{(miss.HasGoldBeforeRefusing ? " (found on the second look)" : "")} {miss.Item.Id} [{miss.Item.Kind}] {miss.Item.Question} — sent {string.Join(", ", miss.Sent.Select(p => p.Id))}");
    }

    public static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return 0;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
