using System.Text.RegularExpressions;
using MuseBot.Core.Language;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>A figure or date of a unit, weighed as the answer to a question.</summary>
/// <param name="Text">The figure or date as the note writes it.</param>
/// <param name="Segment">The clause (or cell) it belongs to.</param>
/// <param name="Attachment">The weighted share of the question met by words of its own clause (words met elsewhere
/// in the unit count half).</param>
/// <param name="KindFits">Its form is the kind asked for (money for "how much … spend", a percentage for "by how much").</param>
/// <param name="OwnerFits">It is not another compared thing's (1), belongs to the one asked about (1), or to nobody
/// named (0.5); 0 when it is another's.</param>
/// <param name="PeriodFits">Its clause is about the period asked (1), says none (0.5), or another one (0).</param>
/// <param name="Weakest">The worst-met of the question's most specific words, met in its own clause (fully) or
/// elsewhere in the unit (half).</param>
/// <param name="Slot">How well the thing asked for ("how many <b>users</b>") is met near it: the worst-met slot word, by proximity.</param>
public sealed record Attached(string Text, int Start, Segment Segment, double Attachment, bool KindFits, double OwnerFits, double PeriodFits, double Weakest, double Slot)
{
    /// <summary>How far (in characters) the figure stands from the thing asked for, where the unit says it: of two
    /// figures that fit a clause alike, the one beside it ("a <b>40% stake</b>") is the one asked for.</summary>
    public int Distance { get; init; } = int.MaxValue;

    /// <summary>A name the question asks about, among its most specific words, is said in the unit but only away
    /// from the figure's clause: the figure is most likely someone else's.</summary>
    public bool NameAway { get; init; }

    /// <summary>The head of what the question asks ("ad <b>revenue</b>") is said only as what another figure of the
    /// sentence measures, a measure sharing no word with this figure's: the question joins what two figures measure.</summary>
    public bool MeasureAway { get; init; }

    /// <summary>A word of the question is said in the figure's own clause (or the clause it carries on from): a
    /// figure whose clause says nothing asked ("… including the Nimbus plant, while Acme frames 2025 capex at $3B"
    /// for "how much went into Nimbus?") is not the answer, however well the rest of the sentence meets the question.
    /// A row's cells always are: their label and header say what they are. A question that asks nothing but the
    /// note's subject and a kind of figure ("how much does Acme cost?") needs the subject said there.</summary>
    public bool OwnClause { get; init; } = true;

    /// <summary>How well the question meets the words the figure measures, written right after it ("a 40% <b>stake in
    /// Zeta</b>", "a 1M <b>context window</b>"): its best word's match there (1 when the figure is followed by no such
    /// words, or is a row's cell). A figure whose own measure the question never touches measures something else,
    /// however well its clause's other words meet the question ("a 1M context window and top marks on GadgetEval"
    /// for "what does it score on GadgetEval?").</summary>
    public double MeasureMet { get; init; } = 1;

    /// <summary>One number to rank a unit's figures by: the thing asked for ("… WidgetBench score") weighs most.</summary>
    public double Fit => Attachment * (0.5 + 0.5 * Slot) * (KindFits ? 1 : 0.5) * (0.25 + 0.75 * OwnerFits) * (0.25 + 0.75 * PeriodFits);
}

/// <summary>
/// Which figure (or date) of a unit answers the question: the one whose own clause carries what was asked, whose
/// form is the kind asked for, and that belongs to the thing and year asked about. A headline figure must come from
/// here: a figure merely in the same sentence as the question's words is not its answer.
/// </summary>
public static partial class FigureAttachment
{
    /// <param name="side">For one side of a comparison: the compared thing this figure must be for; the question's
    /// words naming the other sides are then not asked of it.</param>
    public static IReadOnlyList<Attached> Figures(QuestionFrame q, NoteUnit unit, WordMatch[] matches, Peer? side = null)
    {
        var ranked = unit.Figures.Where(f => !AlsoInQuestion(q, f.Text))
            .Select(f => Weigh(q, unit, matches, f.Text, f.Start, KindFits(q.WantedFigure, f.Kind) && (!q.CountsPersons || CountsPersons(unit, f)), side)
                with { MeasureMet = WithWhatIsWithout(q.Text, ClauseText(unit, f.Start)) ? 0 : MeasureMet(q, unit, matches, f) })
            .OrderByDescending(a => a.Fit).ThenBy(a => a.Distance).ToList();
        // the thing asked outranks the measure asked: "how much revenue did Zeta's gadget line make?" in "… Acme's
        // widgets reached a $9B revenue run-rate, and Zeta's gadget line crossed a $6B run-rate" is answered by the
        // figure of Zeta's own clause, of the kind asked, not by the one beside "revenue" that is another's
        // (so too a figure whose clause says none of the question's words, beside the figure the question's head
        // measures: "more than 2M monthly Acme users" for "how many folks use the widget family daily?" where "5M
        // family daily widget owners" is the figure of "family")
        if (AsksOneFigure(q) && q.WantedFigure is not null && !unit.IsRow && ranked is [{ NameAway: true } or { MeasureAway: true, OwnClause: false }, ..]
            && ranked.FindIndex(a => !a.NameAway && !a.MeasureAway && a.KindFits && a.OwnClause) is > 0 and var own)
        {
            var figure = ranked[own];
            ranked.RemoveAt(own);
            ranked.Insert(0, figure);
        }
        return ranked;
    }

    /// <summary>A question for one figure of one thing: not a comparison, not several parts, not "its X and Y scores"
    /// (several figures, each in its own clause).</summary>
    public static bool AsksOneFigure(QuestionFrame q) =>
        q.Type is AnswerType.Quantity && q.Peers.Count < 2 && !q.Comparison && q.Parts < 2
        && !q.Focus.Any(f => f.IsFrame && English.IsPlural(f.Word));

