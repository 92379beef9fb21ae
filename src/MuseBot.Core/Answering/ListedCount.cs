using System.Text.RegularExpressions;
using MuseBot.Core.Language;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>"How many publishers …?" where the note gives no count but names them ("publishers including A, B, and
/// C"): the unit that lists them, the items it lists, and the noun they are counted by.</summary>
public sealed record ListedMembers(Scored Source, IReadOnlyList<string> Items, string Noun);

/// <summary>
/// Counts what a unit lists of the kind a "how many X?" question counts, where the note says no number: the list
/// that follows X ("X including A, B and C", "X such as …", "X: …"), the list X closes ("A, B, and C modes"), or a
/// row labelled X whose cell is a list. General English only: the kind is the question's own noun.
/// </summary>
public static partial class ListedCount
{
    /// <param name="quotable">The units an answer would quote, most likely first.</param>
    public static ListedMembers? Find(QuestionFrame q, IEnumerable<Scored> quotable)
    {
        if (q is not { Type: AnswerType.Quantity, Position: { Count: true, Noun: var noun } }) return null;
        var words = noun.Split(' ');
        var head = English.Singular(words[^1].ToLowerInvariant());
        var nounTerms = Terms.Of(noun).ToHashSet(StringComparer.Ordinal);
        foreach (var s in quotable)
        {
            var unit = s.Unit;
            // a count the unit states is the answer, not its list
            if (unit.Figures.Any(f => f.Kind == FigureKind.Count)) continue;
            if (unit.IsRow)
            {
                // a row labelled by the kind counted ("Optimization target"): its cells are the members, as a list
                if (unit.LabelTerms.Count == 0 || !unit.LabelTerms.All(nounTerms.Contains)) continue;
                foreach (var (_, cell) in unit.Passage.Cells!.Skip(1))
                    if ((ListAround(cell, head) ?? Items(cell)) is { Count: >= 3 } cellItems) return new ListedMembers(s, cellItems, noun);
                continue;
            }
            if (ListAround(unit.Text, head) is { Count: >= 2 } items) return new ListedMembers(s, items, noun);
        }
        return null;
    }

    /// <summary>The list a word of the kind introduces or closes in a text, or null.</summary>
    private static List<string>? ListAround(string text, string head)
    {
        foreach (var (word, start) in Tokens.Segments(text))
        {
            // the kind in the plural, as a common noun ("modes", not a name such as "Sheets", nor "part" in "part leadership")
            if (!char.IsLower(word[0]) || !English.IsPlural(word) || English.Singular(word) != head) continue;
            int end = start + word.Length;
            // "publishers including A, B, and C"
            if (IntroducedRegex().Match(text[end..]) is { Success: true } after && Items(after.Groups["list"].Value) is { Count: >= 2 } listed)
                return listed;
            // "quick, careful, and deep answer modes": the clause before the word, a list
            // of three or more whose first item is its last word
            // (the word ends its noun phrase: what follows is no further word of it)
            var before = ClauseStartRegex().Split(text[..start]).Last();
            bool ends = NextWordRegex().Match(text[end..]) is not { Success: true } next || English.IsStopWord(next.Groups["w"].Value.ToLowerInvariant());
            if (ends && Items(before) is { Count: >= 3 } closing)
            {
                closing[0] = closing[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
                return closing;
            }
        }
        return null;
    }

    /// <summary>The items of a list "A, B, and C" / "A, B or C"; null for no list (no comma, or no closing "and"/"or").</summary>
    private static List<string>? Items(string text)
    {
        var t = text.Trim().TrimEnd('.', ';', ':', ',');
        if (!t.Contains(',') || !LastItemRegex().IsMatch(t)) return null;
        // an item is a few words at most: a longer one is the next clause ("…, and Zeta buys chips from suppliers"),
        // where the list has ended
        var items = SeparatorRegex().Split(t).Select(i => i.Trim()).Where(i => i.Length > 0)
            .TakeWhile((item, i) => i == 0 || item.Split(' ').Length <= MaxItemWords).ToList();
        // "efficiency and usefulness, not disclosed leadership" sets things against each other: no list of members
        return items.Count >= 2 && !items.Any(i => NoteModel.Negations(i).Any()) ? items : null;
    }

    /// <summary>The most words an item of a list has; the first item of a list that closes its kind is cut to its last word.</summary>
    private const int MaxItemWords = 4;

    /// <summary>The word right after, when nothing but spaces stands between.</summary>
    [GeneratedRegex(@"^\s+(?<w>[\p{L}][\p{L}'’-]*)")]
    private static partial Regex NextWordRegex();

    /// <summary>What introduces the members right after the kind: "including", "such as", "like", "namely", a colon.</summary>
    [GeneratedRegex(@"^\s*(?:,\s*)?(?:including|such\s+as|like|namely|:)\s+(?<list>[^.;()]+)")]
    private static partial Regex IntroducedRegex();

    /// <summary>Where the clause a closing list stands in begins: a stop, semicolon or colon, or a verb of saying.</summary>
    [GeneratedRegex(@"[.;:]\s|\b(?:describes?|described|offers?|offered|exposes?|exposed|has|have|had|includes?|included|supports?|supported|with)\s+")]
    private static partial Regex ClauseStartRegex();

    [GeneratedRegex(@",\s*(?:and|or)\s+\S|\s(?:and|or)\s+\S")]
    private static partial Regex LastItemRegex();

    [GeneratedRegex(@"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")]
    private static partial Regex SeparatorRegex();
}
