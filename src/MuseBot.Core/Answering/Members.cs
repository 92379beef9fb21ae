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
    /// <param name="noteName">Whether the note writes a (lower-case) word as a name: one at a sentence's start is one.</param>
    public static bool? Named(QuestionFrame q, NoteUnit unit, WordMatch[] matches, double unmetBelow, Func<string, bool> noteName, string? subject = null)
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
        if (at.Any(w => Beside(unit, w, asked, noteName))) return true;
        // "Model: Zeta · Take: the hardest rival": a row describes the thing its label cell names, so X said in
        // another cell of the row calls that thing an X
        if (LabelSpan(unit) is { } label && at.Any(w => w.Start < label.From || w.Start >= label.To) && LabelNames(unit, label, asked, noteName)) return true;
        // "Watch item: Cross-gadget rollout · What to look for: adoption across Zeta and Nimbus": X in the row's label
        // makes the row about X, and the names its other cells give are its members (not a cell's capitalised first
        // word, nor the note's subject, said in half its rows)
        if (LabelSpan(unit) is { } labelled && at.Count > 0 && at.All(w => w.Start >= labelled.ValueFrom && w.Start < labelled.To)
            && AskedOrSubject(q, subject) is var named && unit.Passage.Cells is { } cells && cells.Skip(1).Select(c => unit.SpanOf(c.Key, c.Value)).OfType<(int From, int ValueFrom, int To)>()
                .Any(cell => unit.Words.Any(w => w.Start > cell.ValueFrom && w.Start < cell.To && IsName(unit, w, named, noteName)))) return true;
        // "which benchmark is the 52 for?" of a row whose column header says X: that column's cell, which says the
        // figure the question names, holds the member
        if (unit.IsRow && at.Any(w => HeaderCellNames(q, unit, w.Start, asked, noteName))) return true;
        // "which of Acme's apps get it after the Acme Chat app?": X said only as part of a name the question itself
        // names is that member, not X said in general
        at = at.Where(w => !InNameAsked(unit, w, asked)).ToList();
        // X said in general: none of it beside X. A word of like meaning in X's place ("competitors" for "rivals") is
        // weaker evidence: the unit may name the members elsewhere, so it names none only when it names nobody at all.
        // Another form of X's own word ("weaker" for "which weaknesses?") may be the very description asked for.
        if (!match.Exact) return AnyNameBut(unit, asked, noteName) ? null : false;
        return at.Any(w => SameNoun(w.Text, head.Word)) ? false : null;
    }

    /// <summary>"what's the video tool called?": the unit writes a name beside a word of the question it says (the
    /// <b>Zeta</b> tool, tools such as <b>Zeta</b>), as a thing's name is written; a unit that says the thing only in
    /// general gives it no name. Null where the unit says none of the question's words as such (it may name the thing
    /// in other words: "Zeta modes" for "the think-harder setting").</summary>
    public static bool? NamesBesideAsked(QuestionFrame q, NoteUnit unit, WordMatch[] matches, Func<string, bool> noteName)
    {
        var asked = q.Focus.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        bool said = false;
        for (int i = 0; i < q.Focus.Count; i++)
        {
            var f = q.Focus[i];
            if (f.IsFrame || f.IsName || f.Terms.Count == 0 || matches[i] is not { Exact: true, Offset: >= 0 }) continue;
            said = true;
            if (unit.Words.Where(w => w.Terms.Any(f.Terms.Contains)).Any(w => Beside(unit, w, asked, noteName))) return true;
        }
        return said ? false : null;
    }

    /// <summary>The unit lists names the question does not use: two or more, each beside the next ("across WidgetBench,
    /// GadgetEval, and GizmoTest"), as members of a kind are listed.</summary>
    public static bool ListsNames(QuestionFrame q, NoteUnit unit, Func<string, bool> noteName)
    {
        var asked = q.Focus.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        int names = 0, lastEnd = -1;
        foreach (var (start, end, isAsked) in NameSpans(unit, asked, noteName))
        {
            // the next name follows the last after a comma or "and": one list (a name the question says is in it too)
            bool inList = lastEnd >= 0 && ListSeparatorRegex().IsMatch(unit.Text[lastEnd..start]);
            names = !isAsked ? (inList ? names + 1 : 1) : inList ? names : 0;
            if (names >= 2) return true;
            lastEnd = end;
        }
        return false;
    }

    /// <summary>Each name the unit writes, a name of several words ("Acme Widget Works") as one, with whether the
    /// question says any word of it.</summary>
    private static IEnumerable<(int Start, int End, bool Asked)> NameSpans(NoteUnit unit, HashSet<string> asked, Func<string, bool> noteName)
    {
        var words = unit.Words;
        for (int i = 0; i < words.Count; i++)
        {
            if (!IsName(unit, words[i], [], noteName)) continue;
            int end = i;
            while (end + 1 < words.Count && Adjacent(unit, words[end], words[end + 1]) && IsName(unit, words[end + 1], [], noteName)) end++;
            yield return (words[i].Start, words[end].End, Enumerable.Range(i, end - i + 1).Any(k => asked.Contains(FocusWord.KeyOf(words[k].Text))));
            i = end;
        }
    }

    [GeneratedRegex(@"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")]
    private static partial Regex ListSeparatorRegex();

    /// <summary>"does the note name any of the outlets Acme cites?": the unit lists by name members of a kind the
    /// question asks about in the plural ("outlets including Zeta Daily, …"). Then the note does give such things,
    /// whatever else of the question it leaves unmet.</summary>
    public static bool NamesMembersOfAsked(QuestionFrame q, NoteUnit unit, WordMatch[] matches, Func<string, bool> noteName)
    {
        var asked = q.Focus.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < q.Focus.Count; i++)
        {
            var f = q.Focus[i];
            if (f.IsFrame || f.IsName || f.Terms.Count == 0 || !English.IsPlural(f.Word) || matches[i] is not { Exact: true, Offset: >= 0 }) continue;
            if (unit.Words.Where(w => w.Terms.Any(f.Terms.Contains) && SameNoun(w.Text, f.Word) && English.IsPlural(w.Text))
                .Any(w => Introduces(unit, w, asked, noteName))) return true;
        }
        return false;
    }

    /// <summary>X introduces a list of names: "X including A, B", "X such as A", "the Xs are A, B".</summary>
    private static bool Introduces(NoteUnit unit, Token x, HashSet<string> asked, Func<string, bool> noteName)
    {
        var after = unit.Text[x.End..];
        return (IntroducesRegex().Match(after) is { Success: true } i && NameAt(unit, x.End + i.Length, asked, noteName))
               || (CopulaRegex().Match(after) is { Success: true } c && NameAt(unit, x.End + c.Length, asked, noteName));
    }

    /// <summary>The same noun, singular or plural, or a part of a hyphenated word ("vendor-by-vendor").</summary>
    private static bool SameNoun(string said, string asked)
    {
        static string One(string w) => English.Singular(English.WithoutPossessive(w.ToLowerInvariant()));
        var x = One(asked);
        return said.Split('-').Any(part => One(part) == x);
    }

    /// <summary>"which companies are in the preview?" asks for organisations by name: none of the units an answer would
    /// quote names one but the question's own and the note's subject (said in half its sentences, it is no member of
    /// a class the question asks about). Null where the question asks no class of organisations.</summary>
    public static bool? NamesAnOrganisation(QuestionFrame q, IEnumerable<NoteUnit> quoted, string? subject, Func<string, bool> noteName)
    {
        if (q.MemberHead < 0 || !English.OrganisationNouns.Contains(English.Singular(q.Focus[q.MemberHead].Key))) return null;
        var asked = AskedOrSubject(q, subject);
        return quoted.Any(u => AnyNameBut(u, asked, noteName));
    }

    /// <summary>"who …?" asks for a person or organisation, "what's it called?" for a name: a unit that names none but
    /// those the question already names ("besides Acme, who else …?") cannot say who. Not a question between
    /// alternatives the question names.</summary>
    public static bool NamesSomeoneElse(QuestionFrame q, NoteUnit unit, Func<string, bool> noteName)
    {
        if (q.Type != AnswerType.Person && !q.AsksName || q.AsksChoice || (q.Comparison && !q.AsksName)) return true;
        return AnyNameBut(unit, q.Focus.Select(f => f.Key).ToHashSet(StringComparer.Ordinal), noteName);
    }

    /// <summary>The unit names someone the question does not, nor the note's subject (said in half its sentences, it is
    /// rarely whom a who-question asks about).</summary>
    public static bool NamesSomeoneBesidesSubject(QuestionFrame q, NoteUnit unit, string? subject, Func<string, bool> noteName) =>
        AnyNameBut(unit, AskedOrSubject(q, subject), noteName);

    /// <summary>The unit names someone besides the question's own words, the note's subject and, where the question
    /// names a compared thing, the compared things the question or the unit names (by any of their names' words: "Zeta"
    /// for "Zeta Widget Max"): someone who may have done what a who-question asks of one ("who ranks Zeta?"). Asked of
    /// none ("who got 40%?"), a compared thing may be the answer.</summary>
    public static bool NamesSomeoneBesidesComparedThings(QuestionFrame q, NoteUnit unit, string? subject, Func<string, bool> noteName)
    {
        var asked = AskedOrSubject(q, subject);
        foreach (var p in q.Peers.Concat(q.Peers.Count > 0 ? unit.Peers : [])) asked.UnionWith(p.NameWords);
        return AnyNameBut(unit, asked, noteName);
    }

    /// <summary>The question's words and the note's subject: names that are no answer to whom a question asks about.</summary>
    private static HashSet<string> AskedOrSubject(QuestionFrame q, string? subject)
    {
        var asked = q.Focus.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        if (subject is not null) asked.Add(subject.ToLowerInvariant());
        return asked;
    }

    /// <summary>The offset falls in a column's header ("Benchmark position: …") of the row, and that column's cell
    /// says a figure the question names and names something the question does not.</summary>
    private static bool HeaderCellNames(QuestionFrame q, NoteUnit unit, int offset, HashSet<string> asked, Func<string, bool> noteName)
    {
        foreach (var (header, value) in unit.Passage.Cells!.Skip(1))
        {
            // (the offset in the header: from its start up to the ": " before the value)
            if (unit.SpanOf(header, value) is not { } cell || offset < cell.From || offset >= cell.ValueFrom - 2) continue;
            if (!Quantities.Numbers(q.Text).Intersect(Quantities.Numbers(value), StringComparer.Ordinal).Any()) return false;
            return NameSpans(unit, asked, noteName).Any(n => !n.Asked && n.Start >= cell.ValueFrom && n.End <= cell.To);
        }
        return false;
    }

    /// <summary>The unit names something the question does not: a name of several words ("Acme Widget Works") is
    /// the question's when it says any of them ("Acme").</summary>
    private static bool AnyNameBut(NoteUnit unit, HashSet<string> asked, Func<string, bool> noteName) =>
        NameSpans(unit, asked, noteName).Any(n => !n.Asked);

    /// <summary>A member stands beside this saying of X: X is itself a name the question does not use, a name the
    /// question does not use stands right before it (past X's own modifiers), or X introduces one.</summary>
    private static bool Beside(NoteUnit unit, Token x, HashSet<string> asked, Func<string, bool> noteName)
    {
        if (IsName(unit, x, asked, noteName)) return true;
        int i = IndexOf(unit, x);
        // back past the words of the question ("campus counterparties"), to the word that modifies X
        int before = i - 1;
        while (before >= 0 && asked.Contains(FocusWord.KeyOf(unit.Words[before].Text)) && i - before <= 3) before--;
        if (before >= 0 && Adjacent(unit, unit.Words[before], unit.Words[before + 1]) && IsName(unit, unit.Words[before], asked, noteName)) return true;
        // "parallel-agent Gizmo modes": the name right after X, in the same phrase, names the thing X describes
        if (i >= 0 && i + 1 < unit.Words.Count && Adjacent(unit, x, unit.Words[i + 1]) && IsName(unit, unit.Words[i + 1], asked, noteName)) return true;
        // "closes pricing, support, or battery gaps": a list of kinds right before X, each of a few words, is its members
        // (each a noun said in the singular, as a noun that modifies another is: "developers, or campus counterparties"
        // lists things beside X, not kinds of it, and "advantage and selected partners" ends in a participle, which
        // says of X what it is, not which)
        if (ModifierListRegex().Match(unit.Text[..x.Start]) is { Success: true } list
            && ListItemRegex().Split(list.Value).Select(item => item.Trim().Split(' ')[^1])
                .All(w => w.Length > 0 && !English.IsPlural(w) && !w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))) return true;
        // "Acme remains the most difficult direct rival": the member is the subject the unit calls an X
        if (NamedAsRegex().Match(unit.Text[..x.Start]) is { Success: true } named && NameAt(unit, named.Index, asked, noteName)) return true;
        var after = unit.Text[x.End..];
        return IntroducesRegex().IsMatch(after) || OfListRegex().IsMatch(after) || HeadIntroducesRegex().IsMatch(after)
               || (CopulaRegex().Match(after) is { Success: true } c && NameAt(unit, x.End + c.Length, asked, noteName));
    }

    /// <summary>The row's label cell (its first) is a name the question does not say, every word of it capitalised or
    /// a figure ("Zeta Nimbus 2.1"; not "Zeta posture", nor a sentence that mentions one).</summary>
    private static bool LabelNames(NoteUnit unit, (int From, int ValueFrom, int To) label, HashSet<string> asked, Func<string, bool> noteName) =>
        unit.Words.Where(w => w.Start >= label.ValueFrom && w.Start < label.To).All(w => char.IsUpper(w.Text[0]) || char.IsDigit(w.Text[0]))
        && NameSpans(unit, asked, noteName).Any(n => !n.Asked && n.Start >= label.ValueFrom && n.End <= label.To);

    /// <summary>Where a row's text says its label cell (its first); null for a sentence.</summary>
    private static (int From, int ValueFrom, int To)? LabelSpan(NoteUnit unit) =>
        unit.Passage.Cells is [var label, ..] ? unit.SpanOf(label.Key, label.Value) : null;

    /// <summary>The word right before X, in the same phrase, is a name the question itself says ("the Acme Chat app"
    /// for a question that names the Acme Chat app).</summary>
    private static bool InNameAsked(NoteUnit unit, Token x, HashSet<string> asked)
    {
        int i = IndexOf(unit, x);
        return i > 0 && unit.Words[i - 1] is var before && Adjacent(unit, before, x) && char.IsUpper(before.Text[0])
               && asked.Contains(FocusWord.KeyOf(before.Text));
    }

    private static int IndexOf(NoteUnit unit, Token word)
    {
        for (int i = 0; i < unit.Words.Count; i++)
            if (unit.Words[i].Start == word.Start) return i;
        return -1;
    }

    /// <summary>Only spaces between two words (a comma or a full stop ends the phrase).</summary>
    private static bool Adjacent(NoteUnit unit, Token a, Token b) => unit.Text[a.End..b.Start].All(char.IsWhiteSpace);

    private static bool NameAt(NoteUnit unit, int offset, HashSet<string> asked, Func<string, bool> noteName) =>
        unit.Words.FirstOrDefault(w => w.Start >= offset) is { } w && IsName(unit, w, asked, noteName);

    /// <summary>A name: written with a capital inside a sentence (at its start, only a word the note writes as a
    /// name elsewhere), not a month; or a letter-led word with digits ("Zeta-2"), not a quarter ("Q4") or a figure
    /// ("$3M"); and not one the question itself uses.</summary>
    private static bool IsName(NoteUnit unit, Token w, HashSet<string> asked, Func<string, bool> noteName)
    {
        if (asked.Contains(FocusWord.KeyOf(w.Text))) return false;
        if (char.IsLetter(w.Text[0]) && w.Text.Any(char.IsDigit)) return !QuarterRegex().IsMatch(w.Text);
        var lower = English.WithoutPossessive(w.Text.ToLowerInvariant());
        if (!char.IsUpper(w.Text[0]) || English.Months.Contains(lower)) return false;
        var before = unit.Text[..w.Start].TrimEnd();
        return (before.Length > 0 && !SentenceEnd().IsMatch(before)) || noteName(lower);
    }

    [GeneratedRegex(@"^[QH][1-4]$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterRegex();

    // (a bullet's mark opens a sentence too: "- Regulatory pressure …")
    [GeneratedRegex(@"(?:[.:·!?—–]|(?:^|\s)[-•*])$")]
    private static partial Regex SentenceEnd();

    // "X including A", "X such as A", "X like A", "X: A", "X (A", "X — A"
    [GeneratedRegex(@"^(?:['’]s?)?\s*,?\s*(?:including|includes|such\s+as|like|namely|notably|especially|e\.g\.|for\s+example|:|\(|—|–)")]
    private static partial Regex IntroducesRegex();

    // "use cases such as A": X modifies the noun that introduces the members
    [GeneratedRegex(@"^(?:\s+\p{Ll}[\p{Ll}-]*){1,2}\s*,?\s*(?:including|such\s+as|namely|e\.g\.|for\s+example)\b")]
    private static partial Regex HeadIntroducesRegex();

    // "the call on A, B, and C", "gaps in A and B": X, a preposition, then a list of what it is of, in one clause
    [GeneratedRegex(@"^\s+(?:on|in|across|of)\s+[^,;.]{1,60}(?:,\s+[^,;.]{1,60}){0,8}(?:,?\s+(?:and|or)\s+|,\s+)[^,;.]+")]
    private static partial Regex OfListRegex();

    // "A, B, or C X", "A and B X": two or more kinds of X, each of one to three words, listed right before it
    [GeneratedRegex(@"(?<![\p{L}\d])[\p{L}\d][\p{L}\d-]*(?:\s+[\p{L}\d][\p{L}\d-]*){0,2}(?:\s*,\s*[\p{L}\d][\p{L}\d-]*(?:\s+[\p{L}\d][\p{L}\d-]*){0,2}){0,6}\s*,?\s+(?:and|or)\s+[\p{L}\d][\p{L}\d-]*(?:\s+[\p{L}\d][\p{L}\d-]*){0,2}\s+$")]
    private static partial Regex ModifierListRegex();

    [GeneratedRegex(@"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")]
    private static partial Regex ListItemRegex();

    // "A is the biggest X", "A remains a direct X": a name, a verb of being, then X with up to three modifiers; "calls
    // A its most capable and efficient X": a name, "as" and X with its modifiers, which may be a few more
    [GeneratedRegex(@"(?<![\p{L}\d])[\p{L}\d][\p{L}\d.'’-]*\s+(?:(?:is|was|are|were|remains|remain|remained|becomes|became)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\p{Ll}-]+\s+){0,3}|as\s+(?:the|a|an|its|their)\s+(?:[\p{Ll}-]+\s+){0,5})$")]
    private static partial Regex NamedAsRegex();

    // "the named principals are A, B": X, then a verb of being or including, then the member
    [GeneratedRegex(@"^\s*(?:are|were|is|was|include|includes|included|comprise|comprises)\s+(?:the\s+)?")]
    private static partial Regex CopulaRegex();
}
