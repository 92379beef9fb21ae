using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MuseBot.Core.Conversation;
using MuseBot.Core.Language;
using MuseBot.Core.Retrieval;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>The kind of answer a question's form asks for, in general English.</summary>
public enum AnswerType
{
    /// <summary>What / how / why: a passage that says it.</summary>
    Description,

    /// <summary>Does / is / can …: the note's affirmation or negation.</summary>
    YesNo,

    /// <summary>When / what date / which year.</summary>
    Date,

    /// <summary>How long.</summary>
    Duration,

    /// <summary>How many / how much / what percentage / what score.</summary>
    Quantity,

    /// <summary>Who.</summary>
    Person,

    /// <summary>Which X / what are / list: members of a set.</summary>
    List,

    /// <summary>Where is X located / based · what city or country: a place.</summary>
    Place,
}

/// <summary>A word of the question that says what it is about (not a function word, not a question word).</summary>
/// <param name="Start">Offset in <see cref="QuestionFrame.Text"/>.</param>
/// <param name="Terms">Its analyzed terms.</param>
/// <param name="Weight">How specific it is in this note: inverse unit frequency, a word the note never uses weighing most.</param>
/// <param name="InNote">The note uses it (or another form of it).</param>
/// <param name="IsName">Written as a name, or a name of the note's.</param>
/// <param name="IsFrame">Names the kind of answer ("score", "date", "number") rather than what it is about.</param>
/// <param name="Part">Which part of a multi-part question it belongs to.</param>
/// <param name="IsSlot">Names the thing asked for ("how many <b>GPUs</b>", "what <b>valuation</b>", "<b>hallucination</b> rate"):
/// an answer must say this, not merely the topic around it.</param>
/// <param name="IsSource">Names the source the question cites ("per <b>the trade press</b>", "according to <b>the company</b>").</param>
public sealed record FocusWord(string Word, int Start, IReadOnlyList<string> Terms, double Weight, bool InNote, bool IsName, bool IsFrame, int Part, bool IsSlot = false, bool IsSource = false, bool IsSubject = false)
{
    /// <summary>The word lower-cased, without trailing punctuation or a possessive: how a name is looked up ("zeta's?" → "zeta").</summary>
    public string Key { get; } = KeyOf(Word);

    public static string KeyOf(string word)
    {
        var w = word.ToLowerInvariant().TrimEnd('?', '.', ',', '!', ';', ':');
        return English.WithoutPossessive(w);
    }
}

/// <summary>A question as the engine reads it.</summary>
public sealed class QuestionFrame
{
    public required string Asked { get; init; }

    /// <summary>The question after cleaning, follow-up context, shorthand and typo correction.</summary>
    public required string Text { get; init; }

    public required AnswerType Type { get; init; }

    /// <summary>For quantity questions, the kind of figure wanted when the question says ("how much … spend" → money).</summary>
    public FigureKind? WantedFigure { get; init; }

    /// <summary>Where in <see cref="Text"/> the word for a figure of any kind stands, asked of a thing ("a <b>number</b>
    /// for Zeta", "any <b>figures</b> on Zeta"); -1 when none is.</summary>
    public int AnyFigureAt { get; init; } = -1;

    /// <summary>A figure is asked for only because the thing a what-question names is an amount of money ("what was
    /// the outlay?"); when no figure answers, the question is read again as asking for a description.</summary>
    public bool FigureFromNoun { get; init; }

    /// <summary>The figure is asked for by a bare phrase ("Zeta unit price?", "Acme headcount q3"): it names the measure
    /// and nothing else to describe, so when no figure answers, no description of the topic does either.</summary>
    public bool FigureAskedAsPhrase { get; init; }

    public required IReadOnlyList<FocusWord> Focus { get; init; }
    /// <summary>The periods the question asks about ("in 2025", "Q3 2025").</summary>
    public required IReadOnlyList<Period> Periods { get; init; }
    public required IReadOnlyList<Peer> Peers { get; init; }

    /// <summary>Every word that names one of <see cref="Peers"/> (their aliases and labels' words): the words that say
    /// which thing is asked about, not what is asked of it.</summary>
    public IReadOnlySet<string> PeerWords => _peerWords ??= Peers.SelectMany(p => p.NameWords).ToHashSet(StringComparer.Ordinal);
    private HashSet<string>? _peerWords;

    /// <summary>Asks to compare ("vs", "compare", "which is higher").</summary>
    public required bool Comparison { get; init; }

    /// <summary>For "X vs Y", "compare X and Y", "which …, X or Y?": the question's words on either side (each up
    /// to the nearest clause break), the two things compared when they are no compared things of the note's tables;
    /// null for any other question.</summary>
    public (IReadOnlyList<FocusWord> One, IReadOnlyList<FocusWord> Other)? PhraseSides { get; init; }

    /// <summary>A when-question that names the date or day it asks for ("what date …?", "the exact day …", "launch
    /// date?"): it asks for a day on the calendar, which "in coming weeks" or a month alone does not give.</summary>
    public bool AsksDay { get; init; }

    /// <summary>"which year …?", "what quarter …?": the months a date asked spans when coarser than an event's (12 or
    /// 3), where the note's bare year or quarter answers it; 0 when the question asks no coarser date.</summary>
    public int AskedDateMonths { get; init; }

    /// <summary>Asks for a precise detail ("exact", "specifically", "breakdown", "alone"): the kind of question a note
    /// answers only when it gives that very detail.</summary>
    public required bool Precise { get; init; }

    /// <summary>Asks what the note says or claims ("does the note say …").</summary>
    public required bool AboutTheNote { get; init; }

    /// <summary>Asks whether the note has something at all ("does the note give a rating?", "does it mention X?").</summary>
    public bool AsksExistence { get; init; }

    /// <summary>Asks to confirm that the note lacks something ("can you confirm the note doesn't give a rating?"): read
    /// as whether it gives it, where the verdict confirms or corrects the asker.</summary>
    public bool ClaimsAbsence { get; init; }

    /// <summary>Asked as advice on a trade ("should I buy Acme?") and read as whether the note recommends one: the
    /// reply says what the note gives, with no "No" that would read as advice itself.</summary>
    public bool AsksAdvice { get; init; }

    /// <summary>Asks whether the note speaks of something ("does it mention X?", "does the note discuss X?"), not
    /// whether it gives it: a refusal says the note does not mention X.</summary>
    public bool AsksMention { get; init; }

    /// <summary>The kind of answer an existence question names, in the asker's words from that kind on ("date for the
    /// glasses rollout" of "does the note give a date for the glasses rollout?"); a refusal says the note gives none.</summary>
    public string? NamedKind { get; init; }

    /// <summary>Asks when something is still to happen ("when will Acme ship?", "when is the next model coming?"):
    /// a date the note reports as done does not answer it.</summary>
    public bool AsksFuture { get; init; }

    /// <summary>Asks whether one thing stands at an extreme by itself ("is Zeta alone at the top?", "is Acme the sole
    /// leader?"): a place it shares is not that.</summary>
    public bool AsksAlone { get; init; }

    /// <summary>Asks which of alternatives holds ("is it generic or built for Meta?"): the quote answers, not a yes or no.</summary>
    public bool AsksChoice { get; init; }

    /// <summary>The compared things the question sets aside ("among the non-Acme rows", "besides Zeta", "other than
    /// Omega's"): an extreme is taken over the rest.</summary>
    public IReadOnlyList<Peer> SetAside { get; init; } = [];

    /// <summary>Where in <see cref="Text"/> the question sets them aside ("non-Acme", "besides Zeta"): words that say
    /// which things, not what is asked of them.</summary>
    public IReadOnlyList<(int From, int To)> SetAsideSpans { get; init; } = [];

    /// <summary>Asks how large a difference is ("by how much?", "how far behind?", "how many points apart?", "what's the
    /// gap?"): two sides' figures answer it with the gap between them.</summary>
    public bool AsksGap { get; init; }

    /// <summary>Asks how far to trust something ("how much confidence…", "is that verified?", "how solid is…").</summary>
    public bool AsksConfidence { get; init; }

    /// <summary>Asks for a reason ("why is X …?", "how come X …?"): a passage that says why answers it, never a whole
    /// table that happens to share its words.</summary>
    public bool AsksWhy { get; init; }

    /// <summary>Asks yes or no whether something is verified ("is X independently verified?", "has anyone confirmed
    /// X?"): a doubt the note states about X answers it, "No".</summary>
    public bool AsksVerified { get; init; }

    /// <summary>Asks which of the note's claims it doubts ("which claims are unverified?", "what are the weakest
    /// claims?"), naming no topic: every doubt the note states is the answer.</summary>
    public bool AsksDoubtedClaims { get; init; }

    /// <summary>Asks for the note's gist ("give me 3 quick facts", "tl;dr", "key takeaways") rather than a detail.</summary>
    public bool AsksSummary { get; init; }

    /// <summary>Asks who wrote the note or when it was published ("who is the author?", "when was this report
    /// written?"): about the document, not about what it reports.</summary>
    public bool AsksAuthorship { get; init; }

    /// <summary>Asks what the note is called ("what's the title of this report?", "what's the note's headline?").</summary>
    public bool AsksTitle { get; init; }

    /// <summary>Asks what something is called ("what's the name of …?", "what will X be called?"): a name answers it,
    /// as a person or organisation answers "who".</summary>
    public bool AsksName { get; init; }

    /// <summary>For "which X …?": the index in <see cref="Focus"/> of X's head ("which power <b>developers</b> supply
    /// Zeta?"); the answer must name a member of X, not only X. -1 for any other question, and for X a kind of thing
    /// ("which kinds of …"), whose members are kinds.</summary>
    public int MemberHead { get; init; } = -1;

    /// <summary>Asks for the figures the note gives about something it names ("spark numbers?", "what are the key
    /// stats on Zeta?", "does the note give any figures for Acme?"), not for one measure: the answer lists them.</summary>
    public bool AsksFigures { get; init; }

    /// <summary>Read with the question before it: a follow-up ("and gemini?") that took that question's words.</summary>
    public bool FollowsUp { get; init; }

    /// <summary>A place in a table the question's own words ask for ("the 3rd watch item", "the row after Acme", "how
    /// many rows …"), its spans in <see cref="Text"/> when the question is no follow-up; null when none is asked.</summary>
    public TablePosition? Position { get; init; }

    /// <summary>The question asks how much something changed ("how much did clicks rise?", "what is the outlay
    /// increase?", "how much did clicks go up?"): its word of change is read as the kind of figure asked (see
    /// <see cref="English.ChangeWords"/>).</summary>
    public bool AsksChange => Focus.Any(f => f.IsFrame && English.ChangeWords.Contains(f.Word.ToLowerInvariant()))
                              || (Type == AnswerType.Quantity && English.SaysPhrasalChange(Text));

    /// <summary>For "which X …?": X as the question words it ("power developers"); null for any other question.</summary>
    public string? MemberOf { get; init; }

    /// <summary>Asks what the note itself draws on ("what are the note's sources?", "what does it cite?"): its list of
    /// sources, not a passage that happens to say "source".</summary>
    public bool AsksSources { get; init; }

    /// <summary>Asks where in the note something is said ("which section talks about X?", "which section says that?",
    /// "where in the note …"): the answer names the sections of its quotes.</summary>
    public bool AsksWhichSection { get; init; }

    /// <summary>The section a gist is asked of, by its title ("the gist of the risks"); null for the whole note.</summary>
    public string? SummarySection { get; init; }

    /// <summary>The section the question points to by number ("in section 2", "per §7"); its units are looked at first.</summary>
    public string? Section { get; init; }

    /// <summary>A section number the question points to that the note does not have ("what's in section 12?").</summary>
    public string? MissingSection { get; init; }

    public required int Parts { get; init; }

    /// <summary>Every word the question asks about is one the note never uses and no ordinary English word: a name
    /// it does not know, typed any way ("what about zorbix?", "anything on Zorbix?"). Nothing in the note can answer.</summary>
    public bool OnlyUnknownNames { get; init; }

    /// <summary>In a comparison, a side the note never names ("how does Zeta stack up vs Quark?"): a name no word of the
    /// note's and no English word. The note compares nothing with it; null for none.</summary>
    public string? UnknownSide { get; init; }

    /// <summary>Names the question gives a version the note never gives them ("zeta 3" where it has Zeta-2.1): the
    /// thing asked about is another one, which the note does not cover.</summary>
    public IReadOnlyList<VersionedName> OtherVersions { get; init; } = [];

    /// <summary>Asks for the largest (+1) or smallest (−1) of something ("which has the biggest …"); 0 otherwise.</summary>
    public int Superlative { get; init; }

    /// <summary>The place asked for in an order by a measure, counted from the end <see cref="Superlative"/> says ("the
    /// 2nd highest X", "who's 3rd on X"); 0 when none is.</summary>
    public int Place { get; init; }

    /// <summary>Asks who comes next after the top of an order ("after the two tied at the top, who's next on X?").</summary>
    public bool AfterTop { get; init; }

    /// <summary>Asks where the one named thing stands in an order by a measure ("where does Acme rank on X?", "Acme's
    /// position on X").</summary>
    public bool AsksPlace { get; init; }

    /// <summary>Claims more (+1) or less (−1) of one thing than another ("is Acme <b>ahead of</b> Zeta …?"); 0 otherwise.</summary>
    public int Comparative { get; init; }

    /// <summary>Asks which things stand beyond one named thing, or whether any does: more (+1) or less (−1) of a
    /// measure than it ("which makers beat Acme on capacity?", "anyone with a smaller X than Acme?"); 0 otherwise.</summary>
    public int Beyond { get; init; }

    /// <summary>The figure set as the bound those asked for must pass ("which makers score <b>above 40</b>?", "how many
    /// clear 55?"), with <see cref="Beyond"/> the way; null when a named thing is the bound, or none is.</summary>
    public string? BeyondFigure { get; init; }

    /// <summary>The bound <see cref="BeyondFigure"/> counts itself ("at least 1M", "at most 50%").</summary>
    public bool BeyondOrEqual { get; init; }

    /// <summary>Where in <see cref="Text"/> the comparative of <see cref="Beyond"/> ends: the measure is said after it
    /// ("… beat Acme <b>on GizmoTest</b>"), the things asked for before it ("which makers …"); -1 when none.</summary>
    public int BeyondFrom { get; init; } = -1;

    /// <summary>The dates and periods the question's own words name, where they stand in <see cref="Text"/>.</summary>
    public required IReadOnlyList<DateMention> Dates { get; init; }

    /// <summary>Read as a claim to check ("did Acme launch <b>in March 2026</b>?"): the dates the question states
    /// when something happened, with how each is set (0 on it; −2 before it, −1 by it; +1 since it, +2 after it);
    /// none otherwise. Such a date is checked against the note's date of the event, not looked for as a period
    /// (<see cref="Periods"/> is then empty).</summary>
    public IReadOnlyList<(DateMention Date, int Relation)> StatedDates { get; init; } = [];

    /// <summary>"how many <b>people</b> use X?": persons are counted, so only a count whose clause says whom it counts
    /// answers (not a share, an amount of money, or a count of things).</summary>
    public bool CountsPersons { get; init; }

    /// <summary>"what's the <b>top end</b> of the 2026 guide?": one end of a range asked for, the top (+1) or the
    /// bottom (−1); 0 when none is.</summary>
    public int RangeEnd { get; init; }

    /// <summary>"what was the run-rate <b>a year earlier</b>?", "… in <b>the prior quarter</b>?": a period before the one
    /// the note gives the figure for, with none named, in months (12 or 3); 0 when none is asked. The words that
    /// ask it are kept in <see cref="EarlierPhrase"/>.</summary>
    public int EarlierMonths { get; init; }

    public string? EarlierPhrase { get; init; }

    /// <summary>"how is the budget split between plants and chips?", "how much of the budget goes to plants?": the
    /// whole and the parts it is asked of; null for any other question. The whole's own figure does not answer it.</summary>
    public SplitAsked? Split { get; init; }

    /// <summary>"how <b>accurate</b> is X?", "how <b>profitable</b> …?": the index in <see cref="Focus"/> of the measure a
    /// word after "how" names, one that is no mere degree ("how big", "how far"); -1 for none.</summary>
    public int MeasureAfterHow { get; init; } = -1;

    /// <summary>"how much per <b>share</b>?", "cost per <b>million tokens</b>": the unit a figure is asked per, as asked
    /// (a time unit is read as its frequency before, "per year" as "yearly"); null when none. Only a figure the note
    /// gives per that unit answers.</summary>
    public string? PerUnit { get; init; }

    /// <summary>"who <b>built</b> Zeta?", "who made it?": a who-question asks who made the one compared thing it
    /// names, which the note says by naming its maker beside it.</summary>
    public bool AsksMaker { get; init; }

    /// <summary>"who <b>conducted</b> X?", "who <b>runs</b> X?": the index in <see cref="Focus"/> of the act a who-question
    /// asks the doer of, the word right after an opening "who"; -1 for none ("who is …", "who does …").</summary>
    public int VerbAfterWho { get; init; } = -1;

    /// <summary>Asks what something is worth ("what is the Zeta stake worth?", "Zeta's valuation?"), not what was paid
    /// for it: only a figure the note gives as a worth answers.</summary>
    public bool AsksWorth { get; init; }

    /// <summary>The question's words that carry content, frame words excluded.</summary>
    public IEnumerable<FocusWord> Content => Focus.Where(f => !f.IsFrame);

    public double ContentWeight => Content.Sum(f => f.Weight);

    public override string ToString() =>
        $"{Type}{(WantedFigure is { } k ? $"({k})" : "")} \"{Text}\" focus: {string.Join(", ", Focus.Select(f => $"{f.Word}{(f.IsName ? "*" : "")}{(f.IsFrame ? "~" : "")}{(f.InNote ? "" : "?")}:{f.Weight:F1}/p{f.Part}"))}"
        + (Periods.Count > 0 ? $" periods: {string.Join(",", Periods)}" : "") + (Peers.Count > 0 ? $" peers: {string.Join(", ", Peers.Select(p => p.Label))}" : "")
        + (Comparison ? " compare" : "") + (AboutTheNote ? " about-note" : "")
        + (Superlative > 0 ? " largest" : Superlative < 0 ? " smallest" : "") + (Beyond > 0 ? " beyond: more" : Beyond < 0 ? " beyond: less" : "")
        + (MemberHead >= 0 ? $" member-of: {Focus[MemberHead].Word}" : "") + (OnlyUnknownNames ? " unknown-names-only" : "")
        + (UnknownSide is { } side ? $" unknown-side: {side}" : "")
        + (OtherVersions.Count > 0 ? $" other-versions: {string.Join(", ", OtherVersions.Select(v => $"{v.Key} {v.Version}"))}" : "")
        + (Position is { } place ? $" place: {(place.Count ? "count" : place.Step != 0 ? $"{place.Step:+0;-0} from {place.Anchor ?? "previous"}" : place.Middle ? "middle" : place.Ordinal.ToString())} {place.Noun}" : "");
}

/// <summary>
/// Reads a question: cleans it, leans a short follow-up on the previous question, spells out shorthand (general chat
/// shorthand, the glossary beside the note, the note's own acronyms), corrects typos against the note's words, and
/// finds the answer type, the content words with their weights, years and the compared things it names.
/// </summary>
public sealed partial class QuestionReader(NoteModel note, NoteVocabulary vocabulary)
{
    // what the note is about, by its own title: a summary request naming only these asks for the whole note
    private readonly HashSet<string> _titleTerms = Terms.Of(note.Document.Title).ToHashSet(StringComparer.Ordinal);

