using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>A retrieved unit with the reranker's share of the question (softmax over the candidates) and raw score.</summary>
public sealed record Scored(Candidate Candidate, double Probability, double Score, double[] Features)
{
    public NoteUnit Unit => Candidate.Unit;
}

/// <summary>What an answer rests on.</summary>
/// <param name="Units">The units to quote, the answer's own first.</param>
/// <param name="Table">Set when the question asks for a whole table ("what's on the watchlist?").</param>
/// <param name="Column">Set when the question compares a table's column across its rows ("context windows compared").</param>
/// <param name="Own">How many of <see cref="Units"/> (the first ones) answer the question's own parts and sides; the
/// rest are further quotes nearly as likely as the first, context that may hold the answer when the first does not.</param>
public sealed record Evidence(IReadOnlyList<Scored> Units, NoteTable? Table = null, string? Column = null, int? Own = null)
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
        // (it is part of the first quote's answer, however it ranked on its own)
        if (best.Unit.Negated && best.Unit.Next is { } next && ContinuesRegex().IsMatch(next.Text)
            && (scored.FirstOrDefault(s => s.Unit == next) ?? PartOf(best, ranked?.FirstOrDefault(c => c.Unit == next))) is { } instead)
            chosen.Add(instead);
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
        if (q.Type is not (AnswerType.List or AnswerType.Description) || best.Unit.Table is not { } table) return null;
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
            // the row the thing heads (its label names it), not a row that merely mentions it
            var row = table.Rows.FirstOrDefault(r => r.Peers.Count == 1 && r.Peers[0] == peer && note.Peers.In(r.Passage.Row ?? "").Contains(peer));
            if (row is null) continue;
            return scored.FirstOrDefault(s => s.Unit == row) is { } own ? own with { Probability = Math.Max(own.Probability, scored[0].Probability) }
                : PartOf(scored[0], ranked?.FirstOrDefault(c => c.Unit == row));
        }
        return null;
    }

    /// <summary>"How does Acme's capacity compare with its rivals?": a comparison naming a column of a table of peers.</summary>
    private (NoteTable Table, string Header)? ColumnAcrossPeers(QuestionFrame q)
    {
        if (!q.Comparison) return null;
        foreach (var table in note.Tables)
        {
            if (!table.Rows.Any(r => r.Peers.Count > 0)) continue;
            if (table.Headers.Skip(1).FirstOrDefault(h => NamesColumn(q.Focus, h)) is { } header) return (table, header);
        }
        return null;
    }

    /// <summary>The words say every content word of a column's header ("context window" for "Context window").</summary>
    private static bool NamesColumn(IEnumerable<FocusWord> words, string header) =>
        Terms.Of(header).Where(t => !Language.English.IsStopWord(t)).ToList() is { Count: > 0 } terms
        && terms.All(t => words.Any(f => f.Terms.Contains(t)));

    /// <summary>Asks where, why, when or who: not for the value a cell holds.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:where|why|when|who)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NotAValueRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:It|They|Instead|Rather|But|What|This)\b")]
    private static partial System.Text.RegularExpressions.Regex ContinuesRegex();
}
