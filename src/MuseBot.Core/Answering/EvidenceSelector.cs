using MuseBot.Core.Language;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>A retrieved unit with the reranker's share of the question (softmax over the candidates) and raw score.</summary>
public sealed record Scored(Candidate Candidate, double Probability, double Score, double[] Features)
{
    public NoteUnit Unit => Candidate.Unit;
}

/// <summary>One row's figure for the measure a superlative asks about.</summary>
/// <param name="Row">The table row.</param>
/// <param name="Header">The column the figure stands in.</param>
/// <param name="Figure">The figure as the cell writes it.</param>
/// <param name="Kind">Its kind: rows are compared only when they give the same kind.</param>
/// <param name="Value">Its magnitude, to compare by (a range's high end for the largest, its low end for the smallest).</param>
public sealed record MeasuredRow(NoteUnit Row, string Header, string Figure, FigureKind Kind, double Value);

/// <summary>"Which maker has the biggest capacity?": a table gives the measure for each row, so the answer is computed
/// from the cells, the extreme rows first.</summary>
/// <param name="Measure">The measure as the table names it: the column header, or the label beside the figure in its
/// cell ("GadgetEval" in "GadgetEval 33.0%").</param>
/// <param name="Direction">+1 for the largest, −1 for the smallest.</param>
/// <param name="Rows">Every row with a figure for the measure, the extreme first; ties share the first place.</param>
/// <param name="Leaders">How many of <paramref name="Rows"/> share the extreme value.</param>
/// <param name="Word">The question's own superlative ("biggest"), to say what the first place is.</param>
/// <param name="Reference">Set when the question asks which rows stand beyond one named row ("which makers beat Acme
/// on capacity?"): that row; <paramref name="Leaders"/> then counts the rows beyond it.</param>
/// <param name="Asked">Set when the question asks how far one named row stands from the extreme ("how far behind the
/// leader is Acme on capacity?"), or where it stands in the order ("where does Acme rank on capacity?"): that row.</param>
/// <param name="Placed">Set when the question asks for a place in the order ("the 2nd largest capacity?"): the rows
/// there, with any tied with them.</param>
/// <param name="Bound">Set when the question asks which rows pass a figure it states ("which makers score above 40?"):
/// that figure; <paramref name="Leaders"/> then counts the rows past it.</param>
public sealed record TableExtreme(NoteTable Table, string Measure, int Direction, IReadOnlyList<MeasuredRow> Rows, int Leaders, string Word, MeasuredRow? Reference = null,
    MeasuredRow? Asked = null, string? Bound = null, IReadOnlyList<MeasuredRow>? Placed = null)
{
    /// <summary>A row's place in the order: one more than the rows strictly ahead of it (tied rows share a place).</summary>
    public int PlaceOf(MeasuredRow row) => 1 + Rows.Count(r => (r.Value - row.Value) * Direction > 0);
}

/// <summary>A table's measure asked of a thing none of its rows is (see <see cref="EvidenceSelector.MeasureForOthersOnly"/>).</summary>
/// <param name="Header">The column the measure is.</param>
/// <param name="Thing">The question's words that name what it was asked of.</param>
public sealed record MeasureOfOthers(NoteTable Table, string Header, IReadOnlyList<FocusWord> Thing);

/// <summary>What an answer rests on.</summary>
/// <param name="Units">The units to quote, the answer's own first.</param>
/// <param name="Table">Set when the question asks for a whole table ("what's on the watchlist?").</param>
/// <param name="Column">Set when the question compares a table's column across its rows ("context windows compared").</param>
/// <param name="Own">How many of <see cref="Units"/> (the first ones) answer the question's own parts and sides; the
/// rest are further quotes nearly as likely as the first, context that may hold the answer when the first does not.</param>
/// <param name="Extreme">Set when a superlative is computed from a table's cells ("which has the biggest capacity?").</param>
public sealed record Evidence(IReadOnlyList<Scored> Units, NoteTable? Table = null, string? Column = null, int? Own = null, TableExtreme? Extreme = null)
{
    /// <summary>The units that answer the question's own parts and sides.</summary>
    public int OwnCount => Own ?? Units.Count;
}

