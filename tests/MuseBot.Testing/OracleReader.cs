using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Evaluation;
using MuseBot.Generative;

namespace MuseBot.Testing;

/// <summary>
/// A perfect reader standing in for the model: it knows each eval question's gold answer, and answers only from the
/// passages in the request (the user message and any search results). It quotes the sentences that hold the gold
/// answer, each with its passage id, exactly as the system prompt asks; when the passages do not hold all of it, it
/// replies NOT_IN_NOTE. What it cannot answer, no model could answer from what it was sent.
/// </summary>
/// <param name="items">The eval items whose questions it will be asked.</param>
/// <param name="negated">Whether a passage id negates (for gold that is only a "no").</param>
public sealed partial class OracleReader(IEnumerable<EvalItem> items, Func<string, bool> negated)
{
    private readonly Dictionary<string, EvalItem> _byQuestion = items.GroupBy(i => EvalScorer.QuestionKey(i.Question))
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public string Reply(RecordedRequest request)
    {
        var user = request.ContentOf("user");
        var asked = QuestionTag().Match(user) is { Success: true } m ? m.Groups[1].Value : "";
        if (!_byQuestion.TryGetValue(EvalScorer.QuestionKey(asked.Replace('‹', '<').Replace('›', '>')), out var item)) return AnswerGroundingValidator.AbstainToken;

        var passages = Passages(user + "\n\n" + request.ContentOf("tool"));
        var gold = ContextRecall.GoldPassages(item, passages, negated);
        if (gold is null) return AnswerGroundingValidator.AbstainToken;

        var alternatives = item.MustInclude.SelectMany(g => g).Where(GoldUnits.IsInformative).Select(EvalScorer.Norm).ToList();
        var lines = new List<string>();
        foreach (var p in gold)
        {
            var sentences = AnswerGroundingValidator.Sentences(p.Citation.Quote).ToList();
            // the sentences that hold the gold (or, for a "no", the one that says it); else the whole passage
            var holding = sentences.Where(s => alternatives.Count > 0
                ? alternatives.Any(a => EvalScorer.Norm(s).Contains(a, StringComparison.Ordinal))
                : Negation().IsMatch(s)).ToList();
            if (holding.Count == 0 || (alternatives.Count > 0 && !alternatives.Any(a => holding.Any(h => EvalScorer.Norm(h).Contains(a, StringComparison.Ordinal)))))
                holding = sentences;
            lines.Add(string.Join(" ", holding.Select(s => $"{s} [{p.Id}]")));
        }
        // "Does the note say …?" whose gold is a "no" and a reason: a reader says the no, then quotes the reason
        var reply = string.Join("\n", lines);
        var unsaid = item.MustInclude.Where(g => !g.Any(GoldUnits.IsInformative))
            .Where(g => !g.Any(a => EvalScorer.Norm(reply).Contains(EvalScorer.Norm(a), StringComparison.Ordinal))).ToList();
        return unsaid.Count > 0 ? "No — " + reply : reply;
    }

    /// <summary>"[id] label" then the quote, as the bot renders passages; the label's §N is the passage's section.</summary>
    public static List<RetrievedPassage> Passages(string text)
    {
        var result = new List<RetrievedPassage>();
        foreach (Match m in PassageBlock().Matches(text))
        {
            var label = m.Groups["label"].Value;
            var section = SectionNumber().Match(label) is { Success: true } s ? s.Groups[1].Value : label.Split(';')[0].Trim();
            if (result.All(p => p.Id != m.Groups["id"].Value))
                result.Add(new RetrievedPassage(m.Groups["id"].Value, new Citation(section, label, PassageKind.Paragraph, m.Groups["quote"].Value.Trim()), 1));
        }
        return result;
    }

    [GeneratedRegex(@"<question>\s*(.*?)\s*</question>", RegexOptions.Singleline)]
    private static partial Regex QuestionTag();

    [GeneratedRegex(@"^\[(?<id>[^\]\s]+)\] (?<label>[^\n]*)\n(?<quote>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex PassageBlock();

    [GeneratedRegex(@"^§(\d+)")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"\b(?:not|no|never|n['’]t)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();
}