    public static IReadOnlyList<Attached> Dates(QuestionFrame q, NoteUnit unit, WordMatch[] matches) =>
        unit.Dates.Where(d => !Restates(q, d) && (!q.AsksFuture || English.SpeaksOfFuture(ClauseText(unit, d.Start))))
            .Select(d => Weigh(q, unit, matches, d.Text, d.Start, d.HasMonth || d.HasDay || q.AskedDateMonths == 12
                                                                   || (q.AskedDateMonths == 3 && d.Period.Quarter is not null)))
            .OrderByDescending(a => a.Fit).ThenBy(a => a.Distance).ToList();

    /// <summary>
    /// "Did Acme report 40.1% on GadgetEval?", "did it take more than a year?": the unit's figure, of the kind the
    /// question states, whose clause carries the question best (the stated figure's own words count for nothing
    /// here), and whether it bears the question out: the same value (rounded as the question rounds it: "$12B" for
    /// "$12.25B"), or above or below a bound the question sets ("more than", "under", "at least"). Null when the
    /// question states no figure, or one it hedges ("about"), or the unit has none of that kind to check it against.
    /// Several figures of different kinds ("$5B for a 40% stake") each hold, or the claim does not.
    /// </summary>
    /// <param name="inTurn">Whether a figure can be the asked thing's where a clause gives several things theirs in
    /// turn ("Acme nearly matching Zeta, 40% versus 41%"); any figure when null.</param>
    public static (bool Holds, IReadOnlyList<Attached> Figures)? Check(QuestionFrame q, NoteUnit unit, WordMatch[] matches, Func<Attached, bool>? inTurn = null)
    {
        if (Stated(q) is not { Count: > 0 } stated) return null;
        var found = new List<Attached>();
        bool holds = true;
        foreach (var s in stated)
        {
            var best = unit.Figures.Where(f => Comparable(f.Kind, s.Kind))
                .Select(f => Weigh(q, unit, matches, f.Text, f.Start, kindFits: true, side: null, ignoreFigures: true))
                .Where(a => inTurn is null || inTurn(a))
                .OrderByDescending(a => a.Fit).FirstOrDefault();
            // a figure the note itself qualifies ("more than a 1% gain", "nearly 50%") neither bears out nor denies a value
            if (best is null || English.QualifierBefore(unit.Text[..Math.Clamp(best.Start, 0, unit.Text.Length)]) is not null) return null;
            holds &= s.Relation switch
            {
                > 0 => Quantities.Magnitudes(best.Text) is [var low, ..] && Quantities.Magnitudes(s.Text) is [var bound, ..] && low > bound,
                < 0 => Quantities.Magnitudes(best.Text) is [.., var high] && Quantities.Magnitudes(s.Text) is [var limit, ..] && high < limit,
                _ => s.Kind == FigureKind.Duration ? SameDuration(s.Text, best.Text) : SameValue(s.Text, best.Text),
            };
            found.Add(best);
        }
        return (holds, found);
    }

    /// <summary>"so Acme spent $41B in 2026?" of a unit that gives $41B in a clause about 2025: that figure, weighed for
    /// the question, and the one period its clause is about, which is not the one asked. Null where the question states
    /// no one figure and one period, or the unit gives the figure for no other period.</summary>
    public static (Attached Figure, Period Said)? StatedForAnotherPeriod(QuestionFrame q, NoteUnit unit, WordMatch[] matches)
    {
        if (q.Periods is not [var asked] || Stated(q) is not [{ Relation: 0 } stated]) return null;
        foreach (var f in unit.Figures.Where(f => Comparable(f.Kind, stated.Kind) && SameValue(stated.Text, f.Text)))
        {
            var weighed = Weigh(q, unit, matches, f.Text, f.Start, kindFits: true, side: null, ignoreFigures: true);
            if (weighed.Segment.Periods is [var said] && !said.Answers(asked) && !asked.Answers(said)) return (weighed, said);
        }
        return null;
    }

    /// <summary>"What was Acme's run-rate a year earlier?": whether the unit gives a figure for a period before another
    /// it gives, the months asked apart ("Q4 2024" beside "Q4 2025"), or the clause of the figure that answers sets
    /// it against an earlier one in words ("up from $1B", "tripled year over year"). True when no earlier period is
    /// asked.</summary>
    public static bool GivesEarlierPeriod(QuestionFrame q, NoteUnit unit, WordMatch[] matches)
    {
        if (q.EarlierMonths == 0) return true;
        if (Figures(q, unit, matches) is [var figure, ..])
        {
            // the figure's own clause, or the next one when it opens by setting the figure against an earlier one
            // ("…, up from $4B"); not another figure's clause that follows ("…, while Zeta's doubled year over year")
            var next = unit.Segments.FirstOrDefault(c => c.Start >= figure.Segment.End);
            if (English.SpeaksOfAnEarlierPeriod(ClauseText(unit, figure.Start))
                || (next is not null && English.OpensWithAnEarlierPeriod(unit.Text[next.Start..next.End]))) return true;
        }
        else if (English.SpeaksOfAnEarlierPeriod(unit.Text)) return true;
        var months = unit.Dates.Select(d => MonthOf(d.Period)).Distinct().ToList();
        return months.Any(later => months.Contains(later - q.EarlierMonths));
    }