/// <summary>
/// Chooses what the answer quotes: the most likely unit; for each part of a multi-part question and each side of a
/// comparison, the unit that answers that part or side; a few more units that add what the first leaves unmet; or a
/// whole table or column when the question asks for one.
/// </summary>
public sealed partial class EvidenceSelector(NoteModel note, EngineTuning tuning)
{
    /// <param name="ranked">Every unit, for the sentence that finishes the best one's thought when it ranked low.</param>
    public Evidence Select(QuestionFrame q, IReadOnlyList<Scored> scored, IReadOnlyList<Candidate>? ranked = null)
    {
        var best = scored[0];
        if (ColumnAcrossPeers(q) is { } column) return new Evidence([best], column.Table, column.Header);
        if (WholeTable(q, best) is { } table) return new Evidence([best], table);
        // "what is Zeta's capacity?": the row of the one thing asked about, in a table with that column, is the answer
        if (PeerCell(q, scored, ranked) is { } cell && cell.Unit != best.Unit) return new Evidence([cell, best], Own: 1);

        var chosen = new List<Scored> { best };
        // "… is not enterprise code copilots. It is everyday personal tasks …": what it is instead finishes the thought
        // (it is part of the first quote's answer, however it ranked on its own). After a plain "not" ("… is supportive
        // but not the core upgrade."), the sentence after it says what it is however it opens ("The strongest improvement
        // is …"), unless it is one the note doubts, whose doubt the answer would then take on
        if (best.Unit.Negated && best.Unit.Next is { IsRow: false } next
            && (ContinuesRegex().IsMatch(next.Text) || (NotRegex().IsMatch(best.Unit.Text) && !note.Hedges.Any(next.Id)))
            && (scored.FirstOrDefault(s => s.Unit == next) ?? PartOf(best, ranked?.FirstOrDefault(c => c.Unit == next))) is { } instead)
            chosen.Add(instead);
        // "what use cases does Zeta highlight?" where the best sentence only introduces them ("Zeta is built around
        // perception.") and a later one of its paragraph lists them ("Zeta highlights A, B, C and D."): the list
        // answers; of several lists, the one that says most of the question, then the nearest
        if (q.Type == AnswerType.List && chosen.Count == 1 && !EnumerationRegex().IsMatch(best.Unit.Text)
            && Later(best.Unit).Where(u => EnumerationRegex().IsMatch(u.Text))
                .Select(u => scored.FirstOrDefault(s => s.Unit == u) ?? PartOf(best, ranked?.FirstOrDefault(c => c.Unit == u)))
                .OfType<Scored>().MaxBy(s => Aligner.Coverage(q, s.Candidate.Matches, _ => true)) is { } listed)
            chosen.Add(listed);
        // "why do the widgets matter so much?" where the best sentence only says that they matter, with no reason of its
        // own ("… could matter more than …"): the sentences before it in its paragraph that speak of the same thing say why
        if (q.AsksWhy && chosen.Count == 1 && !best.Unit.IsRow && !ReasonRegex().IsMatch(best.Unit.Text))
        {
            // the thing asked about: every word of the question the best sentence says, but the note's subject and the
            // words of mattering ("why do widgets matter?" asks about widgets)
            var thing = q.Focus.Where((f, i) => !f.IsFrame && !f.IsSubject && f.Terms.Count > 0 && best.Candidate.Matches[i].Exact
                                                && !Language.English.SignificanceWords.Contains(f.Key)).ToList();
            foreach (var u in Earlier(best.Unit).Where(u => thing.Count > 0 && thing.All(f => f.Terms.All(u.Terms.Contains))).Take(tuning.MaxQuotes - 1))
                if ((scored.FirstOrDefault(x => x.Unit == u) ?? PartOf(best, ranked?.FirstOrDefault(c => c.Unit == u))) is { } reason)
                    chosen.Add(reason);
            // … and where none before it does, the one after it may say why ("The evidence is uneven by design." → the
            // sentence that says what made it so; "… will be woven into answers." → "Meta is attempting to turn …")
            if (chosen.Count == 1 && best.Unit.Next is { } following
                && (scored.FirstOrDefault(x => x.Unit == following) ?? PartOf(best, ranked?.FirstOrDefault(c => c.Unit == following))) is { } elaboration)
                chosen.Add(elaboration);
        }
        // each compared thing the question names gets its own figure for the measure asked
        if (q.Peers.Count >= 2 || (q.Comparison && q.Peers.Count >= 1))
        {
            foreach (var peer in q.Peers.Where(p => !chosen.Any(c => HasFigureOf(q, c, p))))
            {
                var own = scored.Where(s => !chosen.Contains(s) && HasFigureOf(q, s, peer))
                    .OrderByDescending(s => FigureAttachment.Figures(q, s.Unit, s.Candidate.Matches, peer).Where(f => f.Segment.Owners.Contains(peer)).Max(f => f.Attachment))
                    .FirstOrDefault();
                if (own is not null) chosen.Add(own);
            }
        }
        // each part of a multi-part question gets the unit that meets it best
        for (int part = 0; part < q.Parts && chosen.Count < tuning.MaxQuotes + 1; part++)
        {
            bool InPart(FocusWord f) => f.Part == part;
            if (!q.Content.Any(InPart)) continue;
            double have = chosen.Max(c => Aligner.Coverage(q, c.Candidate.Matches, InPart));
            var better = scored.Where(s => !chosen.Contains(s))
                .Select(s => (s, cover: Aligner.Coverage(q, s.Candidate.Matches, InPart)))
                .Where(x => x.cover > have + tuning.PartGain).OrderByDescending(x => x.cover + x.s.Probability).Select(x => x.s).FirstOrDefault();
            if (better is not null) chosen.Add(better);
        }
        // "how much confidence …?": the note's own qualifier on the matter is part of the answer
        if (q.AsksConfidence && !chosen.Any(c => note.Hedges.Any(c.Unit.Id))
            && scored.Where(s => !chosen.Contains(s) && note.Hedges.Any(s.Unit.Id)).OrderByDescending(s => s.Candidate.Late).FirstOrDefault() is { } hedged
            && hedged.Candidate.Late >= best.Candidate.Late * tuning.FlagQuoteRatio)
            chosen.Add(hedged);
        // then units nearly as likely as the first, which add to it
        int answering = chosen.Count;
        foreach (var s in scored.Skip(1))
        {
            if (chosen.Count >= tuning.MaxQuotes || s.Probability < best.Probability * tuning.FurtherQuoteRatio) break;
            if (chosen.Contains(s) || chosen.Any(c => c.Unit.Text == s.Unit.Text)) continue;
            chosen.Add(s);
        }
        return new Evidence(chosen, Own: answering);
    }

