using System.Text;
using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using MuseBot.Core.Conversation;
using MuseBot.Core.Language;
using MuseBot.Core.Retrieval;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>How the engine reached an answer, stage by stage: for `eval --by-kind`, `explain` and `tune`.</summary>
/// <param name="Question">How the question was read; null when the input guard answered.</param>
/// <param name="Ranked">Every unit, best fused first (retrieval).</param>
/// <param name="Scored">The reranked candidates with their probability of answering, most likely first.</param>
/// <param name="Answerability">The best candidate's probability; the engine answers at or above the model's threshold.</param>
public sealed record AnswerTrace(Answer Answer, QuestionFrame? Question, IReadOnlyList<Candidate> Ranked, IReadOnlyList<Scored> Scored, double Answerability, string Refusals = "");

/// <summary>
/// Answers from the note's own words, with no network. A coordinator over the stages: read the question, retrieve
/// units (BM25 + dense + late interaction), score each candidate's probability of answering with the fitted
/// answerability model, decide to answer or refuse, select the evidence, compose the reply.
/// </summary>
public sealed partial class ExtractiveAnswerEngine : IAnswerEngine
{
    private readonly QuestionReader _reader;
    private readonly Retriever _retriever;
    private readonly EvidenceSelector _selector;
    private readonly AnswerComposer _composer;
    private readonly RowLocator _rows;
    private readonly IReadOnlyList<NoteUnit> _rowUnits;
    private readonly AnswerabilityModel? _model;
    private readonly Func<string, bool> _noteHas;
    private readonly Func<string, bool> _noteName;
    private readonly string? _subject;
    private readonly Func<string, IReadOnlyList<Peer>> _peersIn;
    private readonly Lazy<HashSet<string>> _noteWords;
    private readonly IReadOnlyList<string> _examples;

    public ExtractiveAnswerEngine(NoteIndex index, EngineConfiguration configuration, EngineTuning? tuning = null)
    {
        Tuning = tuning ?? EngineTuning.Default;
        Configuration = configuration;
        var note = index.Model;
        var aligner = new Aligner(index, configuration.AlignmentModel, Tuning);
        _reader = new QuestionReader(note, index.Vocabulary);
        _retriever = new Retriever(index, aligner, configuration.RetrievalModel, configuration.AlignmentModel);
        _selector = new EvidenceSelector(note, Tuning);
        _composer = new AnswerComposer(note, Tuning);
        _rows = new RowLocator(note, Tuning);
        _rowUnits = note.Units.Where(u => u.IsRow).ToList();
        _model = Tuning.Answerability.GetValueOrDefault(configuration.Name);
        _noteHas = index.Model.InNote;
        _noteName = index.Model.ProperNouns.Contains;
        _subject = index.Model.Subject;
        _peersIn = note.Peers.In;
        // the note's own words as written, singular: a role is spoken of only in its own word ("reporters" shares its
        // stem with "report"); gathered on the first question that names a role, not at start
        _noteWords = new(() => note.Units.SelectMany(u => u.Words).Select(w => English.Singular(English.WithoutPossessive(w.Text.ToLowerInvariant())))
            .ToHashSet(StringComparer.Ordinal));
        _examples = index.Document.ExampleQuestions;
    }

    public EngineTuning Tuning { get; }
    public EngineConfiguration Configuration { get; }

    /// <summary>The answerability probability at and above which the engine answers (null before `tune`).</summary>
    public double? Threshold => _model?.Threshold;