    /// <summary>"How is the budget split between plants and chips?": each part's own figure in the unit, of the kind of
    /// the whole's ("$5B for plants and $3B for chips"), or null for a part it gives none. A figure belongs to the
    /// question's word nearest it in its own clause, the whole's or a part's. Null when no figure of the unit belongs
    /// to the whole: then the unit says nothing of the whole's amount, and the question is read as any other.</summary>
    /// <param name="metAt">The least similarity at which a word of the unit says a question word it is not.</param>
    public static IReadOnlyList<Figure?>? SplitFigures(QuestionFrame q, NoteUnit unit, WordMatch[] matches, double metAt)
    {
        if (q.Split is not { } split) return null;
        // each content word of the question is the whole's (-1), a part's (its index), or neither (-2)
        int GroupOf(FocusWord f)
        {
            if (f.IsFrame) return -2;
            if (f.Start >= split.WholeFrom && f.Start < split.WholeTo) return -1;
            for (int i = 0; i < split.Parts.Count; i++)
                if (f.Start >= split.Parts[i].From && f.Start < split.Parts[i].To) return i;
            return -2;
        }
        var said = q.Focus.Select((f, i) => (Group: GroupOf(f), Word: f, Match: matches[i])).Where(x => x.Group >= -1)
            .SelectMany(x => Offsets(unit, x.Word, x.Match, metAt).Select(offset => (x.Group, Offset: offset, x.Word.Word.Length)))
            .ToList();
        (int Group, int Gap)? OwnerOf(Figure figure)
        {
            var clause = unit.SegmentAt(figure.Start);
            var near = said.Where(s => clause.Holds(s.Offset))
                .Select(s => (s.Group, Gap: s.Offset >= figure.End ? s.Offset - figure.End : figure.Start - Math.Min(figure.Start, s.Offset + s.Length)))
                .OrderBy(s => s.Gap).ToList();
            return near.Count > 0 ? near[0] : null;
        }
        var owned = unit.Figures.Where(f => f.Kind != FigureKind.Number).Select(f => (Figure: f, Owner: OwnerOf(f)))
            .Where(x => x.Owner is not null).Select(x => (x.Figure, x.Owner!.Value.Group, x.Owner.Value.Gap)).ToList();
        // the whole's figure is the one said nearest its words ("the $9B run-rate" is said as "$9B")
        if (owned.Where(x => x.Group == -1).OrderBy(x => x.Gap).FirstOrDefault() is not { Figure: { } whole }) return null;
        return Enumerable.Range(0, split.Parts.Count)
            .Select(part => owned.Where(x => x.Group == part && x.Figure.Kind == whole.Kind).OrderBy(x => x.Gap).Select(x => x.Figure).FirstOrDefault())
            .ToList();
    }

    /// <summary>"what is the Zeta stake worth?": whether the unit says what something is worth ("valued at", "a
    /// valuation"); an amount paid, spent or earned is not what a thing is worth. True when no worth is asked.</summary>
    public static bool GivesWorth(QuestionFrame q, NoteUnit unit) =>
        !q.AsksWorth || unit.Words.Any(w => w.Terms.Any(WorthTerms.Contains));

    private static readonly HashSet<string> WorthTerms = English.WorthWords.SelectMany(Terms.OfWord).ToHashSet(StringComparer.Ordinal);

    /// <summary>Where the unit says a question word: every word carrying one of its terms, and its soft match.</summary>
    private static IEnumerable<int> Offsets(NoteUnit unit, FocusWord word, WordMatch match, double metAt) =>
        unit.Words.Where(w => w.Terms.Any(word.Terms.Contains)).Select(w => w.Start)
            .Concat(match is { Offset: >= 0, Exact: false } && match.Score >= metAt ? [match.Offset] : []);

    /// <summary>A period's last month, counted from year 0: a quarter's third, a year's twelfth.</summary>
    private static int MonthOf(Period p) => p.Year * 12 + (p.Month ?? (p.Quarter is { } quarter ? quarter * 3 : 12));

    /// <summary>
    /// "Did Acme launch in March 2026?", "was the deal done before 2025?": the unit's date of an event whose clause
    /// carries the question best, and whether it is as stated (<see cref="QuestionFrame.StatedDates"/>): within the
    /// period named, or before or after it. An event is dated by a month or a day; a quarter or a year alone is more
    /// often the period a figure is reported for, where another period is not a "no" but something the note does
    /// not say. Null when no date is stated, the unit dates no event, or the note's date is too coarse to settle it
    /// ("April 2026" for "on April 8?"). SameDay: both are calendar days of the same month and day ("December 16" in
    /// another year), which pins the event by its date.
    /// </summary>
    public static (bool Holds, Attached Date, bool SameDay)? CheckDate(QuestionFrame q, NoteUnit unit, WordMatch[] matches)
    {
        if (q.StatedDates is not [var (stated, relation)]) return null;
        var best = unit.Dates.Where(d => d.HasMonth)
            .Select(d => (Date: d, Weighed: Weigh(q, unit, matches, d.Text, d.Start, kindFits: true)))
            .OrderByDescending(x => x.Weighed.Fit).ThenBy(x => x.Weighed.Distance).FirstOrDefault();
        if (best.Weighed is null) return null;
        var (from, to) = best.Date.Days(best.Date.Period.Year);
        // a date asked without its year ("on April 8") is the note's date's year
        var (askedFrom, askedTo) = stated.Days(best.Date.Period.Year);
        bool? holds = relation switch
        {
            -2 => to < askedFrom ? true : from >= askedFrom ? false : null,
            -1 => to <= askedTo ? true : from > askedTo ? false : null,
            1 => from >= askedFrom ? true : to < askedFrom ? false : null,
            2 => from > askedTo ? true : to <= askedTo ? false : null,
            _ => from >= askedFrom && to <= askedTo ? true : to < askedFrom || from > askedTo ? false : null,
        };
        bool sameDay = stated is { HasDay: true, Day: { } day } && best.Date is { HasDay: true } noted && noted.Day == day
                       && noted.Period.Month == stated.Period.Month;
        return holds is { } h ? (h, best.Weighed, sameDay) : null;
    }