    /// <summary>The units before this one in its paragraph, from its opening on.</summary>
    private static IEnumerable<NoteUnit> Earlier(NoteUnit unit)
    {
        var before = new List<NoteUnit>();
        for (var u = unit.Previous; u is not null; u = u.Previous) before.Add(u);
        before.Reverse();
        return before;
    }

    /// <summary>The units after this one in its paragraph, in order.</summary>
    private static IEnumerable<NoteUnit> Later(NoteUnit unit)
    {
        for (var u = unit.Next; u is not null; u = u.Next) yield return u;
    }

    /// <summary>A candidate quoted as part of <paramref name="best"/>'s answer: as likely as it (no features of its own).</summary>
    private static Scored? PartOf(Scored best, Candidate? candidate) =>
        candidate is null ? null : new Scored(candidate, best.Probability, best.Score, []);

    /// <summary>The unit has a figure for the question's measure that belongs to <paramref name="peer"/>.</summary>
    private bool HasFigureOf(QuestionFrame q, Scored s, Peer peer) =>
        FigureAttachment.Figures(q, s.Unit, s.Candidate.Matches, peer).Any(f => f.Segment.Owners.Contains(peer) && f.Attachment >= tuning.HeadlineAttachment);

    private static bool OwnedBy(Scored s, Peer peer) => s.Unit.Peers.Contains(peer) || s.Unit.Segments.Any(g => g.Owners.Contains(peer));

