using MuseBot.Core.Language;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>A place in a table found: the table, the rows it points to (one; two for the middle of an even count; all
/// for a count), the column asked when one is, and — when the place is not there — why not.</summary>
/// <param name="Rows">The rows pointed to, in the table's order; empty when the place is not in the table.</param>
/// <param name="Column">The header of the one column the question asks of the row; null for the whole row.</param>
/// <param name="From">For a place set from another row: that row.</param>
/// <param name="Missing">The place is not in the table (past its last row, before its first): what the reply says.</param>
public sealed record RowAt(TablePosition Position, NoteTable Table, IReadOnlyList<NoteUnit> Rows, string? Column, NoteUnit? From, string? Missing);

/// <summary>
/// Finds the table and row a question points to by position (<see cref="TablePosition"/>): the table its other words
/// name (a section title, headers, or the row a place is set from), the row counted in the table's own order, and the
/// column its remaining words name. Knows nothing of any one note: tables, headers and labels are the note's own.
/// </summary>
public sealed class RowLocator(NoteModel note, EngineTuning tuning)
{
    /// <param name="own">The question's own words, read alone (for a follow-up, without the previous question's).</param>
    /// <param name="position">The place asked: the question's own, or the previous question's when the follow-up asks
    /// only of another column ("and its context window?").</param>
    /// <param name="previousWords">The words that name the table when the question's own do not: the previous
    /// question's; null to read the question's own (its words that say no place).</param>
    /// <param name="previousRow">The row the previous question pointed to, for "the one after that".</param>
    /// <param name="ranked">The retrieved units, best first: of tables named equally well, the one whose row ranks first.</param>
    public RowAt? Locate(TablePosition position, QuestionFrame own, IReadOnlyList<FocusWord>? previousWords, NoteUnit? previousRow, IReadOnlyList<Candidate> ranked)
    {
        var tables = note.Tables.Where(t => t.Rows.Count >= 2).ToList();
        if (tables.Count == 0) return null;
        var rest = Rest(own, position);
        var naming = previousWords is null ? rest : previousWords.Where(f => !f.IsFrame && f.Terms.Count > 0 && !TablePosition.IsTableWord(f.Key)).ToList();

        NoteUnit? from = null;
        if (position.Step != 0)
        {
            // "the row after Acme" stands alone; "the one after Acme", "what comes after Acme" only where the question
            // speaks of a table or follows one that pointed to a row ("what comes after Acme?" may ask what Acme makes next)
            if (!position.RowNoun && !position.InTable && !position.FromPrevious) return null;
            if (position.Anchor is { } anchor)
            {
                // the row the place is set from: the one whose label the anchor names (by a compared thing's name, or
                // every term of the anchor in its label), in the table the other words name best
                var peers = note.Peers.In(anchor);
                var terms = Terms.Of(anchor);
                var labelled = tables.SelectMany(t => t.Rows)
                    .Where(r => (peers.Count > 0 && r.Peers.Any(peers.Contains) && Terms.Of(r.Passage.Row ?? "").Any(terms.Contains))
                                || (terms.Count > 0 && terms.All(r.LabelTerms.Contains)))
                    .ToList();
                var inBest = labelled.GroupBy(r => r.Table!).OrderByDescending(g => Named(g.Key, naming)).FirstOrDefault();
                if (inBest is null || inBest.Count() != 1) return null;
                from = inBest.Single();
            }
            else from = previousRow;
            if (from?.Table is not { } fromTable) return null;
            int at = fromTable.Rows.IndexOf(from) + position.Step;
            var column = Column(fromTable, rest);
            if (at < 0 || at >= fromTable.Rows.Count)
                return new RowAt(position, fromTable, [], column, from,
                    $"“{from.Passage.Row}” is the {(at < 0 ? "first" : "last")} row of {Where(fromTable)}: no row comes {(at < 0 ? "before" : "after")} it.");
            return new RowAt(position, fromTable, [fromTable.Rows[at]], column, from, null);
        }

        // a place said of a word for any row ("the last row") stands alone; one said of another word ("the last
        // dimension", "the 3rd item", "how many models") only where the question speaks of a table or names one
        // a word that is no word for a row must name the table's rows, by its first column's header ("dimension" for a
        // "Dimension" column): only such tables are counted in; "the first disclosed model" is no place in a table
        var noun = position.Noun.Split(' ');
        bool rowWord = TablePosition.IsRowNoun(noun[^1]);
        var nounTerms = Terms.Of(rowWord ? string.Join(' ', noun[..^1]) : position.Noun);
        if (nounTerms.Count > 0) tables = tables.Where(t => nounTerms.All(Terms.Of(t.Headers[0]).Contains)).ToList();
        if (tables.Count == 0) return null;
        var table = Table(position, tables, naming, ranked);
        if (table is null) return null;
        // a place said of a word for any row ("the last row", "the 3rd watch item": the rows' own header with a word
        // for a row) stands alone; one said of another word ("the last dimension", "the 3rd one", "how many models")
        // only where the question speaks of a table or names one
        bool named = naming.Count > 0 && Named(table, naming) >= tuning.TableCoverage;
        if (!position.RowNoun && !(rowWord && nounTerms.Count > 0) && !position.InTable && !named) return null;
        // "how many rows …?" counts the whole table: the question asks nothing else of it ("how many models score
        // above 55?" counts some of them, which the rows' cells say, not their number)
        if (position.Count)
        {
            if (naming.Count > 0 && !named) return null;
            return new RowAt(position, table, table.Rows, null, null, null);
        }
        var col = Column(table, rest);
        int n = table.Rows.Count;
        if (position.Middle)
            return new RowAt(position, table, n % 2 == 1 ? [table.Rows[n / 2]] : [table.Rows[n / 2 - 1], table.Rows[n / 2]], col, null, null);
        int index = position.Ordinal > 0 ? position.Ordinal - 1 : n + position.Ordinal;
        if (index < 0 || index >= n)
            return new RowAt(position, table, [], col, null,
                $"{char.ToUpperInvariant(Where(table)[0])}{Where(table)[1..]} has {n} rows, so there is no {Ordinal(Math.Abs(position.Ordinal))}{(position.Ordinal < 0 ? " from the bottom" : "")}; its last is “{table.Rows[^1].Passage.Row}”.");
        return new RowAt(position, table, [table.Rows[index]], col, null, null);
    }

    /// <summary>The row a question names by its whole label ("what does the deployment row say?"): of the rows every
    /// term of whose label the question says, the one with the longest label; null when none, or two as long. With
    /// <paramref name="before"/>, only the words right before a word for a row count ("the 'competitive position'
    /// line", not "the Zeta line of gadgets").</summary>
    public NoteUnit? Labelled(QuestionFrame q, System.Text.RegularExpressions.Regex? before = null)
    {
        var said = q.Content.SelectMany(f => f.Terms).ToHashSet(StringComparer.Ordinal);
        if (before is not null)
            said = before.Matches(q.Text).SelectMany(m => Terms.Of(string.Join(' ', q.Text[..m.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(4))))
                .Where(said.Contains).ToHashSet(StringComparer.Ordinal);
        var rows = note.Tables.SelectMany(t => t.Rows).Where(r => r.LabelTerms.Count > 0 && r.LabelTerms.All(said.Contains))
            .OrderByDescending(r => r.LabelTerms.Count).ToList();
        return rows.Count == 0 || (rows.Count > 1 && rows[1].LabelTerms.Count == rows[0].LabelTerms.Count) ? null : rows[0];
    }

    /// <summary>"the table in §5 Competitive Positioning".</summary>
    public static string Where(NoteTable table) => $"the table in §{table.Section} {table.SectionTitle}";

    /// <summary>The question's words that say neither the place nor that it is in a table: what names the table and
    /// the column asked.</summary>
    private static List<FocusWord> Rest(QuestionFrame q, TablePosition position) =>
        q.Content.Where(f => f.Terms.Count > 0 && !TablePosition.IsTableWord(f.Key) && !f.Word.Any(char.IsDigit)
                             && !position.Spans.Any(s => f.Start >= s.From && f.Start < s.To)).ToList();

    /// <summary>The share of the words (by weight) that the table's title, headers or row labels say.</summary>
    private static double Named(NoteTable table, IReadOnlyList<FocusWord> words)
    {
        double total = words.Sum(f => f.Weight);
        if (total <= 0) return 0;
        return words.Where(f => f.Terms.All(t => table.NameTerms.Contains(t) || table.Rows.Any(r => r.LabelTerms.Contains(t)))).Sum(f => f.Weight) / total;
    }

    /// <summary>The table a place is counted in: of the section the question names (by number, or its title) when it
    /// counts tables ("the first table in the overview"); else the one its words name best, and of those named
    /// equally, the one whose row the retrieval ranked first.</summary>
    private static NoteTable? Table(TablePosition position, IReadOnlyList<NoteTable> tables, IReadOnlyList<FocusWord> words, IReadOnlyList<Candidate> ranked)
    {
        if (position.TableOrdinal != 0)
        {
            // the section named: the one whose title its words say most of
            var bySection = tables.GroupBy(t => t.Section)
                .Select(g => (Tables: g.ToList(), Said: words.Where(f => f.Terms.All(Terms.Of(g.First().SectionTitle).Contains)).Sum(f => f.Weight)))
                .OrderByDescending(x => x.Said).ToList();
            var among = bySection.Count > 0 && bySection[0].Said > 0 ? bySection[0].Tables : tables;
            int i = position.TableOrdinal > 0 ? position.TableOrdinal - 1 : among.Count + position.TableOrdinal;
            return i >= 0 && i < among.Count ? among[i] : null;
        }
        var scored = tables.Select(t => (Table: t, Named: Named(t, words))).ToList();
        double best = scored.Max(x => x.Named);
        var tied = scored.Where(x => x.Named == best).Select(x => x.Table).ToList();
        if (tied.Count == 1) return tied[0];
        return ranked.Select(c => c.Unit.Table).FirstOrDefault(t => t is not null && tied.Contains(t));
    }

    /// <summary>The one column (past the first, which labels the rows) whose header says most of the words; null
    /// when none says any, or two say as much.</summary>
    private static string? Column(NoteTable table, IReadOnlyList<FocusWord> words)
    {
        var said = table.Headers.Skip(1)
            .Select(h => (Header: h, Terms: Terms.Of(h).ToHashSet(StringComparer.Ordinal)))
            .Select(h => (h.Header, Said: words.Where(f => f.Terms.Any(h.Terms.Contains)).Sum(f => f.Weight)))
            .Where(h => h.Said > 0).OrderByDescending(h => h.Said).ToList();
        return said.Count == 0 || (said.Count > 1 && said[1].Said == said[0].Said) ? null : said[0].Header;
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first", 2 => "second", 3 => "third",
        _ => n % 10 == 1 && n % 100 != 11 ? $"{n}st" : n % 10 == 2 && n % 100 != 12 ? $"{n}nd" : n % 10 == 3 && n % 100 != 13 ? $"{n}rd" : $"{n}th",
    };
}