    /// <summary>The figures a question states, with the relation each asks about: 0 the value itself, +1 above it
    /// ("more than a year", "over $5B", "at least 40%"), -1 below it. Several only when each is of its own kind
    /// ("$5B for a 40% stake"), for then each is checked against the unit's figure of that kind; none for a hedged one.</summary>
    private static List<(string Text, FigureKind Kind, int Relation)>? Stated(QuestionFrame q)
    {
        var question = q.Text;
        var figures = FiguresStated(q);
        var bound = BoundRegex().Match(question);
        if (bound.Success && figures.All(f => f.Start >= bound.Groups["figure"].Index && f.Start < bound.Index + bound.Length))
        {
            var text = bound.Groups["figure"].Value;
            var kind = figures.Count == 1 ? figures[0].Kind : Quantities.FiguresIn("1 " + bound.Groups["unit"].Value) is [var unitFigure] ? unitFigure.Kind : (FigureKind?)null;
            // "over nine months" is as often how long as more than how long
            bool span = kind == FigureKind.Duration && OverUnder().IsMatch(bound.Groups["cmp"].Value);
            // … so neither bears it out nor denies it, read as the value itself
            if (span) return null;
            if (kind is { } k && figures.Count <= 1)
                return [(figures.Count == 1 ? figures[0].Text : "1 " + bound.Groups["unit"].Value, k, Lower().IsMatch(bound.Groups["cmp"].Value) ? -1 : 1)];
        }
        if (figures.Count == 0 || figures.Select(f => f.Kind).Distinct().Count() != figures.Count
            || figures.Any(f => English.IsApproximate(question[..f.Start]))) return null;
        // another figure than the first must be stated outright: a bound on it is not read here
        if (figures.Count > 1 && bound.Success) return null;
        return figures.Select(f => (f.Text, f.Kind, 0)).ToList();
    }

    /// <summary>The figures a question states, a span said with "a" among them ("did it take a year?", "a full month").</summary>
    private static List<Figure> FiguresStated(QuestionFrame q)
    {
        var question = q.Text;
        // (not a compared thing's version, typed in lower case: the "4.6" of "opus 4.6")
        var figures = Quantities.FiguresIn(question).Where(f => !(f.Kind == FigureKind.Number && q.PeerWords.Contains(f.Text.ToLowerInvariant()))).ToList();
        foreach (Match m in ASpanRegex().Matches(question))
            if (!figures.Any(f => f.Start < m.Index + m.Length && m.Index < f.End))
                figures.Add(new Figure(m.Value, FigureKind.Duration, m.Index));
        return figures.OrderBy(f => f.Start).ToList();
    }