    /// <summary>"What's on the watchlist?": the question names a table (its section or headers), not one of its rows.</summary>
    private NoteTable? WholeTable(QuestionFrame q, Scored best)
    {
        if (q.Type is not (AnswerType.List or AnswerType.Description) || q.AsksWhy || best.Unit.Table is not { } table) return null;
        var content = q.Content.ToList();
        if (content.Count == 0) return null;
        double total = content.Sum(f => f.Weight);
        double named = content.Where(f => f.Terms.All(table.NameTerms.Contains)).Sum(f => f.Weight) / total;
        bool rowNamed = table.Rows.Any(r => Terms.Of(r.Passage.Row ?? "").Any(t => content.Any(f => f.Terms.Contains(t))));
        return !rowNamed && named >= tuning.TableCoverage ? table : null;
    }

    /// <summary>"What is Zeta's capacity?": the question names one compared thing and, in full, a column of a table
    /// whose rows are the compared things: that thing's row (as likely as the best unit: the table says it outright).</summary>
    private Scored? PeerCell(QuestionFrame q, IReadOnlyList<Scored> scored, IReadOnlyList<Candidate>? ranked)
    {
        if (q.Peers.Count != 1 || q.Comparison || q.Type == AnswerType.YesNo || NotAValueRegex().IsMatch(q.Text)) return null;
        var peer = q.Peers[0];
        foreach (var table in note.Tables)
        {
            if (!table.Headers.Skip(1).Any(h => NamesColumn(q.Content, h))) continue;
            var row = note.RowsHeadedBy(peer).FirstOrDefault(r => r.Table == table);
            if (row is null) continue;
            return scored.FirstOrDefault(s => s.Unit == row) is { } own ? own with { Probability = Math.Max(own.Probability, scored[0].Probability) }
                : PartOf(scored[0], ranked?.FirstOrDefault(c => c.Unit == row));
        }
        return null;
    }

    /// <summary>"How does Acme's capacity compare with its rivals?": a comparison naming a column of a table of peers
    /// (one whose rows are headed by two compared things or more: a watchlist with one such row is no table of peers).</summary>
    private (NoteTable Table, string Header)? ColumnAcrossPeers(QuestionFrame q)
    {
        if (!q.Comparison) return null;
        foreach (var table in note.Tables)
        {
            if (note.Peers.All.Count(p => note.RowsHeadedBy(p).Any(r => r.Table == table)) < 2) continue;
            if (table.Headers.Skip(1).FirstOrDefault(h => NamesColumn(q.Focus, h)) is { } header
                && !AsksAnotherColumnsFigure(q, table, header)) return (table, header);
        }
        return null;
    }

