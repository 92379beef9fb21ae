using System.Text.RegularExpressions;
using MuseBot.Core.Language;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>
/// "Which X …?" asks for a member of X: a unit that says X only in general ("… the full call on accelerators,
/// optics, power developers …", "… in most regions, …") does not answer "which power developers?" or "which
/// regions?". A member is a name written beside X ("the <b>Nimbus</b> plant"), or what X introduces: "X including
/// A, B", "X such as A", "X: A", "X (A)", "the Xs are A, B". English syntax only, nothing about one note.
/// </summary>
public static partial class Members
{
    /// <summary>Whether the unit names a member of the X a which-question asks about: true or false where the unit
    /// says X, null where it does not (then it cannot tell, and other evidence decides).</summary>
    public static bool? Named(QuestionFrame q, NoteUnit unit, WordMatch[] matches, double unmetBelow)
    {
        if (q.MemberHead < 0) return null;
        var head = q.Focus[q.MemberHead];
        var match = matches[q.MemberHead];
        if (match.Score < unmetBelow) return null;
        // said only by the unit's context: a row whose table's header is X has its cell as the member; a sentence
        // under a section titled X tells nothing
        if (match.Offset < 0) return unit.IsRow ? true : null;
        var asked = q.Focus.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var at = match.Exact
            ? unit.Words.Where(w => w.Terms.Any(head.Terms.Contains)).ToList()
            : unit.Words.Where(w => w.Start == match.Offset).ToList();
        if (at.Any(w => Beside(unit, w, asked))) return true;
        // X said in general, or a word of like meaning in its place ("developers" for "vendors"); but another form of
        // X's own word ("weaker" for "which weaknesses?") may be the very description asked for
        return !match.Exact || at.Any(w => SameNoun(w.Text, head.Word)) ? false : null;
    }

    /// <summary>The same noun, singular or plural, or a part of a hyphenated word ("vendor-by-vendor").</summary>
    private static bool SameNoun(string said, string asked)
    {
        static string One(string w) => English.Singular(English.WithoutPossessive(w.ToLowerInvariant()));
        var x = One(asked);
        return said.Split('-').Any(part => One(part) == x);
    }

    /// <summary>A member stands beside this saying of X: X is itself a name the question does not use, a name the
    /// question does not use stands right before it (past X's own modifiers), or X introduces one.</summary>
    private static bool Beside(NoteUnit unit, Token x, HashSet<string> asked)
    {
        if (IsName(unit, x, asked)) return true;
        int i = IndexOf(unit, x);
        // back past the words of the question ("campus counterparties"), to the word that modifies X
        int before = i - 1;
        while (before >= 0 && asked.Contains(FocusWord.KeyOf(unit.Words[before].Text)) && i - before <= 3) before--;
        if (before >= 0 && Adjacent(unit, unit.Words[before], unit.Words[before + 1]) && IsName(unit, unit.Words[before], asked)) return true;
        var after = unit.Text[x.End..];
        return IntroducesRegex().IsMatch(after) || OfListRegex().IsMatch(after)
               || (CopulaRegex().Match(after) is { Success: true } c && NameAt(unit, x.End + c.Length, asked));
    }

    private static int IndexOf(NoteUnit unit, Token word)
    {
        for (int i = 0; i < unit.Words.Count; i++)
            if (unit.Words[i].Start == word.Start) return i;
        return -1;
    }

    /// <summary>Only spaces between two words (a comma or a full stop ends the phrase).</summary>
    private static bool Adjacent(NoteUnit unit, Token a, Token b) => unit.Text[a.End..b.Start].All(char.IsWhiteSpace);

    private static bool NameAt(NoteUnit unit, int offset, HashSet<string> asked) =>
        unit.Words.FirstOrDefault(w => w.Start >= offset) is { } w && IsName(unit, w, asked);

    /// <summary>A name: written with a capital inside a sentence (not at its start, not a month), or mixing letters and
    /// digits; and not one the question itself uses.</summary>
    private static bool IsName(NoteUnit unit, Token w, HashSet<string> asked)
    {
        if (asked.Contains(FocusWord.KeyOf(w.Text))) return false;
        if (w.Text.Any(char.IsDigit) && w.Text.Any(char.IsLetter)) return true;
        if (!char.IsUpper(w.Text[0]) || English.Months.Contains(w.Text.ToLowerInvariant())) return false;
        var before = unit.Text[..w.Start].TrimEnd();
        return before.Length > 0 && !SentenceEnd().IsMatch(before);
    }

    [GeneratedRegex(@"[.:·!?]$")]
    private static partial Regex SentenceEnd();

    // "X including A", "X such as A", "X like A", "X: A", "X (A", "X — A"
    [GeneratedRegex(@"^(?:['’]s?)?\s*,?\s*(?:including|includes|such\s+as|like|namely|notably|especially|e\.g\.|for\s+example|:|\(|—|–)")]
    private static partial Regex IntroducesRegex();

    // "the call on A, B, and C", "gaps in A and B": X, a preposition, then a list of what it is of, in one clause
    [GeneratedRegex(@"^\s+(?:on|in|across|of)\s+[^,;.]{1,60}(?:,\s+[^,;.]{1,60}){0,8}(?:,?\s+(?:and|or)\s+|,\s+)[^,;.]+")]
    private static partial Regex OfListRegex();

    // "the named principals are A, B": X, then a verb of being or including, then the member
    [GeneratedRegex(@"^\s*(?:are|were|is|was|include|includes|included|comprise|comprises)\s+(?:the\s+)?")]
    private static partial Regex CopulaRegex();
}