    // "a year", "a full month", "an hour"; not a point in time ("a year ago", "a year earlier") nor a part ("a quarter of")
    [GeneratedRegex(@"\b(?:a|an)\s+(?:full\s+|whole\s+|single\s+)?(?:second|minute|hour|day|week|month|quarter|year)\b(?![-'’])(?!\s+(?:ago|earlier|later|before|after|prior|back|on|out|of|from|over)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ASpanRegex();

    /// <summary>Two spans of time compared in days, as near as their units allow ("a year" is "12 months", not "eight
    /// months"); a range the note gives ("6-8 months") holds any span within it.</summary>
    private static bool SameDuration(string asked, string said) =>
        Quantities.Magnitudes(asked) is [var a, ..] && Quantities.Magnitudes(said) is { Count: > 0 } span
        && a >= span[0] * (1 - DaysSlack) && a <= span[^1] * (1 + DaysSlack);

    // a month is 30 days and a year 365 here: "12 months" and "a year" differ by this much
    private const double DaysSlack = 0.05;

    // "more than a year", "over $5B", "at least 40%", "fewer than 3 months", "top $8B"
    [GeneratedRegex(@"\b(?<cmp>(?:more|greater|higher|longer|bigger|larger|less|fewer|lower|shorter|smaller)\s+than|over|above|under|below|at\s+least|at\s+most|exceed(?:s|ed)?|top(?:s|ped)?)\s+(?<figure>(?:an?\s+(?<unit>second|minute|hour|day|week|month|quarter|year)\b)|[$€£]?\d[\w.,$%-]*(?:\s+(?:months?|years?|weeks?|days?|quarters?|billion|million|thousand|percent))?)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundRegex();

    [GeneratedRegex(@"^(?:over|under)$", RegexOptions.IgnoreCase)]
    private static partial Regex OverUnder();

    [GeneratedRegex(@"^(?:less|fewer|lower|shorter|smaller|under|below|at\s+most)", RegexOptions.IgnoreCase)]
    private static partial Regex Lower();

    /// <summary>The note's figure is the one asked, however written: the same numbers at the same scale ("2.5bn" of
    /// "$2.5B", "15-20B" of "$15B-$20B"); not one the question rounds ("40%" of "40.2%"): the same value read at
    /// either one's precision.</summary>
    public static bool SameFigure(Figure asked, Figure said) =>
        Comparable(said.Kind, asked.Kind) && SameValue(asked.Text, said.Text) && SameValue(said.Text, asked.Text);

    /// <summary>"12 billion" asked of "$12B": a scaled count and money compare; so do a bare number and a count.</summary>
    private static bool Comparable(FigureKind said, FigureKind asked) =>
        said == asked || (said, asked) is (FigureKind.Money, FigureKind.Count) or (FigureKind.Count, FigureKind.Money)
            or (FigureKind.Count, FigureKind.Number) or (FigureKind.Number, FigureKind.Count);

    /// <summary>The note's figure read at the question's precision and scale: "12", "$12B" and "12 billion" are
    /// "$12.25B" ("12 million" is not); "40%" is "40.1%", "40.0%" is not.</summary>
    private static bool SameValue(string asked, string said)
    {
        // a figure asked without a scale ("12") is read at the note's
        double scale = Quantities.Scale(asked);
        if (scale != 1 && scale != Quantities.Scale(said)) return false;
        var a = Quantities.Numbers(asked);
        var s = Quantities.Numbers(said);
        // a figure in words ("tripled") is the same figure said in the same word
        if (a.Count == 0 && s.Count == 0) return string.Equals(asked.Trim(), said.Trim(), StringComparison.OrdinalIgnoreCase);
        if (a.Count == 0 || a.Count != s.Count) return false;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        for (int i = 0; i < a.Count; i++)
        {
            int decimals = a[i].Contains('.') ? a[i].Length - a[i].IndexOf('.') - 1 : 0;
            if (Math.Round(double.Parse(s[i], inv), decimals, MidpointRounding.AwayFromZero) != double.Parse(a[i], inv)) return false;
        }
        return true;
    }

    /// <summary>The clause names something the question does not: a capitalised word past the clause's first, none of
    /// the question's words and not the note's subject the question names.</summary>
    private static bool NamesOtherThing(QuestionFrame q, NoteUnit unit, Segment segment)
    {
        var asked = q.Focus.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return unit.Words.Where(w => segment.Holds(w.Start)).Skip(1)
            .Any(w => char.IsUpper(w.Text[0]) && !w.Text.Any(char.IsDigit) && !asked.Contains(FocusWord.KeyOf(w.Text)));
    }

    private static Attached Weigh(QuestionFrame q, NoteUnit unit, WordMatch[] matches, string text, int start, bool kindFits, Peer? side = null, bool ignoreFigures = false)
    {
        // the words that name the other sides ("gemini 3.1 pro"): their label's words and their aliases
        var others = side is null ? [] : q.Peers.Where(p => p != side).SelectMany(p => p.NameWords).ToHashSet(StringComparer.Ordinal);
        var segment = unit.SegmentAt(start);
        double total = 0, met = 0, weakest = 1, slot = 1;
        bool nameAway = false, measureAway = false, ownClause = unit.IsRow, subjectInClause = false;
        HashSet<string>? ownMeasure = null; // read only when a word may be another figure's measure
        int asked = 0;
        // checking a figure the question states: its own words ("12 billion") are what is checked, not what it is about
        // (with the bound set on it: "less than a year")
        var stated = ignoreFigures
            ? FiguresStated(q).Select(x => (x.Start, x.End)).Concat(BoundRegex().Matches(q.Text).Select(m => (Start: m.Index, End: m.Index + m.Length))).ToList()
            : [];
        double heaviest = q.Content.Where(f => !IsYear(f.Word) && !f.IsSource).Select(f => f.Weight).DefaultIfEmpty(0).Max();
        // how far the thing asked for stands, where the unit says it: its slot words, else the question's heaviest words
        int toSlot = int.MaxValue, toHeaviest = int.MaxValue;
        for (int i = 0; i < q.Focus.Count; i++)
        {
            var f = q.Focus[i];
            if (!f.IsFrame && matches[i] is { Exact: true, Offset: >= 0 } said)
            {
                int away = Math.Abs(said.Offset - start);
                if (f.IsSlot) toSlot = Math.Min(toSlot, away);
                else if (f.Weight >= heaviest / 2) toHeaviest = Math.Min(toHeaviest, away);
            }
            // a year is checked as a period; the source a question cites ("per the trade press") is not the measure
            if (f.IsFrame || f.IsSource || IsYear(f.Word) || others.Contains(f.Key)) continue;
            if (ignoreFigures && (f.Word.Any(char.IsDigit) || stated.Any(x => f.Start >= x.Start && f.Start < x.End))) continue;
            total += f.Weight;
            var m = matches[i];
            // a compared thing named by the figure's own clause (or the sentence it is about) is met right there,
            // and fully, even when the clause calls it "it" ("… places it at 52, behind Zeta at 53")
            // (or by any word of its name: "max" of "Zeta 3 Max", said in the row's label, is met in each of its cells)
            bool owns = segment.Owners.Any(o => o.Aliases.Contains(f.Key) || o.NameWords.Contains(f.Key));
            if (owns && !m.Exact) m = m with { Score = 1 };
            double place = owns ? 1 : Proximity(unit, segment, m.Offset);
            // a word the unit says twice is met where it is nearest: in the figure's own clause if it is said there
            if (place < 1 && m.Exact && f.Terms.Count > 0 && unit.Words.Any(w => segment.Contains(w.Start) && f.Terms.All(w.Terms.Contains))) place = 1;
            met += f.Weight * m.Score * place;
            // a name always counts: "Zeta's revenue" is not answered by a market figure; but not the note's subject
            // ("Acme"), said in half its clauses, whose absence from this one says nothing about the figure
            if (!f.IsSubject && (f.Weight >= heaviest / 2 || f.IsName)) weakest = Math.Min(weakest, m.Score * place);
            // a specific name said only outside the figure's clause marks the figure as another's; a period's own
            // name ("Q4") is checked as a period instead
            // (so does the one paid, said only in the next clause when the figure's own clause names a thing of its own:
            // "Acme paid $9B for a stake in Zeta, bringing Dana in" is Zeta's price, not what Acme pays Dana; not a name
            // that only says whose the thing bought is, "the shop Dana ran", which the clause may name in its own words)
            if (f.IsName && f.Weight >= heaviest / 2 && m.Exact && !q.Dates.Any(d => f.Start >= d.Start && f.Start < d.End)
                && (place <= 0.5
                    || (place < 1 && !f.IsSubject && !unit.IsRow && !segment.Holds(m.Offset) && IsPaid(q, f) && NamesOtherThing(q, unit, segment))))
                nameAway = true;
            // the head of what is asked ("Acme's ad revenue"), said only as the measure of another figure of the
            // sentence, one that measures something else ("a $9B revenue run-rate" beside "a 3% lift in ad clicks"):
            // the question joins what two figures measure, and this one is not the one asked
            if (!f.IsSubject && !f.IsName && m.Exact && place < 1 && !unit.IsRow && IsHead(q, i)
                && unit.Figures.Where(g => g.Start != start && unit.SegmentAt(g.Start) is var gs && gs.Holds(m.Offset) && !ReferenceEquals(gs, segment))
                    .Any(g => MeasureTerms(unit, g.Start) is var other && other.Count > 0 && f.Terms.All(other.Contains) && !(ownMeasure ??= MeasureTerms(unit, start)).Overlaps(other.Except(ChangeTerms))))
                measureAway = true;
            if (f.IsSlot) slot = Math.Min(slot, m.Score * place);
            // the note's subject ("Acme") is in half its clauses: saying it there says nothing about this figure
            if (!f.IsSubject)
            {
                asked++;
                if (m.Exact && place >= 1) ownClause = true;
            }
            else if ((m.Exact || owns) && (place >= 1 || Leads(unit, segment, m.Offset))) subjectInClause = true;
        }
        double attachment = total > 0 ? met / total : 0;

        double owner = 1;
        if (q.Peers.Count > 0)
            owner = segment.Owners.Count == 0 ? 0.5 : segment.Owners.Any(q.Peers.Contains) ? 1 : segment.Owners.Any(o => q.Peers.Any(p => p.Group == o.Group)) ? 0 : 0.5;
        return new Attached(text, start, segment, attachment, kindFits, owner, PeriodFit(q.Periods, segment.Periods), weakest, slot)
            { Distance = toSlot < int.MaxValue ? toSlot : toHeaviest, NameAway = nameAway, MeasureAway = measureAway, OwnClause = ownClause || (asked == 0 && (subjectInClause || !q.Focus.Any(f => f.IsSubject))) };
    }

    /// <summary>
    /// The best match of any word of the question among the words a figure measures (see <see cref="Attached.MeasureMet"/>);
    /// 1 when the question asks about nothing but the compared things, or the figure has no such words.
    /// </summary>
    private static double MeasureMet(QuestionFrame q, NoteUnit unit, WordMatch[] matches, Figure figure)
    {
        if (!unit.Measures.TryGetValue(figure.Start, out var span)) return 1;
        // "how much did Acme's sales rise?" asks for a change: a figure that measures something else ("a 40% stake
        // in Zeta") is not one, whatever else the question meets
        if (q.AsksChange
            && unit.Words.FirstOrDefault(w => w.Start >= span.From && w.End <= span.To) is { } head
            && !English.ChangeNouns.Contains(head.Text.ToLowerInvariant()) && !English.ChangeWords.Contains(head.Text.ToLowerInvariant()))
            return 0;
        if (!q.Content.Any(f => !q.PeerWords.Contains(f.Key) && !IsYear(f.Word))) return 1;
        // "how much did Zeta's gadget line earn?" names only what the figure's clause is about ("Zeta's gadget line
        // crossed a $6B run-rate"), every word of it said there before the figure's measure, and asks a kind of
        // figure that this one is: no measure is asked, so none is missed. Not without a kind asked: "how much did
        // Zeta do?" is not answered by whatever figure Zeta's clause holds ("a 15% lift in time spent")
        // … nor where it asks for any figure of the thing ("does the note put a number on Zeta's gadget line?")
        var own = unit.SegmentAt(figure.Start);
        bool onlyOwner = (q.WantedFigure is FigureKind.Money or FigureKind.Percent or FigureKind.Duration && KindFits(q.WantedFigure, figure.Kind))
                         || (q.WantedFigure is null && q.AnyFigureAt >= 0);
        for (int i = 0; i < q.Focus.Count && onlyOwner; i++)
        {
            var f = q.Focus[i];
            if (f.IsFrame || f.IsSource || IsYear(f.Word) || f.Start == q.AnyFigureAt) continue;
            // said there, though the unit's best match for the word may be another place it says it
            onlyOwner = matches[i] is { Exact: true, Offset: >= 0 } m
                && ((own.Contains(m.Offset) && m.Offset < span.From)
                    || (f.Terms.Count > 0 && unit.Words.Any(w => own.Contains(w.Start) && w.End <= span.From && f.Terms.All(w.Terms.Contains))));
        }
        if (onlyOwner) return 1;
        var measured = unit.Words.Where(w => w.Start >= span.From && w.End <= span.To).SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);
        double best = 0;
        for (int i = 0; i < q.Focus.Count; i++)
        {
            if (q.Focus[i].Terms.Count > 0 && q.Focus[i].Terms.All(measured.Contains)) return 1;
            if (matches[i].Offset >= span.From && matches[i].Offset < span.To) best = Math.Max(best, matches[i].Score);
        }
        return best;
    }

    // "a 3% lift in clicks" and "a 15% lift in time spent" measure different things: a change word says how, not what
    private static readonly HashSet<string> ChangeTerms = English.ChangeNouns.SelectMany(Terms.OfWord).ToHashSet(StringComparer.Ordinal);

    /// <summary>The terms of the words a figure measures, written right after it ("a $9B <b>revenue run-rate</b>").</summary>
    private static HashSet<string> MeasureTerms(NoteUnit unit, int figureStart) =>
        unit.Measures.TryGetValue(figureStart, out var span)
            ? unit.Words.Where(w => w.Start >= span.From && w.End <= span.To).SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal)
            : [];

    /// <summary>A content word that ends its noun phrase: the next word is not another content word it modifies
    /// ("ad <b>revenue</b> grow", not "<b>ad</b> revenue").</summary>
    private static bool IsHead(QuestionFrame q, int i)
    {
        var f = q.Focus[i];
        if (i + 1 >= q.Focus.Count) return true;
        var next = q.Focus[i + 1];
        int end = f.Start + f.Word.Length;
        return next.IsFrame || next.Start < end || q.Text.AsSpan(end, Math.Max(0, next.Start - end)).Trim().Length > 0;
    }

    /// <summary>"what does Zeta score with tools?" where the unit's figure for what is asked is given only for the
    /// other condition ("… on GizmoTest without tools"): that figure and the condition its clause says; null where no
    /// such figure measures what the question asks.</summary>
    public static (Figure Figure, string Condition)? OfOtherCondition(QuestionFrame q, NoteUnit unit, WordMatch[] matches)
    {
        if (!WithOrWithoutRegex().IsMatch(q.Text)) return null;
        // the condition's own words, and the question's other words (not the compared things'): one of these must be
        // said beside the figure, for it to measure what is asked
        var conditions = WithOrWithoutRegex().Matches(q.Text).SelectMany(m => Terms.OfWord(m.Groups["what"].Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        var measureWords = q.Focus.Where(w => !w.IsFrame && !q.PeerWords.Contains(w.Key) && w.Terms.Count > 0 && !w.Terms.All(conditions.Contains)).ToList();
        foreach (var f in unit.Figures)
        {
            // the condition said of this figure: after it, before the next figure or the clause's end ("12.5% on X and
            // 40.1% on Y without tools" gives X's with no condition)
            var clause = unit.SegmentAt(f.Start);
            int end = unit.Figures.Where(o => o.Start > f.Start).Select(o => o.Start).DefaultIfEmpty(clause.End).Min();
            var own = unit.Text[f.Start..Math.Max(f.Start, Math.Min(end, clause.End))];
            if (OtherConditionSaid(q.Text, own) is not { } condition) continue;
            var said = Terms.Of(own).ToHashSet(StringComparer.Ordinal);
            if (measureWords.Any(w => w.Terms.All(said.Contains))) return (f, condition);
        }
        return null;
    }

    /// <summary>"what does Zeta score with tools?" where the figure's clause says "without tools" (or the other way
    /// round): the figure measures the other condition, whatever else of the question it meets.</summary>
    public static bool WithWhatIsWithout(string question, string clause) => OtherConditionSaid(question, clause) is not null;

    /// <summary>The other condition of one the question asks ("without tools" for "with tools") as the clause says it,
    /// where it does not also say the one asked; null otherwise.</summary>
    private static string? OtherConditionSaid(string question, string clause)
    {
        foreach (Match m in WithOrWithoutRegex().Matches(question))
        {
            bool without = m.Groups["not"].Success;
            var what = Regex.Escape(m.Groups["what"].Value);
            var said = $@"(?<![\p{{L}}])with\s+{what}\b";
            var saidWithout = $@"\bwithout\s+{what}\b";
            if (Regex.Match(clause, without ? said : saidWithout, RegexOptions.IgnoreCase) is { Success: true } other
                && !Regex.IsMatch(clause, without ? saidWithout : said, RegexOptions.IgnoreCase))
                return other.Value;
        }
        return null;
    }

    [GeneratedRegex(@"\b(?:with(?<not>out)?)\s+(?<what>\p{L}[\p{L}-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex WithOrWithoutRegex();

    /// <summary>The text of the clause a figure or date stands in.</summary>
    private static string ClauseText(NoteUnit unit, int offset) => unit.SegmentAt(offset) is var c ? unit.Text[c.Start..c.End] : "";

    /// <summary>A word at <paramref name="offset"/> stands in the figure's own clause, or one the clause carries on from.</summary>
    public static bool InOwnClause(NoteUnit unit, Segment segment, int offset) => Proximity(unit, segment, offset) >= 1;

    /// <summary>
    /// How much a word at <paramref name="offset"/> tells about a figure in <paramref name="segment"/>: fully in the
    /// figure's own clause, and in the clauses a comparison carries on from ("ranks Acme at 40% on WidgetBench, just
    /// behind Zeta at 41%"); three quarters in the sentence's lead before any figure (its subject) or in a
    /// figure-less clause next to it (a modifier, not an item of a list); half anywhere else in the unit.
    /// </summary>
    private static double Proximity(NoteUnit unit, Segment segment, int offset)
    {
        if (offset < 0) return 0.5;
        if (segment.Contains(offset)) return 1;
        var segments = unit.Segments;
        int own = IndexOf(segments, segment), at = segments.ToList().FindIndex(s => s.Holds(offset));
        if (at < 0 || own < 0) return 0.5;
        for (int k = own; k > 0 && segments[k].Continues; k--)
            if (at == k - 1) return 1;
        bool HasAnswer(int k) => unit.Figures.Any(f => segments[k].Holds(f.Start)) || unit.Dates.Any(d => segments[k].Holds(d.Start));
        // the lead: everything before the unit's first figure or date ("Acme reported 12.5% on …, 40.1% on …")
        bool lead = offset < FirstAnswerAt(unit) && !unit.IsRow;
        bool modifier = Math.Abs(at - own) == 1 && !HasAnswer(at) && !segments[at].ListItem;
        // … unless a clause between the word and the figure opens with its own subject after a contrast ("Acme's
        // materials tie …, including the Nimbus plant, while prior disclosure frames 2025 capex at $3B"): a phrase
        // inserted before that clause is another clause's; only the sentence's opening clause (its subject, "Acme's")
        // still leads
        return ContrastBetween(unit, at, own) ? (lead && at == 0 ? 0.75 : 0.5) : lead || modifier ? 0.75 : 0.5;
    }

    /// <summary>Where the unit's first figure or date stands: what comes before it is the sentence's lead.</summary>
    private static int FirstAnswerAt(NoteUnit unit) =>
        unit.Figures.Select(f => f.Start).Concat(unit.Dates.Select(d => d.Start)).DefaultIfEmpty(int.MaxValue).Min();

    /// <summary>A clause after segment <paramref name="at"/>, up to segment <paramref name="own"/>, opens on a contrast.</summary>
    private static bool ContrastBetween(NoteUnit unit, int at, int own)
    {
        var segments = unit.Segments;
        for (int k = at + 1; k <= own; k++)
            if (ContrastOpens().IsMatch(unit.Text[segments[k].Start..Math.Min(unit.Text.Length, segments[k].Start + 12)])) return true;
        return false;
    }

    [GeneratedRegex(@"^\W*(?:while|whereas|although|though|but)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastOpens();

    /// <summary>A word at <paramref name="offset"/> is the sentence's subject for the figure: said before the unit's
    /// first figure, with no clause between it and the figure that opens on a contrast ("…, while prior disclosure
    /// frames …"), which would have a subject of its own.</summary>
    private static bool Leads(NoteUnit unit, Segment segment, int offset)
    {
        if (offset < 0 || unit.IsRow || offset >= FirstAnswerAt(unit)) return false;
        var segments = unit.Segments;
        int own = IndexOf(segments, segment), at = segments.ToList().FindIndex(s => s.Holds(offset));
        return at >= 0 && own >= at && !ContrastBetween(unit, at, own);
    }

    private static int IndexOf(IReadOnlyList<Segment> segments, Segment segment)
    {
        for (int i = 0; i < segments.Count; i++)
            if (ReferenceEquals(segments[i], segment)) return i;
        return -1;
    }

    /// <summary>1 when every period asked is one the span is about, 0 when the span is about others, 0.5 when it says none.</summary>
    public static double PeriodFit(IReadOnlyList<Period> asked, IReadOnlyList<Period> said) =>
        asked.Count == 0 ? 1 : said.Count == 0 ? 0.5 : asked.All(a => said.Any(s => s.Answers(a))) ? 1 : 0;

    /// <summary>"how many people …?" is answered by a count whose own clause says what persons it counts ("1B monthly
    /// Zeta users"), not by a share or an amount, nor a count of something else ("a 2M unit backlog").</summary>
    private static bool CountsPersons(NoteUnit unit, Figure figure)
    {
        if (figure.Kind is FigureKind.Percent or FigureKind.Money) return false;
        var clause = unit.SegmentAt(figure.Start);
        return unit.Words.Any(w => clause.Holds(w.Start) && English.PersonCountNouns.Contains(English.Singular(w.Text)));
    }

    private static bool KindFits(FigureKind? wanted, FigureKind kind) => wanted switch
    {
        null => true,
        FigureKind.Money => kind == FigureKind.Money,
        FigureKind.Percent => kind is FigureKind.Percent or FigureKind.Multiple,
        FigureKind.Count => kind is FigureKind.Count or FigureKind.Number or FigureKind.Money or FigureKind.Percent,
        _ => kind == wanted,
    };

    private static bool IsYear(string word) => word.Length == 4 && (word.StartsWith("19", StringComparison.Ordinal) || word.StartsWith("20", StringComparison.Ordinal)) && word.All(char.IsDigit);

    /// <summary>A date that says no more than the question already does ("March 2024" for "on what day in March 2024
    /// …?", or "2024" for "when in 2024 …?") repeats the question; it does not answer it.</summary>
    private static bool Restates(QuestionFrame q, DateMention date) =>
        q.Dates.Any(asked => date.Period.Answers(asked.Period) && Precision(date) <= Precision(asked));

    private static int Precision(DateMention d) => d.HasDay ? 3 : d.HasMonth ? 2 : d.Period.Quarter is not null ? 1 : 0;

    /// <summary>A figure the question already states is context, not the answer ("what's behind the 2M backlog").</summary>
    private static bool AlsoInQuestion(QuestionFrame q, string figure)
    {
        var digits = Quantities.Digits(figure);
        return digits.Length > 0 && Quantities.FiguresIn(q.Text).Any(f => Quantities.Digits(f.Text) == digits);
    }

    /// <summary>The question asks what a named one is paid: the name is what a verb of paying pays ("paying Dana", "hand
    /// Dana Reed") or is itself paid ("Dana getting paid", "Dana's pay package").</summary>
    private static bool IsPaid(QuestionFrame q, FocusWord name) =>
        PaidBeforeRegex().IsMatch(q.Text[..name.Start]) || PaidAfterRegex().IsMatch(q.Text[(name.Start + name.Word.Length)..]);

    [GeneratedRegex(@"\b(?:pay|pays|paid|paying|hand|hands|handed|handing|give|gives|gave|giving)\s+(?:(?!(?:for|to|into|in|on|of|at|over|toward|towards)\s)[\p{L}.-]+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PaidBeforeRegex();

    [GeneratedRegex(@"^(?:\s+[\p{L}.-]+)?(?:['’]s)?\s+(?:(?:is|was|being|getting|got|gets)\s+)?(?:pay|paid|salary|compensation|comp)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PaidAfterRegex();
}