    /// <summary>"Acme vs Zeta: speed and capacity?": a word of the question (not a name) that the column's
    /// header does not say but another column's cells say beside a figure ("speed 41") asks that figure too;
    /// the one column would leave it out.</summary>
    private bool AsksAnotherColumnsFigure(QuestionFrame q, NoteTable table, string header)
    {
        var columnTerms = Terms.Of(header).ToHashSet(StringComparer.Ordinal);
        var measured = table.Rows.SelectMany(r => r.Passage.Cells!.Skip(1).Where(c => c.Key != header))
            .SelectMany(c => ClauseBreakRegex().Split(c.Value)).Where(clause => clause.Any(char.IsDigit))
            .SelectMany(Terms.Of).ToHashSet(StringComparer.Ordinal);
        // (a figure the question states, "the two tied at 57", is a value, not a measure asked; a word of a compared
        // thing's name, "pro", names a row)
        return q.Focus.Any(f => !f.IsName && !f.IsFrame && f.Terms.Count > 0 && !f.Word.Any(char.IsDigit) && !note.Peers.NameWords.Contains(English.WithoutPossessive(f.Word.ToLowerInvariant()))
                                && !f.Terms.Any(columnTerms.Contains) && f.Terms.All(measured.Contains));
    }

    /// <summary>The word sets a compared thing aside ("non-Acme", "besides Zeta"): it says which rows, not what is measured.</summary>
    private static bool SaysSetAside(QuestionFrame q, FocusWord f) => q.SetAsideSpans.Any(s => f.Start >= s.From && f.Start < s.To);