    /// <summary>Retrieval over the units, for answerers that compose their own reply.</summary>
    public IPassageSearch Search => _retriever;

    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var trace = Trace(question);
        return Task.FromResult(!string.IsNullOrWhiteSpace(question.PreviousQuestion) && trace.Question is { } read
            ? trace.Answer with { ReadAs = read.Text } : trace.Answer);
    }

    /// <summary>
    /// Readies the engine for its first question: the encoders load side by side while the note's example questions
    /// are read and searched by BM25 on a third thread (the first questions read run a few hundred methods for the
    /// first time, most of them regular expressions, which the runtime compiles on first use). A host calls it before
    /// it listens, so that its first user waits neither for the models nor for the reading code to compile. Answering
    /// the examples too would spare that user a further quarter second, at the cost of as long a start: measured, it
    /// made the restart as a whole slower than loading the models on the first question.
    /// </summary>
    public void WarmUp()
    {
        var examples = _examples.Count > 0 ? _examples : ["what does the note say?"];
        var reading = Task.Run(() =>
        {
            foreach (var example in examples) _retriever.Index.Bm25(_reader.Read(example).Text);
        });
        _retriever.Index.LoadEncoders();
        reading.GetAwaiter().GetResult();
    }

    /// <param name="alwaysAnswer">Compose the answer even when the model would refuse (for `tune`, which chooses
    /// the threshold by grading both).</param>
    public AnswerTrace Trace(Question question, bool alwaysAnswer = false)
    {
        var asked = question.Text ?? "";
        if (Guard(asked) is { } refusal) return new AnswerTrace(refusal, null, [], [], 0);

        var read = Trace(asked, question, MuseBotTelemetry.Stage("read", () => _reader.Read(asked, question.PreviousQuestion)), alwaysAnswer);
        // "did Acme launch in March 2026?": read also with the date as the claim to check, not a period to look in;
        // that reading answers when the note dates the event, with a yes or no (a date it gives only as a figure's
        // period, "in Q4 2025", leaves the first reading's answer: another period is not a "no")
        if (read.Question is { Type: AnswerType.YesNo } first && QuestionReader.MayStateADate(first)
            && _reader.ReadDateClaim(asked, question.PreviousQuestion) is { } claim
            && Trace(asked, question, claim, alwaysAnswer) is { Answer.Abstained: false, Scored: [var top, ..] } checkedTrace
            && _composer.DateVerdict(claim, top) is not null)
            return checkedTrace;
        // "is Zeta better at GizmoTest?": one compared thing set against nothing named, where the first quote gives one
        // other a figure beside it ("Acme at 40%, just behind Zeta at 41%"): read again against that one, for a verdict
        if (read.Question is { Type: AnswerType.YesNo, Comparative: not 0, Peers: [var one] } && read.Answer.Headline is null
            && read.Scored is [var quoted, ..] && SetBeside(quoted.Unit, one) is { } other
            && Trace(asked, question, _reader.Read($"{asked.Trim().TrimEnd('?', '.', '!')} than {other.Label}?", question.PreviousQuestion), alwaysAnswer)
                is var against && AnswerComposer.IsComparedVerdict(against.Answer.Headline) && against.Question!.Peers.Count == 2)
            return against;
        // "and the assistant itself, monthly?": a fragment with words of its own that the previous question's words
        // left unanswered is asked again with only that question's wh-words, when those ask for a figure, a date or a
        // person (a "what" alone would take any passage about the fragment's words for its answer)
        if (read.Answer.Abstained && !string.IsNullOrWhiteSpace(question.PreviousQuestion)
            && _reader.FragmentWithPreviousWh(asked, question.PreviousQuestion) is { } alone
            && Trace(new Question(alone), alwaysAnswer) is { Answer.Abstained: false, Question.Type: AnswerType.Quantity or AnswerType.Date or AnswerType.Duration or AnswerType.Person } aloneTrace)
            return aloneTrace;
        return read;
    }

    /// <summary>
    /// The place in a table the question asks for, found: its own place, or — for a follow-up that asks only another
    /// column of it ("and its context window?") — the previous question's. "The one after that" is set from the row
    /// the previous question pointed to: its own place, else the row it names by label, else the row its answer
    /// quoted first.
    /// </summary>
    private RowAt? RowAtPosition(QuestionFrame q, string? previous, IReadOnlyList<Candidate> ranked)
    {
        bool hasPrevious = !string.IsNullOrWhiteSpace(previous);
        if (q.Position is null && !(q.FollowsUp && hasPrevious)) return null;
        // "how many models have a window below 100k?" counts the rows past a figure (a table extreme), not all rows
        if (q is { Position.Count: true, BeyondFigure: not null }) return null;
        // a follow-up's own words, read alone: its place and the spans that say it are in those words; the previous
        // question is read only where its place or its words are needed
        var own = q.FollowsUp ? _reader.Read(q.Asked) : q;
        var before = hasPrevious && (own.Position is not { } asked || asked.FromPrevious || !own.Content.Any()) ? _reader.Read(previous!) : null;
        var position = own.Position ?? before?.Position;
        if (position is null) return null;
        NoteUnit? previousRow = null;
        if (position.Step != 0 && (position.FromPrevious || own.Position is null))
        {
            if (before is null) return null;
            previousRow = before.Position is { Step: 0 } was && _rows.Locate(was, before, null, null, ranked) is { Rows: [var row], Missing: null }
                ? row
                : _rows.Labelled(before) ?? (Trace(new Question(previous!)).Answer is { Abstained: false, Citations: [var first, ..] }
                    ? _rowUnits.FirstOrDefault(u => u.Passage.ToCitation() == first) : null);
            if (previousRow is null) return null;
        }
        // the words that name the table: the question's own, unless it has none beside the place, or asks only of a
        // column of the previous question's place (whose spans are in the previous question's words, not these)
        return own.Position is null ? _rows.Locate(position with { Spans = [] }, own, before!.Focus, previousRow, ranked)
            : _rows.Locate(position, own, before is not null && !own.Content.Any() ? before.Focus : null, previousRow, ranked);
    }

    /// <summary>The one other compared thing a unit gives a figure of its own beside this one's ("ranks Acme at 40%,
    /// just behind Zeta at 41%"); null when this one has none there, or several others do.</summary>
    private static Peer? SetBeside(NoteUnit unit, Peer one)
    {
        var owning = unit.Segments.Where(g => unit.Figures.Any(f => g.Holds(f.Start))).SelectMany(g => g.Owners).Distinct().ToList();
        return owning.Contains(one) && owning.Where(p => p != one).ToList() is [var other] ? other : null;
    }

    /// <param name="retrieved">The units already ranked for the same words (a question read again as another type).</param>
    private AnswerTrace Trace(string asked, Question question, QuestionFrame q, bool alwaysAnswer, List<Candidate>? retrieved = null)
    {
        // "give me a summary" says only what kind of answer it wants: that is the whole question
        if (q.AsksSummary) return new AnswerTrace(_composer.Summary(q), q, [], [], 1);
        // "who wrote this note?": the document names no author or date of its own, only its title and what it reports
        if (q.AsksAuthorship) return new AnswerTrace(Refuse(asked, _composer.NoAuthorship()), q, [], [], 0);
        if (q.AsksTitle) return new AnswerTrace(_composer.Title(q), q, [], [], 1);
        // "which claims are unverified?": the note's own doubts, each claim with its reason
        if (q.AsksDoubtedClaims && _composer.DoubtedClaims(q) is { } doubted) return new AnswerTrace(doubted, q, [], [], 1);
        // "what's in section 12?" of a note with nine: say so, rather than answer from elsewhere
        if (q.MissingSection is { } missing) return new AnswerTrace(Refuse(asked, _composer.NoSuchSection(missing)), q, [], [], 0);
        // "what are the note's sources?": the list the note closes with, not a passage that says "source"
        if (q.AsksSources) return new AnswerTrace(_composer.SourceList(q), q, [], [], 1);
        if (!q.Content.Any() || English.SmallTalkIn(asked) != SmallTalk.None)
            return new AnswerTrace(Refuse(asked, "I didn't catch a question about the note there." + (_examples.Count > 0 ? $" Try one like: *{_examples[^1]}*" : "")), q, [], [], 0);

        var ranked = retrieved ?? MuseBotTelemetry.Stage("retrieve", () => _retriever.Rank(q, MuseBotTelemetry.Stage("encode", () => _retriever.Encode(q))));
        // "… according to the grid in section 2": only that section's units, in their own order
        if (q.Section is { } section && retrieved is null && ranked.Any(c => c.Unit.Passage.Section == section))
        {
            ranked = ranked.Where(c => c.Unit.Passage.Section == section).Select((c, i) => c with { Rank = i }).ToList();
            // a name the section never says ("what does section 2 say about Zeta?"): that section has nothing on it
            var unsaid = q.Focus.Select((f, i) => (f, i)).Where(x => x.f.IsName && !x.f.IsFrame && !ranked.Any(c => c.Matches[x.i].Exact)).Select(x => x.f).ToList();
            if (unsaid.Count > 0 && !alwaysAnswer)
                return new AnswerTrace(Refuse(asked, _composer.NotInSection(q, section, unsaid)), q, ranked, [], 0);
        }
        // "the 3rd watch item?", "the row after Acme?", "how many rows …?": the place in a table answers
        if (retrieved is null && RowAtPosition(q, question.PreviousQuestion, ranked) is { } at)
            return new AnswerTrace(_composer.RowAt(q, at), q, ranked, [], at.Missing is null ? 1 : 0);
        // "smallest window in the table, and what's that model's GadgetEval?": the thing the first part finds is what
        // the second asks about
        if (retrieved is null && !alwaysAnswer && q.Parts > 1 && AnswerOfDependentParts(asked, question.PreviousQuestion) is { } dependent)
            return new AnswerTrace(dependent, q, ranked, [], 1);
        // "spark numbers?", "what are the key stats on Zeta?": the passages that give figures for what it names
        if (q.AsksFigures && FigureList(q, ranked) is var figures)
        {
            if (figures.Count > 0)
            {
                var listed = figures.Select(c => new Scored(c, 1, 0, AnswerabilityFeatures.Of(q, c, Tuning, _noteHas))).ToList();
                return new AnswerTrace(_composer.Compose(q, new Evidence(listed)), q, ranked, listed, 1);
            }
            // no figure belongs to it: the note gives none ("any stats on the Nimbus plant?")
            if (!alwaysAnswer) return new AnswerTrace(Refuse(asked, AnswerComposer.NoFigures(q, ranked[0])), q, ranked, [], 0);
        }
        // "what's the 40.1 number?", "what does 2.5B refer to?": a figure the note states, asked what it is: the units
        // that state it say what it measures
        if (!alwaysAnswer && retrieved is null && q is { Type: AnswerType.Quantity or AnswerType.Description, Parts: <= 1, Peers.Count: 0 }
            && UnitsStating(q, ranked) is { Count: > 0 } stating)
        {
            var listed = stating.Select(c => new Scored(c, 1, 0, AnswerabilityFeatures.Of(q, c, Tuning, _noteHas))).ToList();
            var said = _composer.Compose(q, new Evidence(listed));
            // (quoted, with no headline: the figure asked about is no answer to what it is)
            return new AnswerTrace(said with { Text = said.Headline is { } h && said.Text.StartsWith(h, StringComparison.Ordinal) ? said.Text[h.Length..].TrimStart() : said.Text, Headline = null },
                q, ranked, listed, 1);
        }
        // "what is Nimbus's capacity?" where a table gives capacity for its rows only, and Nimbus is none of them
        if (_selector.MeasureForOthersOnly(q) is { } others && !alwaysAnswer)
            return new AnswerTrace(AnswerComposer.MeasureForOthersOnly(q, others), q, ranked, [], 0);
        // "which has the biggest X?", "which makers beat Acme on X?" where a table gives X for its rows: the cells answer it
        var extreme = _selector.Extreme(q);
        // "which makers beat Acme on GizmoTest?" that no table settles: it needs Acme's own figure for the measure, and
        // where the note gives none it cannot say who beats it: that refusal, which says whom the note gives it for
        if (q is { Beyond: not 0, BeyondFigure: null } && !alwaysAnswer && retrieved is null && extreme is null && OwnMeasureQuestion(q) is { } own
            && Trace(own, new Question(own), _reader.Read(own, null), alwaysAnswer: false) is { Answer.Abstained: true } ownTrace)
            return new AnswerTrace(Refuse(asked, ownTrace.Answer.Text), q, ranked, [], 0);
        var model = _model ?? throw new InvalidOperationException(
            $"tuning.json has no answerability model for the '{Configuration.Name}' configuration: run `musebot tune`.");
        var candidates = MuseBotTelemetry.Stage("answerability", () => Score(q, ranked).ToList());
        var ranking = model.Rank(q, candidates.Select(c => c.Features).ToList());
        var scored = ranking.Order.Select(i => new Scored(candidates[i].Candidate, ranking.Shares[i], ranking.Scores[i], candidates[i].Features)).ToList();
        // "how many publishers does Zeta draw on?" where the note names them with no count ("publishers including A,
        // B, and C"): their number is the answer. Looked for by the reranker's share alone: a unit with no count in it
        // is no admissible answer to "how many", which is why a list is counted
        if (ListedCount.Find(q, Quotable(scored.OrderByDescending(s => s.Probability).ToList())) is { } members)
            return new AnswerTrace(_composer.ListedCount(q, members), q, ranked, scored, ranking.Answerable);
        // "what does the 'competitive position' line say?": the row the question names by its whole label, with a word
        // for a row, answers first
        // (as likely as the best: the question names it outright)
        if (_rows.Labelled(q, RowWordRegex()) is { } labelled && scored[0].Unit != labelled && AsScored(scored, ranked, labelled) is { } namedRow)
        {
            scored.Remove(namedRow);
            scored.Insert(0, namedRow with { Probability = Math.Max(namedRow.Probability, scored[0].Probability) });
        }
        // "what is Zeta?": the unit that says what Zeta is answers it, first, ahead of one that only names it
        int definition = Definitions.Asked(q) is { } defined ? scored.FindIndex(s => Definitions.Defines(s.Unit, defined)) : -1;
        if (definition > 0) MoveFirst(scored, scored[definition]);
        // "who built Zeta?": a unit that says the act answers it ahead of one that only describes the thing
        // ("Zeta is purpose-built for Acme's products")
        if (q is { VerbAfterWho: >= 0, Type: AnswerType.Person } && !ActSaid(q, scored[0])
            && scored.Take(Tuning.MaxQuotes).Skip(1).FirstOrDefault(s => ActSaid(q, s)) is { } doer)
            MoveFirst(scored, doer);
        // "who is running Zeta Works?": a unit that says who leads ("Zeta Works under Dana") answers it ahead of one
        // whose verb only resembles leading ("Zeta Works rebuilt its stack")
        else if (q is { VerbAfterWho: >= 0, Type: AnswerType.Person } && English.LeadingVerbs.Contains(q.Focus[q.VerbAfterWho].Key)
                 && !English.SaysWhoLeads(scored[0].Unit.Text)
                 && scored.Take(Tuning.MaxQuotes).Skip(1).FirstOrDefault(s => English.SaysWhoLeads(s.Unit.Text)) is { } leader)
            MoveFirst(scored, leader);
        // "Zeta mode is meant to rival who?" where the one the best unit names besides the question's own is the note's
        // subject: a unit among those an answer quotes that names someone else, and meets all the best one meets in
        // its words, answers (one that names nobody at all stays first: the note names no one, and a refusal says so)
        else if (q is { Type: AnswerType.Person, AsksChoice: false } && Members.NamesSomeoneElse(q, scored[0].Unit, _noteName)
                 && !Members.NamesSomeoneBesidesSubject(q, scored[0].Unit, _subject, _noteName)
                 && scored.Take(Tuning.MaxQuotes).Skip(1).FirstOrDefault(s => Members.NamesSomeoneBesidesSubject(q, s.Unit, _subject, _noteName)
                                                                            && MeetsAllMetBy(q, s, scored[0], except: -1)) is { } named)
            MoveFirst(scored, named);
        // "who ran that benchmark?" where the best unit names no one but refers back to the sentence before it ("Nimbus
        // places Zeta at 52 … The same service ranks Zeta …"): that sentence names who, and answers first
        // (not "who wins, Acme or Zeta?": that asks which of the two)
        if (q is { Type: AnswerType.Person, AsksChoice: false, Comparative: 0, Superlative: 0 } && !q.Focus.Any(f => English.ComparingWords.Contains(f.Key))
            && scored[0].Unit is { IsRow: false, Previous: { } before } && English.OpensReferringBack(scored[0].Unit.Words.Take(2).Select(w => w.Text).ToList())
            && !Members.NamesSomeoneBesidesComparedThings(q, scored[0].Unit, _subject, _noteName) && Members.NamesSomeoneBesidesComparedThings(q, before, _subject, _noteName)
            && AsScored(scored, ranked, before) is { } antecedent)
            MoveFirst(scored, antecedent);
        // "what's Zeta's codename?": a unit that gives a name by a verb of naming ("internally named Gizmo") answers
        // ahead of one that only shares a word piece with the question, when it would stand beside it as a further quote
        if (q.AsksName && !NamingVerbRegex().IsMatch(scored[0].Unit.Text)
            && Quotable(scored).Skip(1).FirstOrDefault(s => NamingVerbRegex().IsMatch(s.Unit.Text)) is { } naming)
            MoveFirst(scored, naming);
        // "which gadgets does Zeta lead?" where the best unit says gadgets only in general: a unit that would stand beside
        // it as a further quote and lists names answers ahead of it; so does one that names a member of them ("gadgets
        // such as …") where it meets all the best unit meets of the rest ("which Acme gadgets?" is not asking for
        // any gadget)
        if (q.MemberHead >= 0 && Members.Named(q, scored[0].Unit, scored[0].Candidate.Matches, Tuning.UnmetBelow, _noteName, _subject) == false
            && Quotable(scored).Skip(1).FirstOrDefault(s => Members.Named(q, s.Unit, s.Candidate.Matches, Tuning.UnmetBelow, _noteName, _subject) switch
            {
                true => MeetsAllMetBy(q, s, scored[0], except: q.MemberHead),
                null => Members.ListsNames(q, s.Unit, _noteName),
                false => false,
            }) is { } lister)
            MoveFirst(scored, lister);
        // "zeta gadgeteval?" where the best unit is Zeta's and says no GadgetEval, no unit the reranker scored gives it
        // for Zeta, and one gives it for another: that is the nearest the note comes to the measure asked, and the
        // refusal says whom it is for
        if (!MeasureOfAnother(q, scored[0]) && SaysNoMeasureAsked(q, scored[0]) && scored.All(s => !SaysMeasureOfAsked(q, s))
            && scored.Skip(1).FirstOrDefault(s => MeasureOfAnother(q, s)) is { } givenForAnother)
            MoveFirst(scored, givenForAnother);
        // "is Zeta's mode on par with Acme's?" where the best unit says how the mode is pitched and the sentence right
        // after it, which refers back to it, denies the claim ("That should be read as positioning, not verified
        // parity."): that sentence answers, with its No
        if (q.Type == AnswerType.YesNo && scored[0].Unit.Next is { } after && English.OpensWithReference(after.Text)
            && !_composer.Denies(q, scored[0])
            && AsScored(scored, ranked, after) is { } qualifier
            && _composer.Denies(q, qualifier))
            MoveFirst(scored, qualifier);
        var best = scored[0];
        double answerable = ranking.Answerable;
        // "does the note give X?" where the nearest the note comes leaves X unmet: it gives no X. Not a claim its
        // figures can settle: a figure or bound it states ("does the note put capex above $100B?"), or two compared
        // things set against each other ("… show Acme ahead of Zeta?")
        bool noSuchThing = q.Type == AnswerType.YesNo && q.AsksExistence && _composer.UnmetShare(q, best) >= Tuning.NotSaidUnmet
                           && !(q.Peers.Count == 2 && q.Comparative != 0) && FigureAttachment.Check(q, best.Unit, best.Candidate.Matches) is null
                           && !Members.NamesMembersOfAsked(q, best.Unit, best.Candidate.Matches, _noteName);
        // "what are Acme's WidgetBench and GadgetEval scores?" where one unit gives each its own figure: it answers,
        // though no one clause carries the whole question (which the fitted model reads as a weak fit, and each
        // figure as another's for the measure said beside the other)
        bool eachMeasure = AnswerComposer.AnswersEachMeasure(q, best);
        bool ofAnother = !eachMeasure && (FigureOfAnother(q, best) || _composer.BestFigureOwnedByUnasked(q, best));
        // "what's Zeta's GadgetEval?" where the best unit gives GadgetEval for Acme only: its one gap is whom it is for
        bool measureOfAnother = MeasureOfAnother(q, best);
        // "which power developers supply Zeta?" where the best unit says power developers but names none
        bool noMember = Members.Named(q, best.Unit, best.Candidate.Matches, Tuning.UnmetBelow, _noteName, _subject) == false
                        // "which companies are in the preview?" where no unit the answer would quote names any
                        || Members.NamesAnOrganisation(q, Quotable(scored).Select(s => s.Unit), _subject, _noteName) == false;
        // "who …?" where the best unit names nobody the question does not already name; "what is X called?" where it
        // says X only in general, no name beside it and no verb of naming
        bool nobody = !Members.NamesSomeoneElse(q, best.Unit, _noteName)
                      || (q is { AsksName: true, AsksChoice: false, AboutTheNote: false } && !NamingVerbRegex().IsMatch(best.Unit.Text)
                          && Members.NamesBesideAsked(q, best.Unit, best.Candidate.Matches, _noteName) == false);
        // "who is Zeta's CEO?" where the note never speaks of a CEO: the names it gives hold other roles
        var role = q.Content.FirstOrDefault(f => English.RoleWords.Contains(f.Key) && !_noteWords.Value.Contains(English.Singular(f.Key))
                                                 && (q.Type == AnswerType.Person || WhichBeforeRegex().IsMatch(q.Text[..f.Start])))
                   // "what is Dana's title?" where the unit that answers best gives no role: it names them, no title
                   ?? q.Content.FirstOrDefault(f => (f.IsSlot || TitleOfRegex().IsMatch(q.Text[..(f.Start + f.Key.Length)])) && English.TitleNouns.Contains(f.Key) && !q.AboutTheNote
                                                    && !best.Unit.Words.Any(w => English.RoleWords.Contains(English.WithoutPossessive(w.Text.ToLowerInvariant()))));
        // "how accurate is X?" where the note never speaks of accuracy: it says what X is, not how accurate
        bool unmetMeasure = q.MeasureAfterHow >= 0 && !q.Focus[q.MeasureAfterHow].InNote && best.Candidate.Matches[q.MeasureAfterHow].Score < Tuning.UnmetBelow;
        // "who conducted X?" where none of the units an answer would quote says the act: the names they give did
        // something else. A verb of leading is met by the note's words for it ("under Dana", "Dana-led"); a
        // who-question that sets things against each other ("who ranks above X?") is decided by their figures
        bool unmetAct = q is { VerbAfterWho: >= 0, Type: AnswerType.Person, Comparison: false, Comparative: 0, Superlative: 0 }
                        && !scored.Take(Tuning.MaxQuotes).Any(s => ActSaid(q, s));
        // "what was the run-rate a year earlier?" where the best unit gives the figure for its own period only
        bool noEarlier = !FigureAttachment.GivesEarlierPeriod(q, best.Unit, best.Candidate.Matches);
        // "how is the budget split between plants and chips?" where the best unit gives the budget's amount, and no
        // part one of its own
        bool noSplit = FigureAttachment.SplitFigures(q, best.Unit, best.Candidate.Matches, Tuning.UnmetBelow) is { } parts && parts.Any(p => p is null);
        // "what is the Zeta stake worth?" where the best unit gives what was paid for it, and no worth
        bool noWorth = !FigureAttachment.GivesWorth(q, best.Unit);
        // "when do the bigger Acme models ship?" where the best unit dates something else (its date's unit leaves the
        // question's most specific word unmet) and a unit the answer would quote speaks of that very thing, undated
        var undated = q is { Type: AnswerType.Date, StatedDates.Count: 0 } ? UndatedThing(q, scored) : null;
        bool dateOfAnother = undated is not null;
        // "how much did Acme pay per share?" where the best unit gives the whole amount, no figure per share
        bool noRate = q.PerUnit is { } per && !QuestionReader.SaysPer(best.Unit.Text, per);
        // "how many people use Acme daily?" where the figure that answers best counts them monthly
        var otherOften = OtherHowOften(q, best);
        // "what day in June did Acme close the deal?" where the note dates it to that month alone
        var monthOnly = MonthOnly(q, best);
        // "what % eval awareness did the auditor measure?" where the unit the reranker takes to answer speaks of that very
        // thing with no figure of the kind asked, and the unit that has one is far less likely and carries under half
        // the question in the figure's clause: the note speaks of it, without the figure; the refusal names where
        var figureless = AnswerabilityFeatures.FigurelessLikeliest(q, candidates.Select(c => c.Features).ToList(), ranking.Shares, best.Features, best.Probability, Tuning) is { } likeliest
            ? new Scored(candidates[likeliest].Candidate, ranking.Shares[likeliest], ranking.Scores[likeliest], candidates[likeliest].Features) : null;
        // "what does Zeta score with tools?" where the best unit gives that score only without them
        var otherCondition = q.Type is AnswerType.Quantity or AnswerType.Description ? FigureAttachment.OfOtherCondition(q, best.Unit, best.Candidate.Matches) : null;
        bool refuse = (answerable < model.Threshold && !eachMeasure && definition < 0 || noSuchThing || ofAnother || measureOfAnother || noMember || nobody || noEarlier || noSplit || noWorth || noRate || otherOften is not null || monthOnly is not null || otherCondition is not null || figureless is not null || dateOfAnother || role is not null || unmetMeasure || unmetAct || q.OnlyUnknownNames || q.UnknownSide is not null || q.OtherVersions.Count > 0) && extreme is null && !alwaysAnswer;
        // which of the reasons to refuse held, for `explain`
        string refusals = string.Join(", ", new (bool Held, string Name)[]
        {
            (answerable < model.Threshold && !eachMeasure && definition < 0, "below threshold"), (noSuchThing, "no such thing"), (ofAnother, "figure of another"), (measureOfAnother, "measure of another"),
            (noMember, "no member"), (nobody, "nobody named"), (noEarlier, "no earlier period"), (noSplit, "no split"), (noWorth, "no worth"), (noRate, "no rate"), (otherOften is not null, "counted over another span"), (monthOnly is not null, "no finer date"), (otherCondition is not null, "another condition"), (figureless is not null, "the likeliest passage has no such figure"), (dateOfAnother, "date of another thing"),
            (role is not null, "role never spoken of"), (unmetMeasure, "measure never spoken of"), (unmetAct, "act not said"),
            (q.OnlyUnknownNames, "only unknown names"), (q.UnknownSide is not null, "a side the note never names"), (q.OtherVersions.Count > 0, "another version"), (extreme is not null, "(overridden: extreme)"),
        }.Where(r => r.Held).Select(r => r.Name));
        // "when does Acme reach Zeta's app?" where the note gives no date but says when in words ("in coming weeks"): that
        // is what it says of when, quoted as such rather than refused, from any unit the reranker scored. Asked for the
        // exact date ("what day exactly …?", "does the note give a date for …?"), the note still does not answer what
        // was asked: the reply says so, and what it does say
        bool whenInWordsOnly = false;
        if (refuse && q.Type == AnswerType.Date && q.StatedDates.Count == 0 && q.OtherVersions.Count == 0 && !q.OnlyUnknownNames
            && scored.FirstOrDefault(s => SaysWhenInWords(q, s)) is { } inWords)
        {
            MoveFirst(scored, inWords);
            refuse = false;
            whenInWordsOnly = (q.Precise || q.NamedKind is not null || q.AsksDay) && FigureAttachment.Dates(q, inWords.Unit, inWords.Candidate.Matches).Count == 0;
            // … and quoted alone: a date beside it in another quote would read as the date asked for
            if (whenInWordsOnly) scored.RemoveRange(1, scored.Count - 1);
        }
        // "what was the outlay plan?" where the amounts beside an outlay answer too little: what the note says about
        // the outlay may still answer. Not when no amount of money belongs to the thing and period asked ("what was
        // Zeta's outlay?" with only Acme's, or with a figure that belongs to another): that stays a refusal, as a
        // figure question's would.
        // Nor when the unit leaves unsaid the money word asked for that the note uses elsewhere ("what is Zeta's
        // revenue?" where Zeta's one amount is what was paid for it); a word the note never uses may be a paraphrase.
        // Nor for a bare phrase ("Zeta unit price?"): it names the measure and nothing else a description could answer.
        // "how much did the outlay grow?" where the note gives no change, only the outlay in two periods: those levels,
        // before the question is read again as asking what the note says of the outlay
        if (refuse && LevelsForChange(q, question.PreviousQuestion, scored) is { } levels)
            return new AnswerTrace(levels, q, ranked, scored, answerable, refusals);
        if (refuse && !q.FigureAskedAsPhrase && !ofAnother && !noSplit && !noWorth && role is null && q.FigureFromNoun && AnswerabilityFeatures.Admissible(q, best.Features) && AnswerabilityFeatures.KindFits(best.Features)
            && q.Focus.Select((f, i) => (f, i)).Where(x => x.f.IsSlot && x.f.InNote && QuestionReader.NamesMoney(x.f.Word)).All(x => best.Candidate.Matches[x.i].Score >= Tuning.UnmetBelow))
        {
            var described = _reader.Read(asked, question.PreviousQuestion, figureFromNoun: false);
            bool sameWords = described.Text == q.Text && described.Focus.Select(f => (f.Word, f.IsFrame)).SequenceEqual(q.Focus.Select(f => (f.Word, f.IsFrame)));
            return Trace(asked, question, described, alwaysAnswer, sameWords ? ranked : null);
        }
        // "how fast does the outlay turn into running capacity?" where the note gives no figure but a cell of its own
        // doubts carries the question ("What still requires separate work: exact cadence of … conversion of spend into
        // … capacity"): that is what the note says of it, quoted with its doubt, rather than "the note does not say".
        // Not where a reason of its own refuses (a period, a member, a role, a thing the note never names)
        if (refuse && !alwaysAnswer && extreme is null
            && !noMember && !nobody && role is null && !unmetMeasure && !unmetAct && !ofAnother && !measureOfAnother && q.Periods.Count == 0
            && !q.OnlyUnknownNames && q.UnknownSide is null && q.OtherVersions.Count == 0
            && scored.FirstOrDefault(s => _composer.DoubtCarriesTheQuestion(q, s)) is { } doubtedRow)
        {
            refuse = false;
            scored = [doubtedRow];
        }
        Answer answer;
        // (a side with a figure of its own is answered even where the whole is refused)
        if (refuse && !alwaysAnswer && extreme is null && SidesOneByOne(q, ranked) is { Abstained: false } sidesAlone)
            answer = sidesAlone;
        // "Zeta is the one with the 40% share?": refused as another thing's measure, where the question itself states
        // that thing's figure: No, with what the note gives the thing asked
        // (only where what is wrong is whom it is for: a figure refused as another period's may be the asker's own
        // claim rightly stated, "so Zeta spent $41B in 2025?", that another reason refused)
        else if (refuse && measureOfAnother && !ofAnother && StatedFigureOfAnother(q, scored) is { } corrected)
            answer = corrected;
        // "so Acme spent $41B in 2026?" refused for its period, where the best unit gives $41B for 2025: No, with that
        // period
        else if (refuse && q.Type == AnswerType.YesNo && q.OtherVersions.Count == 0 && q.UnknownSide is null
                 && _composer.StatedForAnotherPeriod(q, best) is { } otherPeriod)
            answer = otherPeriod;
        else if (refuse)
            answer = q.OtherVersions is [var version, ..] ? _composer.OtherVersion(q, version)
                : q.UnknownSide is { } side ? AnswerComposer.UnknownSide(q, side)
                : AnswerByParts(asked, question.PreviousQuestion) ?? FigureByPeriod(q, question.PreviousQuestion, null) ?? ThingsByPart(q, question.PreviousQuestion) ?? (role is not null ? AnswerComposer.NotSpokenOf(q, role, best)
                : unmetMeasure ? AnswerComposer.NotSpokenOf(q, q.Focus[q.MeasureAfterHow], best)
                : unmetAct ? AnswerComposer.NoDoerSaid(q, best)
                : dateOfAnother ? AnswerComposer.UndatedOnly(q, undated!)
                : noMember ? AnswerComposer.NoMember(q, best) : nobody ? AnswerComposer.NoOneNamed(q, best)
                : noEarlier && answerable >= model.Threshold ? AnswerComposer.NoEarlierPeriod(q, best)
                : noSplit ? AnswerComposer.NoSplit(q, best) : noRate && q.NamedKind is null ? AnswerComposer.NoRate(q, best)
                : monthOnly is not null ? AnswerComposer.NoFinerDate(q, best, monthOnly)
                : otherCondition is var (figure, condition) ? AnswerComposer.OtherCondition(q, best, figure, condition)
                : figureless is not null && answerable >= model.Threshold ? _composer.NotInNote(q, figureless)
                : otherOften is { } often ? AnswerComposer.OtherHowOften(q, best, often.Figure, often.Said, often.Asked) : noWorth && q.NamedKind is null ? AnswerComposer.NoWorth(q, best) : _composer.NotInNote(q, best));
        else
        {
            Evidence evidence;
            // the stage ends before any unmet part is asked on its own, which runs the stages again
            using (MuseBotTelemetry.Stage("compose"))
            {
                // "Acme's best benchmark score?": the sentence that lists the thing's own results answers, however likely
                // the reranker found it beside a row that gives one figure of the thing's
                if (extreme is null && OwnResults.Asked(q) && scored.FirstOrDefault(s => OwnResults.In(q, s.Unit).Count > 0) is { } listing)
                    MoveFirst(scored, listing);
                evidence = extreme is not null ? new Evidence([best], extreme.Table, Extreme: extreme) : _selector.Select(q, scored, ranked);
                answer = _composer.Compose(q, evidence);
                // "when does Acme land on Zeta's app?" answered with no date it could headline (the best unit's date is
                // of another act): a unit that says when in words answers it, as it does where the question is refused
                // Not over a far likelier unit that dates the asked thing and meets every word the other does ("what day
                // did Acme drop?" with "Acme, launched on May 2, …" withheld as a headline for its paraphrased verb)
                if (q.Type == AnswerType.Date && answer.Headline is null && extreme is null && q.StatedDates.Count == 0
                    && scored.Skip(1).FirstOrDefault(s => SaysWhenInWords(q, s)) is { } saysWhen
                    && !(saysWhen.Probability < scored[0].Probability * Tuning.FurtherQuoteRatio && MeetsAllOf(q, scored[0], saysWhen)
                         && FigureAttachment.Dates(q, scored[0].Unit, scored[0].Candidate.Matches).Count > 0))
                {
                    MoveFirst(scored, saysWhen);
                    evidence = _selector.Select(q, scored, ranked);
                    answer = _composer.Compose(q, evidence);
                }
            }
            // "is Acme's backlog 3M?" where the first quote gives a figure but not in a clause that says whose: the
            // first of the next likeliest units that gives the asked thing's own figure settles it
            if (q.Type == AnswerType.YesNo && answer.Headline is null && extreme is null && !q.AsksChoice
                && scored.Skip(1).Take(Tuning.MaxQuotes).FirstOrDefault(s => _composer.FigureVerdict(q, s) is not null) is { } settles)
            {
                MoveFirst(scored, settles);
                evidence = _selector.Select(q, scored, ranked);
                answer = _composer.Compose(q, evidence);
            }
            // "does the note give a date for X?" answered with no date of X's own to headline: it gives none, and a
            // quote about X would read as a yes. Not when the first quote's date stands in a clause that carries the
            // question (a paraphrase may leave its most specific word too weakly met for a headline): the quote answers
            if (q.NamedKind is not null && answer.Headline is null && !alwaysAnswer
                && !(q.Type == AnswerType.Date && evidence.Units is [var first, ..]
                     && FigureAttachment.Dates(q, first.Unit, first.Candidate.Matches) is [var date, ..] && date.Attachment >= Tuning.HeadlineAttachment))
            {
                // … unless the first quote is a cell of the note's own doubts that carries the question ("does the note put
                // a number on the margin impact?" where the margin impact "still requires separate work"): no, and what it
                // says instead, quoted with its doubt
                if (evidence.Units is [var doubtedFirst, ..] && _composer.DoubtCarriesTheQuestion(q, doubtedFirst))
                    answer = answer with { Text = AnswerComposer.NoneGivenPreface(q) + "\n\n" + answer.Text };
                else
                    return new AnswerTrace(_composer.NotInNote(q, best), q, ranked, scored, answerable, refusals);
            }
            // "Acme vs Zeta on GadgetEval?" quoted with no figure to headline: each side asked on its own, so that a side
            // the note gives no such figure for is said to have none
            if (!alwaysAnswer && answer.Headline is null && extreme is null && evidence.Table is null && SidesOneByOne(q, ranked) is { } bySide)
                return new AnswerTrace(bySide, q, ranked, scored, answerable, refusals);
            // "how did the outlay change from 2025 to 2026?" quoted with no figure to headline: the levels it changed between
            if (!alwaysAnswer && answer.Headline is null && extreme is null && evidence.Table is null
                && LevelsForChange(q, question.PreviousQuestion, scored) is { } changeLevels)
                answer = changeLevels;
            else if (!alwaysAnswer && evidence.Table is null && UnmetParts(q, evidence) is { Count: > 0 } unmet)
                answer = WithUnmetParts(answer, q, unmet);
            // "what is Acme's capacity, and where does it sit on GizmoTest?": parts that each ask a figure of their
            // own get each one's figure, when one headline for the whole leaves a part's out (the unit that answers
            // the first may hold the second's in a cell it does not quote)
            else if (!alwaysAnswer && q.Parts > 1 && FigureByPart(asked, question.PreviousQuestion, answer) is { } byParts)
                answer = byParts;
            // "what was the outlay in 2025 and 2026?": each period's own figure, when one headline leaves one out
            else if (!alwaysAnswer && FigureByPeriod(q, question.PreviousQuestion, answer) is { } byPeriod)
                answer = byPeriod;
        }
        if (whenInWordsOnly)
            answer = answer with { Abstained = true };
        return new AnswerTrace(answer, q, ranked, scored, answerable, refusals);
    }

    /// <summary>The units an answer would quote: the first, and those after it likely enough beside it (the evidence
    /// selector's further quotes, before it adds units for unmet parts or the note's qualifiers).</summary>
    private IEnumerable<Scored> Quotable(List<Scored> scored) =>
        scored.Take(Tuning.MaxQuotes).Where((s, i) => i == 0 || s.Probability >= scored[0].Probability * Tuning.FurtherQuoteRatio);

    /// <summary>The best-ranked units of the note's argument with a figure of each word the figures are asked of (in
    /// the figure's own clause, or the row those words label), labelled rows first; as many as one answer quotes.</summary>
    private List<Candidate> FigureList(QuestionFrame q, List<Candidate> ranked)
    {
        var about = QuestionReader.FiguresOf(q.Content).ToList();
        // "key numbers for the client deck?", "main stats?": nothing asked of that the note speaks of, so the note's own
        // key figures (amounts, shares, counts: not a bare number, which may be a version), the first it gives in each
        // section, in its order
        if (about.All(f => !f.InNote))
            return ranked.Where(c => !c.Unit.IsRow && c.Unit.Figures.Any(f => f.Kind != FigureKind.Number) && int.TryParse(c.Unit.Passage.Section, out _))
                .OrderBy(c => c.Unit.Index).DistinctBy(c => c.Unit.Passage.Section).Take(Tuning.MaxQuotes).ToList();
        bool Labels(NoteUnit u) => u.IsRow && about.All(f => f.Terms.Any(u.LabelTerms.Contains));
        bool Owns(NoteUnit u, FocusWord word) => u.Figures.Any(figure =>
        {
            var clause = u.SegmentAt(figure.Start);
            return clause.Owners.Any(p => q.Peers.Contains(p) && p.NameWords.Contains(word.Key))
                   || u.Words.Any(w => clause.Contains(w.Start) && w.Terms.Any(word.Terms.Contains));
        });
        return ranked.Where(c => c.Unit.Figures.Count > 0 && int.TryParse(c.Unit.Passage.Section, out _) && (Labels(c.Unit) || about.All(f => Owns(c.Unit, f))))
            .OrderByDescending(c => Labels(c.Unit)).ThenBy(c => c.Rank).Take(Tuning.MaxQuotes).ToList();
    }

    /// <summary>The units, best first, that state the one figure a question asks about and nothing else the note speaks
    /// of ("what's the 40.1 number?"); empty otherwise.</summary>
    private List<Candidate> UnitsStating(QuestionFrame q, List<Candidate> ranked)
    {
        // (every other word of it one the note never uses: "what's the 40.1 stat?", not "what's the 2-track plan?")
        var content = q.Content.Where(f => f.Terms.Count > 0).ToList();
        if (content.Where(f => f.Word.Any(char.IsDigit)).ToList() is not [var asked] || content.Any(f => f != asked && f.InNote)
            || Quantities.FiguresIn(asked.Word) is not [var figure]
            // (a bare whole number may be a version, "grok 4")
            || (figure.Kind == FigureKind.Number && !figure.Text.Contains('.'))) return [];
        var digits = Quantities.Digits(figure.Text);
        bool Same(Figure f) => Quantities.Digits(f.Text) == digits && (Quantities.Scale(figure.Text) == 1 || Quantities.Scale(f.Text) == Quantities.Scale(figure.Text));
        return ranked.Where(c => c.Unit.Figures.Any(Same)).Take(Tuning.MaxQuotes).ToList();
    }

    /// <summary>The act a who-question asks the doer of is said in the unit: the verb itself (or a word like it), or
    /// for a verb of leading, the note's words for leading ("under Dana", "Dana-led", "chief"), or for a verb of
    /// reporting, its words for saying ("Acme says", "according to Acme").</summary>
    private bool ActSaid(QuestionFrame q, Scored unit) =>
        (q.AsksMaker && q.Peers[0].MakerIn(unit.Unit.Text) is not null)
        || (unit.Candidate.Matches[q.VerbAfterWho] is var act && act.Score >= Tuning.UnmetBelow && !(act.Exact && DescribesThing(unit.Unit, act.Offset)))
        || (English.LeadingVerbs.Contains(q.Focus[q.VerbAfterWho].Key) && English.SaysWhoLeads(unit.Unit.Text))
        || (English.ReportingVerbs.Contains(q.Focus[q.VerbAfterWho].Key) && English.SaysWhoReports(unit.Unit.Text));

    /// <summary>The word at the offset is a compound adjective led by a common word ("purpose-built",
    /// "custom-made"): it says what the thing is, not who did the act. One led by a name ("Dana-led") says who.</summary>
    private static bool DescribesThing(NoteUnit unit, int offset) =>
        unit.Words.FirstOrDefault(w => w.Start <= offset && offset < w.End) is { } word
        && word.Text.Split('-') is [var first, _, ..] && first.Length > 0 && char.IsLower(first[0]);

    /// <summary>"what was Zeta's revenue?" where the unit's best figure for it is in a clause that does not name
    /// Zeta, though the unit does elsewhere ("… a $9B revenue run-rate for Acme, and a 2% gain in Zeta's …"): the
    /// figure belongs to something else, and the note gives none for what was asked. So too "what does Zeta score on
    /// GizmoTest?" where the unit names GizmoTest but every figure of it measures something else ("a 6M part window
    /// and claims leadership across GizmoTest"). Not for a table row, whose label names every cell's owner, nor for
    /// comparisons and questions of several parts or figures.</summary>
    private bool FigureOfAnother(QuestionFrame q, Scored best) =>
        FigureAttachment.AsksOneFigure(q) && !best.Unit.IsRow
        && FigureAttachment.Figures(q, best.Unit, best.Candidate.Matches) is [var figure, ..] figures
        && (figure.NameAway || figure.MeasureAway
            || (NamesAnotherMeasure(q, best) && figures.All(f => f.MeasureMet < Tuning.UnmetBelow)));

    /// <summary>"how many people use Acme daily?" where the figure of the best unit that answers best counts over
    /// another span, said right after it ("1B monthly Acme users"): the note gives that count, not the one asked.
    /// Null where the question says no span, or the figure says none or the same.</summary>
    private static (string Figure, string Said, string Asked)? OtherHowOften(QuestionFrame q, Scored best)
    {
        if (q.Type != AnswerType.Quantity || English.HowOften(q.Text) is not { } asked) return null;
        // (a figure whose own clause says nothing asked is no reading of the question to correct)
        if (FigureAttachment.Figures(q, best.Unit, best.Candidate.Matches) is not [var top, ..] || !top.KindFits || !top.OwnClause) return null;
        // (an amount of money or a share counts no one: "how many use Acme daily?" is not corrected by a yearly $5B)
        if (q.WantedFigure == FigureKind.Count && best.Unit.Figures.FirstOrDefault(f => f.Start == top.Start)?.Kind is FigureKind.Money or FigureKind.Percent) return null;
        // the words the figure measures: right after it, up to the next clause or figure
        var after = best.Unit.Text[Math.Min(best.Unit.Text.Length, top.Start + top.Text.Length)..];
        var phrase = string.Join(' ', PhraseEndRegex().Split(after)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MeasuredWords));
        return English.HowOften(phrase) is { } said && said.Span != asked.Span ? (top.Text, said.Word, asked.Word) : null;
    }

    /// <summary>"what exact day in June did Acme close the deal?" where the best unit's date for it is that month, with
    /// no day: the note gives nothing finer than the question already says. Null when the question names no month
    /// (with its year or without), or asks no day.</summary>
    private static DateMention? MonthOnly(QuestionFrame q, Scored best)
    {
        if (q is not { Type: AnswerType.Date, AsksDay: true }) return null;
        // (the month the question names, with its year or without ("what day in June …?"), is not itself an answer to
        // it, so it is looked for among the unit's dates; with no month named, the month is the answer)
        var asked = q.Periods.Concat(Quantities.DatesWithoutYearIn(q.Text, q.Dates).Select(d => d.Period)).Where(p => p.Month is not null).ToList();
        // "what exact day was the deal?": a month is no answer to a day asked precisely, where the unit dates nothing
        // to the day
        if (asked.Count == 0)
            return q.Precise && q.StatedDates.Count == 0 && !best.Unit.Dates.Any(d => d.HasDay) ? best.Unit.Dates.FirstOrDefault(d => d is { HasMonth: true }) : null;
        bool InMonthAsked(DateMention d) => asked.Any(d.Period.Answers);
        var month = best.Unit.Dates.FirstOrDefault(d => d is { HasMonth: true, HasDay: false } && InMonthAsked(d));
        return month is not null && !best.Unit.Dates.Any(d => d.HasDay && InMonthAsked(d)) ? month : null;
    }

    /// <summary>How many words after a figure say what it measures ("3B <b>family daily active people</b>").</summary>
    private const int MeasuredWords = 5;

    /// <summary>A word for a table row: "the deployment row", "the 'competitive position' line".</summary>
    [GeneratedRegex(@"\b(?:row|line|entry)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RowWordRegex();

    [GeneratedRegex(@"[,;:()]|\s(?:and|while|but|or|versus|vs\.?)\s|\d")]
    private static partial Regex PhraseEndRegex();

    /// <summary>"what's Zeta's GadgetEval?", "zeta gadgeteval?", "does the note give Zeta's GadgetEval?": one compared thing and a measure named, where the unit
    /// says the measure and another compared thing and leaves only the asked thing's words unmet: it gives the
    /// measure for another.</summary>
    private bool MeasureOfAnother(QuestionFrame q, Scored best)
    {
        // (a clause of the unit may speak of the thing by "it": "Zeta places it at 52, behind Acme at 57")
        if (q is not { Type: AnswerType.Description or AnswerType.List or AnswerType.YesNo, Peers: [var asked], Comparison: false } || best.Unit.Peers.Contains(asked)
            || best.Unit.Segments.Any(s => s.Owners.Contains(asked))
            || !best.Unit.Peers.Any(p => p != asked) || OwnedByMaker(asked, best.Unit.Text)) return false;
        var unmet = q.Focus.Select((f, i) => (f, m: best.Candidate.Matches[i])).Where(x => !x.f.IsFrame && !x.f.IsSubject && x.m.Score < Tuning.UnmetBelow).ToList();
        return MeasureNamed(q, best) is { Count: > 0 } measure && measure.All(m => m.Exact) && unmet.Count > 0 && unmet.All(x => q.PeerWords.Contains(x.f.Key));
    }

    /// <summary>The text says the thing's maker owns something ("Omega's Turbo mode" for Omega's Zeta): what it names
    /// there is the maker's, so the thing's, though the text names another compared thing beside it.</summary>
    private static bool OwnedByMaker(Peer asked, string text) =>
        asked.Makers.Concat(asked.Owners).Any(maker => Regex.IsMatch(text, $@"(?<![\p{{L}}\d]){Regex.Escape(maker)}['’]s\s", RegexOptions.IgnoreCase));

    /// <summary>The question names one compared thing and a measure, and the unit, about that thing, says none of the
    /// measure's names.</summary>
    private static bool SaysNoMeasureAsked(QuestionFrame q, Scored s) =>
        q is { Peers: [var asked] } && s.Unit.Peers.Contains(asked) && MeasureNamed(q, s) is { Count: > 0 } measure && measure.All(m => !m.Exact);

    /// <summary>The unit speaks of the one compared thing asked and says every name of the measure asked.</summary>
    private static bool SaysMeasureOfAsked(QuestionFrame q, Scored s) =>
        q is { Peers: [var asked] } && s.Unit.Peers.Contains(asked) && MeasureNamed(q, s) is { Count: > 0 } measure && measure.All(m => m.Exact);

    /// <summary>How the unit meets each name of the question that is no compared thing's nor the note's subject: the
    /// measure asked ("GadgetEval").</summary>
    private static List<WordMatch> MeasureNamed(QuestionFrame q, Scored s) =>
        q.Focus.Select((f, i) => (f, m: s.Candidate.Matches[i])).Where(x => !x.f.IsFrame && !x.f.IsSubject && x.f.IsName && !q.PeerWords.Contains(x.f.Key))
            .Select(x => x.m).ToList();

    /// <summary>The unit says a name the question asks a figure of, one that is not a compared thing nor the note's
    /// subject, and says it ahead of no figure in that figure's own clause: not what a figure is about ("paid Quill
    /// messaging crossed a $1B run-rate"), so the name is a measure of its own.</summary>
    private static bool NamesAnotherMeasure(QuestionFrame q, Scored best) =>
        q.Focus.Select((f, i) => (f, m: best.Candidate.Matches[i]))
            .Any(x => !x.f.IsFrame && x.f.IsName && !x.f.IsSubject && !q.PeerWords.Contains(x.f.Key) && x.m is { Exact: true, Offset: >= 0 } said
                      && !best.Unit.Figures.Any(g => best.Unit.SegmentAt(g.Start).Contains(said.Offset) && said.Offset < g.Start));

    // "named Gizmo", "called the Gizmo line", "codenamed Gizmo", "known as Gizmo": a verb of naming before a name
    [GeneratedRegex(@"\b(?:named|called|dubbed|codenamed|nicknamed|known\s+as)\s+(?:the\s+)?\p{Lu}")]
    private static partial Regex NamingVerbRegex();

    /// <summary>Whether a unit meets every content word of the question that another says in the same words (but one).</summary>
    private bool MeetsAllMetBy(QuestionFrame q, Scored unit, Scored other, int except) =>
        q.Focus.Select((f, i) => (f, i)).All(x => x.i == except || x.f.IsFrame || !other.Candidate.Matches[x.i].Exact
                                                  || unit.Candidate.Matches[x.i].Score >= Tuning.UnmetBelow);

    /// <summary>A unit as the reranker scored it, or — ranked too low for it — with its retrieval matches and the best
    /// unit's scores, to be quoted first.</summary>
    private static Scored? AsScored(List<Scored> scored, IReadOnlyList<Candidate> ranked, NoteUnit unit) =>
        scored.FirstOrDefault(s => s.Unit == unit) ?? (ranked.FirstOrDefault(c => c.Unit == unit) is { } c ? scored[0] with { Candidate = c } : null);

    /// <summary>The question states a figure ("… the $41B number?") that a unit the reranker scored gives exactly: the
    /// correction quotes the likeliest unit, for the thing asked, and that one. Null where it states none (a version in
    /// a name, "Zeta 4.2", and a year are no figure stated) or no unit gives it.</summary>
    private Answer? StatedFigureOfAnother(QuestionFrame q, List<Scored> scored)
    {
        // a claim checked (a yes/no question, or one said as a statement), not a figure taken as the name of what is
        // asked about ("how much of the $40B budget went to chips?")
        if (q.Type != AnswerType.YesNo && QuestionReader.HasWhWord(q.Text)) return null;
        // a figure with its unit or scale ("$41B", "40%"): a bare number may be a version the asker wrote in lower case
        // (a percent sign set apart, "gizmotest 2.0 %?", asks for a percentage of a version rather than stating one)
        var figures = Quantities.FiguresIn(q.Text).Where(g => g.Kind != FigureKind.Number && !SpacedPercentRegex().IsMatch(g.Text)).ToList();
        int at = q.Focus.ToList().FindIndex(f => !q.PeerWords.Contains(f.Key) && figures.Any(g => f.Start >= g.Start && f.Start < g.End));
        if (at < 0 || scored.FirstOrDefault(s => s.Candidate.Matches[at] is { Exact: true, Score: >= 1 }) is not { } statedIn) return null;
        return _composer.StatedFigureOfAnother(q, q.Focus[at].Word.TrimEnd('?', '.', '!', ','), scored.MaxBy(s => s.Probability)!.Unit, statedIn.Unit,
            statedIn.Candidate.Matches[at].Offset);
    }

    /// <summary>Puts a unit that answers the question first, ahead of those the reranker preferred.</summary>
    private static void MoveFirst(List<Scored> scored, Scored s)
    {
        scored.Remove(s);
        scored.Insert(0, s);
    }

    /// <summary>The unit says when in words, not by a date ("rolling out in coming weeks to Zeta, Acme and Gizmo"),
    /// and meets in its own text every name the question uses and every other content word but one (a list's commas
    /// part the clauses, so the sentence is the span).</summary>
    private bool SaysWhenInWords(QuestionFrame q, Scored s)
    {
        if (s.Unit.IsRow || Language.English.VagueTimeIn(s.Unit.Text) is null) return false;
        var content = q.Focus.Select((f, i) => (f, m: s.Candidate.Matches[i])).Where(x => !x.f.IsFrame).ToList();
        // every name the question uses is said, and every other word but one: the act asked ("when does Acme hit
        // Zeta's store?", "… land on …") may be said in the note's own verb ("rolling out in coming weeks to Zeta")
        static bool Met(WordMatch m, double below) => m.Score >= below && m.Offset >= 0;
        return content.Count > 0 && content.Where(x => x.f.IsName).All(x => Met(x.m, Tuning.UnmetBelow))
               && content.Count(x => !Met(x.m, Tuning.UnmetBelow)) <= (content.Count > 1 ? 1 : 0);
    }

    /// <summary>Every content word of the question that <paramref name="other"/> meets, <paramref name="s"/> meets too.</summary>
    private bool MeetsAllOf(QuestionFrame q, Scored s, Scored other) =>
        q.Focus.Select((f, i) => i).Where(i => !q.Focus[i].IsFrame && other.Candidate.Matches[i].Score >= Tuning.UnmetBelow)
            .All(i => s.Candidate.Matches[i].Score >= Tuning.UnmetBelow);

    /// <summary>The parts of a multi-part question that nothing the answer quotes meets ("…, and where is it made?").</summary>
    private List<int> UnmetParts(QuestionFrame q, Evidence evidence) =>
        q.Parts < 2 ? [] : q.Content.Select(f => f.Part).Distinct()
            .Where(p => evidence.Units.Max(u => Aligner.Coverage(q, u.Candidate.Matches, f => f.Part == p)) < Tuning.UnmetBelow)
            .ToList();

    /// <summary>The answer, then each part it left unmet that the note does not answer when asked on its own, named
    /// as what the note does not say.</summary>
    private Answer WithUnmetParts(Answer whole, QuestionFrame q, List<int> unmet)
    {
        // the parts as the reader split them, of the question as it read it (a follow-up's context already in)
        var parts = QuestionReader.PartsOf(q.Text);
        var extra = unmet.Where(p => p < parts.Count)
            .Select(p => Trace(new Question(_reader.WithAntecedent(parts[p], parts.Take(p)))).Answer)
            // a fragment asked alone ("and who makes it?") is answered too loosely to add; its refusal is what counts
            .Where(a => a.Abstained).ToList();
        return extra.Count == 0 ? whole : Merge(whole.Question, [whole, .. extra]);
    }

    /// <summary>
    /// "which maker has the smallest window in the table, and what's that model's GadgetEval?": a first part that asks
    /// which thing stands at an extreme of a table, and a second that points back at the thing it finds ("that model",
    /// "it") without naming one. The first part is answered alone, and the second asked of each thing its headline
    /// names (more than one where they tie); null when the parts are not so, or the first part's answer names none.
    /// </summary>
    private Answer? AnswerOfDependentParts(string asked, string? previous)
    {
        var parts = QuestionReader.PartsOf(asked);
        if (parts.Count != 2 || !QuestionReader.PointsBack(parts[1]) || _peersIn(parts[0]).Count > 0 || _peersIn(parts[1]).Count > 0) return null;
        var first = parts[0].TrimEnd('?', '.', '!', ' ') + "?";
        if (_selector.Extreme(_reader.Read(first, previous)) is null) return null;
        var found = Trace(new Question(first, previous)).Answer;
        // (things tied at the extreme are each asked about)
        if (found.Abstained || found.Headline is null || _peersIn(found.Headline) is not { Count: > 0 } things || things.Count > Tuning.MaxQuotes) return null;
        return Merge(asked, [found, .. things.Select(thing => Trace(new Question(QuestionReader.PointedAt(parts[1], thing.Label), previous)).Answer)]);
    }

    /// <summary>
    /// A multi-part question the note answers only in part: each part is asked on its own, so that one part the
    /// note lacks does not sink the parts it has; the reply answers those and says which it does not. Null when the
    /// question has one part or the note answers none of them.
    /// </summary>
    private Answer? AnswerByParts(string asked, string? previous)
    {
        var parts = PartQuestions(asked, previous);
        if (parts.Count < 2) return null;
        var answers = new List<Answer>();
        foreach (var (part, leans) in parts)
        {
            // a part with no words of its own asks of the part before's topic ("how many Acme gadgets sold, and what do
            // they cost?"): where the note has nothing on that, it has nothing for this part either
            if (answers.Count > 0 && answers[^1].Abstained && leans) continue;
            answers.Add(Trace(part).Answer);
        }
        return answers.All(a => a.Abstained) ? null : Merge(asked, answers);
    }

    /// <summary>Each part of a multi-part question as a question of its own, a pronoun for a thing an earlier part
    /// named spelled out ("…, and what's its score?").</summary>
    /// <returns>Each part's question, and whether it leans on the part before: it has no words of its own ("…, and what
    /// range did it give for 2026?": only the kind of answer and a year), so it is asked of that part's topic.</returns>
    private List<(Question Question, bool Leans)> PartQuestions(string asked, string? previous)
    {
        var parts = QuestionReader.PartsOf(asked);
        return parts.Select((p, i) =>
        {
            bool leans = i > 0 && !_reader.Read(p).Content.Any();
            // ("…, and what did Zeta get on it?" asks the part before's measure of Zeta, as that follow-up would; so does
            // a part that leans, of the part before's topic)
            var question = i > 0 && (leans || QuestionReader.AsksMeasureBefore(p)) ? new Question(p, parts[i - 1])
                : new Question(QuestionReader.WithItsQuestion(parts, i) ?? _reader.OfEarlierThing(p, parts.Take(i)) ?? _reader.WithAntecedent(p, parts.Take(i)), previous);
            return (question, leans);
        }).ToList();
    }

    /// <summary>The question asked part by part, when every part alone gets a headline figure and the whole's
    /// headline lacks one of them; null otherwise.</summary>
    private Answer? FigureByPart(string asked, string? previous, Answer whole)
    {
        var asParts = PartQuestions(asked, previous).Select(p => p.Question).ToList();
        // a headline with a figure for each part already answers them all
        if (asParts.Count < 2 || (whole.Headline is { } h && HeadlineFigure().Count(h) >= asParts.Count)) return null;
        // only where a part asks a figure, a date or a span (reading is cheap; answering each part is not)
        if (!asParts.Any(p => _reader.Read(p.Text ?? "", previous).Type is AnswerType.Quantity or AnswerType.Date or AnswerType.Duration)) return null;
        var answers = asParts.Select(p => Trace(p).Answer).ToList();
        return answers.All(a => !a.Abstained && a.Headline is not null)
               && answers.Any(a => whole.Headline is null || !whole.Headline.Contains(a.Headline!.Trim('*'), StringComparison.Ordinal))
            ? Merge(asked, answers) : null;
    }

    /// <summary>"what was the outlay in 2025 and 2026?", "outlay 2025 vs 2026": one figure asked for several periods,
    /// asked period by period when each gets a headline figure of its own and the whole's headline (if any) lacks
    /// one of them; null otherwise. No one clause gives a figure for two periods, so the whole finds none.</summary>
    private Answer? FigureByPeriod(QuestionFrame q, string? previous, Answer? whole)
    {
        if (q.Type != AnswerType.Quantity || q.FollowsUp || q.Peers.Count >= 2 || q.Dates.Count < 2
            || q.Dates.Select(d => d.Period).Distinct().Count() != q.Dates.Count) return null;
        if (whole?.Headline is { } h && HeadlineFigure().Count(h) >= q.Dates.Count) return null;
        // "2025 capex and the 2026 guide?", "2025 capex vs the 2026 guide?": where "and" (or a word setting them
        // against each other) parts the question into spans that each say one period, each span is that period's
        // question ("2025 capex", "the 2026 guide"); else the whole question for each period
        // ("compare 2025 capex with the 2026 guide": the imperative's "with" or "to" sets the two sides apart)
        var said = QuestionReader.WithoutKindOnlyEnding(q.Text).TrimEnd('?', '.', '!', ' ');
        var spans = CompareOpeningRegex().Match(said) is { Success: true } compare
            ? CompareJoinRegex().Split(said[compare.Length..]) : PeriodJoinRegex().Split(said);
        bool ownSpans = spans.Length == q.Dates.Count
                        && q.Dates.All(d => spans.Count(sp => sp.Contains(d.Text, StringComparison.Ordinal)) == 1)
                        && spans.All(sp => q.Dates.Count(d => sp.Contains(d.Text, StringComparison.Ordinal)) == 1
                                           && SaysAThing(q.Dates.Aggregate(sp, (rest, d) => rest.Replace(d.Text, "", StringComparison.Ordinal))));
        Answer? AskedPerPeriod(Func<DateMention, string> question)
        {
            var answers = q.Dates.Select(keep => Trace(new Question(question(keep), previous)).Answer).ToList();
            // refused whole ("capex for 2025 and 2031?"): the periods the note gives a figure for are answered, and
            // its silence on the others said, as for the parts of a question
            return ByPeriod(q.Asked, answers, q.Dates.Select(d => d.Text).ToList(), preface: null)
                   ?? (whole is null && answers.Any(a => a.Abstained) && answers.Any(a => !a.Abstained && a.Headline is not null) && PeriodsStandApart(q)
                       ? Merge(q.Asked, answers) : null);
        }
        // (a span may lean on the other for its thing: "capex 2025 vs 2026 guide, both pls" — then the whole, per period)
        return (ownSpans ? AskedPerPeriod(keep => spans.First(sp => sp.Contains(keep.Text, StringComparison.Ordinal)).Trim() + "?") : null)
               ?? AskedPerPeriod(keep => PeriodAlone(q.Text, q.Dates, keep));
    }

    /// <summary>
    /// "spark ctx window and price per 1M tokens?", "zeta gadgeteval + its widgetbench?" refused whole (no one unit
    /// gives both): each of the two things joined by "and" asked on its own, the second of the compared thing the first
    /// names; answered when a part gets a headline, the other part said as the note's silence. Each part must say at
    /// least two words of its own ("ads on facebook and instagram" is one thing asked of two places).
    /// </summary>
    private Answer? ThingsByPart(QuestionFrame q, string? previous)
    {
        if (q.Parts > 1 || q.Peers.Count > 1 || q.FollowsUp || q.Type == AnswerType.YesNo) return null;
        var pieces = AndJoinRegex().Split(q.Text.TrimEnd('?', '.', '!', ' '));
        static int Words(string piece) => QuestionReader.ContentWords(piece).Count(w => w.Any(char.IsLetter));
        // ("zeta's gadgeteval and its widgetbench?": a second part that opens with "its" has a thing of its own, the first's)
        if (pieces.Length != 2 || Words(pieces[0]) < 2 || Words(pieces[1]) < (OwnerPronounRegex().IsMatch(pieces[1].Trim()) ? 1 : 2)) return null;
        var second = LeadingPossessiveRegex().Replace(pieces[1].Trim(), "");
        if (q.Peers is [var thing] && !_peersIn(second).Contains(thing))
            second = $"{thing.Label} {second}";
        var answers = new[] { pieces[0].Trim() + "?", second + "?" }.Select(p => Trace(new Question(p, previous)).Answer).ToList();
        return answers.Any(a => !a.Abstained && a.Headline is not null) ? Merge(q.Asked, answers) : null;
    }

    [GeneratedRegex(@"\s*,?\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndJoinRegex();

    // "its X", "their X": the second part's thing, spelled out from the first
    [GeneratedRegex(@"^(?:its|their|the)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPossessiveRegex();

    [GeneratedRegex(@"^(?:its|their)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerPronounRegex();

    /// <summary>A span of a question says a thing of its own: a word that is neither a function word nor one naming
    /// the kind of answer ("capex 2025" does; "2026 range" only asks the kind of figure, of the thing said before it).</summary>
    private static bool SaysAThing(string span) =>
        QuestionReader.ContentWords(span).Any(w => w.Any(char.IsLetter) && !English.AnswerTypeNouns.Contains(w));

    /// <summary>
    /// "how much did the outlay grow?", "how did the outlay change from 2025 to 2026?" where the note gives no change,
    /// only the outlay in each of two periods or more: those levels, each with its period, saying that the change
    /// itself is not given. The periods are the question's, or else those of the clauses that give the thing's
    /// figures in its best units. Null when fewer than two periods each get a figure.
    /// </summary>
    private Answer? LevelsForChange(QuestionFrame q, string? previous, IReadOnlyList<Scored> scored)
    {
        // a change read as the figure asked ("how much did X grow?"), or two periods set against each other with a
        // word of change ("how did X change from 2025 to 2026?"); not a verb that only sounds like one ("what did they
        // drop on X?" asks money)
        // … or two periods set against each other by how much one exceeds the other ("how much higher is the 2026 outlay
        // than 2025's?"), which the levels answer as well as any change
        bool asksChange = q.Type == AnswerType.Quantity ? (q.AsksChange && q.WantedFigure == FigureKind.Percent) || (q.Dates.Count >= 2 && q.Comparative != 0)
            : q.Dates.Count >= 2 && q.Focus.Any(f => English.ChangeWords.Contains(f.Word.ToLowerInvariant()));
        if (q.FollowsUp || q.Peers.Count >= 2 || !asksChange) return null;
        bool InDate(FocusWord f) => q.Dates.Any(d => f.Start >= d.Start && f.Start < d.End);
        // (a period's standing, "2026 guide" against "2025 actual", is no part of what is measured in each)
        var measure = q.Focus.Where(f => !f.IsFrame && !English.ChangeWords.Contains(f.Word.ToLowerInvariant()) && !InDate(f)
                                         && !English.StandingOfFigure.Contains(f.Key)).ToList();
        if (measure.Count == 0) return null;
        var periods = q.Dates.Count >= 2 ? q.Dates.Select(d => (d.Text, d.Period)).ToList() : PeriodsGiven(measure, scored);
        if (periods.Select(p => p.Period).Distinct().Count() < 2) return null;
        // the thing as the question words it, without the note's subject ("Acme's outlay" is the outlay)
        var thing = string.Join(' ', (measure.Any(f => !f.IsSubject) ? measure.Where(f => !f.IsSubject) : measure).Select(f => f.Word).Distinct(StringComparer.OrdinalIgnoreCase));
        var answers = periods.Select(p => Trace(new Question($"how much was {thing} in {p.Text}?", previous)).Answer).ToList();
        // "how much higher is 2026 than 2025?", "how did it change?": the difference, worked out from the two levels
        // and said to be
        var difference = answers is [{ Headline: { } first }, { Headline: { } second }]
            ? Quantities.Difference(first.Trim('*'), second.Trim('*')) : null;
        return ByPeriod(q.Asked, answers, periods.Select(p => p.Text).ToList(),
            preface: $"The note gives no figure for the change itself; it gives {thing} for each period"
                     + (difference is null ? ":" : $" (a difference of {difference}, worked out from them):"));
    }

    /// <summary>The periods of the clauses that give a figure and say the thing (every word of it but the names,
    /// which the unit may say once for all its clauses: "Acme spent $20B in 2031 and guided 2032 spending to $30B"),
    /// in the best three units, earliest first.</summary>
    private static List<(string Text, Period Period)> PeriodsGiven(IReadOnlyList<FocusWord> thing, IReadOnlyList<Scored> scored)
    {
        var words = thing.Where(f => !f.IsSubject && !f.IsName).ToList();
        if (words.Count == 0) return [];
        bool Says(NoteUnit unit, FocusWord f, Segment? clause) => unit.Words.Any(w => (clause is null || clause.Holds(w.Start)) && w.Terms.Any(f.Terms.Contains));
        var periods = new List<(string Text, Period Period)>();
        foreach (var unit in scored.Take(3).Select(s => s.Unit).Where(u => thing.Where(f => f.IsName && !f.IsSubject).All(f => Says(u, f, null))))
            foreach (var figure in unit.Figures.Where(f => f.Kind != FigureKind.Number))
            {
                var clause = unit.SegmentAt(figure.Start);
                if (!words.All(f => Says(unit, f, clause))) continue;
                foreach (var date in unit.Dates.Where(d => clause.Holds(d.Start) && !periods.Any(p => p.Period == d.Period)))
                    periods.Add((date.Text, date.Period));
            }
        return periods.OrderBy(p => p.Period.Year).ThenBy(p => p.Period.Quarter ?? 0).ThenBy(p => p.Period.Month ?? 0).ToList();
    }

    /// <summary>One reply from one figure's answers for several periods: one headline, each figure with its period
    /// label, each quote once (the periods' figures are often one sentence's); null unless each period has a
    /// headline figure of its own.</summary>
    private static Answer? ByPeriod(string asked, IReadOnlyList<Answer> answers, IReadOnlyList<string> labels, string? preface)
    {
        if (!answers.All(a => !a.Abstained && a.Headline is not null) || answers.Select(a => a.Headline).Distinct().Count() != answers.Count) return null;
        var citations = new List<Citation>();
        var flags = new List<ConfidenceFlag>();
        var lines = new List<string>();
        foreach (var a in answers)
        {
            var body = a.Text.StartsWith(a.Headline!, StringComparison.Ordinal) ? a.Text[a.Headline!.Length..] : a.Text;
            foreach (var line in body.Split('\n').Where(l => l.Trim().Length > 0))
                if (Renumbered(line, a, citations) is var renumbered && !lines.Contains(renumbered)) lines.Add(renumbered);
            foreach (var f in a.Flags.Where(f => !flags.Contains(f))) flags.Add(f);
        }
        var headline = string.Join(" · ", answers.Select((a, i) => $"{a.Headline} ({labels[i]})"));
        var text = (preface is null ? "" : preface + "\n\n") + headline + "\n\n" + string.Join("\n", lines);
        return new Answer(asked, text, false, citations, flags, headline);
    }

    [GeneratedRegex(@"\s*,?\s+(?:and|vs\.?|versus|against|compared\s+(?:to|with))\s+", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodJoinRegex();

    [GeneratedRegex(@"\d\s+%")]
    private static partial Regex SpacedPercentRegex();

    [GeneratedRegex(@"^\W*(?:(?:can|could)\s+you\s+|please\s+|pls\s+)?compare\s+", RegexOptions.IgnoreCase)]
    private static partial Regex CompareOpeningRegex();

    [GeneratedRegex(@"\s*,?\s+(?:and|with|to|vs\.?|versus|against)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex CompareJoinRegex();

    /// <summary>The question's periods are each asked on their own: none set against another ("2031 versus 2026": no
    /// comparison without both) and none inside another ("how much of 2025's capex fell in Q4 2025?").</summary>
    private static bool PeriodsStandApart(QuestionFrame q)
    {
        if (q.Dates.Any(a => q.Dates.Any(b => a != b && a.Period.Answers(b.Period)))) return false;
        var inOrder = q.Dates.OrderBy(d => d.Start).ToList();
        return !inOrder.Skip(1).Select((d, i) => q.Text[Math.Min(inOrder[i].End, d.Start)..d.Start]).Any(between => SetAgainstRegex().IsMatch(between));
    }

    [GeneratedRegex(@"\b(?:vs\.?|versus|against|compared|than|over)\b|\bto\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SetAgainstRegex();

    /// <summary>The question with one of its periods only: each other one left out with the word that joins it
    /// ("in 2025 and 2026" → "in 2025", "2025 vs 2026" → "2026").</summary>
    private static string PeriodAlone(string text, IReadOnlyList<DateMention> dates, DateMention keep)
    {
        foreach (var d in dates.Where(d => d != keep).OrderByDescending(d => d.Start))
        {
            var before = JoinBeforeRegex().Match(text[..d.Start]);
            var after = JoinAfterRegex().Match(text[d.End..]);
            text = before.Success ? text[..before.Index] + text[d.End..]
                : after.Success ? text[..d.Start] + text[(d.End + after.Length)..]
                : text[..d.Start] + text[d.End..];
        }
        return MultiSpaceRegex().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s*\b(?:and|or|vs\.?|versus|than|to|against|compared\s+(?:with|to))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex JoinBeforeRegex();

    [GeneratedRegex(@"^\s*(?:and|or|vs\.?|versus|than|to|against|compared\s+(?:with|to))\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex JoinAfterRegex();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultiSpaceRegex();

    /// <summary>A bold-faced figure of a headline.</summary>
    [GeneratedRegex(@"\*\*[^*]+\*\*")]
    private static partial Regex HeadlineFigure();

    /// <summary>
    /// "Acme vs Zeta on GadgetEval?" where the note gives the named measure for one side, or for neither: each side's
    /// own figure asked on its own ("what is Acme's GadgetEval?"), the figures there are and, for a side with none, the
    /// refusal that says whom the note gives it for. Null unless a side has no figure and the question names its measure
    /// by a name of the note's (a benchmark, not a general word a quote may say in passing).
    /// </summary>
    private Answer? SidesOneByOne(QuestionFrame q, IReadOnlyList<Candidate> ranked)
    {
        var sides = q.Peers.Where(p => !q.SetAside.Contains(p)).ToList();
        if (sides.Count < 2 || sides.Count > Tuning.MaxQuotes || !q.Comparison || q.Parts > 1) return null;
        var measure = q.Content.Where(f => !q.PeerWords.Contains(f.Key) && !f.IsSubject && f.Terms.Count > 0).ToList();
        var names = measure.Where(f => f.IsName && f.InNote).ToList();
        if (names.Count == 0) return null;
        // (asked side by side only where a side has no unit that speaks of it and says the measure: each side asked
        // alone is a whole answer's work, and most comparisons find every side's)
        bool Said(Peer p) => ranked.Any(c => (c.Unit.Peers.Contains(p) || c.Unit.Segments.Any(s => s.Owners.Contains(p)))
                                             && names.All(f => f.Terms.All(c.Unit.Terms.Contains)));
        if (sides.All(Said)) return null;
        var what = string.Join(' ', measure.Select(f => f.Word));
        // (each side's figure said with the side's name: "**Acme 40%**")
        var answers = sides.Select(p => Trace(new Question($"what is {p.Label}'s {what}?")).Answer is var a
            && !a.Abstained && a.Headline is { } h && a.Text.StartsWith(h, StringComparison.Ordinal) && AnswerComposer.BareHeadlineRegex().IsMatch(h)
                ? a with { Text = $"**{p.Label} {h[2..]}" + a.Text[h.Length..], Headline = $"**{p.Label} {h[2..]}" } : a).ToList();
        if (!answers.Any(a => a.Abstained)) return null;
        if (answers.All(a => a.Abstained))
            return Refuse(q.Asked, string.Join("\n\n", answers.Select(a => a.Text.Split("\n\n")[0]).Distinct()) + "\n\nType `sections` to see what the note covers.");
        return answers.Any(a => a.Headline is not null) ? Merge(q.Asked, answers) : null;
    }

    /// <summary>One reply from the replies to a question's parts: answers with their quotes (markers renumbered into
    /// one citation list), refusals as the line that names what the note does not say.</summary>
    private static Answer Merge(string asked, IReadOnlyList<Answer> answers)
    {

        var citations = new List<Citation>();
        var flags = new List<ConfidenceFlag>();
        var text = new StringBuilder();
        foreach (var a in answers)
        {
            // a part answered by the quotes an earlier part already gave adds its headline alone, pointing at them (or,
            // with none, nothing); not a verdict that introduces its quotes ("**No** — the note says:")
            if (!a.Abstained && a.Citations.Count > 0 && a.Citations.All(citations.Contains) && a.Headline?.EndsWith(':') != true)
            {
                if (a.Headline is null) continue;
                text.Append("\n\n").Append(a.Headline).Append(' ').AppendJoin("", a.Citations.Select(c => $"[{citations.IndexOf(c) + 1}]"));
                foreach (var f in a.Flags.Where(f => !flags.Contains(f))) flags.Add(f);
                continue;
            }
            if (text.Length > 0) text.Append("\n\n");
            if (a.Abstained)
            {
                // the refusal's first line names what this part asked for; the rest is for whole refusals
                text.Append(a.Text.Split("\n\n")[0]);
                continue;
            }
            text.Append(Renumbered(a.Text, a, citations));
            foreach (var f in a.Flags.Where(f => !flags.Contains(f))) flags.Add(f);
        }
        var headlines = answers.Where(a => !a.Abstained && a.Headline is not null).Select(a => a.Headline!).ToList();
        return new Answer(asked, text.ToString(), false, citations, flags, headlines.Count > 0 ? string.Join(" · ", headlines) : null);
    }

    /// <summary>A text of one part's answer with its markers, which point into that answer's own citations,
    /// renumbered into the combined list (its citations added to it where they are not already).</summary>
    private static string Renumbered(string text, Answer part, List<Citation> citations)
    {
        var numbers = part.Citations.Select(c =>
        {
            int at = citations.IndexOf(c);
            if (at < 0) { citations.Add(c); at = citations.Count - 1; }
            return at + 1;
        }).ToList();
        return CitationMarker().Replace(text, m => int.TryParse(m.Groups[1].Value, out var n) && n >= 1 && n <= numbers.Count ? $"[{numbers[n - 1]}]" : m.Value);
    }

    // "Dana's title", "her official job title", "dana job title": the title is asked of someone, said as they say a
    // thing's attribute with no question word ("wang's exact title at meta?")
    [GeneratedRegex(@"(?:(?:['’]s?|\b(?:his|her|their))\s+(?:(?:job|official|formal|exact|actual|current|full|proper)\s+){0,2}|\b(?:job|official|formal|exact|actual|current|full|proper)\s+|^\W*[\p{L}.-]+\s+)\p{L}+$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleOfRegex();

    // "which Zeta spokesperson …": the role right after "which", past at most two words that modify it
    [GeneratedRegex(@"\bwhich\s+(?:[\w'’.-]+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex WhichBeforeRegex();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex CitationMarker();

    /// <summary>The answerability features of the best-fused candidates, for scoring here and for fitting in `tune`.</summary>
    public IEnumerable<(Candidate Candidate, double[] Features)> Score(QuestionFrame q, IReadOnlyList<Candidate> ranked) =>
        ranked.Take(Tuning.Candidates).Select(c => (c, AnswerabilityFeatures.Of(q, c, Tuning, _noteHas)));

    /// <summary>Reads a question without answering it, for `tune`.</summary>
    public (QuestionFrame Question, List<Candidate> Ranked) Retrieve(Question question)
    {
        var q = _reader.Read(question.Text ?? "", question.PreviousQuestion);
        return (q, _retriever.Rank(q, _retriever.Encode(q)));
    }

    /// <summary>How the engine read a question and ranked units, for the note's maintainers (`musebot explain`).</summary>
    public string Explain(string question, string? previous = null, int top = 15)
    {
        var trace = Trace(new Question(question, previous));
        var sb = new StringBuilder();
        if (trace.Question is { } q) sb.Append($"read: {q}\n");
        sb.Append($"answerability: {trace.Answerability:F3} (threshold {_model?.Threshold:F3}) → {(trace.Answer.Abstained ? "refuse" : "answer")}")
          .Append(trace.Refusals.Length > 0 ? $" (reasons to refuse: {trace.Refusals})\n" : "\n");
        sb.Append("candidates (probability · fused rank · features):\n");
        foreach (var s in trace.Scored.Take(top))
        {
            var features = string.Join(" ", AnswerabilityFeatures.Names.Select((n, i) => $"{n}={s.Features[i]:F2}"));
            var text = s.Unit.Text.Length > 90 ? s.Unit.Text[..90] + "…" : s.Unit.Text;
            sb.Append($"  {s.Probability:F3} #{s.Candidate.Rank} {s.Unit.Id} {text}\n      {features}\n");
            // how each word of the question is met in this unit: said (=), else its closest word's similarity (~)
            if (trace.Question is { } read)
                sb.Append("      words: ").AppendJoin(" ", read.Focus.Select((f, i) => (f, m: s.Candidate.Matches[i])).Where(x => !x.f.IsFrame)
                    .Select(x => FormattableString.Invariant($"{x.f.Word}{(x.m.Exact ? "=" : "~")}{x.m.Score:F2}"))).Append('\n');
        }
        // which of the best unit's figures would answer, and why the others would not
        if (trace.Question is { } asked && trace.Scored is [var first, ..] && first.Unit.Figures.Count > 0)
            sb.Append("figures of the best: ").AppendJoin("; ", FigureAttachment.Figures(asked, first.Unit, first.Candidate.Matches).Select(a => FormattableString.Invariant(
                $"{a.Text} fit={a.Fit:F2}{(a.KindFits ? "" : " kind-unfit")}{(a.NameAway ? " name-away" : "")}{(a.MeasureAway ? " measure-away" : "")}{(a.OwnClause ? "" : " not-own-clause")} measure={a.MeasureMet:F2}"))).Append('\n');
        sb.Append("\nanswer:\n").Append(trace.Answer.Text).Append('\n');
        return sb.ToString();
    }

    /// <summary>Empty, oversized, symbol-only and non-English input gets the guard's friendly reply before any
    /// search: the same guard and wording every channel's turn applies first.</summary>
    private Answer? Guard(string asked) =>
        QuestionGuard.Refusal(QuestionGuard.Clean(asked), _examples) is { } message ? Refuse(asked, message) : null;

    /// <summary>"when do the bigger Acme models ship?": the best unit leaves one of the question's most specific words
    /// unmet, and another unit an answer would quote meets them and gives no date: the best one's date is of something
    /// else, and the note speaks of the thing asked only undated. That unit; null otherwise.</summary>
    private Scored? UndatedThing(QuestionFrame q, IReadOnlyList<Scored> scored)
    {
        // (the word that names the date asked, "ship date for …", is met by a date, not by the thing)
        var content = q.Focus.Select((f, i) => (f, i)).Where(x => !x.f.IsFrame && !(x.f.IsSlot && Language.English.AnswerTypeNouns.Contains(x.f.Key))).ToList();
        if (content.Count == 0 || scored.Count < 2) return null;
        double max = content.Max(x => x.f.Weight);
        var unmet = content.Where(x => x.f.Weight >= max / 2 && scored[0].Candidate.Matches[x.i].Score < Tuning.UnmetBelow).Select(x => x.i).ToList();
        // most of what the best unit leaves unmet, by weight: the act asked of the thing ("ship", "drop") may be said
        // in other words, or not at all, by a unit that speaks of the thing undated
        double unmetWeight = unmet.Sum(i => q.Focus[i].Weight);
        return unmet.Count == 0 ? null
            // (the next units as ranked, which puts those with a date first, or one as likely as a further quote must be)
            : scored.Skip(1).Take(Tuning.MaxQuotes - 1).Concat(scored.Skip(1).Where(s => s.Probability >= scored[0].Probability * Tuning.FurtherQuoteRatio))
                .FirstOrDefault(s => unmet.Where(i => s.Candidate.Matches[i].Score >= Tuning.UnmetBelow).Sum(i => q.Focus[i].Weight) > unmetWeight / 2
                                     && s.Unit.Dates.Count == 0);
    }

    private static Answer Refuse(string asked, string message) => new(asked, message, true, [], []);

    /// <summary>"which makers beat Acme on GizmoTest?" → "what is Acme Widget's GizmoTest figure?": the one named thing's own
    /// figure for the measure, which any comparison with it needs ("figure" asks for one). Null when the question says no measure.</summary>
    private static string? OwnMeasureQuestion(QuestionFrame q)
    {
        // the measure is said after the comparative ("… beat Acme on GizmoTest"); the words before it name the things
        // asked for ("which makers …")
        var measure = q.Content.Where(f => f.Start >= q.BeyondFrom && !q.PeerWords.Contains(f.Key)).Select(f => f.Word).ToList();
        return measure.Count == 0 ? null : $"what is {q.Peers[0].Label}'s {string.Join(' ', measure)} figure?";
    }
}

/// <summary>Which models the engine retrieves and aligns with; named, so that its fitted answerability model can be found.</summary>
/// <param name="RetrievalModel">Pooled query→passage vectors for dense retrieval; null for none.</param>
/// <param name="AlignmentModel">Per-word contextual vectors for late interaction; null for none (exact terms only).</param>
public sealed record EngineConfiguration(EncoderModel? RetrievalModel, EncoderModel? AlignmentModel)
{
    /// <summary>"semantic" with any encoder, "lexical" without: each has its own fitted model.</summary>
    public string Name => RetrievalModel is null && AlignmentModel is null ? "lexical" : $"semantic:{RetrievalModel?.Name ?? "none"}+{AlignmentModel?.Name ?? "none"}";

    public IReadOnlyList<EncoderModel> Models => new[] { RetrievalModel, AlignmentModel }.OfType<EncoderModel>().Distinct().ToList();
}