    // the note's hyphenated names ("Gadget-Bench", "Zeta-Pro"), by the words as typed apart ("gadget bench"): typed so,
    // they are that one name, not two words each met elsewhere (the "bench" of another "-Bench")
    private readonly Lazy<(Regex Pattern, Dictionary<string, string> Names)?> _hyphenatedNames = new(() =>
    {
        var names = note.Units.SelectMany(u => HyphenatedNameRegex().Matches(u.Text)).Select(m => m.Value)
            .Distinct(StringComparer.Ordinal).GroupBy(n => n.Replace('-', ' ').ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (names.Count == 0) return null;
        var alternatives = string.Join('|', names.Keys.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+")));
        return (new Regex($@"(?<![\p{{L}}\d-])(?:{alternatives})(?![\p{{L}}\d-])", RegexOptions.IgnoreCase), names);
    });

    // the column headers of the note's tables of two words or more, lower-cased ("watch item"): one word before a
    // plural is as often its modifier ("which model benchmarks …") as a column's name
    private readonly Lazy<string[]> _multiWordColumns = new(() => note.Tables.SelectMany(t => t.Headers)
        .Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Contains(' ')).Distinct(StringComparer.Ordinal).ToArray());

    // the years the note speaks of, by their last two digits ("26" for 2026): a bare two-digit year means one of these
    private readonly Lazy<HashSet<string>> _noteYears = new(() => note.Units.SelectMany(u => FourDigitYearRegex().Matches(u.Text))
        .Select(m => m.Value[2..]).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// "did Acme launch in March 2026?", "was Zeta founded before 2020?": a yes/no question that states when
    /// something happened, read with that date as the claim to check rather than a period to look in; null for any
    /// other question (one that also states a figure checks the figure, and its date is the figure's period).
    /// </summary>
    public QuestionFrame? ReadDateClaim(string asked, string? previous = null)
    {
        var q = Read(asked, previous, datesAsClaims: true);
        return q is { Type: AnswerType.YesNo, AsksChoice: false, StatedDates: [var (date, _)] }
               && Quantities.FiguresIn(q.Text).All(f => f.Start >= date.Start && f.End <= date.End) ? q : null;
    }

    /// <summary>"hyperion, what is it?", "the Zeta deal — when did it close?": a topic said first, then asked of with a
    /// pronoun, is the question asked of the topic ("what is hyperion?"), read in the order a question is read.</summary>
    private static string WithTopicInPlace(string text)
    {
        var m = FrontedTopicRegex().Match(text);
        if (!m.Success || !ContentWords(m.Groups["topic"].Value).Any(w => w.Any(char.IsLetter))) return text;
        return $"{m.Groups["wh"].Value} {m.Groups["aux"].Value} {m.Groups["topic"].Value.Trim()}{m.Groups["rest"].Value}";
    }

    [GeneratedRegex(@"^(?!(?:what|who|whom|whose|when|where|why|how|which|is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|and|so|but|or|ok|okay|cool|thanks|then)\b)(?<topic>[^?,;:—–]{2,60}?)\s*[,;:—–-]?\s+(?<wh>what|who|when|where|why|how(?:\s+\w+)?)\s+(?<aux>is|are|was|were|does|do|did|has|have|will|can)\s+(?:it|they|he|she)\b(?<rest>[^?]*\??)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FrontedTopicRegex();

    /// <summary>Whether a question as first read names a date at all ("in March 2026", "on April 8", "Q2"): only then
    /// is it worth reading again with the date as the claim.</summary>
    public static bool MayStateADate(QuestionFrame q) =>
        q.Dates.Count > 0 || q.Periods.Count > 0 || Quantities.DatesWithoutYearIn(q.Text, q.Dates).Count > 0;

    /// <param name="figureFromNoun">Read "what was the outlay?" as asking for a figure (an amount of money).</param>
    /// <param name="datesAsClaims">Read the dates the question names as <see cref="QuestionFrame.StatedDates"/>.</param>
    public QuestionFrame Read(string asked, string? previous = null, bool figureFromNoun = true, bool datesAsClaims = false)
    {
        // typos are corrected first: the forms read below ("the year before", "does the note give a date") are
        // read in the words meant
        // "got it. what about the risks?": the acknowledgement that opens it is no part of the question
        var text = WithTopicInPlace(WithYears(WithSubject(Corrected(Normalize(WithoutGuessedAnswers(English.WithoutSmallTalk(Clean(asked))))))));
        // the words as typed, before any correction: a correction's result is no name of the world typed in lower case
        var asTyped = Tokens.Words($"{Clean(asked)} {Clean(previous ?? "")}").Select(w => English.WithoutPossessive(w.Text.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        var own = text;
        // "so they open-sourced it, right?": a statement with a question tag asks yes or no; the tag says nothing else
        var tag = TagRegex().Match(text);
        // (typed without its comma, a tag closes only a statement: "is that right?" asks whether that is right)
        if (!tag.Success && !OpensAsQuestion(text)) tag = BareTagRegex().Match(text);
        bool hasTag = tag.Success && tag.Index > 0;
        // … and so does one said as a statement after "so" ("so Zeta is the top widget?"), its verb after its subject,
        // or one that says a thing beats another ("Acme tops Zeta on GizmoTest?"), or a statement asked with a question
        // mark alone, its verb after a short subject and no question word anywhere ("Zeta is just a gadget?")
        // ("the 2026 outlay was $5B?": a figure stated after the verb is checked, not asked for)
        // (read with its tag as the question mark it stands for: "zeta's score is 40 rite" states its figure)
        var statement = hasTag ? text[..tag.Index] + "?" : text;
        bool statesFigure = StatedFigureAskedRegex().IsMatch(statement);
        // "so Acme spent $41B in 2025?", "Acme spent $41B in 2025, right?", "zeta got 40% on gizmotest?": a claim with
        // its figure (a unit or scale, not a bare number, which may be a version), under a tag, after "so" or asked
        // with its question mark alone, and no question word (nor a question of its own after a premise: "so with a
        // 2M window, is Zeta the pick?")
        bool claimsFigure = (hasTag || (SoOpenerRegex().IsMatch(text) && !QuestionAfterPremise(text)) || StatementWithQuestionMark(text)) && !HasWhWord(text)
                            && Quantities.FiguresIn(text).Any(f => f.Kind != FigureKind.Number);
        // "zeta launched in May 2024?": a result stated with its date (a month or a day: a year or a quarter alone is
        // more often the period of a figure asked, "Q4 2025: time spent lift?") and asked with its question mark alone
        // is a claim of that date, as a tagged one is
        bool claimsDate = StatementWithQuestionMark(text) && !HasWhWord(text) && Quantities.DatesIn(text).Any(d => d.HasMonth || d.HasDay);
        bool tagged = hasTag || SoStatementRegex().IsMatch(text) || SoClaim(text) || (ComparingStatementRegex().IsMatch(text) && note.Peers.In(text).Count >= 2)
                      || ((StatementAskedRegex().IsMatch(text) || statesFigure) && !OpensAsQuestion(text)) || claimsFigure || claimsDate;
        if (hasTag) text = text[..tag.Index] + "?";
        else if ((AsRequestedCheck(text) ?? AsEmbeddedQuestion(text) ?? AsClaimCheck(text)) is { } claim) text = claim;
        bool asksAdvice = false;
        if (!tagged && AsAdviceRequest(text) is { } request)
        {
            text = request;
            asksAdvice = true;
        }
        else if (AsStockCallRequest(text) is { } call)
        {
            // (asked whether the note gives one, or claimed that it does, the answer is still "No —")
            asksAdvice = !tagged && !AuxFirstRegex().IsMatch(text.ToLowerInvariant());
            text = call;
        }
        // "can you confirm the note doesn't give X?", "the note has no X, right?": whether the note gives X, where a
        // "no" confirms the asker
        var absence = AbsenceClaimRegex().Match(text);
        if (absence.Success)
        {
            text = absence.Groups["no"].Success
                ? $"does the note {BaseVerb(absence.Groups["no"].Value.ToLowerInvariant())} any {absence.Groups["rest"].Value}?"
                : $"does the note {(absence.Groups["never"].Success ? BaseOfFirst(absence.Groups["rest"].Value) : absence.Groups["rest"].Value)}?";
            // the kind of answer it names ("… gives no figure for X") is read from the question it is read as
            own = text;
        }
        // "is Zeta the best model?", "so it's the top widget?": asked whether a thing is best with no measure named,
        // the question is whether it leads, which a note says of leaders ("not yet the leader"), not of "best"
        text = BestThingRegex().Replace(text, m => m.Groups["pre"].Value + "the leading " + m.Groups["noun"].Value);
        var typed = text;
        if (!string.IsNullOrWhiteSpace(previous)) text = WithContext(text, WithYears(WithSubject(Corrected(Normalize(English.WithoutSmallTalk(Clean(previous)))))));
        bool followsUp = text != typed;
        var lower = text.ToLowerInvariant();
        bool asksTitle = AsksNoteTitle(lower, followsUp: !string.IsNullOrWhiteSpace(previous));

        var slots = SlotSpans(lower);
        // the kind of answer an existence question names, in the question as asked (a follow-up's own kind, not
        // the previous question's)
        var named = NamedKindRegex().Match(own.ToLowerInvariant());
        var type = TypeOf(lower, slots, figureFromNoun, named, out var wanted, out bool fromNoun, out bool barePhrase);
        if (type == AnswerType.Description && AsksWhereAThingIs(lower)) type = AnswerType.Place;
        // "what's the optimization target per the table?": a row the note labels with a measure noun whose cells give
        // no figure is a thing it describes, asked for by its name
        if (type == AnswerType.Quantity && wanted is null && NamesAFigurelessRow(lower)) type = AnswerType.Description;
        // "what is Zeta's weekly paying users?": what a figure of the note measures, asked for as a thing, is its figure
        if (figureFromNoun && type == AnswerType.Description && NamesAMeasure(lower))
        {
            type = AnswerType.Quantity;
            fromNoun = true;
        }
        // "what about Zeta on GizmoTest?": a compared thing on a name of the note's asks its figure there, as "what did
        // Zeta get on GizmoTest?" does
        if (type == AnswerType.Description && WhatAboutOnRegex().Match(lower) is { Success: true } about && note.Peers.In(lower).Count > 0
            && WordRegex().Matches(about.Groups["on"].Value).Any(w => note.ProperNouns.Contains(English.WithoutPossessive(w.Value))))
            type = AnswerType.Quantity;
        // ("the row says X, which confirms Y, correct?": a "which" after a comma in a claim opens a clause of it, and
        // asks for no member)
        // ("Acme invested in Zeta in June 2024, right?": a tagged statement of when a deal was done states a date, and
        // asks no amount, whatever its verb of paying)
        if (tagged && (type == AnswerType.Description || (type == AnswerType.Quantity && (statesFigure || claimsFigure))
                       || (type == AnswerType.Quantity && !HasWhWord(text) && Quantities.DatesIn(text).Any(d => d.HasMonth || d.HasDay))
                       || (type == AnswerType.List && RelativeWhichRegex().IsMatch(text)))) type = AnswerType.YesNo;
        var sources = SourceRegex().Matches(lower).Select(m => (From: m.Groups["source"].Index, To: m.Groups["source"].Index + m.Groups["source"].Length)).ToList();
        var parts = PartBreakRegex().Split(text).Where(p => p.Any(char.IsLetterOrDigit)).ToList();
        var figures = Quantities.FiguresIn(text);
        // the form an answer takes ("… in a sentence") or whom and what it is for ("… for a client deck", "… for my
        // boss") asks nothing of the note; what a figure is for otherwise is part of what is asked ("the price for a
        // premium tier"), and so is anything of it the note speaks of ("… for the growth team")
        var occasion = OccasionRegex().Match(lower);
        bool occasionAsksNothing = occasion.Success
            && (occasion.Groups["form"].Success
                || (WordRegex().Matches(occasion.Groups["whom"].Value).LastOrDefault() is { } last && English.AudienceNouns.Contains(last.Value)
                    && Terms.Of(occasion.Groups["whom"].Value[..last.Index]).All(t => !note.InNote(t))));
        // a figure asked for a period ("the Q4 2025 lift") is checked against the figure's own period, not by
        // finding the period's words in its clause: they name the kind of answer, as "percent" does
        var dates = Quantities.DatesIn(text);
        var quarters = Quantities.QuartersWithoutYearIn(text, dates);
        List<(DateMention Date, int Relation)> stated = [];
        List<(int From, int To)> timeWords = [];
        if (datesAsClaims)
        {
            // a date the question gives as a claim is checked, not looked for: its words are the kind of answer
            var claimed = dates.Concat(Quantities.DatesWithoutYearIn(text, dates))
                .Concat(quarters.Select(x => new DateMention(text[x.From..x.To], x.From, x.Period, false, false)))
                .OrderBy(d => d.Start).Select(d => (Date: d, Relation: DateRelation(text[..d.Start]))).ToList();
            if (claimed.All(x => x.Relation is not null))
            {
                stated = claimed.Select(x => (x.Date, x.Relation!.Value)).ToList();
                // "back in 2024", "sometime in 2025": the words that set the date in time go with it
                timeWords = claimed.Select(x => LeadingTimeWordsRegex().Match(text[..x.Date.Start]))
                    .Where(m => m.Success).Select(m => (From: m.Index, To: m.Index + m.Length)).ToList();
                dates = [];
                quarters = [];
            }
        }
        var periodWords = type is AnswerType.Quantity or AnswerType.Duration || stated.Count > 0
            ? dates.Select(d => (From: d.Start, To: d.End)).Concat(quarters.Select(x => (x.From, x.To))).Concat(stated.Select(x => (From: x.Date.Start, To: x.Date.End))).Concat(timeWords).ToList()
            : [];
        // "the run-rate a year earlier": the words ask for a period, not for something the note must say
        var earlier = English.EarlierPeriodAsked(text);
        // "the top end of the guide": which end of a range is asked, no word the note must say (when the end is what
        // the question asks for, which made it a figure question)
        var rangeEnd = type == AnswerType.Quantity ? English.RangeEndAsked(text) : Match.Empty;
        var peers = note.Peers.In(text);
        var setAside = SetAsideIn(text);
        // "who is ahead, Acme or Zeta, and by how much?": the margin between two compared things is in the unit of
        // their own figures, not a share
        if (wanted == FigureKind.Percent && peers.Count >= 2 && ByHowMuchRegex().IsMatch(lower) && !PercentWordRegex().IsMatch(lower)) wanted = null;
        // "does the note mention / give / discuss X?": the verb asks whether the note has X, it is not part of X
        var existence = ExistenceRegex().Match(lower);
        var existenceVerb = existence.Groups["verb"];
        // "which three models …?", "the 2 outcomes", "of the four rivals": how many things are meant, which the
        // question's own kind already says; the note need not write the count
        var counts = ThingsCountedRegex().Matches(lower).Select(m => m.Groups["n"]).ToList();
        // "does the note claim / argue X?": the verb asks what the note says, it is no part of X
        var aboutNote = AboutNoteRegex().Matches(lower);
        var noteVerb = aboutNote.Select(m => m.Groups["verb"]).FirstOrDefault(g => g.Success);
        bool comparesTwo = type == AnswerType.YesNo && peers.Count == 2;
        // "how far behind Zeta is Acme?", "by how much does Zeta edge Acme?": asked of two compared things (or of one and
        // the top: "how far behind the leader is Acme?"), the size of their gap is the answer, and the words that say the
        // gap are no words the note must say
        bool asksGap = GapRegex().IsMatch(lower);
        bool gapOfTwo = asksGap && (peers.Count >= 2 || (peers.Count == 1 && Tokens.Words(lower).Any(w => English.SuperlativeDirection(w.Text) != 0)));
        // "does Acme beat the rest on capacity?": one thing set against all the others; the words that set it there
        // say how to compare, as a comparative between two named things does, not what to compare
        var againstTheRest = peers.Count == 1 ? ThanTheRestRegex().Match(lower) : Match.Empty;
        // "where does Acme land on GizmoTest?": the verb of position asks for a standing, no word the note must say
        var standing = StandingRegex.Match(lower).Groups["verb"];
        // "which quarter …?" names the kind of date asked, as "which year" does; elsewhere a quarter is what is asked
        // about ("the quarter before Q4")
        var coarseDate = CoarseDateRegex().Match(lower);
        var resultVerb = ResultGivenRegex.Match(lower) is { Success: true } given ? given.Groups["verb"] : MeasureThenResultRegex.Match(lower).Groups["verb"];
        // "is Zeta open source like Acme was?": a yes/no claim's "like …" after its predicate sets it beside another
        // thing for comparison; what the claim asks is said before it ("is Zeta like Acme?" asks the likeness itself)
        // (asked with its verb first, two words of the claim's own that name nothing before it: "is the model like Acme?"
        // asks the likeness)
        var analogy = type == AnswerType.YesNo && AnalogyRegex().Match(lower) is { Success: true } like
                      && (!AuxFirstRegex().IsMatch(lower) || ContentWords(lower[..like.Groups["x"].Index]).Count(w => !note.ProperNouns.Contains(English.WithoutPossessive(w))) >= 2)
            ? like.Groups["x"] : null;
        // "according to that grid in section 2", "per §7": where in the note to look, no word the answer must say
        var sectionRef = SectionRefRegex().Match(lower);
        var sectionNumber = sectionRef.Success && note.Document.Sections.Any(s => s.Number.ToString(CultureInfo.InvariantCulture) == sectionRef.Groups["n"].Value)
            ? sectionRef.Groups["n"] : null;
        // a question typed in capitals throughout says nothing by its capitals
        bool shouted = !text.Any(char.IsLower);
        var focus = new List<FocusWord>();
        int part = 0, offsetOfNextPart = parts.Count > 1 ? text.IndexOf(parts[1], StringComparison.Ordinal) : int.MaxValue;
        bool first = true;
        string previousWord = "", previousBeforeAdverb = "";
        int measureAfterHow = -1, verbAfterWho = -1;
        foreach (var (word, start) in Tokens.Segments(text))
        {
            if (!char.IsLetterOrDigit(word[0]) && word[0] != '$') continue;
            if (sectionNumber is not null && start >= sectionRef.Index && start < sectionRef.Index + sectionRef.Length) continue;
            if (occasionAsksNothing && start >= occasion.Index) continue;
            while (part + 1 < parts.Count && start >= offsetOfNextPart)
            {
                part++;
                offsetOfNextPart = part + 1 < parts.Count ? text.IndexOf(parts[part + 1], offsetOfNextPart, StringComparison.Ordinal) : int.MaxValue;
            }
            var lw = word.ToLowerInvariant().TrimEnd('?', '.', '!');
            bool wasFirst = first, afterHow = previousWord == "how" && English.DegreeWords.Contains(lw);
            // … when "how" opens the question: "can it tell how fattening X is?" asks whether it can, not how much
            bool howMeasure = previousWord == "how" && !afterHow && RightAfterOpening(lower[..start], "how");
            // "who conducted X?": the verb right after an opening "who" (not "who is", "who does")
            // … past an adverb ("who actually built X?")
            // … or its progressive ("who is running X?")
            bool whoVerb = (previousBeforeAdverb == "who" && !English.VerbAdverbs.Contains(lw)
                            && RightAfterOpening(VerbAdverbsAtEndRegex().Replace(lower[..start], ""), "who"))
                           || (lw.Length > 5 && lw.EndsWith("ing", StringComparison.Ordinal)
                               && CopulaAtEndRegex().Match(lower[..start]) is { Success: true } copula && RightAfterOpening(lower[..copula.Index], "who"));
            first = false;
            // "google's model", "anthropic's flagship": a compared thing called by its maker and a word for a product
            // is that thing, which its maker's name already names; the product word is no part of what is asked
            bool makersProduct = English.ProductNouns.Contains(English.WithoutPossessive(lw)) && English.WithoutPossessive(previousWord) is var maker
                                 && maker != previousWord && peers.Any(p => p.NameWords.Contains(maker));
            var previousWordBefore = previousWord;
            previousWord = lw;
            if (!English.VerbAdverbs.Contains(lw)) previousBeforeAdverb = lw;
            // "the note's sources" asks about the sources as "the note" does: a stop word stays one in its possessive
            // "the US number", "in the UK": a word written in capitals is a name, not the pronoun or function word it spells
            bool acronym = !shouted && word.Length >= 2 && word.All(c => char.IsUpper(c) || c == '.') && !English.Interjections.Contains(lw);
            // ("who made Zeta?": the verb right after "who" is the act asked, though "made" is too common to search by)
            bool actAsked = whoVerb && English.MakingVerbs.Contains(lw);
            if (!acronym && !actAsked && (English.IsStopWord(lw) || English.IsStopWord(English.WithoutPossessive(lw)) || English.QuestionWords.Contains(lw))) continue;
            var terms = Terms.OfWord(English.WithoutPossessive(lw)); // "4.6's" is the name "4.6"
            if (terms.Count == 0) continue;
            bool inNote = terms.All(t => note.InNote(t) || note.Units.Count == 0);
            // a quarter without its year ("q4") is a time, not a name, though it mixes letters and digits; so is a span
            // ("30-day")
            bool isName = !QuarterRegex().IsMatch(lw) && !IsCountedSpan(lw, vocabulary) && ((!wasFirst && char.IsUpper(word[0])) || (word.Any(char.IsDigit) && word.Any(char.IsLetter))
                          || ((note.ProperNouns.Contains(lw) || note.ProperNouns.Contains(English.WithoutPossessive(lw)))
                              && !(EnglishWordOfAName(note, text, word, start, previousWordBefore) && vocabulary.IsEnglishWord(lw)))
                          || (lw.Length > 3 && lw.EndsWith('s') && !vocabulary.Contains(lw) && note.ProperNouns.Contains(lw[..^1]) // "zetas score", not "2 lines"
                              && !CountBeforeRegex().IsMatch(text[..start]))
                          // a name of the world typed in lower case ("in europe"), which the note never says
                          || (!inNote && asTyped.Contains(English.WithoutPossessive(lw)) && NoteVocabulary.IsNameInEnglish(English.WithoutPossessive(lw)))
                          // a bare decimal with no unit is a version, part of a name ("gadgeteval 2.0", "widget 3.1")
                          || (VersionRegex().IsMatch(English.WithoutPossessive(lw)) && !figures.Any(f => f.Start == start && f.Kind != FigureKind.Number)));
            // "how long", "how big", "how far": a word of degree after "how" names the kind of answer ("how accurate"
            // names a measure the note must speak of); so does a superlative
            // ("the biggest …"), as a comparative does
            // "who leads Acme Works?" where the note says who leads the works ("Acme Works under Dana"): leading, not ranking
            bool leadsLed = whoVerb && English.LeadingVerbs.Contains(lw) && Terms.Of(text[(start + word.Length)..]).Any(note.LedTerms.Contains);
            bool isFrame = (English.AnswerTypeNouns.Contains(lw) && !leadsLed && !(English.ComparativeDirection(lw) != 0 && Describes(text, start, word, comparesTwo || peers.Count >= 2))
                            || afterHow || English.SuperlativeDirection(lw) != 0
                            // "does Acme beat Zeta?", "is Acme behind Zeta?": asked of two compared things, the comparative
                            // is the kind of answer (their figures decide it), not a word the note must say
                            || ((comparesTwo || againstTheRest.Success) && English.ComparativeDirection(lw) != 0)
                            || (gapOfTwo && (English.ComparativeDirection(lw) != 0 || English.DifferenceNouns.Contains(lw) || English.GapVerbs.Contains(lw)))
                            // "what's the gap between Acme and Zeta on GizmoTest?": their figures are the answer (not
                            // "has Acme closed the gap with Zeta and Omega?", a gap the note may speak of)
                            || (peers.Count >= 2 && English.DifferenceNouns.Contains(lw) && BetweenNextRegex().IsMatch(text, start + word.Length))
                            || Within(againstTheRest, start) || Within(standing, start) || (type is AnswerType.Quantity && Within(resultVerb, start)) || makersProduct
                            || periodWords.Any(sp => start >= sp.From && start < sp.To)
                            || (periodWords.Count > 0 && English.ForecastNouns.Contains(lw))
                            || Within(existenceVerb, start) || Within(noteVerb, start) || counts.Any(g => Within(g, start)) || (type is AnswerType.Date && Within(coarseDate.Groups["grain"], start)) || Within(earlier, start) || Within(rangeEnd.Groups[0], start)
                            // a change, asked how much or stated with its figure ("did clicks rise 3%?"), names the
                            // kind of figure: the note may say it with another word ("a 3% lift")
                            || ((type is AnswerType.Quantity || (type is AnswerType.YesNo && figures.Count > 0)) && English.ChangeWords.Contains(lw))
                            // … so does a verb of reaching a figure the claim states ("Acme hit a $5B run-rate?"): the
                            // note may say it crossed or reached it
                            || (type is AnswerType.YesNo && English.ResultVerbs.Contains(lw)
                                && figures.Any(f => f.Start > start && ArticleOnlyRegex().IsMatch(text[(start + word.Length)..f.Start])))
                            // "how many months did Zeta spend on it?": time spent is the duration asked, not money
                            || (type is AnswerType.Duration && English.TimeSpendingVerbs.Contains(lw))
                            || (type is AnswerType.Place && English.PlaceWords.Contains(lw))
                            // "what was Acme's total outlay?": a figure is the whole amount unless the note parts it,
                            // so a word of wholeness it never uses asks nothing of the figure
                            || (type is AnswerType.Quantity && English.WholeWords.Contains(lw) && !inNote)
                            // "when did the deal happen?": the event's date, whatever verb says that it took place
                            || (type is AnswerType.Date && English.EventVerbs.Contains(lw))
                            // … as does, in a date claimed ("X began on May 4?"), the verb that says it took place or began
                            || (stated.Count > 0 && (English.EventVerbs.Contains(lw) || English.BeginningVerbs.Contains(lw)))
                            // "how many people use X monthly?": persons counted in general; what counts them is the
                            // figure's own words ("1B monthly X users")
                            || (wanted == FigureKind.Count && English.PersonNouns.Contains(lw) && slots.Any(sp => start >= sp.From && start < sp.To))
                            // "what share of Zeta …?", "what share did Acme get?": a share of a named thing, or one said
                            // without what it is of, names the kind of figure, a percentage; the note says it as a stake
                            // ("a 40% stake in Zeta"). Not a share of a total ("what share of the 5% gain came from
                            // Acme?"), which asks a split
                            || (wanted == FigureKind.Percent && previousWordBefore == "what" && English.ShareNouns.Contains(lw)
                                && (ShareOfRegex().Match(text, start + word.Length) is { Success: true } of ? IsNoteName(of.Groups["name"].Value) : !OfNextRegex().IsMatch(text, start + word.Length)))
                            || (wanted == FigureKind.Money && (English.MoneyVerbs.Contains(lw) || English.MoneyNouns.Contains(lw)))) && !isName
                           // a stated date is checked whole, its month's capital ("in April") notwithstanding
                           || stated.Any(x => start >= x.Date.Start && start < x.Date.End)
                           || Within(analogy, start);
            double weight = terms.Max(t => note.Idf(t)) * (isName ? 1 : NoteVocabulary.Specificity(English.WithoutPossessive(lw)));
            bool isSlot = !isFrame && slots.Any(sp => start >= sp.From && start < sp.To);
            bool isSource = sources.Any(sp => start >= sp.From && start < sp.To);
            bool isSubject = note.Subject is { } subject && English.WithoutPossessive(lw) == subject;
            if (howMeasure && !isFrame && !isName) measureAfterHow = focus.Count;
            // … a word it knows: a mistyped verb ("rnus") says no act to look for
            if (whoVerb && !isFrame && !isName && (inNote || vocabulary.IsEnglishWord(lw))) verbAfterWho = focus.Count;
            focus.Add(new FocusWord(word, start, terms, weight, inNote, isName, isFrame, part, isSlot, isSource, isSubject));
        }

        // a question made only of words that name the kind of answer ("how confident is it?") asks about those words:
        // they are its content; but a figure or date asked of nothing ("percent?", "what's the score?") names no
        // measure to find one for
        // "how big is Zeta?", "how fast is Acme?": a degree that names a measure, asked of things and nothing else, is
        // that measure of them, which a unit must speak of; another of their figures (a score, a price paid) does not
        // answer it. "how big is Zeta's backlog?" names its measure, which the degree only asks the amount of
        if (type == AnswerType.Quantity && HowDegreeRegex().Match(lower) is { Success: true } how && English.MeasureOfDegree(how.Groups["degree"].Value) is not null
            && focus.Where(f => !f.IsFrame).All(f => f.IsName || peers.Any(p => p.NameWords.Contains(f.Key))))
            focus = focus.Select(f => f.Start == how.Groups["degree"].Index ? f with { IsFrame = false } : f).ToList();

        // "what's the 2026 spend?", "the Q4 2025 lift?": a figure asked of a period and nothing else is asked by the
        // word that says what kind of figure (the spending, the lift): that word is what a unit must speak of
        if (type == AnswerType.Quantity && periodWords.Count > 0 && focus.Count > 0 && focus.All(f => f.IsFrame))
            focus = focus.Select(f => !periodWords.Any(sp => f.Start >= sp.From && f.Start < sp.To)
                && (English.MoneyVerbs.Contains(f.Key) || English.MoneyNouns.Contains(f.Key) || English.ChangeWords.Contains(f.Key) || English.ForecastNouns.Contains(f.Key))
                ? f with { IsFrame = false } : f).ToList();

        // "what's in section 4?", "section 8?": a section named by number and nothing asked of it asks for its gist
        bool sectionGist = sectionNumber is not null && focus.All(f => f.IsFrame);
        if (focus.Count > 0 && focus.All(f => f.IsFrame) && type is not (AnswerType.Quantity or AnswerType.Date or AnswerType.Duration))
            focus = focus.Select(f => f with { IsFrame = false }).ToList();

        // a gist asked of a few plain words at most ("tl;dr", "key takeaways on the risks"): of the whole note, or of the
        // section its words title; one about something neither the note's title nor a section's carries ("the takeaway
        // for Zeta", "a summary of the capex numbers") asks about that thing, not the whole note
        var summaryWords = SummaryRegex().Matches(lower).Select(m => (From: m.Index, To: m.Index + m.Length)).ToList();
        var aboutWhat = focus.Where(f => !f.IsFrame && !summaryWords.Any(sp => f.Start >= sp.From && f.Start < sp.To)).ToList();
        // … and one that names a table ("what does the overview table say about X?") asks what a row says
        // (not a question of how far to trust it: "how confident is the note about the broader takeaways?" asks for
        // the note's doubts, which its opening does not give)
        bool asksConfidence = ConfidenceRegex().IsMatch(lower);
        // what the gist is for ("… for a client call") is no topic of it, unless it names something ("… for Zeta")
        var topic = aboutWhat.Where(f => f.IsName || !occasion.Success || f.Start < occasion.Index).ToList();
        bool asksSummary = summaryWords.Count > 0 && topic.Count <= 3
                           && (topic.All(f => f.Terms.All(_titleTerms.Contains)) || SectionTitled(topic) is not null)
                           && !focus.Any(f => English.TableNouns.Contains(f.Key)) && !asksConfidence;
        asksSummary |= sectionGist;
        var member = type == AnswerType.List ? MemberPhrase(lower, focus, _multiWordColumns.Value) : (Head: -1, From: 0, Length: 0);
        var comparativeWord = Tokens.Segments(lower).Where(t => English.ComparativeDirection(t.Text.TrimEnd('?', '.', '!', ',')) != 0)
            .Select(t => ((string Text, int Start)?)t).FirstOrDefault();
        int comparative = comparativeWord is { } said ? English.ComparativeDirection(said.Text.TrimEnd('?', '.', '!', ',')) : 0;
        var beyond = BeyondOne(lower, peers, comparativeWord, comparative);
        // "who's 3rd on GizmoTest?", "where does Acme rank on it?": a place in the order asked, of no thing named or of one
        var place = peers.Count == 0 ? PlaceAsked(lower) : (Place: 0, Direction: 0);
        bool asksPlace = peers.Count == 1 && type != AnswerType.YesNo && PlaceOfRegex().IsMatch(lower);
        bool afterTop = peers.Count == 0 && NextAfterTopRegex().IsMatch(lower);
        // "which makers score above 40 on GizmoTest?", "how many clear 55?": a figure set as the bound those asked for
        // must pass, with no named thing to pass
        var bound = peers.Count == 0 && (WhichOrWhoRegex().IsMatch(lower) || AnyOneRegex().IsMatch(lower) || CountOfRegex().IsMatch(lower))
            ? BoundFigureRegex().Match(lower) : Match.Empty;
        if (bound.Success && Quantities.PeriodsIn(bound.Groups["fig"].Value).Count > 0) bound = Match.Empty;
        if (bound.Success) beyond = (BelowWordRegex().IsMatch(bound.Groups["dir"].Value) ? -1 : 1, bound.Index);
        return new QuestionFrame
        {
            Asked = asked,
            Text = text,
            Type = type,
            WantedFigure = wanted,
            AnyFigureAt = AnyFigureRegex().Match(text) is { Success: true } anyFigure ? anyFigure.Groups["noun"].Index : -1,
            FigureFromNoun = fromNoun,
            FigureAskedAsPhrase = fromNoun && barePhrase,
            Focus = focus,
            Dates = dates,
            StatedDates = stated,
            // a count read from a bare phrase's noun is read from one that counts persons ("Acme monthly users?")
            CountsPersons = wanted == FigureKind.Count && (fromNoun || focus.Any(f => f.IsFrame && English.PersonNouns.Contains(f.Key))),
            RangeEnd = !rangeEnd.Success ? 0 : rangeEnd.Groups["hi"].Success ? 1 : -1,
            EarlierMonths = earlier.Success ? (earlier.Groups["unit"].Value.Equals("quarter", StringComparison.OrdinalIgnoreCase) ? 3 : 12) : 0,
            EarlierPhrase = earlier.Success ? earlier.Value : null,
            Split = English.SplitAskedIn(text),
            MeasureAfterHow = ConfidenceRegex().IsMatch(lower) ? -1 : measureAfterHow,
            VerbAfterWho = verbAfterWho,
            // "per Omega", "per the note" name a source, not a unit
            PerUnit = type is AnswerType.Quantity or AnswerType.Description && PerUnitRegex().Match(lower) is { Success: true } per
                      && per.Groups["unit"].Value is var unit && !English.IsStopWord(unit) && !note.ProperNouns.Contains(unit)
                      ? (per.Value.StartsWith("per", StringComparison.Ordinal) ? per.Value[3..].Trim() : unit) : null,
            AsksMaker = type == AnswerType.Person && peers.Count == 1 && peers[0].Makers.Count > 0 && WhoMadeRegex().IsMatch(lower),
            AsksWorth = type == AnswerType.Quantity && English.AsksWorth(lower),
            Periods = dates.Select(d => d.Period).Concat(quarters.Select(x => x.Period)).Distinct().ToList(),
            Peers = peers,
            // "which has a longer X, Acme or Zeta?": a comparative asked between two compared things is a comparison
            Comparison = ComparisonRegex().IsMatch(lower) || (peers.Count >= 2 && OrRegex().IsMatch(lower) && SaysComparative(lower)),
            PhraseSides = (ComparisonRegex().IsMatch(lower) || WhichOfTwoRegex().IsMatch(lower)) && peers.Count < 2 ? PhraseSidesOf(text, focus, dates) : null,
            AboutTheNote = aboutNote.Count > 0,
            Precise = PreciseRegex().IsMatch(lower),
            AsksDay = type == AnswerType.Date && DayNounRegex().IsMatch(lower),
            AskedDateMonths = type == AnswerType.Date && coarseDate.Success ? coarseDate.Groups["grain"].Value == "year" ? 12 : 3 : 0,
            AsksExistence = existence.Success,
            ClaimsAbsence = absence.Success && existence.Success,
            AsksAdvice = asksAdvice,
            NamedKind = named.Success ? NamedKindOf(own, named) : null,
            AsksMention = existenceVerb.Success && English.MentionVerbs.Contains(existenceVerb.Value.Split(' ')[0]),
            AsksFuture = English.AsksFuture(lower),
            AsksAlone = AloneRegex().IsMatch(lower),
            AsksConfidence = asksConfidence,
            AsksDoubtedClaims = type is not AnswerType.YesNo && AsksDoubtedClaims(focus, lower) && !WouldChangeRegex().IsMatch(lower),
            AsksVerified = type == AnswerType.YesNo && VerifiedRegex().IsMatch(lower),
            AsksWhy = WhyRegex().IsMatch(lower),
            AsksChoice = ChoiceRegex().IsMatch(lower),
            SetAside = setAside.SelectMany(x => x.Peers).Distinct().ToList(),
            SetAsideSpans = setAside.Select(x => x.Span).ToList(),
            AsksGap = asksGap,
            AsksSummary = asksSummary,
            AsksAuthorship = AsksAuthorship(lower),
            AsksTitle = asksTitle,
            AsksName = NameAskedRegex().IsMatch(lower) && !asksTitle,
            MemberHead = member.Head,
            FollowsUp = followsUp,
            Position = TablePosition.Read(typed),
            AsksFigures = AsksFiguresOf(focus, type, text) && !ConfidenceRegex().IsMatch(lower) && !ComparisonRegex().IsMatch(lower)
                          && focus.Select(f => f.Part).Distinct().Count() <= 1 && dates.Count == 0 && quarters.Count == 0,
            MemberOf = member.Head >= 0 ? text.Substring(member.From, member.Length) : null,
            AsksSources = SourcesRegex().IsMatch(lower),
            AsksWhichSection = WhichSectionRegex().IsMatch(lower),
            SummarySection = asksSummary ? sectionNumber?.Value ?? SectionTitled(topic) : null,
            Section = sectionNumber?.Value,
            MissingSection = sectionRef.Success && sectionNumber is null ? sectionRef.Groups["n"].Value : null,
            // a part that is a question word alone ("… and when?") is a part of its own, with no words of its own
            Parts = Math.Max(1, focus.Select(f => f.Part).Distinct().Count() + parts.Count(p => BareWhRegex().IsMatch(p))),
            OtherVersions = Versions.Unknown(text, note.VersionedNames),
            OnlyUnknownNames = focus.Any(f => !f.IsFrame) && focus.Where(f => !f.IsFrame)
                .All(f => !f.InNote && !f.Word.Any(char.IsDigit) && (f.IsName || !vocabulary.IsEnglishWord(f.Word))),
            // (the word right after what sets one side against the other: "vs Quark", "than Quark", "compared with Quark")
            // (or the thing a standing or a score is asked of: "where does quark land on X?", "what did quark score?")
            // (or the thing a comparison opens with: "quark's window vs Acme's?", "how does quark's X compare with Acme's?")
            UnknownSide = SideRegex().Matches(lower).Concat(StandingOfRegex().Matches(lower)).Concat(SideBeforeRegex().Matches(lower)).Select(m => m.Groups["side"].Value).FirstOrDefault(w =>
                focus.Any(f => f.Key == w && !f.IsFrame && !f.InNote && !f.Word.Any(char.IsDigit)) && !vocabulary.IsEnglishWord(w)),
            // "rank the makers by capacity": the whole order, the largest first (unless a superlative says which end)
            // (the top end of a range is no largest of several)
            // (not a bound: "at least 1M", "at most 50%" ask for those past a figure, not the extreme)
            Place = place.Place,
            AsksPlace = asksPlace,
            AfterTop = afterTop,
            // (a place asked says which end it is counted from, "the 2nd lowest"; else the top: "who's 3rd on X")
            Superlative = place.Place > 0 ? place.Direction : asksPlace || afterTop ? 1 : rangeEnd.Success || bound.Success ? 0 : Tokens.Segments(BoundRegex().Replace(lower, " ")).Select(t => English.SuperlativeDirection(t.Text.TrimEnd('?', '.', '!', ','))).FirstOrDefault(d => d != 0) is var end and not 0
                ? end : LastPlaceRegex().IsMatch(lower) ? -1
                : RankRequestRegex().IsMatch(lower) || (peers.Count == 1 && LeadsRegex().IsMatch(lower))
                  || (peers.Count <= 1 && Tokens.Segments(lower).Any(t => English.LeaderNouns.Contains(t.Text.TrimEnd('?', '.', '!', ',')))) ? 1
                // "is Acme's capacity bigger than its rivals'?": more than every other one is the most of all
                : againstTheRest.Success ? (comparative != 0 ? comparative : 1)
                // "who's ahead on X?", "which one has more Y?": a comparative set against nothing in particular
                // is set against them all
                : comparative != 0 && peers.Count == 0 && WhichOrWhoRegex().IsMatch(lower) && !SetAgainstRegex().IsMatch(lower) && !AheadOfRegex().IsMatch(lower) ? comparative : 0,
            Comparative = comparative,
            Beyond = beyond.Direction,
            BeyondFrom = beyond.From,
            BeyondFigure = bound.Success ? text.Substring(bound.Groups["fig"].Index, bound.Groups["fig"].Length).Trim() : null,
            BeyondOrEqual = bound.Success && bound.Groups["dir"].Value.StartsWith("at", StringComparison.Ordinal),
        };
    }

    /// <summary>"which makers beat Acme on X?", "does anyone have a bigger X than Acme?": one named thing on the far side
    /// of the comparative (after "than", "beat", "ahead of"), and a question of which or whether any: the things
    /// beyond it, in the comparative's direction. 0 when the named thing is the one the claim is about ("is Acme
    /// ahead of the rest?", which asks whether it leads).</summary>
    private static (int Direction, int From) BeyondOne(string lower, IReadOnlyList<Peer> peers, (string Text, int Start)? comparativeWord, int comparative)
    {
        if (peers.Count != 1 || comparativeWord is not { } word || !(WhichOrWhoRegex().IsMatch(lower) || AnyOneRegex().IsMatch(lower))) return (0, -1);
        // "the larger Acme models" describes what is asked about; it sets nothing beyond Acme
        if (Describes(lower, word.Start, word.Text, twoCompared: false)) return (0, -1);
        int end = word.Start + word.Text.Length;
        int named = peers[0].NameWords.Select(w => Regex.Match(lower, $@"(?<![\p{{L}}\d]){Regex.Escape(w)}(?![\p{{L}}\d])"))
            .Where(m => m.Success).Select(m => m.Index).DefaultIfEmpty(-1).Min();
        if (named < end) return (0, -1);
        // a word of place ("behind", "ahead of") sets things in order only on a measure said after the thing ("ahead of
        // Acme on GizmoTest"): "the principals behind Acme" are those who made it
        bool ofPlace = PlaceOrderWords.Contains(word.Text.TrimEnd('?', '.', '!', ','));
        if (ofPlace && !MeasureAfterRegex().IsMatch(lower[named..])) return (0, -1);
        // … nor do "the people behind Acme", with anything after: a word for makers before "behind" says who made it
        if (ofPlace && WordBeforeRegex().Match(lower[..word.Start]) is { Success: true } before && English.MakerNouns.Contains(before.Groups["w"].Value)) return (0, -1);
        // the named thing is the comparative's other side: right after "than" ("a bigger X than Acme"), or the object
        // of a word of order ("beat Acme", "ahead of Acme"); "who leads the lab that built Acme?" sets nothing beyond it
        var between = lower[end..named];
        return ThanBeforeRegex().IsMatch(between) || OrderObjectRegex().IsMatch(between) ? (comparative, end) : (0, -1);
    }

    /// <summary>The one section whose title carries every word of <paramref name="words"/> ("the gist of the
    /// risks" → the section titled "Risks"); null when none or several do.</summary>
    private string? SectionTitled(IReadOnlyList<FocusWord> words) => SectionTitled(words.Select(w => w.Terms).ToList());

    /// <summary>The one section whose title holds every word's terms; null when none or several do.</summary>
    private string? SectionTitled(IReadOnlyList<IReadOnlyList<string>> words)
    {
        if (words.Count == 0) return null;
        var titled = note.Document.Sections
            .Where(s => Terms.Of(s.Title).ToHashSet(StringComparer.Ordinal) is var title && words.All(w => w.All(title.Contains)))
            .ToList();
        return titled.Count == 1 ? titled[0].Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The question's words are all words of doubt ("unverified", "weakest"), words for claims, "own" or the
    /// note's subject, and one at least is a word of doubt: it asks for the claims the note doubts, not about a topic.
    /// Not when it asks where the note is surest ("where is the note most confident?"), nor when "weak" describes a
    /// thing rather than a claim: "what is it weak at?", "where's it weak?" ask what the thing does badly; "weak" is
    /// about claims only beside a word for claims or for the note itself ("the weakest claims", "where is the note weak?").</summary>
    private static bool AsksDoubtedClaims(IReadOnlyList<FocusWord> focus, string lower)
    {
        var content = focus.Where(f => !f.IsFrame).ToList();
        bool Doubt(FocusWord f) => ConfidenceRegex().IsMatch(f.Word.ToLowerInvariant()) || English.DoubtWords.Contains(f.Key);
        if (!focus.Any(Doubt) || !content.All(f => Doubt(f) || English.ClaimNouns.Contains(f.Key) || f.IsSubject || f.Key == "own")) return false;
        var doubtWords = focus.Where(f => English.DoubtWords.Contains(f.Key)).ToList();
        if (doubtWords.Count == 0) return !SurestRegex().IsMatch(lower);
        if (!doubtWords.All(f => English.WeakWords.Contains(f.Key))) return true;
        return !WeakAtRegex().IsMatch(lower) && (focus.Any(f => English.ClaimNouns.Contains(f.Key)) || DocumentNounRegex().IsMatch(lower));
    }

    // "where is the note most sure of itself?", "where is its confidence highest?": the surest claims, the opposite of
    // the doubted ones
    [GeneratedRegex(@"\bmost\s+(?:sure|confident|certain|solid|reliable|trustworthy)\b|\b(?:surest|firmest)\b|\b(?:highest|strongest|greatest|most)\s+(?:confidence|certainty)\b|\b(?:confidence|certainty)\s+(?:is\s+)?(?:highest|strongest|greatest)\b")]
    private static partial Regex SurestRegex();

    // "what is it weak at?", "weaker at coding": weak at doing something, a thing's shortcoming
    [GeneratedRegex(@"\bweak(?:er|est)?\s+at\b")]
    private static partial Regex WeakAtRegex();

    // the note itself, or its reasoning, named as what may be weak ("where is the write-up weakest?")
    [GeneratedRegex(@"\b(?:note|report|write-?up|writeup|analysis|piece|doc|document|research|evidence|argument|case|thesis|reasoning|authors?|analysts?|writer)\b")]
    private static partial Regex DocumentNounRegex();

    /// <summary>"what would make the note more confident?", "what could raise confidence?": what would change the doubt,
    /// asked of what is to come, not which claims are doubted now.</summary>
    [GeneratedRegex(@"\b(?:would|could|might|will)\s+(?:\w+\s+)?(?:make|raise|boost|increase|improve|strengthen|lift|add\s+to|help)\b")]
    private static partial Regex WouldChangeRegex();

    /// <summary>The parts of a multi-part question ("when did X launch and what does it cost?"), each a question of
    /// its own; one part when it has no others.</summary>
    public static IReadOnlyList<string> PartsOf(string text)
    {
        var parts = new List<string>();
        // split as the question is read: "and whats its price?" opens a part as "and what is its price?" does
        foreach (var part in PartBreakRegex().Split(WithoutGuessedAnswers(Clean(text))).SelectMany(ListedParts).Select(p => p.Trim()).Where(p => p.Any(char.IsLetterOrDigit)))
        {
            if (parts.Count > 0 && NamesOnlyTheKindOfAnswer(part)) parts[^1] = parts[^1].TrimEnd() + " " + part;
            else parts.Add(part);
        }
        return parts;
    }

    /// <summary>The question without the closing parts that guess at its answer ("which regulators are on it? ftc?
    /// eu?"): short parts, each with no question word or verb of its own, after a part that opens with a question word.</summary>
    private static string WithoutGuessedAnswers(string text)
    {
        var breaks = PartBreakRegex().Matches(text);
        int end = text.Length, guesses = 0, i = breaks.Count - 1;
        for (; i >= 0; i--)
        {
            var piece = text[(breaks[i].Index + breaks[i].Length)..end];
            if (!string.IsNullOrWhiteSpace(piece))
            {
                if (!IsGuessShaped(piece)) break;
                guesses++;
            }
            end = breaks[i].Index;
        }
        if (guesses == 0 || end == 0) return text;
        // the part they guess at opens with a question word
        int from = i >= 0 ? breaks[i].Index + breaks[i].Length : 0;
        return OpensWithWhRegex().IsMatch(text[from..end].TrimStart()) ? text[..end].TrimEnd() + "?" : text;
    }

    /// <summary>"ray-bans?", "like 1T?", "chief ai officer?": a short part with no question word or verb of its own,
    /// which guesses at the answer of the part before it; it asks nothing the answer to that part does not settle
    /// ("and 2026?", "what about Zeta?" ask on).</summary>
    private static bool IsGuessShaped(string part) => !GuessIsNotRegex().IsMatch(part) && Tokens.Words(part).Count is > 0 and <= 3;

    // a short part that asks on rather than guesses: a question word, a verb first, or a joining word
    [GeneratedRegex(@"^\W*(?:and|also|plus|or|but|what|which|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|can|could|will|would|has|have|had|vs\.?|versus|compared)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GuessIsNotRegex();

    /// <summary>"names pls", "any timeline": a part that only says what kind of answer the part before wants, and asks
    /// nothing of its own (not "… and when?", which asks that part again with its own question word).</summary>
    private static bool NamesOnlyTheKindOfAnswer(string part) =>
        !BareWhRegex().IsMatch(part)
        && Tokens.Words(part).Select(w => w.Text.ToLowerInvariant()).All(w => English.IsStopWord(w) || English.AnswerTypeNouns.Contains(w) || English.TimingNouns.Contains(w));

    /// <summary>The question without a closing part that names only the kind of answer ("capex 2025 and 2026 guide?
    /// need both quick" → "capex 2025 and 2026 guide?").</summary>
    public static string WithoutKindOnlyEnding(string text)
    {
        var breaks = PartBreakRegex().Matches(text);
        // from the last break back, each closing piece that is empty or names only the kind of answer goes
        int end = text.Length;
        Match? last = null;
        for (int i = breaks.Count - 1; i >= 0; i--)
        {
            var piece = text[(breaks[i].Index + breaks[i].Length)..end];
            if (!string.IsNullOrWhiteSpace(piece) && !NamesOnlyTheKindOfAnswer(piece)) break;
            (end, last) = (breaks[i].Index, breaks[i]);
        }
        // what is left keeps the question mark that closed it
        return last is null || end == 0 ? text : text[..end].TrimEnd() + (last.Value.StartsWith('?') ? "?" : "");
    }

    /// <summary>"need 3 things: 2025 outlay, the 2026 range, and the plant named": a colon and a list of bare phrases
    /// after it (no question word among them) asks each phrase on its own; any other text is one part.</summary>
    private static IEnumerable<string> ListedParts(string part)
    {
        int colon = part.IndexOf(':');
        if (colon < 0) return [part];
        var items = ListItemBreakRegex().Split(part[(colon + 1)..]).Select(p => p.Trim()).Where(p => p.Any(char.IsLetterOrDigit)).ToList();
        return items.Count >= 2 && !items.Any(i => LeadingWhWordRegex().IsMatch(i) || AuxFirstRegex().IsMatch(i)) ? items : [part];
    }

    // a comma (not one inside a figure or a date: "1,000", "April 8, 2026"), or a comma and "and" before the last item
    [GeneratedRegex(@"(?<!\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\s+\d{1,2}),(?!\d)\s*(?:and\s+|&\s+)?|\s+and\s+(?=(?:the\s+)?\S+(?:\s+\S+){0,8}\s*[?.!]?$)", RegexOptions.IgnoreCase)]
    private static partial Regex ListItemBreakRegex();

    /// <summary>"… and when?", "when and where was Zeta launched?": a part that is a question word alone asks the
    /// nearest whole part again with that word ("when did Acme invest in Zeta?"); null for any other part.</summary>
    public static string? WithItsQuestion(IReadOnlyList<string> parts, int i)
    {
        if (BareWhRegex().Match(parts[i]) is not { Success: true } bare) return null;
        var whole = parts.Take(i).Reverse().Concat(parts.Skip(i + 1)).FirstOrDefault(p => !BareWhRegex().IsMatch(p) && LeadingWhWordRegex().IsMatch(p));
        return whole is null ? null : LeadingWhWordRegex().Replace(whole, bare.Groups["wh"].Value.ToLowerInvariant(), 1);
    }

    /// <summary>"30-day", "12-month", "24-hour": a count and the English word it counts, a span or size rather than a
    /// name (unlike "Zeta-2", "G4").</summary>
    private static bool IsCountedSpan(string lw, NoteVocabulary vocabulary) =>
        CountedSpanRegex().Match(lw) is { Success: true } m && vocabulary.IsEnglishWord(m.Groups["what"].Value);

    [GeneratedRegex(@"^\d+(?:\.\d+)?-(?<what>\p{Ll}+)$")]
    private static partial Regex CountedSpanRegex();

    /// <summary>
    /// A word the note capitalizes only inside longer names ("grand" of "Zeta's Grand Prize"), typed in lower case
    /// beside no other word of those names ("a grand total"): the English word. Beside one ("zeta's grand
    /// prize") it is the name, as users type the note's names in lower case. (The caller asks, too, that the word be
    /// English at all: "gadgeval" alone is still the name's.)
    /// </summary>
    private static bool EnglishWordOfAName(NoteModel note, string text, string word, int start, string previousWord)
    {
        if (!char.IsLower(word[0]) || !note.NameWordsOnlyInNames.TryGetValue(English.WithoutPossessive(word.ToLowerInvariant()), out var companions)) return false;
        var next = Tokens.Segments(text[(start + word.Length)..]).FirstOrDefault(t => char.IsLetterOrDigit(t.Text[0])).Text;
        return !companions.Contains(English.WithoutPossessive(previousWord))
               && (next is null || !companions.Contains(English.WithoutPossessive(next.ToLowerInvariant().TrimEnd('?', '.', '!'))));
    }

    [GeneratedRegex(@"^\W*(?<wh>when|where|who|why|how)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareWhRegex();

    [GeneratedRegex(@"^\W*(?:what|which|who|when|where|why|how(?:\s+(?:much|many|long|big|far|old))?)(?:['’]s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWhWordRegex();

    /// <summary>
    /// "and the assistant itself, monthly?" after "how many people use Acme's apps each day?": a follow-up fragment
    /// with words of its own (not only a compared thing or a period, which ask the previous question of them), asked with no
    /// more of the previous question than its opening wh-words ("how many the assistant itself, monthly?"). The
    /// previous question's other words may be the very ones the fragment sets aside ("Acme's apps"). Null for a
    /// question of its own, or a previous question that opens with no wh-word.
    /// </summary>
    public string? FragmentWithPreviousWh(string text, string previous)
    {
        var cleaned = Clean(text);
        if (!FollowUpRegex().IsMatch(cleaned)) return null;
        var fragment = FollowUpRegex().Replace(cleaned, "").Trim().TrimEnd('?', '.', '!', ' ');
        // (nor one that points back at the previous question, "on the same test?", or shifts its period, "the year before?";
        // nor one that leaves behind the compared thing the previous question asked of, "and on GizmoTest?")
        if (fragment.Length == 0 || OpensWithWhRegex().IsMatch(fragment) || AuxFirstRegex().IsMatch(fragment.ToLowerInvariant())
            || PointsBackRegex().IsMatch(fragment) || SameRegex().IsMatch(fragment) || YearShiftRegex().IsMatch(fragment)
            || Quantities.PeriodsIn(fragment).Count > 0 || (note.Peers.In(fragment).Count == 0 && note.Peers.In(previous).Count > 0)) return null;
        if (!ContentWords(fragment).Any(w => !w.Any(char.IsDigit) && !note.Peers.NameWords.Contains(English.WithoutPossessive(w)) && English.HowOften(w) is null))
            return null;
        return LeadingWhPhraseRegex().Match(Clean(previous)) is { Success: true } wh ? $"{wh.Value.Trim()} {fragment}?" : null;
    }

    /// <summary>
    /// A later part of a multi-part question that says "it" or "its" for a compared thing an earlier part named
    /// ("where is X live, and what's its score?"): the pronoun becomes that thing, so the part asked alone still
    /// asks about it.
    /// </summary>
    public string WithAntecedent(string part, IEnumerable<string> earlierParts)
    {
        if (!PronounRegex().IsMatch(part) || SaysItsOfOwnName(part)) return part;
        // "where does it land versus Zeta?" after a question about Acme: "it", set against the compared thing the part
        // names, is the one an earlier part named; a part that names one otherwise has its thing in itself
        var named = note.Peers.In(part);
        if (named.Count > 0 && !(ItSetAgainstRegex().Match(part) is { Success: true } against
                                 && note.Peers.In(part[..against.Groups["against"].Index]).Count == 0)) return part;
        string? name = null;
        foreach (var earlier in earlierParts)
            foreach (var peer in note.Peers.In(earlier).Where(p => named.Count == 0 || (!named.Contains(p) && named.Any(n => n.Group == p.Group))))
            {
                var alias = peer.Aliases.Where(a => earlier.Contains(a, StringComparison.OrdinalIgnoreCase)).MaxBy(a => a.Length);
                name = (alias is null ? null : ModifiedPhrase(earlier, alias, peer.Kind)) ?? alias ?? peer.Label;
            }
        return name is null ? part : PronounRegex().Replace(part, m => m.Value.EndsWith('s') ? name + "'s" : name);
    }

    /// <summary>"Zeta: what's its GizmoTest, and what's the capacity?": a later part that names no compared thing and asks
    /// of what the one compared thing the earlier parts name has a table row for (every word of it said in that row)
    /// is asked of that thing; null otherwise (the part's thing is its own, or there is none to carry).</summary>
    public string? OfEarlierThing(string part, IEnumerable<string> earlierParts)
    {
        if (note.Peers.In(part).Count > 0 || PronounRegex().IsMatch(part)) return null;
        if (earlierParts.SelectMany(note.Peers.In).Distinct().ToList() is not [var peer]) return null;
        var content = Read(part).Content.ToList();
        return content.Count > 0 && content.All(f => f.Terms.Count > 0) && RowSpeaksOf(peer, content.Select(f => f.Terms))
            ? $"{peer.Label} — {part}" : null;
    }

    /// <summary>"the bigger Zeta model" in "what will the bigger Zeta model be called, and when is it out?": the
    /// name with a word before it that makes it another thing than the one the name labels, from its determiner to
    /// its kind noun; "it" stands for that, not for the thing named. Null where no such word stands before the name.</summary>
    private static string? ModifiedPhrase(string text, string alias, string? kind)
    {
        var m = Regex.Match(text, $@"(?i)(?<![\p{{L}}\d])(?:the|a|an|this|that|these|those|its|their)\s+(?<mods>(?:[\p{{Ll}}-]+\s+){{1,2}}){Regex.Escape(alias)}(?:\s+{(kind is null ? "(?!)" : Regex.Escape(kind) + "s?")})?(?![\p{{L}}\d])");
        if (!m.Success) return null;
        var mods = m.Groups["mods"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "does the note treat Zeta as …": "the note" is a phrase of its own, the asker's frame, and its verb follows
        if (DocumentNounRegex().IsMatch(mods[0])) return null;
        return mods.All(w => English.StopWords.Contains(w) || English.CurrentWords.Contains(w)) ? null : m.Value;
    }

    /// <summary>"how much did Acme pay for its stake, and what did it get?": "its" after a name of the note's own is
    /// that name's, and the question's pronouns have their thing in the question itself.</summary>
    private bool SaysItsOfOwnName(string text) =>
        PronounRegex().Matches(text).FirstOrDefault(m => m.Value.Equals("its", StringComparison.OrdinalIgnoreCase)) is { } its
        && Tokens.Words(text[..its.Index]).Any(w => note.ProperNouns.Contains(English.WithoutPossessive(w.Text.ToLowerInvariant())));

    [GeneratedRegex(@"\bit\b[^?]*?(?<against>\b(?:vs\.?|versus|compared\s+(?:to|with)|against|than)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ItSetAgainstRegex();

    // not the "it" of "it took nine months", which points at nothing
    [GeneratedRegex(@"\b(?:its|it(?!\s+(?:take|takes|took|taking)\b))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounRegex();

    /// <summary>What "non-X", "besides X", "other than X", "excluding X" set aside, and where it is said: the compared
    /// things X names, or whose maker or owner X is ("non-Acme" of Acme's model); only sayings that set some aside.</summary>
    private List<(IReadOnlyList<Peer> Peers, (int From, int To) Span)> SetAsideIn(string text) =>
        SetAsideRegex().Matches(text).Select(m =>
        {
            var x = m.Groups["x"].Value;
            var named = note.Peers.In(x);
            IReadOnlyList<Peer> peers = named.Count > 0 ? named
                : note.Peers.All.Where(p => p.Makers.Concat(p.Owners).Any(o => string.Equals(o, English.WithoutPossessive(x.Split(' ')[0]), StringComparison.OrdinalIgnoreCase))).ToList();
            return (peers, (m.Index, m.Index + m.Length));
        }).Where(x => x.peers.Count > 0).ToList();

    [GeneratedRegex(@"\bnon-(?<x>[\w.]+)|\b(?:besides|except(?:\s+for)?|excluding|other\s+than|apart\s+from|aside\s+from|leaving\s+out)\s+(?<x>[\w.'’-]+(?:\s+[\w.'’-]+){0,2})", RegexOptions.IgnoreCase)]
    private static partial Regex SetAsideRegex();

    /// <summary>The last run of the note's names in a question ("Acme Widget Works", "Nimbus"), as typed;
    /// null when it names none but the note's subject.</summary>
    private string? LastNameIn(string question) => NameRuns(question).LastOrDefault();

    /// <summary>The name of the question's, of two words or more, whose last word is the noun said ("group" for
    /// "Zeta Group"); null when none is.</summary>
    private string? NameEndingIn(string question, string noun) =>
        NameRuns(question).LastOrDefault(run => run.Split(' ') is { Length: >= 2 } words
                                                && English.Singular(words[^1].ToLowerInvariant()) == English.Singular(noun.ToLowerInvariant()));

    /// <summary>The runs of the note's names in a question ("Acme Widget Works", "Nimbus"), as typed, in order; not
    /// the note's subject alone.</summary>
    private List<string> NameRuns(string question)
    {
        var runs = new List<string>();
        var words = Tokens.Words(question).ToList();
        for (int i = 0; i < words.Count;)
        {
            int j = i;
            while (j < words.Count && note.ProperNouns.Contains(English.WithoutPossessive(words[j].Text.ToLowerInvariant()))) j++;
            if (j > i)
            {
                var run = words.Skip(i).Take(j - i).Select(w => English.WithoutPossessive(w.Text)).ToList();
                if (!(run.Count == 1 && run[0].Equals(note.Subject, StringComparison.OrdinalIgnoreCase))) runs.Add(string.Join(' ', run));
                i = j;
            }
            else i++;
        }
        return runs;
    }

    // "that group", "this company's": a thing pointed back at by its kind
    [GeneratedRegex(@"\b(?:that|this|the\s+same)\s+(?<n>[A-Za-z]+)(?<s>['’]s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThatKindRegex();

    /// <summary>The text points back at a thing without naming it: "that model's", "this one", "it".</summary>
    public static bool PointsBack(string text) => PointerRegex().IsMatch(text);

    /// <summary>"what did Zeta get on that one?": "that" standing alone after a preposition, where it is the measure
    /// asked before, not a thing.</summary>
    public static bool AsksMeasureBefore(string text) =>
        ThatAloneRegex().Match(text) is { Success: true } that && MeasureThatRegex().IsMatch(text[..that.Index]);

    /// <summary>The text with its pointers back spelled out as the thing named ("that model's GadgetEval" → "Zeta's GadgetEval").</summary>
    public static string PointedAt(string text, string name) =>
        PointerRegex().Replace(text, m => m.Groups["s"].Success || m.Value.Equals("its", StringComparison.OrdinalIgnoreCase) ? name + "'s" : name);

    // (not the "it" of "it took nine months", which points at nothing)
    [GeneratedRegex(@"\b(?:(?:that|this|the\s+same)\s+(?:one|model|company|lab|firm|product|maker|row|thing)(?<s>['’]s)?|its|it(?!\s+(?:take|takes|took|taking)\b))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointerRegex();

    [GeneratedRegex(@"^(?:what|when|where|which|who|whom|whose|why|how)(?:\b|['’]s\b|s\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OpensWithWhRegex();

    /// <summary>A question's opening wh-phrase, its auxiliary too ("what did ", "how much was ", "when's ").</summary>
    [GeneratedRegex(@"^\W*(?:what|when|where|which|who|whom|whose|why|how)(?:['’]s|s)?(?:\s+(?:much|many|long|big|far))?(?:\s+(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could))?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWhPhraseRegex();

    [GeneratedRegex(@"^its\b", RegexOptions.IgnoreCase)]
    private static partial Regex PossessiveFirstRegex();

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingTheRegex();

    [GeneratedRegex(@"^(?:which|who)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhichOrWhoRegex();

    /// <summary>"the 2nd highest X", "third-best on X": an ordinal before a superlative, which says the end it counts
    /// from; or, in a question of who or which, an ordinal alone ("who's 3rd on X", "which comes second in X", "who is
    /// in third place"), counted from the top. (0, 0) when none is asked.</summary>
    private static (int Place, int Direction) PlaceAsked(string lower)
    {
        foreach (Match m in OrderPlaceRegex().Matches(lower))
        {
            int n = TablePosition.OrdinalOf(m.Groups["ord"].Value);
            var after = m.Groups["after"].Value;
            if (English.SuperlativeDirection(after) is var direction and not 0) return (n, direction);
            if (WhichOrWhoRegex().IsMatch(lower) && after is "" or "on" or "in" or "for" or "place" or "spot" or "overall" or "by") return (n, 1);
        }
        return (0, 0);
    }

    /// <summary>"after the two tied at the top, who's next?", "who comes next after the leaders?": the ones right behind
    /// the top of an order.</summary>
    [GeneratedRegex(@"^(?=.*\b(?:who|which)\b.*\bnext\b)(?=.*\bafter\s+(?:the\s+|those\s+)?(?:[\w-]+\s+){0,4}?(?:top|leaders?|first|highest|best)\b)")]
    private static partial Regex NextAfterTopRegex();

    /// <summary>"a number for Zeta", "any figures on Zeta", "put a number on it": a figure of any kind asked of a thing,
    /// not a count of it ("the number of Zeta users"). Group "noun": the word for a figure.</summary>
    [GeneratedRegex(@"\b(?<noun>numbers?|figures?|stats?|statistics|metrics?)\s+(?:for|on|about|behind)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyFigureRegex();

    [GeneratedRegex(@"\b(?<ord>second|2nd|third|3rd|fourth|4th|fifth|5th)(?:[\s-]+(?<after>[a-z]+))?\b")]
    private static partial Regex OrderPlaceRegex();

    /// <summary>"where does Acme rank on X?", "how does Acme rank", "Acme's position on X", "what place is Acme in":
    /// where one named thing stands in an order.</summary>
    [GeneratedRegex(@"\bwhere\s+(?:does|do|did|is|are|would|will)\b.*?\b(?:rank|ranks|ranked|place|places|placed|stand|stands|sit|sits|land|lands|fall|falls|come|comes)\b|\bhow\s+(?:does|do|did)\b.*?\brank\b|\b(?:rank|ranking|placing|position|standing)\s+(?:on|in|for|among)\b|['’]s\s+(?:rank|ranking|placing|position|standing)\b|\bwhat\s+(?:rank|place|position)\b")]
    private static partial Regex PlaceOfRegex();

    /// <summary>"above 40", "more than 1M", "clears 55", "under 300k": a word of passing and the figure it sets.</summary>
    [GeneratedRegex(@"\b(?<dir>above|over|more\s+than|higher\s+than|greater\s+than|bigger\s+than|larger\s+than|at\s+least|clear(?:s|ed|ing)?|exceed(?:s|ed|ing)?|beat(?:s|ing)?|below|under|less\s+than|lower\s+than|smaller\s+than|fewer\s+than|at\s+most)\s+(?:a\s+|an\s+)?(?<fig>[$€£]?\d[\d.,]*(?:\s*(?:%|percent|[kmbt]\b|bn\b|million\b|billion\b))?)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundFigureRegex();

    [GeneratedRegex(@"\bhow\s+many\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountOfRegex();

    [GeneratedRegex(@"^(?:below|under|less|lower|smaller|fewer|at\s+most)", RegexOptions.IgnoreCase)]
    private static partial Regex BelowWordRegex();

    [GeneratedRegex(@"\bthan\s+(?:the\s+)?$")]
    private static partial Regex ThanBeforeRegex();

    private static readonly HashSet<string> PlaceOrderWords = new(StringComparer.Ordinal) { "ahead", "behind", "above", "below" };

    [GeneratedRegex(@"\b(?:on|in|at|for)\s+\w")]
    private static partial Regex MeasureAfterRegex();

    [GeneratedRegex(@"(?<w>[\p{L}]+)\s+$")]
    private static partial Regex WordBeforeRegex();

    [GeneratedRegex(@"^[?.!,]?\s+(?:of\s+)?(?:the\s+)?$")]
    private static partial Regex OrderObjectRegex();

    // "what's ahead of Acme", "any maker with …", "does anyone …", "is there a maker …": asks which, or whether any
    [GeneratedRegex(@"^what(?:['’]s|\s+is|\s+are)?\s|\b(?:any|anyone|anybody|anything|there\s+(?:a|an|any))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyOneRegex();

    /// <summary>An opening "how" and the word of degree after it ("how <b>fast</b> is …").</summary>
    [GeneratedRegex(@"^\W*how\s+(?<degree>\w+)\b", RegexOptions.IgnoreCase)]
    public static partial Regex HowDegreeRegex();

    /// <summary>"ahead of X", "behind X": a comparative's other side, as "than X" is.</summary>
    [GeneratedRegex(@"\bahead\s+of\b|\bbehind\s+(?!(?:on|in|at|for|with)\b)\w", RegexOptions.IgnoreCase)]
    private static partial Regex AheadOfRegex();

    [GeneratedRegex(@"\b(?:it(?!\s+(?:take|takes|took|taking)\b)|its|that|this|those|these|they|them|their|he|she|his|her)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsBackRegex();

    [GeneratedRegex(@"\bsame\b", RegexOptions.IgnoreCase)]
    private static partial Regex SameRegex();

    /// <summary>"how much of that", "what share of it": a part asked of what a pronoun points back to (group "that").</summary>
    [GeneratedRegex(@"\b(?:how\s+much|what\s+(?:share|part|portion|proportion|fraction|percentage|percent|slice|chunk|amount|piece|cut))\s+of\s+(?<that>that|it|this)\b(?!\s+(?:is|was)\s+(?:the|a)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfThatRegex();

    // "them", "that", "those" standing for things (not "that" opening a clause: "… says that …")
    [GeneratedRegex(@"\b(?:them|those|these)\b|\b(?:for|about|on|with|from|of|to|into)\s+(?:that|this)\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex ThemThatRegex();

    // "that" ("it", "this", "that one") as a thing of its own, not before a noun ("that model") nor opening a clause ("says that
    // …"): before a comparison, "or", or the end; or the subject of a yes/no question put against the top ("is that
    // the biggest?", group "top")
    [GeneratedRegex(@"\b(?:that|it|this)(?:\s+one)?(?=\s*(?:[,?.!]|$)|\s+(?:or|vs\.?|versus|compare[sd]?|comparing|stacks?|against|than|\w+er)\b)|(?<=^(?:(?:so|and|but|ok|okay)\s+)?(?:is|was|are|were)\s+)(?:that|it|this)(?=\s+the\s+(?<top>[\w-]+))", RegexOptions.IgnoreCase)]
    private static partial Regex ThatAloneRegex();

    /// <summary>A pronoun put against the top ("is that the <b>biggest</b>?"): the word after its "the" is a superlative.</summary>
    private static bool IsTopAsked(Match that) =>
        that.Groups["top"].Success && English.SuperlativeDirection(that.Groups["top"].Value.ToLowerInvariant()) != 0;

    [GeneratedRegex(@"^(?:when|where|who)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhenWhereWhoRegex();

    /// <summary>A yes/no question about "it" as a thing ("is it open source?", "can it see images?"); not "does it say
    /// …?", whose "it" is as often the note.</summary>
    [GeneratedRegex(@"^(?:(?:so|and|but|ok|okay)\s+)?(?:is|was|will|would|can|could|has)\s+it\s+(?!say|mention|cover|talk|discuss|give)\w", RegexOptions.IgnoreCase)]
    private static partial Regex ItSubjectRegex();

    [GeneratedRegex(@"\G\s+between\b", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenNextRegex();

    /// <summary>"per share", "per active user", "per million tokens": a rate asked, by its unit, a whole word (not "per
    /// cent", "as per", "per zeta-2.1"); or said with "a" after a word of price ("how much a month", "what's it cost
    /// a seat").</summary>
    [GeneratedRegex(@"(?<!\bas\s)\bper\s+(?:(?:a\s+)?(?:hundred|thousand|million|billion|\d[\d,.]*[km]?)\s+)?(?:(?:active|paying|daily|monthly)\s+)?(?!cent\b)(?<unit>\p{L}[\p{L}-]*)(?![\p{L}\d.'’-])"
        + @"|(?<=\b(?:much|cost|costs|charge|charges|price|fee)\s+)(?:a|an|each|every)\s+(?<unit>\p{L}[\p{L}-]*)(?![\p{L}\d.'’-])")]
    private static partial Regex PerUnitRegex();

    /// <summary>A figure given per a unit (<see cref="QuestionFrame.PerUnit"/>, by its last word): "per share", "a share",
    /// "each share", "/share".</summary>
    public static bool SaysPer(string text, string perUnit) =>
        English.Singular(perUnit.Split(' ')[^1]) is var unit
        && (Regex.IsMatch(text, $@"(?:\b(?:per|a|an|each|every)\s+(?:\p{{L}}+\s+)?|/\s*){Regex.Escape(unit)}(?:s|es)?\b", RegexOptions.IgnoreCase)
            // a span of time said as its adjective: "an annual run-rate" is a figure per year
            || English.SaysSpan(text, unit));

    /// <summary>"who built …", "who actually made …": a who-question for a thing's maker (not "who's behind …", which
    /// as often asks a ranking).</summary>
    [GeneratedRegex(@"^\W*(?:so\s+|and\s+|ok\s+)?who(?:\s+(?:\p{L}+ly\s+)?(?:made|makes|make|built|builds|build|developed|develops|develop|created|creates|create|designed|designs|trained|trains))\b")]
    private static partial Regex WhoMadeRegex();

    /// <summary>Opens with a question word and a verb: a whole question, not a fragment ("and Zeta's?"); or a who/what
    /// question whose one verb takes "it" as its object ("who makes it?", not "what about it?").</summary>
    [GeneratedRegex(@"^(?:what|when|where|which|who|how|why)(?:['’]s|\s+(?:is|are|was|were|does|do|did|has|have|can|will|would|much|many|big|long))\b|^(?:who|what)\s+(?!(?:about|of|if|for|with|in|on|to|else|now|then)\b)\p{L}+\s+it\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnQuestionRegex();

    /// <summary>The guard's cleaning (control and format characters, lone surrogates, runs of spaces), then
    /// wh-contractions opened ("why'd" → "why did", "whats" → "what is", "how big's" → "how big is") so they read as
    /// question words.</summary>
    public static string Clean(string text) =>
        ContractionRegex().Replace(WithHowDegreeOpened(SpokenNumbers.InDigits(QuestionGuard.Clean(text).Trim())), m => (English.Shorthand.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var word) ? word : m.Groups[1].Value)
                                                                          + (m.Groups["c"].Value.ToLowerInvariant() switch
        {
            "d" => " did",
            "s" or "z" => " is",
            "re" => " are",
            "ll" => " will",
            _ => "",
        }));

    /// <summary>"this year", "last year", "next year" as the years they are where the note stands (the year of the
    /// latest date it reports): a figure for another year is then not handed over for them. A year the asker writes
    /// beside it in brackets is the year meant.</summary>
    private string WithYears(string text)
    {
        if (NoteYear is not { } year) return text;
        // "next year (2026)": the year the asker states stands
        return RelativeYearRegex().Replace(text, m => m.Groups["stated"].Success ? m.Groups["stated"].Value + m.Groups["s"].Value : (m.Groups["which"].Value.ToLowerInvariant() switch
        {
            "last" or "previous" or "prior" => year - 1,
            "next" or "coming" => year + 1,
            _ => year,
        }).ToString(CultureInfo.InvariantCulture) + m.Groups["s"].Value);
    }

    private int? NoteYear => note.Document.Date is { Length: >= 4 } d && int.TryParse(d[^4..], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    // "the year before", "a year ago"; "the year after", "the following year", "a year later" (not "next year", which
    // is the year after the note's own: WithYears)
    [GeneratedRegex(@"\b(?:(?:the|a)\s+year\s+(?:before|earlier|prior)|a\s+year\s+ago|(?:the\s+)?year-ago(?:\s+(?:figure|number|period))?|(?<after>(?:the|a)\s+year\s+(?:after|later|on)|the\s+following\s+year))\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearShiftRegex();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex FourDigitYearRegex();

    [GeneratedRegex(@"\b(?:the\s+)?(?<which>this|last|next|current|previous|prior|coming)\s+year(?<s>['’]s)?\b(?:\s*\(\s*(?<stated>(?:19|20)\d{2})\s*\))?", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeYearRegex();

    /// <summary>Typos corrected, and the corrected words read as <see cref="Normalize"/> reads what was typed: a glossary
    /// term they spelled wrong ("capiatl expenditure") is spelled out, and "how much txt can Zeta hold" is the capacity
    /// asked once "txt" is "text".</summary>
    private string Corrected(string text) => vocabulary.Correct(text) is var corrected && corrected != text ? Normalize(corrected) : text;

    /// <summary>"the company", "the firm's plan": in a note about one company, the company it is about.</summary>
    private string WithSubject(string text) =>
        note.SubjectName is { } subject ? English.TheCompanyRegex().Replace(text, m => subject + m.Groups["s"].Value) : text;

    /// <summary>Chat shorthand, the glossary's shorthand and the note's acronyms, spelled out.</summary>
    private string Normalize(string text)
    {
        // "when Acme ships it, which apps get it?": a clause of time that opens the question is no question of its
        // own; put after the question it qualifies, the question's own wh-word is the one read
        text = OpeningWhenClauseRegex().Replace(text, m => $"{m.Groups["q"].Value.TrimEnd('?', ' ')} when{m.Groups["when"].Value[4..]}?");
        // "how many times bigger is X than Y?": a multiple, asked as "how much bigger", not a count of times
        text = TimesComparativeRegex().Replace(text, "how much ");
        // "hyperion where?", "launch when?": chat's bare phrase with its question word last asks that word of the phrase
        if (TrailingWhRegex().Match(text) is { Success: true } trailing && trailing.Groups["x"].Value is var phrase
            && WordRegex().Count(phrase) <= BarePhraseWords && phrase.ToLowerInvariant() is var lowerPhrase
            && !WhRegex().IsMatch(lowerPhrase) && !AuxFirstRegex().IsMatch(lowerPhrase))
            text = $"{trailing.Groups["wh"].Value.ToLowerInvariant()} {phrase}?";
        text = note.Glossary.Expand(text);
        // "OpenAI's newest flagship": a maker's current product is its compared thing, read as "OpenAI's flagship" is
        text = MakersCurrentProduct.Replace(text, m =>
            note.Peers.All.Any(p => p.NameWords.Contains(English.WithoutPossessive(m.Groups["maker"].Value).ToLowerInvariant()))
                ? m.Groups["maker"].Value + " " + m.Groups["product"].Value : m.Value);
        // "the price tag on X": the price, a tag no word the note must say
        text = PriceTagRegex().Replace(text, "price");
        // "# of hires", "every benchmark #": chat's sign for a number, not the "#1" of a ranking
        text = NumberSignRegex().Replace(text, "number");
        text = AsMeasureCounted(text);
        // "Nimbus's new model", "the new model": the one thing of the note's it calls, by its name
        text = note.Peers.WithOwnersCompared(note.Peers.WithMakerCallsNamed(text));
        // "Reed's team", "Reed's crew": the group a leader the note names leads is what the note calls it ("Zeta Works
        // under Dana Reed")
        text = LeadersGroupRegex().Replace(text, m => note.LedNames.TryGetValue(m.Groups["leader"].Value.ToLowerInvariant(), out var group) ? group : m.Value);
        // "the us", "the uk": after "the" these are the countries, never the pronoun or a word typed in lower case
        text = TheCountryRegex().Replace(text, m => m.Groups["the"].Value + m.Groups["country"].Value.ToUpperInvariant());
        // "each month", "every day", "per year": how often, as "monthly" says it; not "each" of a comparison
        // ("every single day" is every day; "how many use it in a month?", its span said last, counts monthly)
        text = FrequencyRegex().Replace(text, SpanAdverb);
        if (CountAskedRegex().IsMatch(text))
            text = SpanLastRegex().Replace(text, SpanAdverb);
        // "Acme had 40 stores back in March 2024?": "back" only sets the date in the past, no word the note must say
        text = BackInTimeRegex().Replace(text, "");
        // "when did Zeta drop?": asked when a thing the note compares (a product, a model) dropped, it was released, as
        // chat says it; a figure drops by an amount ("when did revenue drop?" is left as it is). Past only: what is yet
        // to drop is asked of a thing the note may not date at all, and "launch" would draw the dated launches
        // instead of the undated thing
        text = DroppedRegex().Replace(text, m => note.Peers.In(m.Groups["thing"].Value).Count == 0 ? m.Value
            : m.Value[..(m.Groups["verb"].Index - m.Index)] + "launch");
        // "when did Zeta come out?", "Zeta came out in May?": a product the note compares coming out is its launch, in the
        // tense asked; anything else comes out otherwise ("the score came out high", "Acme came out on top")
        text = ComeOutRegex().Replace(text, m => note.Peers.In(m.Groups["thing"].Value).Count == 0 ? m.Value
            : m.Groups["thing"].Value + " " + m.Groups["verb"].Value.ToLowerInvariant() switch
            {
                "came" => "launched",
                "comes" => "launches",
                "coming" => "launching",
                _ => "launch",
            });
        // "when did Zeta go live?": to go live is to launch, in the tense asked ("went live" → "launched")
        text = GoLiveRegex().Replace(text, m => m.Groups["go"].Value.ToLowerInvariant() switch
        {
            "went" or "gone" => "launched",
            "goes" => "launches",
            "going" => "launching",
            _ => "launch",
        });
        // "terminal bench 2.0": a name the note hyphenates, typed with a space
        if (_hyphenatedNames.Value is var (pattern, names))
            text = pattern.Replace(text, m => names.TryGetValue(WhitespaceRegex().Replace(m.Value, " ").ToLowerInvariant(), out var name) ? name : m.Value);
        // "ctx window + AA score", "buildings & servers": a sign between two words joins them as "and" does
        text = PlusAndRegex().Replace(text, " and ");
        // "contemplating mode = parity with X?": an equals sign between two phrases says the one is the other
        text = EqualsIsRegex().Replace(text, " is ");
        // "tl;dr": one word, a summary, not two parts of a question split at its semicolon
        text = TldrRegex().Replace(text, "summary");
        // "when does Zeta ship? any eta?": a when-question asked again by its kind of answer alone is one question
        text = WhenAskedAgainRegex().Replace(text, "${when}");
        // "FY2025", "fy25", "CY 2025": a fiscal or calendar year is that year (a period, not a name to look for)
        text = FiscalYearRegex().Replace(text, m => m.Groups["y"].Value.Length == 2 ? "'" + m.Groups["y"].Value : m.Groups["y"].Value);
        // "in '25", "Q4 ’25": a year written with its century left off
        // (the quarter kept apart from its year: "q4'25" is "q4 2025")
        text = ShortYearRegex().Replace(text, m => (m.Groups["q"].Success ? m.Groups["q"].Value + " " : "")
                                                   + (int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture) < 50 ? "20" : "19") + m.Groups["yy"].Value);
        // "the 26 guide", "capex guide for 26": a bare two-digit number where a year stands (after "the", "for" or "in",
        // before a word it qualifies, not a plural it counts, or at the end) is that year when the note speaks of it
        text = BareShortYearRegex().Replace(text, m => _noteYears.Value.Contains(m.Groups["yy"].Value) ? "20" + m.Groups["yy"].Value : m.Value);
        // "gadget eval", "open zeta": a name the note writes as one word, typed as two
        text = SplitNameRegex().Replace(text, m =>
            (m.Groups["a"].Value + m.Groups["b"].Value).ToLowerInvariant() is var joined && note.OnlyNames.Contains(joined) ? m.Groups["a"].Value : m.Value);
        // "zeta2.1": a name typed run into its version, where the note gives the name that version, as the note
        // joins them ("Zeta-2.1", "Gizmo 4.6")
        text = RunTogetherVersionRegex().Replace(text, m =>
            note.VersionedNames.TryGetValue(m.Groups["name"].Value.ToLowerInvariant(), out var known)
            && known.FirstOrDefault(k => k.Version == m.Groups["version"].Value) is { } written
                ? m.Groups["name"].Value + written.Written[^(written.Version.Length + 1)] + m.Groups["version"].Value : m.Value);
        // "zeta 2.1s window": a possessive typed without its apostrophe, after a version the note gives that name
        text = VersionPossessiveRegex().Replace(text, m =>
            note.VersionedNames.TryGetValue(m.Groups["name"].Value.Replace("-", "").ToLowerInvariant(), out var known) && known.Any(k => k.Version == m.Groups["version"].Value)
                ? m.Value[..^1] + "'s" : m.Value);
        var spelledOut = ShorthandRegex().Replace(text, m =>
        {
            var w = m.Value;
            var lw = w.ToLowerInvariant();
            if (English.Shorthand.TryGetValue(lw, out var full)) return full;
            if (lw.Any(char.IsDigit)) return w;
            // "zetas window": a possessive typed without its apostrophe, of a word the note writes only as a name;
            // counted ("in 2 lines", "three bullets"), it is a plural
            if (lw.Length >= 4 && lw[^1] == 's' && !vocabulary.Contains(lw) && note.OnlyNames.Contains(lw[..^1])
                && !CountBeforeRegex().IsMatch(text[..m.Index])) return w[..^1] + "'s";
            // a question word typed without its vowels ("whn", "wht", "hw"), when that is no English word
            if (lw.Length >= 2 && !vocabulary.Contains(lw) && English.QuestionWordWithoutVowels(lw) is { } asked) return asked;
            // two letters only in capitals ("AA"): in lower case they are too often a word ("as", "am")
            var bare = English.WithoutPossessive(w);
            if ((bare.Length >= 3 || (bare.Length == 2 && bare.All(char.IsUpper))) && note.Acronyms.TryGetValue(bare.ToLowerInvariant(), out var name) && !vocabulary.Contains(bare))
                return name + w[bare.Length..];
            // a metric's initials only in capitals ("ARR"): in lower case three letters are too often a word or a slip
            if (bare.Length >= 3 && bare.All(char.IsUpper) && note.MeasureAcronyms.TryGetValue(bare.ToLowerInvariant(), out var measure) && !vocabulary.Contains(bare))
                return measure + w[bare.Length..];
            return w;
        });
        // the glossary again, for what chat shorthand spelled out ("ctx len" → "context length" → the note's word)
        return note.Glossary.Expand(spelledOut);
    }

    /// <summary>
    /// A follow-up ("and Zeta's?", "what about 2026") leans on the previous question: the new words replace the
    /// ones of the same kind (a compared thing, a year) and the rest of the previous question stays.
    /// </summary>
    private string WithContext(string text, string previous)
    {
        // "ok what's Acme's capacity?": what opens the previous message asks nothing, and would stand in the way of
        // reading its question ("is that bigger than Zeta's?" asks that question's measure of Zeta)
        previous = ChatOpenerRegex().Replace(previous, "").Trim();
        // "thanks!", "ok cool": asks nothing, of the previous question least of all
        if (English.SmallTalkIn(text) != SmallTalk.None) return text;
        // a question about the document itself ("what's the title?", "who wrote it?") follows up nothing: "it" is
        // the note, and the previous question's words would turn it into a question about what the note reports
        var lowered = text.ToLowerInvariant();
        if (AsksNoteTitle(lowered, followsUp: true) || SourcesRegex().IsMatch(lowered) || AsksAuthorship(lowered)) return text;
        // "what's the bigger one called?" after "are bigger Acme models coming?": "one" after a word the previous
        // question says stands for the words that word went with there ("bigger Acme models")
        if (WordThenOneRegex().Match(text) is { Success: true } one && !English.IsStopWord(one.Groups["w"].Value.ToLowerInvariant())
            && WordsAfter(previous, one.Groups["w"].Value) is { Length: > 0 } standsFor)
            return text[..one.Groups["one"].Index] + standsFor + text[(one.Groups["one"].Index + one.Groups["one"].Length)..];
        // "who's in charge of that group?" after a question that names Zeta Group: "that group" is the name the
        // previous question gives that ends in the word it says; the question is whole once it is spelled out
        if (ThatKindRegex().Match(text) is { Success: true } pointed && NameEndingIn(previous, pointed.Groups["n"].Value) is { } pointedAt)
            return text[..pointed.Index] + pointedAt + (pointed.Groups["s"].Success ? "'s" : "") + text[(pointed.Index + pointed.Length)..];
        // "what did Zeta get on that test?" after "Acme's GizmoTest score?": after a preposition, "that" and a noun no name
        // of the previous question ends in is the name it said last that is no compared thing: the measure it asked
        // ("same test, what did Zeta get?": fronted before a comma, the measure too)
        var fronted = FrontedSameKindRegex().Match(text);
        Group measureKind = fronted.Success ? fronted.Groups["kind"] : ThatKindRegex().Match(text);
        if (measureKind.Success && (fronted.Success || MeasureThatRegex().IsMatch(text[..measureKind.Index]))
            && note.Peers.In(text).Count > 0
            && NameRuns(previous).Select(run => string.Join(' ', run.Split(' ').Where(w => !note.Peers.NameWords.Contains(w.ToLowerInvariant()))))
                .LastOrDefault(run => run.Length > 0) is { } measure)
            return text[..measureKind.Index] + measure + text[(measureKind.Index + measureKind.Length)..];
        // "how much of that goes to plants?" after "what's the 2026 budget?": what "that" is a part of is what the
        // previous question asked, spelled out
        if (PartOfThatRegex().Match(text) is { Success: true } partOf
            && LeadingWhPhraseRegex().Replace(previous.Trim().TrimEnd('?', '.', '!'), "") is { Length: > 0 } partsWhole && partsWhole.Length < previous.Trim().Length)
            return text[..partOf.Groups["that"].Index] + partsWhole + text[(partOf.Groups["that"].Index + partOf.Groups["that"].Length)..];
        // "does the note give any numbers on Zeta?" is a whole question, though its only content word is its topic;
        // "is there a date?" asks it of the previous question's topic
        if (NamedKindRegex().Match(lowered) is { Success: true } kind && Focusish(text[(kind.Index + kind.Length)..]) > 0) return text;
        // "how does that compare with Zeta?", "which is bigger, that or Zeta's?" after "what is Acme's capacity?": "that"
        // standing alone is what the previous question asked, set against a compared thing the question names of its own
        // "is that the biggest?", "was it the lowest?" after a question about one compared thing: set against them all
        if ((ThatAloneRegex().Match(text) is { Success: true } that
                && note.Peers.In(text) is var against && note.Peers.In(previous) is { Count: > 0 } before
                && (against.Count > 0 ? !against.Any(before.Contains) : IsTopAsked(that)))
            && LeadingWhPhraseRegex().Replace(previous.Trim().TrimEnd('?', '.', '!'), "") is { Length: > 0 } askedOf && askedOf.Length < previous.Trim().Length)
        {
            // "what did Zeta get on that?": "that" after a preposition is the measure asked before, of the thing this
            // question names instead of the one the previous question named
            if (against.Count > 0 && AsksMeasureBefore(text))
                askedOf = before.Aggregate(askedOf, (rest, peer) => NamePattern(peer.Aliases.Append(peer.Label)).Replace(rest, "")).Trim();
            return text[..that.Index] + askedOf + text[(that.Index + that.Length)..];
        }
        // "vs what baseline?", "compared to which year?": what the previous question's answer is set against
        if (AgainstWhatRegex().IsMatch(text.Trim()))
            return $"{WhitespaceRegex().Replace(previous.Trim().TrimEnd('?', '.', '!'), " ")} {text.Trim().TrimEnd('?', '.', '!')}?";
        // "what about Zeta, were they involved?": the question after the comma is asked of the thing named before it,
        // which its pronoun stands for; nothing of the previous question carries over
        // ("what about Zeta — is that real?": "that", the subject of its yes/no question, is Zeta too)
        // ("and the rebuild, how long did it take?": an "it" that points at nothing leaves the thing where it stands)
        if (AboutThingThenQuestionRegex().Match(text.Trim()) is { Success: true } about)
            return about.Groups["that"] is { Success: true } thatSaid
                ? about.Value[about.Groups["q"].Index..thatSaid.Index] + about.Groups["x"].Value.Trim() + about.Value[(thatSaid.Index + thatSaid.Length)..]
                : ThingPronounRegex().IsMatch(about.Groups["q"].Value)
                    ? ThingPronounRegex().Replace(about.Groups["q"].Value, m => about.Groups["x"].Value.Trim() + (m.Groups["of"].Success ? "'s" : ""))
                    : about.Groups["x"].Value.Trim() + ", " + about.Groups["q"].Value;
        // "ok and did it beat Omega on GadgetEval?" after "is Acme ahead of Zeta on GizmoTest?": "it", the subject of a
        // yes/no question that sets it against another compared thing on a measure of its own, is the thing the previous
        // question asked about (the first it names), not the one that question set it against
        if (ItAgainstRegex().Match(text) is { Success: true } itAgainst && note.Peers.In(text) is [var setAgainstIt]
            && note.Peers.In(previous) is { Count: > 0 } earlier && !earlier.Contains(setAgainstIt)
            && earlier.Select(p => (Peer: p, At: NamePattern(p.Aliases.Append(p.Label)).Match(previous) is { Success: true } m ? m.Index : int.MaxValue)).MinBy(x => x.At).Peer is var subject
            && subject.Group == setAgainstIt.Group
            && PrepositionRegex().IsMatch(text[(itAgainst.Index + itAgainst.Length)..]))
            return text[itAgainst.Groups["aux"].Index..itAgainst.Groups["it"].Index] + subject.Label + text[(itAgainst.Groups["it"].Index + 2)..];
        // "how big is Zeta's by comparison?" after "how long a window does Acme have?": a compared thing's possessive with
        // no noun after it leaves out the previous question's measure, and asks it of that thing, as "and Zeta's?" does
        if (DanglingPossessiveRegex().Match(text) is { Success: true } dangling
            && note.Peers.In(string.Join(' ', Tokens.Words(text[..dangling.Index]).TakeLast(4).Select(w => w.Text))) is [var owner]
            // (not "how does Acme's capacity compare with Zeta's?", which names both sides of its own)
            && note.Peers.In(text) is [_]
            && note.Peers.In(previous).Any(p => p.Group == owner.Group && p != owner))
            text = $"and {owner.Label}'s?";
        if (StandsAlone(text, previous)) return text;
        // a question of its own that says "it" for what the previous one named ("where is it available?"): the
        // pronoun becomes that thing, and nothing else of the previous question carries over
        bool fragment = FollowUpRegex().IsMatch(text);
        // "who's highest on it then?": a superlative asked across the compared things; "it" is the previous question's
        // measure, not the thing it named (below)
        var unprefixed = FollowUpRegex().Replace(text, "").Trim();
        bool acrossAll = note.Peers.In(text).Count == 0 && WhichOrWhoRegex().IsMatch(unprefixed)
                         && (Tokens.Words(text).Any(w => English.SuperlativeDirection(w.Text.ToLowerInvariant()) != 0) || LastPlaceRegex().IsMatch(lowered));
        // "what about monthly Acme app users?" after "how many people use Nimbus's apps each day?": a fragment that is
        // all one of the note's measures, in as many words as the note gives it, asks that measure, as the bare phrase
        // would; the previous question's words would set it on the figure the previous question asked
        if (fragment && unprefixed.TrimEnd('?', '.', '!', ' ') is var fragmentSaid
            && LeadingTheRegex().Replace(fragmentSaid, "").ToLowerInvariant() is var measureAsked
            && WordRegex().Count(measureAsked) >= StandingMeasureWords && note.MeasurePhrases.Contains(measureAsked))
            return $"{fragmentSaid}?";
        // "is it open source?", "will it be free?": a yes/no question whose subject is "it" is a question of its own too,
        // when it has words of its own ("will it ever be?" asks the previous question again)
        // "why does it matter?", "why is it important?": asked only of its significance, "it" is all the previous
        // question asked about ("Acme's role on Zeta"), not just the thing it named
        bool whole = (OwnQuestionRegex().IsMatch(text) || (ItSubjectRegex().IsMatch(text) && Focusish(text) > 0))
                     && !(ContentWords(text) is { Count: > 0 } significance && significance.All(English.SignificanceWords.Contains));
        if (!fragment && !acrossAll && whole && WithAntecedent(text, [previous]) is var resolved && resolved != text)
            return resolved;
        // "what did they pay for it?" after "what is Nimbus?": "it" is the name the previous question said last, when
        // that is no compared thing (above) nor the note's subject, and the question has words of its own ("when was
        // it?" asks the previous question's date instead, "what was it the year before?" its figure)
        if (!fragment && !acrossAll && whole && PronounRegex().IsMatch(text) && Focusish(text) > 0
            && Quantities.PeriodsIn(text).Count == 0 && !YearShiftRegex().IsMatch(text) && !SaysItsOfOwnName(text)
            && LastNameIn(previous) is { } thing && !text.Contains(thing, StringComparison.OrdinalIgnoreCase))
            return PronounRegex().Replace(text, m => m.Value.EndsWith('s') ? thing + "'s" : thing);
        // "ok what are the risks?", "and the catalysts?": a question or fragment whose every word names a section of
        // the note (its title's words) asks about that section, whatever was asked before, unless it points back at it
        // ("what are the risks to that?"). A fragment that names a thing ("and Acme?") asks the previous question of it
        if ((fragment || OwnQuestionRegex().IsMatch(unprefixed)) && !PointsBackRegex().IsMatch(unprefixed)
            && ContentWords(unprefixed) is { Count: > 0 } ownWords && ownWords.Select(Terms.OfWord).ToList() is var ownTerms && ownTerms.All(t => t.Count > 0)
            && !(fragment && ownWords.Any(w => note.ProperNouns.Contains(English.WithoutPossessive(w))))
            && SectionTitled(ownTerms) is not null)
            return unprefixed;
        // "and the ad clicks lift on Zeta?" after "the Acme ad clicks lift and the Zeta conversions gain?": a fragment that
        // names a thing and says again a measure the previous question asked (every other word of it the previous
        // question's) asks that measure of that thing alone; kept with the rest of the previous question, the thing would
        // be set beside the other measure's figure and a figure the note gives another would be headlined
        if (fragment && !PointsBackRegex().IsMatch(unprefixed)
            && Quantities.PeriodsIn(unprefixed).Count == 0 && !YearShiftRegex().IsMatch(unprefixed)
            && ContentWords(unprefixed) is { Count: >= 2 } fragmentWords
            && fragmentWords.Where(w => note.ProperNouns.Contains(English.WithoutPossessive(w))).ToList() is { Count: > 0 } namesSaid
            // (an adverb, "specifically", asks nothing of its own)
            && fragmentWords.Except(namesSaid).Where(w => !w.EndsWith("ly", StringComparison.Ordinal)).ToList() is { Count: >= 1 } measureSaid
            && ContentWords(previous).SelectMany(Terms.OfWord).ToHashSet() is var previousTerms
            && measureSaid.All(w => Terms.OfWord(w) is { Count: > 0 } t && t.All(previousTerms.Contains))
            && note.Peers.In(unprefixed).Count == 0)
            return $"what is {unprefixed.TrimEnd('?', '.', '!', ' ')}?";
        // "and its capacity?": a fragment that opens with "its" asks that of the compared thing the previous question
        // named, and nothing else of that question carries over (its measure would otherwise be asked too)
        if (fragment && PossessiveFirstRegex().IsMatch(unprefixed)
            && $"what is {unprefixed}" is var asked && WithAntecedent(asked, [previous]) is var named && named != asked)
            return named;
        // "and the capacity?", "what about capacity?" after a question that asked another measure of one compared
        // thing: the same as "its", when the thing's own table row speaks of every word of it ("and the capex?" it
        // does not: that is asked of the previous question's topic)
        // ("what's the capacity then?" likewise: a what-question of nothing but the measure)
        var itsMeasure = fragment ? LeadingTheRegex().Replace(unprefixed, "")
            : WhatIsTheRegex().Match(text.ToLowerInvariant()) is { Success: true } whatIsThe ? text[whatIsThe.Length..] : null;
        if (itsMeasure is not null && note.Peers.In(previous) is [var peer]
            && note.Peers.In(unprefixed).Count == 0 && Quantities.PeriodsIn(unprefixed).Count == 0 && !YearShiftRegex().IsMatch(unprefixed)
            && ContentWords(itsMeasure) is { Count: > 0 } measureWords
            && RowSpeaksOf(peer, measureWords.Select(Terms.OfWord))
            && $"what is its {itsMeasure}" is var itsAsked && WithAntecedent(itsAsked, [previous]) is var itsNamed && itsNamed != itsAsked)
            return itsNamed;
        // "when did Zeta launch?", "how much did they pay for Nimbus?": a question of its own, with its own wh-word and
        // verb and a name of the note's, follows up nothing, however few its words ("what's the capacity?" may). With
        // the name its only word, only a question for a date, a place or a person is whole ("when did Zeta come
        // out?"); "what did Zeta get?" asks the previous question's measure of Zeta
        // A yes/no question is whole likewise when it points back at nothing ("is the apollo finding verified?", not
        // "is that bigger than Zeta?")
        int own = Focusish(text);
        bool namesNoteThing = Tokens.Words(text).Any(w => note.ProperNouns.Contains(English.WithoutPossessive(w.Text.ToLowerInvariant())));
        // ("how much is Acme paying them for that?" points back at what the previous question named: not whole)
        if (!fragment && (own > 2 || (namesNoteThing
                && ((OwnQuestionRegex().Match(text) is { Success: true } wh && (own == 2 || WhenWhereWhoRegex().IsMatch(wh.Value)) && !ThemThatRegex().IsMatch(text))
                    || (own == 2 && AuxFirstRegex().IsMatch(text.ToLowerInvariant()) && !PointsBackRegex().IsMatch(text)))))) return text;
        var stripped = unprefixed.TrimEnd('?', '.', '!').Trim();
        var prev = previous.TrimEnd('?', '.', '!');
        // "and 27?" after "what's the 2026 guide?": a bare two-digit number in place of a year is that year of the
        // previous question's century
        if (BareTwoDigitsRegex().Match(stripped) is { Success: true } yy && FourDigitYearRegex().Match(prev) is { Success: true } year)
            stripped = year.Value[..2] + yy.Groups["yy"].Value;
        // "and the year before?", "and the following year?": the previous question's years, one earlier or later
        // (with no year in it, the shift stays asked: "a year earlier" than the note's figure, which it may not give)
        if (YearShiftRegex().Match(stripped) is { Success: true } shift && FourDigitYearRegex().IsMatch(prev))
        {
            int by = shift.Groups["after"].Success ? 1 : -1;
            stripped = YearShiftRegex().Replace(stripped, "").Trim();
            prev = FourDigitYearRegex().Replace(prev, m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + by).ToString(CultureInfo.InvariantCulture));
        }
        var newPeers = note.Peers.In(stripped);
        // "and vs Zeta on GizmoTest?" after "how does Acme compare with Omega on WidgetBench?": the thing set against
        // replaces the other side, the one the previous question named last; the first side stays
        if (newPeers is [var setAgainst] && VersusFirstRegex().Match(stripped) is { Success: true } versus)
        {
            var sides = note.Peers.In(prev).Where(o => o.Group == setAgainst.Group && o != setAgainst)
                .Select(o => (Peer: o, At: NamePattern(o.Aliases.Append(o.Label)).Matches(prev).Select(m => m.Index).DefaultIfEmpty(-1).Max())).Where(x => x.At >= 0).ToList();
            if (sides.Count >= 2)
            {
                var (other, at) = sides.MaxBy(x => x.At);
                prev = NamePattern(other.Aliases.Append(other.Label)).Replace(prev, setAgainst.Label, 1, at);
                stripped = stripped[versus.Length..].Trim();
                newPeers = [];
            }
            // "and vs Zeta?" after "how far behind the top is Acme?": Zeta takes the place of the top, against Acme
            else if (sides.Count == 1 && Tokens.Words(prev).Any(w => English.SuperlativeDirection(w.Text.ToLowerInvariant()) != 0))
            {
                prev = WordRegex().Replace(prev, w => English.SuperlativeDirection(w.Value.ToLowerInvariant()) != 0 ? "" : w.Value);
                newPeers = [];
            }
        }
        // "which is highest?" after a question about one compared thing asks the previous question's measure of them
        // all, not of that one (acrossAll, above)
        var replacedPeers = note.Peers.In(prev).Where(o => o.Aliases.Count > 0 && (acrossAll || (newPeers.Any(n => n.Group == o.Group) && !newPeers.Contains(o)))).ToList();
        foreach (var old in replacedPeers)
            // with the version typed after it apart ("gpt 5.4"), which would be left as a figure asked
            prev = NamePattern(old.Aliases).Replace(prev, "");
        // "and Omega on GizmoTest?" after "Acme vs Zeta on GizmoTest?": with both sides gone, the word that set them
        // against each other is left with nothing to compare, and would make the follow-up a comparison
        if (replacedPeers.Count > 0 && note.Peers.In(prev).Count == 0) prev = VersusWordRegex().Replace(prev, " ");
        // another of the note's names in place of one the previous question said ("… for Zeta?" → "and Nimbus?"):
        // it replaces that one. Not the compared things (above), periods and versions, or the note's subject ("Acme")
        bool Replaceable(string w) => note.OnlyNames.Contains(w) && !note.Peers.NameWords.Contains(w) && !w.Any(char.IsDigit) && w != note.Subject;
        var newNames = Peers.Words(WithoutPlaceWords(stripped)).Where(Replaceable).ToHashSet(StringComparer.Ordinal);
        if (newNames.Count > 0)
            foreach (var old in Peers.Words(prev).Where(w => Replaceable(w) && !newNames.Contains(w)).Distinct().ToList())
                // with the version the note writes after a name ("terminal-bench 2.0"), which would be left as a figure asked,
                // and the words the note writes after it as one name, capitalised or, typed in lower case, one or two
                // ("WidgetBench Max", "widgetbench max score"): "Max" left behind would still ask of WidgetBench Max
                prev = Regex.Replace(prev, $@"\b{Regex.Escape(old)}(?:[\s-]*v?\d{{1,2}}\.\d+(?![\d.]))?(?<tail>(?-i:(?:\s+\p{{Lu}}[\w.-]*)+)|(?:\s+[\w.-]+){{1,2}}|)(?:['’]s)?\b",
                    m => WithoutNameTail(old, m.Groups["tail"].Value), RegexOptions.IgnoreCase);
        if (Quantities.PeriodsIn(stripped).Count > 0)
            prev = YearRegex().Replace(prev, "");
        // "and monthly?" after a question about daily users: how often replaces how often
        if (English.HowOften(stripped) is not null)
            prev = English.HowOftenRegex().Replace(prev, "");
        // "and who's dead last?" after "who's top on X?", "and the biggest?" after "smallest X?": a place in the ranking
        // replaces the place asked before
        if (acrossAll || Tokens.Words(stripped).Any(w => English.SuperlativeDirection(w.Text.ToLowerInvariant()) != 0))
            prev = WordRegex().Replace(prev, w => English.SuperlativeDirection(w.Value.ToLowerInvariant()) != 0 ? "" : w.Value);
        // "and when?", "what stake did that buy?": a follow-up with a question word of its own asks its own kind of
        // answer, of the previous question's topic (the words after its question word, not a verb of paying that
        // made it a question for money); so does one opening with its verb ("are they paid for it?" asks yes or no)
        if (OpensWithWhRegex().IsMatch(stripped) || AuxFirstRegex().IsMatch(stripped.ToLowerInvariant()))
        {
            // (the topic is the previous question's first part: "…, and for what share?" asks something else of it)
            var firstPart = PrepositionedPartRegex().Split(PartBreakRegex().Split(prev)[0])[0];
            // ("from what date do chats shape ads?" is about chats shaping ads: its wh-phrase opens with a preposition)
            var topic = string.Join(' ', Tokens.Segments(LeadingWhPhraseRegex().Replace(PrepositionedWhOpeningRegex().Replace(firstPart, ""), "")).Select(x => x.Text)
                .Where(w => !English.MoneyVerbs.Contains(w.ToLowerInvariant())));
            return $"{stripped} {topic}?";
        }
        // "and the Nimbus row?" after "what does the rollout table say for the Zeta app?": a fragment that names another
        // row of a table whose row the previous question named asks that row; the earlier row's label goes
        if (fragment && WithoutRowReplaced(prev, stripped) is { } rowLeft) prev = rowLeft;
        // "and on GizmoTest?" after "what did Zeta score on WidgetBench Max?": the phrase the same preposition opens in
        // the previous question is replaced whole, a name of several words with it, up to the next preposition
        if (PrepositionFirstRegex().Match(stripped) is { Success: true } prep
            && Regex.Matches(prev, $@"\b{prep.Groups["p"].Value}\s", RegexOptions.IgnoreCase) is { Count: > 0 } said)
        {
            var from = said[^1].Index;
            var next = PrepositionRegex().Match(prev, from + said[^1].Length);
            var rest = next.Success ? " " + prev[next.Index..].Trim() : "";
            return $"{WhitespaceRegex().Replace(prev[..from], " ").Trim()} {stripped}{rest}?";
        }
        // "and paid Zeta messaging?" after "what run-rate did the Acme video tools reach?": another thing the note gives
        // the same kind of figure for, in a clause of the same sentence, replaces the one asked before
        if (fragment && WithoutThingReplaced(prev, stripped) is { } measureLeft) prev = measureLeft;
        return $"{WhitespaceRegex().Replace(prev, " ").Trim()} {stripped}?";
    }

    /// <summary>The previous question without the label of a table row it named, when the fragment names another row
    /// of that table by a word of its label the previous question does not say; null when it names none. Rows that
    /// are compared things are left to their names.</summary>
    private string? WithoutRowReplaced(string previous, string fragment)
    {
        var said = Terms.Of(fragment).ToHashSet(StringComparer.Ordinal);
        var before = Terms.Of(previous).ToHashSet(StringComparer.Ordinal);
        // (a compared thing's row is asked by its name, which replaces the one before as names do)
        var rows = note.Units.Where(u => u.IsRow && u.Table is not null && u.LabelTerms.Count > 0 && !note.Peers.All.Any(p => p.Label == u.Passage.Row)).ToList();
        var named = rows.Where(r => r.LabelTerms.Overlaps(said) && !r.LabelTerms.IsSubsetOf(before)).ToList();
        var earlier = rows.Where(r => named.Any(n => n.Table == r.Table) && !r.LabelTerms.Overlaps(said) && r.LabelTerms.IsSubsetOf(before)).ToList();
        if (earlier.Count == 0) return null;
        var gone = earlier.SelectMany(r => r.LabelTerms).ToHashSet(StringComparer.Ordinal);
        return WordRegex().Replace(previous, w => Terms.OfWord(w.Value) is { Count: > 0 } t && t.All(gone.Contains) ? "" : w.Value);
    }

    /// <summary>
    /// The previous question without the thing it asked about, when a fragment names another thing the note gives a
    /// figure for in a clause of its own in the same sentence ("Acme video tools reached a $9B run-rate, … and paid
    /// Zeta messaging crossed a $3B run-rate"): the previous question's words that only its own clause says (of the
    /// sentence's clauses with a figure, the one saying most of them, two at least) are that thing; the words both
    /// clauses say, or neither, stay. Null when no sentence so holds both, or nothing would be left out.
    /// </summary>
    private string? WithoutThingReplaced(string previous, string fragment)
    {
        var fragmentWords = ContentWords(fragment);
        var fragmentTerms = fragmentWords.SelectMany(Terms.OfWord).ToHashSet(StringComparer.Ordinal);
        // a thing is named: a name of the note's, or a phrase ("and daily?" asks another measure of the same thing)
        if (fragmentTerms.Count == 0 || note.Peers.In(fragment).Count > 0
            || (fragmentWords.Count < 2 && !fragmentWords.Any(w => note.ProperNouns.Contains(English.WithoutPossessive(w))))) return null;
        var previousWords = ContentWords(previous).Where(w => Terms.OfWord(w).Count > 0).ToList();
        List<string>? best = null;
        int bestSaid = 1;
        foreach (var clauses in FigureClauseTerms)
        {
            if (clauses.FindIndex(c => fragmentTerms.All(c.Contains)) is var asked and >= 0
                && clauses.Select((c, i) => (Clause: c, Said: i == asked ? 0 : previousWords.Count(w => Terms.OfWord(w).All(c.Contains)))).MaxBy(x => x.Said) is { Said: > 1 } before
                && before.Said > bestSaid
                && previousWords.Where(w => Terms.OfWord(w) is var t && t.All(before.Clause.Contains) && !t.Any(clauses[asked].Contains) && !t.Any(fragmentTerms.Contains)).ToList() is { Count: > 0 } only
                // and the measure asked is left: a word of the previous question the other clause says too
                && previousWords.Except(only).Any(w => Terms.OfWord(w).All(clauses[asked].Contains)))
                (best, bestSaid) = (only, before.Said);
        }
        return best is null ? null : WordRegex().Replace(previous, m => best.Contains(m.Value, StringComparer.OrdinalIgnoreCase) ? "" : m.Value);
    }

    /// <summary>Each unit's clauses that hold a figure, as their terms; read once, on the first follow-up that needs them.</summary>
    private List<List<HashSet<string>>> FigureClauseTerms => _figureClauseTerms ??= note.Units
        .Select(unit => unit.Segments.Where(c => unit.Figures.Any(f => c.Holds(f.Start)))
            .Select(c => Terms.Of(unit.Text[c.Start..c.End]).ToHashSet(StringComparer.Ordinal)).ToList()).ToList();
    private List<List<HashSet<string>>>? _figureClauseTerms;


    /// <summary>What is left of the capitalised words after a name once those the note writes with it as one name are
    /// taken away with it: the longest run of them, from the first, that the note says after the name.</summary>
    private string WithoutNameTail(string name, string tail)
    {
        var words = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int k = words.Length; k > 0; k--)
            if (note.SaysInOrder(Terms.Of(string.Join(' ', words.Take(k).Prepend(name)))))
                return words.Length == k ? "" : " " + string.Join(' ', words.Skip(k));
        return tail;
    }

    [GeneratedRegex(@"^(?<p>on|in|for|at|with|from|by|about)\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionFirstRegex();

    // the verbs that open a question after its wh-word ("when is …", "when did …"): "when" with any other word after it
    // opens a clause of time, not a question
    private const string Auxiliaries = "is|was|are|were|did|does|do|will|would|can|could|should|has|have|had|might|may";

    /// <summary>A question's opening wh-phrase after a preposition, with the noun it asks for and its auxiliary
    /// ("from what date do ", "in which year did ", "by how much did ").</summary>
    [GeneratedRegex($@"^\W*(?:by|in|on|for|to|from|at|with|of|under|since|until|starting|beginning|effective|as\s+of)\s+(?:what|which|whose|when|how\s+(?:much|many|long|far))(?:\s+(?!(?:{Auxiliaries})\b)[\w'’-]+)?\s+(?:{Auxiliaries})\s+", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionedWhOpeningRegex();

    // "when Acme ships it, which apps …?": "when" and a clause with its subject first (not "when is …", a question),
    // a comma, then the question (group "q")
    [GeneratedRegex($@"^\s*(?<when>when\s+(?!(?:{Auxiliaries})\b)[^,?;]+),\s+(?<q>(?:what|which|who|how|where|why)\b[^?]*\??)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningWhenClauseRegex();

    // "… Zeta's by comparison?", "and Zeta's then?": a possessive that closes the question, no noun after it
    [GeneratedRegex(@"(?<=\w)['’]s\s*(?:(?:by|in)\s+comparison|then|too|instead|though|now)?\s*[?.!]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingPossessiveRegex();

    // "vs what baseline?", "compared to which year?": a follow-up asking what the previous answer is set against
    [GeneratedRegex(@"^(?:and\s+|but\s+)?(?:vs\.?|versus|compared\s+(?:to|with)|relative\s+to|against)\s+(?:what|which)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgainstWhatRegex();

    // "ok and did it …", "does it …": a yes/no question whose subject is "it" (groups "aux" and "it")
    [GeneratedRegex(@"^(?:(?:so|and|but|ok|okay)[\s,]+)*(?<aux>is|was|does|did|do|can|could|has|will|would)\s+(?<it>it)\s+(?!say|mention|cover|talk|discuss|give)", RegexOptions.IgnoreCase)]
    private static partial Regex ItAgainstRegex();

    // "same test, what did Zeta get?", "ok on the same one — Zeta?": a kind pointed back at, fronted before a comma
    [GeneratedRegex(@"^\W*(?:(?:and|ok|okay|so|now)\s+)?(?:(?:on|in|for|at)\s+)?(?<kind>(?:the\s+)?same\s+[A-Za-z]+)\s*[,;:—–]", RegexOptions.IgnoreCase)]
    private static partial Regex FrontedSameKindRegex();

    // a preposition right before "that" ("what did Zeta get on that?"): "that" is a measure, not the whole question
    [GeneratedRegex(@"\b(?:on|in|for|at)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureThatRegex();

    // "what about Zeta, were they involved?", "what about Zeta — were they involved?", "and Zeta itself, is that a
    // gadget?": a thing named (group "x", not itself a question), then a question of it that says a pronoun (group "q");
    // after a bare "and", not one that says "there" (the previous question's measure, which would be lost)
    [GeneratedRegex(@"^(?:(?:and\s+|but\s+)?(?:what|how)\s+about\s+|(?:and|but|as\s+for)\s+(?![^?]*\bthere\b)(?:for\s+|with\s+)?(?!(?:what|who|when|where|why|how|which|is|are|was|were|do|does|did|can|could|has|have|will|would)\b))(?<x>[^,?;—–]+?)\s*(?:[,;—–]|\s-)\s*(?<q>(?:(?:is|are|was|were|do|does|did|can|could|has|have|will|would)\s+(?:they|it|he|she|(?<that>that|this|those|these)\b)|(?:what|who|when|where|why|how|which)\b[^?]*\b(?:they|it|them|their|its)\b)[^?]*\??)$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutThingThenQuestionRegex();

    // a pronoun for one thing, and its possessive (group "of")
    [GeneratedRegex(@"\b(?:they|them|it(?!\s+(?:take|takes|took|taking)\b)|(?<of>their|its))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThingPronounRegex();

    // "vs Zeta …", "versus Zeta", "against Zeta", "compared to Zeta": a follow-up that opens by naming what is set against
    [GeneratedRegex(@"^(?:vs\.?|versus|against|compared\s+(?:to|with))\s+(?:the\s+)?[\p{L}\d][\p{L}\d.-]*(?:\s+(?!on\b|in\b|for\b|at\b|with\b|by\b|about\b)[\p{L}\d][\p{L}\d.-]*)*", RegexOptions.IgnoreCase)]
    private static partial Regex VersusFirstRegex();

    [GeneratedRegex(@"\b(?:vs\.?|versus|against|compared\s+(?:to|with))(?!\S)", RegexOptions.IgnoreCase)]
    private static partial Regex VersusWordRegex();

    /// <summary>A compared thing as a text may write it, by any of <paramref name="names"/> (its aliases, its label), with
    /// a version typed after it ("gpt 5.4") and a possessive, as a whole word.</summary>
    private static Regex NamePattern(IEnumerable<string> names) =>
        new($@"\b(?:{string.Join('|', names.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(a => a.Length).Select(Regex.Escape))})(?:[\s-]*v?\d{{1,2}}(?:\.\d+)*(?![\d.]))?(?:['’]s)?(?![\w-])", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"\b(?:on|in|for|at|with|from|by|about|of|to|than|versus|vs)\s", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionRegex();

    /// <summary>
    /// A question asked whole, with a topic of its own and nothing that points back, follows up nothing: "who built
    /// Zeta?", "what could go wrong on privacy?", "capex 2025?" after a question about something else. In chat the
    /// previous question is always at hand, and leaning on it turned such questions into others ("who built Zeta
    /// Acme's capacity?"). A topic is a name of the note's said with a word of its own ("who built Zeta?", not "what
    /// did Zeta get?", which asks the previous measure of Zeta; "what is Zeta?" asks what it is), or words the thing
    /// the previous question named is never said with: "what's the capacity?" after "what is Zeta?" still asks
    /// Zeta's capacity when a unit naming Zeta speaks of capacity. Fragments ("and Zeta?", "what about 2026?"), words
    /// that point back ("it", "that", "then", "the year before"), and questions whose only words name the kind of
    /// answer or a comparison ("which is highest?", "who's ahead?") are left to the rules that read follow-ups.
    /// </summary>
    private bool StandsAlone(string text, string previous)
    {
        var asked = ChatOpenerRegex().Replace(text, "").Trim();
        var lowered = asked.ToLowerInvariant();
        // ("so Zeta beat Acme on GizmoTest?": a statement put as a question after "so", whatever its verb, asks too)
        bool question = OpensWithWhRegex().IsMatch(lowered) || AuxFirstRegex().IsMatch(lowered) || PrepositionWhRegex().IsMatch(lowered)
                        || SoStatementRegex().IsMatch(text.Trim()) || SoVerbStatementRegex().IsMatch(text.Trim());
        // "and who built Zeta?" asks a question of its own; "and the capacity?" asks the previous one's topic
        if (AndRegex().Match(asked) is { Success: true } leading)
        {
            var rest = asked[leading.Length..];
            if (!OpensWithWhRegex().IsMatch(rest) && !AuxFirstRegex().IsMatch(rest.ToLowerInvariant())) return false;
            asked = rest;
            lowered = asked.ToLowerInvariant();
            question = true;
        }
        if (asked.Length == 0 || (FollowUpRegex().IsMatch(asked) && !PrepositionWhRegex().IsMatch(lowered))) return false;
        var unpointed = NoteReferenceRegex().Replace(lowered, m => new string(' ', m.Length));
        unpointed = ItsRegex().Replace(unpointed, m => NoteReferenceRegex().IsMatch(lowered[..m.Index]) || ContentWords(lowered[..m.Index]).Count > 0 ? " " : m.Value);
        if (PointsBackRegex().IsMatch(unpointed) || ThenThereRegex().IsMatch(unpointed) || YearShiftRegex().IsMatch(unpointed)) return false;
        var topic = ContentWords(LeadingWhPhraseRegex().Replace(WithoutPlaceWords(asked), "")).Where(w => w.Any(char.IsLetter) && !English.AnswerTypeNouns.Contains(w)
            && English.SuperlativeDirection(w) == 0 && English.ComparativeDirection(w) == 0).ToList();
        var named = topic.Where(IsNameBesidesSubject).ToList();
        bool peers = note.Peers.In(asked).Count > 0;
        var words = topic.Where(w => !IsNameBesidesSubject(w) && !(peers && note.Peers.In(w).Count > 0)).ToList();
        if (question && (named.Count > 0 || peers) && (topic.Count > 1 || DefinitionRegex().IsMatch(lowered))) return true;
        if (words.Count == 0) return false;
        // no name of its own: a follow-up when the units that answer the previous question best (of those naming its
        // thing, by how many of its words they say) say every word of it ("how long did the work take?" after "when
        // did Nimbus launch its widget?", where "Nimbus launched its widget … after months of work"), or the thing's
        // own table row does ("what's the capacity?" after a question about a compared thing with a capacity column)
        var before = note.Peers.In(previous);
        var names = Tokens.Words(previous).Select(w => English.WithoutPossessive(w.Text.ToLowerInvariant())).Where(IsNameBesidesSubject)
            .Concat(before.SelectMany(p => p.NameWords)).Select(Terms.OfWord).Where(t => t.Count > 0).ToList();
        if (names.Count == 0) return true;
        var wordTerms = words.Select(Terms.OfWord).Where(t => t.Count > 0).ToList();
        if (before.SelectMany(note.RowsHeadedBy).Any(row => wordTerms.All(t => t.All(row.Terms.Contains)))) return false;
        var previousTerms = ContentWords(previous).SelectMany(Terms.OfWord).ToHashSet(StringComparer.Ordinal);
        var naming = note.Units.Where(u => names.Any(n => n.All(u.Terms.Contains))).ToList();
        if (naming.Count == 0) return true;
        int most = naming.Max(u => previousTerms.Count(u.Terms.Contains));
        return !naming.Where(u => previousTerms.Count(u.Terms.Contains) == most).Any(u => wordTerms.All(t => t.All(u.Terms.Contains)));
    }

    /// <summary>A name of the note's other than its subject, which half the units say.</summary>
    private bool IsNameBesidesSubject(string lowerWord) =>
        English.WithoutPossessive(lowerWord) is var w && note.ProperNouns.Contains(w) && w != note.Subject;

    /// <summary>What opens a chat message without asking anything, once thanks and greetings are off it
    /// (<see cref="English.WithoutSmallTalk"/>): "so", "ok", "one more —".</summary>
    [GeneratedRegex(@"^(?:(?:so|ok|okay|oh|but|well|wait|hey|hmm+|alright|also|one\s+more(?:\s+q(?:uestion)?)?|quick\s+q(?:uestion)?)\b[\s,.:;!—–-]*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ChatOpenerRegex();

    /// <summary>A wh-word after a preposition opens a question too: "by how much …", "in which …", "for what …".</summary>
    [GeneratedRegex(@"^(?:by|in|on|for|to|from|at|with|of|under)\s+(?:how|what|which|whom|whose)\b")]
    private static partial Regex PrepositionWhRegex();

    [GeneratedRegex(@"^and\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex AndRegex();

    /// <summary>"what is Zeta?", "who's Dana Reed?": what a thing is, asked of it alone.</summary>
    [GeneratedRegex(@"^(?:what|who)(?:['’]s|\s+(?:is|are|was|were))\s+(?:the\s+)?[\p{L}\d][\p{L}\d .'’-]*\??$")]
    private static partial Regex DefinitionRegex();

    /// <summary>"its", "their": after a word of the question's own they are that word's ("what did Acme pay for
    /// <b>its</b> stake?", "how long did the lab take to redo <b>its</b> stack?"), pointing back at nothing.</summary>
    [GeneratedRegex(@"\b(?:its|their)\b")]
    private static partial Regex ItsRegex();

    /// <summary>The note itself, which a question may name without pointing back at the previous one ("this note",
    /// "the report", "this year").</summary>
    [GeneratedRegex(@"\b(?:this|that|the)\s+(?:note|report|write-?up|piece|doc|document|research|analyst|author|year)\b")]
    private static partial Regex NoteReferenceRegex();

    /// <summary>"then", "there" and "which one" point back at the previous question's topic ("who's ahead then?",
    /// "which one is hardest for Acme?").</summary>
    // not the "there" of "out there" ("the best model out there"), which points at nothing
    [GeneratedRegex(@"\b(?:then|(?<!\bout\s)there|(?:which|that|this|the|either)\s+ones?)\b")]
    private static partial Regex ThenThereRegex();

    /// <summary>"the <b>larger</b> Acme models", "a <b>bigger</b> Acme model": a comparative between an article and its
    /// noun, in a question that sets nothing against anything ("than", "or", "vs", two compared things), describes the
    /// thing asked about; it is no comparison to make. So does one that opens the question before its noun ("bigger
    /// acme eta?") or follows its auxiliary ("when will bigger Acme models ship?"), where no comparison can stand.</summary>
    private static bool Describes(string text, int start, string word, bool twoCompared) =>
        !twoCompared && AttributiveSlotRegex().IsMatch(text[..start]) && NounAfterRegex().Match(text[(start + word.Length)..]) is { Success: true } next
        && !English.IsStopWord(next.Groups["w"].Value.ToLowerInvariant()) && !SetAgainstRegex().IsMatch(text);

    // what may stand before a comparative that describes its noun: an article (and a word), the question's start, an auxiliary
    [GeneratedRegex(@"(?:\b(?:the|an?)\s+(?:\p{L}+\s+)?|^\W*|\b(?:do|does|did|will|would|can|could|should)\s+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AttributiveSlotRegex();

    [GeneratedRegex(@"^\s+(?<w>\p{L}[\p{L}\d'’-]*)")]
    private static partial Regex NounAfterRegex();

    [GeneratedRegex(@"\b(?:than|or|vs\.?|versus|compared?|against)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SetAgainstRegex();

    // a small count between a word that picks things out and their plural noun
    [GeneratedRegex(@"\b(?:which|what|the|those|these|name|list|all)\s+(?<n>" + SpokenNumbers.TwoToTen + @"|[2-9]|10)\s+(?=[a-z-]{3,}s\b)")]
    private static partial Regex ThingsCountedRegex();

    private static bool Within(Group? g, int at) => g is { Success: true } && at >= g.Index && at < g.Index + g.Length;

    private static int Focusish(string text) => ContentWords(text).Count;

    /// <summary>A text's words that are neither stop words nor question words, in lower case.</summary>
    internal static List<string> ContentWords(string text) =>
        Tokens.Segments(text).Select(s => s.Text.ToLowerInvariant())
            .Where(w => char.IsLetterOrDigit(w[0]) && !English.IsStopWord(w) && !English.QuestionWords.Contains(w)).ToList();

    /// <summary>Where the question names the thing it asks for: after "how many", "what/which", or before a measure noun.</summary>
    private List<(int From, int To)> SlotSpans(string q) =>
        SlotRegex().Matches(q).Select(m => m.Groups["slot"]).Where(g => g.Success).Select(g => EndAtPlural(q, g.Index, g.Index + g.Length)).ToList();

    /// <summary>A slot ends at its first plural noun: "how many <b>people</b> touch …", "how many <b>data centers</b>
    /// run …" — the verb after the noun is what they do, not what is counted. A name of the note's that ends like a
    /// plural ("what was Zests revenue?") is not one.</summary>
    private (int From, int To) EndAtPlural(string q, int from, int to)
    {
        foreach (Match w in WordRegex().Matches(q[from..to]))
        {
            int end = from + w.Index + w.Length;
            if (end < to && English.IsPlural(w.Value) && !note.ProperNouns.Contains(w.Value)) return (from, end);
        }
        return (from, to);
    }

    [GeneratedRegex(@"[\w'’-]+")]
    private static partial Regex WordRegex();

    /// <summary>
    /// "how many tokens can Zeta take in at once?": a capacity counted in a word that only ever counts one of the
    /// note's measures (<see cref="NoteModel.MeasureUnits"/>) asks for that measure, which the note may give without
    /// the word ("a 6M part window"). Only a capacity, asked with "can" and a verb of taking in: "how many tokens can
    /// Zeta output?" counts another thing, and "how many tokens was it trained on?" asks no capacity.
    /// </summary>
    private string AsMeasureCounted(string text)
    {
        var m = CapacityCountedRegex().Match(text);
        if (!m.Success) return text;
        var counted = English.Singular(m.Groups["unit"].Value.ToLowerInvariant());
        // "how much text can Zeta hold at once?": what a capacity holds, said in general words, is the one measure
        // the note counts in a unit of its own, when it counts only one
        var measure = note.MeasureUnits.GetValueOrDefault(counted)
                      ?? (English.HeldContentNouns.Contains(counted) && note.MeasureUnits.Values.Distinct(StringComparer.Ordinal).ToList() is [var only] ? only : null);
        if (measure is null || text.Contains(measure, StringComparison.OrdinalIgnoreCase)
            || !WordRegex().Matches(m.Groups["rest"].Value).Any(w => English.IntakeVerbs.Contains(w.Value.ToLowerInvariant())))
            return text;
        var unit = m.Groups["unit"];
        return text[..unit.Index] + measure + text[(unit.Index + unit.Length)..];
    }

    [GeneratedRegex(@"^(?!\s*(?:what|which|who|whom|whose|where|when|why|how)\b)(?<pre>.*?\b(?:is|was|are|were|['’]s)\s+(?:\w+\s+){0,2}?)the\s+(?:very\s+)?(?:best|top|number\s+one|no\.?\s*1|#1)\s+(?<noun>model|models|product|products|system|systems|player|players|company|companies|option|choice|one)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BestThingRegex();

    [GeneratedRegex(@"^so\s+(?!(?:what|which|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|can|will)\b)(?:[\w.'’-]+\s+){1,5}(?:is|are|was|were|has|have|had|can|could|will|would|isn['’]?t|aren['’]?t|wasn['’]?t|doesn['’]?t|don['’]?t|didn['’]?t|won['’]?t|can['’]?t|cannot)\b[^?]*\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SoStatementRegex();

    // (after words of the claim's own, not right after its verb: "is zeta like acme", "looks like", "would like")
    // (not "like half", "like 40%": a rough figure; nor "languages like X or Y": examples of what is asked)
    [GeneratedRegex(@"^\W*(?:so\s+)?(?:(?:is|are|was|were|does|do|did|can|will|has|have)\s+)?[^\s?!;]+(?:\s+[^\s?!;]+)*?\s+(?<!\b(?:is|are|was|were|be|being|looks?|looked|seems?|seemed|feels?|felt|sounds?|would|it['’]?s|just|more|much|exactly)\s+)like\s+(?!(?:half|a\s+(?:third|quarter|half|few|couple|lot)|about|around|maybe|twice|double|triple|\$?\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred|hundreds|thousands|millions|billions)\b)(?<x>(?:(?!\s(?:or|and)\s)[^,;?!])+?)\s*(?:[,;?!]|$)")]
    private static partial Regex AnalogyRegex();

    [GeneratedRegex(@"(?<![\w#])#(?![\w#])")]
    private static partial Regex NumberSignRegex();

    [GeneratedRegex(@"\b(?:every|each)\b[^,;:?!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex EveryBeforeRegex();

    [GeneratedRegex(@"^so\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SoOpenerRegex();

    /// <summary>"so acme closed the gap", "so zeta is free": a statement after "so", its verb after a short subject and
    /// no question word anywhere, checks what the asker has understood, with or without its question mark (chat often
    /// leaves it off).</summary>
    private static bool SoClaim(string text)
    {
        if (!SoOpenerRegex().IsMatch(text) || HasWhWord(text) || OpensAsQuestion(text)) return false;
        var statement = text.TrimEnd().TrimEnd('?', '.', '!').TrimEnd() + "?";
        return SoStatementRegex().IsMatch(statement)
               || (ResultVerbRegex().Match(statement) is { Success: true } verb && WordRegex().Count(statement[..verb.Index]) is >= 2 and <= 6);
    }

    /// <summary>"so with a 2M window, is Zeta the pick?": after a premise, a clause of its own that opens on an auxiliary.</summary>
    private static bool QuestionAfterPremise(string text) =>
        text.Split(',', ';', '—', '–').Skip(1).Any(clause => AuxiliaryRegex().Match(clause.TrimStart()) is { Success: true, Index: 0 });

    // "so Zeta beat Acme on GizmoTest?", "so muse wins mmmu-pro right?": "so", then a statement ending in its question
    // mark, its subject first
    [GeneratedRegex(@"^so\s+(?!(?:what|which|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|and|then|that|this|it|its|they|those|these)\b)[\w.'’/-]+\s+[^?]+\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SoVerbStatementRegex();

    // "Zeta is just a gadget?": a statement asked with its question mark alone, its verb after a short subject, words
    // after the verb, and no question word anywhere
    [GeneratedRegex(@"^(?!.*\b(?:what|which|who|whom|whose|where|when|why|how)\b)(?:[\w.'’-]+\s+){1,4}(?:is|are|was|were|has|have|had|can|could|will|would|isn['’]?t|aren['’]?t|wasn['’]?t|doesn['’]?t|don['’]?t|didn['’]?t|won['’]?t|can['’]?t|cannot)\s+[^?]*\w[^?]*\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StatementAskedRegex();

    // "Zeta's daily users in May 2024 were 3M?": a statement whose verb states a figure, its subject as long as a measure
    // with its period may be, and no question word anywhere
    [GeneratedRegex(@"^(?!.*\b(?:what|which|who|whom|whose|where|when|why|how)\b)(?:[\w.'’-]+\s+){1,8}(?:is|are|was|were)\s+(?:about\s+|around\s+|roughly\s+|~)?\$?\d[^?]*\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StatedFigureAskedRegex();

    /// <summary>"Acme tops Zeta on GizmoTest?", "Acme beat Zeta on it?": a statement that one thing beats (or beat)
    /// another, asked with a question mark and no question word: whether it does (read so only where it names two
    /// compared things).</summary>
    [GeneratedRegex(@"^(?:so\s+)?(?!(?:what|which|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|can|will)\b)(?:[\w.'’-]+\s+){1,4}(?:beat|beats|tops|topped|leads|outscores|outscored|outperforms|outperformed|outdoes|outdid|exceeds|exceeded|edges|edged|trails|trailed|lags|lagged)\s+[^?]+\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparingStatementRegex();

    [GeneratedRegex(@"\bprice[\s-]?tags?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PriceTagRegex();

    [GeneratedRegex(@"\b(?<leader>\p{L}[\p{L}-]*?)(?:['’]s|s['’]?)\s+(?:own\s+|new\s+)?(?:team|teams|crew|group|lab|outfit|unit|org|organization|people|staff|division|squad)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadersGroupRegex();

    [GeneratedRegex(@"\bhow\s+(?:many|much)\s+(?<unit>\p{L}+)\s+(?:can|could)\s+(?<rest>[^?!]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CapacityCountedRegex();

    /// <summary>A bare phrase ("Zeta run rate", "launch date of Acme") is a noun phrase typed as a question: at most
    /// this many words; a longer one without a question word is a statement or a request, read by its words.</summary>
    private const int BarePhraseWords = 6;

    /// <summary>A bare phrase that names money ("Zeta revenue?") asks for the amount only when this short: a longer
    /// one names more than the amount ("revenue mix of the Zeta segment by region").</summary>
    private const int BareMoneyPhraseWords = 4;

    /// <summary>A follow-up fragment that is a measure the note writes in at least this many words asks that measure
    /// alone; a shorter one ("ad clicks") may be a part of the previous question's.</summary>
    private const int StandingMeasureWords = 3;

    private static AnswerType TypeOf(string q, List<(int From, int To)> slots, bool figureFromNoun, Match named, out FigureKind? wanted, out bool fromNoun, out bool barePhrase)
    {
        wanted = null;
        fromNoun = false;
        // the first wh-phrase decides; a leading auxiliary makes it yes/no unless a wh-word follows ("can you say how much")
        var wh = WhRegex().Match(q);
        bool auxFirst = AuxFirstRegex().IsMatch(q);
        // no wh-word or auxiliary to ask with: a phrase ("Zeta unit price?")
        barePhrase = !wh.Success && !auxFirst;
        // a short one names what it asks for by its head ("Zeta launch date?") or its last word ("plant gw?")
        bool shortBare = barePhrase && WordsBeforePeriod(q) is > 1 and <= BarePhraseWords;
        // "does the note give a date for X?", "is there a figure for X?": the kind of answer is named, and it is what
        // is asked for; a yes to the topic alone would say the note has a date it does not give
        if (named.Success)
        {
            var kind = named.Groups["kind"].Value;
            if (DateKindRegex().IsMatch(kind)) return AnswerType.Date;
            wanted = MoneyRegex().IsMatch(kind) ? FigureKind.Money : kind.StartsWith("percent", StringComparison.Ordinal) ? FigureKind.Percent : null;
            return AnswerType.Quantity;
        }
        if (auxFirst && (!wh.Success || wh.Index > 40)) return AnswerType.YesNo;
        if (DateRegex().IsMatch(q)) return AnswerType.Date;
        // "the top end of the 2026 guide": one end of a range, when it is what the question asks for (not one side of
        // a choice: "which is larger, X or the bottom of Y?"), is a figure, read from its noun as "what was the outlay?"
        // is (refused as a figure, what the note says of it may still answer)
        if (figureFromNoun && (!wh.Success || wh.Value == "what") && English.RangeEndAsked(q).Success)
        {
            wanted = MoneyRegex().IsMatch(q) ? FigureKind.Money : null;
            fromNoun = true;
            return AnswerType.Quantity;
        }
        if (PlaceRegex().IsMatch(q)) return AnswerType.Place;
        // "release date of Zeta", "Zeta launch date?": a bare phrase whose head is a date asks for one
        if (shortBare && HeadNoun(q) is "date" or "deadline") return AnswerType.Date;
        // "Nimbus plant location?": likewise, a bare phrase whose head asks for a place
        if (shortBare && HeadNoun(q) is { } placeHead && English.PlaceWords.Contains(placeHead)) return AnswerType.Place;
        // "exact date Zeta hits the app?": a question that opens on a date, with the clause about what happened on it
        // after (the "what is the" left out)
        if (barePhrase && DateFirstRegex().IsMatch(q)) return AnswerType.Date;
        // "ship date for the bigger Zeta models?": a bare phrase of any length that opens on a date of something
        if (barePhrase && DateOfThingRegex().IsMatch(q)) return AnswerType.Date;
        // an age is a length of time too
        if (HowLongRegex().IsMatch(q) || English.AsksAge(q))
        {
            // a length of time, not any figure the clause gives ("how old is Zeta?" is not answered by its 12% stake);
            // but "how long is Zeta's part window?" may ask the length of a thing, which its own figure gives
            wanted = English.AsksAge(q) || !HowLongIsRegex().IsMatch(q) ? FigureKind.Duration : null;
            return AnswerType.Duration;
        }
        // "how much (how far) should we trust the claim?", "how much confidence …": a degree of trust, asked of the note's
        // own hedging, not an amount
        if (HowMuchTrustRegex().IsMatch(q)) return AnswerType.Description;
        if (PercentRegex().IsMatch(q))
        {
            wanted = FigureKind.Percent;
            return AnswerType.Quantity;
        }
        // "what's the latency, in ms?", "the site's capacity in GW": a unit of measure that closes the question asks a
        // figure in it (a span of time for a unit of time)
        // (or closes a bare phrase: "plant gw?")
        var unitAsked = UnitAskedRegex().Match(q);
        if (!unitAsked.Success && shortBare) unitAsked = BareUnitRegex().Match(q);
        if (unitAsked.Success)
        {
            wanted = unitAsked.Groups["time"].Success ? FigureKind.Duration : null;
            return AnswerType.Quantity;
        }
        if (HowManyRegex().Match(q) is { Success: true } many)
        {
            // "how many dollars …" counts money; "how big was the Zeta deal?" asks the money it laid out
            wanted = (WordRegex().Match(q, many.Index + many.Length) is { Success: true } counted && English.MoneyNouns.Contains(counted.Value))
                     || (!many.Value.StartsWith("how many", StringComparison.Ordinal) && WordRegex().Matches(q).Any(w => English.TransactionNouns.Contains(w.Value)))
                ? FigureKind.Money : FigureKind.Count;
            return AnswerType.Quantity;
        }
        if (HowMuchRegex().IsMatch(q) || QuantityRegex.IsMatch(q))
        {
            // "the Zeta deal: how much and when?": how much a transaction was is the money it moved (not "how much of")
            if (MoneyRegex().IsMatch(q) || HowMuchMadeRegex().IsMatch(q) || HowMuchPutIntoRegex.IsMatch(q)
                || (!HowMuchOfRegex().IsMatch(q) && WordRegex().Matches(q).Any(w => English.TransactionNouns.Contains(w.Value)))) wanted = FigureKind.Money;
            return AnswerType.Quantity;
        }
        // "who are the partners that got access?" asks for the members of a kind the question names, as "which partners …" does
        if (WhoAreTheRegex().IsMatch(q)) return AnswerType.List;
        // "who …?" asks for a person or organisation when "who" is the question's own wh-word, not a clause inside
        // another question ("what is the fight, if not who's best at X?")
        if (WhoRegex().IsMatch(q) && (!wh.Success || wh.Value.StartsWith("who", StringComparison.Ordinal))) return AnswerType.Person;
        // "what was the growth in Zeta shipments?", "what was the views lift for Zeta?": the thing asked for is an
        // amount of change, so a share or multiple, whatever verb the phrase carries ("the time spent lift"), and
        // whatever it changed ("what is the outlay increase?" asks the change, not the outlay)
        if (figureFromNoun && wh.Success && wh.Value == "what"
            && (slots.Any(s => WordRegex().Match(q[s.From..s.To]) is { Success: true } first && English.ChangeNouns.Contains(first.Value))
                || (WhatIsTheRegex().Match(q) is { Success: true } phrase && English.ChangeNouns.Contains(HeadNoun(q[(phrase.Index + phrase.Length)..]) ?? ""))))
        {
            wanted = FigureKind.Percent;
            fromNoun = true;
            return AnswerType.Quantity;
        }
        // "what was the outlay in 2025?": the thing a what-question asks for is an amount of money, so a figure
        if (figureFromNoun && wh.Success && wh.Value == "what" && slots.Any(s => MoneyRegex().IsMatch(q[s.From..s.To])))
        {
            wanted = FigureKind.Money;
            fromNoun = true;
            return AnswerType.Quantity;
        }
        // "what did Acme pay for Zeta?": a what-question whose verb moves money asks for the amount, and one that asks
        // what a thing is worth ("what does the deal put its value at?") for that amount
        if (figureFromNoun && wh.Success && wh.Value == "what" && (MoneyVerbQuestionRegex().IsMatch(q) || English.AsksWorth(q)))
        {
            wanted = FigureKind.Money;
            return AnswerType.Quantity;
        }
        if (ListRegex().IsMatch(q)) return AnswerType.List;
        // "Zeta shipments lift?", "ad clicks lift from ranking changes": a bare phrase whose head is an amount of
        // change asks how much, whatever it changed ("time spent" is not money)
        if (figureFromNoun && shortBare && English.ChangeNouns.Contains(HeadNoun(q) ?? ""))
        {
            // a change is a share or a multiple ("a 3% lift", "tripled"), not the level it changed ("$9B of revenue")
            wanted = FigureKind.Percent;
            fromNoun = true;
            return AnswerType.Quantity;
        }
        if (barePhrase && MoneyRegex().IsMatch(q) && Quantities.PeriodsIn(q).Count > 0) return AnswerType.Quantity;
        // "Zeta paid messaging run rate", "Acme capex guide range": a bare phrase whose head measures asks for the measure
        // (however long, when the measure is its last word and no figure is stated: "Zeta 3.1 pro's actual GadgetEval
        // Max number?", not the claim "Zeta paid messaging hit a $7B run rate?")
        if (figureFromNoun && (shortBare || (barePhrase && WordsWithoutClosingPeriod(q).LastOrDefault() is { } last && English.MeasureNouns.Contains(last)
                                             && Quantities.FiguresIn(q).All(f => f.Kind == FigureKind.Number)))
            && HeadNoun(q) is { } measure && English.MeasureNouns.Contains(measure))
        {
            if (MoneyRegex().IsMatch(q)) wanted = FigureKind.Money;
            // "Zeta headcount?": a measure that is itself a count of persons
            else if (English.PersonTallyNouns.Contains(measure)) wanted = FigureKind.Count;
            fromNoun = true;
            return AnswerType.Quantity;
        }
        // "Acme monthly users?", "family daily active people?": a bare phrase whose head counts persons asks how many
        if (figureFromNoun && CountsPersonsByHead(q, wh.Success, auxFirst))
        {
            wanted = FigureKind.Count;
            fromNoun = true;
            return AnswerType.Quantity;
        }
        // "Zeta revenue?": a bare phrase (a few words, no verb to ask with) naming an amount of money asks for it, as
        // "what was …" does
        if (figureFromNoun && barePhrase && MoneyRegex().IsMatch(q) && WordRegex().Count(q) <= BareMoneyPhraseWords)
        {
            wanted = FigureKind.Money;
            fromNoun = true;
            return AnswerType.Quantity;
        }
        return AnswerType.Description;
    }

    /// <summary>"what is/was [the] …" ending in two words or more of what one of the note's figures measures.</summary>
    private bool NamesAMeasure(string q)
    {
        if (!WhatIsRegex().IsMatch(q)) return false;
        var words = WordRegex().Matches(q).Select(w => w.Value).ToList();
        for (int n = 2; n <= 4 && n < words.Count; n++)
            if (note.MeasurePhrases.Contains(string.Join(' ', words.Skip(words.Count - n)))) return true;
        return false;
    }

    [GeneratedRegex(@"\bwhat(?:['’]s|\s+(?:is|was|are|were)\b)")]
    private static partial Regex WhatIsRegex();

    [GeneratedRegex(@"^(?:and\s+)?(?:what|how)\s+about\s+\S.*?\s+(?:on|in)\s+(?<on>[^?]+)")]
    private static partial Regex WhatAboutOnRegex();

    /// <summary>A bare phrase (a few words, no wh-word or auxiliary to ask with) whose head is a noun that counts
    /// persons ("Acme monthly <b>users</b>", "daily active <b>people</b> in 2025").</summary>
    private static bool CountsPersonsByHead(string q, bool wh, bool auxFirst) =>
        !wh && !auxFirst && WordRegex().Count(q) is > 1 and <= BarePhraseWords && HeadNoun(q) is { } head
        && English.IsPlural(head) && English.PersonCountNouns.Contains(English.Singular(head));

    /// <summary>Figures in general asked for ("Zeta's numbers?", "key stats on Acme Widget Works?", "main figures?"):
    /// a plural figure noun, in a question that is no yes/no one ("are the numbers verified?"), asked of one named
    /// thing or of nothing the note speaks of; not of measures ("Zeta's WidgetBench and GadgetEval numbers").</summary>
    private static bool AsksFiguresOf(List<FocusWord> focus, AnswerType type, string text)
    {
        // ("every Zeta benchmark number": one figure noun after "every" or "each" asks for all of them too)
        if (!focus.Any(f => English.FigureListNouns.Contains(f.Key) || (English.FigureListNouns.Contains(f.Key + "s") && EveryBeforeRegex().IsMatch(text[..f.Start])))
            || type == AnswerType.YesNo) return false;
        var about = FiguresOf(focus).OrderBy(f => f.Start).ToList();
        if (about.All(f => !f.InNote)) return true;
        // one name, its words side by side ("claude opus 4.6")
        bool oneRun = about.Zip(about.Skip(1)).All(p => text[(p.First.Start + p.First.Word.Length)..p.Second.Start].All(char.IsWhiteSpace));
        return oneRun && about.Any(f => f.IsName);
    }

    /// <summary>The focus words (by index) that name a table in the question: the words run together right before
    /// "table" or "grid" ("the <b>model comparison</b> table", "the <b>validates vs does-not-validate</b> grid").</summary>
    public static HashSet<int> TableNaming(QuestionFrame q)
    {
        var naming = new HashSet<int>();
        for (int k = 0; k < q.Focus.Count; k++)
        {
            if (!English.TableNouns.Contains(q.Focus[k].Key)) continue;
            for (int j = k - 1; j >= 0; j--)
            {
                int end = q.Focus[j].Start + q.Focus[j].Word.Length;
                if (end > q.Focus[j + 1].Start) break;
                var gap = q.Text[end..q.Focus[j + 1].Start].Trim().ToLowerInvariant();
                if (gap.Length > 0 && !English.NameJoiners.Contains(gap)) break;
                naming.Add(j);
            }
        }
        return naming;
    }

    /// <summary>What figures in general are asked of: the question's words but the figure noun and words that only
    /// stress ("key", "main") or ask for all of them ("Zeta's <b>full</b> list of numbers"), and nouns for results in
    /// general ("Zeta's <b>benchmark</b> numbers"), which name no measure either.</summary>
    public static IEnumerable<FocusWord> FiguresOf(IEnumerable<FocusWord> focus) =>
        focus.Where(f => !English.FigureListNouns.Contains(f.Key) && !English.EmphasisWords.Contains(f.Key) && !English.AnswerTypeNouns.Contains(f.Key)
                         && !English.WholeWords.Contains(f.Key) && !English.ResultNouns.Contains(f.Key));

    /// <summary>The words either side of "vs" ("or", "versus", "compared with", or "and" after "compare" or
    /// "between"), each side running from the marker to the nearest clause break ("—", ",", "which …"); null when
    /// either side has none, or when the sides are set apart by periods ("2025 capex vs the 2026 guide"): one thing
    /// in two periods, each period its own figure.</summary>
    private static (IReadOnlyList<FocusWord> One, IReadOnlyList<FocusWord> Other)? PhraseSidesOf(string text, List<FocusWord> focus, IReadOnlyList<DateMention> dates)
    {
        var marker = SideMarkerRegex().Match(text);
        if (!marker.Success) return null;
        if (dates.FirstOrDefault(d => d.Start < marker.Index) is { } before && dates.FirstOrDefault(d => d.Start >= marker.Index + marker.Length) is { } after
            && before.Period != after.Period) return null;
        var words = focus.Where(f => !f.IsFrame && f.Terms.Count > 0 && !f.Word.Any(char.IsDigit)).ToList();
        var one = words.Where(f => f.Start < marker.Index && !SideBreakRegex().IsMatch(text[(f.Start + f.Word.Length)..marker.Index])).ToList();
        var other = words.Where(f => f.Start >= marker.Index + marker.Length && !SideBreakRegex().IsMatch(text[(marker.Index + marker.Length)..f.Start])).ToList();
        return one.Count > 0 && other.Count > 0 ? (one, other) : null;
    }

    // "A vs B", "A or B", "A compared with B", "between A and B", "A bigger than B" (a comparative right before "than"
    // parts the sides; "a bigger window than B" names what is compared before it; "more than 35%" is a bound)
    [GeneratedRegex(@"\s+(?:vs\.?|versus|or|compared\s+(?:with|to)|against|(?:\p{L}+er|more|less|fewer)\s+than(?!\s+(?:a\s+|an\s+)?[$€£]?\d))\s+|(?<=\b(?:compare|between)\b.*)\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SideMarkerRegex();

    /// <summary>"which … , X or Y?": a which-question that offers two things to choose between ("more" alone is too
    /// common to mark a comparison).</summary>
    [GeneratedRegex(@"^\W*which\b.*\s+or\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WhichOfTwoRegex();

    /// <summary>Where a side of a comparison ends: a dash, comma, colon or semicolon, or a question word.</summary>
    [GeneratedRegex(@"[—–,;:?]|\s-\s|\b(?:which|what|who|how|where|when|is|are|does|did)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SideBreakRegex();

    /// <summary>"which X …?": where X stands in the question and which focus word is its head (-1: no such X).</summary>
    private static (int Head, int From, int Length) MemberPhrase(string lower, List<FocusWord> focus, IReadOnlyList<string> multiWordColumns)
    {
        var plural = PluralAfterWhich(lower);
        // "which watch item helps …?": the words before a plural-looking form are a column of the note's tables, so
        // that form is the verb after the column's name ("helps"), not a plural noun
        if (plural is { } p && multiWordColumns.FirstOrDefault(h => p.Value.StartsWith(h + " ", StringComparison.Ordinal)) is { } column)
            plural = (p.Index, column.Length, column);
        (int Index, int Length, string Value) x;
        if ((WhichPhraseRegex().Match(lower) is { Success: true } which ? which
                : WhichBeforeParticipleRegex().Match(lower) is { Success: true } bare ? bare
                : null) is { } verbAfter) x = (verbAfter.Groups["x"].Index, verbAfter.Groups["x"].Length, verbAfter.Groups["x"].Value);
        else if (plural is { } upToPlural) x = upToPlural;
        else if ((WhichAloneRegex().Match(lower) is { Success: true } alone ? alone
                     : WhoAreTheRegex().Match(lower) is { Success: true } whoAre ? whoAre : NameTheRegex().Match(lower)) is { Success: true } m)
            x = (m.Groups["x"].Index, m.Groups["x"].Length, m.Groups["x"].Value);
        else return (-1, 0, 0);
        var (at, from, length) = PhraseAt(focus, x);
        // "which rivals beat Zeta on X?": a name is no kind, so the phrase ran past the verb into what follows it
        if (at >= 0 && focus[at].IsName && plural is { } before && before.Index + before.Length < x.Index + x.Length)
            return PhraseAt(focus, before);
        return (at, from, length);
    }

    /// <summary>The head of the phrase X stands in, as a focus word, unless X is a kind of thing.</summary>
    private static (int Head, int From, int Length) PhraseAt(List<FocusWord> focus, (int Index, int Length, string Value) x)
    {
        if (HeadNoun(x.Value) is not { } head || English.KindNouns.Contains(head)) return (-1, 0, 0);
        return (focus.FindIndex(f => !f.IsFrame && f.Start >= x.Index && f.Start < x.Index + x.Length && English.WithoutPossessive(f.Word.ToLowerInvariant()) == head), x.Index, x.Length);
    }

    /// <summary>"which hospitals use Zeta?", "which chipmakers supply the plant?": a verb no list can hold follows the
    /// thing, so the thing is up to its first plural noun (within three words, no comma between), with a verb after it.
    /// A word before an article or a clause is that verb itself ("which watchlist item <b>tests</b> whether …"), and a
    /// possessive is no plural.</summary>
    private static (int Index, int Length, string Value)? PluralAfterWhich(string lower)
    {
        if (WhichStartRegex().Match(lower) is not { Success: true } which) return null;
        var words = WordRegex().Matches(lower, which.Index + which.Length).Take(4).ToList();
        for (int i = 0; i < Math.Min(3, words.Count - 1); i++)
        {
            if (i > 0 && !string.IsNullOrWhiteSpace(lower[(words[i - 1].Index + words[i - 1].Length)..words[i].Index])) return null;
            var w = words[i].Value;
            if (w.Contains('\'') || w.Contains('’') || !English.IsPlural(w)) continue;
            if (VerbFollowerRegex().IsMatch(words[i + 1].Value)) return null;
            // "which news outlets …", "which glasses models …": a plural before another is its modifier
            while (i + 2 < words.Count && i < 2 && English.IsPlural(words[i + 1].Value) && !words[i + 1].Value.Contains('\'')
                   && string.IsNullOrWhiteSpace(lower[(words[i].Index + words[i].Length)..words[i + 1].Index]) && !VerbFollowerRegex().IsMatch(words[i + 2].Value)) i++;
            int from = words[0].Index, to = words[i].Index + words[i].Length;
            return (from, to - from, lower[from..to]);
        }
        return null;
    }

    // "which" choosing among things named after it ("which is bigger, …?", "which of …") asks no kind
    [GeneratedRegex(@"\bwhich\s+(?!(?:of|is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|one|ones)\b)")]
    private static partial Regex WhichStartRegex();

    // what follows a verb rather than a plural subject: an article, a possessive determiner, a clause
    [GeneratedRegex(@"^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your|whether|if|how|what|when|where|why|who|to)$")]
    private static partial Regex VerbFollowerRegex();

    // "which power developers are …", "in which regions does …": the thing whose members are asked for, up to the verb
    // (an adverb may come before it: "which partners actually got …"; a few plain verbs say what members do: "which
    // tools make up …", "which apps include …")
    [GeneratedRegex(@"\bwhich\s+(?<x>(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+?)(?=\s+(?:(?:\w+ly|just|even|ever|still|first)\s+)?(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|get|gets|got|make|makes|made|include|includes|included|come|comes|came)\b)")]
    private static partial Regex WhichPhraseRegex();

    // chat leaves the verb out ("which regions excluded from it?", "which partners in the preview?"): the thing is up
    // to a participle or a preposition instead (not "which of …", which chooses among things named after it)
    [GeneratedRegex(@"\bwhich\s+(?!of\b)(?<x>(?:[\w'’.-]+\s+){0,2}?[\w'’.-]+?)(?=\s+(?:\w{3,}(?:ed|ing)|in|on|at|for|from|with|under|behind|outside|within)\b)")]
    private static partial Regex WhichBeforeParticipleRegex();

    // "which api partners?", "which regions": chat may say the thing alone, with nothing after it
    [GeneratedRegex(@"^\W*(?:(?:ok|okay|so|and|but|then|hey)\W+)*which\s+(?!of\b)(?<x>(?:[\w'’.-]+\s+){0,2}?[\w'’.-]+)\W*$")]
    private static partial Regex WhichAloneRegex();

    // "who are the partners that got access?", "who were the publishers in …": a kind whose members are asked for
    [GeneratedRegex(@"^\W*(?:(?:ok|okay|so|and|but|then|hey)\W+)*who\s+(?:are|were|r)\s+(?:the|those|these)\s+(?<x>(?:[\w'’.-]+\s+){0,2}?[\w'’.-]+?)(?=\s+(?:that|who|which|whose|in|on|at|behind|named|mentioned|listed|cited)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex WhoAreTheRegex();

    // "name the partners that got access", "list some firms in the preview": a bidding to name a kind's members
    [GeneratedRegex(@"^\W*(?:(?:ok|okay|so|and|but|then|hey|pls|please)\W+)*(?:name|list)\s+(?:the|some|any|a\s+few(?:\s+of\s+the)?)\s+(?<x>(?:[\w'’.-]+\s+){0,2}?[\w'’.-]+?)(?=\s+(?:that|who|which|whose|in|on|at|behind|named|mentioned|listed|cited|with|of)\b|\W*$)", RegexOptions.IgnoreCase)]
    private static partial Regex NameTheRegex();

    /// <summary>The words of a phrase without the period it ends with ("Zeta time spent lift q4"): the period says
    /// when, not what.</summary>
    private static List<string> WordsWithoutClosingPeriod(string phrase)
    {
        var words = WordRegex().Matches(phrase).Select(m => m.Value).ToList();
        while (words.Count > 1 && (QuarterRegex().IsMatch(words[^1]) || FourDigitYearRegex().IsMatch(words[^1]))) words.RemoveAt(words.Count - 1);
        return words;
    }

    /// <summary>How many words a phrase has before the period it ends with, and the preposition before that ("Zeta
    /// time spent lift <b>in q4 2025</b>"): a phrase is no longer for saying when.</summary>
    private static int WordsBeforePeriod(string phrase)
    {
        var words = WordsWithoutClosingPeriod(phrase);
        bool periodCut = words.Count < WordRegex().Count(phrase);
        return periodCut && words.Count > 1 && English.GoverningPrepositions.Contains(words[^1]) ? words.Count - 1 : words.Count;
    }

    /// <summary>The head of a noun phrase: its last word before the first preposition that ties it to what it is of
    /// ("clicks <b>lift</b> from ranking changes", "the views <b>lift</b> for Zeta"), or its last word.</summary>
    private static string? HeadNoun(string phrase)
    {
        var words = WordsWithoutClosingPeriod(phrase);
        int of = words.FindIndex(1, w => English.GoverningPrepositions.Contains(w));
        var head = of > 0 ? words[of - 1] : words.LastOrDefault();
        return head is null ? null : English.WithoutPossessive(head);
    }

    // "what is the", "what's the", "what were its": a what-question about a thing named next
    [GeneratedRegex(@"^what(?:\s+(?:is|was|are|were)|['’]s)?\s+(?:the|its|their)\s+")]
    private static partial Regex WhatIsTheRegex();

    /// <summary>How a date is set, from the words before it: −2 "before", −1 "by", "until"; +1 "since", +2 "after";
    /// 0 on it ("in", "on"); null for a part of it ("the end of 2025", "early 2026"), which is not read.</summary>
    private static int? DateRelation(string before) =>
        PartOfPeriodRegex().IsMatch(before) ? null
        : DateRelationRegex().Match(before) is { Success: true } m
            ? m.Groups["before"].Success ? -2 : m.Groups["by"].Success ? -1 : m.Groups["since"].Success ? 1 : 2
            : 0;

    [GeneratedRegex(@"\b(?:(?:way\s+)?back|some\s?time|already|as\s+(?:early|late|far\s+back)\s+as)\s+(?:(?:in|on|during)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingTimeWordsRegex();

    [GeneratedRegex(@"\b(?:(?:start|end|beginning|middle|half|rest)\s+of|early|late|mid-?)\s*(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfPeriodRegex();

    // "before April 2026", "no later than June", "since 2025"
    [GeneratedRegex(@"(?:\b(?<by>no\s+later\s+than|by|until|till)|\b(?<before>before|prior\s+to|ahead\s+of|earlier\s+than)|\b(?<since>since)|\b(?<after>after|later\s+than))\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DateRelationRegex();

    // quarters only: a half ("h2") is no period the note's dates can answer, so it stays a word that must be met
    [GeneratedRegex(@"^q[1-4]$")]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    /// <summary>"can you confirm (that) X?", "could you check whether X?", "is it true that X?", "am I right that X?": a
    /// request to check a claim, read as "does the note say X?" (the request's verb is no word the note must say: it
    /// had met the note's "confirms"). A question asked after the request ("can you check: is X open?") is read as
    /// asked, and so is a thing to look up ("can you check the capex figure?"). Null when the text makes no such
    /// request.</summary>
    private static string? AsRequestedCheck(string text)
    {
        var request = RequestedCheckRegex().Match(text);
        if (!request.Success) return null;
        var claim = request.Groups["claim"].Value.Trim().TrimEnd('?', '.', '!', ' ');
        if (WordRegex().Count(claim) < 2) return null;
        if (AuxFirstRegex().IsMatch(claim) || WhRegex().Match(claim) is { Success: true, Index: 0 } || request.Groups["lookup"].Success) return claim + "?";
        return $"does the note say {claim}?";
    }

    /// <summary>"explain what Zeta is", "eli5 how the rebuild worked", "can you describe why Acme fell behind?": the
    /// question inside the request, asked as a question ("what is Zeta?"); the request's verb is no word the note must
    /// say. Null when the text makes no such request.</summary>
    private static string? AsEmbeddedQuestion(string text)
    {
        var request = EmbeddedQuestionRegex().Match(text);
        if (!request.Success) return null;
        var asked = request.Groups["q"].Value.Trim().TrimEnd('?', '.', '!', ' ');
        // "does the note say why Acme fell behind?" asks whether it gives a reason, which "Not in those words" may answer
        if (!request.Groups["explain"].Success && asked.StartsWith("why", StringComparison.OrdinalIgnoreCase)) return null;
        // "what Zeta is" → "what is Zeta": the copula back before its subject
        return (CopulaLastRegex().Match(asked) is { Success: true } last
            ? $"{last.Groups["wh"].Value} {last.Groups["be"].Value} {last.Groups["x"].Value}" : asked) + "?";
    }

    // "explain what Zeta is", "does the note say when Zeta ships?", "do we know how many users Acme has?", "any idea
    // when …", "is there anything on when …", "any word on how much …", "did they mention who …": the wh-question
    // inside is what is asked (a date the note lacks is then a date it does not give, not a
    // "does it say" met by the topic)
    [GeneratedRegex(@"^(?:(?:so|ok|okay|hey|hi|hello)[\s,!]+)*(?:(?<explain>(?:(?:can|could|would)\s+(?:you|u)\s+|(?:please|pls|plz)\s+)?(?:explain|describe|eli5|summari[sz]e|walk\s+me\s+through|help\s+me\s+understand)(?:\s+(?:to\s+me|for\s+me|briefly|quickly))?[\s,:—–-]+)|(?:does|did)\s+(?:the\s+)?(?:note|report|piece|write-?up|doc|document|memo|research|it|author|analyst)\s+(?:say|mention|tell\s+(?:us|me)|state|specify|indicate)\s+|(?:do|does)\s+(?:we|you|u|anyone|anybody)\s+know\s+|any\s+idea\s+|(?:can|could)\s+(?:you|u)\s+tell\s+(?:me|us)\s+|(?:(?:is|are)\s+there\s+)?(?:anything|any\s+(?:word|info|information|details?|mention|news|data|guidance|indication|update|colou?r|clue))\s+(?:on|about|re|regarding|as\s+to)\s+|did\s+(?:they|we)\s+(?:say|mention|specify|indicate)\s+)(?<q>(?:what|why|how|who|when|where|which)\b.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EmbeddedQuestionRegex();

    [GeneratedRegex(@"^(?<wh>what|who|which)\s+(?<x>.+?)\s+(?<be>is|are|was|were)$", RegexOptions.IgnoreCase)]
    private static partial Regex CopulaLastRegex();

    // the note said not to do something: "(does the note say) the note doesn't give X", "the report never mentions X",
    // "the note has no X" (the verb kept, its article restored)
    [GeneratedRegex(@"^(?:does\s+the\s+note\s+say\s+)?(?:that\s+)?(?:the|this)\s+(?:note|report|piece|write-?up|doc|document|research|memo)\s+(?:(?:doesn['’]?t|does\s+not|(?<never>never))\s+|(?<no>has|gives|includes|offers|contains|puts|lists|names)\s+no\s+)(?<rest>[^?]+?)\s*\?*$", RegexOptions.IgnoreCase)]
    private static partial Regex AbsenceClaimRegex();

    private static string BaseVerb(string thirdPerson) => thirdPerson == "has" ? "have" : thirdPerson[..^1];

    /// <summary>"mentions Zeta" → "mention Zeta": the verb a "never" stood before, as "does" takes it.</summary>
    private static string BaseOfFirst(string phrase) =>
        WordRegex().Match(phrase) is { Success: true, Index: 0 } verb && verb.Value.EndsWith('s') && verb.Value.Length > 3
            ? BaseVerb(verb.Value.ToLowerInvariant()) + phrase[verb.Length..] : phrase;

    // confirm / verify take a claim; check, "tell me", "find out" take one after whether, if or that, and otherwise
    // the thing to look up; a checking preface before a colon or dash ("just confirming for a client — …", "sanity
    // check: …") takes what follows it
    [GeneratedRegex(@"^(?:(?:so|ok|okay|hey|and|but|also|quick\s+q)[\s,:—–-]+)*(?:(?:(?:can|could|would|will)\s+(?:you|u)\s+|(?:please|pls|plz)\s+)(?:please\s+|pls\s+|quickly\s+|just\s+)?(?:(?:confirm|verify)(?:\s+for\s+me)?(?:\s*[:,—–-]\s*|\s+)(?:whether\s+|if\s+|that\s+)?|(?:check|double[-\s]?check|tell\s+me|let\s+me\s+know|find\s+out|look\s+up)(?:\s+for\s+me)?(?:\s*[:,—–-]\s*|\s+)(?:(?:whether|if|that)\s+|(?<lookup>)))|(?:is|was)\s+it\s+(?:true|right|correct|accurate|the\s+case|fair\s+to\s+say)\s+(?:that\s+)?|am\s+i\s+(?:right|correct)\s+(?:that|in\s+thinking(?:\s+that)?)\s+|(?:just\s+)?(?:confirming|checking|double[-\s]?checking|verifying|to\s+(?:confirm|check|verify)|(?:(?:quick|sanity|fact)[-\s]?)+check)(?:\s+(?:for|with)\s+(?:[\w'’]+\s+){0,3}?[\w'’]+)?\s*[:,—–-]+\s*)(?<claim>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RequestedCheckRegex();

    /// <summary>
    /// "should I buy Acme stock?", "is Acme a sell?", "does the note recommend buying Acme?": advice on a trade asks
    /// for the note's own recommendation, "does the note give a buy or sell recommendation on Acme stock?"; a note
    /// that gives none says so, rather than quote the passage nearest the company's name.
    /// </summary>
    private static string? AsAdviceRequest(string text) =>
        AdviceRegex().Match(text) is { Success: true } advice && advice.Groups["x"].Value.Trim() is { Length: > 0 } what
            ? $"does the note give a buy or sell recommendation on {what}?" : null;

    /// <summary>
    /// "what's the price target?", "price target on Acme shares?", "what rating does the note put on the stock?", "is
    /// Acme rated a buy?", "is this note a buy, hold or sell on Acme shares?": an equity note's call on a stock asks whether the note gives one, "does the note give a price
    /// target on Acme shares?", which a note gives as a whole or not at all. A bare "rating" is a stock's only when said
    /// of the stock or of the note's company ("the rating on Acme"), not of a product's score.
    /// </summary>
    private string? AsStockCallRequest(string text)
    {
        // ("is the note rating Acme a buy, hold or sell?": a bare "rating" said of no stock leaves the calls after it)
        foreach (Match m in StockCallRegex().Matches(text))
            if (StockCall(m) is { } call) return call;
        return null;
    }

    private string? StockCall(Match m)
    {
        // what it is on, up to the first small word after it ("Acme shares", not "Acme in this note")
        var onTyped = m.Groups["on"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(w => w.Equals("on", StringComparison.OrdinalIgnoreCase) || w.Equals("for", StringComparison.OrdinalIgnoreCase)).ToArray();
        var on = string.Join(' ', onTyped.Take(1).Concat(onTyped.Skip(1).TakeWhile(w => !English.IsStopWord(w.ToLowerInvariant()))));
        var onWords = Tokens.Words(on).Select(w => English.WithoutPossessive(w.Text.ToLowerInvariant())).ToList();
        bool ofStock = onWords.Any(w => StockNouns.Contains(w) || w == note.Subject);
        if (m.Groups["bare"].Success && !ofStock) return null;
        // ("a price target and rating": whether it gives either)
        var call = Regex.Replace(m.Groups["call"].Value.ToLowerInvariant(), @"\s+and\s+", " or ");
        // ("a buy, hold or sell on Acme?": the three calls a rating is one of)
        if (m.Groups["calls"].Success) call += " rating";
        // "the note rates Acme a buy?", "the analyst rating?": a rating is a buy or sell call, said so in the words
        // an equity note gives it in (a "rating" alone the note may meet in another sense, "run-rate")
        if (m.Groups["rated"].Success || RatingAloneRegex().IsMatch(call)) call = "buy or sell rating";
        return $"does the note give a {call}{(on.Length > 0 ? " on " + on : "")}?";
    }

    [GeneratedRegex(@"^(?:(?:stock|share|investment|analyst|equity)\s+)?rating$")]
    private static partial Regex RatingAloneRegex();

    /// <summary>What an equity note's call is on: the stock, its shares.</summary>
    private static readonly HashSet<string> StockNouns = new(StringComparer.Ordinal) { "stock", "stocks", "shares", "share", "equity", "ticker" };

    [GeneratedRegex(@"\b(?<call>(?:(?:buy|sell|hold|stock|share|investment|analyst|equity)(?:\s*(?:or|/|,)\s*(?:buy|sell|hold))*\s+)rating|price\s+target(?:\s+(?:or|and|/)\s+(?:a\s+)?rating)?|target\s+price|(?:rating|recommendation)\s+(?:or|and|/)\s+(?:a\s+)?price\s+target|(?<calls>(?:buy|sell|hold)(?:\s*(?:,|/|or|,\s*or)\s*(?:buy|sell|hold)){2})|(?<rated>(?:rates|rated|rating)\s+(?<on>[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?)\s+(?:as\s+)?an?\s+(?:buy|sell|hold|overweight|underweight|outperform|underperform))|(?<bare>rating))\b(?:[^?]*?\b(?:on|for|give|gives|put|puts|assign|assigns)\s+(?<on>(?:the\s+)?[\w.'’-]+(?:\s+[\w.'’-]+){0,2}))?", RegexOptions.IgnoreCase)]
    private static partial Regex StockCallRegex();

    [GeneratedRegex(@"^(?:(?:so|ok|okay|and|but|hey|honestly)[\s,]+)*(?:(?:should|shall|would|do)\s+(?:i|we|you|u|clients|investors|people)\s+(?:(?:still|now|just)\s+)?(?:buy|sell|short|hold|own|trim|dump|add\s+to|invest\s+in|get\s+into|load\s+up\s+on|stay\s+in|get\s+out\s+of)\s+(?<x>[^?]+?)|(?:is|are)\s+(?<x>[^?]+?)\s+(?:an?\s+(?:buy|sell|hold)|(?:an?\s+)?good\s+(?:investment|buy|stock))(?:\s+(?:now|here|today|right\s+now))?|(?:does|do|did)\s+(?:the|this)\s+(?:note|report|research|piece|doc|document|write-?up|author|analysts?)\s+(?:recommend|suggest|advise)\s+(?:buying|selling|owning|holding|shorting\s+)?\s*(?<x>[^?]+?))\s*\?*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AdviceRegex();

    /// <summary>
    /// "my boss says Zeta beat Acme — does the note back him up?", "a client told me Acme is open source. is that
    /// right?", "Acme shipped 2M units — can I quote that?": a claim reported and then checked against the note asks
    /// whether the note says it, as "does the note say Zeta beat Acme?" does; who holds the claim and how it is checked
    /// say nothing of what is claimed.
    /// </summary>
    private static string? AsClaimCheck(string text)
    {
        var check = ClaimCheckRegex().Match(text);
        if (!check.Success || check.Index == 0) return null;
        var claim = ClaimHolderRegex().Replace(text[..check.Index], "");
        // "… and I want to push back": what the asker means to do is no part of the claim
        claim = AskerAsideRegex().Replace(claim, "").Trim().TrimEnd('.', ',', ';', ':', '!', '—', '–', '-').Trim();
        return WordRegex().Count(claim) >= 2 ? $"does the note say {claim}?" : null;
    }

    [GeneratedRegex(@"(?:[\s,.;:!?—–-]|\bor\b)+(?:so\s+|but\s+|then\s+)?(?:(?:does|do|would|will|did|can)\s+(?:the\s+)?(?:note|report|research|piece|doc|document|write-up|author|analysts?|it|you|they)\s+(?:agree|concur|back\s+(?:[\w'’]+\s+){0,2}?up|support|confirm|bear\s+(?:[\w'’]+\s+){0,2}?out|say\s+so|buy\s+(?:it|that|this))\b[^?]*|(?:is|was)\s+(?:that|this|it|he|she|they|the\s+claim)\s+(?:the\s+)?(?:right|true|correct|accurate|fair|so)\b[^?]*|am\s+i\s+(?:right|wrong)|(?:is|was)\s+(?:that|this|it)\s+(?:how|what)\s+(?:the\s+)?(?:note|report|research|piece|doc|document|write-?up|author|analysts?|it|they)\s+(?:has|have|had|puts?|says?|said|gives?|gave|reports?|reported|states?|stated|words?|describes?|frames?)(?:\s+it)?\b[^?]*|(?:is|was)\s+(?:that|this)\s+(?:really\s+)?(?:the|their|its|his|her)\s+claim\b[^?]*|(?:is|was)\s+(?:that|this|it)\s+(?:(?:the|a)\s+(?:[\w'’-]+\s+)?(?:number|figure|date|stat|amount|percentage|score|name)\s+)?(?:in|from)\s+(?:the\s+)?(?:note|report|research|piece|doc|document|write-?up)\b[^?]*|(?:can|could|may)\s+(?:i|we)\s+(?:quote|use|cite|repeat)\s+(?:that|this|it)\b[^?]*|(?:(?:is|was)\s+(?:that|this|it)\s+)?(?:ok|okay|safe|fine)\s+to\s+(?:quote|use|cite|repeat)\b[^?]*|(?:true|right|correct|accurate)\s+or\s+(?:not|nah|false|wrong)\b[^?]*)\?*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimCheckRegex();

    // "my boss keeps saying (that)", "someone on my team says", "a client told me", "I heard": the claim's holder
    [GeneratedRegex(@"^(?:(?:so|ok|okay|hey|well|and|but|hmm)[\s,]+)*(?:[\w'’-]+\s+){0,5}?(?:think|thinks|thought|say|says|said|told\s+(?:me|us)|tells\s+(?:me|us)|keeps?\s+saying|kept\s+saying|claims?|claimed|believes?|reckons?|insists?|argues?|heard|read|saw)\s+(?:that\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimHolderRegex();

    [GeneratedRegex(@"[\s,;]+(?:and|but|so)\s+(?:i|i'm|im|i’m)\s+.*$", RegexOptions.IgnoreCase)]
    private static partial Regex AskerAsideRegex();

    /// <summary>A question tag closing a statement: ", right?", ", correct?", ", no?", ", isn't it?", ", didn't they?".</summary>
    [GeneratedRegex(@",\s*(?:right|correct|true|yes|yeah|no|ok|okay|(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)n[’']?t\s+(?:it|they|he|she|we|you|there|that))\s*\?+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TagRegex();

    /// <summary>The thing a standing or a score is asked of, as the subject of its verb: "where does Quark land on X?",
    /// "how well did Quark do?", "what did Quark score?".</summary>
    [GeneratedRegex(@"\b(?:(?:where|how(?:\s+(?:well|high|low|badly|good))?)\s+(?:does|did|do|is|are|was|were|would|will)\s+(?:the\s+)?(?<side>[\p{L}][\p{L}\d.-]*)\s+(?:land|lands|rank|ranks|ranked|sit|sits|place|placed|stand|stands|score|scored|fare|do|perform|compare|stack|come|end)|what\s+(?:did|does|do|would)\s+(?:the\s+)?(?<side>[\p{L}][\p{L}\d.-]*)\s+(?:score|get|post|hit|earn|land|rank))\b")]
    private static partial Regex StandingOfRegex();

    /// <summary>The word a comparison opens with, as one side: "quark 4 window vs Acme?", "how does quark's window
    /// compare with Acme's?", "quark's score stacks up how against Acme's?".</summary>
    [GeneratedRegex(@"^\W*(?:how\s+(?:does|do|did|is|are|would)\s+)?(?:the\s+)?(?<side>[\p{L}][\p{L}\d.-]*?)(?:['’]s)?\s[^?]*?\b(?:vs\.?|versus|compared?\s+(?:to|with|against)|stacks?\s+up)\b")]
    private static partial Regex SideBeforeRegex();

    /// <summary>The word that stands as the other side of a comparison: right after "vs", "versus", "than",
    /// "against", "compared with / to".</summary>
    [GeneratedRegex(@"\b(?:vs\.?|versus|than|against|(?:compared?|comparing|stack(?:s|ed)?\s+up)\s+(?:to|with|against))\s+(?:the\s+)?(?<side>[\p{L}][\p{L}\d.-]*)")]
    private static partial Regex SideRegex();

    /// <summary>"zeta got 40% on gizmotest?": words that do not open as a question, asked with a question mark, with a
    /// verb that states a result (not a phrase that names a measure: "zeta price per 1M units?") and no auxiliary,
    /// which would ask a question of its own after a premise ("with a 2M window, is Zeta the pick?", "the 40% — is
    /// that Acme's own?").</summary>
    private static bool StatementWithQuestionMark(string text) =>
        text.TrimEnd().EndsWith('?') && !OpensAsQuestion(text) && ResultVerbRegex().IsMatch(text) && !AuxiliaryRegex().IsMatch(text);

    // a verb of a result or event in the past, regular or not ("took effect", "began", "rose")
    [GeneratedRegex(@"\b(?:got|gets|hit|hits|made|makes|paid|pays|spent|spends|won|wins|scored|scores|reached|reaches|posted|posts|took|began|became|went|came|rose|fell|grew|bought|sold|\w{3,}ed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResultVerbRegex();

    // (not the month: "on May 4")
    [GeneratedRegex(@"\b(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may(?!\s+\d)|might|must)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AuxiliaryRegex();

    /// <summary>A question's own opening, after any chat opener ("so", "ok"): a wh-word, or an auxiliary before its subject.</summary>
    private static bool OpensAsQuestion(string text) =>
        ChatOpenerRegex().Replace(English.WithoutSmallTalk(text), "").TrimStart().ToLowerInvariant() is var l && (OpensWithWhRegex().IsMatch(l) || AuxFirstRegex().IsMatch(l));

    /// <summary>A question tag typed without its comma ("so they caught up now right?", "Acme beat Zeta didnt it"), or,
    /// as chat often types it, without its question mark too ("so they caught up now right").</summary>
    [GeneratedRegex(@"(?<!\b(?:that|it|this|is|are|was|were|am|be|i))\s+(?:(?:right|rite|correct|yeah|true)\s*\?+|(?:right|rite|correct)\s*|(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)n[’']?t\s+(?:it|they|he|she|we|you|there|that)\s*\?*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareTagRegex();


    [GeneratedRegex(@"\b(?:per|according\s+to|as\s+(?:reported|said|stated)\s+by|says|said|reported\s+by)\s+(?:the\s+)?(?<source>[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?)(?=\s*[?.!,;]|\s*$|\s+(?:and|or|for|on|in)\b)")]
    private static partial Regex SourceRegex();

    // how many X · how much X (a noun, not an auxiliary) · what/which [is the / X's] [period] X · X rate/score/price/…;
    // a period before the noun says when, not what ("what was Zeta's Q4 2025 revenue?" asks for revenue), and a word
    // saying which of its kind is meant says no more ("what is Dana's official job title?" asks for a title)
    [GeneratedRegex(@"\bhow\s+many\s+(?<slot>(?:[\w-]+\s+){0,5}?[\w-]+?)(?=\s+(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|in|on|at|for|of|from|to|by|with|per|across|since|there)\b|\s*[?.!,;]|\s*$)"
        + @"|\bhow\s+much\s+(?!(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|more|less|of)\b)(?<slot>[\w-]+(?:\s+[\w-]+)?)(?=\s+(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|in|on|at|for|of|from|to|by)\b|\s*[?.!,;]|\s*$)"
        + @"|\b(?:what|which)(?:\s+(?:is|was|are|were))?\s+(?:the\s+|its\s+|their\s+)?(?:(?:[\w.-]+\s+){0,2}?[\w.-]+(?:['’]s|s['’])\s+)?(?:(?:q[1-4]|h[12]|fy\s?\d{2,4}|(?:19|20)\d{2})\s+){0,2}(?:(?:official|formal|full|exact|current|proper)\s+)?(?<slot>(?:[\w-]+\s+){0,1}[\w-]+?)(?=\s+(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|of|for|in|on|at|to|by|from|per|that|score|number|figure|date)\b|\s*[?.!,;]|\s*$)"
        + @"|\b(?<slot>[\w-]+)\s+(?:rate|score|count|price|pricing|cost|capacity|size|length|speed|margin|share|headcount|valuation|cutoff|target|guidance|forecast)\b")]
    private static partial Regex SlotRegex();

    [GeneratedRegex(@"\b(what|wat|wut|why|how|who|where|when|which)(?:['’]?(?<c>s|z)|['’](?<c>d|re|ll))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContractionRegex();

    [GeneratedRegex(@"^(?<when>\W*when\b[^?]*\?)\s*(?:any\s+|an\s+|the\s+)?(?:eta|date|timeline|timing|time\s*frame|dates)\s*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhenAskedAgainRegex();

    [GeneratedRegex(@"^(?:fy|cy)?['’]?(?<yy>\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex BareTwoDigitsRegex();

    [GeneratedRegex(@"\b(?:alone|solely|sole|outright|uniquely|by\s+itself|on\s+its\s+own|the\s+only\s+one)\b")]
    private static partial Regex AloneRegex();

    // a capitalized word of letters joined by hyphens to more words of letters ("Gadget-Bench", "GizmoEval-Verified"),
    // not to a version ("Zeta-2", "X-5.4"), which the reader reads as a name and its version
    [GeneratedRegex(@"(?<![\p{L}\d-])\p{Lu}[\p{L}]*(?:-\p{L}[\p{L}]*)+(?![\p{L}\d-])")]
    private static partial Regex HyphenatedNameRegex();

    /// <summary>"how big's the backlog?" → "how big is the backlog?"; only after a word of degree ("how Acme's
    /// backlog grew" keeps its possessive).</summary>
    private static string WithHowDegreeOpened(string text) =>
        HowDegreeContractionRegex().Replace(text, m => English.DegreeWords.Contains(m.Groups["degree"].Value.ToLowerInvariant())
            ? $"{m.Groups["how"].Value} {m.Groups["degree"].Value} is" : m.Value);

    [GeneratedRegex(@"\b(?<how>how)\s+(?<degree>\p{L}+)['’]s\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowDegreeContractionRegex();

    [GeneratedRegex(@"(?<![\p{L}\d.-])(?<name>\p{L}+(?:-\p{L}+)*)[-\s](?<version>\d+(?:\.\d+)+)s\b", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPossessiveRegex();

    // (a possessive "s" typed after it stays for the possessive's reading below: "zeta2.1s window")
    [GeneratedRegex(@"(?<![\p{L}\d.-])(?<name>\p{L}{2,})(?<version>\d+(?:\.\d+)+)(?=s\b|(?![\p{L}\d%]|\.\d))")]
    private static partial Regex RunTogetherVersionRegex();

    // the first word and its space; the second is only looked at, so that each pair of words is tried
    [GeneratedRegex(@"\b(?<a>\p{L}{2,}) (?=(?<b>\p{L}{2,})\b)")]
    private static partial Regex SplitNameRegex();

    // nothing but spaces and an article between two words ("hit a $5B")
    [GeneratedRegex(@"^\s+(?:(?:a|an|the)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleOnlyRegex();

    // a count just before a word, or before the one word that describes it: "2 ", "three short ", "a few "
    [GeneratedRegex(@"(?:\b\d+|\b(?:" + SpokenNumbers.TwoToTen + @"|few|several|many))\s+(?:\p{L}+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CountBeforeRegex();

    // a whole word: "Q4" and "R&D" are not the shorthand "q" and "r"; a letter and a digit may be one ("b4")
    [GeneratedRegex(@"(?<![\p{L}\p{N}&])(?:[\p{L}/']+|\p{L}\p{N})(?![\p{L}\p{N}&])")]
    private static partial Regex ShorthandRegex();

    // "… for a client call", "… for my boss", "… in a sentence", "… in 3 bullets": whom an answer is for, or its form, at the question's end
    [GeneratedRegex(@"(?:\bfor\s+(?:a|an|the|my|our|your|this|that|tomorrow's|today's)\s+(?<whom>(?:[\w'’-]+\s*){1,3})|(?<form>\bin\s+(?:a|one|two|three|four|five|\d+|a\s+few|a\s+couple\s+of|plain)\s+(?:(?:short|quick|simple)\s+)?(?:sentences?|lines?|words?|paragraphs?|english|bullets?|bullet\s+points)\s*))(?:,?\s*(?:pls|plz|please|thanks|thx)\s*)?[?.!]*$")]
    private static partial Regex OccasionRegex();

    [GeneratedRegex(@"\btl\s?[;:]?\s?dr\b", RegexOptions.IgnoreCase)]
    private static partial Regex TldrRegex();

    /// <summary>"which section talks about X?", "what part of the note says that?", "where in the report …".</summary>
    [GeneratedRegex(@"\b(?:which|what)\s+(?:section|sections|part\s+of\s+the\s+(?:note|report|doc|document))\b|\bwhere\s+in\s+the\s+(?:note|report|doc|document)\b")]
    private static partial Regex WhichSectionRegex();

    /// <summary>"X = Y", spaced: chat's "is".</summary>
    [GeneratedRegex(@"(?<=\S)\s+=\s+(?=\S)")]
    private static partial Regex EqualsIsRegex();

    [GeneratedRegex(@"\b(?<the>the\s+)(?<country>us|uk|eu|uae)\b(?![.'’]\w)", RegexOptions.IgnoreCase)]
    private static partial Regex TheCountryRegex();

    // a full stop ends a part, but not the one of an abbreviation ("… — i.e. the year before?"); "…, and its Y?" after a
    // wh-question asks the same of another measure ("what's Acme's X score, and its Y?"), a part of its own
    [GeneratedRegex($@"\?+\s*|;\s*|(?<!\b(?i:i\.e|e\.g|etc|vs|approx|incl|cf|viz))\.\s+(?=[A-Za-z])|(?<=(?:^|[?;:]\s*)(?:what|where|how|who|which|when(?=['’]s\b|\s+(?:{Auxiliaries})\b)|why|does|did|is|are|was|were|can|has|have)\b[^,?;]*),\s+(?=(?:what|where|how|when|which|who)\b)|,?\s+(?:and|also|plus|&|\+)\s+(?=(?:what|where|how|who|which|when|why|does|did|is|are|was|were|can|has|have)\b)|(?<=(?:^|[?;:]\s*)(?:what|how|which)\b[^,?;]*),\s+(?=(?:and|also|plus)\s+(?:its|their)\s+\S)", RegexOptions.IgnoreCase)]
    private static partial Regex PartBreakRegex();

    // "…, and for what share?", "and in which year?": another ask of the same clause, opened by a preposition (not a
    // part of its own: "and by how much?" asks the degree of the part before it)
    [GeneratedRegex(@",?\s+(?:and|also|plus)\s+(?=(?:for|in|on|at|by|from|with|to|of)\s+(?:what|which|whom|how)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionedPartRegex();

    // (after a figure or a closing mark too: "revenue in 2025 + how many users?")
    [GeneratedRegex(@"(?<=[\p{L}\p{N}%?])\s+[+&]\s+(?=\p{L})")]
    private static partial Regex PlusAndRegex();

    [GeneratedRegex(@"^(?:(?:and|but|so|ok|okay|also|plus|what about|how about|and what about|same for|same question for|what of|and for|for|now)\b[\s,]*)+", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpRegex();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex VersionRegex();

    [GeneratedRegex(@"\b(?:what|when|where|which|who|whom|whose|why|how)\b")]
    private static partial Regex WhRegex();

    /// <summary>The text asks with a wh-word somewhere ("so the guide is what?"), not only yes or no.</summary>
    public static bool HasWhWord(string text) => WhRegex().IsMatch(text.ToLowerInvariant());

    /// <summary>What an existence question names ("a date for the launch" → "date for the launch"), its owner put after
    /// it ("Acme's score on GadgetEval" → "score for Acme on GadgetEval").</summary>
    private static string NamedKindOf(string own, Match named)
    {
        var kind = named.Groups["kind"];
        var asked = own[kind.Index..].Trim().TrimEnd('?', '.', '!').Trim();
        if (named.Groups["owner"] is not { Success: true } owner) return asked;
        var whose = own.Substring(owner.Index, owner.Length);
        var rest = own[(kind.Index + kind.Length)..].TrimEnd().TrimEnd('?', '.', '!');
        // "score on X" → "score for Acme on X"; "total headcount" (the kind modifies another noun) → "… for Acme"
        return PrepositionNextRegex().IsMatch(rest) ? $"{kind.Value} for {whose}{rest}" : $"{asked} for {whose}";
    }

    [GeneratedRegex(@"^(?:\s+(?:on|in|of|for|at|from|to|across|over)\b|\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionNextRegex();

    // an existence question that names the kind of answer: "does the note give a date for …", "does it put a number
    // on …", "is there a figure for …", "does it give Acme's score on …" (it opens with its auxiliary, as
    // AuxFirstRegex's questions do), or as chat asks it, "any target date for …?"
    [GeneratedRegex(@"^(?:so\s+|and\s+|but\s+|ok\s+|okay\s+)?(?:(?:(?:does|do|did|has|have|will|can)\s+(?:the\s+|this\s+)?(?:note|report|piece|research|doc|document|write-up|it|they)\s+(?:give|mention|include|provide|have|contain|list|offer|put|assign|set|quote|cite|state|say|disclose|report|specify)|is\s+there|are\s+there)\s+(?:a|an|any|(?<owner>[\w.-]+)['’]s?)\s+|(?:(?:got|have)\s+)?any\s+)(?:(?:specific|exact|precise|hard|concrete|firm|actual|target|expected|planned|official)\s+)?(?<kind>date|day|timeline|timing|timeframe|deadline|month|year|launch\s+date|release\s+date|figure|number|amount|count|total|estimate|percentage|percent|price(?:\s+target)?|cost|valuation|budget|dollar\s+figure|score)s?\b(?!\s+(?:of\s+)?(?:things|ways|reasons|risks|caveats))")]
    private static partial Regex NamedKindRegex();

    [GeneratedRegex(@"^(?:date|day|timeline|timing|timeframe|deadline|month|year|launch\s+date|release\s+date)$")]
    private static partial Regex DateKindRegex();

    // "section 2", "section-2", "sec. 7", "§4": a section of the note by its number
    [GeneratedRegex(@"(?:\bsection|\bsec\.?|§)[\s-]*(?<n>\d{1,2})\b")]
    private static partial Regex SectionRefRegex();

    // the verb says how the note would hold the thing: it gives it, or it mentions it ("is there any mention of X?")
    [GeneratedRegex(@"\b(?:does|do|did|is|are|has|have)\s+(?:the\s+)?(?:note|report|it|they|the\s+piece|the\s+doc|the\s+research|the\s+write-up)\s+(?<verb>give|gives|mention|mentions|include|includes|provide|provides|have|has|contain|contains|list|lists|offer|offers|put|puts|assign|assigns|carry|carries|set|sets|quote|quotes|cite|cites|name|names|say\s+anything\s+about|talk\s+about|discuss|cover|covers)\b|\bis\s+there\s+(?:a|an|any)\s+(?<verb>mention)\s+of\b|\bis\s+there\s+(?:a|an|any)\b")]
    private static partial Regex ExistenceRegex();

    // "is it generic, or built for …?", "… or is that just their claim?", "… or from ads?": "or" opening a second
    // clause or phrase offers alternatives; "images or voice" may be one question about either
    // "is Acme ahead of or behind Zeta?": two opposite comparatives offer the two orders
    // "who gains more - incumbents or challengers?": a who or which question with its alternatives after a dash, colon or comma
    [GeneratedRegex(@"^\W*(?:who|which)\b[^?]*?(?:\s[-—–]|:|,)\s+[^?]*\s+or\s+\w|,\s*or\s+(?!not\b|so\b)\w|\b(?:ahead|above|behind|below|higher|lower|bigger|smaller|larger|better|worse)\s+(?:of\s+|than\s+)?or\s+(?:ahead|above|behind|below|higher|lower|bigger|smaller|larger|better|worse)\b|\bor\s+(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should|it|its|they|that|this|those|these|he|she|we|you|from|to|for|in|on|at|by|as|with|through|via|a|an|the|just|only|still|rather|instead|more|less)\b")]
    private static partial Regex ChoiceRegex();

    /// <summary>How large a difference is: "by how much", "how far behind", "how many points", "how big is the gap",
    /// "the difference"; not a gap closed or narrowed ("has Acme closed the gap?"), a claim the note may speak of.</summary>
    [GeneratedRegex(@"\b(?:by\s+how\s+(?:much|many|far)|how\s+(?:far|much)\s+(?:\w+\s+)?(?:behind|ahead|apart|back|more|less|\w{3,}er)\b|how\s+many\s+(?:more\s+|fewer\s+)?(?:points?|pts)|how\s+(?:big|large|wide|small)\s+(?:is\s+|a\s+)?(?:[\w'’.-]+\s+){0,3}?(?:gap|lead|difference|margin)|(?<!\b(?:clos\w*|narrow\w*|widen\w*|shr[iu]nk\w*|bridg\w*|cut\w*)\s+)(?:the|a|what'?s\s+the)\s+(?:gap|difference|spread|delta)\b|(?<!\b(?:clos\w*|narrow\w*|widen\w*|shr[iu]nk\w*|bridg\w*|cut\w*)\s+(?:the\s+|a\s+|its\s+|their\s+)?)\b(?:gap|difference|spread|delta|margin|lead)\s+(?:between|over)\b)")]
    private static partial Regex GapRegex();

    [GeneratedRegex(@"\bhow\s+(?:much|far)\s+(?:(?:can|could|should|would|do|does|did|to|we|i|you|one|they|investors|clients|people|anyone|the\s+\w+)\s+){0,3}(?:trust|believe|rely|confidence|faith|credence)\b")]
    private static partial Regex HowMuchTrustRegex();

    // (not a word of a hyphenated name: "Gadget-Verified" is a benchmark)
    [GeneratedRegex(@"(?<![\w-])(?:confidence|confident|legit|legitimate|believable|reliable|reliability|rely|relied|credence|trust|trustworthy|(?:un)?verified|verify|verifiable|unconfirmed|unsubstantiated|independently|established|solid|how\s+firm|how\s+robust|certain|certainty|sure|caveats?|doubts?|how\s+much\s+weight|take\s+at\s+face\s+value|hedged?)\b")]
    private static partial Regex ConfidenceRegex();

    /// <summary>The question says the label of a table row that ends in a measure noun and gives no figure
    /// (<see cref="NoteModel.FigurelessMeasureRows"/>).</summary>
    private bool NamesAFigurelessRow(string lower) =>
        note.FigurelessMeasureRows.Any(label => lower.Contains(label, StringComparison.Ordinal) && Regex.IsMatch(lower, $@"\b{Regex.Escape(label)}\b"));

    /// <summary>A word written as a name, or one the note writes as a name ("zeta").</summary>
    private bool IsNoteName(string word) =>
        char.IsUpper(word[0]) || note.ProperNouns.Contains(English.WithoutPossessive(word.ToLowerInvariant()));

    // "share of Zeta", "share of the Zeta plant": what the share is of, right after it
    [GeneratedRegex(@"\G\s+of\s+(?:the\s+)?(?<name>[\p{L}\d][\w.'’-]*)")]
    private static partial Regex ShareOfRegex();

    [GeneratedRegex(@"\G\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex OfNextRegex();

    // the question's own wh-word is "why" ("so why …", "ok but why …"), or "how come"
    // "why …?", "how come …?", chat's "y …?", and the noun forms of why: "what's the (strategic) point of …?", "what is
    // the reason for …?"
    [GeneratedRegex(@"^\W*(?:(?:so|ok|okay|but|and|then|hmm|hey)\W+){0,2}(?:why|y\s+(?=\p{L}{2,})|how\s+come|what(?:['’]?s|\s+is|\s+was)\s+the\s+(?:[\w-]+\s+)?(?:point|purpose|reason|rationale|logic)\s+(?:of|for|behind)\b)")]
    private static partial Regex WhyRegex();

    // "verified", "independently confirmed", "backed up", "proven", "double-checked", "settled": whether a claim has
    // been checked (not a word of a hyphenated name, as for the trust reading; "check" alone is a request: "can you
    // check what it says?")
    [GeneratedRegex(@"(?<![\w-])(?:verified|verify|verifiable|confirmed|confirm|validated|validate|revalidated|proven|proved|substantiated|audited|corroborated|independently|backed\s+up|checked(?:\s+out)?|(?:double|fact|cross)-?check(?:ed|ing|s)?|vetted|settled|legit|legitimate)\b")]
    private static partial Regex VerifiedRegex();

    /// <summary>A text speaks of how far to trust something ("confidence", "reliable", "how solid").</summary>
    public static bool SpeaksOfConfidence(string text) => ConfidenceRegex().IsMatch(text.ToLowerInvariant());

    /// <summary>A word that asks whether a claim was verified ("independently", "confirmed"), not a word of the claim.</summary>
    public static bool AsksAboutVerification(string word) => VerifiedRegex().IsMatch(word.ToLowerInvariant());

    // "facts" and "points" ask for a gist only as "key facts", "3 quick points": "the launch facts" are a topic;
    // "in the overview" is a place in the note, not a gist asked for; "what's this note about?", "what does the
    // report cover?" ask for it too
    [GeneratedRegex(@"(?<!\b(?:in|per|from|within)\s+(?:the\s+|its\s+|this\s+)?)\b(?:what(?:['’]?s|\s+is|\s+does)\s+(?:this|the)\s+(?:(?:note|report|piece|doc|document|research|write-?up|paper|article)\s+)?(?:about|cover|say)\b|summary|summari[sz]e|sum\s+(?:it\s+|this\s+|that\s+)?up|overview|(?:(?:key|main|big|quick)\s+)?(?:takeaways?|highlights)|(?:key|main|big|quick|top|important|\d+|three|five)\s+(?:\w+\s+)?(?:points|facts)|tl;?dr|gist|recap|nutshell|bottom\s+line|brief|briefing)\b")]
    private static partial Regex SummaryRegex();

    [GeneratedRegex(@"\b(?:exact|exactly|specific|specifically|precise|precisely|raw|breakdown|broken\s+down|split|alone|itself|per\s+(?:user|region|country|quarter|month)|each)\b")]
    private static partial Regex PreciseRegex();

    [GeneratedRegex(@"\b(?:date|day)\b")]
    private static partial Regex DayNounRegex();

    [GeneratedRegex(@"\b(?:what|which)\s+(?:exact\s+|precise\s+|actual\s+|specific\s+|fiscal\s+|calendar\s+)?(?<grain>year|quarter)\b")]
    private static partial Regex CoarseDateRegex();

    [GeneratedRegex(@"^(?:so\s+|and\s+|but\s+|ok\s+|okay\s+|hey\s+|wait\s+|quick\s+q:?\s+)?(?:does|did|do|is|was|are|were|can|could|has|have|had|will|would|should|shall|isn['’]?t|doesn['’]?t|didn['’]?t|hasn['’]?t|haven['’]?t|wasn['’]?t|aren['’]?t|won't|am)\b")]
    private static partial Regex AuxFirstRegex();

    // when …, what date/day, "what's the launch date?", and the date as the head of what follows: "what's the exact
    // date it ships", "the date of the launch", "the exact launch date of Zeta" (not "the date format the note uses")
    // "what's the day Zeta went out the door?": a date, then a clause about what happened on it
    // (not a "when" clause before a question of its own, "when X ships, do buyers get it?", nor a compound that only
    // begins with a date noun: "what day-to-day uses", "which year-over-year gain")
    [GeneratedRegex(@"^(?:when(?![^?]*,\s*(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have)\b)|since when|by when|until when)\b|\bwhen\s+(?:did|does|do|was|is|were|will|would|are|has|had)\b|\b(?:what|which)\s+(?:exact\s+|precise\s+|actual\s+|specific\s+)?(?:date|day|month|year|quarter)\b(?!-|\s+to\s+day\b)|\bwhat\s+time\b|\bon\s+what\s+date\b|\bwhat\s+(?:is|was|will\s+be)\s+(?:(?:the|its|their|[\w.-]+['’]s)\s+){0,2}(?:[\w-]+\s+){0,3}?(?:date|day|deadline)\s*(?:[?.!]|$)|\bwhat\s+(?:is|was|will\s+be)\s+(?:the|its|their|[\w.-]+['’]s)\s+(?:(?:[\w-]+\s+){1,2}(?:date|day|deadline)\s|(?:date|day|deadline)\s+(?:of|for|when|that|on\s+which|it|they|he|she|we|you|the|its|their|this)\b)|\bwhat\s+(?:is|was)\s+the\s+(?:exact\s+|precise\s+|actual\s+)?(?:date|day)\s+(?!(?:format|formats|rate|count|range|job|trip|one|two|to|of|for)\b)[\w.'’-]+\s+[\w.'’-]+")]
    private static partial Regex DateRegex();

    // "exact date Zeta ships?", "date Acme closed the deal": a date first, then a clause with its subject and verb;
    // asked for as a request, too ("need the exact day Zeta shipped")
    [GeneratedRegex(@"^(?:(?:i\s+)?(?:need|want|gimme|give\s+me|get\s+me|(?:i['’]?m\s+)?looking\s+for)\s+)?(?:the\s+)?(?:(?:exact|precise|actual|specific|release|launch)\s+)?(?:date|day)\s+(?!(?:format|formats|rate|count|range|of|for|to)\b)[\w.'’-]+\s+[\w.'’-]+")]
    private static partial Regex DateFirstRegex();

    [GeneratedRegex(@"^(?:the\s+)?(?:[\w-]+\s+)?(?:date|timing)\s+(?:for|of|on)\s+\w")]
    private static partial Regex DateOfThingRegex();

    /// <summary>"where is Nimbus?", "where's that huge Nimbus plant anyway?": nothing but filler follows the thing,
    /// which the note names by those words, after any the note never uses ("huge") (not "where is Zeta weaker?", which
    /// asks about a field, nor a compared thing such as a product, whose "where" is where it can be used).</summary>
    private bool AsksWhereAThingIs(string lower) =>
        WhereIsRegex().Match(lower) is { Success: true } m && m.Groups["thing"].Value is var thing
        && note.Peers.In(thing).Count == 0 && note.SaysInOrder(Terms.Of(thing).SkipWhile(t => !note.InNote(t)).ToList());

    [GeneratedRegex(@"^where\s+(?:(?:is|are|was|were)\s+)?(?:(?:the|a|an|that|this|those|these)\s+)?(?<thing>[\w.'’& -]+?)(?:\s+(?:anyway|anyways|exactly|actually|again|then|now|tho|though))?\s*[?.!]*$")]
    private static partial Regex WhereIsRegex();

    // "where is Zeta located / based / headquartered / being built?", "in which country is …", "what city", "which state is it in": a place, not "where
    // does Acme lead?" or "where is Zeta weaker?", which ask about a field
    [GeneratedRegex(@"\bwhere\b[^?]*?\b(?:located|based|headquartered|situated|sited|built|constructed)\b|\b(?:what|which)\s+(?:[a-z]{2,}\s+)?(?:city|country|countries|town|location|state|province|region|county)\b|\b(?:state|province|region|county)\s+(?:or\s+\w+\s+)?(?:hosts|houses)\b")]
    private static partial Regex PlaceRegex();

    // "how long", and "how many months / years / weeks / days" (a count of time is a duration); an age is asked by
    // English.AsksAge
    [GeneratedRegex(@"\bhow\s+long\b(?!\s+(?:is|are)\s+(?:the|its|their)?\s*context|\s+an?\s+(?!(?:time|while|wait|delay|period|stretch)\b))|\bhow\s+many\s+(?:days|weeks|months|quarters|years|hours|minutes)\b")]
    private static partial Regex HowLongRegex();

    [GeneratedRegex(@"\bhow\s+long\s+(?:is|are|was|were)\b")]
    private static partial Regex HowLongIsRegex();

    [GeneratedRegex(@"\bwhat\s+(?:percent|percentage|share|proportion|fraction)\b|\b(?:percent|percentage|pct)\b|\bwhat\s*%|(?<!(?:^|[\s(~$≈<>])[\d.,]+\s?)%|\bby\s+how\s+much\b|\bhow\s+(?:much|fast|quickly)\s+(?:did|has|have|does|do|was|were|is)\b[^?]*\b(?:grow|grew|growing|rise|rose|rising|increase|increased|increasing|jump|jumped|jumping|climb|climbed|climbing|go\s+up|went\s+up|going\s+up|lift|lifted|gain|gained|gaining|improve|improved|improving|fall|fell|falling|drop|dropped|dropping|decline|declined|declining)\b")]
    private static partial Regex PercentRegex();

    // a unit of measure after "in" that closes the question ("… in ms?", "… in GW"); group "time" for a unit of time
    [GeneratedRegex(@"\bin\s+(?:(?<time>milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?)|tokens|words|characters|gigawatts?|megawatts?|kilowatts?|gw|mw|kw|terabytes?|petabytes?|tb|pb)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitAskedRegex();

    // a unit of measure that closes a bare phrase ("plant gw?"); group "time" for a unit of time (only units that
    // are no everyday word: not "words", "hours")
    [GeneratedRegex(@"\s(?:(?<time>milliseconds?|ms|seconds?|secs?)|gigawatts?|megawatts?|gw|mw)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareUnitRegex();

    // a phrase, then the question word that asks of it ("hyperion where exactly?"); a phrase with a question word of
    // its own is checked apart ("how much n when" asks two things)
    [GeneratedRegex(@"^\s*(?<x>[^?]*?\w[^?]*?)\s+(?<wh>where|when|who)(?:\s+(?:exactly|again|tho|though|then))?\s*[?.!]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingWhRegex();

    [GeneratedRegex(@"\bhow\s+many\s+times\s+(?=(?:more|less|fewer|\p{L}{2,}er)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TimesComparativeRegex();

    [GeneratedRegex(@"\bby\s+how\s+much\b")]
    private static partial Regex ByHowMuchRegex();

    [GeneratedRegex(@"\b(?:percent|percentage|pct|share|proportion|fraction)\b|%")]
    private static partial Regex PercentWordRegex();

    [GeneratedRegex(@"\bhow\s+many\b|\bnumber\s+of\b|\bhow\s+(?:big|large|high|low|fast|far|close)\b")]
    private static partial Regex HowManyRegex();

    // "how much weight / trust / confidence" asks how far to believe, not for a figure
    [GeneratedRegex(@"\bhow\s+much\b(?!\s+(?:weight|trust|confidence|credence|emphasis|credit|attention|faith|stock|importance|stress)\b)")]
    private static partial Regex HowMuchRegex();

    private static readonly string PositionVerbs = string.Join("|", English.PositionVerbs.Select(Regex.Escape));

    /// <summary>"where does X rank / sit / land on Y?": a standing asked for, by its verb of position; not "where does X
    /// come from?", which asks an origin, nor "where does X fall short?", which asks where it is lacking.</summary>
    private static readonly string WhereStanding = @"where\s+(?:does|did|do)\b.*?\b(?<verb>" + PositionVerbs + @")\b(?!\s+(?:from|short)\b)";

    private static readonly string ResultVerbs = string.Join("|", English.ResultVerbs.Select(Regex.Escape));

    // "what does Acme give Zeta on GizmoTest?", "what did Acme put Zeta at on it?", "what number does it assign Zeta
    // on it?": a result given or got, on or at a measure; or with the measure put first ("on GizmoTest, what did
    // Zeta post?")
    // (not a verb with a particle of its own: "what does Acme get out of Zeta's chats for ads?" asks a benefit; nor
    // "get" before a past participle: "under what condition do chats get cross-used for ads?" is passive)
    // (not "what caveat does the note put on X?": a word of doubt after "what" asks the note's hedging, no result)
    private static readonly string ResultGiven = @"\bwhat\s+(?:(?!(?:caveats?|doubts?|confidence|reservations?|qualifiers?)\b)[\w'’-]+\s+)?(?:did|does|do)\s+.+?\b(?<verb>"
        + ResultVerbs + @")(?!\s+(?:out|from|back|away|rid|into|off)\b|\s+[\w-]+ed\b)\s+(?:[\w.'’-]+\s+){0,5}?(?:on|at|for|in)\s+"
        + @"|^\W*(?:on|at|for|in)\s+[^,]+,\s*(?:so\s+)?what\s+(?:[\w'’-]+\s+)?(?:did|does|do)\s+.+?\b(?<verb>" + ResultVerbs + @")\W*$";

    private static readonly Regex ResultGivenRegex = new(ResultGiven, RegexOptions.CultureInvariant);

    // "what run-rate did Zeta hit?", "what score has Acme reached?": the measure named after "what", the verb last. In a
    // question that asks for a figure, such a verb says only that a value was reached; it does not itself ask for one
    // ("what did the tools hit?" may ask what they affected)
    private static readonly Regex MeasureThenResultRegex = new(@"^\W*what\s+(?:[\w'’-]+\s+){1,4}?(?:did|does|do|has|have|had|will|would)\s+.+?\b(?<verb>"
        + ResultVerbs + @")\W*$", RegexOptions.CultureInvariant);

    private static readonly Regex StandingRegex = new(@"^\W*" + WhereStanding, RegexOptions.CultureInvariant);

    // a measure word with the figure right after it ("which models score 57?") or "as" ("what would count as …?") is a
    // verb: the figure is stated, not asked for (a year after it is the period asked: "the total 2025 revenue")
    private const string NotAVerb = @"(?!\s+(?:as\b|(?:at\s+|of\s+)?(?!(?:19|20)\d{2}\b)[$~]?\d))";

    // "what's the score", "what number", "what … figure", "score on X", "X rate", "X guide": the measure nouns are
    // English's (one list, shared with the bare-phrase reading)
    private static readonly Regex QuantityRegex = new(
        @"\b(?:what|which)(?:\s+(?:is|was|are|were))?\s+(?:the\s+|its\s+|their\s+)?(?:[\w.'’-]+\s+){0,4}?(?:"
        + string.Join("|", English.MeasureNouns.OrderByDescending(n => n.Length).Select(Regex.Escape))
        + @")\b" + NotAVerb + @"|\bscores?\b" + NotAVerb + @"|\b(?:score|scores|scored|number|numbers|figure|figures)\s+(?:on|for|in)\b|\b" + WhereStanding + @"|" + ResultGiven
        // "how long a context can Zeta take?": the length of a thing, not a time
        + @"|\bhow\s+long\s+an?\s+(?!(?:time|while|wait|delay|period|stretch)\b)"
        // "what GadgetEval result does Acme report?", "what was Zeta's GadgetEval result?": a result a measure names
        // (a thing's result on something, not "the result of" something)
        + @"|\bwhat\s+(?:[\w.'’-]+\s+){1,4}results?\s+(?:does|did|do|is|was|are|were)\b"
        + @"|\bwhat(?:['’]s|\s+(?:is|was|are|were))\s+[\w.-]+['’]s?\s+(?:[\w.'’-]+\s+){0,3}results?\W*$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>The text before a word is only <paramref name="wh"/> and filler ("so how ", "ok and who "): the
    /// word stands right after the wh-word that opens the question.</summary>
    private static bool RightAfterOpening(string before, string wh) =>
        OpeningWhRegex().Match(before) is { Success: true } m && m.Groups["wh"].Value == wh;

    [GeneratedRegex(@"^\W*(?:(?:so|and|but|ok|okay|hey|also|then|wait|hmm+|um+|oh)\W+)*(?<wh>\w+)\s+$")]
    private static partial Regex OpeningWhRegex();

    [GeneratedRegex(@"\b(?:is|was|are|were)\s+$")]
    private static partial Regex CopulaAtEndRegex();

    /// <summary>Adverbs that stand between a wh-word and its verb ("who <b>actually</b> built"), at a text's end.</summary>
    [GeneratedRegex(@"(?:\b(?:actually|really|exactly|originally|initially|first|even|ever|truly|just)\s+)+$")]
    private static partial Regex VerbAdverbsAtEndRegex();

    // "how much did Acme make?": "how much" with no noun of its own, then making, is an amount of money ("how much
    // progress did they make?" has its noun)
    [GeneratedRegex(@"\bhow\s+much\s+(?:did|does|do|will|would|could|can|has|have|had|is|are|was|were)\b.*\b(?:make|makes|made|making)\b")]
    private static partial Regex HowMuchMadeRegex();

    // "how much did Acme put into Zeta?", "… pour / pump / sink into": "how much" with no noun of its own, then putting
    // into something, is an amount of money invested ("how much work did they put into it?" has its noun)
    private static readonly Regex HowMuchPutIntoRegex = new(@"\bhow\s+much\s+(?:did|does|do|will|would|could|can|has|have|had|is|are|was|were)\b.*\b(?:"
        + string.Join("|", English.PuttingIntoVerbs) + @")\s+(?:[\w'’]+\s+){0,3}?into\b", RegexOptions.CultureInvariant);

    /// <summary>A word that names money ("revenue", "capex", "spent").</summary>
    public static bool NamesMoney(string word) => MoneyRegex().IsMatch(word);

    // time spent is not money: "how much more time did people spend on Zest?", "the time spent lift"
    [GeneratedRegex(@"(?<!\btime\s+(?:[\w']+\s+){0,2})\b(?:spend|spends|spent|spending)\b(?!\s+(?:[\w']+\s+){0,2}?time\b)|\b(?:cost|costs|costing|costed|paid|pay|pays|paying|price|prices|priced|pricing|fee|fees|invest|invests|invested|investing|investment|investments|revenue|revenues|sales|cash|money|dollars|cheque|cheques|budget|capex|worth|valuation|raise|raised|fund|funding|outlay|earn|earns|earned|earning|earnings|income|profit|profits|expense|expenses|dividend|dividends|salary|salaries)\b|\b(?:shell(?:s|ed|ing)?\s+out|fork(?:s|ed|ing)?\s+(?:out|over)|cough(?:s|ed|ing)?\s+up)\b|\$")]
    private static partial Regex MoneyRegex();

    // the verbs of English.MoneyVerbs that ask with "what …" ("what does Zeta charge?", "what did the stake cost?"), and
    // what a thing is worth ("what is the stake worth?", "what is Zeta valued at?"). Not their -ing forms but "paying",
    // since "spending" and "investing" are as often nouns ("the big spending numbers"); "time spent" is no money
    [GeneratedRegex(@"^what\s+(?:did|does|do|will|would|has|have|is|are|was|were)\s+(?:[\w.%$'’-]+\s+){1,6}?(?<!\btime\s)(?:pay|paid|paying|spend|spent|invest|invested|charge|charges|charged|cost|costs|worth|valued|shell(?:ed)?\s+out|fork(?:ed)?\s+(?:out|over)|cough(?:ed)?\s+up)\b")]
    private static partial Regex MoneyVerbQuestionRegex();

    // "whose chips …?" asks for an owner, a person or organisation, as "who" does
    [GeneratedRegex(@"^whose?\b|\bwho(?:\s+(?:is|are|was|were|did|does|do|built|made|runs|leads|led|owns))?\b|\bwhose\b")]
    private static partial Regex WhoRegex();

    [GeneratedRegex(@"^(?:list|name|give me)\b|\bwhich\s+\w+|\bwhat\s+(?:are|were)\b|\bwhat\s+(?:[\w-]+\s+){0,2}[\w-]+s\s+(?:does|do|did|is|are|were|can)\b")]
    private static partial Regex ListRegex();

    [GeneratedRegex(@"\bor\b")]
    private static partial Regex OrRegex();

    /// <summary>A comparative of a figure ("longer", "more users"), not "more" of speech ("tell me more about …").</summary>
    private static bool SaysComparative(string lower)
    {
        var words = WordRegex().Matches(lower).Select(m => m.Value).ToList();
        return words.Select((w, i) => (w, i)).Any(x => English.ComparativeDirection(x.w) != 0
                                                      && (x.i + 1 == words.Count || !English.IsStopWord(words[x.i + 1])));
    }

    [GeneratedRegex(@"\b(?:compare[sd]?|comparison|comparing|versus|vs\.?|against|relative\s+to|than|rank|ranking|bigger|higher|lower|larger|smaller|better|worse|ahead|behind|stack\s+up|head\s+to\s+head|each)\b")]
    private static partial Regex ComparisonRegex();

    [GeneratedRegex(@"[\p{L}\d%)'’""]\s*,\s*which\s+\w", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeWhichRegex();

    [GeneratedRegex(@"\b(?:each|every|per)\s+(?:single\s+)?(?<unit>day|week|month|quarter|year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrequencyRegex();

    /// <summary>The adverb of the span a match names in its "unit" group: "daily", "weekly", "monthly", …</summary>
    private static string SpanAdverb(Match m) => m.Groups["unit"].Value.ToLowerInvariant() is var unit && unit == "day" ? "daily" : unit + "ly";

    [GeneratedRegex(@"\bhow\s+(?:many|much)\b|\bnumber\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountAskedRegex();

    [GeneratedRegex(@"\b(?:in\s+)?a\s+(?<unit>day|week|month|quarter|year)(?=\s*(?:[?.!,;]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex SpanLastRegex();

    [GeneratedRegex(@"\b(?:way\s+)?back\s+(?=(?:in|on|around|during|as\s+of)\s+(?:\d|q[1-4]\b|(?:early|late|mid)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))", RegexOptions.IgnoreCase)]
    private static partial Regex BackInTimeRegex();

    // "OpenAI's newest flagship", "Omega's latest model": a possessive, a word for the current one, a word for a product
    private static readonly Regex MakersCurrentProduct = new(
        $@"\b(?<maker>[\p{{L}}\d][\w.-]*['’]s)\s+(?:(?:{string.Join("|", English.CurrentWords.Select(Regex.Escape))})\s+){{1,2}}(?<product>{string.Join("|", English.ProductNouns.Select(Regex.Escape))})\b",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    [GeneratedRegex(@"\bhow\s+much\s+of\b")]
    private static partial Regex HowMuchOfRegex();

    [GeneratedRegex(@"\b(?<go>go|goes|went|gone|going)\s+live\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoLiveRegex();

    // "Zeta came out": up to four words naming the thing, then the verb; not a standing ("came out on top", "ahead")
    [GeneratedRegex(@"(?<thing>(?:[\w.'-]+\s+){0,3}[\w.'-]+)\s+(?<verb>come|comes|came|coming)\s+out\b(?!\s+(?:on\s+top|ahead|of|high|low|better|worse|well|badly|in\s+front|against|behind|above|below|stronger|weaker|even|level|at)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ComeOutRegex();

    // "when did Zeta drop?": the thing, then the verb, closing the clause (not "drop by 5%")
    [GeneratedRegex(@"\bwhen\s+did\s+(?<thing>[^?.!,;]+?)\s+(?<verb>drop)\b(?=\s*(?:[?.!,;]|$|\s+(?:on|publicly|officially|exactly)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex DroppedRegex();

    // "what's the name of X", "what is X called", "what will X be named", "X is called what?", "what's X's codename?",
    // "what do they call X?", "what's Acme calling X?"
    [GeneratedRegex(@"^(?:so\s+|and\s+|ok\s+)?what\s+(?:do|does|did)\s+(?:[\w.'’-]+\s+){1,3}?call\b(?!\s+(?:for|on|up|off|out|in|back)\b)|^(?:so\s+|and\s+|ok\s+)?what(?:['’]?s|\s+(?:is|are))\s+(?:[\w.'’-]+\s+){1,3}?calling\b|^(?:so\s+|and\s+|ok\s+)?what(?:['’]?s|\s+(?:is|was|are|were))\s+(?:[\w.'’-]+\s+){0,3}?(?:code|nick|brand|pet|working|project)[\s-]?names?\b|^(?:so\s+|and\s+|ok\s+)?what(?:['’]?s|\s+(?:is|was|are|were|will))?\s+(?:the\s+|its\s+|their\s+)?names?\s+(?:of|for)\b|^(?:so\s+|and\s+|ok\s+)?what\s+(?:is|was|are|were|will|would)\b.*\b(?:called|named)\s*\??$|\b(?:called|named)\s+what\b")]
    private static partial Regex NameAskedRegex();

    // "the 26 guide", "for 25?": after "the", "for" or "in", before a word that is no plural or at the end
    [GeneratedRegex(@"(?<=\b(?:the|for|in)\s+)(?<yy>\d\d)(?=\s+(?![\p{L}-]*s\b)(?!(?:percent|points?|pts|bps|x|times|million|billion|thousand|k|m|b|bn)\b)[\p{Ll}][\p{L}-]*|\s*[?.!]*\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex BareShortYearRegex();

    // "'25", and the year after a quarter or half: "q4 25", "Q4-25", "h1 '26"
    [GeneratedRegex(@"(?<=^|[\s(])['’](?<yy>\d\d)(?![\w'’%])|\b(?<q>[qQ][1-4]|[hH][12])(?:\s+|-|\s*['’])(?<yy>\d\d)(?![\w'’%]|[.,]\d)")]
    private static partial Regex ShortYearRegex();

    [GeneratedRegex(@"\b[FC]Y\s?['’]?(?<y>(?:19|20)\d\d|\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FiscalYearRegex();

    /// <summary>Asks who wrote or published the note. "who are the publishers?" with no "of this note" asks about the
    /// note's own publishers when the note speaks of publishers ("news from publishers including …").</summary>
    private bool AsksAuthorship(string lower) =>
        AuthorshipRegex().Match(lower) is { Success: true } m
        && !(m.Groups["role"].Success && !m.Groups["doc"].Success && Terms.OfWord(m.Groups["role"].Value).All(note.InNote));

    // "who wrote this?", "who is the author of the note?", "when was the report published?": the note itself, or
    // nothing else, is what was written ("who wrote the Zeta framework?" asks about what the note reports)
    [GeneratedRegex(@"^\W*(?:who(?:'s|\s+is|\s+are|\s+was)?\s+(?:wrote|writes|authored|published|issued|(?:the\s+)?(?<role>authors?|analysts?|writers?|publishers?))(?<doc>\s+(?:of\s+)?(?:it|this|(?:this|the|that)\s+(?:note|report|piece|research|doc|document)))?|when\s+(?:was|is|were)\s+(?:it|this|(?:this|the|that)\s+(?:note|report|piece|research|doc|document))\s+(?:written|published|issued|released|dated|put\s+out)|(?:what(?:'s|\s+is)\s+the\s+)?(?:publication|publish)\s+date(?:\s+of\s+(?:this|the)\s+(?:note|report))?|(?:which|what)\s+(?:analyst|author|writer|bank|broker|brokerage|firm|house|team|desk|shop)s?\s+(?:wrote|writes|authored|published|issued|produced|put\s+out)\s+(?:it|this|(?:this|the|that)\s+(?:note|report|piece|research|doc|document)))\W*$")]
    private static partial Regex AuthorshipRegex();

    // "what are the note's sources?", "which sources did it rely on?", "what does the report cite?", "where does the
    // note get its data?": the note's own sourcing, asked of nothing else ("which sources say Zeta leads?" is about
    // what the note reports)
    private const string TheNote = @"(?:(?:the|this)\s+)?(?:note|report|piece|research|doc|document|it|they)";

    // "what's the title of this report?", "what is the note called?", "what's the note's headline?"; a bare "what's
    // the name?" is a follow-up about something else
    /// <summary>"does Acme lead on GadgetEval?", "is Zeta number one on capacity?", "so Acme wins GadgetEval?": of one
    /// thing, with no rival named, leading is being ahead of all of them.</summary>
    [GeneratedRegex(@"\b(?:lead|leads|leading|leader|wins?|winning|winner|won|number\s+one|no\.?\s*1|#1)\b(?!.*\b(?:than|over|ahead\s+of|vs\.?|versus|against)\b)")]
    private static partial Regex LeadsRegex();

    /// <summary>"bigger than its rivals", "ahead of the others", "does Acme beat the competition?", "does it beat any of
    /// the others?": of one thing, set against all the others, with none of them named.</summary>
    [GeneratedRegex(@"\b(?:than|over|ahead\s+of|behind|vs\.?|versus|against|beats?|beating|outperforms?|outdoes|tops?)\s+(?:(?:all|any|each|either)\s+(?:of\s+)?)?(?:(?:of\s+)?(?:its|the|their|his|her|every|any|each)\s+)?(?:other\s+)?(?:rivals?|competitors?|competition|peers?|others?|rest|field|alternatives?|other\s+models?|everyone|everybody|anyone)(?:['’]s?)?(?:\s|[?.!,]|$)")]
    private static partial Regex ThanTheRestRegex();

    /// <summary>A request to put things in order: "rank the makers by capacity", "sort them by score", "the models
    /// ordered by GadgetEval", "in order of size" (not "ranking" as a noun: "the ranking changes").</summary>
    [GeneratedRegex(@"^\W*(?:(?:can|could|would)\s+(?:you|u)\s+|pls\s+|please\s+)?(?:rank|sort|order)\s+(?!of\b)|\b(?:ranked|sorted|ordered)\s+by\b|\bin\s+order\s+of\b")]
    private static partial Regex RankRequestRegex();

    // "who's dead last?", "which one ranks last on X?", "who's in last place?", "who's at the bottom?": the lowest of
    // the set; "last" said of the place in a ranking, not of a time ("last year", "the last update"). Group "place":
    // the words that say the place, which name no topic
    [GeneratedRegex(@"\b(?:who|which)\b[^?]*?\b(?:is|are|was|were|came|comes|ranks?|ranked|finish(?:es|ed)?|sits?|lands?|places?|placed)\s+(?<place>(?:dead\s+|in\s+)?last)\b(?!\s+(?:year|quarter|month|week|time|update|round|release|version)\b)|\b(?<place>in\s+last\s+place)\b|\b(?<place>(?:at|on)\s+the\s+bottom)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastPlaceRegex();

    // "at least 1M", "at most 50%", "at best": a bound, whose superlative word asks for no extreme
    [GeneratedRegex(@"\bat\s+(?:the\s+)?(?:least|most|max(?:imum)?|min(?:imum)?|best|worst)\b")]
    private static partial Regex BoundRegex();

    /// <summary>The text without the words that say a place in a ranking ("who's dead last" → "who's"): they ask
    /// for the lowest, as "lowest" would, and name nothing ("last" may be a word of a name in the note).</summary>
    private static string WithoutPlaceWords(string text) =>
        LastPlaceRegex().Replace(text, m => m.Value[..(m.Groups["place"].Index - m.Index)]);

    [GeneratedRegex(@"^\W*what(?:['’]s|\s+is|\s+was)\s+(?:the\s+|its\s+)?(?:(?:title|headline)(?:\s+of\s+" + TheNote + @")?|name\s+of\s+" + TheNote + @")\W*$"
        + @"|^\W*what(?:['’]s|\s+is|\s+was)\s+" + TheNote + @"\s+(?:called|titled|named)\W*$"
        + @"|^\W*what(?:['’]s|\s+is|\s+was)\s+(?:the|this)\s+(?:note|report|piece|doc|document)['’]s\s+(?:title|headline|name)\W*$")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"\b(?<w>\p{L}+)\s+(?<one>ones?)\b(?!['’])", RegexOptions.IgnoreCase)]
    private static partial Regex WordThenOneRegex();

    /// <summary>The content words right after <paramref name="word"/> in <paramref name="text"/>, up to the first
    /// word that is not one (at most three): "bigger Acme models are coming" after "bigger" is "Acme models".</summary>
    private static string WordsAfter(string text, string word)
    {
        var words = Tokens.Words(text).ToList();
        int at = words.FindIndex(w => w.Text.Equals(word, StringComparison.OrdinalIgnoreCase));
        if (at < 0) return "";
        return string.Join(' ', words.Skip(at + 1).TakeWhile(w => !English.IsStopWord(w.Text.ToLowerInvariant()) && w.Text.Any(char.IsLetter)).Take(3).Select(w => w.Text));
    }

    /// <summary>The question asks the note's own title: "what is it called?" asked after another question names what
    /// that question was about, not the note.</summary>
    private static bool AsksNoteTitle(string lower, bool followsUp) =>
        TitleRegex().IsMatch(lower) && !(followsUp && PronounCalledRegex().IsMatch(lower));

    /// <summary>A table row the compared thing heads says every word asked (each given as its terms).</summary>
    private bool RowSpeaksOf(Peer peer, IEnumerable<IReadOnlyList<string>> words) =>
        note.RowsHeadedBy(peer).Any(u => words.All(t => t.All(u.Terms.Contains)));

    [GeneratedRegex(@"^\W*what(?:['’]s|\s+is|\s+was)\s+(?:it|they)\s+(?:called|titled|named)\W*$")]
    private static partial Regex PronounCalledRegex();

    [GeneratedRegex(@"^\W*(?:what|which)\s+(?:are\s+|were\s+)?(?:(?:the|its|their|this|(?:the|this)\s+(?:note|report)['’]s)\s+)?(?:data\s+|main\s+|key\s+)?sources(?:\s+(?:does|did|do|is|was|are|were)\s+" + TheNote + @"\s+(?:cite|citing|use|using|rely\s+on|relying\s+on|draw\s+on|list|quote|based\s+on))?(?:\s+(?:for|of|behind|in)\s+" + TheNote + @")?\W*$"
        + @"|^\W*(?:what|who)\s+(?:does|did)\s+" + TheNote + @"\s+(?:cite|quote|rely\s+on|draw\s+on)\W*$"
        + @"|^\W*where\s+(?:does|did)\s+" + TheNote + @"\s+get\s+(?:its\s+|their\s+)?(?:data|information|info|facts|numbers|figures)(?:\s+from)?\W*$")]
    private static partial Regex SourcesRegex();

    // the verb says what the note is asked to have done (said, claimed, argued): it is the frame, not the claim;
    // "does the" only looks ahead at "note", so that "note claim" is found after it
    [GeneratedRegex(@"\b(?:note|report|analysts?|authors?|research|it|they|the\s+piece|the\s+doc)\s+(?<verb>say|says|said|claim|claims|state|states|argue|argues|suggest|suggests|conclude|concludes|think|thinks|mention|mentions|give|gives|provide|provides|include|includes|offer|offers|contain|contains|have|has|make|makes|put|puts|assign|assigns|call|calls|predict|predicts|expect|expects|project|projects|estimate|estimates|recommend|recommends|rate|rates)\b|\b(?:note|report|analysts?|authors?|research|the\s+piece|the\s+doc)\s+(?<verb>warn|warns|caution|cautions|flag|flags|treat|treats|see|sees|view|views|describe|describes|characteri[sz]e|characteri[sz]es|frame|frames|admit|admits|acknowledge|acknowledges|concede|concedes|consider|considers)\b|\bdoes\s+(?:the\s+)?(?=(?:note|report)\b)|\bin\s+the\s+note\b")]
    private static partial Regex AboutNoteRegex();
}