    /// <summary>
    /// "Which maker has the biggest capacity?", "lowest GadgetEval score?": a superlative whose measure a table gives
    /// for at least two of its rows (the column header names it, or the words beside a figure in its cell), so the
    /// table itself says which is largest or smallest. When the question names two or more of the compared things,
    /// only theirs are compared. Null when no table carries the measure for two rows, or their figures are of
    /// different kinds.
    /// </summary>
    public TableExtreme? Extreme(QuestionFrame q)
    {
        // a question of several parts is answered part by part, not by one table; "the top score for Acme" asks
        // about one thing's own figures, not which thing leads; but "is Acme the top on GadgetEval?" asks whether
        // that one thing leads them all
        // (a thing set aside, "besides Acme, which …?", is not the one asked about)
        int asked = q.Peers.Count(p => !q.SetAside.Contains(p));
        bool whetherLeads = q.Type == AnswerType.YesNo && asked == 1;
        // "which makers beat Acme on capacity?", "any maker with a smaller X than Acme?": the rows beyond the one named
        bool beyond = q.Superlative == 0 && q.Beyond != 0;
        // "how far behind the leader is Acme on capacity?": one named thing measured against the top, the gap asked
        bool gapToTop = q is { AsksGap: true, Type: not AnswerType.YesNo } && q.Superlative != 0 && asked == 1;
        // "where does Acme rank on capacity?": one named thing's place in the order; "the 2nd largest capacity?": the
        // things at a place
        bool placeOf = q.AsksPlace && asked == 1;
        bool atPlace = (q.Place > 1 || q.AfterTop) && asked == 0;
        int direction = beyond ? q.Beyond : q.Superlative;
        if (q.Parts > 1 || (!beyond && (q.Superlative == 0 || (q.Type == AnswerType.YesNo && !whetherLeads) || (asked == 1 && !whetherLeads && !gapToTop && !placeOf)))) return null;
        // the words of a source the question names ("per Quark") are no measure, unless without them nothing in a
        // table is measured: then they may be all that names it ("smarts per Quark" for a column of Quark scores)
        // the words that name a table ("the <b>benchmark</b> table"), read once for both looks
        var naming = QuestionReader.TableNaming(q).Select(i => q.Focus[i]).ToHashSet();
        return Find(withSource: false) ?? (q.Content.Any(f => f.IsSource) ? Find(withSource: true) : null);

        TableExtreme? Find(bool withSource)
        {
            TableExtreme? found = null;
            double foundCoverage = 0;
            foreach (var table in note.Tables.Where(t => t.Rows.Count >= 2 && t.Headers.Count >= 2))
            {
                // the measure: what the question asks the most or least of, not the superlative, the words asking for an
                // order ("rank the four …, high to low"), the compared things it names, the table's own label column
                // ("which maker …") nor the word "table"
                var labelTerms = Terms.Of(table.Headers[0]).ToHashSet(StringComparer.Ordinal);
                var measure = q.Content.Where(f => English.SuperlativeDirection(f.Key) == 0 && English.ComparativeDirection(f.Key) == 0
                                                   && !English.TableNouns.Contains(f.Key) && !English.OrderingWords.Contains(f.Key)
                                                   && !SaysSetAside(q, f) && (withSource || !f.IsSource) && !English.LeaderNouns.Contains(f.Key)
                                                   && !q.PeerWords.Contains(f.Key) && !f.Terms.All(labelTerms.Contains)
                                                   && !f.Word.Any(char.IsDigit)
                                                   && !((placeOf || atPlace) && English.PlaceInOrderWords.Contains(f.Key))).ToList();
                // nor the words that name the table ("the <b>benchmark</b> table"), unless they are all it names
                if (measure.Where(f => !naming.Contains(f)).ToList() is { Count: > 0 } unnamed) measure = unnamed;
                double total = measure.Sum(f => f.Weight);
                if (total <= 0) continue;
                var rows = new List<(MeasuredRow Row, double Coverage, string Measure)>();
                foreach (var row in table.Rows)
                {
                    if (q.Peers.Count >= 2 && !row.Peers.Any(q.Peers.Contains)) continue;
                    // "among the non-Acme rows, which …?": the rows set aside are not in the running
                    if (row.Peers.Any(q.SetAside.Contains)) continue;
                    (MeasuredRow Row, double Coverage, string Measure)? bestOfRow = null;
                    foreach (var (header, value) in row.Passage.Cells!.Skip(1))
                    {
                        bool headerNamed = NamesColumn(measure, header);
                        var headerTerms = Terms.Of(header).ToHashSet(StringComparer.Ordinal);
                        foreach (var clause in ClauseBreakRegex().Split(value))
                        {
                            var figures = Quantities.FiguresIn(clause);
                            if (figures.Count != 1) continue;
                            var figure = figures[0];
                            var label = clause.Remove(figure.Start, figure.Text.Length).Trim();
                            var own = Terms.Of(label).ToHashSet(StringComparer.Ordinal);
                            // the question names the figure: its whole column header, or a word of its own label
                            // ("GizmoTest" in "GizmoTest 41%"); a word shared with a longer header alone is too vague where
                            // the cell labels its figures itself ("GizmoTest 41%"), but a figure that opens its clause has
                            // the header as its label ("the biggest payload" for a "Payload capacity" column: "2M units", "1M in beta")
                            bool headerLabels = clause[..figure.Start].Trim().Length == 0 && measure.Any(f => f.Terms.Count > 0 && f.Terms.All(headerTerms.Contains));
                            if (!headerNamed && !headerLabels && !measure.Any(f => f.Terms.All(own.Contains))) continue;
                            var said = own.Concat(headerTerms).ToHashSet(StringComparer.Ordinal);
                            double coverage = headerNamed ? 1 : measure.Where(f => f.Terms.All(said.Contains)).Sum(f => f.Weight) / total;
                            if (Quantities.Magnitudes(figure.Text) is not { Count: > 0 } magnitudes) continue;
                            var measured = new MeasuredRow(row, header, figure.Text, figure.Kind, direction > 0 ? magnitudes[^1] : magnitudes[0]);
                            if (bestOfRow is null || coverage > bestOfRow.Value.Coverage)
                                bestOfRow = (measured, coverage, headerNamed || headerLabels || label.Length == 0 ? header : label);
                        }
                    }
                    if (bestOfRow is { } b && b.Coverage >= tuning.MeasureCoverage) rows.Add(b);
                }
                if (rows.Count < 2) continue;
                // the rows that carry the measure best, all for the same measure and of one kind of figure
                double top = rows.Max(r => r.Coverage);
                var same = rows.Where(r => r.Coverage == top).ToList();
                if (same.Count < 2 || same.Select(r => r.Measure).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1) continue;
                if (same.Select(r => r.Row.Kind).Distinct().Count() > 1) continue;
                if (top <= foundCoverage) continue;
                var ordered = same.Select(r => r.Row).OrderByDescending(r => r.Value * direction).ToList();
                int leaders = ordered.Count(r => r.Value == ordered[0].Value);
                bool score = ordered[0].Kind is FigureKind.Percent or FigureKind.Number;
                MeasuredRow? reference = null;
                string word;
                MeasuredRow? askedRow = null;
                // a place is told only where every row gives the measure: a row without it may have it elsewhere in the
                // note, and would stand somewhere in the order; and only of a measure the question names whole (a place on
                // "the coding index" is not one on the intelligence index)
                if ((placeOf || atPlace) && (ordered.Count < table.Rows.Count || q.Place > ordered.Count || top < 1)) continue;
                if (gapToTop || placeOf)
                {
                    // the named row must give the measure itself, or there is no gap or place to tell
                    askedRow = ordered.FirstOrDefault(r => r.Row.Peers.Contains(q.Peers.First(p => !q.SetAside.Contains(p))));
                    if (askedRow is null) continue;
                }
                // past a bound (a named row's figure, or one the question states), the question's own comparative adjective
                // ("bigger"), else one that fits the figures ("beat" → higher)
                string Comparative() => q.Focus.Select(f => f.Key).FirstOrDefault(k => English.ComparativeDirection(k) != 0 && k.EndsWith("er", StringComparison.Ordinal))
                                        ?? (direction > 0 ? (score ? "higher" : "larger") : (score ? "lower" : "smaller"));
                string? bound = null;
                if (beyond && q.BeyondFigure is { } stated)
                {
                    // "which makers score above 40?": the rows strictly past the figure the question states, of a kind to be
                    // set against it (a share against a share or a plain number, an amount against an amount)
                    // … and only where every row gives the measure: a row without it may have it elsewhere in the note, and
                    // a count of the rest would leave it out
                    if (Quantities.FiguresIn(stated) is not [var figure] || Quantities.Magnitudes(stated) is not [var limit]
                        || (figure.Kind != ordered[0].Kind && figure.Kind != FigureKind.Number) || ordered.Count < table.Rows.Count) continue;
                    leaders = ordered.Count(r => (r.Value - limit) * direction > 0 || (q.BeyondOrEqual && r.Value == limit));
                    word = Comparative();
                    bound = stated;
                }
                else if (beyond)
                {
                    // the named row must give the measure itself; the rows beyond it are those strictly past its figure
                    reference = ordered.FirstOrDefault(r => r.Row.Peers.Contains(q.Peers[0]));
                    if (reference is null) continue;
                    leaders = ordered.Count(r => (r.Value - reference.Value) * direction > 0);
                    word = Comparative();
                }
                else
                    // the question's own superlative, else one that fits the figures: a score is highest, an amount largest
                    // ("the 3rd top" says no place: a place below the first is the 3rd highest or largest)
                    word = q.Focus.Select(f => f.Key).FirstOrDefault(k => English.SuperlativeDirection(k) != 0 && !(atPlace && k == "top"))
                           ?? (q.Superlative > 0 ? (score ? "highest" : "largest") : (score ? "lowest" : "smallest"));
                // the things at the place asked ("the 2nd largest"), with any tied with them
                // ("who's next after the top?": the first rows behind the leaders)
                var at = !atPlace ? null : q.AfterTop ? ordered.FirstOrDefault(r => r.Value != ordered[0].Value) : ordered[q.Place - 1];
                if (atPlace && at is null) continue;
                var placed = at is null ? null : ordered.Where(r => r.Value == at.Value).ToList();
                found = new TableExtreme(table, same[0].Measure, direction, ordered, leaders, word, reference, askedRow, bound, placed);
                foundCoverage = top;
            }
            return found;
        }
    }

