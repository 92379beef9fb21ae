using System.Text.RegularExpressions;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>
/// "what is Zeta?", "who's Dana Reed?": a question that asks only what a name is is answered best by a sentence that
/// says so — "Zeta is a …", "Zeta, a …", "Zeta, launched in May, is the …", "the Zeta plant" — not by one that
/// merely names it on the way to something else. English syntax only, nothing about one note.
/// </summary>
public static partial class Definitions
{
    /// <summary>The name a question asks the definition of, as typed ("hyperion", "muse spark"); null when it asks
    /// more than what a name is. A name is a run of at most four words, one of them a name of the note's.</summary>
    public static string? Asked(QuestionFrame q)
    {
        if (q.Type is not (AnswerType.Description or AnswerType.Person) || q.Parts > 1 || q.Comparison) return null;
        if (AskedRegex().Match(q.Text.ToLowerInvariant()) is not { Success: true } m) return null;
        var x = m.Groups["x"];
        var words = q.Content.Where(f => f.Start >= x.Index && f.Start < x.Index + x.Length).ToList();
        // every word asked about is the name's: "what is Zeta's plan?" asks more than what Zeta is
        return words.Count is > 0 and <= 4 && words.Count == q.Content.Count() && words.Any(f => f.IsName) && !x.Value.Contains('\'') && !x.Value.Contains('’')
            ? x.Value : null;
    }

    /// <summary>Whether the unit says what <paramref name="name"/> is: the name (whole, not part of a longer name) as
    /// the subject of "is a / is the / is best understood as", set beside "a …" or "the …" between commas, or
    /// naming a kind of thing after "the" ("the Zeta plant").</summary>
    public static bool Defines(NoteUnit unit, string name)
    {
        foreach (Match at in Regex.Matches(unit.Text, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])", RegexOptions.IgnoreCase))
        {
            var after = unit.Text[(at.Index + at.Length)..];
            // part of a longer name ("Zeta" of "Zeta Widget"): what follows is that name's
            if (NextIsNameRegex().IsMatch(after)) continue;
            if (CopulaRegex().IsMatch(after) || AppositiveRegex().IsMatch(after)) return true;
            if (TheBeforeRegex().IsMatch(unit.Text[..at.Index]) && KindAfterRegex().IsMatch(after)) return true;
        }
        return false;
    }

    // "what is X?", "what's X exactly?", "who is X, according to the note?"
    [GeneratedRegex(@"^\W*(?:what|who|wat|wut)(?:\s+(?:is|are|was|were)|['’]s|s)\s+(?:the\s+|an?\s+)?(?<x>[^?,]+?)(?:\s+(?:exactly|again|anyway))?\s*(?:,?\s*(?:according\s+to|per|in)\s+(?:the|this)\s+(?:note|report))?\s*[?.!]*\s*$")]
    private static partial Regex AskedRegex();

    [GeneratedRegex(@"^\s+\p{Lu}")]
    private static partial Regex NextIsNameRegex();

    // "X is a …", "X is best understood as …", "X, launched in May, is the …"
    [GeneratedRegex(@"^(?:\s*,[^,;.]{1,60},)?\s+(?:is|are|was|were)\s+(?:\p{Ll}+\s+){0,3}?(?:a|an|the|as)\s")]
    private static partial Regex CopulaRegex();

    // "X, a …", "X (the …"
    [GeneratedRegex(@"^\s*(?:,|\()\s*(?:a|an|the)\s+\p{Ll}")]
    private static partial Regex AppositiveRegex();

    // "the X plant", "the internally named X family": "the", and at most two words between it and the name
    [GeneratedRegex(@"\bthe\s+(?:[\p{Ll}-]+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex TheBeforeRegex();

    // … a kind of thing written in lower case after the name ("data center", "family"), not a verb
    [GeneratedRegex(@"^\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|does|did)\b)\p{Ll}[\p{Ll}-]+")]
    private static partial Regex KindAfterRegex();
}
