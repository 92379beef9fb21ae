using System.Text.RegularExpressions;
using MuseBot.Core.Language;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>
/// A place in a table asked by where it stands rather than by what it says: "the 3rd watch item", "last row of the
/// feature table", "the row after Acme", "the one after that", "how many rows …". Read from general English only;
/// which table and row it points to is for <see cref="RowLocator"/>, which knows the note's tables.
/// </summary>
/// <param name="Ordinal">Counted from the top (1 = first) or, negative, from the bottom (−1 = last); 0 for a place
/// set from another row, the middle, or a count.</param>
/// <param name="Step">For a place set from another row: +1 the row after it, −1 the row before it; 0 otherwise.</param>
/// <param name="Anchor">The words that name the row a place is set from ("gpt-5.4" in "the row after gpt-5.4"); null
/// when it is the row the previous question pointed to ("the one after that", "the next row").</param>
/// <param name="Middle">The middle row.</param>
/// <param name="Count">Asks how many rows.</param>
/// <param name="Noun">The noun the place is said of: a word for a row ("row", "entry", "item", "one"), or another
/// ("dimension" in "the last dimension listed", "models" in "how many models …"), which must then name the table's
/// rows by its first column's header.</param>
/// <param name="RowNoun">The noun is a word for a row whatever the table ("row", "entry"): no other word of the
/// question need say it is about a table.</param>
/// <param name="InTable">The question speaks of a table or list ("in the table", "listed", "column"): a place said of
/// a word that is no word for a row ("the last dimension") is read as a place only then.</param>
/// <param name="TableOrdinal">"the first table in the overview": which of the tables (of the section asked, else of the
/// note) the question points to; 0 when none is counted.</param>
/// <param name="Spans">The character spans (in the text read) of the words that say the place, the anchor's included:
/// no word there is a word of what is asked about.</param>
public sealed partial record TablePosition(int Ordinal, int Step, string? Anchor, bool Middle, bool Count, string Noun, bool RowNoun, bool InTable, int TableOrdinal,
    IReadOnlyList<(int From, int To)> Spans)
{
    /// <summary>Set from the row the previous question pointed to.</summary>
    public bool FromPrevious => Step != 0 && Anchor is null;

    /// <summary>How the place is said in a reply: "row 3 of 6", "the last row", "the row after “Acme”".</summary>
    /// <param name="from">The label of the row a place is set from.</param>
    public string Describe(int rows, string? from) => Count ? $"{rows} rows"
        : Middle ? "the middle row"
        : Step != 0 ? $"the row {(Step > 0 ? "after" : "before")} “{from}”"
        : Ordinal == -1 ? "the last row"
        : Ordinal < 0 ? $"row {rows + Ordinal + 1} of {rows}, {-Ordinal} from the bottom"
        : $"row {Ordinal} of {rows}";

    /// <summary>The place a question's words ask for, if any: null when they ask for none.</summary>
    public static TablePosition? Read(string text)
    {
        var lower = text.ToLowerInvariant();
        bool inTable = Tokens.Segments(lower).Any(w => IsTableWord(w.Text));
        int tableOrdinal = 0;
        var spans = new List<(int, int)>();
        // "the first table in §1": which table, said as a place among tables
        foreach (Match t in TableOrdinalRegex().Matches(lower))
        {
            tableOrdinal = OrdinalOf(t.Groups["ord"].Value);
            spans.Add((t.Index, t.Index + t.Length));
        }

        var count = CountRegex().Match(lower);
        if (count.Success)
        {
            var noun = count.Groups["noun"].Value;
            spans.Add((count.Groups["noun"].Index, count.Groups["noun"].Index + noun.Length));
            return new TablePosition(0, 0, null, false, true, noun, AnyTablesRow(LastWord(noun)), inTable, tableOrdinal, spans);
        }

        var relative = RelativeRegex().Match(lower);
        if (relative.Success)
        {
            var noun = relative.Groups["noun"].Value;
            int step = relative.Groups["dir"].Value is "after" or "below" or "beneath" or "under" or "following" or "next" ? 1 : -1;
            var anchor = relative.Groups["anchor"].Success ? relative.Groups["anchor"].Value.Trim() : null;
            if (anchor is "that" or "that one" or "it" or "this" or "this one" or "") anchor = null;
            spans.Add((relative.Index, relative.Index + relative.Length));
            return new TablePosition(0, step, anchor, false, false, noun, AnyTablesRow(noun), inTable, tableOrdinal, spans);
        }

        foreach (Match m in OrdinalRegex().Matches(lower))
        {
            var ord = m.Groups["ord"].Value;
            var words = m.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "the 3rd watch item": the word for a row, with the words before it that say which kind ("watch");
            // else the word right after the ordinal ("the last dimension listed")
            int at = Array.FindIndex(words, w => RowNouns.Contains(w));
            var noun = at >= 0 ? string.Join(' ', words[..(at + 1)]) : words[0];
            // "the first of a named lineup", "3rd on the index": an ordinal followed by no noun places nothing in a table
            if (English.TableNouns.Contains(noun) || (at < 0 && English.IsStopWord(noun))) continue;
            bool rowNoun = at >= 0 && AnyTablesRow(words[at]);
            // "top" and "bottom" are places only of a row ("the bottom row"), not of anything ranked ("the top model")
            if (ord is "top" or "bottom" && !rowNoun) continue;
            int end = m.Groups["words"].Index + (at >= 0 ? string.Join(' ', words[..(at + 1)]).Length : words[0].Length);
            spans.Add((m.Index, end));
            return new TablePosition(ord == "middle" ? 0 : OrdinalOf(ord), 0, null, ord == "middle", false, noun, rowNoun, inTable, tableOrdinal, spans);
        }
        return null;
    }

    private static string LastWord(string phrase) => phrase[(phrase.LastIndexOf(' ') + 1)..];

    /// <summary>Words for a row of any table, singular and plural.</summary>
    private static readonly HashSet<string> RowNouns = new(StringComparer.Ordinal)
    {
        "row", "rows", "entry", "entries", "item", "items", "one", "ones",
    };

    /// <summary>"row", "entry": a word that can only mean a table's row (not "item", "one": "the one after X" may be
    /// said of anything), so a place said of it needs no other word about a table.</summary>
    private static bool AnyTablesRow(string lowerWord) => lowerWord is "row" or "rows" or "entry" or "entries";

    /// <summary>A word for a row of any table ("row", "entry", "item", "one"), singular or plural.</summary>
    public static bool IsRowNoun(string lowerWord) => RowNouns.Contains(lowerWord);

    /// <summary>Words that say a question is about a table or list, not what it asks of it.</summary>
    private static readonly HashSet<string> TableWords = new(English.TableNouns.Concat(
        ["tbl", "row", "rows", "column", "columns", "col", "cols", "cell", "cells", "list", "lists", "listed"]), StringComparer.Ordinal);

    /// <summary>A word that says the question is about a table or list ("table", "row", "column", "listed").</summary>
    public static bool IsTableWord(string lowerWord) => TableWords.Contains(lowerWord);

    public static int OrdinalOf(string word) => word switch
    {
        "first" or "1st" or "top" => 1,
        "second" or "2nd" => 2,
        "third" or "3rd" => 3,
        "fourth" or "4th" => 4,
        "fifth" or "5th" => 5,
        "sixth" or "6th" => 6,
        "seventh" or "7th" => 7,
        "eighth" or "8th" => 8,
        "ninth" or "9th" => 9,
        "tenth" or "10th" => 10,
        "last" or "final" or "bottom" => -1,
        _ when word.StartsWith("second", StringComparison.Ordinal) || word.StartsWith("next", StringComparison.Ordinal) || word == "penultimate" => -2,
        _ => 0,
    };

    private const string OrdinalPattern = @"(?<ord>second[- ](?:to[- ])?last|next[- ]to[- ]last|penultimate|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th|10th|last|final|bottom|top|middle)";

    /// <summary>"the first table", "2nd grid": a place among the tables.</summary>
    [GeneratedRegex(@"\b" + OrdinalPattern + @"\s+(?:tables?|tbl|grid|chart|matrix)\b")]
    private static partial Regex TableOrdinalRegex();

    /// <summary>"the 3rd watch item", "last row", "the last dimension listed": an ordinal and the (up to three) words
    /// after it, among which the word for a row.</summary>
    [GeneratedRegex(@"\b" + OrdinalPattern + @"\s+(?<words>[\p{L}\p{N}'’&+/.-]+(?:\s+[\p{L}\p{N}'’&+/.-]+){0,2})")]
    private static partial Regex OrdinalRegex();

    /// <summary>"the row (right) after Acme", "the one before that", "the next row", "what comes after Acme in the
    /// table": a row set from another, named or the previous question's. The anchor runs to where the table is named
    /// ("in the …"), a clause ends, or the question does.</summary>
    [GeneratedRegex(@"\b(?:(?<noun>row|entry|item|one)\s+(?:that\s+|which\s+)?(?:comes?\s+|came\s+|is\s+|sits?\s+|listed\s+|appears?\s+)?(?:right\s+|just\s+|directly\s+|immediately\s+)?|(?<noun>)(?:comes?|came|sits?|listed|appears?)\s+(?:right\s+|just\s+|directly\s+|immediately\s+)?)(?<dir>after|before|below|above|beneath|under|following|preceding)(?:\s+(?<anchor>(?!(?:in|on|of|from)\b)[^,?;!:()]+?))?(?=\s+(?:in|on|of|from)\s+(?:the|that|this|its)\b|\s*[,?;!:()]|\s+[-–—+]\s|\s+and\b|\s*$)|\b(?<dir>next|previous)\s+(?<noun>row|entry|item|one)\b")]
    private static partial Regex RelativeRegex();

    /// <summary>"how many rows / watch items / news publishers …": the counted noun, a plural and at most one word before
    /// it that is no verb or preposition.</summary>
    [GeneratedRegex(@"\bhow\s+many\s+(?<noun>(?:(?!(?:does|do|did|is|are|was|were|has|have|had|in|on|of|at|for|from|to|the|a|an|r)\b)[\p{L}'’&+/-]+\s+)?(?!(?:does|is|was|has|this|its|his|us|as)\b)[\p{L}'’&+/-]+s)\b")]
    private static partial Regex CountRegex();
}