    /// <summary>
    /// "What is Nimbus's capacity?" where a table gives capacity as a figure for each of its rows, Nimbus is none of
    /// them, and no passage of the note says the measure and the name together: the note gives the measure for the
    /// table's rows only. The thing is what the question says besides the measure, with a name in it (not the note's
    /// subject, which the rows belong to). Null when the question asks of a row, compares, or asks several things.
    /// </summary>
    public MeasureOfOthers? MeasureForOthersOnly(QuestionFrame q)
    {
        if (q.Type is AnswerType.YesNo or AnswerType.List || q.Comparison || q.Parts > 1 || q.Superlative != 0 || q.BeyondFigure is not null) return null;
        foreach (var table in note.Tables.Where(t => t.Rows.Count >= 2))
        {
            foreach (var header in table.Headers.Skip(1).Where(h => NamesColumn(q.Content, h)))
            {
                // a column of figures: most of its rows give one
                int figures = table.Rows.Count(r => r.Passage.Cells!.FirstOrDefault(c => c.Key == header).Value is { } v && Quantities.FiguresIn(v).Count > 0);
                if (figures * 2 <= table.Rows.Count) continue;
                var headerTerms = Terms.Of(header).ToHashSet(StringComparer.Ordinal);
                // what it is asked of: the question's other words ("the Nimbus plant"), of which a name is what the
                // note must say beside the measure
                var thing = q.Content.Where(f => f.Terms.Count > 0 && !f.Terms.All(headerTerms.Contains)).ToList();
                var names = thing.Where(f => f.IsName && !f.IsSubject).ToList();
                if (names.Count == 0) continue;
                // one of the table's own rows (named, or one of its label's words): its cell answers
                if (q.Peers.Any(p => table.Rows.Any(r => r.Peers.Contains(p))) || names.Any(f => table.Rows.Any(r => f.Terms.All(r.LabelTerms.Contains))))
                    continue;
                // a passage says the measure of it
                if (note.Units.Any(u => headerTerms.All(u.HasTerm) && names.All(f => f.Terms.All(u.Terms.Contains)))) continue;
                return new MeasureOfOthers(table, header, thing);
            }
        }
        return null;
    }

