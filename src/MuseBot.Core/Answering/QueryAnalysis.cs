using System.Text;
using System.Text.RegularExpressions;

namespace MuseBot.Core.Answering;

/// <summary>What kind of reply a question wants.</summary>
public enum QuestionKind
{
    General,
    YesNo,
    When,
    Number,
    Who,
    List,
}

/// <summary>Reading a question: cleaning it, and what kind of reply it wants.</summary>
public static partial class QueryAnalysis
{
    public const int MaxQuestionChars = 2000;

    /// <summary>Strips control characters and collapses whitespace.</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxQuestionChars * 2));
        foreach (var ch in text)
        {
            if (char.IsControl(ch) || char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.Format)
                sb.Append(' ');
            else sb.Append(ch);
        }
        var cleaned = WhitespaceRegex().Replace(sb.ToString(), " ").Trim();
        return ContractionRegex().Replace(cleaned, m => m.Groups[1].Value + (m.Groups["c"].Value.ToLowerInvariant() switch
        {
            "d" => " did",
            "s" or "z" => " is",
            "re" => " are",
            "ll" => " will",
            _ => "",
        }));
    }

    /// <summary>"why'd", "whats", "how's", "who're": wh-word contractions, so they read as question words.</summary>
    [GeneratedRegex(@"\b(what|why|how|who|where|when|which)(?:['’]?(?<c>s|z)|['’](?<c>d|re|ll))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContractionRegex();

    public static QuestionKind Classify(string q)
    {
        var s = q.ToLowerInvariant().Trim();
        if (WhenRegex().IsMatch(s)) return QuestionKind.When;
        if (YesNoRegex().IsMatch(s)) return QuestionKind.YesNo;
        if (NumberRegex().IsMatch(s)) return QuestionKind.Number;
        if (WhoRegex().IsMatch(s)) return QuestionKind.Who;
        if (ListRegex().IsMatch(s)) return QuestionKind.List;
        return QuestionKind.General;
    }

    public static bool MentionsTable(string q) => TableRegex().IsMatch(q);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"^(when\b|what (date|day|month|year)\b|which (date|day|month|year)\b|by when\b)|\b(what|which) (date|day|month|year)\b|\bwhen (did|was|is|will|does)\b")]
    private static partial Regex WhenRegex();

    [GeneratedRegex(@"\b((?<!(about|know|unclear|whether|see)\s)how (much|many|long|big|large|high|low)\b(?!\s+(weight|trust|confidence|emphasis|credit|attention|faith|stock))|what('s| is| was)? (the )?(score|number|percentage|percent|share|stake|rate|figure|size|amount|value|level|ranking|rank)|by how much|what percent|how fast|\bscores?\b|\bnumbers?\b(?!\s+one)|\bwhat did .+\b(report|score|post|achieve|get)\b|\bpercentage\b|\brun-?rate\b|\bcapex\b.*\b20\d\d\b|^(what|what's|whats)\b.*\b(rate|count|capacity|price|cost|speed|size|revenue|headcount|valuation|users)\b|^(what|what's|whats)\b.*\b(guid(e|ance)|forecast|outlook|target|estimate|projection)\b|\b(rank|land|place|sit|stack up|come in)\b.*\b(index|benchmark|leaderboard|ranking)\b)")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"^(does|did|do|is|was|are|were|can|could|has|have|had|will|would|should|shall|isn't|doesn't|didn't|hasn't)\b")]
    private static partial Regex YesNoRegex();

    [GeneratedRegex(@"^who\b|\bwho('s| is| are| was| were)\b")]
    private static partial Regex WhoRegex();

    [GeneratedRegex(@"^(list|name)\b|\bwhat('s| is| are)? on\b|\bwhat are\b|\bwhich\b|\bwhat (modes|surfaces|items|publishers|risks|catalysts|sources|features|benchmarks)\b")]
    private static partial Regex ListRegex();

    [GeneratedRegex(@"\btable\b|\brow\b|\bcolumn\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableRegex();
}
