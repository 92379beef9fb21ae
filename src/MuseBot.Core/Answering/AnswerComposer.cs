using System.Text;
using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Core.Note;
using MuseBot.Core.Language;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>
/// Writes the reply: the answer first (a figure, a date, both sides of a comparison, "No", a table cell), then the
/// note's own words with citation markers, the note's doubts as flags with the sentence that carries them, and —
/// when the note does not say — a plain refusal that says what the note does cover, without its figures.
/// </summary>
public sealed partial class AnswerComposer(NoteModel note, EngineTuning tuning)
{
    public Answer Compose(QuestionFrame q, Evidence evidence)
    {
        if (evidence.Extreme is { } extreme) return ComposeExtreme(q, extreme);
        if (evidence.Column is { } column) return ComposeColumn(q, evidence.Table!, column);
        if (evidence.Table is { } table) return ComposeTable(q, table);

        var citations = new List<Citation>();
        var flags = new List<ConfidenceFlag>();
        var sb = new StringBuilder();
        var primary = evidence.Units[0];
        var headline = Headline(q, evidence);
        // a headlined figure is one its quote shows: a row quoted by the cells asked may hold it in another cell
        // (a follow-up that asks another measure of the same thing), and a figure the quote does not show is no answer
        if (headline is not null && primary.Unit.IsRow && AskedCells(q, primary) is { } shown
            && BareHeadlineRegex().Match(headline) is { Success: true } bare && !Quote(primary.Unit, shown).Contains(bare.Groups["figure"].Value, StringComparison.Ordinal))
            headline = null;
        // "can you confirm the note gives no figure for X?" where it gives one: the asker is corrected first
        if (q.ClaimsAbsence && q.Type != AnswerType.YesNo && headline is not null) headline = $"**No** — it does: {headline}";
        if (headline is not null) sb.Append(headline).Append("\n\n");

        // a figure, date or cell the answer headlines is the answer (a yes/no verdict rests on its quotes): further quotes then stand only when nearly as
        // likely as the first (less likely ones, quoted in case the first missed, would bury it)
        var quoted = headline is null || q.Type == AnswerType.YesNo ? evidence.Units : KeptBesideHeadline(evidence);
        // a verdict that rests on a sentence pointing back ("Those are vendor claims, not proof."): the sentence it
        // points back to, when quoted too, is quoted before it, as the note reads
        if (q.Type == AnswerType.YesNo && primary.Unit.Previous is { } pointedTo && English.OpensWithReference(primary.Unit.Text)
            && quoted.Skip(1).FirstOrDefault(s => s.Unit == pointedTo) is { } claim)
            quoted = [claim, .. quoted.Where(s => s != claim)];
        foreach (var s in quoted)
        {
            var unit = s.Unit;
            var cells = unit.IsRow ? AskedCells(q, s) : null;
            // "Those are vendor claims, …" says which claims only with the sentence before it (not for a figure or
            // date asked: the figure is the answer, and its sentence needs no more)
            if (q.Type is AnswerType.Description or AnswerType.YesNo or AnswerType.List && headline is null
                && Antecedent(unit, quoted) is { } antecedent && !citations.Contains(antecedent.Passage.ToCitation()))
            {
                citations.Add(antecedent.Passage.ToCitation());
                sb.Append(Quote(antecedent, null)).Append($" [{citations.Count}]\n");
            }
            citations.Add(unit.Passage.ToCitation());
            sb.Append(Quote(unit, cells)).Append($" [{citations.Count}]\n");
            // a doubt counts when the answer rests on it: the first quote's, or another's as likely as the first;
            // for a row, only a doubt about the cells that answer
            // (a question about how far to trust it rests on every doubt quoted)
            // (what a thing is called is no claim to verify: a name asked is answered without the doubts of its sentence)
            if ((s == primary || s.Probability >= primary.Probability * tuning.FlagQuoteRatio || q.AsksConfidence) && (!q.AsksName || q.AsksConfidence))
                foreach (var f in note.Hedges.For(unit.Id, unit.IsRow ? cells ?? AnsweringCells(q, s) : null, unit.IsRow ? null : MetOffsets(q, s)))
                    if (!flags.Any(x => x.Reason == f.Reason && x.Section == f.Section)) flags.Add(f);
        }
        // the sentence that carries a doubt is quoted too when it is not already: the note's words, not ours
        foreach (var f in flags.Where(f => !citations.Any(c => c.Quote == f.Quote) && !f.Quote.Contains(": ", StringComparison.Ordinal)).ToList())
        {
            if (note.Units.FirstOrDefault(u => u.Text == f.Quote) is not { } qualifier) continue;
            citations.Add(qualifier.Passage.ToCitation());
            sb.Append("The note qualifies this: ").Append(Quote(qualifier, null)).Append($" [{citations.Count}]\n");
        }
        return new Answer(q.Asked, sb.ToString().TrimEnd(), false, citations, flags, headline);
    }