    /// <summary>The words say every content word of a column's header ("context window" for "Context window").</summary>
    private static bool NamesColumn(IEnumerable<FocusWord> words, string header) =>
        Terms.Of(header).Where(t => !English.IsStopWord(t)).ToList() is { Count: > 0 } terms
        && terms.All(t => words.Any(f => f.Terms.Contains(t)));

    /// <summary>Asks where, why, when or who: not for the value a cell holds.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:where|why|when|who)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NotAValueRegex();

    /// <summary>Where a cell's clauses part: "GadgetEval 33.0%, WidgetBench 12.5%; in preview" (not "1,200").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[;,]\s+")]
    private static partial System.Text.RegularExpressions.Regex ClauseBreakRegex();

    /// <summary>A sentence that gives a reason: "because", "since", "given", "due to", "driven by", "ties X to", "so
    /// that", "which means".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:because|since|given|due\s+to|owing\s+to|thanks\s+to|driven\s+by|ties?\s+(?:[\w’'-]+\s+){1,4}to|so\s+that|in\s+order\s+to|which\s+means|that\s+means|as\s+a\s+result|reason)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ReasonRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:It|They|Instead|Rather|But|What|This)\b")]
    private static partial System.Text.RegularExpressions.Regex ContinuesRegex();

    /// <summary>A list of three or more in one clause run: "A, B, and C", "A, B or C".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:[^,;.:]+,\s+){2,}[^,;.:]*?\b(?:and|or)\s+\w")]
    private static partial System.Text.RegularExpressions.Regex EnumerationRegex();

    /// <summary>A plain negation, "not" or "-n't" (not "without", "no", "never"), that leaves what the thing is unsaid:
    /// not a contrast after a comma ("… serve it at scale, not as a demo"), which has said it already.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!,\s*)\bnot\b|n['’]t\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NotRegex();
}