    /// <summary>
    /// The refusal: what the note does not say, in the question's own words; what it does cover, named in the note's
    /// own words with where (but not quoted: a figure next to "does not say" reads as an answer). For "does the note
    /// give X?" with no X anywhere: "No — the note gives no X."
    /// </summary>
    public Answer NotInNote(QuestionFrame q, Scored? nearest)
    {
        var unmet = nearest is null ? q.Content.ToList() : q.Focus.Where((f, i) => !f.IsFrame && nearest.Candidate.Matches[i].Score < tuning.UnmetBelow).ToList();
        // a follow-up ("and the exact day it lands in whatsapp?") read with the question before it: what it lacks is
        // named in the follow-up's own words where they are among the words unmet, not the earlier question's
        if (q.FollowsUp && unmet.Where(f => q.Asked.Contains(f.Word, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } own)
            unmet = own;
        var met = nearest is null ? [] : q.Focus.Select((f, i) => (f, m: nearest.Candidate.Matches[i])).Where(x => !x.f.IsFrame && x.m.Exact).ToList();
        // "does the note give X?": X is everything it asks about, not only the words the nearest passage lacks; and
        // when the note uses every word that passage lacks elsewhere, what it lacks is their combination ("Zeta's
        // outlay", not "outlay", when it gives only Acme's), quoted when the asker wrote it as one short phrase
        // (the degree of "how old / how big is X?" is the kind of answer the refusal names, "no age for …", "no size
        // figure for …", not part of the thing asked)
        var whole = Span(q, q.Content.Where(f => !NamesTheAnswer(q, f)).ToList());
        bool phrase = Short(whole);
        var asked = unmet.Count > 0 && !q.AsksExistence && (unmet.Any(f => !f.InNote) || !phrase) ? Span(q, unmet) : whole;
        var sb = new StringBuilder();
        // the note's own spelling of what it does mention ("WidgetBench", not "widgetbench's"), and where
        var mentions = nearest is null ? [] : Mentions(nearest.Unit, met);
        var where = nearest is null ? "" : WhereSaid(nearest.Unit);
        // what is missing is only whom it is for: the note has the thing asked, for others ("… GadgetEval for Acme, not for Zeta")
        static bool Names(Peer p, FocusWord f) => p.NameWords.Contains(f.Key);
        var others = nearest is null ? [] : nearest.Unit.Peers.Where(p => !q.Peers.Contains(p)).Distinct().ToList();
        var measure = nearest is null ? [] : Mentions(nearest.Unit, met.Where(x => !others.Concat(q.Peers).Any(p => Names(p, x.f))).ToList());
        if (measure.Count > 0 && others.Count > 0 && unmet.Count > 0 && unmet.All(f => q.Peers.Any(p => Names(p, f))))
        {
            var given = $"{Join(measure)} for {Join(others.Select(p => p.Label).ToList())} ({where}), not for {Join(q.Peers.Select(p => p.Label).ToList())}.";
            // "does the note give Zeta's GadgetEval?": no, and whose it gives
            sb.Append(q.Type == AnswerType.YesNo && (q.AboutTheNote || q.AsksExistence) ? Absence(q, $"the note gives {given}") : $"The note does not say — it gives {given}");
        }
        else
        {
            // the asker's own words in quotes: a fragment of their question ("sold", "battery life") reads as theirs
            if (q.Type == AnswerType.YesNo && (q.AboutTheNote || q.AsksExistence) && asked.Length > 0)
                sb.Append(Absence(q, q.AsksMention ? $"the note does not mention {asked}." : $"the note gives no {GivenTo(asked)}."));
            // "does the note give a date for X?" where it gives none: the asker's own words from the kind on
            else if (q.NamedKind is { Length: > 0 and <= 120 } named)
                sb.Append(Absence(q, $"the note gives no {named}."));
            // a figure or date question whose every word the note uses: what it lacks is the figure or date itself
            else if (MissingAnswer(q) is { } missing && unmet.All(f => f.InNote || NamesTheAnswer(q, f)))
            {
                // a long question's thing asked, from the compared thing it names on ("what does Acme's card give
                // Zeta on GizmoTest?" → "Zeta on GizmoTest")
                var of = phrase ? whole : FromThePeer(q) is { } peerOn && Short(peerOn) ? peerOn : "";
                sb.Append(of.Length > 0 ? $"The note does not say — it gives no {missing} for “{of}”{PeriodsAsked(q, of)}." : $"The note does not say — it gives no {missing} for that.");
            }
            else
                sb.Append(asked.Length > 0 ? $"The note does not say — it has nothing on “{asked}”." : "The note does not say.");
            if (mentions.Count > 0)
                sb.Append($"\n\nIt does mention {Join(mentions)} ({where}).");
        }
        sb.Append("\n\nType `sections` to see what the note covers.");
        return new Answer(q.Asked, sb.ToString(), true, [], []);
    }

    /// <summary>"what did gizmo 5 score?" where the note names Gizmo only as Gizmo 4: "The note does not mention “gizmo
    /// 5” — it names Gizmo 4 (§1 …)." Answering from Gizmo 4's figures would hand over another thing's.</summary>
    public Answer OtherVersion(QuestionFrame q, VersionedName asked)
    {
        // the fullest of the note's forms ("Acme Gizmo 4", not also "Gizmo 4")
        var written = note.VersionedNames[asked.Key].Select(k => k.Written).ToList();
        var known = written.Where(w => !written.Any(o => o.Length > w.Length && o.EndsWith(" " + w, StringComparison.Ordinal))).ToList();
        var where = note.Units.FirstOrDefault(u => u.Text.Contains(known[0], StringComparison.Ordinal)) is { } unit ? $" ({WhereSaid(unit)})" : "";
        // the asker's words before the name that the note's form has too ("acme gizmo 5")
        int start = asked.Start;
        while (PreviousWordRegex().Match(q.Text[..start]) is { Success: true } before
               && known.Any(k => k.Split(' ').Contains(before.Groups["w"].Value, StringComparer.OrdinalIgnoreCase)))
            start = before.Index;
        var typed = q.Text[start..asked.End];
        var text = q.Type == AnswerType.YesNo
            ? $"{(q.ClaimsAbsence ? "**Right**" : "**No**")} — the note does not mention “{typed}”: it names {Join(known)}{where}."
            : $"The note does not mention “{typed}” — it names {Join(known)}{where}.";
        return new Answer(q.Asked, text + "\n\nType `sections` to see what the note covers.", true, [], []);
    }

    /// <summary>"What is Nimbus's capacity?" where only a table's rows have one: "The note does not say — it gives
    /// capacity for Acme Widget and Zeta Widget (§1 …), not for Nimbus."</summary>
    public static Answer MeasureForOthersOnly(QuestionFrame q, MeasureOfOthers measure)
    {
        var rows = measure.Table.Rows.Select(r => r.Passage.Row ?? "").Where(r => r.Length > 0).ToList();
        var where = measure.Table.Rows[0].Passage.ToCitation().SectionLabel;
        return new Answer(q.Asked, $"The note does not say — it gives {InRunningText(measure.Table, measure.Header)} for {Join(rows)} ({where}), not for {Span(q, measure.Thing)}."
                                   + "\n\nType `sections` to see what the note covers.", true, [], []);
    }

    /// <summary>Where a refusal says the note speaks of what was asked: the row's label when it is short, else the
    /// section's.</summary>
    private static string WhereSaid(NoteUnit unit)
    {
        var citation = unit.Passage.ToCitation();
        return citation.Row is { Length: <= 40 } ? citation.Label : citation.SectionLabel;
    }

    /// <summary>"what was the run-rate a year earlier?" where the note gives the figure for one period only: it does
    /// not say, and where it gives the figure, for which period.</summary>
    public static Answer NoEarlierPeriod(QuestionFrame q, Scored nearest)
    {
        var where = WhereSaid(nearest.Unit);
        var periods = nearest.Unit.Dates.Select(d => d.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var text = $"The note does not say what it was {q.EarlierPhrase} — where it gives the figure ({where}{(periods.Count > 0 ? $", for {Join(periods)}" : "")}), it gives no earlier one."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>"who is Zeta's CEO?", "how accurate is X?" where the note never speaks of a CEO or of accuracy: it
    /// does not say, in the asker's words from the wh-word on.</summary>
    public static Answer NotSpokenOf(QuestionFrame q, FocusWord word, Scored nearest)
    {
        var met = q.Focus.Select((f, i) => (f, m: nearest.Candidate.Matches[i])).Where(x => !x.f.IsFrame && x.m.Exact).ToList();
        var mentions = Mentions(nearest.Unit, met);
        var asked = AskedFromItsWhWord(q);
        // a title asked for is a role the note does not give where it names them, whether or not it ever says "title"
        var unsaid = English.TitleNouns.Contains(word.Key) ? "where it names them, it gives no title" : $"nothing in it speaks of “{word.Word.TrimEnd('?', '.', ',', '!')}”";
        var text = $"The note does not say {asked} — {unsaid}."
                   + (mentions.Count > 0 ? $"\n\nIt does mention {Join(mentions)} ({WhereSaid(nearest.Unit)})." : "")
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>"who conducted X?" where the nearest the note comes does not say the act: it does not say who, in the
    /// asker's words from "who" on.</summary>
    public static Answer NoDoerSaid(QuestionFrame q, Scored nearest)
    {
        var text = $"The note does not say {AskedFromItsWhWord(q)} — where it comes nearest ({WhereSaid(nearest.Unit)}), it does not say who."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>The question in the asker's words from its who-, which- or how-word on, lower-cased at its start and
    /// without its closing mark, to say what the note does not ("who is meta's ceo").</summary>
    private static string AskedFromItsWhWord(QuestionFrame q)
    {
        int wh = WhoWhichOrHowRegex().Match(q.Text) is { Success: true } m ? m.Index : 0;
        var asked = q.Text[wh..].Trim().TrimEnd('?', '.', '!').Trim();
        // a bare phrase asked with no question word ("dana job title") is quoted, not read as a clause
        if (!OpensWithQuestionWordRegex().IsMatch(asked)) return $"“{asked}”";
        return asked.Length > 0 ? char.ToLowerInvariant(asked[0]) + asked[1..] : asked;
    }

    [GeneratedRegex(@"\b(?:who|whom|whose|which|how)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhoWhichOrHowRegex();

    [GeneratedRegex(@"^(?:who|whom|whose|which|how|what|when|where|why)", RegexOptions.IgnoreCase)]
    private static partial Regex OpensWithQuestionWordRegex();

    [GeneratedRegex(@"(?<w>[\p{L}\d-]+)\s+$")]
    private static partial Regex PreviousWordRegex();

    /// <summary>"what is the Zeta stake worth?" where the note gives what was paid for it, or nothing, and no worth: it
    /// does not say, and where it comes nearest.</summary>
    public static Answer NoWorth(QuestionFrame q, Scored nearest)
    {
        var text = $"The note does not say what it is worth — where it comes nearest ({WhereSaid(nearest.Unit)}), it gives no worth or valuation."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>"how does Zeta stack up vs Quark?" where the note never names Quark: it compares nothing with it.</summary>
    public static Answer UnknownSide(QuestionFrame q, string side)
    {
        var text = $"The note does not say — it never mentions “{side}”, so it compares nothing with it."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>"how many people use Acme daily?" where the note counts them over another span ("1B monthly Acme
    /// users"): it gives that count, said as the note says it, and not the one asked.</summary>
    public static Answer OtherHowOften(QuestionFrame q, Scored nearest, string figure, string said, string asked)
    {
        static string A(string word) => ("aeiou".Contains(word[0]) ? "an " : "a ") + word;
        var text = $"The note does not say — it gives {A(said)} figure ({figure}, {WhereSaid(nearest.Unit)}), not {A(asked)} one."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>"how much did Acme pay per share?" where the note gives the whole amount: it gives no figure per that
    /// unit, and where it comes nearest. A whole amount is not repeated as the answer: it is not what was asked.</summary>
    public static Answer NoRate(QuestionFrame q, Scored nearest)
    {
        var text = $"The note does not say — it gives no figure per {q.PerUnit} (where it comes nearest: {WhereSaid(nearest.Unit)})."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>"what does Zeta score with tools?" where the note gives that score only without them: it does not say,
    /// and the figure it does give, with its condition, so that it is not read as the one asked for.</summary>
    public static Answer OtherCondition(QuestionFrame q, Scored nearest, Figure figure, string condition)
    {
        var text = $"The note does not say — it gives that figure only {condition.ToLowerInvariant()}: {figure.Text} ({WhereSaid(nearest.Unit)})."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>"how is the budget split between plants and chips?" where the note gives the budget whole: it gives no
    /// split, and where it gives the total. The total is not repeated: it is not what was asked.</summary>
    public static Answer NoSplit(QuestionFrame q, Scored nearest)
    {
        var split = q.Split!;
        var whole = LeadingQuestionWordsRegex().Replace(q.Text[split.WholeFrom..split.WholeTo].Trim(), "");
        // the parts as a list in words ("plants and chips"), however they were set apart ("msl vs core")
        var named = split.Parts.Select(p => q.Text[p.From..p.To].Trim().TrimEnd('?', '.', '!').Trim()).ToList();
        var parts = named.Count > 1 ? string.Join(", ", named.Take(named.Count - 1)) + " and " + named[^1] : named[0];
        // "how much of the budget goes to plants?" in its own words; "… split between plants and chips?" as a split
        var asked = split.Between
            ? $"gives no split of {whole} {split.Preposition.ToLowerInvariant()} {parts}"
            : $"does not say how much of {whole} {FrontedAskRegex().Replace(q.Text[split.WholeTo..split.Parts[^1].To], "").Trim().TrimEnd('?', '.', '!').Trim()}";
        var text = $"The note {asked} — it gives only the total ({WhereSaid(nearest.Unit)})."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    // "of the budget, how much goes to plants?": the words that ask, after the fronted whole, are said once
    [GeneratedRegex(@"^\s*,\s*(?:how\s+much|what\s+\p{L}+)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex FrontedAskRegex();

    /// <summary>"when do the bigger Acme models ship?" where the note speaks of them without a date: it gives none, and
    /// what it does say, quoted (no date stands in it to be read as the answer).</summary>
    public static Answer UndatedOnly(QuestionFrame q, Scored undated)
    {
        var citation = undated.Unit.Passage.ToCitation();
        var text = $"The note gives no date for that — it speaks of it only without one ({WhereSaid(undated.Unit)}):\n\n{Quote(undated.Unit, null)} [1]";
        return new Answer(q.Asked, text, true, [citation], []);
    }

    /// <summary>"what day in June did Acme close the deal?" where the note dates it to the month alone: no day, and the
    /// date it does give, quoted.</summary>
    public static Answer NoFinerDate(QuestionFrame q, Scored dated, DateMention date)
    {
        var citation = dated.Unit.Passage.ToCitation();
        var text = $"The note gives no exact day for that — only the month, {date.Text} ({WhereSaid(dated.Unit)}):\n\n{Quote(dated.Unit, null)} [1]";
        return new Answer(q.Asked, text, true, [citation], []);
    }

    /// <summary>"is Zeta the one with the 40% share?" where the note gives 40% for another thing: No, with what the
    /// note gives the thing asked (the likeliest quote) and where the figure stated stands, when that is elsewhere. An
    /// answer, not a refusal: the note does speak to the claim, and corrects it.</summary>
    public Answer StatedFigureOfAnother(QuestionFrame q, string stated, NoteUnit own, NoteUnit statedIn, int statedAt) =>
        Correction(q, $"**No** — the note gives {GivenAs(statedIn, statedAt) ?? $"{stated} for something else"}:", statedIn == own ? [own] : [own, statedIn]);

    /// <summary>A figure of a sentence as the note gives it: the figure, the words after it that say what it measures,
    /// and the one compared thing the sentence is about ("40.0% on GizmoTest-Pro for Acme Oven"), so a claim that
    /// misplaces it reads what the note has; null where no figure of the unit's starts at the offset.</summary>
    private static string? GivenAs(NoteUnit unit, int at)
    {
        if (unit.IsRow || unit.Figures.FirstOrDefault(f => f.Start == at) is not { } figure) return null;
        // (the phrase a preposition opens right after it, "on GizmoTest", up to the clause's end, where no measure noun follows)
        var measure = unit.Measures.TryGetValue(figure.Start, out var m) ? " " + unit.Text[figure.End..m.To].Trim()
            : FigureMeasuredOnRegex().Match(unit.Text, figure.End) is { Success: true } on ? " " + on.Groups["on"].Value : "";
        var owner = unit.Peers.Distinct().ToList() is [var one] ? $" for {one.Label}" : "";
        return $"{figure.Text}{measure}{owner}";
    }

    [GeneratedRegex(@"\G\s+(?<on>(?:on|in)\s+[^,;]+?)(?=\s*[,;]|\.(?:\s|$)|\s+(?:and|with|versus|vs\.?|behind|ahead)\b|$)")]
    private static partial Regex FigureMeasuredOnRegex();

    /// <summary>A claim's "No", then the units that correct it, each quoted whole with its doubts.</summary>
    private Answer Correction(QuestionFrame q, string headline, IReadOnlyList<NoteUnit> units)
    {
        var sb = new StringBuilder(headline).Append("\n\n");
        for (int i = 0; i < units.Count; i++) sb.Append(Quote(units[i], null)).Append($" [{i + 1}]\n");
        var flags = units.SelectMany(u => note.Hedges.For(u.Id, null, null)).DistinctBy(f => (f.Reason, f.Section)).ToList();
        return new Answer(q.Asked, sb.ToString().TrimEnd(), false, units.Select(u => u.Passage.ToCitation()).ToList(), flags, "**No**");
    }

    /// <summary>"so Acme spent $41B in 2026?" where the note gives $41B for 2025, in a clause that carries the rest of
    /// the claim: No, with the period the note gives it for. An answer, not a refusal: the note corrects the claim.
    /// Null where the unit does not give the figure stated so.</summary>
    public Answer? StatedForAnotherPeriod(QuestionFrame q, Scored s) =>
        OtherPeriodVerdict(q, s) is { } headline ? Correction(q, headline, [s.Unit]) : null;

    /// <summary>"**No** — the note gives $41B for 2025, not 2026:" where the unit gives the figure a claim states for
    /// another period than the claim's, in a clause that carries the rest of it (see <see cref="StatedForAnotherPeriod"/>).</summary>
    private string? OtherPeriodVerdict(QuestionFrame q, Scored s) =>
        FigureAttachment.StatedForAnotherPeriod(q, s.Unit, s.Candidate.Matches) is var (figure, said)
        && Headlined(figure with { PeriodFits = 1 }) && !OwnedElsewhere(q, s.Unit, figure)
            ? $"**No** — the note gives {figure.Text} for {Spoken(said)}, not {Spoken(q.Periods[0])}:"
            : null;

    /// <summary>A period as it is written: "2025", "Q4 2025", "June 2025".</summary>
    private static string Spoken(Period p) =>
        p.Month is { } m ? $"{System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)} {p.Year}" : p.ToString();

    /// <summary>"which power developers …?" where the note says power developers but names none: it does not say
    /// which, and where it speaks of them in general.</summary>
    public static Answer NoMember(QuestionFrame q, Scored nearest)
    {
        var where = WhereSaid(nearest.Unit);
        // a unit that does not say the class itself ("select partners" for "which companies?") is only the nearest
        bool saysClass = q.MemberHead >= 0 && nearest.Candidate.Matches[q.MemberHead] is { Exact: true, Offset: >= 0 };
        var text = (saysClass ? $"The note does not say which {q.MemberOf} — it mentions them only in general ({where}), naming none."
                              : $"The note does not say which {q.MemberOf} — where it comes nearest ({where}), it names none.")
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    /// <summary>"any stats on Nimbus?" where no figure of the note belongs to it: it gives none, and where it speaks
    /// of it.</summary>
    public static string NoFigures(QuestionFrame q, Candidate nearest)
    {
        var about = QuestionReader.FiguresOf(q.Content).ToList();
        var met = q.Focus.Select((f, i) => (f, m: nearest.Matches[i])).Where(x => about.Contains(x.f) && x.m.Exact).ToList();
        var mentions = Mentions(nearest.Unit, met);
        var where = WhereSaid(nearest.Unit);
        return $"The note gives no figures for “{Span(q, about)}”." + (mentions.Count > 0 ? $"\n\nIt does mention {Join(mentions)} ({where})." : "")
               + "\n\nType `sections` to see what the note covers.";
    }

    /// <summary>"who …?" where the nearest the note comes names nobody the question does not: it does not say who,
    /// in the asker's own words from "who" on; "what is X called?" where it gives X no name.</summary>
    public static Answer NoOneNamed(QuestionFrame q, Scored nearest)
    {
        var where = WhereSaid(nearest.Unit);
        int who = WhoRegex().Match(q.Text) is { Success: true } m ? m.Index : -1;
        var asked = who >= 0 ? q.Text[who..].Trim().TrimEnd('?', '.', '!').Trim() : q.AsksName ? "what it is called" : "who that is";
        // (a name asked of a thing: the nearest passage speaks of it and gives it none)
        var text = $"The note does not say {asked} — where it comes nearest ({where}), it {(q.AsksName && who < 0 ? "gives it no name" : "names no one else")}."
                   + "\n\nType `sections` to see what the note covers.";
        return new Answer(q.Asked, text, true, [], []);
    }

    // "how is the budget …": the words that ask, ahead of the whole a split is asked of
    [GeneratedRegex(@"^(?:(?:how|so|and|but|ok|okay|is|are|was|were|does|do|did|has|have|had|will|would|can|could)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingQuestionWordsRegex();

    [GeneratedRegex(@"\bwho(?:se|m)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhoRegex();

    /// <summary>" in Q3 2025": the periods a figure was asked for, when the words quoted do not already say them.</summary>
    private static string PeriodsAsked(QuestionFrame q, string quoted)
    {
        var periods = q.Dates.Select(d => d.Text).Concat(q.Periods.Where(p => p.Year == 0).Select(p => p.ToString()))
            .Where(p => !quoted.Contains(p, StringComparison.OrdinalIgnoreCase)).ToList();
        return periods.Count == 0 ? "" : $" in {Join(periods)}";
    }

    /// <summary>The word of degree after an opening "how" that names the measure asked ("how <b>big</b> is X?", "how
    /// <b>old</b>"), which a refusal names as what is missing.</summary>
    private static bool NamesTheAnswer(QuestionFrame q, FocusWord f) =>
        DegreeWord(q) is { } degree && degree.Index == f.Start && (English.MeasureOfDegree(f.Key) is not null || English.AsksAge(q.Text));

    /// <summary>The measure a "how" of degree asks ("how fast" → speed); null for another question.</summary>
    private static string? DegreeAsked(QuestionFrame q) =>
        DegreeWord(q) is { } degree ? English.MeasureOfDegree(degree.Value.ToLowerInvariant()) : null;

    /// <summary>The word after an opening "how" ("how <b>fast</b> is …"); null when the question opens otherwise.</summary>
    private static Group? DegreeWord(QuestionFrame q) =>
        QuestionReader.HowDegreeRegex().Match(q.Text) is { Success: true } how ? how.Groups["degree"] : null;

    /// <summary>What a figure, date, duration or place question asks for, named in a refusal; null for other questions.</summary>
    private static string? MissingAnswer(QuestionFrame q) => q.Type switch
    {
        AnswerType.Date => "date",
        AnswerType.Place => "location",
        AnswerType.Duration when English.AsksAge(q.Text) => "age",
        AnswerType.Duration => "length of time",
        // "Zeta growth?": the note may give Zeta's level, but not how it changed
        AnswerType.Quantity when q.Focus.FirstOrDefault(f => f.IsFrame && English.ChangeNouns.Contains(f.Word.ToLowerInvariant())) is { } change
            => $"{change.Word.ToLowerInvariant()} figure",
        // "how fast is Zeta?": the note may give Zeta figures, but none of its speed
        AnswerType.Quantity when DegreeAsked(q) is { } measure => $"{measure} figure",
        AnswerType.Quantity => "figure",
        _ => null,
    };

    /// <summary>"No — the note gives no figure for X; what it says of it:", before quotes that speak of X without one.</summary>
    public static string NoneGivenPreface(QuestionFrame q) => Absence(q, $"the note gives no {q.NamedKind}; what it says of it:");

    /// <summary>What opens a reply that the note gives no such thing: "**Right** — " to an asker who said so, "**No** — "
    /// to one who asked, and nothing to advice asked ("should I buy Acme?"), where a "No" would read as advice.</summary>
    private static string Absence(QuestionFrame q, string said) =>
        q.ClaimsAbsence ? $"**Right** — {said}" : q.AsksAdvice ? char.ToUpperInvariant(said[0]) + said[1..] : $"**No** — {said}";

    /// <summary>The quote denies what the question asks: a word of the question the quote meets follows a negation
    /// in its own clause. A negation in another clause is about something else ("closed by default, only in preview,
    /// even as Acme says it hopes to open it" does not answer "will Acme open it?" with a no), and so is one after
    /// every word asked ("a natively multimodal model rather than a chatbot" does not deny "is it multimodal?"), and
    /// so is one in a quote that meets no word asked at all.</summary>
    internal bool Denies(QuestionFrame q, Scored s)
    {
        var unit = s.Unit;
        if (!unit.Negated) return false;
        // a claim that sets one thing against another ("is Acme more than a gadget?", "better at A than at B?"): a
        // negation of one side is no denial of the comparison ("… rather than a single gadget" affirms the first)
        if (q.Comparative != 0 && ThanRegex().IsMatch(q.Text)) return false;
        var met = MetOffsets(q, s);
        if (met.Length == 0) return false;
        // only what the claim is about met, not what it says of it ("is Zeta free?" over "Acme does not call Zeta
        // the best"): the unit denies another claim about the same thing
        var said = MetOffsets(q, s, names: false);
        // a word the claim itself negates ("… closed with no signed pages — is that in the note?"): the unit's
        // negation of it agrees with the claim
        var agreed = q.Focus.Select((f, i) => (f, m: s.Candidate.Matches[i])).Where(x => x.m.Offset >= 0 && NegatedInClaim(q.Text, x.f.Start))
            .Select(x => x.m.Offset).ToHashSet();
        said = said.Where(o => !agreed.Contains(o)).ToArray();
        if (said.Length == 0) return false;
        met = said;
        // a row: a word asked sits in a cell that negates, by its own words before it or by its header ("What
        // it does not yet show: Zeta" denies Zeta; the row's label beside it, "shows: Acme", is not denied)
        if (unit.IsRow)
            return met.Any(o => unit.Segments.FirstOrDefault(c => c.Contains(o)) is { } cell
                                && ((cell.Header is { } header && NoteModel.Negations(header).Any())
                                    || NoteModel.Negations(unit.Text[cell.Start..cell.End]).Any(n => cell.Start + n < o)));
        // each word met: denied (a negation before it in its clause), or affirmed after a negation's reach ended
        // ("does not call Zeta the best and explicitly acknowledges a gap"); a claim met on both sides of that end
        // ("does Acme admit a gap?" with "admit" met by "call") is not denied
        var reach = met.Select(o => NegationScope(unit, o, met) is var (start, end)
                ? NoteModel.Negations(unit.Text[start..end]).Where(n => start + n < o)
                    .Select(n => !ScopeEndsBefore(unit.Text, start + n, o)).ToList()
                : []).ToList();
        return reach.Any(r => r.Any(denied => denied)) && !reach.Any(r => r.Count > 0 && r.All(denied => !denied));
    }

    /// <summary>The question's own words negate the word at the offset: a negation before it in its clause, past the
    /// question's first two words ("doesn't the note say …" asks; it negates nothing claimed). An "only" restricts
    /// the claim rather than negating it ("is search grounded only in the web?" is denied by "rather than only …").</summary>
    private static bool NegatedInClaim(string text, int offset)
    {
        if (offset <= 0 || offset > text.Length) return false;
        int clause = text.LastIndexOfAny([',', ';', ':', '—', '–', '('], offset - 1) + 1;
        int claim = Math.Max(clause, ThroughNextWord(text, 0));
        return claim < offset && NoteModel.Negations(text[claim..offset]).Any(n => !OnlyRegex().IsMatch(text, claim + n));
    }

    [GeneratedRegex(@"\G-?only\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyRegex();

    /// <summary>A negation's reach ends between it and the word met at the offset. The word may itself be the verb
    /// that opens the clause ending it ("does Acme admit a gap?" met by "acknowledges" in "does not call Zeta the best
    /// and explicitly <b>acknowledges a</b> gap"), so the text is read through the word after it; an end that opens
    /// after the word met ("not a <b>gadget</b> but a platform") does not free it.</summary>
    private static bool ScopeEndsBefore(string text, int negation, int offset) =>
        ScopeEndsRegex().Matches(text[negation..ThroughNextWord(text, offset)]).Any(m => negation + m.Index < offset);

    private static int ThroughNextWord(string text, int offset)
    {
        int i = offset;
        for (int words = 0; words < 2 && i < text.Length; words++)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
        }
        return i;
    }

    /// <summary>The clause a negation must stand in to deny the word at the offset: the word's own clause, or, for an
    /// item of a list ("does not validate the call on accelerators, optics, fiber, or power"), the clause the list
    /// hangs from and the items up to it: a comma between items ends no clause. Only where the question meets two
    /// items or more: then it asks about what the list is of; one item met ("could the power picks still prove
    /// right?") may be asked of something else the note says of it.</summary>
    private static (int Start, int End) NegationScope(NoteUnit unit, int offset, int[] met)
    {
        var segments = unit.Segments;
        int at = -1;
        for (int i = 0; i < segments.Count && at < 0; i++)
            if (segments[i].Holds(offset)) at = i;
        if (at < 0) return (unit.SegmentAt(offset).Start, unit.SegmentAt(offset).End);
        bool Item(int i) => WordCount(unit.Text[segments[i].Start..segments[i].End]) <= ListItemWords;
        bool CommaBefore(int i) => i > 0 && unit.Text[segments[i - 1].End..segments[i].Start].Trim() == ",";
        // the list ends in "…, or X" / "…, and X": without it, commas part clauses
        int last = at;
        while (last + 1 < segments.Count && CommaBefore(last + 1) && Item(last + 1)) last++;
        if (!Item(at) || !CommaBefore(at) || !ListEndRegex().IsMatch(unit.Text[segments[last].Start..segments[last].End])) return (segments[at].Start, segments[at].End);
        int head = at;
        while (head > 0 && CommaBefore(head) && Item(head - 1)) head--;
        // the first item is the end of the clause the list hangs from
        int first = head > 0 && CommaBefore(head) ? head - 1 : -1;
        int itemsMet = first < 0 ? 0 : Enumerable.Range(first, last - first + 1).Count(i => met.Any(segments[i].Holds));
        return itemsMet >= 2 ? (segments[first].Start, segments[at].End) : (segments[at].Start, segments[at].End);
    }

    /// <summary>An item of a list is a short noun phrase ("individual campus counterparties").</summary>
    private const int ListItemWords = 4;

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^(?:or|and)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ListEndRegex();

    /// <summary>Where a negation's reach ends before a word: "but" ("not a gadget, but a platform"), or a conjunction
    /// opening a verb of its own that takes an object ("Acme does not call Zeta the best <b>and explicitly
    /// acknowledges a</b> gap": the gap is affirmed).</summary>
    [GeneratedRegex(@"\bbut\b|\b(?:and|while|yet|whereas)\s+(?:\p{L}+ly\s+)?\p{L}+(?:s|ed)\s+(?:a|an|the|its|their|this|these|those|some|any)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeEndsRegex();

    [GeneratedRegex(@"\bthan\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThanRegex();

    /// <summary>Where in the unit's text the question's content words are met.</summary>
    /// <param name="names">Count the question's names too, not only what it says of them.</param>
    private int[] MetOffsets(QuestionFrame q, Scored s, bool names = true) =>
        q.Focus.Select((f, i) => (f, m: s.Candidate.Matches[i]))
            .Where(x => !x.f.IsFrame && (names || !x.f.IsName) && x.m.Offset >= 0 && x.m.Offset < s.Unit.Text.Length && x.m.Score >= tuning.UnmetBelow).Select(x => x.m.Offset).ToArray();

    /// <summary>"how much can Zeta read in one go?", "how much can Zeta take in?": no kind of figure asked, and the
    /// sentence says none of the words that say what is measured (if the question has any beyond the compared thing's
    /// name), while it gives several figures: any one of them headlined would be a guess, so the quote speaks for
    /// itself. (A row's cells are labelled by their headers.)</summary>
    private bool MeasureUnsaid(QuestionFrame q, Scored s)
    {
        if (q.WantedFigure is not null || q.Comparison || q.Superlative != 0 || s.Unit.IsRow
            || s.Unit.Figures.Count(f => f.Kind != FigureKind.Number) < 2) return false;
        var measure = q.Focus.Select((f, i) => (f, i)).Where(x => !x.f.IsFrame && !x.f.IsSource && !x.f.IsSubject && !q.PeerWords.Contains(x.f.Key)
                                                                  && Quantities.PeriodsIn(x.f.Word).Count == 0).ToList();
        return measure.All(x => s.Candidate.Matches[x.i].Score < tuning.UnmetBelow);
    }

    /// <summary>The weighted share of the question's content a unit leaves unmet.</summary>
    public double UnmetShare(QuestionFrame q, Scored s) => UnmetShare(q, s, _ => true);

    /// <summary>The share (by weight) of a claim's own words the unit leaves unmet: the question's content words but
    /// those that ask whether it was verified.</summary>
    private double ClaimUnmet(QuestionFrame q, Scored s) => UnmetShare(q, s, f => !QuestionReader.AsksAboutVerification(f.Word));

    /// <summary>The share (by weight) of the question's content words that <paramref name="counts"/> the unit leaves unmet.</summary>
    private double UnmetShare(QuestionFrame q, Scored s, Func<FocusWord, bool> counts)
    {
        double total = 0, unmet = 0;
        for (int i = 0; i < q.Focus.Count; i++)
        {
            var f = q.Focus[i];
            if (f.IsFrame || !counts(f)) continue;
            total += f.Weight;
            if (s.Candidate.Matches[i].Score < tuning.UnmetBelow) unmet += f.Weight;
        }
        return total > 0 ? unmet / total : 0;
    }

    /// <summary>Some content word of the question is met in the unit only by a paraphrase, not by the same word.</summary>
    private static bool Paraphrased(QuestionFrame q, Scored s) =>
        q.Focus.Where((f, i) => !f.IsFrame && !s.Candidate.Matches[i].Exact).Any() || ScopeUnsaid(q, s.Unit);

    /// <summary>The question narrows or strengthens its claim with a word the quote does not say ("tied only to X",
    /// "already material"): the quote is not that claim.</summary>
    private static bool ScopeUnsaid(QuestionFrame q, NoteUnit unit) =>
        Tokens.Segments(q.Text.ToLowerInvariant()).Select(t => t.Text).Where(Language.English.ScopeWords.Contains)
            .Any(w => !unit.Words.Any(u => u.Text.Equals(w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The reply to "who wrote this note?": the parsed note carries a title, sections and sources, and no
    /// byline or date of its own.</summary>
    public string NoAuthorship() =>
        $"The note does not say — it names no author, publisher or publication date for itself. It is titled “{note.Document.Title}”" +
        (note.Document.Sources.Count > 0 ? " and lists its sources at the end (type `sources`)." : ".") + "\n\nType `sections` to see what the note covers.";

    /// <summary>A refusal for a section number the note does not have, naming the ones it has.</summary>
    public string NoSuchSection(string number)
    {
        var numbered = note.Document.Sections.Select(s => s.Number).Order().ToList();
        var has = numbered.Count == 0 ? "it has no numbered sections" : $"its sections run from §{numbered[0]} to §{numbered[^1]}";
        return $"The note has no section {number} — {has}.\n\nType `sections` to see what each covers.";
    }

    /// <summary>A refusal for names a section the question points to never says.</summary>
    public string NotInSection(QuestionFrame q, string section, IReadOnlyList<FocusWord> names)
    {
        var title = note.Document.Sections.FirstOrDefault(s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == section)?.Title;
        var label = title is null ? $"§{section}" : $"§{section} {title}";
        // each name as the note spells it elsewhere ("Nimbus" for "nimbus"), else as asked
        string Spelled(string word) => note.Document.Passages.Select(p => NameAt(p.Text, word) is var at && at >= 0 ? p.Text.Substring(at, word.Length) : null)
            .FirstOrDefault(w => w is not null) ?? word;
        // the names as the asker wrote them together ("omega labs"), not word by word
        return $"{label} does not mention {Spelled(Span(q, names))}. Ask without the section to search the whole note." +
               "\n\nType `sections` to see what each covers.";
    }

    /// <summary>What the note is called: its title, cited.</summary>
    public Answer Title(QuestionFrame q)
    {
        var title = note.Document.Passages.FirstOrDefault(p => p.Section == NoteParser.TitleSection);
        return title is null
            ? new Answer(q.Asked, "The note does not say — it has no title line.\n\nType `sections` to see what the note covers.", true, [], [])
            : new Answer(q.Asked, $"The note is titled “{title.Text}”. [1]", false, [title.ToCitation()], []);
    }

    /// <summary>What the note draws on: the source lines it closes with, each quoted and cited; a refusal when it lists none.</summary>
    public Answer SourceList(QuestionFrame q)
    {
        var lines = note.Units.Where(u => u.Passage.Section == NoteParser.SourcesSection).ToList();
        if (lines.Count == 0)
            return new Answer(q.Asked, "The note does not say — it lists no sources of its own.\n\nType `sections` to see what the note covers.", true, [], []);
        var sb = new StringBuilder("The note lists its sources at the end:\n\n");
        var citations = new List<Citation>();
        foreach (var u in lines)
        {
            citations.Add(u.Passage.ToCitation());
            sb.Append(Quote(u, null)).Append($" [{citations.Count}]\n");
        }
        return new Answer(q.Asked, sb.ToString().TrimEnd(), false, citations, []);
    }

    /// <summary>The note's gist: the opening of its first section, where a note states its bottom line.</summary>
    public Answer Summary(QuestionFrame q)
    {
        var prose = note.Units.Where(u => !u.IsRow && int.TryParse(u.Passage.Section, out _)).ToList();
        // a section that is a table alone has no opening of its own: the note's stands for it
        var section = prose.Where(u => u.Passage.Section == q.SummarySection).Take(2).ToList();
        var opening = section.Count > 0 ? section : prose.Take(2).ToList();
        var sb = new StringBuilder(section.Count == 0
            ? $"The note's bottom line, from its opening (§{opening[0].Passage.Section} {opening[0].Passage.SectionTitle}):\n\n"
            : $"§{opening[0].Passage.Section} {opening[0].Passage.SectionTitle}, in brief:\n\n");
        var citations = new List<Citation>();
        foreach (var u in opening)
        {
            citations.Add(u.Passage.ToCitation());
            sb.Append(Quote(u, null)).Append($" [{citations.Count}]\n");
        }
        sb.Append("\nAsk about any detail — figures, dates, rivals, risks — or type `sections` to browse.");
        return new Answer(q.Asked, sb.ToString(), false, citations, opening.SelectMany(u => note.Hedges.For(u.Id)).DistinctBy(f => f.Reason).ToList());
    }

    /// <summary>"which claims are unverified?", "what are the weakest claims?": every claim the note doubts, in the
    /// note's order, each with its reason; only those of the kind of doubt the question names, when it names one
    /// ("unverified", "own" claims, "extrapolated"). Null when the note states no such doubt.</summary>
    public Answer? DoubtedClaims(QuestionFrame q)
    {
        var words = q.Content.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        bool Verification(string w) => w.Contains("verif", StringComparison.Ordinal) || w.Contains("confirm", StringComparison.Ordinal)
                                       || w is "independently" or "established" or "unproven" or "proven";
        bool Wanted(string reason) =>
            words.Any(Verification) ? !Hedges.IsLowerConfidence(reason) && !reason.Contains("separate work", StringComparison.Ordinal)
            : words.Contains("own") ? reason.Contains("own claim", StringComparison.Ordinal) || reason.Contains("-characterized", StringComparison.Ordinal)
            : words.Any(w => w.StartsWith("extrapolat", StringComparison.Ordinal)) ? Hedges.IsLowerConfidence(reason)
            : true;
        var doubted = note.Units.Where(u => !u.IsRow && note.Hedges.Any(u.Id))
            .Select(u => (Unit: u, Flags: note.Hedges.For(u.Id).Where(f => Wanted(f.Reason)).ToList()))
            .Where(x => x.Flags.Count > 0).ToList();
        if (doubted.Count == 0) return null;
        var sb = new StringBuilder("The claims the note itself marks as weaker:\n\n");
        var citations = new List<Citation>();
        foreach (var (unit, flags) in doubted)
        {
            citations.Add(unit.Passage.ToCitation());
            var reason = string.Join("; ", flags.Select(f => f.Reason).Distinct());
            sb.Append($"- {char.ToUpperInvariant(reason[0])}{reason[1..]} (§{unit.Passage.Section}): {Quote(unit, null)} [{citations.Count}]\n");
        }
        return new Answer(q.Asked, sb.ToString().TrimEnd(), false, citations, doubted.SelectMany(x => x.Flags).DistinctBy(f => (f.Reason, f.Section)).ToList());
    }

    /// <summary>What the unit says of the question's words, in its own spelling; words it says side by side stay
    /// together ("Gadget-Eval 2.0", not "Gadget-Eval and 2.0").</summary>
    private static List<string> Mentions(NoteUnit unit, List<(FocusWord f, WordMatch m)> met)
    {
        var placed = met.Where(x => x.m.Offset >= 0).Select(x => (x.m.Offset, Word: NoteWord(unit, x.m, x.f), Asked: x.f.Word))
            .Where(x => SameWord(x.Word, x.Asked)).Select(x => (x.Offset, x.Word))
            .DistinctBy(x => x.Offset).OrderBy(x => x.Offset).ToList();
        var result = new List<string>();
        int end = -1;
        foreach (var (offset, word) in placed)
        {
            // the next word of the unit's text, right after the last one said (a space or a hyphen apart)
            if (result.Count > 0 && offset >= end && SideBySideRegex().IsMatch(unit.Text[end..offset])) { result[^1] += unit.Text[end..offset] + word; }
            else result.Add(word);
            end = Math.Max(end, offset + word.Length);
        }
        result.AddRange(met.Where(x => x.m.Offset < 0).Select(x => NoteWord(unit, x.m, x.f)));
        return result.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The note's word is the asker's word in another form ("scaled" for "scales"), not a word the stemmer
    /// merely folds together with it ("run-rate" for "rating"): the two, or a part of a hyphenated one, begin alike.</summary>
    private static bool SameWord(string noteWord, string asked)
    {
        var head = FocusWord.KeyOf(asked) is var a && a.Length > 4 ? a[..4] : a;
        return noteWord.ToLowerInvariant().Split('-', '/')
            .Any(part => part.StartsWith(head, StringComparison.Ordinal) || head.StartsWith(part, StringComparison.Ordinal));
    }

    // nothing between two words but a space, a hyphen or a possessive ("Acme’s Gadget Test")
    [GeneratedRegex(@"^(?:['’]s)?[\s-]?$")]
    private static partial Regex SideBySideRegex();

    private static string NoteWord(NoteUnit unit, WordMatch m, FocusWord f)
    {
        var word = unit.Words.FirstOrDefault(w => w.Start == m.Offset)?.Text ?? f.Word;
        word = word.TrimEnd('?', '.', '!', ',');
        return English.WithoutPossessive(word);
    }

    private static string Join(IReadOnlyList<string> words) =>
        words.Count <= 1 ? string.Join("", words) : $"{string.Join(", ", words.Take(words.Count - 1))} and {words[^1]}";

    /// <summary>The question's content from the last naming of the one compared thing it names, when something is
    /// asked of it after its name ("Zeta on GizmoTest") and only names come before it (whose figure it is: "what does
    /// the Acme index give …"); null when it names none, or several, or ends with its name, or asks more before it
    /// ("how many researchers did Zeta hire …").</summary>
    private static string? FromThePeer(QuestionFrame q)
    {
        if (q.Peers.Count != 1) return null;
        var content = q.Content.ToList();
        bool Names(FocusWord f) => q.Peers[0].NameWords.Contains(f.Key);
        int last = content.FindLastIndex(Names);
        if (last < 0 || last == content.Count - 1) return null;
        int first = last;
        while (first > 0 && Names(content[first - 1])) first--;
        return content.Take(first).All(f => f.IsName) ? Span(q, content.Skip(first).ToList()) : null;
    }

    /// <summary>Short enough to quote as the asker's own phrase, with no question word in it.</summary>
    private static bool Short(string phrase) =>
        phrase.Length is > 0 and <= 40 && !Tokens.Segments(phrase.ToLowerInvariant()).Any(t => English.QuestionWords.Contains(t.Text));

    /// <summary>What is asked to be given, said after "gives no": "give Zeta a rating" gives a rating to Zeta, so "no
    /// rating for Zeta", not "no Zeta a rating".</summary>
    private static string GivenTo(string asked) =>
        IndirectObjectRegex().Match(asked) is { Success: true } m ? $"{m.Groups["what"].Value} for {m.Groups["to"].Value}" : asked;

    // "Zeta stock a rating": a receiver, then an article before the thing given
    [GeneratedRegex(@"^(?!(?:a|an|the|any)\s)(?<to>\S.*?)\s+(?:a|an)\s+(?<what>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex IndirectObjectRegex();

    /// <summary>The question's own words from the first to the last of <paramref name="words"/> ("buy or sell rating").</summary>
    private static string Span(QuestionFrame q, IReadOnlyList<FocusWord> words)
    {
        if (words.Count == 0) return "";
        int from = words.Min(f => f.Start), to = words.Max(f => f.Start + f.Word.Length);
        var span = q.Text[from..to].Trim().TrimEnd('?', '.', '!', ',');
        // "nothing on Zeta", not "nothing on Zeta's"
        span = English.WithoutPossessive(span);
        return span.Length > 80 ? string.Join(", ", words.Select(f => f.Word)) : span;
    }

    // ---------- headline ----------

    /// <summary>A headline that is one figure, date or cell alone ("**2M units**").</summary>
    [GeneratedRegex(@"^\*\*(?<figure>[^*]+)\*\*$")]
    internal static partial Regex BareHeadlineRegex();

    /// <summary>The quotes an answer keeps beside a headline: those that answer the question's own parts and sides,
    /// and others nearly as likely as the first.</summary>
    private List<Scored> KeptBesideHeadline(Evidence evidence) =>
        evidence.Units.Where((s, i) => i < evidence.OwnCount || s.Probability >= evidence.Units[0].Probability * tuning.FlagQuoteRatio).ToList();

    private string? Headline(QuestionFrame q, Evidence evidence)
    {
        // figures in general are listed by their quotes: no one of them is the answer; nor, asked which things beat a
        // named one, is that one's own figure, the only one its quotes may headline when no table settles the question
        if (q.AsksFigures || q.Beyond != 0) return null;
        var primary = evidence.Units[0];
        // "which section talks about X?": the sections its quotes stand in (the quotes a headline keeps), the first's first
        if (q.AsksWhichSection && q.Type != AnswerType.YesNo)
            return $"**{Join(KeptBesideHeadline(evidence).Select(s => s.Unit.Passage.ToCitation().SectionLabel).Distinct().ToList())}**";
        var unit = primary.Unit;
        // "paid Quill messaging vs Wisp ads — which run-rate is bigger?": two things that are not the note's
        // compared things, each given its figure in its own clause
        // ("which grew more in Q4, Zest conversions or Gizmo sales?" offers the two as a choice)
        if (q.Type != AnswerType.YesNo && PhraseComparison(q, evidence) is { } phrased) return phrased;
        // "Acme's best benchmark score?": the most (or least) of the thing's own results the first quote lists
        if (OwnResults.Headline(q, unit) is { } own) return own;
        // "how is the budget split between plants and chips?": each part's own figure, not the whole's
        if (q.Type != AnswerType.YesNo && q.Split is { } split
            && FigureAttachment.SplitFigures(q, unit, primary.Candidate.Matches, tuning.UnmetBelow) is { } parts && parts.All(p => p is not null))
            return string.Join(" · ", split.Parts.Select((p, i) => $"{q.Text[p.From..p.To].Trim().TrimEnd('?', '.', '!').Trim()} **{parts[i]!.Text}**"));
        switch (q.Type)
        {
            case AnswerType.YesNo:
                // "is Acme ahead of Zeta on GizmoTest?", "does the note put Acme ahead of Zeta?": each side's own figure
                // decides it, whatever else the question's form asks (not a choice: "ahead or behind?" is not yes or no)
                if (!q.AsksChoice && ComparedVerdict(q, evidence) is { } compared) return compared;
                // "is Acme ahead of or behind Zeta on GizmoTest?": both figures, and which leads
                if (q is { AsksChoice: true, Comparative: not 0, Peers.Count: 2 } && Sides(q, evidence) is var choiceSides && Versus(q, choiceSides) is { } both)
                    return both + (q.AsksGap ? "" : Leader(choiceSides));
                // "is Acme ahead of Zeta?" naming no measure: the order a quote states in words
                if (!q.AsksChoice && OrderVerdict(q, evidence) is { } ordered) return ordered;
                // "did Acme launch in March 2026?": the date stated is checked against the note's date of the event
                if (DateVerdict(q, primary) is { } dated) return $"{(dated.Holds ? "**Yes**" : "**No**")} — the note says {dated.Date.Text}:";
                if (q.StatedDates.Count > 0) return null;
                // "is there an X?" is a yes when the unit says X; met only in other words, it may be another thing
                // ("a buy rating" met by "paid" and "run-rate"), and falls to the reader's weighing below
                // … but not a claim that one thing is ahead, or the top: the note may say every word of it and rank them
                // the other way ("does the note have Acme ahead of its rivals?" over "Acme trails its rivals")
                if (q.AsksExistence && q.Comparative == 0 && q.Superlative == 0 && UnmetShare(q, primary) == 0 && !Paraphrased(q, primary))
                    return q.ClaimsAbsence ? "**No** — it does:" : "**Yes** — the note says:";
                // "does the note name any of the outlets Acme cites?": the quote names some, said as that kind
                if (q.AsksExistence && q.Comparative == 0 && !q.ClaimsAbsence
                    && Members.NamesMembersOfAsked(q, unit, primary.Candidate.Matches, note.ProperNouns.Contains))
                    return "**Yes** — the note names them:";
                // "is it X or Y?": the quote says which
                if (q.AsksChoice) return null;
                // "is X independently verified?" where the note says X is not: its own doubt is the answer
                // … stated in the first quote, or in another that says enough of the claim (the first may be a watch
                // item that only calls for verification)
                if (q.AsksVerified && evidence.Units.Where(s => s == primary || ClaimUnmet(q, s) < tuning.DoubtOfClaimUnmet)
                        .Select(s => UnverifiedBy(q, s)).FirstOrDefault(d => d is not null) is { } doubt)
                    return $"**No** — {doubt}:";
                // "so Acme spent $41B in 2026?" where the note gives $41B for 2025
                if (OtherPeriodVerdict(q, primary) is { } otherPeriod) return otherPeriod;
                // a figure the question states is checked against the unit's figure for what it asks
                if (FigureVerdict(q, primary) is { } check)
                    return $"{(check.Holds ? "**Yes**" : "**No**")} — the note says {Join(check.Figures.Select(f => f.Text).ToList())}:";
                // "is the Quill run-rate bigger than the Wisp run-rate?": two things named by what they measure, each its
                // own figure (after a bound the question states, "more than 35%", which is checked above)
                if (!q.AsksChoice && PhraseFigures(q, evidence) is { } phraseSides && Verdict(q, phraseSides) is { } weighed) return weighed;
                if (Denies(q, primary)) return "**No** — the note says:";
                // the nearest the note comes leaves the claim's own words unmet: no verdict, for unmet words are a
                // paraphrase ("voice" for "talk out loud", "an order of magnitude less compute" for "cheaper to run")
                // as often as another claim, and a "No" to what the note says in other words is a confident wrong
                // answer, asked about the world or about the note; the closest passage, for the reader to weigh
                if (UnmetShare(q, primary) >= tuning.NotSaidUnmet) return "**Not in those words** — the closest the note comes:";
                // the quote meets the question only in other words: not the claim as asked, for the reader to weigh
                // ("did the press call the push modest?" → "an aggressive hiring campaign")
                return Paraphrased(q, primary) ? "**Not in those words** — the note says:" : null;
            // a comparison headlines each side's figure when the question asks for one: a quantity, or a named measure
            case not AnswerType.YesNo when (q.Peers.Count >= 2 || (q.Comparison && q.Peers.Count >= 1))
                                           && (q.Type is AnswerType.Quantity or AnswerType.Duration || NamesAMeasure(q)):
                return Comparison(q, evidence) ?? (q.Type is AnswerType.Quantity or AnswerType.Duration ? null : RowCellHeadline(q, primary));
            // "acme vs zeta in speed", "which is better at speed, acme or zeta?": a measure in plain words, where a quote
            // gives each side its own figure in a clause that says it ("… nearly matching Zeta in speed, 40% versus 41%")
            // (not "what is acme worse at than zeta?", which asks the measure itself: one measure's figures are no answer)
            case not AnswerType.YesNo when q.Peers.Count == 2 && q.Comparison && !MeasureAskedRegex().IsMatch(q.Text) && SideBySide(q, evidence) is { } sided:
                return sided;
            // "how much did Acme Widget grow?" answered from a unit that does not say "Acme Widget" as a whole ("Acme
            // bought 40% of Zeta Widget"): its figure is not the named thing's, and the quote speaks for itself
            case AnswerType.Quantity or AnswerType.Duration or AnswerType.Date when LeavesOutAName(q, unit):
                return null;
            case AnswerType.Quantity or AnswerType.Duration:
            {
                // "what context window and WidgetBench score does Acme cite?": each measure asked, with its own figure
                if (EachMeasure(q, evidence) is { } each) return each;
                // the best-fitting figure of those that can be the asked thing's (in a clause two things own, the one in its place)
                var figure = FigureAttachment.Figures(q, unit, primary.Candidate.Matches).FirstOrDefault(f => OwnTurn(q, unit, f));
                if (figure is not null && Headlined(figure) && (q.Type != AnswerType.Duration || figure.KindFits) && !OwnedByUnasked(q, primary, figure)
                    && !MeasureUnsaid(q, primary))
                    return RangeEndOf(q, unit, figure) ?? $"**{Bounded(unit, figure)}**";
                return CellCounts(q, primary) ? RowCellHeadline(q, primary) : null;
            }
            // "who built Zeta?": the maker the note names beside it ("Omega describes Zeta …"), from the first quote that does
            case AnswerType.Person when q.AsksMaker && evidence.Units.Select(s => q.Peers[0].MakerIn(s.Unit.Text)).FirstOrDefault(m => m is not null) is { } maker:
                return $"**{maker}**";
            // "who runs Acme Works?": the leader a quote names with the thing asked about ("Acme Works under Dana Reed"),
            // the first quote that does
            case AnswerType.Person when q.VerbAfterWho >= 0 && English.LeadingVerbs.Contains(q.Focus[q.VerbAfterWho].Key):
                return evidence.Units.SelectMany(s => English.LeadersIn(s.Unit.Text)).FirstOrDefault(l => Terms.OfWord(l.Led.ToLowerInvariant()) is { Count: > 0 } led
                    && q.Focus.Any(f => !f.IsFrame && f.Terms.Count > 0 && f.Terms.All(led.Contains))) is { Leader.Length: > 0 } named ? $"**{named.Leader}**" : null;
            case AnswerType.Date:
            {
                var date = FigureAttachment.Dates(q, unit, primary.Candidate.Matches) is [var d, ..] ? d : null;
                if (date is not null && Headlined(date)) return $"**{date.Text}**";
                // no date, but when in words: said as the note's words, never as a date
                return date is null && Language.English.VagueTimeIn(unit.Text) is { } when ? $"No date — the note says “{when.Value}”:" : null;
            }
            default:
                // "what were the Zest conversions lift and the Wisp ads run-rate?": several measures listed, each
                // with its figure in a clause that says it
                return (q.Peers.Count == 1 && NamesAMeasure(q) || q.Type is AnswerType.List or AnswerType.Description ? EachMeasure(q, evidence) : null)
                       ?? RowCellHeadline(q, primary) ?? MeasureResult(q, primary);
        }
    }

    /// <summary>
    /// "how did Acme do on GadgetEval?", "Acme on GadgetEval?": a question that names one compared thing and a measure
    /// asks for the thing's figure on it, however it is worded. Headlined when one figure's own clause (or the clause it
    /// carries on from: "… at 40% on GadgetEval, just behind Zeta at 41%") is that thing's and says the measure itself.
    /// </summary>
    private string? MeasureResult(QuestionFrame q, Scored s)
    {
        if (q.Peers.Count != 1 || q.Comparison || !NamesAMeasure(q)) return null;
        var measure = q.Focus.Select((f, i) => (f, m: s.Candidate.Matches[i])).Where(x => !x.f.IsFrame && x.f.IsName && !q.PeerWords.Contains(x.f.Key)).ToList();
        var figure = FigureAttachment.Figures(q, s.Unit, s.Candidate.Matches).FirstOrDefault(f => OwnTurn(q, s.Unit, f));
        return figure is not null && figure.OwnerFits >= 1 && Headlined(figure)
               && measure.All(x => x.m.Exact && FigureAttachment.InOwnClause(s.Unit, figure.Segment, x.m.Offset)) ? $"**{Bounded(s.Unit, figure)}**" : null;
    }

    /// <summary>The question says one of the note's names of several words ("acme widget") that the unit does not say
    /// as a whole. A compared thing's full name is not left out where the unit calls it by an alias of its own ("Acme"
    /// for "Acme Widget"): whose each figure is, is then for the figure's owner to say.</summary>
    private bool LeavesOutAName(QuestionFrame q, NoteUnit unit) =>
        note.NamePhrases.Any(name => SaysName(q.Text, name) && !SaysName(unit.Text, name)
                                     && !q.Peers.Any(p => p.Label.Equals(name, StringComparison.OrdinalIgnoreCase) && unit.Peers.Contains(p)));

    private static bool SaysName(string text, string name) => NameAt(text, name) >= 0;

    /// <summary>Where <paramref name="text"/> says <paramref name="name"/> as a whole word (not inside "Acme-2"); −1 if nowhere.</summary>
    private static int NameAt(string text, string name) =>
        !text.Contains(name, StringComparison.OrdinalIgnoreCase) ? -1
        : Regex.Match(text, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])", RegexOptions.IgnoreCase) is { Success: true } m ? m.Index : -1;

    /// <summary>"the top end of the guide" answered by a range: that end, with the range it ends ("**$5B** (the top of
    /// $4B-$5B)"); null when the figure is no range or no end is asked.</summary>
    private static string? RangeEndOf(QuestionFrame q, NoteUnit unit, Attached figure) =>
        q.RangeEnd != 0 && Quantities.RangeEnds(figure.Text) is var (low, high)
            ? $"**{(q.RangeEnd > 0 ? high : low)}** (the {(q.RangeEnd > 0 ? "top" : "bottom")} of {Bounded(unit, figure)})" : null;

    /// <summary>The figure as the note qualifies it: "more than 40 units", "nearly 50%", never the bare number alone, which
    /// would say more than the note does; in a table, the whole cell the figure opens and is the only figure of
    /// ("2M in beta", "5M units"), whose words after the figure are its qualifier.</summary>
    private static string Bounded(NoteUnit unit, Attached figure)
    {
        // the cell's clause segment knows where its "Header: " begins, so where the cell's own text does
        if (unit.IsRow && unit.SegmentAt(figure.Start) is { Header: { } header, HeaderStart: >= 0 } clause && clause.HeaderStart + header.Length + 2 == figure.Start
            && unit.Passage.Cells!.First(c => c.Key == header).Value is var cell && cell.Length > figure.Text.Length
            && unit.Figures.Count(f => f.Start >= figure.Start && f.Start < figure.Start + cell.Length) == 1)
            return cell;
        return English.QualifierBefore(unit.Text[..Math.Clamp(figure.Start, 0, unit.Text.Length)]) is { } bound ? $"{bound} {figure.Text}" : figure.Text;
    }

    /// <summary>The unit's figures for what a question asks, checked against those it states ("is Acme's backlog
    /// 3M?"), where they are clear enough to headline; null when it states none or the unit gives none so.</summary>
    public (bool Holds, IReadOnlyList<Attached> Figures)? FigureVerdict(QuestionFrame q, Scored s) =>
        FigureAttachment.Check(q, s.Unit, s.Candidate.Matches, a => OwnTurn(q, s.Unit, a)) is { } check
        && check.Figures.All(f => Headlined(f) && !OwnedElsewhere(q, s.Unit, f)) ? check : null;

    /// <summary>"Zeta's window is 6M?" checked against "a 2M window is a drawback, and Acme trails Zeta …": the figure's
    /// clause names nobody, while another clause of the unit names the thing asked about, so the figure is not shown
    /// to be its (it is most likely the note's own subject's).</summary>
    private static bool OwnedElsewhere(QuestionFrame q, NoteUnit unit, Attached a) =>
        q.Peers.Count > 0 && a.Segment.Owners.Count == 0
        && unit.Segments.Any(g => !ReferenceEquals(g, a.Segment) && g.Owners.Any(q.Peers.Contains));

    /// <summary>The note's date of the event a question dates (<see cref="QuestionFrame.StatedDates"/>), where it is
    /// clear enough to headline, and whether it is as stated. A day the claim states that the note's date shares, its
    /// year aside ("… on December 16, 2026?" of "effective December 16, 2025"), names the event by itself: the
    /// claim's own most specific word may then be a paraphrase ("kicked in" for "became effective"), so long as
    /// the date's clause still carries the claim overall, and a yes must not confirm a scope the note does not say
    /// ("everywhere" of "in most regions").</summary>
    public (bool Holds, Attached Date)? DateVerdict(QuestionFrame q, Scored primary) =>
        FigureAttachment.CheckDate(q, primary.Unit, primary.Candidate.Matches) is { } check
        && (Headlined(check.Date) || (check.SameDay && (!check.Holds || !ScopeUnsaid(q, primary.Unit)) && Headlined(check.Date with { Weakest = 1 })))
            ? (check.Holds, check.Date) : null;

    /// <summary>A figure is bold-faced as the answer only when its own clause carries the question: enough of it
    /// overall, its most specific word too, at least one of its words said in that clause, and nothing that ties it
    /// to another compared thing or period. Otherwise
    /// the quotes speak for themselves: a confident wrong figure is the worst answer.</summary>
    private bool Headlined(Attached a) =>
        a.Attachment >= tuning.HeadlineAttachment && a.Weakest >= tuning.HeadlineWeakest && a.OwnerFits > 0 && a.PeriodFits > 0
        && a.OwnClause && a.MeasureMet >= tuning.UnmetBelow;

    /// <summary>The note's own doubt that the unit's claim is verified (not independently verified or revalidated,
    /// still to be confirmed, or needing separate work), in its reason's words; null when it states none, or only a
    /// lower confidence, which is no statement that the claim is unchecked.</summary>
    private string? UnverifiedBy(QuestionFrame q, Scored s)
    {
        var unit = s.Unit;
        var doubts = note.Hedges.For(unit.Id, unit.IsRow ? AskedCells(q, s) ?? AnsweringCells(q, s) : null, unit.IsRow ? null : MetOffsets(q, s));
        return doubts.Select(f => f.Reason).FirstOrDefault(r => !Hedges.IsLowerConfidence(r));
    }

    /// <summary>The question names something other than the compared things ("… on WidgetBench"): a measure to compare on.</summary>
    private static bool NamesAMeasure(QuestionFrame q) => q.Content.Any(f => f.IsName && !q.PeerWords.Contains(f.Key));

    /// <summary>Each side's figure where one quoted sentence sets the two side by side, in a clause both own ("… nearly
    /// matching Zeta in speed, 40% versus 41%"): one measure for both, so a measure asked in plain words is compared on
    /// it. Figures from separate places may measure different things (one row's context window, the other's index).</summary>
    private string? SideBySide(QuestionFrame q, Evidence evidence) =>
        evidence.Units.Take(evidence.OwnCount)
            .Where(s => !s.Unit.IsRow && s.Unit.Segments.Any(g => q.Peers.All(g.Owners.Contains) && s.Unit.Figures.Any(f => g.Holds(f.Start))))
            .Select(s => Comparison(q, new Evidence([s]))).FirstOrDefault(c => c is not null);

    // "what is Acme worse at than Zeta?", "where is it ahead on?": a comparative with a preposition left without its
    // object asks in what the one is ahead or behind
    [GeneratedRegex(@"\b(?:better|worse|stronger|weaker|ahead|behind|lags?|trails?|leads?)\s+(?:at|in|on)\s*(?:than\b|[?.!]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureAskedRegex();

    /// <summary>"**Acme 40%** vs **Zeta 33%**": each side's own figure for the asked measure.</summary>
    private string? Comparison(QuestionFrame q, Evidence evidence) => Versus(q, Sides(q, evidence));

    /// <summary>The comparison headline from each side's figure; null with fewer than two sides.</summary>
    private static string? Versus(QuestionFrame q, IReadOnlyList<(string Peer, string Figure)> sides)
    {
        if (sides.Count < 2) return null;
        return sides.Select(x => Quantities.Digits(x.Figure)).Distinct().Count() == 1
            ? $"{string.Join(" and ", sides.Select(x => $"**{x.Peer}**"))}: both **{sides[0].Figure}**"
            : string.Join(" vs ", sides.Select(x => $"**{x.Peer} {x.Figure}**")) + ChoiceAndGap(q, sides);
    }

    /// <summary>
    /// "**Quill messaging $1B** vs **Wisp ads $5B**": for the two things the question compares in its own words
    /// (<see cref="QuestionFrame.PhraseSides"/>), a quoted unit gives each a figure of one kind in a clause that says
    /// most of that side's words. Null when either side has no such figure of its own, or both land on the same one.
    /// </summary>
    private static string? PhraseComparison(QuestionFrame q, Evidence evidence) =>
        PhraseFigures(q, evidence) is [var one, var other] ? $"**{one.Peer} {one.Figure}** vs **{other.Peer} {other.Figure}**" + Choice(q, [one, other]) : null;

    /// <summary>The two sides the question names in its own words, each with its figure (see <see cref="PhraseComparison"/>).</summary>
    private static IReadOnlyList<(string Peer, string Figure)>? PhraseFigures(QuestionFrame q, Evidence evidence)
    {
        if (q.PhraseSides is not var (left, right)) return null;
        // each figure of the answer's own quotes with the terms of its clause
        var figures = evidence.Units.Take(evidence.OwnCount)
            .SelectMany(s => s.Unit.Figures.Select(f => (s.Unit, Figure: f, Clause: ClauseTerms(s.Unit, f)))).ToList();
        static int Said(HashSet<string> clause, IEnumerable<FocusWord> words) => words.Count(f => f.Terms.All(clause.Contains));
        var sides = new List<(IReadOnlyList<FocusWord> Words, Figure Figure, HashSet<string> Clause)>();
        foreach (var side in new[] { left, right })
        {
            var best = figures.Select(x => (x.Figure, x.Clause, said: Said(x.Clause, side)))
                .Where(x => x.said * 2 >= side.Count && x.said > 0)
                .OrderByDescending(x => x.said).FirstOrDefault();
            if (best.Clause is null) return null;
            sides.Add((side, best.Figure, best.Clause));
        }
        var (one, other) = (sides[0], sides[1]);
        // both sides on one figure (each figure has its own clause set), or figures of different kinds: no comparison
        if (ReferenceEquals(one.Clause, other.Clause) || one.Figure.Kind != other.Figure.Kind) return null;
        // each side named by its own words, not the measure both clauses say ("run-rates of")
        string Label(IReadOnlyList<FocusWord> words, HashSet<string> rival) =>
            words.Where(f => Said(rival, [f]) == 0).ToList() is { Count: > 0 } own ? Span(q, own) : Span(q, words);
        return [(Label(one.Words, other.Clause), one.Figure.Text), (Label(other.Words, one.Clause), other.Figure.Text)];
    }

    /// <summary>The terms of the words in a figure's own clause.</summary>
    private static HashSet<string> ClauseTerms(NoteUnit unit, Figure figure)
    {
        var clause = unit.SegmentAt(figure.Start);
        return unit.Words.Where(w => clause.Holds(w.Start)).SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The figure a one-figure question would headline fits it in all but whose it is: its clause in a list of
    /// figures names an owner the question does not ("… Gizmo tools reached a $4B revenue run-rate, …" for "what was
    /// Acme's Q4 revenue?"). The note gives that figure for another thing and none for what was asked.
    /// </summary>
    public bool BestFigureOwnedByUnasked(QuestionFrame q, Scored s)
    {
        if (q.Type != AnswerType.Quantity || !FigureAttachment.AsksOneFigure(q)) return false;
        var figure = FigureAttachment.Figures(q, s.Unit, s.Candidate.Matches).FirstOrDefault(f => OwnTurn(q, s.Unit, f));
        // whether or not it would be headlined: the asked measure, of the asked kind, for the asked period, in its own clause
        return figure is not null && figure.KindFits && figure.OwnClause && figure.PeriodFits > 0 && figure.MeasureMet >= tuning.UnmetBelow
               && OwnedByUnasked(q, s, figure);
    }

    /// <summary>
    /// In a sentence that lists figures clause by clause ("Gizmo tools reached a $4B revenue run-rate, Zest checkout
    /// drove a 3% lift, …"), each clause names what its figure belongs to before it. A question that names none of
    /// those words ("revenue in 2025?") asks about something else — the whole company's revenue, say — and that
    /// clause's figure is not its answer, however well the measure matches.
    /// </summary>
    private bool OwnedByUnasked(QuestionFrame q, Scored s, Attached figure)
    {
        var unit = s.Unit;
        if (unit.IsRow || q.Peers.Count > 0) return false;
        if (unit.Segments.Count(g => unit.Figures.Any(f => g.Holds(f.Start))) < 3) return false;
        var owner = unit.Words.Where(w => w.Start >= figure.Segment.Start && w.Start < figure.Start && w.Terms.Count > 0 && !w.Text.Any(char.IsDigit)
                                          && !English.IsStopWord(w.Text.ToLowerInvariant()) && English.WithoutPossessive(w.Text.ToLowerInvariant()) != note.Subject).ToList();
        if (owner.Count < 2) return false;
        var met = MetOffsets(q, s);
        return !owner.Any(w => met.Contains(w.Start) || q.Content.Any(f => f.Terms.Any(w.Terms.Contains))) && !MeasureNamed(q, unit, figure);
    }

    /// <summary>The question names what the figure measures, in specific words its clause says after it ("how much did
    /// views of organic posts rise?" for "… drove a 7% lift in views of organic feed and video posts"): at least two
    /// words that are not mere measure or change nouns ("revenue run rate" names no one's in particular).</summary>
    private static bool MeasureNamed(QuestionFrame q, NoteUnit unit, Attached figure) =>
        // the words after the figure in its clause that the question says, a compound ("run-rate") as one word
        unit.Words.Where(w => w.Start > figure.Start && w.End <= figure.Segment.End && w.Terms.Count > 0)
            .Select(w => w.Text.ToLowerInvariant())
            .Where(w => !English.MeasureNouns.Contains(w) && !English.ChangeNouns.Contains(w))
            .Count(w => q.Focus.Any(f => f.Terms.Any(Terms.OfWord(w).Contains))) >= 2;

    /// <summary>For a figure asked of a row: the thing asked for ("how many <b>models</b>") is what the asked cell's
    /// header or value speaks of, not only the row's label ("Acme Widget" is one widget, not a count of widgets).</summary>
    private bool CellCounts(QuestionFrame q, Scored s)
    {
        if (!s.Unit.IsRow || AskedCells(q, s) is not { Count: 1 } cells) return true;
        var slot = q.Focus.Where(f => f.IsSlot && !f.IsName).ToList();
        var cell = s.Unit.Passage.Cells!.First(c => c.Key == cells.First());
        var terms = Terms.Of($"{cell.Key} {cell.Value}").ToHashSet(StringComparer.Ordinal);
        return slot.Count == 0 || slot.Any(f => f.Terms.Any(terms.Contains));
    }

    /// <summary>Each compared thing the question names with its own headlined figure for the measure asked, in the
    /// order the question names them. None when the sides' figures are of different kinds: a percent set against
    /// "an order of magnitude" or a count of tokens against an index compares two measures, not two things.</summary>
    private List<(string Peer, string Figure)> Sides(QuestionFrame q, Evidence evidence)
    {
        var sides = new List<(string Peer, string Figure)>();
        var kinds = new HashSet<FigureKind>();
        foreach (var peer in q.Peers.OrderBy(p => AskedAt(q, p)))
        {
            var best = evidence.Units.SelectMany(s => FigureAttachment.Figures(q, s.Unit, s.Candidate.Matches, peer).Select(a => (s.Unit, a)))
                .Where(x => x.a.Segment.Owners.Contains(peer) && Headlined(x.a) && InTurn(x.Unit, x.a, peer, q.Peers) && OwnTurn(peer, x.Unit, x.a))
                .OrderByDescending(x => x.a.Attachment).FirstOrDefault();
            if (best.a is null) continue;
            sides.Add((peer.Label, best.a.Text));
            if (best.Unit.Figures.FirstOrDefault(f => f.Start == best.a.Start) is { } figure) kinds.Add(figure.Kind);
        }
        return kinds.Count > 1 ? [] : sides;
    }

    /// <summary>A clause that several compared things own ("places Zeta ahead of Acme, 53 versus 52") gives their
    /// figures in the order it names them: the figure is this one's when it stands in the same place among the
    /// clause's figures as this thing among the names.</summary>
    private static bool InTurn(NoteUnit unit, Attached figure, Peer peer, IReadOnlyList<Peer> asked)
    {
        var owners = asked.Where(figure.Segment.Owners.Contains).ToList();
        if (owners.Count < 2) return true;
        // every figure of the unit in a clause these same things own ("53", "versus 52"), in the order written
        var shared = unit.Figures.Where(f => unit.Segments.FirstOrDefault(g => g.Holds(f.Start)) is { } g && owners.All(g.Owners.Contains))
            .OrderBy(f => f.Start).ToList();
        // one figure for them all ("Zeta and Omega at 57") is each one's
        if (shared.Count == 1) return true;
        var named = owners.Select(p => (p, at: FirstAt(unit.Text, p))).Where(x => x.at < int.MaxValue).OrderBy(x => x.at).Select(x => x.p).ToList();
        return named.Count == owners.Count && shared.Count == named.Count && shared.FindIndex(f => f.Start == figure.Start) == named.IndexOf(peer);
    }

    /// <summary>The unit gives each of the several measures a figure question lists its own figure, in a clause (or
    /// cell) that says that measure: the note answers it, however the scores rate a unit that no one clause fits.</summary>
    public static bool AnswersEachMeasure(QuestionFrame q, Scored unit) =>
        q.Type is AnswerType.Quantity && EachMeasure(q, new Evidence([unit])) is not null;

    /// <summary>
    /// "What context window and WidgetBench score does Acme cite?": a question that lists several measures (joined by
    /// commas and "and") gets each one's figure, labelled in the asker's words ("context window **1M** · WidgetBench
    /// **40%**"), when each is a quoted figure whose own clause (or cell) says that measure's every word. Null
    /// otherwise: one headline figure would answer half the question as if it were the whole.
    /// </summary>
    private static string? EachMeasure(QuestionFrame q, Evidence evidence)
    {
        if (q.Peers.Count > 1 || q.Parts > 1 || !(AndRegex().IsMatch(q.Text) || q.Text.Count(c => c == ',') >= 2)) return null;
        // a change word ("the lifts in X and Y") names the kind of figure, not a measure of the list
        var words = q.Focus.Select((f, i) => (f, i)).Where(x => !x.f.IsFrame && !x.f.IsSubject && !x.f.IsSource && !q.PeerWords.Contains(x.f.Key) && !x.f.Word.All(char.IsDigit)
                                                             && !IsChange(x.f))
            .OrderBy(x => x.f.Start).ToList();
        // the question's words in runs (nothing but spaces, hyphens or slashes between them: "organic feed/video")
        var runs = new List<List<(FocusWord f, int i)>>();
        foreach (var x in words)
        {
            if (runs.Count > 0 && Gap(runs[^1][^1].f, x.f).Trim(' ', '-', '/').Length == 0) runs[^1].Add(x);
            else runs.Add([x]);
        }
        // the measures listed together: runs joined by commas and "and" ("WidgetBench, GadgetEval and GizmoTest"); of
        // several such lists, the longest whose every measure has its figure, the later of two as long (a request's
        // preamble may list things too: "… the engine and wants the actual proof points: X, Y and Z")
        var lists = new List<List<List<(FocusWord f, int i)>>>();
        for (int from = 0; from < runs.Count; from++)
        {
            int to = from;
            bool hasAnd = false;
            while (to + 1 < runs.Count && Gap(runs[to][^1].f, runs[to + 1][0].f) is var gap && ListGapRegex().IsMatch(gap))
            {
                hasAnd |= AndRegex().IsMatch(gap);
                to++;
            }
            // (chat lists three or more with commas alone: "stats: X, Y, Z"); a list "across" opens names where a
            // measure said before it is counted ("the headcount across X, Y and Z"), not measures of its own
            bool placesOfAMeasure = from > 0 && PlacesListRegex().IsMatch(Gap(runs[from - 1][^1].f, runs[from][0].f));
            if ((hasAnd || to - from >= 2) && to > from && !placesOfAMeasure) lists.Add(runs.GetRange(from, to - from + 1));
            from = to;
        }
        foreach (var list in lists.Select((l, k) => (l, k)).OrderByDescending(x => x.l.Count).ThenByDescending(x => x.k).Select(x => x.l))
            if (Figured(list) is { } figured) return figured;
        return null;

        string? Figured(List<List<(FocusWord f, int i)>> list)
        {
            var found = new List<string>();
            foreach (var measure in list)
            {
                var figure = evidence.Units.SelectMany(u => FigureAttachment.Figures(q, u.Unit, u.Candidate.Matches)
                        .Where(a => a.OwnerFits >= 1 && a.PeriodFits > 0 && OwnTurn(q, u.Unit, a)
                                    && measure.All(x => u.Candidate.Matches[x.i] is { Exact: true } said
                                                        // (a word the unit says twice is met in this clause if it is said there: "lift")
                                                        && (FigureAttachment.InOwnClause(u.Unit, a.Segment, said.Offset)
                                                            || u.Unit.Words.Any(w => a.Segment.Holds(w.Start) && x.f.Terms.Count > 0 && x.f.Terms.All(w.Terms.Contains)))))
                        // a cell under the measure's own header is given whole, with the note's qualifier ("2M units in trial")
                        .Select(a => u.Unit.IsRow && a.Segment.Header is { } header && Terms.Of(header) is var said && measure.All(x => x.f.Terms.All(said.Contains))
                            ? u.Unit.Text[a.Segment.Start..a.Segment.End].Trim() : Bounded(u.Unit, a)))
                    .FirstOrDefault();
                if (figure is null) return null;
                // labelled in the asker's words, with the change word that ends it ("Zest time-spent lift", "Zest views
                // lift"); a frame word the list shares ("… and GadgetEval scores") is no part of the last one
                int end = measure[^1].f.Start + measure[^1].f.Word.Length, at = end;
                foreach (var f in q.Focus.Where(f => f.Start >= end).OrderBy(f => f.Start))
                {
                    if (!(IsChange(f) || f.IsFrame) || q.Text[at..f.Start].Trim(' ', '-').Length > 0) break;
                    at = f.Start + f.Word.TrimEnd('?', '.', '!', ',').Length;
                    if (IsChange(f)) end = at;
                }
                found.Add($"{q.Text[measure[0].f.Start..end]} **{figure}**");
            }
            return string.Join(" · ", found);
        }

        static bool IsChange(FocusWord f) => English.ChangeWords.Contains(f.Key) || English.ChangeNouns.Contains(English.Singular(f.Key));

        // the text between two words, without the question's frame words ("scores", "numbers") or change words in it
        string Gap(FocusWord a, FocusWord b)
        {
            int from = Math.Min(a.Start + a.Word.Length, b.Start);
            var gap = new StringBuilder(q.Text[from..b.Start]);
            foreach (var f in q.Focus.Where(f => (f.IsFrame || IsChange(f)) && f.Start >= from && f.Start + f.Word.Length <= b.Start))
                gap.Remove(f.Start - from, f.Word.Length).Insert(f.Start - from, new string(' ', f.Word.Length));
            return gap.ToString();
        }
    }

    [GeneratedRegex(@"\band\b", RegexOptions.IgnoreCase)]
    private static partial Regex AndRegex();

    // what opens a list of places a measure spreads over: "across", "among", "throughout" (not "in", "on" or "for",
    // which as often open the measures: "the lift in X and Y", "what did it do for X clicks and Y conversions")
    [GeneratedRegex(@"\b(?:across|among|throughout)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlacesListRegex();

    // between two measures of a list: a comma, "and", and a determiner or preposition ("…, and its context window")
    [GeneratedRegex(@"^[\s,]*(?:and\s+)?(?:(?:its|their|the|his|her|for|on|in)\s+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex ListGapRegex();

    /// <summary>A figure asked of one compared thing, in a clause that several own ("Acme nearly matching Zeta, 40%
    /// versus 41%"), is that thing's only when it stands in its place among them.</summary>
    private static bool OwnTurn(QuestionFrame q, NoteUnit unit, Attached figure) => q.Peers.Count != 1 || OwnTurn(q.Peers[0], unit, figure);

    /// <summary>… and so is one side's figure in a comparison, whoever else the clause names ("Acme nearly matching
    /// Zeta, 40% versus 41%" gives Acme 40% when Acme is set against Omega).</summary>
    private static bool OwnTurn(Peer peer, NoteUnit unit, Attached figure) =>
        figure.Segment.Owners.Count < 2 || !figure.Segment.Owners.Contains(peer) || InTurn(unit, figure, peer, figure.Segment.Owners);

    private static int FirstAt(string text, Peer peer) =>
        peer.NameWords.Select(w => NameAt(text, w)).Where(at => at >= 0).DefaultIfEmpty(int.MaxValue).Min();

    /// <summary>Where the question first names a compared thing (the one named first is the one a comparative is about).</summary>
    private static int AskedAt(QuestionFrame q, Peer peer) => FirstAt(q.Text, peer);

    /// <summary>"Is Acme ahead of Zeta on GizmoTest?" answered from the two sides' own figures: Yes or No, with both.
    /// Null unless the question compares exactly two things with a comparative and both figures are of one kind.</summary>
    private string? ComparedVerdict(QuestionFrame q, Evidence evidence) => q.Peers.Count == 2 ? Verdict(q, Sides(q, evidence)) : null;

    /// <summary>Yes or No to a comparative between two sides' figures, with both; null unless there are exactly two,
    /// each one figure of the same kind, and the question says which way it compares.</summary>
    private static string? Verdict(QuestionFrame q, IReadOnlyList<(string Peer, string Figure)> sides)
    {
        if (q.Comparative == 0 || Weigh(sides) is not var (x, y, _)) return null;
        bool holds = Math.Sign(x - y) == q.Comparative;
        // (two equal figures: neither is ahead, which the No alone does not say)
        var standing = GapOf(q, sides) is var (leader, amount) ? $" — {leader} ahead by {amount}" : x == y ? " — tied" : "";
        return $"**{(holds ? "Yes" : "No")}**{ComparedVerdictLead}**{sides[0].Peer} {sides[0].Figure}** vs **{sides[1].Peer} {sides[1].Figure}**{standing}:";
    }

    /// <summary>The choice a comparative asks for and the gap asked, said once: " — higher: Zeta, by 1 point", or
    /// " — Zeta ahead by 1 point" when no choice is asked.</summary>
    private static string ChoiceAndGap(QuestionFrame q, IReadOnlyList<(string Peer, string Figure)> sides)
    {
        var choice = Choice(q, sides);
        return GapOf(q, sides) is not var (leader, amount) ? choice : choice.Length > 0 ? $"{choice}, by {amount}" : $" — {leader} ahead by {amount}";
    }

    /// <summary>" — Zeta ahead": the side whose figure is higher, of two of one kind; "" when they are equal or not of one kind.</summary>
    private static string Leader(IReadOnlyList<(string Peer, string Figure)> sides) =>
        Weigh(sides) is var (x, y, _) && x != y ? $" — {(x > y ? sides[0] : sides[1]).Peer} ahead" : "";

    /// <summary>
    /// "how far behind Zeta is Acme on GadgetEval?": which side leads two sides' scores and by how much ("1 percentage
    /// point"); null unless the question asks how large a difference is and each side is one score written without a
    /// scale (a percentage or a plain number: an amount of money or a range would need restating).
    /// </summary>
    private static (string Leader, string Amount)? GapOf(QuestionFrame q, IReadOnlyList<(string Peer, string Figure)> sides)
    {
        if (!q.AsksGap || Weigh(sides) is not var (x, y, kind) || x == y || kind is not (FigureKind.Percent or FigureKind.Number)
            || sides.Any(s => Quantities.Magnitudes(s.Figure).Count != 1 || Quantities.Scale(s.Figure) != 1)) return null;
        int decimals = sides.Max(s => Quantities.Digits(s.Figure) is var d && d.Contains('.') ? d.Length - d.IndexOf('.') - 1 : 0);
        double gap = Math.Round(Math.Abs(x - y), decimals);
        var unit = (kind == FigureKind.Percent ? "percentage point" : "point") + (gap == 1 ? "" : "s");
        return ((x > y ? sides[0] : sides[1]).Peer, $"{gap.ToString(System.Globalization.CultureInfo.InvariantCulture)} {unit}");
    }

    private const string ComparedVerdictLead = " — the note gives ";

    /// <summary>A headline is a Yes or No weighed from two sides' own figures (see <see cref="Verdict"/>).</summary>
    public static bool IsComparedVerdict(string? headline) =>
        headline is not null && (headline.StartsWith("**Yes**" + ComparedVerdictLead, StringComparison.Ordinal)
                                 || headline.StartsWith("**No**" + ComparedVerdictLead, StringComparison.Ordinal));

    /// <summary>Two sides' magnitudes, each side one figure, both of one kind; null otherwise.</summary>
    private static (double X, double Y, FigureKind Kind)? Weigh(IReadOnlyList<(string Peer, string Figure)> sides)
    {
        if (sides.Count != 2) return null;
        var (a, b) = (Quantities.FiguresIn(sides[0].Figure), Quantities.FiguresIn(sides[1].Figure));
        return a.Count == 1 && b.Count == 1 && a[0].Kind == b[0].Kind
               && Quantities.Magnitudes(sides[0].Figure) is [var x, ..] && Quantities.Magnitudes(sides[1].Figure) is [var y, ..]
            ? (x, y, a[0].Kind) : null;
    }

    /// <summary>"which is bigger, Acme's X or Zeta's?": of two sides' figures of one kind, the one the comparative picks,
    /// said after both ("— bigger: Zeta"); "" when they are equal, not of one kind, or the question is no choice.</summary>
    private static string Choice(QuestionFrame q, IReadOnlyList<(string Peer, string Figure)> sides)
    {
        // (a yes/no has its verdict; "how far ahead is Zeta?" asks an amount, not which)
        if (q.Comparative == 0 || q.Type == AnswerType.YesNo || QuestionReader.HowDegreeRegex().IsMatch(q.Text)
            || Weigh(sides) is not var (x, y, kind) || x == y) return "";
        var picked = Math.Sign(x - y) == q.Comparative ? sides[0] : sides[1];
        bool score = kind is FigureKind.Percent or FigureKind.Number;
        var word = q.Focus.Select(f => f.Key).FirstOrDefault(k => Language.English.ComparativeDirection(k) != 0 && k.EndsWith("er", StringComparison.Ordinal))
                   ?? (q.Comparative > 0 ? (score ? "higher" : "larger") : (score ? "lower" : "smaller"));
        return $" — {word}: {picked.Peer}";
    }

    /// <summary>"is Acme ahead of Zeta?" naming no measure, answered by a quote that states their order in words ("…
    /// places Acme below Zeta and Omega", "Zeta slightly ahead of Acme"): one of the two named before a word of
    /// order and the other right after it (or in the list it opens). Yes or No with those words; null when no quote
    /// states it. Asked on a measure ("is Acme behind Zeta at coding?"), only a quote that speaks of the measure
    /// decides: an order the note states on another ("below Zeta on aggregate scores") is no answer to it.</summary>
    private string? OrderVerdict(QuestionFrame q, Evidence evidence)
    {
        if (q.Comparative == 0 || q.Peers.Count != 2) return null;
        // what the claim is of: the thing the question names first ("is Zeta ahead of Acme?")
        var claimOf = q.Peers.MinBy(p => NamedAt(q.Text, p).Select(m => m.Start).DefaultIfEmpty(int.MaxValue).Min())!;
        var measure = q.Focus.Select((f, i) => (f, i)).Where(x => !x.f.IsFrame && !x.f.IsSubject && !q.PeerWords.Contains(x.f.Key)).Select(x => x.i).ToList();
        foreach (var s in evidence.Units.Where(s => !s.Unit.IsRow && measure.All(i => s.Candidate.Matches[i].Score >= tuning.UnmetBelow)))
        {
            var text = s.Unit.Text;
            var mentions = q.Peers.SelectMany(p => NamedAt(text, p).Select(m => (Peer: p, m.Start, m.End))).OrderBy(m => m.Start).ThenByDescending(m => m.End).ToList();
            if (mentions.Select(m => m.Peer).Distinct().Count() < 2) continue;
            foreach (var word in Tokens.Words(text))
            {
                int direction = Language.English.ComparativeDirection(word.Text.ToLowerInvariant());
                if (direction == 0) continue;
                // the one said last before the word of order, and the other said soon after it, with only names
                // and their list between ("below Zeta, Omega, and Acme")
                var before = mentions.LastOrDefault(m => m.End <= word.Start && OnlyGapBetween(text, m.End, word.Start));
                var after = mentions.FirstOrDefault(m => m.Start >= word.End && m.Peer != before.Peer && ListBetween(text, word.End, m.Start));
                if (before.Peer is null) continue;
                int from = before.Start, to = after.End;
                if (after.Peer is null)
                {
                    // the other named first as what the sentence sets it against: "Against Zeta, Acme appears weaker …"
                    var foil = mentions.LastOrDefault(m => m.End <= before.Start && m.Peer != before.Peer);
                    if (foil.Peer is null || FoilRegex().Match(text[..foil.Start]) is not { Success: true } against
                        || !ClauseGoesOn(text[foil.End..before.Start])) continue;
                    (after, from, to) = (foil, against.Index, word.End);
                }
                int claimed = before.Peer == claimOf ? direction : -direction;
                return $"**{(claimed == q.Comparative ? "Yes" : "No")}** — the note says “{text[from..to]}”:";
            }
        }
        return null;
    }

    /// <summary>Where a compared thing is named in a text: its label, or one of its aliases as a whole word.</summary>
    private static IEnumerable<(int Start, int End)> NamedAt(string text, Peer p) =>
        p.Aliases.Append(p.Label).Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(a => Regex.Matches(text, $@"(?<![\p{{L}}\d]){Regex.Escape(a)}(?![\p{{L}}\d])", RegexOptions.IgnoreCase).Select(m => (m.Index, m.Index + m.Length)));

    /// <summary>Between a name and the word of order after it: at most a few words ("Zeta slightly ahead", "Acme at 52,
    /// behind"), no new clause.</summary>
    private static bool OnlyGapBetween(string text, int from, int to) => to - from <= 24 && NoNewClause(text[from..to]);

    /// <summary>No sentence or clause starts in the text between two words of one claim.</summary>
    private static bool NoNewClause(string between) =>
        !Regex.IsMatch(between, @"[;:.]|\b(?:and|but|while|which|that)\b", RegexOptions.IgnoreCase);

    // "against Zeta", "compared with Zeta", "versus Zeta": what a sentence sets its subject against, before it
    [GeneratedRegex(@"(?:^|[\s(])(?:against|versus|vs\.?|compared\s+(?:with|to)|relative\s+to|next\s+to)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex FoilRegex();

    /// <summary>From the thing set against to the subject: one comma at most and a few words ("Against Zeta, Acme"), no
    /// new sentence or clause.</summary>
    private static bool ClauseGoesOn(string between) => between.Length <= 40 && NoNewClause(between);

    /// <summary>Between the word of order and the name after it: "of", "than", or names in a list ("below Zeta, Omega,
    /// and Acme").</summary>
    private static bool ListBetween(string text, int from, int to) =>
        to - from <= 60 && Regex.IsMatch(text[from..to], @"^(?:\s+(?:of|than|to))?(?:\s+[\p{Lu}\d][\p{L}\d.-]*)*(?:,?\s+(?:and\s+)?(?:[\p{Lu}\d][\p{L}\d.-]*\s*)+)*,?\s*(?:and\s+)?$");

    /// <summary>A table row whose column the question names: that cell is the answer. Not to a question of how far to
    /// trust something ("how reliable are the benchmark numbers?"), unless the column itself speaks of trust: a
    /// benchmark cell says what was measured, not how sure the note is of it.</summary>
    private string? RowCellHeadline(QuestionFrame q, Scored s)
    {
        if (!s.Unit.IsRow) return null;
        var cells = AskedCells(q, s);
        if (cells is not { Count: 1 }) return null;
        if (q.AsksConfidence && !QuestionReader.SpeaksOfConfidence(cells.First())) return null;
        // "which models got a 1M context?" asks for rows by the kind its label column names: one row's cell is no answer
        if (q.MemberHead >= 0 && s.Unit.Passage.Cells is [var label, ..] && q.Focus[q.MemberHead].Terms is { Count: > 0 } kind
            && Terms.Of(label.Key).Any(kind.Contains)) return null;
        var value = s.Unit.Passage.Cells!.First(c => c.Key == cells.First()).Value;
        if (q.Type == AnswerType.Quantity && LeavesAFigureWordUnmet(q, s, cells.First(), value)) return null;
        return value.Length <= 120 ? $"**{value}**" : null;
    }

    /// <summary>"what's Zeta's number on the gizmo-speed benchmark?" answered by the row's benchmark cell, which gives
    /// another benchmark's figure: the question narrows the column's own word ("benchmark") with a word right before
    /// it that the cell does not meet, so the cell is not the figure asked.</summary>
    private bool LeavesAFigureWordUnmet(QuestionFrame q, Scored s, string header, string value)
    {
        var unit = s.Unit;
        if (unit.SpanOf(header, value) is not { } cell) return false;
        var headerTerms = Terms.Of(header).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i + 1 < q.Focus.Count; i++)
        {
            var (f, next) = (q.Focus[i], q.Focus[i + 1]);
            if (f.IsFrame || f.IsSubject || f.IsName || q.PeerWords.Contains(f.Key) || f.Terms.Count == 0 || f.Terms.All(headerTerms.Contains)
                || next.Terms.Count == 0 || !next.Terms.All(headerTerms.Contains)
                || q.Text.AsSpan(f.Start + f.Word.Length, Math.Max(0, next.Start - f.Start - f.Word.Length)).Trim().Length > 0) continue;
            var m = s.Candidate.Matches[i];
            if (m.Score < tuning.UnmetBelow || m.Offset < cell.From || m.Offset >= cell.To) return true;
        }
        return false;
    }

    /// <summary>The cells of a row that answer when the question names no column: those where the question's words
    /// find their best matches, by weight, the same word or a paraphrase ("helps in broad strokes" → the cell that says
    /// "high-level support"; "vendor-specific calls on optics" → the cell that names them).</summary>
    /// <returns>Null when no word of the question is met in a cell: then the whole row answers.</returns>
    private IReadOnlyCollection<string>? AnsweringCells(QuestionFrame q, Scored s)
    {
        var cells = CellSpans(s.Unit);
        var naming = QuestionReader.TableNaming(q);
        var weight = cells.ToDictionary(c => c.Key, _ => 0.0);
        var own = new List<string>();
        // each cell's terms, read once for the words below
        var valueTerms = s.Unit.Passage.Cells!.ToDictionary(c => c.Key, c => Terms.Of(c.Value).ToHashSet(StringComparer.Ordinal));
        for (int i = 0; i < q.Focus.Count; i++)
        {
            var (f, m) = (q.Focus[i], s.Candidate.Matches[i]);
            if (f.IsFrame || naming.Contains(i) || m.Offset < 0 || m.Score < tuning.UnmetBelow) continue;
            var meeting = cells.Where(c => m.Offset >= c.From && m.Offset < c.To && !(m.Offset < c.ValueFrom && NamesTheRowNotTheColumn(f, c.Key))).ToList();
            foreach (var c in meeting) weight[c.Key] += f.Weight * m.Score;
            // a word the question says exactly that only one cell's value says is answered by that cell
            if (m.Exact && meeting is [var only] && m.Offset >= only.ValueFrom
                && !valueTerms.Any(c => c.Key != only.Key && f.Terms.Any(c.Value.Contains))) own.Add(only.Key);
        }
        double most = weight.Count > 0 ? weight.Values.Max() : 0;
        return most <= 0 ? null : weight.Where(x => x.Value >= most - 1e-9).Select(x => x.Key).Union(own).ToList();
    }

    /// <summary>The columns of a row the question asks for: for each part of the question, the headers that use the
    /// most of its words, leaving out the words that only name the table ("in the <b>validates / does-not-validate</b>
    /// table, why does … matter?" asks for the "why it matters" column).</summary>
    private IReadOnlyCollection<string>? AskedCells(QuestionFrame q, Scored s)
    {
        var cells = s.Unit.Passage.Cells!;
        // "why …?" asks the column that says why ("Why it matters"), or, in a table with none, no one column
        if (q.AsksWhy)
            return cells.Skip(1).Where(c => c.Value.Length > 0 && WhyHeaderRegex().IsMatch(c.Key)).Select(c => c.Key).ToList() is { Count: > 0 } why ? why : null;
        var naming = QuestionReader.TableNaming(q);
        // a header's word that another cell of the row says ("does it say the launch justifies …" of a row under
        // "What this launch supports" whose other cell says "… off one product launch") may be what is claimed, not
        // the column named
        var saidIn = cells.Skip(1).ToDictionary(c => c.Key, c => Terms.Of(c.Value).ToHashSet(StringComparer.Ordinal));
        bool SaidElsewhere(string header, string term) => saidIn.Any(x => x.Key != header && x.Value.Contains(term));
        var asked = new List<string>();
        bool partOfNoColumn = false;
        List<(string Key, int From, int ValueFrom, int To)>? spans = null;
        // "the infrastructure read-through row": a word that names the row by its label ("read-through") does not also
        // name a column whose header shares it ("Key read-through"), unless the question says it again
        var label = s.Unit.LabelTerms;
        bool NamesTheRow(FocusWord f) => f.Terms.Count > 0 && f.Terms.All(label.Contains) && q.Focus.Count(g => g.Key == f.Key) == 1;
        foreach (var part in q.Focus.Select(f => f.Part).Distinct())
        {
            var said = q.Focus.Where((f, i) => f.Part == part && !naming.Contains(i)).ToList();
            var words = said.Where(f => !NamesTheRow(f)).ToList();
            var hits = cells.Skip(1).Where(c => c.Value.Length > 0)
                .Select(c => (c.Key, hits: Terms.Of(c.Key).Count(t => !SaidElsewhere(c.Key, t)
                                                                    && words.Any(f => f.Terms.Contains(t) && !NamesTheRowNotTheColumn(f, c.Key)))))
                .Where(x => x.hits > 0).ToList();
            if (hits.Count == 0)
            {
                // ("what does the table say about the supply read-through, and why does it matter?": a part that names
                // the row and no column asks what the row says as a whole)
                partOfNoColumn |= SaysInACell(q, s, part, naming, spans ??= CellSpans(s.Unit)) || words.Count < said.Count;
                continue;
            }
            int most = hits.Max(x => x.hits);
            asked.AddRange(hits.Where(x => x.hits == most && !asked.Contains(x.Key)).Select(x => x.Key));
        }
        // "what's the strategy shift, and why does it matter?": a part that names no column but whose words a cell of
        // the row says asks what the row says as a whole, beside the column another part names
        if (asked.Count == 0 || partOfNoColumn) return null;
        // "on inference scale, what does the launch not tell us yet?": what is not known of a row is its column of the
        // note's doubts ("What still requires separate work"), not the column a header word ("launch") names
        if (AsksWhatIsNotKnownRegex().IsMatch(q.Text)
            && cells.Skip(1).Where(c => c.Value.Length > 0 && note.Hedges.For(s.Unit.Id, [c.Key]).Count > 0).Select(c => c.Key).ToList() is { Count: > 0 } doubted
            && !asked.Any(doubted.Contains))
            asked = doubted;
        // "does the launch tell us the cadence of the build-out?": a header word ("launch") names one column, while
        // another cell's value carries the question; that cell answers too
        if (CarriesTheQuestion(q, s, naming) is { } carrier && !asked.Contains(carrier)) asked.Add(carrier);
        return asked;
    }

    /// <summary>A row's cell under a column the note doubts ("What still requires separate work") carries the
    /// question (<see cref="CarriesTheQuestion"/>).</summary>
    public bool DoubtCarriesTheQuestion(QuestionFrame q, Scored s) => CarriesTheQuestion(q, s) is { } cell && note.Hedges.For(s.Unit.Id, [cell]).Count > 0;

    /// <summary>The cell of a row whose value meets at least half the question's content (by weight, met words only;
    /// the words met in the row's label name the row and are left out), more than any other cell's value does; null
    /// when none does.</summary>
    private string? CarriesTheQuestion(QuestionFrame q, Scored s, HashSet<int>? naming = null)
    {
        if (!s.Unit.IsRow) return null;
        naming ??= QuestionReader.TableNaming(q);
        var spans = CellSpans(s.Unit);
        var weight = spans.ToDictionary(c => c.Key, _ => 0.0);
        // the words that name the row by its label ("on inference scale, …") say which row, not what its cell must say
        var label = s.Unit.Passage.Cells![0];
        var (labelFrom, labelTo) = s.Unit.SpanOf(label.Key, label.Value) is { } said ? (said.From, said.To) : (-1, -1);
        double total = 0;
        for (int i = 0; i < q.Focus.Count; i++)
        {
            var (f, m) = (q.Focus[i], s.Candidate.Matches[i]);
            if (f.IsFrame || naming.Contains(i) || (m.Score >= tuning.UnmetBelow && m.Offset >= labelFrom && m.Offset < labelTo)) continue;
            total += f.Weight;
            if (m.Offset < 0 || m.Score < tuning.UnmetBelow) continue;
            foreach (var c in spans.Where(c => m.Offset >= c.ValueFrom && m.Offset < c.To)) weight[c.Key] += f.Weight * m.Score;
        }
        if (weight.Count == 0 || total <= 0) return null;
        var best = weight.MaxBy(x => x.Value);
        return best.Value >= total / 2 && weight.All(x => x.Key == best.Key || x.Value < best.Value) ? best.Key : null;
    }

    /// <summary>A content word of the part (not a name, nor one naming the table) is met in a cell's value of the row,
    /// past its label.</summary>
    private bool SaysInACell(QuestionFrame q, Scored s, int part, ICollection<int> naming, List<(string Key, int From, int ValueFrom, int To)> cells) =>
        q.Focus.Select((f, i) => (f, i)).Any(x => x.f.Part == part && !x.f.IsFrame && !x.f.IsName && !naming.Contains(x.i)
            && s.Candidate.Matches[x.i] is { Offset: >= 0 } m && m.Score >= tuning.UnmetBelow && cells.Any(c => m.Offset >= c.ValueFrom && m.Offset < c.To));

    /// <summary>Each cell of a row past its label, where the unit's text says it ("Header: value"): its header, where
    /// that starts, where the value starts, and where it ends.</summary>
    private static List<(string Key, int From, int ValueFrom, int To)> CellSpans(NoteUnit unit) =>
        unit.Passage.Cells!.Skip(1).Where(c => c.Value.Length > 0)
            .Select(c => (c.Key, Span: unit.SpanOf(c.Key, c.Value))).Where(c => c.Span is not null)
            .Select(c => (c.Key, c.Span!.Value.From, c.Span.Value.ValueFrom, c.Span.Value.To)).ToList();

    [GeneratedRegex(@"^\s*(?:why|reason)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhyHeaderRegex();

    // what is not yet known or settled: "what does it not tell us", "what's still open / unknown / unproven", "what's left"
    [GeneratedRegex(@"\b(?:not|n['’]t)\s+(?:yet\s+)?(?:tell|show|say|settle|prove|confirm|answer|cover|establish)\b|\b(?:unknown|unclear|unproven|unresolved|unanswered|unsettled|outstanding|open\s+questions?)\b|\b(?:still|left)\s+(?:open|unknown|unclear|to\s+(?:prove|show|do|check|work\s+out))\b|\bleft\s+open\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhatIsNotKnownRegex();

    /// <summary>A name the question says, met in a header of several words ("Zeta role"): it is what the row is about
    /// ("what does Zeta on the glasses mean for money?"), not the column asked for.</summary>
    private static bool NamesTheRowNotTheColumn(FocusWord f, string header) => f.IsName && header.Contains(' ');

    // ---------- quotes ----------

    /// <summary>A column's header as running text says it ("the largest capacity" for "Capacity"); a name, or a
    /// measure that is not a header, stays as written ("GizmoTest", "Gadget-Eval").</summary>
    private static string InRunningText(NoteTable table, string measure) =>
        table.Headers.Contains(measure) && measure.Length > 1 && measure.Skip(1).All(c => !char.IsUpper(c))
            ? char.ToLowerInvariant(measure[0]) + measure[1..] : measure;

    /// <summary>The sentence a quoted one points back to ("Those are …"), when the answer does not quote it already.</summary>
    private static NoteUnit? Antecedent(NoteUnit unit, IEnumerable<Scored> quoted) =>
        !unit.IsRow && unit.Previous is { } previous && English.OpensWithReference(unit.Text) && !quoted.Any(s => s.Unit == previous) ? previous : null;

    private static string Quote(NoteUnit unit, IReadOnlyCollection<string>? cells)
    {
        if (!unit.IsRow) return $"“{unit.Text}”";
        var shown = unit.Passage.Cells!.Skip(1).Where(c => c.Value.Length > 0 && (cells is null || cells.Contains(c.Key)));
        return $"“{unit.Passage.Row}” — {string.Join(" · ", shown.Select(c => $"{c.Key}: {c.Value}"))}";
    }

    /// <summary>A whole table: each row's label with the column the question names ("… leave for separate work"),
    /// else its first column after the label.</summary>
    private Answer ComposeTable(QuestionFrame q, NoteTable table)
    {
        // "what columns does the table have?": its headers, then its rows
        if (ColumnsAskedRegex().IsMatch(q.Text))
        {
            var headers = $"{table.Headers.Count} columns: {string.Join(" · ", table.Headers)}";
            var listed = new StringBuilder($"**{headers}** — the table in §{table.Section} {table.SectionTitle}, with {table.Rows.Count} rows:\n");
            var rows = AppendRows(listed, table.Rows.Select(row => (row, "")));
            return new Answer(q.Asked, listed.ToString().TrimEnd(), false, rows, [], $"**{headers}**");
        }
        // a header that negates what the question does not ("What it does not yet validate" for "what does the launch
        // validate?"), or the other way round, is no column it asks for; the label column itself may be the one asked
        // ("What the launch validates", when no other column says more of the question): then the labels are the answer
        bool negated = NoteModel.Negations(q.Text).Any();
        var asked = table.Headers.Select((h, i) => (h, i, hits: NoteModel.Negations(h).Any() != negated ? 0 : Terms.Of(h).Count(t => q.Content.Any(f => f.Terms.Contains(t)))))
            .Where(x => x.hits > 0).OrderByDescending(x => x.hits).ThenBy(x => x.i == 0).ThenBy(x => x.i).FirstOrDefault();
        bool labels = asked.hits > 0 && asked.i == 0;
        var column = labels ? table.Headers[0] : asked.hits > 0 ? asked.h : table.Headers.Count > 1 ? table.Headers[1] : "";
        var sb = new StringBuilder($"From the table in §{table.Section} {table.SectionTitle}{(column.Length > 0 ? $" ({column})" : "")}:\n");
        var citations = AppendRows(sb, table.Rows.Select(row => (row, labels ? ""
            : row.Passage.Cells!.FirstOrDefault(c => c.Key == column).Value is { Length: > 0 } v ? v
                : row.Passage.Cells!.Skip(1).FirstOrDefault(c => c.Value.Length > 0).Value ?? "")));
        var flags = table.Rows.SelectMany(r => note.Hedges.For(r.Id, [column])).DistinctBy(f => f.Reason).ToList();
        return new Answer(q.Asked, sb.ToString().TrimEnd(), false, citations, flags, $"{table.Name} — {table.Rows.Count} items");
    }

    /// <summary>"what columns does it have", "the table's headers", "column names": a table's columns asked for, not a
    /// cell of one ("the 'what it supports' col?").</summary>
    [GeneratedRegex(@"\b(?:columns|cols|headers|column\s+(?:names|headers|titles|headings))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnsAskedRegex();

    /// <summary>"How many publishers …?" where the note names them without a count: their number, the names, and the
    /// unit that lists them.</summary>
    public Answer ListedCount(QuestionFrame q, ListedMembers listed)
    {
        var unit = listed.Source.Unit;
        var headline = $"**{listed.Items.Count}**";
        var cells = unit.IsRow ? AskedCells(q, listed.Source) : null;
        var text = $"{headline} — the note names {listed.Items.Count} {listed.Noun}: {Join(listed.Items)}.\n\n{Quote(unit, cells)} [1]";
        var flags = note.Hedges.For(unit.Id, unit.IsRow ? cells : null).ToList();
        return new Answer(q.Asked, text, false, [unit.Passage.ToCitation()], flags, headline);
    }

    /// <summary>"The 3rd watch item?", "the row after Acme: its capacity?", "how many rows …?": the row the place points
    /// to, quoted with the column asked (else whole) under where it stands in its table; for a count, the number and
    /// each row's label; for a place the table does not have, what it does have.</summary>
    public Answer RowAt(QuestionFrame q, RowAt at)
    {
        var where = RowLocator.Where(at.Table);
        if (at.Missing is { } missing) return new Answer(q.Asked, missing, true, [], []);
        var sb = new StringBuilder();
        if (at.Position.Count)
        {
            var count = $"**{at.Rows.Count}**";
            sb.Append(count).Append($" — {where} has {at.Rows.Count} rows ({at.Table.Headers[0]}):\n");
            var listed = AppendRows(sb, at.Rows.Select(r => (r, "")));
            return new Answer(q.Asked, sb.ToString().TrimEnd(), false, listed, [], count);
        }
        string[]? cells = at.Column is { } column ? [column] : null;
        var headline = cells is not null && at.Rows is [var one] && CellOf(one, cells[0]) is { Length: > 0 } cell
            ? $"**{cell}**" : $"**{string.Join(" and ", at.Rows.Select(r => r.Passage.Row))}**";
        sb.Append(headline).Append($" — {at.Position.Describe(at.Table.Rows.Count, at.From?.Passage.Row)} of {where}:\n");
        var citations = new List<Citation>();
        foreach (var row in at.Rows)
        {
            citations.Add(row.Passage.ToCitation());
            sb.Append(Quote(row, cells)).Append($" [{citations.Count}]\n");
        }
        var flags = at.Rows.SelectMany(r => note.Hedges.For(r.Id, cells)).DistinctBy(f => f.Reason).ToList();
        return new Answer(q.Asked, sb.ToString().TrimEnd(), false, citations, flags, headline);
    }

    /// <summary>"Which maker has the biggest capacity?": the extreme row and its figure first, then every row's
    /// figure for the measure, largest (or smallest) first, each cited to its row.</summary>
    private Answer ComposeExtreme(QuestionFrame q, TableExtreme extreme)
    {
        var leaders = extreme.Rows.Take(extreme.Leaders).ToList();
        // (none lead when the question asks which rows stand beyond one, and none does)
        var headline = leaders.Count > 0 ? $"**{string.Join(" and ", leaders.Select(r => r.Row.Passage.Row))}: {leaders[0].Figure}**" : "";
        var where = $"the table in §{extreme.Table.Section} {extreme.Table.SectionTitle}";
        var measure = InRunningText(extreme.Table, extreme.Measure);
        var sb = new StringBuilder();
        // "which makers beat Acme on GadgetEval?", "any with a smaller X than Acme?": the rows beyond the one named
        // … or past a figure the question states ("which makers score above 40?", "how many clear 55?")
        if (extreme.Reference is not null || extreme.Bound is not null)
        {
            var them = string.Join(", ", leaders.Select(r => $"{r.Row.Passage.Row} {r.Figure}"));
            var than = extreme.Reference is { } reference ? $"a {extreme.Word} {measure} than {reference.Row.Passage.Row} ({reference.Figure})"
                : q.BeyondOrEqual ? $"a {measure} of at {(extreme.Direction > 0 ? "least" : "most")} {extreme.Bound}" : $"a {extreme.Word} {measure} than {extreme.Bound}";
            headline = q.Type == AnswerType.YesNo
                ? leaders.Count > 0 ? $"**Yes** — {them} {(leaders.Count > 1 ? "have" : "has")} {than}" : $"**No** — none has {than}"
                // ("how many clear 55?": how many, then which)
                : q.Position is { Count: true } || q is { Type: AnswerType.Quantity, WantedFigure: FigureKind.Count } ? $"**{leaders.Count} of {extreme.Rows.Count}**{(leaders.Count > 0 ? $" — {them}" : "")} — {than}"
                : leaders.Count > 0 ? $"**{them}** — {than}" : $"**None** — none has {than}";
            sb.Append(headline).Append($" ({where}):\n");
        }
        // "where does Acme rank on GadgetEval?": the named row's place among the rows, from the extreme the question
        // counts from
        else if (extreme.Asked is { } ranked && q.AsksPlace)
        {
            int place = extreme.PlaceOf(ranked), tied = extreme.Rows.Count(r => r.Value == ranked.Value);
            var standing = place == 1 ? $", the {extreme.Word}" : place + tied - 1 == extreme.Rows.Count ? ", last" : "";
            headline = $"**{ranked.Row.Passage.Row} {ranked.Figure}** — {(tied > 1 ? "tied " : "")}{PlaceWord(place)} of {extreme.Rows.Count} by {measure}{standing}";
            sb.Append(headline).Append($" ({where}):\n");
        }
        // "which has the 2nd largest GadgetEval?": the rows at that place; where rows tied above it fill the place,
        // those, and the rows next after them
        else if (extreme.Placed is [var first, ..] placed)
        {
            int place = extreme.PlaceOf(first);
            var names = string.Join(" and ", placed.Select(r => r.Row.Passage.Row));
            var at = $"{(placed.Count > 1 ? "tied for " : "")}the {(place == 1 ? "" : PlaceWord(place) + " ")}{extreme.Word} {measure}";
            var next = extreme.Rows.Where(r => (first.Value - r.Value) * extreme.Direction > 0).ToList() is [var after, ..] rest
                ? rest.Where(r => r.Value == after.Value).ToList() : [];
            headline = $"**{names}: {first.Figure}** — {at}"
                       + (place < q.Place && next.Count > 0 ? $"; next after them: **{string.Join(" and ", next.Select(r => r.Row.Passage.Row))} {next[0].Figure}**" : "");
            sb.Append(headline).Append($" ({where}):\n");
        }
        // "how far behind the leader is Acme on GadgetEval?": the named row, the leaders, and the gap between them
        else if (extreme.Asked is { } measured)
        {
            var (label, names) = (measured.Row.Passage.Row ?? "", string.Join(" and ", leaders.Select(r => r.Row.Passage.Row)));
            var top = $"the {extreme.Word} {measure}";
            headline = leaders.Contains(measured)
                ? $"**{label} {measured.Figure}** — {(leaders.Count > 1 ? "tied for" : "it has")} {top}"
                : GapOf(q, [(names, leaders[0].Figure), (label, measured.Figure)]) is var (_, amount)
                    ? $"**{label} {measured.Figure}** — {amount} {(measured.Value < leaders[0].Value ? "below" : "above")} {names} ({leaders[0].Figure}), {top}"
                    : $"**{label} {measured.Figure}** vs **{names} {leaders[0].Figure}**, {top}";
            sb.Append(headline).Append($" ({where}):\n");
        }
        // "is Acme the top on GadgetEval?": whether the one thing asked about is among the leaders
        else if (q.Type == AnswerType.YesNo && q.Peers is [var asked] && extreme.Rows.FirstOrDefault(r => r.Row.Peers.Contains(asked)) is { } own)
        {
            var names = string.Join(" and ", leaders.Select(r => r.Row.Passage.Row));
            var has = $"{names} {(leaders.Count > 1 ? "share" : "has")} the {extreme.Word} {measure}, {leaders[0].Figure}";
            // ("is Acme alone at the top?" where it shares the top: no)
            headline = leaders.Contains(own) ? (q.AsksAlone && leaders.Count > 1 ? $"**No** — {has}" : $"**Yes** — {has}")
                : $"**No** — {has}; {own.Row.Passage.Row} has {own.Figure}";
            sb.Append(headline).Append($" ({where}):\n");
        }
        else
            sb.Append(headline).Append($" — {(leaders.Count > 1 ? "tied for " : "")}the {extreme.Word} {measure} in {where}:\n");
        var citations = AppendRows(sb, extreme.Rows.Select(r => (r.Row, CellOf(r.Row, r.Header))));
        var flags = extreme.Rows.SelectMany(r => note.Hedges.For(r.Row.Id, [r.Header])).DistinctBy(f => f.Reason).ToList();
        return new Answer(q.Asked, sb.ToString().TrimEnd(), false, citations, flags, headline);
    }

    /// <summary>"2nd", "3rd", "11th": a place in an order, as a reply writes it.</summary>
    private static string PlaceWord(int n) =>
        n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private Answer ComposeColumn(QuestionFrame q, NoteTable table, string header)
    {
        // "is Acme's capacity larger than Zeta's?": the two rows' cells decide it
        var sides = q.Peers.OrderBy(p => AskedAt(q, p))
            .SelectMany(p => table.Rows.Where(r => r.Peers.Contains(p)).Take(1).Select(row => (Peer: p.Label, Figure: CellOf(row, header)))).ToList();
        var verdict = q.Type == AnswerType.YesNo ? Verdict(q, sides) : null;
        // "which has a bigger X, Acme or Zeta?": each side's own cell first, then the column for the rest
        var versus = verdict is null && q.Comparison && sides.Count >= 2 ? string.Join(" vs ", sides.Select(x => $"**{x.Peer} {x.Figure}**")) + ChoiceAndGap(q, sides) : null;
        var sb = new StringBuilder((verdict ?? versus) is { } lead ? lead + "\n\n" : "").Append($"**{header}** — from the table in §{table.Section} {table.SectionTitle}:\n");
        var citations = AppendRows(sb, table.Rows.Select(row => (row, CellOf(row, header))));
        var flags = table.Rows.SelectMany(r => note.Hedges.For(r.Id, [header])).DistinctBy(f => f.Reason).ToList();
        return new Answer(q.Asked, sb.ToString().TrimEnd(), false, citations, flags, versus ?? header);
    }

    /// <summary>One line per row, its label and the cell that answers, each cited to its row.</summary>
    private static List<Citation> AppendRows(StringBuilder sb, IEnumerable<(NoteUnit Row, string Cell)> rows)
    {
        var citations = new List<Citation>();
        foreach (var (row, cell) in rows)
        {
            citations.Add(row.Passage.ToCitation());
            sb.Append(cell.Length > 0 ? $"- **{row.Passage.Row}**: {cell} [{citations.Count}]\n" : $"- **{row.Passage.Row}** [{citations.Count}]\n");
        }
        return citations;
    }

    private static string CellOf(NoteUnit row, string header) => row.Passage.Cells!.First(c => c.Key == header).Value;
}
