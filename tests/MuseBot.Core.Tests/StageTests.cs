using MuseBot.Contracts;
using MuseBot.Core.Answering;
using MuseBot.Core.Language;
using MuseBot.Core.Note;
using MuseBot.Core.Retrieval;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Tests;

/// <summary>Each stage of the answer engine on its own, on small texts of our own.</summary>
public sealed class StageTests
{
    private const string Note = """
        Widget Note
        1. Overview
        Acme reported 12.5% on WidgetBench, 40.1% on GadgetEval, and a 2M unit backlog.
        The trade press ranks Acme at 40% on GizmoTest, just behind Zeta at 41%.
        In Q4 2025, Nimbus spent $3B on plants and guided 2026 spending to $4B-$5B.
        Nimbus launched its widget on May 4, 2026, after 9 months of work.
        Zeta Widget 3.2 uses a Gizmo 4 Max chip.
        | Maker | Benchmark position | Capacity |
        |---|---|---|
        | Acme Widget | WidgetBench 12.5% | 2M units |
        | Zeta Widget | GadgetEval 33.0%, GizmoTest 41% | 5M units |
        2. Risks
        Nimbus says its widget lasts ten years. Those are Nimbus claims, not independently established proof.
        Confidence is high on shipments but lower on broader extrapolations.
        | Topic | What this supports | What still requires separate work |
        |---|---|---|
        | Supply | Demand is real. | Exact supplier volumes. |
        """;

    private static readonly NoteModel Model = new(NoteParser.Parse(Note), Glossary.Empty);
    private static readonly QuestionReader Reader = new(Model, new NoteVocabulary(Model.Document));

    /// <summary>A note of a few lines of our own, and its reader.</summary>
    private static (NoteModel Model, QuestionReader Reader) Small(string note)
    {
        var model = new NoteModel(NoteParser.Parse(note), Glossary.Empty);
        return (model, new QuestionReader(model, new NoteVocabulary(model.Document)));
    }

    private static NoteUnit Unit(string startsWith) => Model.Units.Single(u => u.Text.StartsWith(startsWith, StringComparison.Ordinal));

    // ---- terms ----

    [Theory]
    [InlineData("guidance", "guided", true)]    // the stemmer keeps "-ance" on a short stem
    [InlineData("reliance", "relies", true)]
    [InlineData("rebuild", "rebuilt", true)]
    [InlineData("weak", "weaker", true)]
    [InlineData("mode", "model", false)]
    [InlineData("press", "pressure", false)]   // "-ure" makes other words as often as it makes nouns of verbs
    public void Two_forms_of_one_word_are_one_term(string a, string b, bool same) =>
        Assert.Equal(same, Terms.NearStem(Terms.Of(a).Single(), Terms.Of(b).Single()));

    // ---- quantities ----

    [Fact]
    public void Figures_keep_their_units_and_ranges_and_a_name_s_version_is_not_a_figure()
    {
        var figures = Quantities.FiguresIn("spent $3B, guided $4B-$5B, 40.1% on X, a 2M backlog, after 9 months, Zeta-2.1 and Widget 3.2 Max").Select(f => f.Text).ToList();
        Assert.Equal(["$3B", "$4B-$5B", "40.1%", "2M", "9 months"], figures);
        Assert.Equal(FigureKind.Money, Quantities.FiguresIn("$4B-$5B")[0].Kind);
        Assert.Equal(FigureKind.Duration, Quantities.FiguresIn("ten years")[0].Kind);
        // a place in a sequence is not an amount
        Assert.Equal(["40%"], Quantities.FiguresIn("a customer base from day 1, phase 2 of the plan, and a 40% share").Select(f => f.Text));
    }

    [Fact]
    public void Dates_carry_their_period_and_a_quarter_is_not_answered_by_another()
    {
        var q4 = Quantities.PeriodsIn("In Q4 2025, sales rose")[0];
        var q3 = Quantities.PeriodsIn("what about q3 2025?")[0];
        Assert.Equal(new Period(2025, 4, null), q4);
        Assert.False(q4.Answers(q3));
        Assert.True(q4.Answers(new Period(2025, null, null)));
        Assert.Equal(new Period(2026, 2, 5), Quantities.DatesIn("on May 4, 2026")[0].Period);
    }

    // ---- the note model ----

    [Fact]
    public void A_list_of_figures_is_cut_into_clauses_each_owning_its_figure()
    {
        var u = Unit("Acme reported");
        var clauses = u.Segments.Select(s => u.Text[s.Start..s.End]).ToList();
        Assert.Contains("40.1% on GadgetEval", clauses);
        Assert.Contains("12.5% on WidgetBench", string.Join("|", clauses));
    }

    [Fact]
    public void A_comparison_clause_carries_on_the_measure_and_belongs_to_the_thing_it_names()
    {
        var u = Unit("The trade press ranks");
        var behind = u.Segments.Single(s => u.Text[s.Start..s.End].StartsWith("just behind", StringComparison.Ordinal));
        Assert.True(behind.Continues);
        Assert.Contains(behind.Owners, p => p.Label == "Zeta Widget");
    }

    [Fact]
    public void A_capitalized_part_of_a_hyphenated_name_is_a_name_typed_without_its_hyphen()
    {
        var (model, reader) = Small("""
            Bench Note
            1. Scores
            Acme scored 40% on Gizmo-Pro and 12% on Kite-Bench, at Acme-level prices. Zeta scored 55% on Kite-Bench.
            Reviewers ran bench tests in 2025.
            """);
        Assert.Contains("gizmo", model.ProperNouns);
        Assert.Contains("kite", model.ProperNouns);
        Assert.DoesNotContain("bench", model.ProperNouns);   // the note writes it in lower case on its own too
        Assert.DoesNotContain("level", model.ProperNouns);   // a lower-case part qualifies the name, it is not one
        // so a benchmark asked in chat ("gizmo pro", read as the note's "Gizmo-Pro") is a name the answer must say, not
        // a word it may paraphrase
        Assert.Contains(reader.Read("what did zeta get on gizmo pro?").Focus, f => f.Word.StartsWith("gizmo", StringComparison.OrdinalIgnoreCase) && f.IsName);
    }

    [Fact]
    public void A_word_the_note_capitalizes_only_inside_a_longer_name_is_the_English_word_when_typed_alone()
    {
        var (model, reader) = Small("""
            Exam Note
            1. Scores
            Acme scored 40% on Zeta's Final Exam, and Zeta's widget line grew 12% over a 30-day trial.
            Acme leads Zeta on price. Omega claims leadership on XQBT Diamond.
            """);
        Assert.Equal(["exam", "zeta"], model.NameWordsOnlyInNames["final"].Order(StringComparer.Ordinal));
        // a word that is no English word at all is the name's, typed alone too
        Assert.Contains("xqbt", model.NameWordsOnlyInNames.Keys);
        Assert.Contains(reader.Read("acme xqbt").Focus, f => f.Word == "xqbt" && f.IsName);
        Assert.DoesNotContain("zeta", model.NameWordsOnlyInNames.Keys);   // the note also writes it as a name of its own
        // typed in lower case beside another word of the name, it is the name; alone, the English word
        Assert.Contains(reader.Read("what did acme get on zeta's final exam?").Focus, f => f.Word == "final" && f.IsName);
        Assert.Contains(reader.Read("how did acme do in the final quarter?").Focus, f => f.Word == "final" && !f.IsName);
        // a count and the English word it counts is a span, not a name; a name with a version still is one
        Assert.Contains(reader.Read("how much did Zeta's line grow over a 30-day trial?").Focus, f => f.Word == "30-day" && !f.IsName);
        Assert.Contains(reader.Read("what did zeta-2 score?").Focus, f => f.Word.StartsWith("zeta-2", StringComparison.Ordinal) && f.IsName);
    }

    [Fact]
    public void A_name_the_note_writes_as_one_word_is_read_so_when_typed_as_two()
    {
        var (_, reader) = Small("""
            Eval Note
            1. Scores
            Acme scored 40% on GadgetEval, and Zeta scored 12% on the same eval.
            """);
        Assert.Contains(reader.Read("what did acme get on gadget eval?").Focus, f => f.Key == "gadgeteval" && f.IsName);
        // two words that run together into no name of the note's stay two words
        Assert.Contains(reader.Read("what did the same eval find?").Focus, f => f.Key == "eval");
    }

    [Fact]
    public void A_word_of_wholeness_the_note_never_uses_asks_nothing_of_a_figure()
    {
        var (_, reader) = Small("""
            Plant Note
            1. Spending
            Acme spent $3B on plants in 2025.
            """);
        // the figure is the whole amount: "total" is the kind of answer, not a word the unit must say
        Assert.Contains(reader.Read("what was Acme's total plant spending in 2025?").Focus, f => f.Key == "total" && f.IsFrame);
        // not where it asks no figure
        Assert.Contains(reader.Read("is the total picture good for Acme?").Focus, f => f.Key == "total" && !f.IsFrame);
    }

    [Fact]
    public void The_initials_of_a_name_with_a_possessive_in_it_spell_the_name_out()
    {
        var (model, reader) = Small("""
            Eval Note
            1. Scores
            Zeta claims leadership across Builder’s Final Test and GadgetEval.
            """);
        Assert.Equal("Builder’s Final Test", model.Acronyms["bft"]);
        Assert.Contains("Builder’s Final Test", reader.Read("does zeta lead on BFT?").Text);
    }

    [Fact]
    public void The_initials_of_what_a_figure_measures_spell_it_out_when_typed_in_capitals()
    {
        var (model, reader) = Small("""
            Subscriber Note
            1. Metrics
            Zeta had 40M weekly paying subscribers in 2025, and Quill crossed a $1B annual run-rate.
            Acme reached 3M monthly Gizmo users.
            """);
        Assert.Equal("weekly paying subscribers", model.MeasureAcronyms["wps"]);
        Assert.Equal("annual run-rate", model.MeasureAcronyms["arr"]);   // a hyphenated word gives one initial per piece
        Assert.False(model.MeasureAcronyms.ContainsKey("mgu"));           // a measure with a name in it is no metric's shorthand
        Assert.Contains("weekly paying subscribers", reader.Read("what were Zeta's WPS?").Text);
        // three letters in lower case are too often a word or a slip to be read as initials
        Assert.DoesNotContain("subscribers", reader.Read("what were zeta's wps?").Text);
    }

    [Fact]
    public void What_is_asked_of_a_thing_a_figure_measures_asks_for_the_figure()
    {
        var (_, reader) = Small("""
            Subscriber Note
            1. Metrics
            Zeta posted a $2B order backlog in 2025.
            Zeta's strategy is described as retail first.
            """);
        Assert.Equal(AnswerType.Quantity, reader.Read("what is zeta's order backlog?").Type);
        Assert.Equal(AnswerType.Quantity, reader.Read("client slide: what's the order backlog?").Type);
        Assert.Equal(AnswerType.Description, reader.Read("what is zeta's strategy?").Type);
        // "count" names the kind of answer, as "number" does: no word the answer must say
        Assert.Contains(reader.Read("what's the order backlog count?").Focus, f => f.Word == "count" && f.IsFrame);
    }

    [Fact]
    public void The_things_a_table_compares_are_peers_named_by_their_row_labels()
    {
        Assert.Contains(Model.Peers.All, p => p.Label == "Zeta Widget" && p.Aliases.Contains("zeta"));
    }

    /// <summary>A table of two versioned models and nothing else.</summary>
    private const string TwoModelsNote = """
        Widget Note
        1. Overview
        | Model | Capacity |
        |---|---|
        | Zeta-2.1 | 5M units |
        | Acme-3 | 2M units |
        """;

    [Fact]
    public void A_compared_thing_typed_with_a_space_for_its_hyphen_is_still_named()
    {
        var (model, _) = Small(TwoModelsNote);
        Assert.Contains(model.Peers.In("what is zeta 2.1's capacity?"), p => p.Label == "Zeta-2.1");
        Assert.DoesNotContain(model.Peers.In("what is zeta 2.1's capacity?"), p => p.Label == "Acme-3");
        // a versioned name goes by its stem in chat
        Assert.Equal(["Zeta-2.1"], model.Peers.In("and zeta's?").Select(p => p.Label));
    }

    [Fact]
    public void A_later_parts_pronoun_stands_for_the_whole_phrase_when_a_word_before_the_name_makes_it_another_thing()
    {
        var (_, reader) = Small(TwoModelsNote);
        // the bigger Zeta model is not Zeta-2.1: "it" is that model, whose date is not Zeta-2.1's
        Assert.Equal("when is the bigger zeta model out?", reader.WithAntecedent("when is it out?", ["what will the bigger zeta model be called"]));
        // a word of the current thing, or none, leaves it the named thing
        Assert.Equal("when is zeta out?", reader.WithAntecedent("when is it out?", ["what is the new zeta model called"]));
        Assert.Equal("when is zeta out?", reader.WithAntecedent("when is it out?", ["what does zeta score"]));
    }

    [Fact]
    public void A_later_part_asking_what_the_earlier_parts_thing_has_a_row_for_is_asked_of_that_thing()
    {
        var (_, reader) = Small(TwoModelsNote);
        Assert.Equal("Zeta-2.1 — what is the capacity?", reader.OfEarlierThing("what is the capacity?", ["zeta 2.1: when did it ship"]));
        // a word its row does not say, a thing of its own, or two things before: the part stands as it is
        Assert.Null(reader.OfEarlierThing("what is the 2026 budget?", ["zeta 2.1: when did it ship"]));
        Assert.Null(reader.OfEarlierThing("what is acme's capacity?", ["zeta 2.1: when did it ship"]));
        Assert.Null(reader.OfEarlierThing("what is the capacity?", ["zeta 2.1 vs acme 3: when did they ship"]));
    }

    [Fact]
    public void It_set_against_a_compared_thing_the_question_names_is_the_one_an_earlier_part_named()
    {
        var (_, reader) = Small(TwoModelsNote);
        Assert.Equal("where does zeta land versus acme?", reader.WithAntecedent("where does it land versus acme?", ["what does zeta score"]));
        // named before it is set against anything, the question's own compared thing is its subject
        Assert.Equal("does acme beat it?", reader.WithAntecedent("does acme beat it?", ["what does zeta score"]));
        Assert.Equal("what is acme's score on it?", reader.WithAntecedent("what is acme's score on it?", ["what does zeta score"]));
    }

    [Theory]
    [InlineData("nimbus plant build how many mos", "months")]
    [InlineData("acme capex growth over 2 yrs", "years")]
    public void Chat_shorthand_for_units_of_time_is_spelled_out(string question, string word) =>
        Assert.Contains(word, Reader.Read(question).Text);

    [Fact]
    public void A_name_typed_run_into_its_version_is_the_versioned_name()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            Omega rates Zeta-2.1 at 40% on GizmoTest, and Acme Gizmo 4.6 at 35%.
            | Model | Capacity |
            |---|---|
            | Zeta-2.1 | 5M units |
            """);
        Assert.Contains("zeta-2.1", reader.Read("zeta2.1 capacity?").Text);
        Assert.Contains("gizmo 4.6", reader.Read("gizmo4.6 gizmotest").Text);
        Assert.Contains("zeta-2.1's", reader.Read("and zeta2.1s?", previous: "what is acme gizmo 4.6's capacity?").Text);   // its possessive typed bare
        Assert.Contains("zeta3.0", reader.Read("zeta3.0 capacity?").Text);   // a version the note never gives stays as typed
    }

    [Theory]
    [InlineData("what is Acme Widget's revenue?")]
    [InlineData("what is the Zeta Widget 3.2's annual revenue?")]
    public void Money_asked_of_a_name_of_several_words_is_a_figure_question(string question)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.Quantity, q.Type);
        Assert.Equal(FigureKind.Money, q.WantedFigure);
    }

    [Theory]
    [InlineData("nimbus wat is it", "what is nimbus")]
    [InlineData("the Nimbus widget launch, when did it happen?", "when did the Nimbus widget launch happen?")]
    [InlineData("Zeta Widget — how big is it?", "how big is Zeta Widget?")]
    [InlineData("In short, what does this widget do?", "In short, what does this widget do?")]   // "this" is a determiner here
    [InlineData("and Zeta, what is it?", "and Zeta, what is it?")]                             // a follow-up's "and" is no topic
    public void A_topic_said_first_and_then_asked_of_with_a_pronoun_is_read_in_its_place(string question, string read)
    {
        Assert.StartsWith(read, Reader.Read(question).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is Acme the best product?", "is Acme the leading product?")]
    [InlineData("does the note say Acme is the top system out there?", "Acme is the leading system out there")]
    [InlineData("which is the best product?", "which is the best product?")]   // a which-question is settled by figures
    [InlineData("is Acme the best at WidgetBench?", "is Acme the best at WidgetBench?")]
    public void Asked_whether_a_thing_is_the_best_of_its_kind_is_asked_whether_it_leads(string question, string read)
    {
        Assert.Contains(read, Reader.Read(question).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how long did Acme say it took to ship?", "what did Nimbus spend on plants?", "Nimbus")]   // the "it" of "it took" points at nothing
    [InlineData("so Nimbus is the best product out there?", "what is Acme's capacity?", "Acme")]         // nor does the "there" of "out there"
    [InlineData("so Zeta wins gizmotest?", "what is Acme's capacity?", "capacity")]          // a statement after "so", any verb
    public void A_question_with_a_topic_of_its_own_and_an_empty_it_or_there_follows_up_nothing(string question, string previous, string thing)
    {
        Assert.DoesNotContain(thing, Reader.Read(question, previous).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is Zeta open source like Acme was?", true)]
    [InlineData("Zeta is an open widget like Acme, right?", true)]
    [InlineData("can buyers run Zeta at home, like with Acme?", true)]
    [InlineData("is Zeta like Acme?", false)]              // the likeness is what is asked
    [InlineData("is the widget like Acme?", false)]
    [InlineData("Zeta is like Acme, right?", false)]
    [InlineData("zeta owns like half of acme right?", false)]   // "like half": a rough figure
    [InlineData("does zeta sell widgets like acme or nimbus?", false)]   // examples of what is asked
    [InlineData("so is zeta a full supply call? like buy acme?", false)]   // another sentence's "like"
    public void A_thing_a_claim_is_set_beside_with_like_is_no_part_of_the_claim(string question, bool aside) =>
        Assert.Equal(aside, Reader.Read(question).Focus.Single(f => f.Key == "acme").IsFrame);

    [Theory]
    [InlineData("so Acme is the top product?", true)]
    [InlineData("so Nimbus has shipped its widget?", true)]
    [InlineData("so Acme numbers?", false)]
    [InlineData("so what is Acme's capacity?", false)]
    [InlineData("so acme spent $41B on capex in 2025?", true)]        // a claim with its figure, any verb
    [InlineData("acme spent 41B on capex in 2025 yeah?", true)]       // … or under a tag
    [InlineData("Nimbus invested in Zeta in June 2024, right?", true)] // a deal's date claimed: no amount asked
    [InlineData("how much did Nimbus invest in Zeta in June 2024, right?", false)]
    [InlineData("so Nimbus closed the gap with Acme", true)]          // a statement after "so", its question mark left off
    [InlineData("so nimbus shipped its widget", true)]
    [InlineData("so Acme is the top product", true)]
    [InlineData("so which product closed the gap", false)]
    [InlineData("so tell me about the risks", false)]
    public void A_statement_asked_after_so_asks_yes_or_no(string question, bool yesNo)
    {
        Assert.Equal(yesNo, Reader.Read(question).Type == AnswerType.YesNo);
    }

    [Fact]
    public void Time_spent_is_no_money_in_a_what_question_either()
    {
        Assert.NotEqual(FigureKind.Money, Reader.Read("what was the change in Zest time spent?").WantedFigure);
        Assert.Equal(FigureKind.Money, Reader.Read("what did Nimbus spend on plants?").WantedFigure);
    }

    [Theory]
    [InlineData("what's the price tag on Nimbus's plants?")]
    [InlineData("what was the pricetag of the plants?")]
    public void A_price_tag_is_the_price(string question)
    {
        var q = Reader.Read(question);
        Assert.DoesNotContain(q.Focus, f => f.Key.StartsWith("tag", StringComparison.Ordinal) || f.Key == "pricetag");
        Assert.Equal(FigureKind.Money, q.WantedFigure);
    }

    [Fact]
    public void A_leaders_team_is_the_named_group_the_note_says_they_lead()
    {
        var (model, reader) = Small("""
            Works Note
            1. Overview
            Zeta Works under Dana Reed rebuilt its widget in 9 months, and the Reed-led reset shipped.
            Omega Labs under Lee Park and Kite Labs under Lee Park both grew.
            """);
        Assert.Equal("Zeta Works", model.LedNames["reed"]);
        Assert.Contains("how long did Zeta Works take", reader.Read("how long did Reed's team take?").Text);
        Assert.Contains("Zeta Works", reader.Read("what did dana's crew rebuild?").Text);
        Assert.Contains("how long did Zeta Works take", reader.Read("how long did reeds team take?").Text); // the apostrophe left out
        // one who leads two named groups leads no one group
        Assert.False(model.LedNames.ContainsKey("park"));
        Assert.Contains("Park's team", reader.Read("what did Park's team build?").Text);
    }

    [Fact]
    public void A_word_written_only_between_a_figure_and_a_measure_it_also_gives_without_that_word_counts_the_measure()
    {
        var (model, reader) = Small("""
            Window Note
            1. Overview
            Acme ships a 40k token part window, and Zeta ships a 6M part window.
            Zeta's 2M unit backlog grew, and every unit ships in a week.
            """);
        Assert.Equal("part window", model.MeasureUnits["token"]);
        // "unit" is written elsewhere on its own, and no figure's measure is "backlog" alone: no unit of a measure
        Assert.False(model.MeasureUnits.ContainsKey("unit"));
        Assert.Contains("how many part window can Zeta take in at once", reader.Read("how many tokens can Zeta take in at once?").Text);
        Assert.Contains("how many part window could Zeta hold", reader.Read("how many tokens could Zeta hold?").Text);
        // another thing counted in the same word, or no capacity asked: the word stays
        Assert.Contains("tokens", reader.Read("how many tokens can Zeta output?").Text);
        Assert.Contains("tokens", reader.Read("how many tokens was Zeta trained on?").Text);
        Assert.Contains("tokens", reader.Read("what does Zeta charge per million tokens?").Text);
        // what a capacity holds, in general words, is the one measure the note counts in a unit of its own
        Assert.Contains("how much part window can Zeta hold at once", reader.Read("how much text can Zeta hold at once?").Text);
        // … read again once a typo is corrected ("contnet" is "content")
        Assert.Contains("how much part window can Zeta hold at once", reader.Read("how much contnet can Zeta hold at once?").Text);
        var (_, twoMeasures) = Small("""
            Window Note
            1. Overview
            Acme ships a 40k token part window and a 3M byte cache size, and Zeta ships a 6M part window and a 2M cache size.
            """);
        // … and of two such measures, neither
        Assert.Contains("how much text can Zeta hold", twoMeasures.Read("how much text can Zeta hold at once?").Text);
        Assert.Contains("part window", twoMeasures.Read("how many tokens can Zeta hold?").Text);
    }

    [Theory]
    [InlineData("what was Zeta's Q4 2025 revenue?")]
    [InlineData("what was the 2025 Q4 revenue of Zeta?")]
    [InlineData("what was Nimbus's 2025 Q4 spending?")]
    public void A_period_before_the_noun_a_what_question_asks_for_says_when_not_what(string question)
    {
        // the period is checked as a period; the noun after it is still the thing asked, an amount of money
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.Quantity, q.Type);
        Assert.Equal(FigureKind.Money, q.WantedFigure);
    }

    [Theory]
    [InlineData("what's Nimbus's 2026 spending forecast?", "forecast", true)]
    [InlineData("what is Nimbus's 2026 spending outlook?", "outlook", true)]
    [InlineData("what's the forecast for Nimbus's spending?", "forecast", false)]   // no period: a forecast is what is asked
    public void A_forecast_noun_with_a_period_asked_names_the_kind_of_figure(string question, string noun, bool frame)
    {
        var q = Reader.Read(question);
        Assert.True(frame == q.Focus.Single(f => f.Word == noun).IsFrame, $"{q.Type} {string.Join(",", q.Focus.Select(f => f.Word + (f.IsFrame ? "/frame" : "")))}");
    }

    [Theory]
    [InlineData("what's the 2026 spend?", "spend")]
    [InlineData("what's the 2027 forecast?", "forecast")]
    public void A_figure_asked_of_a_period_and_nothing_else_is_asked_by_its_kind(string question, string word)
    {
        // else nothing is left to look for, and the question reads as no question at all
        var q = Reader.Read(question);
        Assert.Contains(q.Focus, f => f.Word == word && !f.IsFrame);
        Assert.NotEmpty(q.Content);
    }

    [Fact]
    public void Points_and_beating_asked_of_two_compared_things_name_the_comparison_not_words_the_note_must_say()
    {
        var q = Reader.Read("by how many points does Acme beat Zeta on GadgetEval?");
        Assert.True(q.Focus.Single(f => f.Word == "points").IsFrame);
        Assert.True(q.Focus.Single(f => f.Word == "beat").IsFrame);
    }

    [Theory]
    [InlineData("by how much does the 2026 spending guide exceed 2025 spending?", "exceed")]
    [InlineData("how far does Acme outscore Zeta on GadgetEval?", "outscore")]
    [InlineData("by how many points does Zeta trail Acme on GadgetEval?", "trail")]
    public void A_verb_saying_one_figure_is_above_the_other_names_the_comparison_not_a_word_the_note_must_say(string question, string verb)
    {
        var q = Reader.Read(question);
        Assert.True(q.Focus.Single(f => f.Word == verb).IsFrame, string.Join(",", q.Focus.Select(f => f.Word + (f.IsFrame ? "/frame" : ""))));
    }

    [Theory]
    [InlineData("where does Acme land on GizmoTest?", "land")]
    [InlineData("where does Zeta Widget stand on GadgetEval?", "stand")]
    [InlineData("where did Acme rank on WidgetBench?", "rank")]
    public void A_verb_of_position_after_where_asks_a_standing_and_is_no_word_the_note_must_say(string question, string verb)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.Quantity, q.Type);
        Assert.True(q.Focus.Single(f => f.Word == verb).IsFrame);
        // a place asked with "where" is still a place
        Assert.Equal(AnswerType.Place, Reader.Read("where is the Nimbus plant located?").Type);
    }

    [Theory]
    [InlineData("what GadgetEval score did Acme hit?", "hit")]
    [InlineData("what GizmoTest score has Zeta reached?", "reached")]
    [InlineData("what spending did Nimbus post in 2025?", "post")]
    public void A_verb_of_reaching_after_the_measure_a_figure_question_names_is_no_word_the_note_must_say(string question, string verb)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.Quantity, q.Type);
        Assert.True(q.Focus.Single(f => f.Word == verb).IsFrame);
    }

    [Fact]
    public void A_verb_of_reaching_does_not_itself_make_a_figure_question()
    {
        // "what did the changes hit?" may ask what they affected: only a question that asks a figure drops the verb
        var q = Reader.Read("what part of the market did Acme hit?");
        Assert.NotEqual(AnswerType.Quantity, q.Type);
        Assert.False(q.Focus.Single(f => f.Word == "hit").IsFrame);
    }

    [Theory]
    [InlineData("where does the Nimbus money come from?")]
    [InlineData("where did Acme's widget revenue come from in 2025?")]
    public void Where_something_comes_from_asks_an_origin_not_a_standing(string question)
    {
        var q = Reader.Read(question);
        Assert.NotEqual(AnswerType.Quantity, q.Type);
        Assert.DoesNotContain(q.Focus, f => f.Word == "come" && f.IsFrame);
    }

    [Theory]
    [InlineData("what does the trade press give Acme on GizmoTest?", "give")]
    [InlineData("what number does the press assign Zeta on GizmoTest?", "assign")]
    [InlineData("what did the press put Acme at on GizmoTest?", "put")]
    public void A_result_given_on_a_measure_asks_its_figure_and_the_verb_is_no_word_the_note_must_say(string question, string verb)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.Quantity, q.Type);
        Assert.DoesNotContain(q.Content, f => f.Word == verb);
    }

    [Fact]
    public void A_compared_thing_asked_by_its_full_name_gets_the_figure_the_note_gives_it_under_its_short_name()
    {
        // "Zeta Widget" is a name the prose writes whole; "The trade press ranks Zeta at 41%" calls it by its short name
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            The launch of Zeta Widget drew wide notice. Buyers asked for more stock.
            Retail demand rose in the spring. Shipping costs fell over the year.
            Analysts expect Zeta Widget to sell well. Prices held steady.
            The trade press ranks Zeta at 41% on GizmoTest, just behind Acme at 43%.
            Stores plan wider shelf space. Margins improved.
            | Model | Index |
            |---|---|
            | Zeta Widget | Index 52 |
            | Acme Gizmo | Index 57 |
            """);
        Assert.Contains("zeta widget", model.NamePhrases);
        var q = reader.Read("what's zeta widget's gizmotest score?");
        Assert.Equal(["Zeta Widget"], q.Peers.Select(p => p.Label));
        var unit = model.Units.Single(u => u.Text.StartsWith("The trade press", StringComparison.Ordinal));
        Assert.Equal("**41%**", new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Fact]
    public void A_stated_figure_is_not_checked_against_a_figure_whose_clause_names_nobody_when_another_clause_names_the_thing()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            A 262k part window is a visible disadvantage versus 1M-class rivals, and the ranking cited in this note still places Zeta Spark below Acme 3.1 Pro, Gizmo-5.4, and Orbit Opal 4.6 on overall quality.
            Buyers asked for more stock. Retail demand rose in the spring. Prices held steady.
            | Model | Index | Part window |
            |---|---|---|
            | Zeta Spark | Index 52 | 262k |
            | Acme 3.1 Pro | Index 57 | 1M |
            | Gizmo-5.4 | Index 57 | 1.05M |
            | Orbit Opal 4.6 | Index 53 | 1M |
            """);
        var q = reader.Read("gizmo-5.4 part window is 1M yeah?");
        Assert.Equal(["Gizmo-5.4"], q.Peers.Select(p => p.Label));
        var unit = model.Units.Single(u => u.Text.StartsWith("A 262k", StringComparison.Ordinal));
        // the 262k is the note's own subject's: its clause names nobody, and the next names Gizmo-5.4 only as ranked
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit));
        Assert.DoesNotContain("the note says 262k", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("opal 4.6 got 75% on gizmotest?", "Trade tests", "**No** — the note says 72.7%:")]   // the name's version is no figure stated
    [InlineData("orbit opal 4.6 scored 72.7% on gizmotest right?", "Trade tests", "**Yes** — the note says 72.7%:")]
    [InlineData("orbit opal buyers tripled year over year?", "Buyers of", "**Yes** — the note says tripled:")]   // a figure in words
    public void A_stated_figure_is_checked_and_a_compared_things_version_is_no_figure_stated(string question, string unitStart, string headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Trade tests give Orbit Opal 4.6 65.4% on WidgetBench, 72.7% on GizmoTest, and a 1M part window.
            Buyers of Orbit Opal tripled year over year, and its 2M unit backlog held.
            Buyers asked for more stock. Retail demand rose in the spring. Prices held steady.
            | Model | Index |
            |---|---|
            | Zeta Spark | Index 52 |
            | Orbit Opal 4.6 | Index 53 |
            """);
        var q = reader.Read(question);
        Assert.Equal(AnswerType.YesNo, q.Type);
        var unit = model.Units.Single(u => u.Text.StartsWith(unitStart, StringComparison.Ordinal));
        Assert.StartsWith(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zeta got 40% on gizmotest?", true)]         // a verb that states a result, asked with a question mark alone
    [InlineData("acme posted a 5% lift in clicks?", true)]
    [InlineData("zeta price per 1M units?", false)]           // a phrase that names a measure
    [InlineData("the 40% on gizmotest - is that zeta's own number?", false)]   // a question of its own after a premise
    [InlineData("ship date for the bigger zeta models?", false)]
    public void A_statement_with_a_result_verb_and_a_figure_asked_with_a_question_mark_is_a_claim(string question, bool yesNo) =>
        Assert.Equal(yesNo, Reader.Read(question).Type == AnswerType.YesNo);

    [Theory]
    [InlineData("zeta launched in march 2024?", AnswerType.YesNo)]               // a result stated with its date
    [InlineData("zeta's gizmotest score is 41 rite", AnswerType.YesNo)]         // a figure stated before a tag typed bare
    [InlineData("confirming: acme's 2026 outlay is $5B?", AnswerType.YesNo)]    // a checking preface before a claim
    [InlineData("just confirming for a client — zeta launched in march 2024?", AnswerType.YesNo)]
    [InlineData("quick check: what is zeta's gizmotest score?", AnswerType.Quantity)]   // … or before a question of its own
    [InlineData("when did zeta launch in 2024?", AnswerType.Date)]
    public void A_claim_is_read_as_one_whatever_opens_or_closes_it(string question, AnswerType type)
    {
        var q = Reader.Read(question);
        Assert.Equal(type, q.Type);
        Assert.DoesNotContain(q.Focus, f => f.Word.StartsWith("confirm", StringComparison.OrdinalIgnoreCase) || f.Word.StartsWith("check", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("which widgets score 41 on gizmotest?", AnswerType.List)]      // the figure is stated: the members are asked
    [InlineData("what would count as a launch for zeta?", AnswerType.Description)]   // "count as" is a verb
    [InlineData("what is zeta's gizmotest score?", AnswerType.Quantity)]
    public void A_measure_word_used_as_a_verb_asks_no_figure(string question, AnswerType type) =>
        Assert.Equal(type, Reader.Read(question).Type);

    [Fact]
    public void A_bare_phrase_that_opens_on_a_date_of_a_thing_asks_a_date() =>
        Assert.Equal(AnswerType.Date, Reader.Read("ship date for the bigger zeta models?").Type);

    [Theory]
    [InlineData("what is Zeta?", "zeta")]
    [InlineData("whats the nimbus plant exactly?", "nimbus plant")]
    [InlineData("who's Acme Widget, according to the note?", "acme widget")]
    [InlineData("what is Zeta's plan?", null)]
    [InlineData("what is the capacity of Zeta?", null)]
    [InlineData("how is Zeta doing?", null)]
    public void A_definition_is_asked_of_a_name_and_nothing_more(string question, string? name) =>
        Assert.Equal(name, Definitions.Asked(Reader.Read(question)));

    [Theory]
    [InlineData("Zeta is a widget maker based in Ohio.", true)]
    [InlineData("Zeta, launched in May, is the first widget of its kind.", true)]
    [InlineData("Zeta, a widget maker, grew fast.", true)]
    [InlineData("Buyers visit the Zeta plant every spring.", true)]
    [InlineData("Acme bought parts from Zeta in May.", false)]
    [InlineData("Zeta Widget is the newest model.", false)]
    [InlineData("Zeta is growing fast.", false)]
    public void A_unit_defines_a_name_it_says_what_it_is(string sentence, bool defines)
    {
        var (model, _) = Small($"Widget Note\n1. Overview\n{sentence}\n");
        Assert.Equal(defines, Definitions.Defines(model.Units.First(u => !u.IsRow), "zeta"));
    }

    [Theory]
    [InlineData("Acme monthly users?", true)]
    [InlineData("zeta daily active people in 2025", true)]
    [InlineData("Acme user growth?", false)]
    [InlineData("what do Acme users want?", false)]
    [InlineData("Acme headcount?", true)]                 // a noun that is itself a count of persons
    [InlineData("headcount of the Orbit team?", true)]
    [InlineData("Acme capex guide?", false)]
    public void A_bare_phrase_whose_head_counts_persons_asks_how_many(string question, bool counts)
    {
        var q = Reader.Read(question);
        Assert.Equal(counts, q.Type == AnswerType.Quantity && q.WantedFigure == FigureKind.Count && q.CountsPersons);
    }

    [Fact]
    public void How_long_a_thing_asks_its_length_and_how_long_a_time_asks_a_duration()
    {
        Assert.Equal(AnswerType.Quantity, Reader.Read("how long a backlog does Acme have?").Type);
        Assert.Equal(AnswerType.Duration, Reader.Read("how long a wait is there for Acme's widget?").Type);
        Assert.Equal(AnswerType.Duration, Reader.Read("how long did Nimbus work on its widget?").Type);
        // an age is a length of time, and a length of time is the figure asked
        Assert.Equal(FigureKind.Duration, Reader.Read("how old is Nimbus?").WantedFigure);
        Assert.Equal(FigureKind.Duration, Reader.Read("how long did Nimbus work on its widget?").WantedFigure);
        // "how long is X?" may ask the length of a thing, which its own figure of another kind gives
        Assert.Null(Reader.Read("how long is Zeta's part window?").WantedFigure);
    }

    [Fact]
    public void The_subject_companys_own_product_is_called_by_its_name_and_what_it_is()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            The Nimbus Zeta family opens with Zeta-2.1, and Nimbus's Zeta line leads. Buyers like Nimbus. Analysts rate Nimbus.
            Omega's spec sheet describes Acme-3 as its fastest widget. Staff expect Nimbus to grow. Buyers trust Omega.
            Nimbus also revised its model strategy. Sales rose. Costs fell. Plants grew.
            | Model | Capacity |
            |---|---|
            | Zeta-2.1 | 5M units |
            | Acme-3 | 2M units |
            """);
        // the subject is too common a name to tell the rows apart, but with what the rows are it names its own
        Assert.Equal(["Zeta-2.1", "Acme-3"], model.Peers.In("how does nimbus's new model compare with omega's?").Select(p => p.Label));
        Assert.Equal(["Zeta-2.1"], model.Peers.In("the Nimbus model vs the rest?").Select(p => p.Label));
        Assert.Equal(["Zeta-2.1", "Acme-3"], model.Peers.In("is acme-3 bigger than nimbus's?").Select(p => p.Label));
        Assert.Empty(model.Peers.In("what did nimbus say?"));
        // "model strategy" is a thing the note names: there the word is not the row's kind
        Assert.Empty(model.Peers.In("what is nimbus's model strategy?"));
        // … and the question is read with its name, so that the row that names it is the one that answers
        Assert.Contains("what is Zeta-2.1's capacity?", reader.Read("what is nimbus's new model's capacity?").Text);
        Assert.Contains("what is the capacity of Zeta-2.1?", reader.Read("what is the capacity of the new model?").Text);
        // any word for a product names it, said new ("nimbus's new bot"); unsaid, the maker's bot may be another of its products
        Assert.Equal(["Zeta-2.1"], model.Peers.In("how big is nimbus's new bot?").Select(p => p.Label));
        Assert.Equal(["Zeta-2.1"], model.Peers.In("what can nimbus's latest assistant hold?").Select(p => p.Label));
        Assert.Empty(model.Peers.In("how many use nimbus's assistant?"));
        // but not where the words between say it is another of the maker's, or no thing is called at all
        Assert.Contains("nimbus's bigger future models", reader.Read("when do nimbus's bigger future models ship?").Text);
        Assert.Contains("nimbus is number one", reader.Read("is nimbus is number one now?").Text);
        // set against another compared thing, the owner's possessive names its own thing, whatever noun follows; the
        // owner alone, or in nothing compared, stays the company
        Assert.Contains("Zeta-2.1's capacity vs omega's?", reader.Read("nimbus's capacity vs omega's?").Text);
        Assert.Contains("acme-3 or Zeta-2.1's", reader.Read("which holds more, acme-3 or nimbus's?").Text);
        Assert.Contains("for nimbus to beat", reader.Read("is acme-3 the easiest for nimbus to beat?").Text);
        Assert.Contains("nimbus's capacity plans", reader.Read("what are nimbus's capacity plans?").Text);
        // the margin between two compared things is in their own unit, not a share
        Assert.Null(reader.Read("zeta-2.1 vs acme-3 on capacity: who is ahead, and by how much?").WantedFigure);
        Assert.Equal(FigureKind.Percent, reader.Read("by how much did capacity rise?").WantedFigure);
    }

    [Fact]
    public void A_compared_thing_is_also_called_by_the_maker_the_prose_has_describing_it_alone()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Omega's spec sheet describes Zeta-2.1 as its fastest widget. Analysts rank Zeta-2.1 and Acme-3 together.
            Nimbus describes Acme-3 and Zeta-2.1 as rivals. Nimbus expects demand to grow. Nimbus sells widgets.
            Acme-3 ships in May. Buyers trust Omega. Sales rose. Costs fell. Plants grew. Prices held. Orders rose.
            | Model | Capacity |
            |---|---|
            | Zeta-2.1 | 5M units |
            | Acme-3 | 2M units |
            """);
        Assert.Equal(["Zeta-2.1"], model.Peers.In("what is omega's widget's capacity?").Select(p => p.Label));
        // a maker describing two compared things at once is the maker of neither
        Assert.Empty(model.Peers.In("what is nimbus's capacity?"));
        // "omega's model" is Zeta-2.1 itself: the product word is no part of what is asked
        Assert.True(reader.Read("what is omega's model's capacity?").Focus.Single(f => f.Key == "model").IsFrame);
        Assert.False(reader.Read("what is the model's capacity?").Focus.Single(f => f.Key == "model").IsFrame);
    }

    [Fact]
    public void A_follow_up_that_names_another_of_the_notes_names_asks_about_it_instead()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            Acme's Nimbus plant makes 5M widgets a year.
            Acme's Cirrus plant makes 2M widgets a year.
            Acme sells widgets in bulk. Acme is listed. Acme pays no dividend.
            The plants were rated as verified by an outside Auditor Verified program.
            """);
        var q = reader.Read("and Cirrus?", "how many widgets does Acme's Nimbus plant make?");
        Assert.Contains("Cirrus", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nimbus", q.Text, StringComparison.Ordinal);
        Assert.Contains("Acme", q.Text, StringComparison.Ordinal); // the note's subject stays
        // a word the note also writes in lower case is not a name that replaces one
        Assert.Contains("Nimbus", reader.Read("and verified?", "how many widgets does the Nimbus plant make?").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_lead_gives_its_period_to_every_clause()
    {
        var u = Unit("In Q4 2025");
        var plants = u.Segments.Single(s => u.Text[s.Start..s.End].Contains("$3B", StringComparison.Ordinal));
        Assert.Contains(new Period(2025, 4, null), plants.Periods);
    }

    // ---- hedges ----

    [Fact]
    public void A_qualifier_in_the_next_sentence_flags_the_claim_before_it_and_names_whose_claim_it_is()
    {
        var claim = Unit("Nimbus says its widget");
        Assert.Contains(Model.Hedges.For(claim.Id), f => f.Reason.StartsWith("Nimbus's own claim", StringComparison.Ordinal) && f.Section == "2");
        Assert.Empty(Model.Hedges.For(Unit("Nimbus launched").Id));
    }

    [Theory]
    [InlineData("how sure is the note about shipments?", false)]     // the side of the contrast the doubt is not about
    [InlineData("how sure is it of the extrapolations?", true)]
    public void A_doubt_on_one_side_of_a_contrast_flags_questions_about_that_side_only(string question, bool flagged)
    {
        var q = Reader.Read(question);
        var answer = new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit("Confidence is high")));
        Assert.Equal(flagged, answer.Flags.Count > 0);
    }

    [Theory]
    [InlineData("careful", false)] // the clause the doubt does not repeat
    [InlineData("Deep", true)]     // the clause whose "positioned" the doubt's "positioning" repeats
    public void A_doubt_that_refers_back_flags_the_clause_of_the_sentence_before_whose_words_it_repeats(string asked, bool flagged)
    {
        var (model, _) = Small("""
            Widget Note
            1. Overview
            Acme exposes fast and careful modes, and its Deep mode is positioned as its answer to premium offerings from Zeta. That should be read as competitive positioning, not verified parity.
            Acme sells widgets, and Zeta sells gadgets. Those are Acme claims, not independently established.
            """);
        var modes = model.Units.Single(u => u.Text.StartsWith("Acme exposes", StringComparison.Ordinal));
        Assert.Equal(flagged, model.Hedges.For(modes.Id, null, [modes.Text.IndexOf(asked, StringComparison.Ordinal)]).Count > 0);
        // a question that reaches neither clause (met only in other words) is not about the doubted one
        Assert.Empty(model.Hedges.For(modes.Id, null, []));
        // a doubt that repeats no clause's words covers the whole sentence before
        var sells = model.Units.Single(u => u.Text.StartsWith("Acme sells", StringComparison.Ordinal));
        Assert.NotEmpty(model.Hedges.For(sells.Id, null, [sells.Text.IndexOf("gadgets", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Stated_lower_confidence_and_a_separate_work_column_are_flagged_the_latter_only_for_that_column()
    {
        Assert.NotEmpty(Model.Hedges.For(Unit("Confidence is high").Id));
        var row = Model.Units.Single(u => u.Passage.Row == "Supply");
        Assert.NotEmpty(Model.Hedges.For(row.Id, ["What still requires separate work"]));
        Assert.Empty(Model.Hedges.For(row.Id, ["What this supports"]));
    }

    [Fact]
    public void An_ampersand_between_letters_makes_one_word_and_one_term_that_its_letters_do_not_meet()
    {
        Assert.Equal(["Acme’s", "R&D", "and", "P&L", "Q", "A"], Tokens.Words("Acme’s R&D and P&L, Q & A").Select(w => w.Text));
        var rd = Assert.Single(Terms.OfWord("r&d"));
        Assert.NotEqual(Terms.OfWord("p&l"), Terms.OfWord("r&d"));
        Assert.Equal(Terms.Of("Acme budget").Prepend(rd).ToList(), Terms.Of("R&D, Acme budget")); // the rest analysed as before
        Assert.Empty(Terms.Of(""));

        var (_, reader) = Small("""
            Acme Note
            1. Costs
            Acme's R&D budget is $2B, and its D line is new.
            Acme's marketing budget is $1B.
            """);
        Assert.True(reader.Read("what is Acme's R&D budget?").Focus.Single(f => f.Word == "R&D").InNote);
        // the note's "R&D" and "D" do not say "P&L": the question names a measure the note never uses
        Assert.False(reader.Read("what is Acme's P&L budget?").Focus.Single(f => f.Word == "P&L").InNote);
    }

    [Fact]
    public void A_place_is_a_name_the_note_only_ever_puts_after_in_or_at_not_a_company_or_a_month()
    {
        var (model, reader) = Small("""
            Acme Note
            1. Plants
            Acme built its Nimbus plant in Zetaville.
            Omega Labs holds a stake in Acme.
            Zeta bought a stake in Gizmo Inc.
            Acme opened the plant in June 2025.
            """);
        Assert.Equal(["Zetaville"], model.Units.SelectMany(u => u.Places).ToList());

        var where = reader.Read("where is the Nimbus plant located?");
        Assert.Equal(AnswerType.Place, where.Type);
        Assert.True(where.Focus.Single(f => f.Word == "located").IsFrame); // the kind of answer, not a word the note must say
        Assert.Equal(AnswerType.Place, reader.Read("which country is Acme in?").Type);
        Assert.Equal(AnswerType.Place, reader.Read("which US state is the Nimbus plant in?").Type); // a word saying which kind of state
        Assert.NotEqual(AnswerType.Place, reader.Read("where is Acme weaker?").Type); // a field, not a place
        // nothing after a thing the note names asks where it is; not a thing the note never names in those words
        Assert.Equal(AnswerType.Place, reader.Read("where is the Nimbus plant?").Type);
        Assert.Equal(AnswerType.Place, reader.Read("where's Omega Labs?").Type);
        // … after words the note never uses, and with filler after it
        Assert.Equal(AnswerType.Place, reader.Read("where is that huge Nimbus plant anyway").Type);
        Assert.Equal(AnswerType.Place, reader.Read("where's this gigantic nimbus plant exactly?").Type);
        Assert.NotEqual(AnswerType.Place, reader.Read("where is that huge Acme gap anyway").Type);
        // a place asked by its kind
        Assert.Equal(AnswerType.Place, reader.Read("which state is the Nimbus plant in?").Type);
        Assert.Equal(AnswerType.Place, reader.Read("what province hosts the Nimbus plant?").Type);
        Assert.NotEqual(AnswerType.Place, reader.Read("where is Acme stronger?").Type);
        // chat's bare phrases: the question word last, or a head that asks for a place
        Assert.Equal(AnswerType.Place, reader.Read("nimbus plant where?").Type);
        Assert.Equal(AnswerType.Place, reader.Read("where nimbus plant").Type);
        Assert.Equal(AnswerType.Place, reader.Read("nimbus plant location?").Type);
        Assert.Equal(AnswerType.Date, reader.Read("nimbus plant opened when").Type);
        Assert.NotEqual(AnswerType.Date, reader.Read("plant: how much n when").Type);  // two questions, not a phrase
    }

    [Fact]
    public void Of_two_words_a_typo_is_one_edit_from_the_likelier_slip_wins_a_dropped_letter_over_a_changed_one()
    {
        var (model, _) = Small("""
            Acme Note
            1. Sales
            Acme reports monthly sales. Acme took 9 months to ship, and months later Zeta followed.
            """);
        var vocabulary = new NoteVocabulary(model.Document);
        Assert.Equal("monthly", vocabulary.CorrectWord("monthy")); // "monthly" with its l dropped, not "months" with s changed
        Assert.Equal("months", vocabulary.CorrectWord("monhts"));  // letters swapped
    }

    [Fact]
    public void A_clipped_word_beside_a_word_the_note_writes_next_to_its_whole_is_the_whole()
    {
        var (model, _) = Small("""
            Acme Note
            1. Scores
            Acme scores 40 on the Widget Intelligence Index. Video generation tools grew, and so did general tools.
            """);
        var vocabulary = new NoteVocabulary(model.Document);
        Assert.Equal("acme on the intelligence index?", vocabulary.Correct("acme on the intel index?"));
        Assert.Equal("Widget Intelligence score", vocabulary.Correct("Widget Intel score"));   // the word before it places it too
        // two wholes beside the same word ("generation tools", "general tools"): which is meant is not known
        Assert.Equal("the gen tools", vocabulary.Correct("the gen tools"));
        // a word of the note's own is no clip
        Assert.Equal("acme scores index", vocabulary.Correct("acme scores index"));
    }

    [Fact]
    public void A_clip_the_note_uses_itself_is_its_whole_beside_a_word_the_note_writes_only_the_whole_beside()
    {
        var (model, _) = Small("""
            Acme Note
            1. Plants
            Acme keeps widget infrastructure central. The Gizmo Pro ships this year, a strong product model.

            | Infra question | What it shows |
            |---|---|
            | Power | Plenty |
            """);
        var vocabulary = new NoteVocabulary(model.Document);
        // the note writes "Infra" as a header and "widget infrastructure" in a sentence
        Assert.Equal("is widget infrastructure central?", vocabulary.Correct("is widget infra central?"));
        // … and "Infra question", so there the clip is the note's own word
        Assert.Equal("the infra question", vocabulary.Correct("the infra question"));
        // a word the note writes inside a name is no clip, whatever the note writes beside it ("product model")
        Assert.Equal("the pro model", vocabulary.Correct("the pro model"));
    }

    [Theory]
    [InlineData("how much of that goes to plants vs chips?", "how much of Acme's 2026 budget goes to plants vs chips?")]
    [InlineData("what share of it is earmarked for chips?", "what share of Acme's 2026 budget is earmarked for chips?")]
    public void A_part_asked_of_that_after_a_question_is_a_part_of_what_that_question_asked(string question, string read)
    {
        var q = Reader.Read(question, "what's Acme's 2026 budget?");
        Assert.Equal(read, q.Text);
        Assert.NotNull(q.Split);
    }

    [Theory]
    [InlineData("whta", "what")]
    [InlineData("nmae", "name")]
    [InlineData("scre", "score")]
    public void A_short_word_of_asking_mistyped_is_that_word(string typed, string meant) =>
        Assert.Equal(meant, new NoteVocabulary(Model.Document).CorrectWord(typed));

    [Fact]
    public void The_note_s_versioned_names_are_read_but_not_its_scores_dates_or_periods()
    {
        // "WidgetBench 12.5%" is a score, "May 4" a date, "Q4 2025" a period
        Assert.Equal(["gizmo", "widget"], Model.VersionedNames.Keys.Order());
        Assert.Equal(["Zeta Widget 3.2"], Model.VersionedNames["widget"].Select(v => v.Written));
        Assert.Equal(["Gizmo 4"], Model.VersionedNames["gizmo"].Select(v => v.Written));
    }

    [Theory]
    [InlineData("what chip does zeta widget 4 use?", "4")]
    [InlineData("is the Gizmo 5 Max in it?", "5")]
    [InlineData("what chip does zeta widget 3 use?", null)]   // the start of 3.2
    [InlineData("what about gizmo 4?", null)]
    [InlineData("did Acme make the top 3?", null)]             // not a name the note versions
    [InlineData("is Gizmo 2x faster?", null)]                   // a multiple, not a version
    [InlineData("what chip does zeta widget 3.2s maker use?", null)] // a possessive typed without its apostrophe
    [InlineData("what chip does zeta widget 3.3s maker use?", "3.3s")]
    public void A_version_the_note_never_gives_a_name_is_another_thing(string question, string? other)
    {
        var q = Reader.Read(question);
        Assert.Equal(other, q.OtherVersions.SingleOrDefault()?.Version);
        if (other is not null)
            Assert.Contains("the note does not mention “", new AnswerComposer(Model, EngineTuning.Default).OtherVersion(q, q.OtherVersions[0]).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("zetas GizmoTest score?", "zeta's GizmoTest score?")]          // a name the note never writes in lower case
    [InlineData("what did acmes widget line make?", "what did acme's widget line make?")]
    [InlineData("what are the risks?", "what are the risks?")]                  // a common word's plural stays
    public void A_possessive_typed_without_its_apostrophe_on_a_name_of_the_note_is_read_as_one(string question, string read) =>
        Assert.Equal(read, Reader.Read(question).Text, ignoreCase: true);

    [Theory]
    [InlineData("acme widget sales in 2025 + how many monthly gizmo users?")]
    [InlineData("acme widget share 40% & how many monthly gizmo users?")]
    public void A_plus_sign_after_a_figure_or_a_question_mark_joins_two_parts(string question)
    {
        Assert.Equal(2, Reader.Read(question).Parts);
        Assert.Equal(2, QuestionReader.PartsOf(question).Count);
    }

    [Theory]
    [InlineData("how big is acme's widget and whats its price?")]
    [InlineData("when did zeta launch and wheres it sold?")]
    public void A_question_word_typed_as_one_with_its_verb_opens_a_part_as_the_words_apart_do(string question)
    {
        // the part the note lacks must not sink the one it gives: each is asked on its own only once they are apart
        Assert.Equal(2, QuestionReader.PartsOf(question).Count);
        Assert.Equal(2, Reader.Read(question).Parts);
    }

    [Theory]
    [InlineData("who's leading it again", "does the note treat Zeta as real proof the plan shipped?", "who is leading Zeta again")]
    [InlineData("who's leading it", "did the author call Zeta a leader?", "who is leading Zeta")]
    public void It_after_a_question_that_frames_a_thing_with_the_note_is_the_thing_not_the_frame(string question, string previous, string read) =>
        // "the note treat Zeta" is the note and its verb, not a phrase that names Zeta
        Assert.Equal(read, Reader.Read(question, previous).Text, ignoreCase: true);

    [Theory]
    [InlineData("what is the bigger one called?", "are bigger Acme widgets coming?", "bigger Acme widgets")]
    [InlineData("and the cheaper ones?", "which cheaper gizmo lines does Zeta sell?", "cheaper gizmo lines")]
    public void One_after_a_word_the_previous_question_says_stands_for_the_words_that_went_with_it(string question, string previous, string read)
    {
        var text = Reader.Read(question, previous).Text;
        Assert.Contains(read, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\bones?\b", text);
    }

    [Fact]
    public void What_it_is_called_asked_after_another_question_asks_a_name_of_that_not_the_notes_title()
    {
        Assert.True(Reader.Read("what is it called?").AsksTitle);
        Assert.False(Reader.Read("what is it called?", "are bigger Acme widgets coming?").AsksTitle);
        Assert.True(Reader.Read("what is the note called?", "are bigger Acme widgets coming?").AsksTitle);
    }

    [Theory]
    [InlineData("Acme Widget: what's its WidgetBench score, and its GadgetEval?", "and its GadgetEval")]
    [InlineData("what was Nimbus's 2025 spending, and its 2026 guide?", "and its 2026 guide")]
    public void And_its_after_a_comma_asks_the_same_of_another_measure_as_a_part_of_its_own(string question, string second)
    {
        // one measure the note may not give for the thing asked must not sink the other, which it does give
        var parts = QuestionReader.PartsOf(question);
        Assert.Equal(2, parts.Count);
        Assert.Equal(second, parts[1]);
        Assert.Equal(2, Reader.Read(question).Parts);
        Assert.Single(QuestionReader.PartsOf("what is Nimbus's widget and its role?"));   // no comma: one thing asked
    }

    [Theory]
    [InlineData("how much did Nimbus spend on plants, and when?", 1, "when did Nimbus spend on plants")]
    [InlineData("when and where did Nimbus launch its widget?", 0, "when did Nimbus launch its widget")]
    [InlineData("what did Acme report on WidgetBench and what about GadgetEval?", 1, null)]
    public void A_part_that_is_a_question_word_alone_asks_the_nearest_whole_part_with_that_word(string question, int part, string? asked)
    {
        var parts = QuestionReader.PartsOf(question);
        Assert.Equal(asked, QuestionReader.WithItsQuestion(parts, part));
        if (asked is not null) Assert.Equal(2, Reader.Read(question).Parts);
    }

    [Theory]
    [InlineData("which claims are unverified?", true, "Nimbus says its widget lasts ten years.")]
    [InlineData("what are the weakest claims in the note?", true, "Confidence is high on shipments")]
    [InlineData("what's extrapolated?", true, "Confidence is high on shipments")]
    [InlineData("how confident is the note about shipments?", false, null)]   // a topic of its own: the usual answer
    [InlineData("is the Nimbus widget claim verified?", false, null)]
    [InlineData("what would make the note more confident?", false, null)]   // what would change the doubt, not what is doubted
    [InlineData("what could raise the note's confidence?", false, null)]
    [InlineData("where is the note least sure of itself?", true, "Nimbus says its widget lasts ten years.")]
    [InlineData("where is the note most sure of itself?", false, null)]   // the surest claims, the opposite of the doubted
    [InlineData("where is the note's confidence highest?", false, null)]
    [InlineData("where is the write-up weakest?", true, "Nimbus says its widget lasts ten years.")]
    [InlineData("wheres it weak", false, null)]   // what the thing does badly, not which claims are doubtful
    [InlineData("what is Nimbus still weak at?", false, null)]
    public void Which_claims_the_note_doubts_is_answered_with_each_doubted_claim_and_its_reason(string question, bool asks, string? listed)
    {
        var q = Reader.Read(question);
        Assert.Equal(asks, q.AsksDoubtedClaims);
        if (!asks) return;
        var answer = new AnswerComposer(Model, EngineTuning.Default).DoubtedClaims(q)!;
        Assert.Contains(listed!, answer.Text, StringComparison.Ordinal);
        // the kind of doubt asked narrows the list: unverified claims are not the lower-confidence ones
        if (question.Contains("unverified", StringComparison.Ordinal)) Assert.DoesNotContain("Confidence is high", answer.Text, StringComparison.Ordinal);
        if (question.Contains("extrapolated", StringComparison.Ordinal)) Assert.DoesNotContain("Nimbus says", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
    }

    // ---- reading the question ----

    [Fact]
    public void A_follow_up_that_points_back_at_a_kind_means_the_previous_question_s_name_ending_in_that_word()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            The Zeta widget was built by Orbit Group over 9 months under Dana Reed.
            """);
        // the question is whole once the name is spelled out: nothing else of the previous one carries over
        Assert.Equal("who runs Orbit Group?", reader.Read("who runs that group?", "how long did Orbit Group take to build the Zeta widget?").Text);
        // no name of the previous question ends in the word: it is not spelled out as one
        Assert.Contains("that plant", reader.Read("who runs that plant?", "how long did Orbit Group take to build the Zeta widget?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("so Zeta doesn't report a GadgetEval score?")]
    [InlineData("so Zeta doesn’t report a GadgetEval score?")]
    [InlineData("so Zeta doesnt report a GadgetEval score?")]
    [InlineData("why wouldn't Zeta report a GadgetEval score?")]
    public void A_negated_auxiliary_however_typed_is_no_content_word(string question)
    {
        // "doesn't" is one edit from the chat spelling "doesnt", which the typo corrector had put in its place, and
        // which then weighed most of all the question's words, as a word the note never uses
        var q = Reader.Read(question);
        Assert.Equal(["Zeta", "GadgetEval", "score"], q.Focus.Select(f => f.Word));
    }

    [Theory]
    [InlineData("When did Nimbus launch its widget?", AnswerType.Date)]
    [InlineData("how long did the work take", AnswerType.Duration)]
    [InlineData("how many months did the rebuild take?", AnswerType.Duration)] // a count of time is a duration
    [InlineData("how many plants did Nimbus build?", AnswerType.Quantity)]
    [InlineData("How much did Nimbus spend on plants?", AnswerType.Quantity)]
    [InlineData("What's Zeta's GadgetEval score?", AnswerType.Quantity)]
    [InlineData("what's the widget's release date?", AnswerType.Date)]
    [InlineData("What operating margin did Nimbus report?", AnswerType.Quantity)]
    [InlineData("What GadgetEval result does Zeta report?", AnswerType.Quantity)] // a result a measure names
    [InlineData("What result did the Nimbus launch have?", AnswerType.Description)] // an outcome
    [InlineData("what did Zeta get on GizmoTest?", AnswerType.Quantity)]                 // a result
    [InlineData("what caveat does the note put on its shipment figures?", AnswerType.Description)] // a doubt, no result
    [InlineData("what does Acme get out of Zeta's plants for widgets?", AnswerType.Description)] // a benefit
    [InlineData("What is the date format the note uses for figures?", AnswerType.Description)]
    [InlineData("what's the exact date the widget ships in Europe?", AnswerType.Date)] // the date, then what it is of
    [InlineData("what was the date of the Nimbus launch?", AnswerType.Date)]
    [InlineData("what's the day Zeta went out the door?", AnswerType.Date)] // the date, then what happened on it
    [InlineData("what is the date Acme opened the Nimbus plant?", AnswerType.Date)]
    [InlineData("what's the exact launch date of the Nimbus widget?", AnswerType.Date)] // two words before "date"
    [InlineData("what is the day rate for a Zeta widget?", AnswerType.Quantity)]
    [InlineData("Does the note say Acme leads?", AnswerType.YesNo)]
    [InlineData("who makes the widget?", AnswerType.Person)]
    [InlineData("whose chips does the Nimbus plant run on?", AnswerType.Person)] // an owner
    [InlineData("What matters here, if not who is biggest?", AnswerType.Description)]
    [InlineData("Why does Acme matter?", AnswerType.Description)]
    public void The_answer_type_comes_from_the_question_s_form(string question, AnswerType type) =>
        Assert.Equal(type, Reader.Read(question).Type);

    [Fact]
    public void A_row_labelled_with_a_measure_noun_that_gives_no_figure_is_asked_for_by_its_name()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            | Feature | Position |
            |---|---|
            | Design target | Households at retail scale. |
            | Sales target | $5B in 2026. |
            """);
        Assert.Equal(AnswerType.Description, reader.Read("what's the design target per the table?").Type);
        Assert.Equal(AnswerType.Quantity, reader.Read("what's the sales target per the table?").Type);
    }

    [Fact]
    public void A_result_names_the_kind_of_answer_as_a_score_does_not_what_it_is_about() =>
        Assert.Contains(Reader.Read("What GadgetEval result does Zeta report?").Focus, f => f.Word == "result" && f.IsFrame);

    [Fact]
    public void A_name_of_the_notes_that_ends_like_a_plural_does_not_end_what_is_asked_for()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            In 2025 the Zests line reached a $4B revenue run-rate. Zests shipped in March. Analysts follow Zests closely.
            """);
        var q = reader.Read("what was zests revenue?");
        Assert.Equal(AnswerType.Quantity, q.Type);
        Assert.Equal(FigureKind.Money, q.WantedFigure);
        // the possessive of a word ending in s, written with the apostrophe after it
        var possessive = reader.Read("What was Zests' revenue in 2025?");
        Assert.Equal(AnswerType.Quantity, possessive.Type);
        Assert.Equal(FigureKind.Money, possessive.WantedFigure);
    }

    [Theory]
    [InlineData("What's the Acme stake percentage?", FigureKind.Percent)]
    [InlineData("what pct of shipments went to Zeta", FigureKind.Percent)]
    [InlineData("what % lift in shipments?", FigureKind.Percent)]
    [InlineData("what's Zeta's % on GizmoTest?", FigureKind.Percent)]              // the sign alone, after no figure, names a share
    [InlineData("zeta gizmotest %?", FigureKind.Percent)]
    [InlineData("zeta gizmo-2 %", FigureKind.Percent)]                              // a digit that ends a name is no figure of the sign's
    [InlineData("how fast did Zeta's shipments grow?", FigureKind.Percent)]
    [InlineData("How many units does Zeta have?", FigureKind.Count)]
    [InlineData("widget clicks lift from ranking changes", FigureKind.Percent)]   // the phrase's head, before "from", is a change
    [InlineData("what was the shipments lift for Zeta?", FigureKind.Percent)]
    [InlineData("what's the incremental orders increase", FigureKind.Percent)]
    [InlineData("what's the Zeta time spent lift", FigureKind.Percent)]                 // a change of time spent, not money spent
    [InlineData("Zeta time spent lift q4", FigureKind.Percent)]                         // a period at the end says when
    [InlineData("zeta gadget time spent lift in q4 2025?", FigureKind.Percent)]        // … and makes the phrase no longer
    [InlineData("what did Nimbus spend on plants?", FigureKind.Money)]
    [InlineData("how much is the Nimbus plant costing Acme?", FigureKind.Money)]
    [InlineData("how much did Acme shell out for Zeta?", FigureKind.Money)]   // paying, said as an idiom
    [InlineData("what did Acme fork over for its Zeta stake?", FigureKind.Money)]
    [InlineData("how much did Acme cough up for Zeta?", FigureKind.Money)]
    [InlineData("what does Zeta charge for its widget?", FigureKind.Money)]   // a verb of price asked with "what"
    [InlineData("how much did Acme put into Zeta?", FigureKind.Money)]        // putting into something: investing
    [InlineData("what did the Zeta stake cost Acme?", FigureKind.Money)]
    [InlineData("what was the cheque size for the Zeta deal?", FigureKind.Money)]   // a cheque is money, whatever its size
    public void The_kind_of_figure_asked_for_comes_from_the_word_that_names_it_wherever_it_stands(string question, FigureKind kind) =>
        Assert.Equal(kind, Reader.Read(question).WantedFigure);

    [Theory]
    [InlineData("How is the 2026 budget split between plants and chips?", "How is the 2026 budget", "between", "plants|chips")]
    [InlineData("how does Acme split its budget among plants, chips and software?", "its budget", "among", "plants|chips|software")]
    [InlineData("how much of the budget goes to the Nimbus plant?", "the budget", "to", "the Nimbus plant")]
    [InlineData("what share of the 3% gain came from Zest?", "the 3% gain", "from", "Zest")]
    [InlineData("2026 budget split plants vs chips?", "2026 budget", "between", "plants|chips")]   // parts set against each other
    [InlineData("Of the 2026 budget, how much goes to plants versus chips?", "the 2026 budget", "to", "plants|chips")]   // the whole fronted
    public void A_whole_asked_of_by_its_parts_is_read_as_its_whole_and_each_part(string question, string whole, string preposition, string parts)
    {
        var split = English.SplitAskedIn(question);
        Assert.NotNull(split);
        Assert.Equal(whole, question[split.WholeFrom..split.WholeTo].Trim());
        Assert.Equal(preposition, split.Preposition);
        Assert.Equal(parts, string.Join("|", split.Parts.Select(p => question[p.From..p.To].Trim().TrimEnd('?'))));
    }

    [Theory]
    [InlineData("how accurate is Zeta's GadgetEval score?", "accurate")]
    [InlineData("so how profitable is the Nimbus plant?", "profitable")]
    [InlineData("how big is Zeta's backlog?", null)]                   // a degree: the kind of answer
    [InlineData("how far behind Zeta is Acme?", null)]
    [InlineData("how smart is Acme vs Zeta?", null)]                     // a judgement the note makes in its own words
    [InlineData("how reliable is the GadgetEval score?", null)]          // how far to trust it
    [InlineData("how legit is the GadgetEval score?", null)]              // how far to trust it, in chat's words
    [InlineData("can it tell how fattening my lunch is?", null)]        // "how" does not open the question
    public void A_word_after_how_that_is_no_degree_names_a_measure_the_note_must_speak_of(string question, string? measure)
    {
        var q = Reader.Read(question);
        Assert.Equal(measure, q.MeasureAfterHow >= 0 ? q.Focus[q.MeasureAfterHow].Key : null);
    }

    [Theory]
    [InlineData("Reuters and Axios both indicate that Zeta sits in the Acme family.", true)]
    [InlineData("Kite's post says Zeta ships in May.", true)]
    [InlineData("According to Kite, Zeta ships in May.", true)]
    [InlineData("Acme materials say Zeta sold well and say Kite Research observed unusually high returns.", true)]
    [InlineData("Zeta ships in May, with wider rollout to follow.", false)]
    public void A_unit_says_who_reported_a_thing_with_its_own_verbs_of_saying(string sentence, bool says) =>
        Assert.Equal(says, Language.English.SaysWhoReports(sentence));

    [Theory]
    [InlineData("who conducted the Zeta audit?", "conducted")]
    [InlineData("so who runs Acme?", "runs")]
    [InlineData("wait so who actually conducted the Zeta audit?", "conducted")]   // past a chat opener and an adverb
    [InlineData("who is Acme's chief?", null)]                           // a copula: who holds a role
    [InlineData("who's running Zeta?", "running")]                        // the progressive of "who runs"
    [InlineData("who is being asked?", null)]                             // … not a short helper verb
    [InlineData("who does the note see as Acme's rival?", null)]         // an auxiliary: the note's act, not the doer's
    [InlineData("what did Acme say about who runs Zeta?", null)]          // "who" does not open the question
    [InlineData("who rnus Zeta?", "runs")]                                // a slip of a verb of leading is that verb
    [InlineData("who xqvz Zeta?", null)]                                  // a word that is no verb names no act
    public void The_act_a_who_question_asks_the_doer_of_is_the_word_right_after_an_opening_who(string question, string? verb)
    {
        var q = Reader.Read(question);
        Assert.Equal(verb, q.VerbAfterWho >= 0 ? q.Focus[q.VerbAfterWho].Key : null);
    }

    [Theory]
    [InlineData("What consumer use cases does Acme highlight?")]
    [InlineData("what technical features does Zeta describe?")]
    [InlineData("what risks does the note flag?")]
    public void A_what_question_for_a_plural_noun_asks_for_a_list(string question) =>
        Assert.Equal(AnswerType.List, Reader.Read(question).Type);

    [Theory]
    [InlineData("how big was the Zeta deal?", FigureKind.Money)]          // a transaction's size is the money laid out
    [InlineData("how large was Acme's investment in Zeta?", FigureKind.Money)]
    [InlineData("how big is the Nimbus plant?", FigureKind.Count)]
    [InlineData("how many deals did Acme sign?", FigureKind.Count)]        // counted, they are a number
    public void How_big_a_transaction_was_asks_the_money(string question, FigureKind wanted) =>
        Assert.Equal(wanted, Reader.Read(question).WantedFigure);

    [Theory]
    [InlineData("what is the Zeta stake worth?", true)]
    [InlineData("what is Acme's 40% Zeta stake worth now?", true)]
    [InlineData("what's Zeta valued at?", true)]
    [InlineData("how much is Zeta worth?", true)]
    [InlineData("what would the Omega deal put the whole company's value at?", true)]   // a value put at a figure
    [InlineData("what does the deal value Zeta at?", true)]
    [InlineData("what total value did the 2025 deal put on Zeta?", true)]                // a value put on a thing
    [InlineData("what value was placed on the Zeta business?", true)]
    [InlineData("what was the Zeta deal worth?", false)]        // a transaction's worth is its amount
    [InlineData("how much was the Zeta investment worth?", false)]
    [InlineData("what did Acme pay for the Zeta stake?", false)]
    [InlineData("what's the paid Nimbus business worth a year?", false)]   // worth over a period is what it brings in
    [InlineData("what is Zeta worth annually?", false)]
    public void A_worth_asked_is_read_as_a_figure_of_its_own_not_an_amount_paid(string question, bool worth)
    {
        var q = Reader.Read(question);
        Assert.Equal(worth, q.AsksWorth);
        Assert.Equal(AnswerType.Quantity, q.Type);
    }

    [Theory]
    [InlineData("how much did Acme split off from Zeta?")]
    [InlineData("how much of a lift did Zest get?")]
    [InlineData("what did Acme say about the split?")]
    [InlineData("how are the benchmark results split across the rivals?")]   // no parts named, only their kind
    public void A_question_that_asks_no_split_is_read_as_none(string question) =>
        Assert.Null(English.SplitAskedIn(question));

    [Theory]
    [InlineData("how much more time did people spend on Zest?")]
    [InlineData("how much time do users spend in Zeta?")]
    [InlineData("how much did people spend their time on Zest?")]
    public void Time_spent_is_no_amount_of_money(string question) =>
        Assert.NotEqual(FigureKind.Money, Reader.Read(question).WantedFigure);

    [Theory]
    [InlineData("Zeta paid messaging run rate")]
    [InlineData("2026 Acme spending guide range")]
    [InlineData("Acme widget stake")]
    [InlineData("zeta widget 2.1's actual gadgeteval max number?")]   // longer, with the measure its last word
    public void A_bare_phrase_whose_head_is_a_measure_asks_for_a_figure(string question) =>
        Assert.Equal(AnswerType.Quantity, Reader.Read(question).Type);

    [Fact]
    public void A_long_bare_phrase_that_states_a_figure_is_a_claim_not_a_figure_asked() =>
        Assert.NotEqual(AnswerType.Quantity, Reader.Read("zeta paid messaging hit a 2B annual run rate?").Type);

    [Theory]
    [InlineData("release date of the Nimbus widget")]
    [InlineData("Nimbus widget launch date?")]
    [InlineData("exact date the Nimbus widget hits stores?")]   // the date first, then what happens on it
    [InlineData("date Acme closed the Zeta deal")]
    [InlineData("need the exact day Acme closed the Zeta deal")]   // asked for as a request
    public void A_bare_phrase_whose_head_is_a_date_asks_for_one(string question) =>
        Assert.Equal(AnswerType.Date, Reader.Read(question).Type);

    [Theory]
    [InlineData("what day-to-day uses does Zeta list?")]           // a compound that only begins with a date noun
    [InlineData("what day to day stuff do Acme buyers do?")]
    [InlineData("which year-over-year gain did Acme post?")]
    [InlineData("when Zeta ships, do buyers get it free?")]        // a "when" clause before a question of its own
    public void A_date_noun_in_a_compound_or_a_when_clause_before_a_question_asks_no_date(string question) =>
        Assert.NotEqual(AnswerType.Date, Reader.Read(question).Type);

    [Fact]
    public void A_quarter_without_its_year_is_a_period_any_years_quarter_answers_and_not_a_name()
    {
        var q = Reader.Read("what was the q3 lift in Zeta shipments?");
        Assert.Contains(new Period(0, 3, null), q.Periods);
        Assert.DoesNotContain(q.Focus, f => f.Word == "q3" && f.IsName);
        // a half is no period the note's dates answer: it stays a word the answer must meet
        Assert.Contains(Reader.Read("what was Nimbus's h2 2025 spending?").Focus, f => f.Word == "h2" && f.IsName);
        Assert.True(new Period(2025, 3, null).Answers(new Period(0, 3, null)));
        Assert.False(new Period(2025, 4, null).Answers(new Period(0, 3, null)));
    }

    [Theory]
    [InlineData("how much did daily shoppers using zest search grow yoy?")]
    [InlineData("by how much did daily zest search shoppers increase?")]
    public void A_verb_of_multiplying_is_the_figure_of_its_clause_s_subject_not_of_the_words_after_it(string question)
    {
        // "… tripled year over year": what tripled is the subject before it; "year over year" is no measure
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In Q4 2025, Gizmo ranking changes drove a 9% lift in Gizmo views, and daily shoppers using Zest search tripled year over year.
            """);
        var q = reader.Read(question);
        Assert.Equal("**tripled**", new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0])).Headline);
    }

    [Theory]
    [InlineData("what was the Q4 2025 lift in Zest conversions?", "**3%**")]   // the period is in the sentence's lead, not the figure's clause
    [InlineData("q4 Zest conversions lift?", "**3%**")]
    public void A_figure_asked_for_a_period_is_headlined_when_its_clause_has_that_period_from_the_sentence_lead(string question, string headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In Q4 2025, Gizmo ranking changes drove a 9% lift in Gizmo views, and Zest checkout changes drove a 3% lift in Zest conversions.
            """);
        var q = reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0])).Headline);
    }

    [Theory]
    [InlineData("which is bigger, that or Zeta's?", "which is bigger, Acme's capacity or Zeta's")]
    [InlineData("how does that compare with zeta?", "how does Acme's capacity compare with zeta")]
    [InlineData("is that larger than Zeta's?", "is Acme's capacity larger than Zeta's")]
    public void That_standing_alone_set_against_a_compared_thing_is_what_the_previous_question_asked(string question, string read)
    {
        var q = Reader.Read(question, "what is Acme's capacity?");
        Assert.StartsWith(read, q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, q.Peers.Count);
        // "that" before a noun is no thing of its own, nor one set against nothing new
        Assert.DoesNotContain("Acme's capacity", Reader.Read("is that model larger than Zeta's?", "what is Acme's capacity?").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme's capacity", Reader.Read("how does that compare with acme's?", "what is Acme's capacity?").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fragment_that_says_again_a_measure_the_previous_question_asked_asks_it_of_the_thing_it_names_alone()
    {
        var q = Reader.Read("and the plants spending for Gizmo specifically?", "what did Nimbus spend on plants, and what is the 2026 guide?");
        Assert.Contains("Gizmo", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("guide", q.Text, StringComparison.OrdinalIgnoreCase);
        // a fragment with a word of its own the previous question did not say asks on with the previous question
        Assert.Contains("plants", Reader.Read("and Gizmo's chips?", "what did Nimbus spend on plants?").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void How_many_times_bigger_asks_how_much_bigger_not_a_count()
    {
        var q = Reader.Read("how many times bigger is Zeta's plant than Acme's?");
        Assert.True(q.Comparison);
        Assert.Null(q.Position);
        Assert.NotEqual(FigureKind.Count, q.WantedFigure);
        Assert.Equal(FigureKind.Count, Reader.Read("how many times did Zeta open a plant?").WantedFigure);  // a count of times
    }

    [Fact]
    public void A_unit_of_measure_that_closes_the_question_asks_a_figure_in_it()
    {
        Assert.Equal(AnswerType.Quantity, Reader.Read("what's the plant's capacity in GW?").Type);
        var latency = Reader.Read("what is the widget's latency, in ms?");
        Assert.Equal(AnswerType.Quantity, latency.Type);
        Assert.Equal(FigureKind.Duration, latency.WantedFigure);
        Assert.NotEqual(AnswerType.Quantity, Reader.Read("what is the widget's role in plants?").Type);
        Assert.Equal(AnswerType.Quantity, Reader.Read("nimbus plant gw?").Type);  // closing a bare phrase
        Assert.Equal(FigureKind.Duration, Reader.Read("widget latency ms").WantedFigure);
    }

    [Fact]
    public void Where_a_thing_falls_short_asks_no_standing_and_an_opening_when_clause_is_no_question_of_its_own()
    {
        Assert.Equal(AnswerType.Quantity, Reader.Read("where does Acme land on GizmoTest?").Type);
        Assert.NotEqual(AnswerType.Quantity, Reader.Read("where does Acme fall short?").Type);
        // the question's own wh-word is the one after the clause of time; the clause is no part of its own
        const string timed = "When Nimbus ships its widget, which makers does it beat?";
        Assert.Single(QuestionReader.PartsOf(timed));
        Assert.Equal(AnswerType.List, Reader.Read(timed).Type);
        Assert.Equal(2, QuestionReader.PartsOf("when did Nimbus launch, which makers does it beat?").Count);
    }

    [Fact]
    public void A_follow_up_that_names_a_thing_then_asks_of_it_after_a_dash_or_closes_on_its_possessive_asks_of_that_thing()
    {
        // "… Zeta's by comparison?": the previous question's measure, of Zeta
        var dangling = Reader.Read("how big is Zeta's by comparison?", "what is Acme's capacity?");
        Assert.Contains("capacity", dangling.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(dangling.Peers, p => p.Label.StartsWith("Zeta", StringComparison.Ordinal));
        Assert.DoesNotContain(dangling.Peers, p => p.Label.StartsWith("Acme", StringComparison.Ordinal));
        // "how does Acme's capacity compare with Zeta's?" names both sides and its measure: nothing of the previous kept
        var both = Reader.Read("how does Acme's capacity compare with Zeta's?", "what is Acme's price?");
        Assert.Contains("capacity", both.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("price", both.Text, StringComparison.OrdinalIgnoreCase);
        // "what about Zeta — what capacity do they have?": asked of Zeta, nothing of the previous question kept
        var dashed = Reader.Read("what about Zeta — what capacity do they have?", "when did Nimbus launch its widget?");
        Assert.Contains("Zeta", dashed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("launch", dashed.Text, StringComparison.OrdinalIgnoreCase);
        // "and Zeta itself, is that …?" after "when?": a yes/no question of Zeta, not the previous question's date
        var andThat = Reader.Read("and Zeta itself, is that a gadget?", "when did Nimbus launch its widget?");
        Assert.Equal(AnswerType.YesNo, andThat.Type);
        Assert.DoesNotContain("launch", andThat.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(andThat.Peers, p => p.Label.StartsWith("Zeta", StringComparison.Ordinal));
        // "and Zeta shops, do those …?": "those" of a plural thing, asked of it
        var andThose = Reader.Read("and Zeta shops, do those sell widgets?", "when did Nimbus launch its widget?");
        Assert.Equal(AnswerType.YesNo, andThose.Type);
        Assert.StartsWith("do Zeta shops sell widgets", andThose.Text, StringComparison.Ordinal);
        // "and for Zeta, what capacity do they have?": after "for" too
        var andFor = Reader.Read("and for Zeta, what capacity do they have?", "when did Nimbus launch its widget?");
        Assert.DoesNotContain("launch", andFor.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("for Zeta", andFor.Text, StringComparison.OrdinalIgnoreCase);
        // "and the rebuild, how long did it take?": "it" points at nothing, and the thing stays where it was said
        var dummy = Reader.Read("and the rebuild, how long did it take?", "who ran Nimbus back then?");
        Assert.Contains("rebuild", dummy.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ran", dummy.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("is that the biggest?", "is Acme's capacity the biggest")]
    [InlineData("was it the lowest?", "was Acme's capacity the lowest")]
    [InlineData("is it higher than Zeta's?", "is Acme's capacity higher than Zeta's")]
    public void A_pronoun_put_against_the_top_or_a_compared_thing_is_what_the_previous_question_asked(string question, string read)
    {
        Assert.StartsWith(read, Reader.Read(question, "what is Acme's capacity?").Text, StringComparison.OrdinalIgnoreCase);
        // not against the top: "the" before any other word, or a previous question about no compared thing
        Assert.DoesNotContain("is Acme's capacity the plan", Reader.Read("is that the plan?", "what is Acme's capacity?").Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("is the capex the biggest", Reader.Read("is that the biggest?", "what was the capex?").Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how much is Nimbus paying them for that?")]
    [InlineData("what did Nimbus pay for those?")]
    public void Them_or_that_in_a_short_question_naming_the_note_s_subject_points_back_at_the_previous_question(string question)
    {
        // Nimbus is a name of the note's: a short question that names it is whole, unless it points back
        var q = Reader.Read(question, "which plants does Nimbus run?");
        Assert.Contains(q.Focus, f => f.Key == "plants");
        Assert.DoesNotContain(Reader.Read("how much did Nimbus spend?", "which plants does Nimbus run?").Focus, f => f.Key == "plants");
    }

    [Fact]
    public void A_yes_no_question_about_it_asks_of_the_thing_the_previous_question_named_and_of_nothing_else()
    {
        var q = Reader.Read("is it open source?", "what is Acme's capacity?");
        Assert.StartsWith("is Acme open source", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("capacity", q.Text, StringComparison.OrdinalIgnoreCase);
        // "does it say …?" is as often about the note: it keeps the previous question's words; so does a question
        // with no word of its own ("will it ever be?" asks the previous one again)
        Assert.Contains("capacity", Reader.Read("does it say so?", "what is Acme's capacity?").Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("capacity", Reader.Read("will it ever be?", "is Acme's capacity public?").Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("why does it matter?")]
    [InlineData("why is it important?")]
    public void Asked_only_why_it_matters_it_is_all_the_previous_question_asked_about(string question)
    {
        // not just the thing it named ("why does Acme matter?"), but what it asked of it
        var q = Reader.Read(question, "what is Acme's capacity?");
        Assert.Contains("capacity", q.Text, StringComparison.OrdinalIgnoreCase);
        // a question with a word of its own still takes only the thing
        Assert.DoesNotContain("capacity", Reader.Read("why does it lead?", "what is Acme's capacity?").Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_year_before_in_a_follow_up_moves_the_previous_questions_years_one_back()
    {
        var q = Reader.Read("what was it the year before?", "what did Nimbus spend on plants in Q4 2025?");
        Assert.Contains(new Period(2024, 4, null), q.Periods);
        Assert.DoesNotContain(new Period(2025, 4, null), q.Periods);
    }

    [Theory]
    [InlineData("and the following year?")]
    [InlineData("what about the year after?")]
    [InlineData("and a year later?")]
    public void The_year_after_in_a_follow_up_moves_the_previous_questions_years_one_on(string question)
    {
        var q = Reader.Read(question, "what did Nimbus spend on plants in 2024?");
        Assert.Contains(new Period(2025, null, null), q.Periods);
        Assert.DoesNotContain(new Period(2024, null, null), q.Periods);
    }

    [Fact]
    public void A_word_that_says_nothing_of_what_is_asked_says_nothing_in_its_possessive_either()
    {
        // "the note's sources" asks about sources as "the note" does: "note's" is no word a unit must say (it had met
        // "a launch note" in a table row and outranked the note's source list)
        Assert.Equal(["sources"], Reader.Read("what are the note's sources?").Focus.Select(f => f.Word));
        Assert.Equal(["main", "risk"], Reader.Read("what is the report's main risk?").Focus.Select(f => f.Word));
        // a name's possessive stays the name
        Assert.Contains(Reader.Read("what is Zeta's capacity?").Focus, f => f.Word == "Zeta's" && f.IsName);
    }

    [Fact]
    public void A_question_names_its_slot_its_period_and_the_compared_things()
    {
        var q = Reader.Read("How many widgets did Zeta sell in Q3 2025?");
        Assert.Contains(q.Focus, f => f.IsSlot && f.Word == "widgets");
        Assert.Contains(new Period(2025, 3, null), q.Periods);
        Assert.Contains(q.Peers, p => p.Label == "Zeta Widget");
        Assert.Contains(q.Focus, f => f.Word == "Zeta" && f.IsName);
        // the slot ends at its plural noun: what the counted things do is not what is counted
        var stores = Reader.Read("how many stores touch at least one widget every day?");
        Assert.Equal(["stores"], stores.Focus.Where(f => f.IsSlot).Select(f => f.Word));
        // however many words what they do takes before the question ends
        var shops = Reader.Read("how many shops use Acme Widget every day?");
        Assert.Equal(["shops"], shops.Focus.Where(f => f.IsSlot).Select(f => f.Word));
        var units = Reader.Read("how many backlog units does Acme have?");
        Assert.Equal(["backlog", "units"], units.Focus.Where(f => f.IsSlot).Select(f => f.Word));
        // "per" ends the thing asked for, as "of" does: the slot is the dividend, not the share it is counted by
        var dividend = Reader.Read("what is Zeta's dividend per share?");
        Assert.Contains(dividend.Focus, f => f.IsSlot && f.Word == "dividend");
    }

    [Theory]
    [InlineData("what's the us only number for Zeta?", "US")]
    [InlineData("is Acme sold in the uk?", "UK")]
    public void After_the_a_countrys_letters_are_the_country_not_the_pronoun(string question, string country) =>
        Assert.Contains(Reader.Read(question).Focus, f => f.Word == country && f.IsName);

    [Theory]
    [InlineData("does the note give a figre for Nimbus's plants?", AnswerType.Quantity)]
    [InlineData("does the note give a dae for the Nimbus widget?", AnswerType.Date)]
    public void A_mistyped_word_is_read_as_meant_before_the_form_of_the_question_is(string question, AnswerType type)
    {
        var q = Reader.Read(question);
        Assert.Equal(type, q.Type);
        Assert.NotNull(q.NamedKind);
    }

    [Fact]
    public void A_glossary_term_typed_wrong_is_spelled_out_once_corrected()
    {
        var model = new NoteModel(NoteParser.Parse(Note), new Glossary([("plant spending", "spending")]));
        var reader = new QuestionReader(model, new NoteVocabulary(model.Document));
        Assert.DoesNotContain(reader.Read("what was Nimbus's 2026 plant spneding guide?").Focus, f => f.Key == "plant");
    }

    [Fact]
    public void A_glossary_term_typed_in_chat_shorthand_is_spelled_out_once_the_shorthand_is()
    {
        // "yr" is chat shorthand for "year"; the glossary knows "plant year" only in full
        var model = new NoteModel(NoteParser.Parse(Note), new Glossary([("plant year", "widget")]));
        var reader = new QuestionReader(model, new NoteVocabulary(model.Document));
        var q = reader.Read("Nimbus plant yr?");
        Assert.Contains(q.Focus, f => f.Key == "widget");
        Assert.DoesNotContain(q.Focus, f => f.Key == "plant");
    }

    [Fact]
    public void Asked_how_long_a_verb_of_spending_is_the_time_spent_not_money()
    {
        var q = Reader.Read("how many months did Nimbus spend on its widget?");
        Assert.Equal(AnswerType.Duration, q.Type);
        Assert.Contains(q.Focus, f => f.Key == "spend" && f.IsFrame);
        // asked how much, it is money laid out, and the note must say what it was spent on
        Assert.DoesNotContain(Reader.Read("how much did Nimbus spend on plants?").Focus, f => f.Key == "plants" && f.IsFrame);
    }

    [Theory]
    [InlineData("what size backlog does Acme have?")]
    [InlineData("what's the size of Zeta's capacity?")]
    public void Size_names_the_kind_of_answer_as_amount_does_not_a_word_the_note_must_say(string question) =>
        Assert.Contains(Reader.Read(question).Focus, f => f.Key == "size" && f.IsFrame);

    [Theory]
    [InlineData("what did the firm's widget score, per the write-up?")]
    [InlineData("How long did the company work on its widget?")]
    [InlineData("How long did the compnay work on its widget?")] // read as meant first
    public void The_company_or_the_firm_is_the_company_the_note_is_about_and_the_write_up_is_the_note(string question)
    {
        var q = Reader.Read(question);
        Assert.NotNull(Model.SubjectName);
        Assert.Contains(q.Focus, f => f.IsSubject && f.Word.StartsWith(Model.SubjectName!, StringComparison.Ordinal));
        Assert.DoesNotContain(q.Focus, f => f.Key is "firm" or "company" or "write-up");
    }

    [Theory]
    [InlineData("zeta numbers?", true)]
    [InlineData("what are the key stats on Acme Widget?", true)]
    [InlineData("main figures?", true)] // nothing in particular: the note's key figures
    [InlineData("what are Zeta's WidgetBench and GadgetEval numbers?", false)] // measures, each its own figure
    [InlineData("are the numbers verified?", false)]
    [InlineData("what were Zeta's Q3 2025 numbers?", false)] // a period: its figures, not all
    [InlineData("what's Zeta's GadgetEval score?", false)]
    [InlineData("every zeta benchmark number in the note", true)] // one figure noun after "every" asks for all
    [InlineData("gimme every zeta benchmark # pls", true)]         // chat's sign for a number
    public void Figures_in_general_are_asked_of_one_named_thing_or_of_nothing_in_particular(string question, bool asks) =>
        Assert.Equal(asks, Reader.Read(question).AsksFigures);

    [Theory]
    [InlineData("which three makers rank above Acme on GizmoTest?", "three")]
    [InlineData("what are the 2 risks the note names?", "2")]
    [InlineData("of the four widgets in the table, which is cheapest?", "four")]
    public void A_count_of_the_things_asked_is_no_word_the_note_must_say(string question, string count)
    {
        var q = Reader.Read(question);
        Assert.DoesNotContain(q.Content, f => f.Key == count);
    }

    [Theory]
    [InlineData("Which power developers are supplying the Nimbus plant?", "developers", "power developers")]
    [InlineData("In which regions does Zeta sell widgets?", "regions", "regions")]
    [InlineData("Which brand of widgets will get the upgrade first?", "brand", "brand of widgets")]
    [InlineData("Which kinds of buyers does Acme target?", null, null)] // kinds are asked for, not named things
    [InlineData("What are Acme's risks?", null, null)]
    [InlineData("ok so which partners actually got into the Zeta preview?", "partners", "partners")] // an adverb before the verb
    [InlineData("which widget tools make up that $3B run rate", "tools", "widget tools")]            // a plain verb, not an auxiliary
    [InlineData("who are the partners that got Zeta access", "partners", "partners")]               // "who are the X that …" as "which X"
    [InlineData("who r the named suppliers behind Nimbus?", "suppliers", "named suppliers")]
    [InlineData("who built Nimbus?", null, null)]                                                   // a person asked, no kind named
    [InlineData("Name the partners that have access to the Zeta preview.", "partners", "partners")] // a bidding to name them
    [InlineData("list some suppliers of the Nimbus plant", "suppliers", "suppliers")]
    [InlineData("which regions excluded from the Zeta deal", "regions", "regions")]                // chat's, with no verb
    [InlineData("which partners in the Zeta preview?", "partners", "partners")]
    [InlineData("which preview partners", "partners", "preview partners")]                        // the thing alone, nothing after it
    [InlineData("ok which regions?", "regions", "regions")]
    [InlineData("which hospitals stock Nimbus widgets?", "hospitals", "hospitals")]                // a verb no pattern lists: up to the plural
    [InlineData("which news outlets cover the Zeta deal?", "outlets", "news outlets")]            // a plural before another modifies it
    [InlineData("which glasses models exactly?", "models", "glasses models")]
    [InlineData("which watch item tests whether Acme ships?", null, null)]                        // "tests" before a clause is the verb
    [InlineData("which is bigger, Acme's backlog or Zeta's?", null, null)]                        // a choice, and a possessive is no plural
    public void A_which_question_names_the_thing_whose_member_it_asks_for(string question, string? head, string? phrase)
    {
        var q = Reader.Read(question);
        Assert.Equal(head, q.MemberHead >= 0 ? q.Focus[q.MemberHead].Word : null);
        Assert.Equal(phrase, q.MemberOf);
    }

    [Theory]
    [InlineData("Where is Acme sold today, which outlets carry it, and what's its price?", 3)]
    [InlineData("On GizmoTest, how does Acme compare with Zeta?", 1)]
    [InlineData("If Acme misses its target, what happens to Zeta?", 1)]
    [InlineData("What did Nimbus spend, and when did it launch?", 2)]
    [InlineData("What did Nimbus spend last year — i.e. the year before the launch?", 1)] // an abbreviation's full stop
    [InlineData("What did Nimbus spend, e.g. on plants?", 1)]
    [InlineData("What did Nimbus spend. When did it launch?", 2)]
    [InlineData("timeline check: when did Acme open Nimbus, when did Zeta ship, and how long did it take?", 3)]   // after a preamble's colon
    [InlineData("which outlets carry Zeta? names pls", 1)]                     // a part that only says what kind of answer
    [InlineData("when will Acme open Nimbus? any timeline", 1)]
    [InlineData("which stores carry Zeta? bolt mart? kite?", 1)]                  // guesses at the answer, asking nothing more
    [InlineData("what's Dana's title at Acme? chief widget officer?", 1)]
    [InlineData("what did Zeta score on GizmoTest? and Acme?", 2)]                // asks on
    [InlineData("zeta gizmotest? acme?", 2)]                                       // no question word to guess at
    public void A_question_after_a_comma_is_a_part_of_its_own_only_when_a_question_came_before_it(string question, int parts) =>
        Assert.Equal(parts, QuestionReader.PartsOf(question).Count);

    [Theory]
    [InlineData("need 3 things: 2025 plant spend, the 2026 range, and the widget Acme named at launch", 3)]
    [InlineData("quick ones: nimbus capacity & zeta capacity", 1)]                  // no list of items after the colon
    [InlineData("note: what did Nimbus spend on plants on May 4, 2026?", 1)]        // a question after it, not a list
    [InlineData("for the deck: Nimbus revenue, Zeta revenue", 2)]
    public void A_list_of_bare_phrases_after_a_colon_asks_each_on_its_own(string question, int parts) =>
        Assert.Equal(parts, QuestionReader.PartsOf(question).Count);

    [Fact]
    public void Two_capitals_stand_for_a_two_word_name_the_note_uses_twice_but_not_a_sentence_s_first_two_words()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            The ranking by Gizmo Test puts Acme first. Acme also leads on Gizmo Test for speed.
            Against Zeta, Acme looks strong. Against Zeta the gap is small.
            """);
        Assert.Contains("Gizmo Test's score", reader.Read("what is acme's GT's score?").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Against Zeta", reader.Read("what did AZ say?").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gizmo", reader.Read("what is gt?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How much is Nimbus spending this year?", "2026")]
    [InlineData("what did nimbus spend last year", "2025")]
    [InlineData("What is next year's guide?", "2027")]
    public void A_year_said_relative_to_now_is_the_year_where_the_note_stands(string question, string year)
    {
        Assert.Equal("May 4, 2026", Model.Document.Date);
        Assert.Contains(year, Reader.Read(question).Text, StringComparison.Ordinal);
        Assert.Contains(year, Reader.Read(question).Periods.Select(p => p.ToString()));
    }

    [Fact]
    public void What_about_a_compared_thing_on_a_name_of_the_notes_asks_its_figure_there()
    {
        Assert.Equal(AnswerType.Quantity, Reader.Read("what about Zeta on GadgetEval?").Type);
        Assert.Equal(AnswerType.Quantity, Reader.Read("how about acme widget on widgetbench?").Type);
        // on something that is no name of the note's, it asks what the note says of it
        Assert.NotEqual(AnswerType.Quantity, Reader.Read("what about Zeta on scene reading?").Type);
    }

    [Theory]
    [InlineData("zeta capacity + acme capacity?")]
    [InlineData("zeta capacity & acme capacity?")]
    public void A_sign_between_two_words_joins_them_as_and_does(string question) =>
        Assert.Contains("zeta capacity and acme capacity", Reader.Read(question).Text, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void A_year_written_in_brackets_beside_a_relative_one_is_the_year_meant()
    {
        var q = Reader.Read("what is nimbus guiding next yr (2026)?");
        Assert.Equal(["2026"], q.Periods.Select(p => p.ToString()));
    }

    [Fact]
    public void A_follow_up_leans_on_the_previous_question_replacing_the_compared_thing()
    {
        var q = Reader.Read("and Zeta's?", previous: "What did Acme report on GadgetEval?");
        Assert.Contains("GadgetEval", q.Text);
        Assert.Contains(q.Peers, p => p.Label == "Zeta Widget");
    }

    [Theory]
    [InlineData("when did Zeta come out?", false)]             // a date asked of a name: whole, though the name is its only word
    [InlineData("how much did Nimbus spend?", false)]          // its own wh-word, verb, and a name of the note's
    [InlineData("how much did they pay for Nimbus?", false)]
    [InlineData("what did Zeta get?", true)]                   // the previous question's measure, asked of Zeta
    [InlineData("whats the price then?", true)]                // no name: asked of what the previous question named
    [InlineData("whats the capacity then?", false)]            // a measure the thing's own row gives: asked of it alone
    public void A_short_question_of_its_own_follows_up_nothing_and_a_fragment_leans_on_the_last_one(string question, bool follows) =>
        // the previous question's measure ("backlog") is no name, so a question naming another thing keeps it unless whole
        Assert.Equal(follows, Reader.Read(question, previous: "What was Acme's unit backlog?").Text.Contains("backlog", StringComparison.Ordinal));

    [Theory]
    [InlineData("who launched Nimbus's widget?", false)]                       // a name said with a word of its own
    [InlineData("what is Nimbus?", false)]                                      // what a thing is
    [InlineData("thanks! one more — how much did Nimbus spend on plants?", false)]
    [InlineData("and what could go wrong on supply?", false)]                   // no name, and Zeta is never said with supply
    [InlineData("by how much did Nimbus raise spending?", false)]
    [InlineData("what did Nimbus pay for its plants?", false)]                  // "its" after a word of the question's own
    [InlineData("what did Nimbus get?", true)]                                  // the previous measure, asked of Nimbus
    [InlineData("what's its capacity?", true)]                                  // points back
    [InlineData("which one is higher?", true)]
    [InlineData("what's the capacity?", true)]                                  // Zeta's own row gives a capacity
    public void A_question_with_a_topic_of_its_own_and_nothing_pointing_back_follows_up_nothing(string question, bool follows)
    {
        var q = Reader.Read(question, previous: "What did Zeta score on GizmoTest?");
        Assert.Equal(follows, q.Text.Contains("GizmoTest", StringComparison.Ordinal) || q.Peers.Any(p => p.Label == "Zeta Widget"));
    }

    [Theory]
    [InlineData("is Zeta profitable?", false)]   // a yes/no question of its own
    [InlineData("is that above Zeta?", true)]    // one that points back at what was asked
    public void A_yes_no_question_follows_up_only_when_it_points_back(string question, bool follows) =>
        Assert.Equal(follows, Reader.Read(question, previous: "How much did Nimbus spend on plants?").Text.Contains("plants", StringComparison.Ordinal));

    [Theory]
    [InlineData("and when?", "How much did Nimbus spend on plants?", AnswerType.Date)]
    [InlineData("ok and how long did the work take?", "When did Nimbus launch its widget?", AnswerType.Duration)]
    [InlineData("and Acme's?", "When did Nimbus launch its widget?", AnswerType.Date)]  // no question word: the last one's
    public void A_follow_up_with_a_question_word_of_its_own_asks_its_own_kind_of_answer(string question, string previous, AnswerType type)
    {
        var q = Reader.Read(question, previous);
        Assert.Equal(type, q.Type);
        Assert.Contains("Nimbus", q.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How much did Nimbus pay for plants, and for what share?")]
    [InlineData("How much did Nimbus pay for plants and what share did it get?")]
    public void A_follow_up_with_its_own_question_word_asks_of_the_previous_questions_topic_not_its_other_asks(string previous)
    {
        var q = Reader.Read("when was that deal?", previous);
        Assert.Equal(AnswerType.Date, q.Type);
        Assert.Contains("plants", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("share", q.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From what date did Nimbus open its plants?")]
    [InlineData("in which year did Nimbus open its plants?")]
    [InlineData("Starting when did Nimbus open its plants?")]   // a participle standing as a preposition, and "when" after it
    [InlineData("since when has Nimbus run its plants?")]
    public void A_follow_up_with_its_own_question_word_leaves_the_previous_questions_prepositioned_wh_phrase_behind(string previous)
    {
        // "which regions are they in there?" after "from what date did Nimbus open its plants?" asks where the plants are, not their date
        var q = Reader.Read("which regions are they in there?", previous);
        Assert.NotEqual(AnswerType.Date, q.Type);
        Assert.Contains("plants", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("date", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("year", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("when", q.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_follow_up_with_its_own_question_word_is_no_question_for_money_because_the_last_one_was()
    {
        var q = Reader.Read("what stake did that buy?", previous: "How much did Nimbus pay for plants?");
        Assert.NotEqual(FigureKind.Money, q.WantedFigure);
        Assert.Contains("Nimbus", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_naming_a_section_asks_about_that_section_whatever_came_before()
    {
        Assert.DoesNotContain("plants", Reader.Read("ok what are the risks?", previous: "How much did Nimbus spend on plants?").Text, StringComparison.Ordinal);
        // a fragment with words of its own beyond a title's still leans on the previous question
        Assert.Contains("plants", Reader.Read("what are the risks to that?", previous: "How much did Nimbus spend on plants?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("and its capacity?")]
    [InlineData("and the capacity?")]      // the thing's own table row gives a capacity
    [InlineData("what about capacity?")]
    [InlineData("what's the capacity then?")]   // a what-question of nothing but the measure
    public void A_fragment_asking_a_measure_of_the_thing_the_previous_question_named_asks_it_alone(string question)
    {
        var q = Reader.Read(question, previous: "What did Zeta score on GizmoTest?");
        Assert.Contains(q.Peers, p => p.Label == "Zeta Widget");
        Assert.DoesNotContain("GizmoTest", q.Text, StringComparison.Ordinal);   // the previous measure is not asked too
    }

    [Theory]
    [InlineData("what is Zeta Widget's capacity?")]
    [InlineData("ok what's Zeta Widget's capacity?")]    // what opens the previous message is no part of its question
    public void That_standing_alone_is_what_the_previous_question_asked(string previous)
    {
        var q = Reader.Read("is that bigger than Acme Widget's?", previous);
        Assert.Equal(2, q.Peers.Count);
        Assert.StartsWith("is Zeta Widget's capacity bigger than", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_naming_another_compared_thing_drops_the_previous_one_with_the_version_typed_after_it()
    {
        var q = Reader.Read("GizmoTest for Acme?", previous: "what did zeta 3.2 score on GadgetEval?");
        Assert.Contains(q.Peers, p => p.Label == "Acme Widget");
        Assert.DoesNotContain("3.2", q.Text, StringComparison.Ordinal);   // no figure asked of Acme
    }

    [Theory]
    [InlineData("GadgetEval?", "What WidgetBench Max score does Omega report?")]
    [InlineData("and GizmoTest?", "What WidgetBench Max score does Omega report?")]
    [InlineData("gadgeteval?", "what widgetbench max score does omega report?")]   // typed in lower case
    public void A_follow_up_naming_another_measure_drops_the_previous_name_with_the_words_the_note_writes_after_it(string question, string previous)
    {
        // "Max" is a word the note also writes in lower case, so no name of its own: left behind, it would still ask
        // of WidgetBench Max, whose figure is another's
        var (_, reader) = Small("""
            Gadget Note
            1. Overview
            Omega reports 83.0% on GadgetEval, 57.7% on WidgetBench Max, and 75.0% on GizmoTest.
            Omega says WidgetBench Max is its hardest test, run at max load.
            The press says Omega leads, and that Omega ships first.
            """);
        var q = reader.Read(question, previous: previous);
        Assert.DoesNotContain("max", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("omega", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("score", q.Text, StringComparison.OrdinalIgnoreCase);   // the words after the name that are not its own stay
    }

    [Theory]
    [InlineData("what about monthly Nimbus Chat users?", true)]
    [InlineData("and the monthly Nimbus Chat users?", true)]
    [InlineData("what about monthly?", false)]          // no measure of its own: the previous question's, monthly
    public void A_fragment_that_is_a_whole_measure_of_the_note_asks_that_measure_alone(string question, bool alone)
    {
        var (_, reader) = Small("""
            Gadget Note
            1. Overview
            Nimbus had 5M daily active people across its apps in May 2026 and more than 2M monthly Nimbus Chat users.
            The press says Nimbus leads, and that Nimbus ships first.
            """);
        var q = reader.Read(question, previous: "How many people use Nimbus's apps each day?");
        Assert.Equal(alone, !q.Text.Contains("apps", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what did Zeta Widget get on that?")]
    [InlineData("what'd Zeta Widget get on that one?")]
    public void That_after_a_preposition_is_the_measure_the_previous_question_asked(string question) =>
        Assert.Contains("GizmoTest", Reader.Read(question, previous: "What GizmoTest score does the press give Acme Widget?").Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("what did Zeta Widget get on that test?")]
    [InlineData("and Zeta Widget on that benchmark?")]
    [InlineData("Same benchmark, what's Zeta Widget's number?")]
    [InlineData("ok on the same test — Zeta Widget?")]
    public void That_and_a_noun_after_a_preposition_is_the_measure_the_previous_question_named(string question)
    {
        var q = Reader.Read(question, previous: "acme widget gizmotest %?");
        Assert.Contains("GizmoTest", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("that", q.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_fragment_naming_what_the_compared_things_row_does_not_give_is_asked_of_the_previous_topic() =>
        Assert.Contains("GizmoTest", Reader.Read("and the plants?", previous: "What did Zeta score on GizmoTest?").Text, StringComparison.Ordinal);

    [Fact]
    public void A_fragment_naming_a_section_asks_about_that_section_and_one_naming_a_thing_still_leans_on_the_last_question()
    {
        Assert.DoesNotContain("plants", Reader.Read("and the risks?", previous: "How much did Nimbus spend on plants?").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("plants", Reader.Read("what about risks?", previous: "How much did Nimbus spend on plants?").Text, StringComparison.Ordinal);
        // a section titled by a name: the name alone asks the previous question of that thing
        var (_, reader) = Small("""
            Widget Note
            1. What Nimbus Sells
            Acme spent $3B on plants in 2025. Acme and Nimbus sell widgets. Acme sells gadgets. Acme ships kits.
            """);
        Assert.Contains("plants", reader.Read("and Nimbus?", previous: "How much did Acme spend on plants?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("got it. what about the risks?")]
    [InlineData("thanks! and the risks?")]
    public void An_acknowledgement_that_opens_a_message_is_no_part_of_its_question(string question)
    {
        var q = Reader.Read(question, previous: "How much did Nimbus spend on plants?");
        Assert.DoesNotContain("plants", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("got", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("thanks", q.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thanks!", SmallTalk.Thanks)]
    [InlineData("thank you so much", SmallTalk.Thanks)]
    [InlineData("ok cool", SmallTalk.Acknowledgement)]
    [InlineData("got it, that helps", SmallTalk.Thanks)]
    [InlineData("hello?", SmallTalk.Greeting)]
    [InlineData("is that right", SmallTalk.None)]      // a question without its question mark
    [InlineData("cool?", SmallTalk.None)]
    [InlineData("great, and Zeta?", SmallTalk.None)]
    [InlineData("ok what are the risks?", SmallTalk.None)]
    [InlineData("ok cosl", SmallTalk.Acknowledgement)]  // typed with a slip
    [InlineData("gerat, that hilps", SmallTalk.Thanks)]
    [InlineData("ok cost", SmallTalk.None)]             // a word two slips from any of them asks something
    public void A_message_of_thanks_a_greeting_or_an_acknowledgement_alone_asks_nothing(string message, SmallTalk kind) =>
        Assert.Equal(kind, English.SmallTalkIn(message));

    [Theory]
    [InlineData("zeta gizmotest score pls", "zeta gizmotest score")]
    [InlineData("what did zeta get on gizmotest? thx!", "what did zeta get on gizmotest?")]
    [InlineData("zeta gizmotest score, need it asap", "zeta gizmotest score, need it")]
    [InlineData("is zeta ahead? lmk, thanks", "is zeta ahead?")]
    [InlineData("zeta is just a gadget tho?", "zeta is just a gadget?")]
    [InlineData("zeta gizmotest score pls?", "zeta gizmotest score?")]
    [InlineData("thanks!", "thanks!")]                       // small talk whole stays what it is
    [InlineData("ok thanks", "ok thanks")]
    [InlineData("please explain the thesis", "please explain the thesis")]   // only what closes the message
    public void Please_thanks_or_hurry_closing_a_message_is_not_part_of_its_question(string message, string question) =>
        Assert.Equal(question, English.WithoutSmallTalk(message));

    [Theory]
    [InlineData("acme vs zeta on gizmotest, side by side pls", "acme vs zeta on gizmotest")]
    [InlineData("2025 spend and the 2026 guide, one line please", "2025 spend and the 2026 guide")]
    [InlineData("acme vs zeta gizmotest numbers side by side?", "acme vs zeta gizmotest?")]
    [InlineData("acme vs zeta on gizmotest — numbers side by side?", "acme vs zeta on gizmotest?")]
    [InlineData("2025 spend vs the 2026 guide, both numbers pls", "2025 spend vs the 2026 guide")]
    [InlineData("what's acme, as a one-liner?", "what's acme?")]
    [InlineData("do the crews work side by side?", "do the crews work side by side?")]   // how they work, asked
    public void The_form_asked_of_the_answer_closing_a_message_is_not_part_of_its_question(string message, string question) =>
        Assert.Equal(question, English.WithoutSmallTalk(message));

    [Theory]
    [InlineData("what did nimbus spend on plants in 2025? for a client deck", "deck")]
    [InlineData("need the day nimbus launched its widget for my boss", "boss")]
    [InlineData("what did nimbus spend on plants, in a sentence?", "sentence")]
    public void Whom_an_answer_is_for_or_its_form_asks_nothing_of_the_note(string question, string word) =>
        Assert.DoesNotContain(Reader.Read(question).Focus, f => f.Key == word);

    [Theory]
    [InlineData("what's the price for a premium tier?", "premium")]   // what a price is for is what is asked
    [InlineData("what did nimbus spend for the supply team?", "supply")]   // a word the note speaks of
    public void What_a_figure_is_for_stays_part_of_the_question(string question, string word) =>
        Assert.Contains(Reader.Read(question).Focus, f => f.Key == word);

    [Theory]
    [InlineData("need zeta's full list of numbers for a slide")]
    [InlineData("zeta benchmark numbers?")]            // a noun for results in general names no measure
    [InlineData("all of zeta's test results and stats")]
    public void Asking_for_all_of_a_thing_s_figures_asks_that_thing_s_figures(string question) =>
        Assert.Equal(["zeta"], QuestionReader.FiguresOf(Reader.Read(question).Focus).Select(f => f.Key));

    [Theory]
    [InlineData("how big is zeta msging now?", "messaging")]
    [InlineData("when did widget convos start?", "conversations")]
    [InlineData("# of plants nimbus runs?", "number of plants")]
    public void Chat_shorthand_is_read_spelled_out(string question, string word) =>
        Assert.Contains(word, Reader.Read(question).Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("Nimbus spent $3B on plants in Q4 2025 — can I quote that?")]
    [InlineData("nimbus spent $3B on plants in Q4 2025, ok to quote?")]
    [InlineData("Nimbus launched its widget on May 4, 2026. can i use that?")]
    [InlineData("Nimbus launched its widget on May 5, 2026 — is that the right date?")]
    [InlineData("Nimbus spent $3B on plants in Q4 2025 — is that the number in the note?")]
    [InlineData("Nimbus spent $3B on plants in Q4 2025 — is that what the note says?")]
    [InlineData("Nimbus spent $3B on plants in Q4 2025 — is that how the note has it?")]
    [InlineData("Nimbus spent $3B on plants in Q4 2025 — is that the claim?")]
    public void A_claim_followed_by_asking_whether_it_may_be_quoted_asks_whether_the_note_says_it(string question)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.YesNo, q.Type);
        Assert.StartsWith("does the note say nimbus", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(q.Focus, f => f.Key is "quote" or "use" or "right" or "date");
    }

    [Theory]
    [InlineData("the plant row says limited supply only, which confirms Acme's focus on Zeta — correct?")]
    [InlineData("Nimbus spent $3B on plants, which makes it the biggest spender, right?")]
    public void A_which_after_a_comma_in_a_claim_opens_a_clause_and_asks_for_no_member(string question)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.YesNo, q.Type);
        Assert.True(q.MemberHead < 0);
    }

    [Theory]
    [InlineData("Nimbus hit a $3B spend on plants in Q4 2025?", "hit")]
    [InlineData("so Acme reached 12.5% on WidgetBench?", "reached")]
    public void A_verb_of_reaching_a_stated_figure_is_no_word_the_note_must_say(string question, string verb) =>
        Assert.Contains(Reader.Read(question).Focus, f => f.Key == verb && f.IsFrame);

    [Theory]
    [InlineData("the Nimbus widget launch took place on June 5, 2026?")]   // an irregular past
    [InlineData("Nimbus launched its widget on May 5, 2026?")]             // the month, no auxiliary
    public void A_result_stated_with_its_date_and_a_question_mark_is_a_claim(string question) =>
        Assert.Equal(AnswerType.YesNo, Reader.Read(question).Type);

    [Theory]
    [InlineData("ok diff topic, how big is zeta's window?", "how big is zeta's window?")]
    [InlineData("diff q — how many widgets ship?", "how many widgets ship?")]
    [InlineData("New question: who runs Acme?", "who runs Acme?")]
    [InlineData("switching topics, what did zeta get?", "what did zeta get?")]
    [InlineData("new thing they sell?", "new thing they sell?")]                       // no break after it: words of the question
    [InlineData("what is the different topic of gizmotest?", "what is the different topic of gizmotest?")]
    public void Saying_the_subject_changes_is_not_part_of_the_question(string message, string question) =>
        Assert.Equal(question, English.WithoutSmallTalk(message));

    [Fact]
    public void Its_after_a_name_of_the_question_s_own_is_that_name_s_not_the_previous_question_s_thing() =>
        Assert.DoesNotContain("Zeta", Reader.Read("how much did Acme pay for its plants, and what did it get?", "what is Zeta's capacity?").Text,
            StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void A_small_talk_message_after_a_question_is_not_read_into_it() =>
        Assert.DoesNotContain("plants", Reader.Read("ok cool", previous: "How much did Nimbus spend on plants?").Text, StringComparison.Ordinal);

    [Fact]
    public void A_question_saying_it_of_a_name_that_is_no_compared_thing_asks_about_that_name()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            In May 2025 Acme bought a 30% stake in Orbit Labs for $2B. In 2025 Acme spent $9B on plants.
            Orbit Labs makes sensors. Acme sells widgets. Analysts say Acme ships widgets worldwide. Acme hires engineers.
            """);
        Assert.Contains("Orbit Labs", reader.Read("how much did Acme pay for it?", previous: "what is Orbit Labs?").Text, StringComparison.Ordinal);
        // no words of its own beyond "it", or only a period: the previous question, asked again in the new form
        Assert.Contains("Acme", reader.Read("when was it?", previous: "how much did Acme pay for Orbit Labs?").Text, StringComparison.Ordinal);
        Assert.Contains("Acme", reader.Read("what was it in 2024?", previous: "how much did Acme pay for Orbit Labs?").Text, StringComparison.Ordinal);
        // the note's subject is no antecedent: "it" is what was asked of it
        Assert.Contains("plants", reader.Read("why did it rise?", previous: "what did Acme spend on plants?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the Nimbus widget sold in europe?", "europe", true)]     // the web writes it only as "Europe"
    [InlineData("does nvidia supply Nimbus?", "nvidia", true)]
    [InlineData("does Nimbus sell apple products?", "apple", false)]       // a word too, not only a name
    [InlineData("is the Nimbus widget sold in stores?", "stores", false)]
    [InlineData("what chan does Nimbus sell through?", "chan", false)]  // short: as often a slip ("chain") as a name
    public void A_world_name_typed_in_lower_case_is_still_a_name(string question, string word, bool isName) =>
        Assert.Equal(isName, Reader.Read(question).Focus.Single(f => f.Word.StartsWith(word, StringComparison.Ordinal)).IsName);

    [Theory]
    [InlineData("what share did Acme get in Orbit Labs?", true)]       // said without what it is of: the kind of figure
    [InlineData("what share of Orbit Labs did Acme buy?", true)]      // a share of a named thing
    [InlineData("what share of the gain came from Acme?", false)]     // a share of a total: a split, asked in its words
    public void A_share_asked_of_a_thing_names_a_percentage_not_a_word_the_note_must_say(string question, bool frame)
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            In May 2025 Acme bought a 30% stake in Orbit Labs for $2B. In 2025 Acme spent $9B on plants and saw a 5% gain.
            Orbit Labs makes sensors. Acme sells widgets. Analysts say Acme ships widgets worldwide. Acme hires engineers.
            """);
        Assert.Equal(frame, reader.Read(question).Focus.Single(f => f.Key == "share").IsFrame);
    }

    [Fact]
    public void A_sentence_opening_with_a_name_of_the_note_can_say_who()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Reporters at Orbit and Kite cover the market. Orbit says the widget accepts voice and text.
            Widgets sell well this year.
            """);
        var q = reader.Read("who reported that the widget accepts voice?");
        Assert.Equal(1, AnswerabilityFeatures.Fit(q, Only(q, model.Units.Single(u => u.Text.StartsWith("Orbit says", StringComparison.Ordinal))).Units[0].Candidate).Type);
        // a capital that only opens the sentence is no name
        Assert.Equal(0, AnswerabilityFeatures.Fit(q, Only(q, model.Units.Single(u => u.Text.StartsWith("Widgets sell", StringComparison.Ordinal))).Units[0].Candidate).Type);
    }

    [Theory]
    [InlineData("who runs Orbit Labs?", "**Dana Reed**")]
    [InlineData("who heads the orbit lab?", "**Dana Reed**")]
    [InlineData("who runs Acme?", null)]    // the quote names who leads the lab, not who leads Acme
    [InlineData("who leads orbit labs?", "**Dana Reed**")] // "leads" a thing the note says is led: leading, not ranking
    [InlineData("who leads the kite team?", "**Lee Park**")]  // the sentence's full stop is no part of the name
    public void Who_leads_a_thing_is_headlined_by_the_leader_the_quote_names_with_that_thing(string question, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Analysts say Acme built Orbit Labs under Dana Reed in 2025. Acme sells widgets. Acme ships kits.
            Acme formed the Kite team under Lee Park.
            """);
        var q = reader.Read(question);
        var unit = model.Units.First(u => u.Text.Contains(question.Contains("kite", StringComparison.Ordinal) ? "Kite" : "Orbit", StringComparison.Ordinal));
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("who makes it?", "who makes zeta?")]        // a whole question with "it" as its object: the thing, by the name said
    [InlineData("what powers it?", "what powers zeta?")]
    [InlineData("what about it?", null)]                          // no verb of its own: the previous question again
    public void A_follow_up_whose_verb_takes_it_as_object_asks_about_the_thing_named_before(string question, string? read)
    {
        var q = Reader.Read(question, previous: "what is Zeta Widget's capacity?");
        if (read is null) Assert.Contains("capacity", q.Text, StringComparison.Ordinal);
        else Assert.Equal(read, q.Text);
    }

    [Theory]
    [InlineData("who built Zeta-2?", "**Omega**")]
    [InlineData("who actually made zeta 2?", "**Omega**")]
    [InlineData("who's behind Zeta-2 on capacity?", null)]   // a ranking, as often as a maker
    [InlineData("who built Acme Widget?", null)]            // the note names no maker beside it
    public void Who_made_a_compared_thing_is_its_maker_the_note_names_beside_it(string question, string? maker)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In its launch post, Omega describes Zeta-2 as its fastest widget yet.
            Analysts expect Acme Widget to ship in 2025 after a long delay.
            Widget demand grew in 2025. Prices fell. Plants were built in the north.
            | Model | Capacity |
            |---|---|
            | Zeta-2 | 5M units |
            | Acme Widget | 2M units |
            """);
        var q = reader.Read(question);
        Assert.Equal(maker is not null, q.AsksMaker);
        var unit = model.Units.First(u => u.Text.StartsWith(question.Contains("Acme", StringComparison.Ordinal) ? "Analysts expect" : "In its launch post", StringComparison.Ordinal));
        var headline = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline;
        if (maker is not null) Assert.Equal(maker, headline);
        else Assert.NotEqual("**Omega**", headline);
    }

    [Fact]
    public void Leads_asks_for_a_leader_only_of_a_thing_the_note_says_is_led()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            Analysts say Acme built Orbit Labs under Dana Reed in 2025. Acme sells widgets. Acme ships kits.
            Zeta scores 41% on GizmoTest, ahead of Acme at 38%.
            """);
        Assert.True(reader.Read("who leads orbit labs?").VerbAfterWho >= 0);
        // a measure is led by whoever ranks first on it: the kind of answer, no act to find
        Assert.Equal(-1, reader.Read("who leads on GizmoTest?").VerbAfterWho);
        Assert.Equal(-1, reader.Read("who leads GizmoTest?").VerbAfterWho);
    }

    [Fact]
    public void A_superlative_follow_up_asks_the_previous_measure_of_every_compared_thing_not_of_the_one_named()
    {
        var q = Reader.Read("which is highest?", previous: "What did Zeta score on GizmoTest?");
        Assert.Contains("GizmoTest", q.Text, StringComparison.Ordinal);
        Assert.Empty(q.Peers);
        // "it" is then the measure asked before, not the thing named
        var it = Reader.Read("who's highest on it then?", previous: "What did Zeta score on GizmoTest?");
        Assert.Contains("GizmoTest", it.Text, StringComparison.Ordinal);
        Assert.Empty(it.Peers);
        // a follow-up that names another thing still asks about that one
        Assert.Contains(Reader.Read("and Acme's?", previous: "What did Zeta score on GizmoTest?").Peers, p => p.Label == "Acme Widget");
    }

    [Fact]
    public void That_after_a_preposition_is_the_measure_asked_before_of_the_thing_named_instead()
    {
        var q = Reader.Read("and what did acme get on that?", previous: "what did zeta get on gizmotest?");
        Assert.Equal(["Acme Widget"], q.Peers.Select(p => p.Label).ToArray());
        Assert.Contains("gizmotest", q.Text, StringComparison.OrdinalIgnoreCase);
        // set against it, "that" is still the whole previous question: both sides stay
        Assert.Equal(2, Reader.Read("how does that compare with acme?", previous: "what did zeta get on gizmotest?").Peers.Count);
    }

    [Theory]
    [InlineData("ok and did it at least beat acme on widgetbench?")]
    [InlineData("does it beat acme on widgetbench")]
    public void It_set_against_another_compared_thing_is_the_thing_the_previous_question_asked_about(string question)
    {
        // the previous question asked about Zeta, set against Omega: "it" is Zeta, and Acme replaces Omega
        var q = Reader.Read(question, previous: "is zeta ahead of omega on gizmotest?");
        Assert.Equal(["Acme Widget", "Zeta Widget"], q.Peers.Select(p => p.Label).Order().ToArray());
        Assert.Contains("widgetbench", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("gizmotest", q.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what about zeta, was it sold in europe?")]
    [InlineData("what about zeta — was that sold in europe?")]  // "that", the subject of its yes/no question
    public void A_thing_named_then_a_question_of_it_asks_that_question_of_the_thing_alone(string question)
    {
        // "what about Zeta, was it sold?": "it" is Zeta; the previous question's own words do not carry over
        var q = Reader.Read(question, previous: "When did Acme report on GadgetEval?");
        Assert.Contains(q.Peers, p => p.Label == "Zeta Widget");
        Assert.DoesNotContain("GadgetEval", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AnswerType.YesNo, q.Type);
    }

    [Theory]
    [InlineData("vs what baseline?")]
    [InlineData("compared to which year?")]
    public void What_a_figure_is_set_against_asked_as_a_follow_up_is_asked_of_the_previous_question(string question)
    {
        var q = Reader.Read(question, previous: "What lift did Zeta get on GadgetEval?");
        Assert.Contains("GadgetEval", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(q.Peers, p => p.Label == "Zeta Widget");
    }

    [Fact]
    public void A_whole_question_saying_it_takes_the_thing_the_previous_one_named_and_nothing_else()
    {
        var q = Reader.Read("where is it sold?", previous: "When did Zeta report on GadgetEval?");
        Assert.Contains(q.Peers, p => p.Label == "Zeta Widget");
        Assert.DoesNotContain("GadgetEval", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("report", q.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Typos_are_corrected_against_the_note_s_words()
    {
        Assert.Contains("GadgetEval", Reader.Read("what did acme report on gadgeteavl?").Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("What did Zeat report?", "Zeta")]       // a short name, capitalised: the note's name one edit away
    [InlineData("what did Nimbis claim?", "Nimbus")]    // a longer one
    [InlineData("What did Zta report?", "Zeta")]        // three letters, one dropped
    [InlineData("What is Zeat's capacity?", "Zeta's")]   // with its possessive
    public void A_mistyped_name_is_the_note_s_name(string question, string name) =>
        Assert.Contains(name, Reader.Read(question).Text, StringComparison.Ordinal);

    [Fact]
    public void A_mistyped_name_one_edit_from_two_names_is_the_one_its_letters_swap_into()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            Zeta sold widgets in 2025. Zest sold gadgets. Zeta and Zest compete.
            """);
        // "Zeat" is Zeta with two letters swapped, and Zest with one letter struck: the swap is the commoner slip
        Assert.Contains("Zeta", reader.Read("What did Zeat sell?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What did ZTA report?", "ZTA")]   // an acronym is its own name
    [InlineData("What did Zorro report?", "Zorro")] // two edits from any name of the note's
    public void A_name_the_note_lacks_stays_as_written(string question, string name) =>
        Assert.Contains(name, Reader.Read(question).Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("give me 3 quick facts for a client call", true)]
    [InlineData("key points?", true)]
    [InlineData("how sure is the note about the shipment facts?", false)]   // facts as a topic, not a gist
    [InlineData("what points does Acme make on pricing?", false)]
    public void Facts_and_points_ask_for_a_gist_only_when_counted_or_called_key(string question, bool summary) =>
        Assert.Equal(summary, Reader.Read(question).AsksSummary);

    [Theory]
    [InlineData("what score does Acme get on Gadget-Verified?", false)] // a word of a hyphenated name
    [InlineData("is Acme's GadgetEval score verified?", true)]
    [InlineData("how solid is the shipment claim?", true)]
    [InlineData("how firm are the shipment facts themselves?", true)]
    public void A_question_of_trust_is_told_by_its_words_not_by_a_name_that_holds_one(string question, bool asks) =>
        Assert.Equal(asks, Reader.Read(question).AsksConfidence);

    [Fact]
    public void Saying_is_a_verb_of_reporting_as_says_is_no_word_the_note_must_say() =>
        Assert.DoesNotContain(Reader.Read("so Acme is saying its widget lasts ten years, right?").Focus, f => f.Key == "saying");

    [Fact]
    public void A_reflexive_pronoun_is_no_word_the_note_must_say() =>
        Assert.DoesNotContain(Reader.Read("can buyers run the widget themselves?").Focus, f => f.Key == "themselves");

    [Theory]
    [InlineData("how much should we trust the widget claim?")]
    [InlineData("how much can investors rely on Nimbus's numbers?")]
    [InlineData("how much confidence does the note have in shipments?")]
    [InlineData("how far can we trust the long-tail widget claims?")]   // "how far" is no distance here
    public void How_much_to_trust_a_claim_asks_a_degree_of_trust_not_an_amount(string question)
    {
        var q = Reader.Read(question);
        Assert.NotEqual(AnswerType.Quantity, q.Type);
        Assert.True(q.AsksConfidence);
    }

    [Theory]
    [InlineData("how much did they buy?")]
    [InlineData("how much did Acme credit to Zeta?")]
    public void How_much_of_a_thing_bought_or_given_is_still_an_amount(string question) =>
        Assert.Equal(AnswerType.Quantity, Reader.Read(question).Type);

    [Theory]
    [InlineData("is Acme's Gadget-Verified score above 40%?", false)] // a word of a hyphenated name
    [InlineData("is Acme's Gadget-Verified score independently confirmed?", true)]
    [InlineData("is the shipment claim verified?", true)]
    [InlineData("did anyone outside Nimbus double-check the widget claim?", true)]
    [InlineData("has the widget claim been fact-checked?", true)]
    [InlineData("is the supplier question settled?", true)]
    [InlineData("can you check whether Acme beat Zeta?", false)] // "check" alone is a request
    [InlineData("is the widget claim legit?", true)]               // chat's word for it
    public void Whether_a_claim_is_verified_is_told_by_its_words_not_by_a_name_that_holds_one(string question, bool asks) =>
        Assert.Equal(asks, Reader.Read(question).AsksVerified);

    [Theory]
    [InlineData("acme widget = the gadget leader?")]
    [InlineData("so zeta's window = 6M parts, right?")]
    public void An_equals_sign_between_two_phrases_says_the_one_is_the_other(string question)
    {
        // "X = Y?" asks whether X is Y: a claim to check, yes or no
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.YesNo, q.Type);
        Assert.DoesNotContain("=", q.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key takeaways?", true)]
    [InlineData("how confident is the note about the broader takeaways?", false)] // how far to trust it, not its gist
    [InlineData("can we trust the bottom line?", false)]
    public void A_question_of_trust_asks_for_the_doubts_not_the_gist(string question, bool summary) =>
        Assert.Equal(summary, Reader.Read(question).AsksSummary);

    [Theory]
    [InlineData("tl;dr", true)]
    [InlineData("TL;DR of the risks", true)]                  // a section's title words: that section's gist
    [InlineData("tl;dr on Acme's unit backlog?", false)]      // a topic neither title carries: about that topic
    [InlineData("summary of the GizmoTest ranking?", false)]
    [InlineData("what's the note's bottom line in a sentence?", true)]   // the answer's form, no topic
    [InlineData("what is this note about?", true)]            // what the document is about
    [InlineData("whats this about", true)]
    [InlineData("what does the report cover?", true)]
    [InlineData("what does the note say about Acme's unit backlog?", false)]
    public void A_gist_is_the_note_s_or_a_section_s_and_one_of_another_topic_is_about_that_topic(string question, bool summary)
    {
        var q = Reader.Read(question);
        Assert.Equal(summary, q.AsksSummary);
        Assert.DoesNotContain(q.Focus, f => f.Word is "tl" or "dr");  // one word, not two parts split at the semicolon
    }

    [Theory]
    [InlineData("summarize the note in 3 bullets", null)]
    [InlineData("recap the risks in two lines", "2")]          // the section its title words name, whatever the form
    [InlineData("tl;dr of the risks in 2 short lines", "2")]
    [InlineData("sum up the note in a few lines pls", null)]
    public void A_gist_asked_in_a_counted_form_is_the_note_s_or_the_titled_section_s(string question, string? section)
    {
        // the note writes "Line" only with a capital, in a heading phrase: "lines" counted is still the plural
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            Bottom Line. Acme ships widgets at retail scale.
            Acme reported 12.5% on WidgetBench.
            2. Risks
            Zeta may undercut Acme on price.
            """);
        var q = reader.Read(question);
        Assert.True(q.AsksSummary, question);
        Assert.Equal(section, q.SummarySection);
        Assert.DoesNotContain(q.Focus, f => f.IsName);
    }

    [Theory]
    [InlineData("eli5 what Zeta Widget is", "what is Zeta Widget?")]
    [InlineData("explain what the GizmoTest ranking is", "what is the GizmoTest ranking?")]
    [InlineData("can you explain why Nimbus spent $3B on plants?", "why Nimbus spent $3B on plants?")]
    [InlineData("does the note say when Nimbus opens its next plant?", "when Nimbus opens its next plant?")]
    [InlineData("do we know how many units Acme shipped?", "how many units Acme shipped?")]
    [InlineData("any idea who runs Zeta?", "who runs Zeta?")]
    [InlineData("can you tell me what Zeta scored on GadgetEval?", "what Zeta scored on GadgetEval?")]
    [InlineData("is there anything on when Nimbus opens its next plant?", "when Nimbus opens its next plant?")]
    [InlineData("any word on how much Acme paid for Omega Labs?", "how much Acme paid for Omega Labs?")]
    [InlineData("did they mention who runs Zeta?", "who runs Zeta?")]
    public void A_question_inside_a_request_to_explain_is_read_as_that_question(string question, string read) =>
        Assert.Equal(read, Reader.Read(question).Text);

    [Fact]
    public void A_date_asked_inside_does_the_note_say_is_a_date_asked()
    {
        Assert.Equal(AnswerType.Date, Reader.Read("does the note say when Nimbus opens its next plant?").Type);
        // "scored" names the kind of answer, as "score" does
        Assert.Contains(Reader.Read("what Zeta scored on GadgetEval?").Focus, f => f.Word == "scored" && f.IsFrame);
    }

    [Theory]
    [InlineData("give me an overview", true)]
    [InlineData("what does the overview table say about pricing?", false)] // a table's row, not a gist
    [InlineData("what is said in the overview on pricing?", false)]        // a place in the note
    public void An_overview_asks_for_a_gist_but_a_table_or_a_place_in_the_note_does_not(string question, bool summary) =>
        Assert.Equal(summary, Reader.Read(question).AsksSummary);

    [Theory]
    [InlineData("what's the title of this report?", true)]
    [InlineData("whats the title", true)]
    [InlineData("what is the note called?", true)]
    [InlineData("what's the note's headline?", true)]
    [InlineData("what's the name of the report?", true)]
    [InlineData("what's the name?", false)]                       // a follow-up about something named before
    [InlineData("what's the name of Acme's plant?", false)]
    [InlineData("what is Acme's widget called?", false)]
    public void A_question_about_the_notes_title_is_told_from_one_about_a_name_it_reports(string question, bool asksTitle) =>
        Assert.Equal(asksTitle, Reader.Read(question).AsksTitle);

    [Theory]
    [InlineData("Does the note give a date for the Zeta launch?", AnswerType.Date, "date for the Zeta launch")]
    [InlineData("is there a figure for Acme's backlog?", AnswerType.Quantity, "figure for Acme's backlog")]
    [InlineData("does it put a number on Zeta's shipments?", AnswerType.Quantity, "number on Zeta's shipments")]
    [InlineData("does the note give Zeta's score on GizmoTest?", AnswerType.Quantity, "score for Zeta on GizmoTest")]
    [InlineData("does the note give Acme's total backlog?", AnswerType.Quantity, "total backlog for Acme")]
    [InlineData("any target date for the Zeta launch?", AnswerType.Date, "date for the Zeta launch")]   // as chat asks it
    [InlineData("got any numbers on Zeta's shipments?", AnswerType.Quantity, "numbers on Zeta's shipments")]
    [InlineData("does the report give any reasons for the delay?", AnswerType.YesNo, null)]   // reasons are not a kind of figure
    [InlineData("does the note mention Zeta?", AnswerType.YesNo, null)]
    public void An_existence_question_that_names_a_kind_of_answer_asks_for_that_kind(string question, AnswerType type, string? named)
    {
        var q = Reader.Read(question);
        Assert.Equal(type, q.Type);
        Assert.Equal(named, q.NamedKind);
    }

    [Fact]
    public void An_existence_question_with_a_topic_of_its_own_follows_up_nothing_and_one_without_takes_the_last_ones()
    {
        var own = Reader.Read("does the note give a figure for Zeta's backlog?", previous: "what did Acme report on GadgetEval?");
        Assert.DoesNotContain("GadgetEval", own.Text, StringComparison.Ordinal);
        var follow = Reader.Read("is there a date?", previous: "when did Acme open the Nimbus plant?");
        Assert.Contains("Nimbus", follow.Text, StringComparison.Ordinal);
        Assert.Equal(AnswerType.Date, follow.Type);
        Assert.Equal("date", follow.NamedKind);
    }

    [Fact]
    public void A_section_named_by_number_is_where_to_look_not_a_word_to_meet()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            Acme sold widgets.
            2. Risks
            Zeta may sell more.
            """);
        var pointed = reader.Read("what does the grid in section 2 say about Zeta?");
        Assert.Equal("2", pointed.Section);
        Assert.DoesNotContain(pointed.Focus, f => f.Word == "2");
        Assert.False(pointed.AsksSummary);
        var hyphened = reader.Read("per the section-2 grid, what about Zeta?");
        Assert.Equal("2", hyphened.Section);
        Assert.DoesNotContain(hyphened.Focus, f => f.Word.Contains('2', StringComparison.Ordinal));
        var gist = reader.Read("what's in §2?");
        Assert.True(gist.AsksSummary);
        Assert.Equal("2", gist.SummarySection);
        var missing = reader.Read("what's in section 12?");
        Assert.Null(missing.Section);
        Assert.Equal("12", missing.MissingSection);
    }

    [Fact]
    public void A_question_about_the_note_itself_follows_up_nothing()
    {
        var q = Reader.Read("whats the title?", previous: "what did Acme sell?");
        Assert.True(q.AsksTitle);
        Assert.DoesNotContain("Acme", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notes_title_is_its_title_line_quoted_and_cited()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme sold widgets.
            """);
        var answer = new AnswerComposer(model, EngineTuning.Default).Title(reader.Read("what's the title of this note?"));
        Assert.False(answer.Abstained);
        Assert.StartsWith("The note is titled “Widget Note”. [1]", answer.Text, StringComparison.Ordinal);
        Assert.Equal(NoteParser.TitleSection, Assert.Single(answer.Citations).Section);
    }

    [Fact]
    public void A_gist_of_a_section_that_is_a_table_alone_is_the_note_s_opening()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme sold widgets.
            2. Scorecard
            | Maker | Units |
            |---|---|
            | Acme | 3 |
            """);
        var q = reader.Read("key takeaways on the scorecard");
        Assert.Equal("2", q.SummarySection);
        var answer = new AnswerComposer(model, EngineTuning.Default).Summary(q);
        Assert.Equal("1", Assert.Single(answer.Citations).Section);
    }

    [Fact]
    public void A_light_verb_is_not_a_word_the_note_must_say()
    {
        var q = Reader.Read("how many months did the rebuild take?");
        Assert.DoesNotContain(q.Focus, f => f.Word == "take");
    }

    [Theory]
    [InlineData("so Acme sold widgets, right?")]
    [InlineData("Zeta's capacity is 5M units, isn't it?")]
    [InlineData("acme guided capex to $3B, no?")]
    [InlineData("so acme basically sold widgets to zeta now right?")] // a tag typed without its comma
    [InlineData("so acme is basically the widget leader now right")]  // … and without its question mark
    [InlineData("acme sold widgets to zeta didnt it")]                // a negated tag typed without its comma
    [InlineData("acme sold widgets to zeta, rite?")]                  // … and "right" as chat spells it
    public void A_statement_with_a_question_tag_asks_yes_or_no_and_the_tag_is_not_content(string question)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.YesNo, q.Type);
        Assert.DoesNotContain(q.Focus, f => f.Word is "right" or "right?" or "rite" or "rite?" or "isn't" or "didnt" or "no" or "it");
    }

    [Theory]
    [InlineData("zeta widget units sold in may 2024 were 5M?", true)]                    // a long subject, a figure stated
    [InlineData("acme's 2025 capex guide was $3B?", true)]                               // a measure and its figure stated
    [InlineData("acme's 2025 capex guide?", false)]                                      // asked for, not stated
    [InlineData("what was acme's 2025 capex guide?", false)]
    public void A_statement_that_states_a_figure_with_a_question_mark_checks_it(string question, bool check) =>
        Assert.Equal(check, Reader.Read(question).Type == AnswerType.YesNo);

    [Theory]
    [InlineData("acme says that is right")]
    [InlineData("the widget counts are right")]
    public void A_statement_that_ends_on_right_without_a_tag_is_no_yes_or_no(string question) =>
        Assert.NotEqual(AnswerType.YesNo, Reader.Read(question).Type);

    [Fact]
    public void A_follow_up_that_says_how_often_replaces_how_often_the_previous_question_asked()
    {
        var q = Reader.Read("and monthly?", previous: "how many people use Zeta widgets daily?");
        Assert.Contains("monthly", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("daily", q.Text, StringComparison.Ordinal);
        Assert.Contains("Zeta", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_earlier_asked_after_a_question_with_no_year_stays_asked()
    {
        // no year to shift: the question still asks for a year before the note's figure, which it may not give
        Assert.Contains("year before", Reader.Read("and the year before?", previous: "what is Zeta's backlog?").Text, StringComparison.Ordinal);
        // with one, the year is shifted instead
        Assert.Contains("2024", Reader.Read("and the year before?", previous: "what did Orbit spend on hardware in 2025?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Per the write-up, does Acme lead on GizmoTest?", AnswerType.YesNo)]
    [InlineData("according to the note, when did Nimbus launch its widget?", AnswerType.Date)]
    public void The_note_named_as_the_source_first_leaves_the_question_s_form(string question, AnswerType type) =>
        Assert.Equal(type, Reader.Read(question).Type);

    [Fact]
    public void A_follow_up_phrase_replaces_the_previous_question_s_phrase_of_the_same_preposition_whole()
    {
        var (_, reader) = Small("""
            Score Note
            1. Overview
            Omega scored 40% on WidgetBench Max and 30% on GadgetEval in 2025. Kite scored 20% on GadgetEval.
            """);
        // the measure's name of two words goes whole ("Max" is no part of what is asked next)
        Assert.Equal("What did Omega score on GadgetEval?", reader.Read("and on GadgetEval?", previous: "What did Omega score on WidgetBench Max?").Text);
        // up to the next phrase, which stays
        Assert.Equal("What did Omega score on GadgetEval in 2025?", reader.Read("and on GadgetEval?", previous: "What did Omega score on WidgetBench Max in 2025?").Text);
    }

    [Fact]
    public void A_follow_up_that_opens_with_its_verb_asks_yes_or_no_of_the_previous_topic()
    {
        var q = Reader.Read("are they paying those plants for it?", previous: "Which plants make Zeta widgets?");
        Assert.Equal(AnswerType.YesNo, q.Type);
        Assert.Contains(q.Focus, f => f.Key == "plants");
    }

    [Fact]
    public void A_word_common_in_English_weighs_less_than_a_rare_one_the_note_uses_as_seldom()
    {
        // neither word is the note's (the same weight from the note alone); "big" is among English's commonest words
        var q = Reader.Read("what big flywheel does Acme have?");
        double Weight(string w) => q.Focus.Single(f => f.Word == w).Weight;
        Assert.True(Weight("big") < Weight("flywheel") * 0.8, $"big {Weight("big"):F2}, flywheel {Weight("flywheel"):F2}");
        Assert.Equal(Terms.OfWord("acme").Max(Model.Idf), Weight("Acme"), 6); // a name keeps the note's weight
    }

    [Fact]
    public void A_corrected_word_keeps_the_capital_it_was_typed_with_so_a_name_stays_a_name()
    {
        // corrected to the note's word, written as a name still
        var q = Reader.Read("What did Zeta report on Gadgetaevl?"); // two edits: a typo, not a near name
        Assert.Contains(q.Focus, f => f.Word.StartsWith("Gadgeteval", StringComparison.OrdinalIgnoreCase) && char.IsUpper(f.Word[0]) && f.IsName);
    }

    [Fact]
    public void A_word_only_a_section_title_uses_is_still_a_note_word_typos_are_corrected_to()
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            Acme sold widgets.
            2. Watchlist and Catalysts
            Acme may sell more.
            """);
        Assert.Contains("watchlist", reader.Read("whats on the watchlst?").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_two_corrections_as_close_the_one_of_the_typed_length_wins()
    {
        // "scenes" is a swap of the typed letters, "scene" a dropped one: both one edit, the swap is the likelier slip
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            Acme films a scene. Acme films scenes.
            """);
        Assert.Contains("scenes", reader.Read("how many scense?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what are the note's sources?", true)]
    [InlineData("which sources did the report rely on?", true)]
    [InlineData("What does it cite?", true)]
    [InlineData("where does the note get its data from?", true)]
    [InlineData("which sources say Zeta leads on GizmoTest?", false)] // about what the note reports
    [InlineData("what is the source of Acme's backlog figure?", false)]
    public void A_question_about_the_notes_own_sources_is_told_from_one_about_what_it_reports(string question, bool asksSources) =>
        Assert.Equal(asksSources, Reader.Read(question).AsksSources);

    [Fact]
    public void The_notes_sources_are_its_closing_source_lines_quoted_and_cited_and_a_note_without_them_says_so()
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme's sources of supply are tight.
            Sources cited: Acme filings, Zeta press releases.
            """);
        var composer = new AnswerComposer(model, EngineTuning.Default);
        var answer = composer.SourceList(reader.Read("what are the note's sources?"));
        Assert.False(answer.Abstained);
        Assert.Contains("“Sources cited: Acme filings, Zeta press releases.” [1]", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("supply", answer.Text, StringComparison.Ordinal); // a passage that says "source" is not the list
        Assert.Equal("sources", Assert.Single(answer.Citations).Section);

        var (bare, bareReader) = Small("Acme Note\n1. Overview\nAcme's sources of supply are tight.\n");
        var none = new AnswerComposer(bare, EngineTuning.Default).SourceList(bareReader.Read("what are the note's sources?"));
        Assert.True(none.Abstained);
        Assert.StartsWith("The note does not say — it lists no sources of its own.", none.Text, StringComparison.Ordinal);
    }

    // ---- figure attachment ----

    [Fact]
    public void The_figure_whose_own_clause_holds_the_measure_is_the_answer_and_another_period_is_not()
    {
        var q = Reader.Read("What did Acme report on GadgetEval?");
        var u = Unit("Acme reported");
        var matches = Exact(q, u);
        Assert.Equal("40.1%", FigureAttachment.Figures(q, u, matches)[0].Text);

        var q3 = Reader.Read("How much did Nimbus spend on plants in Q3 2025?");
        var spent = FigureAttachment.Figures(q3, Unit("In Q4 2025"), Exact(q3, Unit("In Q4 2025")))[0];
        Assert.Equal(0, spent.PeriodFits);
    }

    [Fact]
    public void Of_two_figures_in_one_clause_the_one_beside_the_thing_asked_for_answers()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Nimbus paid $3B for a 40% stake in Gizmo Labs.
            """);
        var unit = model.Units.Single(u => u.Text.StartsWith("Nimbus paid", StringComparison.Ordinal));
        var q = reader.Read("What was the stake in Gizmo Labs?");
        Assert.Equal("40%", FigureAttachment.Figures(q, unit, Exact(q, unit))[0].Text);
        var paid = reader.Read("What did Nimbus pay for Gizmo Labs?");
        Assert.Equal("$3B", FigureAttachment.Figures(paid, unit, Exact(paid, unit))[0].Text);
    }

    [Fact]
    public void A_name_before_a_contrasting_clause_is_not_what_that_clauses_figures_are_of()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme's launch materials tie its widgets to investment across the stack, including the Nimbus plant, while filings still frame 2025 capex at $3B and 2026 capex at $5B.
            """);
        var unit = model.Units.Single(u => u.Text.StartsWith("Acme's launch", StringComparison.Ordinal));
        // "while filings frame …": the plant is named in the clause before, not in the one the capex figures stand in
        var plant = reader.Read("What was the Nimbus plant's capex?");
        var figure = FigureAttachment.Figures(plant, unit, Exact(plant, unit))[0];
        Assert.True(figure.Weakest <= 0.5, $"the plant is met as the figure's own: weakest {figure.Weakest}");
        Assert.Null(new AnswerComposer(model, EngineTuning.Default).Compose(plant, Only(plant, unit)).Headline);
        // the clause's own words still carry its figures
        var capex = reader.Read("what was the 2026 capex?");
        Assert.Equal("**$5B**", new AnswerComposer(model, EngineTuning.Default).Compose(capex, Only(capex, unit)).Headline);
    }

    [Theory]
    [InlineData("how much did Zest revenue grow?", "7%", true)]                 // "revenue" is only what the $4B measures
    [InlineData("By how much did Omega widget clicks grow?", "20%", true)]       // a lift in time spent is no lift in clicks
    [InlineData("how much did Zest widget clicks grow?", "7%", false)]           // its own clause says it
    [InlineData("what's the paid Nimbus messaging revenue?", "$2B", false)]      // a run-rate, as the $4B revenue run-rate is
    [InlineData("how much did Zest ad revenue tools grow?", "7%", false)]        // "revenue" modifies, it is not the head
    public void A_question_that_joins_what_two_figures_measure_is_not_answered_by_either(string question, string figure, bool away)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In 2025, Gizmo tools reached a $4B revenue run-rate, Zest ranking changes drove a 7% lift in widget clicks, Omega tweaks drove a 20% lift in time spent, and paid Nimbus messaging crossed a $2B annual run-rate.
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single();
        Assert.Equal(away, FigureAttachment.Figures(q, unit, Exact(q, unit)).Single(f => f.Text == figure).MeasureAway);
    }

    [Theory]
    [InlineData("and paid nimbus messaging?", "what revenue run-rate did the gizmo tools reach?", "gizmo")]
    [InlineData("what about omega tweaks?", "how big a lift in widget clicks did zest ranking changes drive?", "zest")]
    public void A_fragment_naming_another_thing_a_sentence_gives_a_figure_for_replaces_the_thing_asked_before(string question, string previous, string replaced)
    {
        var (_, reader) = Small("""
            Widget Note
            1. Overview
            In 2025, Gizmo tools reached a $4B revenue run-rate, Zest ranking changes drove a 7% lift in widget clicks, Omega tweaks drove a 20% lift in time spent, and paid Nimbus messaging crossed a $2B annual run-rate.
            """);
        var text = reader.Read(question, previous).Text;
        Assert.DoesNotContain(replaced, text, StringComparison.OrdinalIgnoreCase);
        // the measure asked stays, where the other clause says it too
        Assert.Contains(question.Contains("nimbus") ? "run-rate" : "lift", text, StringComparison.OrdinalIgnoreCase);
        // a word that names no thing ("and annual?") asks something else of the same thing, which stays
        Assert.Contains(replaced, reader.Read("and annual?", previous).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_figure_that_belongs_to_another_compared_thing_does_not_fit_the_one_asked()
    {
        var q = Reader.Read("What is Acme's GizmoTest score?");
        var u = Unit("The trade press ranks");
        var zeta = FigureAttachment.Figures(q, u, Exact(q, u)).Single(f => f.Text == "41%");
        Assert.Equal(0, zeta.OwnerFits);
    }

    /// <summary>The headline the composer gives a question answered from one unit alone (a verdict, a figure), or none.</summary>
    private static string? HeadlineFrom(NoteModel model, QuestionReader reader, NoteUnit unit, string question)
    {
        var q = reader.Read(question);
        return new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline;
    }

    /// <summary>Evidence of one unit, certain to answer, the question's words met where the unit says them.</summary>
    private static Evidence Only(QuestionFrame q, NoteUnit unit) =>
        new([new Scored(new Candidate(unit, Exact(q, unit), 0, 0, 0, 0, 0, 0, 0, 0), 1, 0, [])]);

    /// <summary>Term identity only (no encoder): the aligner's first rule.</summary>
    private static WordMatch[] Exact(QuestionFrame q, NoteUnit u) =>
        q.Focus.Select(f =>
        {
            var w = u.Words.FirstOrDefault(w => f.Terms.All(t => w.Terms.Contains(t)));
            return w is null ? new WordMatch(0, -1, false) : new WordMatch(1, w.Start, true);
        }).ToArray();

    [Theory]
    [InlineData("Early access limits any conclusion that Acme leads the market.", true)]
    [InlineData("The pilot falls short of a full rollout.", true)]
    [InlineData("Zeta lacks a second plant.", true)]
    [InlineData("Acme leads the market on shipments.", false)]
    public void A_sentence_that_denies_its_claim_in_other_words_than_not_is_negated(string sentence, bool negated)
    {
        var model = new NoteModel(NoteParser.Parse($"Widget Note\n1. Overview\n{sentence}\n"), Glossary.Empty);
        Assert.Equal(negated, model.Units.Single(u => u.Text == sentence).Negated);
    }

    [Theory]
    [InlineData("does the note say Zeta's supply is proven?", "**No** — the note says:")]   // asked of the cell under "does not yet prove"
    [InlineData("is Acme shipping widgets?", null)]                                       // asked of the label, which the row affirms
    public void A_cell_under_a_negating_header_denies_what_it_holds_and_not_the_rows_label(string question, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            | What the launch proves | What it does not yet prove | Why it matters |
            |---|---|---|
            | Acme is shipping widgets. | That Zeta's supply chain is ready. | Keeps the call narrow. |
            """);
        var row = model.Units.Single(u => u.IsRow);
        Assert.True(row.Negated);
        var q = reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, row)).Headline);
    }

    [Theory]
    [InlineData("what does the table say on the supply read-through row?", true)]   // "read-through" names the row: both cells
    [InlineData("key read-through for widget demand?", false)]                       // the column named: its cell alone
    [InlineData("what does the table say about the supply read-through, and why does it matter?", true)]   // one part asks the row whole
    public void A_word_that_names_the_row_does_not_also_name_a_column(string question, bool both)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            | Dimension | Key read-through | Why it matters |
            |---|---|---|
            | Widget demand | Orders keep rising. | Sets the plan. |
            | Supply read-through | Plants run at capacity. | Keeps the margin call alive. |
            """);
        var label = question.Contains("supply", StringComparison.Ordinal) ? "Supply read-through" : "Widget demand";
        var row = model.Units.Single(u => u.IsRow && u.Text.Contains(label, StringComparison.Ordinal));
        var q = reader.Read(question);
        var text = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, row)).Text;
        Assert.Contains("Key read-through: ", text, StringComparison.Ordinal);
        Assert.Equal(both, text.Contains("Why it matters: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("how many Acme models have been disclosed?", null)]             // the row is one model: its cell counts none
    [InlineData("what is Acme Widget's disclosed position?", "**Index 52, Rank 3**")]
    public void A_figure_asked_of_a_row_counts_what_its_cell_speaks_of_not_the_rows_label(string question, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            | Maker | Disclosed position | Size |
            |---|---|---|
            | Acme Widget | Index 52, Rank 3 | 4M |
            | Zeta Widget | Index 57, Rank 1 | 9M |
            """);
        var row = model.Units.First(u => u.IsRow);
        var q = reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, row)).Headline);
    }

    [Theory]
    [InlineData("zeta-2.1 on GizmoTest?")]
    [InlineData("zeta 2.1 on GizmoTest?")]   // a hyphenated name written apart is still the one compared thing
    public void A_compared_things_hyphenated_name_written_apart_still_names_it(string question)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Nimbus describes Zeta-2.1 as its most capable widget, reporting 40% on GizmoTest and 12% on WidgetBench.
            Analysts rank Acme Widget at 52 on the Index.
            The market grew in 2025.
            Buyers want cheaper parts.
            Shipping costs fell.
            | Model | Index | Window |
            |---|---|---|
            | Acme Widget | Index 52 | 2M |
            | Zeta-2.1 | Index 57 | 1M |
            | Gizmo Max | Index 50 | 3M |
            """);
        var q = reader.Read(question);
        var unit = model.Units.First(u => !u.IsRow);
        Assert.Equal("**40%**", new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("how much did Acme drop on Zeta?", "Acme paid", null)]            // a stake is not a change
    [InlineData("how much did Gizmo sales go up?", "Gizmo promotions", "**5%**")]
    public void A_change_asked_for_is_not_headlined_from_a_figure_that_measures_something_else(string question, string unit, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme paid $3B for a 40% stake in Zeta in June 2025.
            Gizmo promotions drove a 5% lift in Gizmo sales.
            """);
        var q = reader.Read(question);
        var u = model.Units.Single(x => x.Text.StartsWith(unit, StringComparison.Ordinal));
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, u)).Headline);
    }

    [Theory]
    [InlineData("can the Gizmo app hear you talk out loud?")]      // the note says it, in other words ("voice")
    [InlineData("is the Gizmo app built by robots on the moon?")]  // the note does not say it
    public void A_yes_no_claim_the_closest_passage_leaves_unmet_gets_no_verdict(string question)
    {
        // unmet words are a paraphrase as often as another claim: a "No" to a claim the note makes in other words
        // would be a confident wrong answer, so the closest passage is shown for the reader to weigh
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            The Gizmo app accepts voice and image input and returns text.
            """);
        var q = reader.Read(question);
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0]));
        Assert.Equal("**Not in those words** — the closest the note comes:", answer.Headline);
        // asked about the note, the same: the note may say it in other words
        var aboutNote = reader.Read("does the note say the Gizmo app can hear you talk out loud?");
        Assert.Equal("**Not in those words** — the closest the note comes:",
            new AnswerComposer(model, EngineTuning.Default).Compose(aboutNote, Only(aboutNote, model.Units[0])).Headline);
    }

    [Theory]
    [InlineData("is Acme ahead of Zeta?", "**No** — the note says “Acme below Zeta”:")]
    [InlineData("is Zeta ahead of Acme?", "**Yes** — the note says “Acme below Zeta”:")]
    [InlineData("does Acme trail Zeta?", "**Yes** — the note says “Acme below Zeta”:")]
    // asked on a measure, only a quote that speaks of it decides
    [InlineData("is Acme behind Zeta on overall quality?", "**Yes** — the note says “Acme below Zeta”:")]
    [InlineData("is Acme behind Zeta on battery life?", null)]   // the order stated is on another measure
    [InlineData("is Zeta ahead of Acme at shipping kits?", null)]
    public void Two_things_set_against_each_other_are_answered_by_the_order_a_quote_states_on_the_measure_asked(string question, string? verdict)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            The trade press places Acme below Zeta on overall quality.
            Widget demand grew in 2025. Prices fell. Plants were built in the north.
            | Maker | Capacity |
            |---|---|
            | Acme | 2M units |
            | Zeta | 5M units |
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.StartsWith("The trade press", StringComparison.Ordinal));
        var headline = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline;
        if (verdict is null) Assert.False(headline?.StartsWith("**Yes**", StringComparison.Ordinal) == true || headline?.StartsWith("**No**", StringComparison.Ordinal) == true, headline);
        else Assert.Equal(verdict, headline);
    }

    [Theory]
    [InlineData("are the Nimbus lifetime claims independently verified?", true)]
    [InlineData("is Acme's WidgetBench score independently checked?", false)]   // the doubt is of another claim
    public void Asked_whether_a_claim_is_verified_a_further_quote_that_says_the_claim_answers_with_its_doubt(string question, bool doubted)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Watch for more third-party checks of lifetime claims and WidgetBench scores.
            Nimbus says its widget lasts ten years. Those are Nimbus claims, not independently established proof.
            Acme reported 12.5% on WidgetBench.
            """);
        var q = reader.Read(question);
        Assert.True(q.AsksVerified);
        Scored Quote(string opening, int rank) => model.Units.Single(u => u.Text.StartsWith(opening, StringComparison.Ordinal)) is var u
            ? new Scored(new Candidate(u, Exact(q, u), 0, 0, 0, 0, 0, 0, 0, 0), 1.0 / (rank + 1), rank, []) : null!;
        // the watch item that only calls for checks comes first, as it meets the most words
        var evidence = new Evidence([Quote("Watch for", 0), Quote("Those are", 1), Quote(question.Contains("Acme", StringComparison.Ordinal) ? "Acme reported" : "Nimbus says", 2)]);
        var headline = new AnswerComposer(model, EngineTuning.Default).Compose(q, evidence).Headline;
        Assert.Equal(doubted, headline?.StartsWith("**No** — ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_negated_passage_that_meets_no_word_of_the_claim_does_not_deny_it()
    {
        // the closest passage says "not", but of something else: its negation is no "No" to a claim it never touches
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            The launch does not settle the supplier question for the Nimbus plant.
            """);
        var q = reader.Read("are they gonna let people download it and run it themselves?");
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0]));
        Assert.Equal("**Not in those words** — the closest the note comes:", answer.Headline);
    }

    [Theory]
    [InlineData("my boss keeps saying Acme sold widgets to Zeta — does the note back him up or nah?")]
    [InlineData("A client told me Acme sold widgets to Zeta. Is that right?")]
    [InlineData("someone on my team says acme sold widgets to zeta and i want to push back, does the report support that?")]
    [InlineData("I heard Acme sold widgets to Zeta, true or not?")]
    public void A_claim_reported_and_then_checked_asks_whether_the_note_says_it(string question)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.YesNo, q.Type);
        Assert.True(q.AboutTheNote);
        // who holds the claim, the asker's aside and the check itself are no part of what is claimed
        Assert.Equal(["acme", "sold", "widgets", "zeta"], q.Content.Select(f => f.Key));
    }

    [Theory]
    [InlineData("can you confirm Acme sold widgets to Zeta?")]
    [InlineData("could you check whether acme sold widgets to zeta?")]
    [InlineData("is it true that Acme sold widgets to Zeta?")]
    [InlineData("pls verify: Acme sold widgets to Zeta")]
    [InlineData("am I right that Acme sold widgets to Zeta?")]
    public void A_request_to_check_a_claim_asks_whether_the_note_says_it(string question)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.YesNo, q.Type);
        Assert.True(q.AboutTheNote);
        // the request's verb ("confirm", "check", "true") is no word the note must say
        Assert.Equal(["acme", "sold", "widgets", "zeta"], q.Content.Select(f => f.Key));
    }

    [Theory]
    [InlineData("does the note warn about Acme selling widgets to Zeta?")]
    [InlineData("does the report treat Acme selling widgets to Zeta as proven?", "proven")]
    [InlineData("do the authors see Acme selling widgets to Zeta?")]
    [InlineData("does the note flag Acme selling widgets to Zeta?")]
    public void A_verb_for_how_the_note_puts_something_is_no_word_of_the_claim(string question, string? also = null)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.YesNo, q.Type);
        Assert.True(q.AboutTheNote);
        // "warn", "treat", "see", "flag" say how the note puts it, as "say" and "claim" do: the quote need not say them
        Assert.Equal(new[] { "acme", "selling", "widgets", "zeta", also }.OfType<string>(), q.Content.Select(f => f.Key));
    }

    [Theory]
    [InlineData("can you check Acme's unit backlog?", "Acme's unit backlog?")]        // a thing to look up
    [InlineData("can you check: is Zeta's app live?", "is Zeta's app live?")]       // a question after the request
    public void A_request_to_look_something_up_is_read_as_what_it_asks(string question, string read) =>
        Assert.Equal(read, Reader.Read(question).Text);

    [Theory]
    [InlineData("can you confirm the note doesn't give a dividend?", "does the note give a dividend?")]
    [InlineData("the report never mentions Zeta, right?", "does the note mention Zeta?")]
    [InlineData("is it true the note has no dividend figure?", "does the note have any dividend figure?")]
    public void A_claim_that_the_note_lacks_something_asks_whether_it_has_it(string question, string read)
    {
        var q = Reader.Read(question);
        Assert.Equal(read, q.Text);
        Assert.True(q.AsksExistence && q.ClaimsAbsence);
        Assert.False(Reader.Read(read).ClaimsAbsence);
    }

    [Theory]
    [InlineData("Acme sold widgets to Zeta — am I right to doubt it?")] // the asker's doubt, not a check of the claim
    [InlineData("is that right?")] // nothing claimed
    public void A_check_with_no_claim_before_it_is_read_as_asked(string question) =>
        Assert.False(Reader.Read(question).AboutTheNote);

    [Fact]
    public void A_follow_up_that_names_another_row_of_the_table_the_previous_question_asked_asks_that_row_alone()
    {
        var (_, reader) = Small("""
            Gadget Note
            1. Rollout
            Zeta rolls out across the maker's shops.
            | Shop surface | Zeta role |
            |---|---|
            | Kite and Lamp | Extends chat help. |
            | Smart specs | Adds camera help. |
            """);
        var q = reader.Read("and the specs row?", previous: "in the surface table, what does zeta do for kite + lamp?");
        Assert.DoesNotContain("kite", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("specs", q.Text, StringComparison.OrdinalIgnoreCase);
        // a fragment that names no other row keeps the previous question's row
        Assert.Contains("kite", reader.Read("and its role?", previous: "in the surface table, what does zeta do for kite + lamp?").Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_follow_up_with_a_question_of_its_own_takes_the_previous_topic_without_its_verb_of_spending_said_as_slang()
    {
        var q = Reader.Read("and what are they planning for 2026?", previous: "how much did nimbus blow on plants in 2025?");
        Assert.Contains(q.Focus, f => f.Word.StartsWith("plant", StringComparison.Ordinal));
        Assert.DoesNotContain(q.Focus, f => f.Word == "blow");
    }

    [Fact]
    public void Chats_y_alone_asks_why_of_the_previous_question()
    {
        var q = Reader.Read("y tho", previous: "which widget does the note see as the hardest rival?");
        Assert.True(q.AsksWhy);
        Assert.Contains(q.Focus, f => f.Key == "rival");
    }

    [Theory]
    [InlineData("why did Nimbus spend $3B on plants?", true)]
    [InlineData("ok so why is Acme behind Zeta?", true)]
    [InlineData("how come Zeta ranks first?", true)]
    [InlineData("y r widgets a wedge tbh", true)]   // chat's "y"
    [InlineData("y/n: is Acme ahead?", false)]
    [InlineData("does the note say why Acme fell behind?", false)]
    [InlineData("what did Nimbus spend on plants?", false)]
    public void A_reason_is_asked_by_the_questions_own_why(string question, bool why) =>
        Assert.Equal(why, Reader.Read(question).AsksWhy);

    [Fact]
    public void A_long_figure_question_refused_names_what_it_asked_from_the_compared_thing_on()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            The Nimbus Review Board ranks Zeta-2.1 at 41% on GizmoTest in its yearly review.
            The market grew in 2025.
            Buyers in a growing market want cheaper parts and better WidgetBench results.
            | Model | Index |
            |---|---|
            | Acme Widget | Index 52 |
            | Zeta-2.1 | Index 57 |
            """);
        var q = reader.Read("what number does the Nimbus Review Board assign Zeta-2.1 on WidgetBench?");
        var refusal = new AnswerComposer(model, EngineTuning.Default).NotInNote(q, Only(q, model.Units.First(u => !u.IsRow)).Units[0]);
        Assert.Contains("gives no figure for “Zeta-2.1 on WidgetBench”", refusal.Text, StringComparison.Ordinal);
        // more asked before the thing's name than whose figure it is: not this short form
        var more = reader.Read("what number do buyers in the growing market give Zeta-2.1 on WidgetBench?");
        Assert.DoesNotContain("for “Zeta-2.1 on WidgetBench”", new AnswerComposer(model, EngineTuning.Default)
            .NotInNote(more, Only(more, model.Units.First(u => !u.IsRow)).Units[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_asked_of_a_named_thing_is_a_percentage_and_a_share_of_a_total_asks_more()
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme paid $3B for a 40% stake in Zeta in June 2025.
            Its sales gain of 12% was led by Nimbus.
            """);
        var composer = new AnswerComposer(model, EngineTuning.Default);
        var owned = reader.Read("what proportion of Zeta does Acme have?");
        Assert.DoesNotContain(owned.Content, f => f.Key == "proportion");
        Assert.Equal("**40%**", composer.Compose(owned, Only(owned, model.Units[0])).Headline);
        // a share of a total is a split the question asks for: "share" stays a word the note must say
        Assert.Contains(reader.Read("what share of the 12% sales gain came from Nimbus?").Content, f => f.Key == "share");
    }

    [Fact]
    public void A_negated_sentence_denies_only_a_claim_whose_own_words_it_negates()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme does not call Zeta the best widget.
            """);
        string? Verdict(string question) => HeadlineFrom(model, reader, model.Units[0], question);
        Assert.Equal("**No** — the note says:", Verdict("is Zeta the best widget?"));
        // only the thing the claim is about is said: the sentence denies something else of it
        Assert.DoesNotContain("**No**", Verdict("is Zeta free?") ?? "", StringComparison.Ordinal);
        // a claim that itself negates what the sentence negates agrees with it
        Assert.DoesNotContain("**No**", Verdict("does the note say Acme does not call Zeta the best widget?") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("**No**", Verdict("Acme never calls Zeta the best widget — is that in the note?") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void An_only_in_a_claim_restricts_it_and_a_sentence_that_negates_the_restriction_denies_it()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme sells Zeta through partners rather than only through its own stores.
            """);
        Assert.Equal("**No** — the note says:", HeadlineFrom(model, reader, model.Units[0], "does Acme sell Zeta only through its own stores?"));
    }

    [Theory]
    [InlineData("does Zeta have a supply gap?", false)]     // affirmed by the verb after "and"
    [InlineData("does Acme acknowledge a supply gap?", false)] // the verb met is the one after "and"
    [InlineData("does Acme call out a supply gap?", false)]  // met under the negation and after its end: no denial
    [InlineData("is Zeta the best widget?", true)]          // still under the negation
    [InlineData("is Zeta a platform?", false)]              // after "but"
    [InlineData("is Zeta a gadget?", true)]
    public void A_negation_reaches_no_further_than_a_conjunction_that_opens_a_verb_of_its_own(string question, bool denied)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme does not call Zeta the best widget and openly acknowledges a supply gap.
            Zeta is not a gadget but a platform.
            """);
        var composer = new AnswerComposer(model, EngineTuning.Default);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.Contains(question.Contains("gap") || question.Contains("best") ? "Acme" : "gadget", StringComparison.Ordinal));
        Assert.Equal(denied, composer.Compose(q, Only(q, unit)).Headline?.StartsWith("**No**", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0, 0.0)]   // the very figure, every word met: nothing against answering
    [InlineData(1.0, 1.0, 0.2, 0.8)]   // a word of it unmet ("… on the glasses specifically")
    [InlineData(0.0, 0.0, 1.0, 1.0)]   // no figure that fits
    public void A_precise_detail_asked_counts_against_answering_unless_the_best_unit_gives_it(double factoid, double attach, double weakest, double expected)
    {
        var q = Reader.Read("what was Nimbus's Q4 2025 plant spending exactly?");
        Assert.True(q.Precise);
        var features = new double[AnswerabilityFeatures.Names.Length];
        features[Array.IndexOf(AnswerabilityFeatures.Names, "factoid")] = factoid;
        features[Array.IndexOf(AnswerabilityFeatures.Names, "f_attach")] = attach;
        features[Array.IndexOf(AnswerabilityFeatures.Names, "weakest")] = weakest;
        var decision = AnswerabilityFeatures.Decision(q, [(1.0, 1.0, features)]);
        Assert.Equal(expected, decision[Array.IndexOf(AnswerabilityFeatures.DecisionNames, "precise")], 6);
    }

    [Theory]
    [InlineData("what is Zeta Widget's benchmark position?", true)]
    [InlineData("how reliable is Zeta Widget's benchmark position?", false)]   // how far to trust it, which the cell does not say
    public void A_question_of_trust_is_not_answered_by_the_cell_of_the_column_it_names(string question, bool cell)
    {
        var q = Reader.Read(question);
        var row = Model.Units.Single(u => u.IsRow && u.Text.Contains("Zeta Widget", StringComparison.Ordinal) && u.Text.Contains("GadgetEval", StringComparison.Ordinal));
        var headline = new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, row)).Headline ?? "";
        Assert.Equal(cell, headline.Contains("GadgetEval 33.0%", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("should I buy Acme stock?", true)]
    [InlineData("is Acme a sell here?", true)]
    [InlineData("does the note recommend buying Nimbus?", true)]
    [InlineData("should I trust the GizmoTest ranking?", false)]   // no trade
    [InlineData("is Acme a widget maker?", false)]
    [InlineData("is there a widget customers can buy?", false)]   // a purchase, not a call on a stock ("is X a buy?")
    [InlineData("is Acme stock a good investment?", true)]
    public void Advice_on_a_trade_asks_whether_the_note_recommends_one(string question, bool advice)
    {
        var q = Reader.Read(question);
        Assert.Equal(advice, q.AsksAdvice);
        if (!advice) return;
        var reply = new AnswerComposer(Model, EngineTuning.Default).NotInNote(q, null).Text;
        // the note gives none: said plainly, with no "No" that would read as advice
        Assert.StartsWith("The note gives no buy or sell recommendation on ", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what's the price target?", "does the note give a price target?")]
    [InlineData("Price target on Acme shares?", "does the note give a price target on Acme shares?")]
    [InlineData("What's the price target and rating on ACME stock in this note?", "does the note give a price target or rating on ACME stock?")]
    [InlineData("whats the rating on the stock", "does the note give a buy or sell rating on the stock?")]
    [InlineData("What rating does the note put on Acme stock?", "does the note give a buy or sell rating on Acme stock?")]
    [InlineData("what's the analyst rating on the stock?", "does the note give a buy or sell rating on the stock?")]
    [InlineData("what's Zeta's rating on GizmoTest?", null)]   // a product's score, not a call on a stock
    public void A_call_on_a_stock_asks_whether_the_note_gives_one(string question, string? read)
    {
        var q = Reader.Read(question);
        if (read is null)
        {
            Assert.DoesNotContain("does the note give", q.Text, StringComparison.Ordinal);
            return;
        }
        Assert.Equal(read, q.Text);
        Assert.True(q.AsksExistence);
        // asked "what's the …?", the reply says the note gives none, with no "No" to a question that asked no yes or no
        Assert.StartsWith("The note gives no ", new AnswerComposer(Model, EngineTuning.Default).NotInNote(q, null).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Is this note a buy, hold or sell on Acme shares?", "does the note give a buy, hold or sell rating on Acme shares?")]
    [InlineData("Is the note rating Acme a buy, hold or sell here?", "does the note give a buy or sell rating on Acme?")]
    [InlineData("The note rates Acme a buy, right?", "does the note give a buy or sell rating on Acme?")]
    public void Three_calls_on_a_stock_ask_for_the_note_s_rating(string question, string read)
    {
        var q = Reader.Read(question);
        Assert.Equal(read, q.Text);
        Assert.True(q.AsksExistence);
    }

    [Fact]
    public void A_claim_that_the_note_rates_a_stock_is_answered_no() =>
        Assert.StartsWith("**No** — the note gives no buy or sell rating", new AnswerComposer(Model, EngineTuning.Default).NotInNote(Reader.Read("The note rates Acme a buy, right?"), null).Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("any word on when Nimbus launches its widget?", "when Nimbus launches its widget?", AnswerType.Date)]
    [InlineData("is there any news about how much Acme spent?", "how much Acme spent?", AnswerType.Quantity)]
    public void News_asked_of_a_wh_question_asks_that_question(string question, string read, AnswerType type)
    {
        var q = Reader.Read(question);
        Assert.Contains(read, q.Text, StringComparison.Ordinal);
        Assert.Equal(type, q.Type);
    }

    [Theory]
    [InlineData("wen did Nimbus launch its widget", AnswerType.Date)]
    [InlineData("wats Acme's capacity", AnswerType.Quantity)]
    public void Chat_spellings_of_question_words_are_read_as_those_words(string question, AnswerType type) =>
        Assert.Equal(type, Reader.Read(question).Type);

    [Fact]
    public void Whether_a_claim_is_verified_is_answered_by_the_notes_own_doubt_about_it()
    {
        string? Verdict(string question, string unit) => HeadlineFrom(Model, Reader, Unit(unit), question);
        Assert.Equal("**No** — Nimbus's own claim; the note says it is not independently verified:",
            Verdict("is the ten-year widget life independently verified?", "Nimbus says its widget lasts ten years."));
        // no doubt stated: no verdict from one
        Assert.DoesNotContain("not independently", Verdict("is Nimbus's widget launch date confirmed?", "Nimbus launched its widget") ?? "", StringComparison.Ordinal);
        // a lower confidence is no statement that the claim is unchecked
        Assert.DoesNotContain("**No** — the note says its confidence", Verdict("are the broader extrapolations verified?", "Confidence is high") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_stated_of_one_of_two_things_given_theirs_in_turn_is_checked_against_its_own()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Reviews show Acme Widget nearly matching Zeta-2.1 in speed, 40% versus 41% on GizmoTest.
            The market grew in 2025.
            Buyers want cheaper parts.
            Shipping costs fell.
            | Model | Index |
            |---|---|
            | Acme Widget | Index 52 |
            | Zeta-2.1 | Index 57 |
            """);
        var unit = model.Units.First(u => !u.IsRow);
        string? Verdict(string question) => HeadlineFrom(model, reader, unit, question);
        Assert.Equal("**Yes** — the note says 41%:", Verdict("does Zeta-2.1 score 41% on GizmoTest?"));
        // Zeta's 41% is no yes for Acme, whose figure is the first of the two
        Assert.DoesNotContain("**Yes**", Verdict("is Acme Widget at 41% on GizmoTest?") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Several_figures_stated_in_a_yes_no_question_each_hold_or_the_claim_does_not()
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme paid $3B for a 40% stake in Zeta in June 2025.
            """);
        Assert.Equal("**Yes** — the note says $3B and 40%:", HeadlineFrom(model, reader, model.Units[0], "so Acme paid $3B for a 40% stake in Zeta, right?"));
        Assert.Equal("**No** — the note says 40% and $3B:", HeadlineFrom(model, reader, model.Units[0], "did Acme get a 45% stake in Zeta for $3B?"));
    }

    [Theory]
    [InlineData("did Nimbus launch its widget in April 2026?", "**No** — the note says May 4, 2026:")]
    [InlineData("was the Nimbus widget launched back in 2025?", "**No** — the note says May 4, 2026:")]
    [InlineData("did Nimbus launch its widget in Q2 2026?", "**Yes** — the note says May 4, 2026:")]
    [InlineData("so Nimbus launched its widget on May 4, right?", "**Yes** — the note says May 4, 2026:")]
    [InlineData("did Nimbus launch its widget before June 2026?", "**Yes** — the note says May 4, 2026:")]
    [InlineData("did Nimbus launch its widget after May 2026?", "**No** — the note says May 4, 2026:")]
    public void A_date_stated_in_a_yes_no_question_is_checked_against_the_note_s_date_of_the_event(string question, string headline)
    {
        var q = Reader.ReadDateClaim(question);
        Assert.NotNull(q);
        // the date is the claim to check, not a period the answer must be about
        Assert.Empty(q.Periods);
        Assert.Equal(headline, new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit("Nimbus launched"))).Headline);
    }

    [Theory]
    [InlineData("did Nimbus spend $3B in Q4 2025?")]   // a figure's period: the figure is what is checked
    [InlineData("what did Nimbus launch in May 2026?")] // not a yes/no question
    [InlineData("did Nimbus launch its widget by the end of 2026?")] // a part of a period is not read
    public void Only_a_yes_no_question_stating_one_date_and_no_figure_reads_it_as_a_claim(string question) =>
        Assert.Null(Reader.ReadDateClaim(question));

    [Fact]
    public void A_yes_no_question_read_with_its_date_as_the_claim_fits_a_unit_that_dates_an_event()
    {
        var q = Reader.ReadDateClaim("did Nimbus launch its widget in April 2026?")!;
        double TypeFit(NoteUnit unit) => AnswerabilityFeatures.Fit(q, new Candidate(unit, Exact(q, unit), 0, 0, 0, 0, 0, 0, 0, 0)).Type;
        Assert.Equal(1, TypeFit(Unit("Nimbus launched")));
        // a unit that dates nothing cannot settle when (a quarter is a figure's period, not an event's date)
        Assert.Equal(0, TypeFit(Unit("Zeta Widget 3.2")));
        Assert.Equal(0, TypeFit(Unit("In Q4 2025")));
    }

    [Fact]
    public void A_date_check_settles_only_what_the_note_s_date_can()
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme opened its plant in June 2025.
            """);
        bool? Holds(string question)
        {
            var q = reader.Read(question, datesAsClaims: true);
            return FigureAttachment.CheckDate(q, model.Units[0], Exact(q, model.Units[0]))?.Holds;
        }
        Assert.True(Holds("did Acme open its plant in 2025?"));
        Assert.False(Holds("did Acme open its plant in July 2025?"));
        // a month the note gives cannot confirm a day it does not
        Assert.Null(Holds("did Acme open its plant on June 3, 2025?"));
    }

    [Fact]
    public void A_date_set_after_a_clause_by_a_word_or_two_dates_that_clause_s_event()
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme said its widget becomes the default across its shops, effective June 3, 2025 in most regions, while excluding two regions.
            """);
        var unit = model.Units[0];
        var dated = unit.Segments.Single(g => unit.Text[g.Start..g.End].StartsWith("effective", StringComparison.Ordinal));
        Assert.True(dated.Continues);
        // the claim's words are said in the clause the date carries on from: the date is the widget's
        var q = reader.ReadDateClaim("Acme's widget began as the default across its shops on June 3, 2024?")!;
        Assert.Contains(q.Focus, f => f.Key == "began" && f.IsFrame);
        Assert.Equal((false, true), FigureAttachment.CheckDate(q, unit, Exact(q, unit)) is { } check ? (check.Holds, check.Date.OwnClause) : default);
    }

    [Theory]
    [InlineData("Acme's widget got switched on across its shops on June 3, 2024, right?", "**No** — the note says June 3, 2025:")]
    [InlineData("Acme's widget got switched on across its shops on June 3, 2025, right?", "**Yes** — the note says June 3, 2025:")]
    // another day is no day the note shares: the claim's paraphrase leaves the event unpinned, no verdict
    [InlineData("Acme's widget got switched on across its shops on June 4, 2025, right?", null)]
    // … nor a scope the note does not give ("everywhere" of "in most regions")
    [InlineData("Acme's widget got switched on everywhere on June 3, 2025, right?", null)]
    public void A_day_the_note_s_date_shares_pins_a_dated_claim_said_in_other_words(string question, string? headline)
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme said its widget becomes the default across its shops, effective June 3, 2025 in most regions.
            Acme also opened a plant in Ohio in March 2024.
            """);
        var q = reader.ReadDateClaim(question)!;
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0])).Headline);
    }

    [Fact]
    public void A_quarter_or_a_year_dates_a_figure_s_period_not_an_event()
    {
        // another period is something the note does not say, not a "no"
        var q = Reader.Read("did Nimbus spend on plants in Q3 2025?", datesAsClaims: true);
        Assert.Null(FigureAttachment.CheckDate(q, Unit("In Q4 2025"), Exact(q, Unit("In Q4 2025"))));
    }

    [Theory]
    [InlineData("did Nimbus's widget work take a year?", "**No** — the note says 9 months:")]
    [InlineData("did the widget work take less than a year?", "**Yes** — the note says 9 months:")]
    public void A_span_said_with_a_stated_as_one_of_its_unit(string question, string headline)
    {
        var q = Reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit("Nimbus launched"))).Headline);
    }

    [Fact]
    public void A_span_over_or_under_another_is_read_as_neither()
    {
        // "in under a year" is as often "within" as "less than": no verdict either way
        var q = Reader.Read("did the widget work run over a year?");
        var headline = new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit("Nimbus launched"))).Headline;
        Assert.False(headline?.StartsWith("**No** — the note says 9", StringComparison.Ordinal) == true, headline);
    }

    [Fact]
    public void A_claim_that_one_thing_leads_the_rest_is_no_yes_for_the_note_having_its_words()
    {
        // every word of the claim is in the unit, which ranks Acme behind
        var q = Reader.Read("does the note have Acme ahead of its rivals on GizmoTest?");
        var headline = new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit("The trade press ranks"))).Headline;
        Assert.False(headline?.StartsWith("**Yes**", StringComparison.Ordinal) == true, headline);
    }

    [Theory]
    [InlineData("what will the next Acme widget be called?", true)]
    [InlineData("what's the name of Zeta's chip?", true)]
    [InlineData("what is the title of this note?", false)] // the note's own title is answered as such
    [InlineData("who named the plant after Nimbus?", false)]
    [InlineData("what's Zeta's codename?", true)]                // a kind of name
    [InlineData("what's the project code name people reported?", true)]
    [InlineData("what's the code behind Zeta's chip?", false)]
    [InlineData("what do they call Zeta's fast mode?", true)]
    [InlineData("whats acme calling its new chip", true)]
    [InlineData("what did Acme call for in the filing?", false)]  // calling for a thing is asking for it
    [InlineData("what does Acme do with its chips?", false)]
    public void A_question_for_what_something_is_called_asks_for_a_name(string question, bool asksName) =>
        Assert.Equal(asksName, Reader.Read(question).AsksName);

    [Theory]
    [InlineData("what does Acme call its fast mode?", false)]      // a name is no claim to verify
    [InlineData("does Acme's fast mode match Zeta?", true)]        // the claim itself carries the note's doubt
    public void A_name_asked_is_answered_without_the_doubt_of_the_claim_its_sentence_makes(string question, bool flagged)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Widget demand grew in 2025.
            Acme says its fast mode, called Turbo, matches Zeta. Those are Acme claims, not independently established proof.
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.StartsWith("Acme says", StringComparison.Ordinal));
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, new Evidence([new Scored(new Candidate(unit, Exact(q, unit), 0, 0, 0, 0, 0, 0, 0, 0), 1, 0, [])]));
        Assert.Equal(flagged, answer.Flags.Count > 0);
    }

    [Theory]
    [InlineData("In Europe, Zeta remains the most difficult direct rival for Acme.", true)]  // the subject it calls a rival
    [InlineData("In Europe, Acme faces a rival in every market.", false)]                     // a rival in general, none named
    [InlineData("In Europe, Acme describes Zeta as its most capable and hardest rival.", true)] // the name it calls a rival
    public void A_member_of_what_a_which_question_asks_is_the_subject_a_unit_calls_one(string sentence, bool named)
    {
        var (model, reader) = Small($"Acme Note\n1. Overview\n{sentence}\n");
        var q = reader.Read("which rivals does Acme face?");
        Assert.Equal(named, Members.Named(q, model.Units[0], Exact(q, model.Units[0]), 0.5, model.ProperNouns.Contains));
    }

    [Theory]
    [InlineData("Acme's next widget must close pricing, support, or long-range battery gaps.", true)]  // the kinds of gap, listed before it
    [InlineData("Acme's next widget must close its remaining gaps.", false)]                             // gaps in general
    [InlineData("Acme has not yet checked its suppliers, plants, or regional gaps.", false)]           // things beside gaps, not kinds
    [InlineData("Acme keeps its lead for widget pricing and selected gaps.", false)]                   // a participle says what they are
    public void A_list_of_kinds_right_before_what_a_which_question_asks_for_names_its_members(string sentence, bool named)
    {
        var (model, reader) = Small($"Acme Note\n1. Overview\n{sentence}\n");
        var q = reader.Read("which gaps does the next widget need to close?");
        Assert.Equal(named, Members.Named(q, model.Units[0], Exact(q, model.Units[0]), 0.5, model.ProperNouns.Contains) ?? false);
    }

    [Fact]
    public void The_column_a_which_question_names_heads_its_phrase_and_a_verb_after_it_does_not()
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme sells gadgets, and Acme ships them widely.
            | Watch item | What to look for |
            |---|---|
            | Spend milestones | Plant openings that tell planned spend from real capacity. |
            """);
        var q = reader.Read("which watch item helps tell planned spend from real capacity?");
        Assert.Equal("item", q.Focus[q.MemberHead].Word);   // "helps" is the verb after the column's name
        var unit = model.Units.Single(u => u.IsRow);
        Assert.True(Members.Named(q, unit, Exact(q, unit), 0.5, model.ProperNouns.Contains, "Acme"));
    }

    [Theory]
    [InlineData("| Cross-gadget rollout | Wider use across Zeta, Nimbus and Omega. |", true)]   // the row is about gadgets; its cells name them
    [InlineData("| Cross-gadget rollout | Wider use inside Acme's own stack. |", false)]        // only the note's subject, and no other name
    public void A_row_whose_label_says_what_a_which_question_asks_for_names_its_members_in_its_other_cells(string row, bool named)
    {
        var (model, reader) = Small($"""
            Acme Note
            1. Overview
            Acme sells gadgets, and Acme ships them widely.
            | Watch item | What to look for |
            |---|---|
            {row}
            """);
        var q = reader.Read("which gadgets");
        var unit = model.Units.Single(u => u.IsRow);
        Assert.Equal(named, Members.Named(q, unit, Exact(q, unit), 0.5, model.ProperNouns.Contains, "Acme") ?? false);
    }

    [Theory]
    [InlineData("Acme plans a larger widget next year.", false)]
    [InlineData("Acme's next widget is the Gizmo.", true)]
    public void A_name_asked_for_is_answered_only_by_a_unit_naming_something_the_question_does_not(string sentence, bool names)
    {
        var (model, reader) = Small($"Acme Note\n1. Overview\n{sentence}\n");
        var q = reader.Read("what will Acme's next widget be called?");
        Assert.Equal(names, Members.NamesSomeoneElse(q, model.Units[0], model.ProperNouns.Contains));
    }

    [Theory]
    [InlineData("when do the larger Acme models ship?", false)]     // the larger models: which models are asked about
    [InlineData("what will the next bigger Zeta widget be called?", false)]
    [InlineData("when do larger Acme models ship?", false)]         // after its auxiliary: no comparison can stand there
    [InlineData("bigger acme eta", false)]                          // opening a bare phrase before its noun
    [InlineData("are the Acme models larger?", true)]              // said of them: a comparison, though with nothing named
    [InlineData("which has the larger capacity, Acme or Zeta?", true)] // set against each other: the kind of answer
    [InlineData("is Acme's capacity larger than Zeta's?", true)]
    public void A_comparative_that_describes_the_thing_asked_about_is_a_word_to_meet(string question, bool frame) =>
        Assert.Equal(frame, Reader.Read(question).Focus.Single(f => f.Key is "larger" or "bigger").IsFrame);

    [Theory]
    [InlineData("what was Zeta's capacity a year earlier?", 12)]
    [InlineData("how much did Nimbus spend in the prior quarter?", 3)]
    [InlineData("what was the year-ago figure for Acme's backlog?", 12)]
    [InlineData("what did Nimbus spend the year before the launch?", 0)] // before a thing named: no period before the figure's
    [InlineData("what did Nimbus spend in 2025?", 0)]
    public void A_period_before_the_figure_s_own_is_read_and_its_words_are_not_asked_of_the_note(string question, int months)
    {
        var q = Reader.Read(question);
        Assert.Equal(months, q.EarlierMonths);
        if (months > 0) Assert.DoesNotContain(q.Content, f => f.Key is "earlier" or "prior" or "year-ago");
    }

    [Theory]
    [InlineData("In Q4 2025, Zeta's gadget line crossed a $6B run-rate.", false)]
    [InlineData("In Q4 2025, Zeta's gadget line crossed a $6B run-rate, up from $4B.", true)]
    [InlineData("Zeta's gadget line crossed a $6B run-rate in Q4 2025 and $4B in Q4 2024.", true)]
    public void A_unit_gives_an_earlier_period_only_when_it_dates_one_or_sets_its_figure_against_one(string sentence, bool gives)
    {
        var (model, reader) = Small($"Acme Note\n1. Overview\n{sentence}\n");
        var q = reader.Read("what was Zeta's gadget line run-rate a year earlier?");
        Assert.Equal(gives, FigureAttachment.GivesEarlierPeriod(q, model.Units[0], Exact(q, model.Units[0])));
    }

    [Theory]
    [InlineData("did Acme's sales grow more than 5%?")]
    [InlineData("did Acme's sales rise 6% in 2025?")]
    [InlineData("did Acme's sales rise 5%?")]
    public void A_figure_the_note_qualifies_neither_bears_out_nor_denies_a_value(string question)
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme's sales rose more than 5% in 2025.
            """);
        var q = reader.Read(question);
        var headline = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0])).Headline;
        Assert.False(headline?.StartsWith("**Yes**", StringComparison.Ordinal) == true || headline?.StartsWith("**No**", StringComparison.Ordinal) == true, headline);
    }

    [Fact]
    public void Is_there_an_X_gets_a_yes_only_when_the_unit_says_each_word_of_X()
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme paid $3B for Zeta, and the Gizmo line reached a $4B revenue run-rate.
            """);
        var composer = new AnswerComposer(model, EngineTuning.Default);
        var unit = model.Units[0];
        var said = reader.Read("is there a revenue run-rate?");
        Assert.Equal("**Yes** — the note says:", composer.Compose(said, Only(said, unit)).Headline);
        // "buy" met only as another verb of money laid out ("paid", at the aligner's context score), "rating" by
        // the stem it shares with "run-rate": every word is met, none of it as asked, and a "Yes" to a buy rating
        // would be a confident wrong answer
        var rating = reader.Read("is there a buy rating?");
        var matches = Exact(rating, unit).Select(m => m.Exact ? m : new WordMatch(EngineTuning.Default.ContextMatch, unit.Text.IndexOf("paid", StringComparison.Ordinal), false)).ToArray();
        Assert.Contains(matches, m => m.Exact);
        var evidence = new Evidence([new Scored(new Candidate(unit, matches, 0, 0, 0, 0, 0, 0, 0, 0), 1, 0, [])]);
        Assert.Equal("**Not in those words** — the note says:", composer.Compose(rating, evidence).Headline);
    }

    [Theory]
    [InlineData("what's the top end of the 2026 spending guide?", "**$5B** (the top of $4B-$5B)")]
    [InlineData("low end of the 2026 spending guide?", "**$4B** (the bottom of $4B-$5B)")]
    public void One_end_of_a_range_asked_for_is_headlined_with_the_range_it_ends(string question, string headline)
    {
        var unit = Unit("In Q4 2025, Nimbus spent");
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.Quantity, q.Type);
        Assert.Equal(FigureKind.Money, q.WantedFigure);
        Assert.Equal(0, q.Superlative); // the top of a range is no largest of several
        Assert.Equal(headline, new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Fact]
    public void People_counted_in_general_are_answered_by_a_count_of_persons_only()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In 2025 Zeta reached 3M monthly users, a 40% market share, and a 2M unit backlog.
            """);
        var q = reader.Read("how many people use Zeta monthly?");
        Assert.True(q.CountsPersons);
        Assert.True(q.Focus.Single(f => f.Key == "people").IsFrame); // the figure's words say whom it counts
        var unit = model.Units[0];
        var fits = FigureAttachment.Figures(q, unit, Exact(q, unit)).Where(f => f.KindFits).Select(f => f.Text).ToList();
        Assert.Equal(["3M"], fits);
        // a count of things is not a count of people
        Assert.False(reader.Read("how many units does Zeta have?").CountsPersons);
    }

    [Fact]
    public void The_difference_of_two_figures_is_written_as_they_are_and_only_for_figures_of_one_unit()
    {
        Assert.Equal("$17.5B-$27.5B", Quantities.Difference("$30B-$40B", "$12.5B"));
        Assert.Equal("$3B", Quantities.Difference("$7B", "$10B"));
        Assert.Equal("5", Quantities.Difference("57", "52"));
        // another scale, another kind, a percentage (which differs by points), or two ranges: none
        Assert.Null(Quantities.Difference("$7B", "$700M"));
        Assert.Null(Quantities.Difference("$7B", "7 units"));
        Assert.Null(Quantities.Difference("40%", "33%"));
        Assert.Null(Quantities.Difference("$4B-$5B", "$1B-$2B"));
    }

    [Fact]
    public void A_range_s_ends_carry_the_unit_they_share()
    {
        Assert.Equal(("$4B", "$5B"), Quantities.RangeEnds("$4B-$5B"));
        Assert.Equal(("4%", "5%"), Quantities.RangeEnds("4–5%"));
        Assert.Equal(("10 months", "12 months"), Quantities.RangeEnds("10 to 12 months"));
        Assert.Null(Quantities.RangeEnds("12.5%"));
    }

    [Theory]
    [InlineData("how much did views of organic posts rise?", "**7%**")]   // its own measure's specific words
    [InlineData("revenue run rate in 2025?", null)]                     // a measure anyone's could be
    [InlineData("posts lift?", null)]                                   // one word of it is not enough
    public void A_listed_clauses_figure_is_the_one_asked_when_the_question_names_what_it_measures(string question, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In 2025, Gizmo tools reached a $4B revenue run-rate, Zest ranking changes drove a 7% lift in views of organic feed posts, and paid Nimbus messaging crossed a $2B annual run-rate.
            """);
        var q = reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0])).Headline);
    }

    [Theory]
    [InlineData("What revenue run-rate did Acme's Gizmo tools reach?", "**$4B**")]
    [InlineData("What revenue run-rate did Zeta's Gizmo tools reach?", null)]   // another name, said nowhere near
    public void The_notes_own_subject_said_away_from_a_figures_clause_does_not_keep_it_from_the_headline(string question, string? headline)
    {
        // the note is about Acme and says so in half its clauses: its absence from the figure's clause says nothing
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme sells widgets. Acme is listed. Acme pays no dividend. Zeta is a rival.
            In Q4 2025, Acme feed ranking drove a 7% lift in views, and Gizmo tools reached a $4B revenue run-rate.
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.Contains("Gizmo", StringComparison.Ordinal));
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("how much is Acme paying Dana Reed personally?", true)]     // what Dana is paid: the $9B is Zeta's price
    [InlineData("how much is Dana Reed getting paid?", true)]
    [InlineData("how much did Acme pay for Dana's old company?", false)]   // the company Dana ran: Zeta, named in other words
    [InlineData("how much did Acme invest to bring Dana in?", false)]      // what brought Dana in was the $9B
    public void Money_paid_to_a_named_one_is_not_a_figure_whose_own_clause_names_another_thing(string question, bool away)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme invested $9B for a 40% stake in Zeta Works in May 2025, bringing Dana Reed into a central role in its widget push.
            """);
        var q = reader.Read(question);
        var figures = FigureAttachment.Figures(q, model.Units[0], Exact(q, model.Units[0]));
        Assert.Equal(away, figures.Single(f => f.Text == "$9B").NameAway);
    }

    [Fact]
    public void The_thing_asked_outranks_the_measure_asked_among_a_units_figures()
    {
        // "revenue" is said beside Gizmo's $4B; Nimbus, asked about, owns the $2B clause: that figure comes first, so
        // the answer is not refused as another's
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In 2025, Gizmo tools reached a $4B revenue run-rate, Zest ranking changes drove a 7% lift in views of organic feed posts, and paid Nimbus messaging crossed a $2B annual run-rate.
            """);
        var q = reader.Read("how much revenue did Nimbus make?");
        var figures = FigureAttachment.Figures(q, model.Units[0], Exact(q, model.Units[0]));
        Assert.Equal("$2B", figures[0].Text);
        Assert.False(figures[0].NameAway);
        Assert.Contains(figures, f => f.Text == "$4B" && f.NameAway);
    }

    [Fact]
    public void A_figure_whose_clause_says_nothing_asked_yields_to_the_one_whose_clause_does()
    {
        // the asker's words met only loosely ("log", "apps", "day") and the subject said beside 1B rank that figure
        // first, though "family", the one word met exactly, is what 3B measures: 3B comes first, so the answer is not
        // refused as another's
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme reported figures for its widget lines. Acme ships widgets. Acme sells gadgets. Acme builds plants.
            Acme hires staff. Acme opens stores. Acme rents offices.
            That suits a platform that already had 3B family daily widget owners in 2025 and more than 1B monthly Acme app users.
            """);
        var q = reader.Read("how many folks log into acme's family of apps on a given day?");
        var unit = model.Units.Single(u => u.Text.StartsWith("That suits", StringComparison.Ordinal));
        int At(string word) => unit.Text.IndexOf(word, StringComparison.Ordinal);
        var matches = q.Focus.Select(f => f.Key switch
        {
            "log" => new WordMatch(0.34, At("users"), false),
            "family" => new WordMatch(1, At("family"), true),
            "apps" => new WordMatch(0.3, At("app "), false),
            "day" => new WordMatch(0.3, At("daily"), false),
            _ when f.Word.StartsWith("acme", StringComparison.Ordinal) => new WordMatch(1, At("Acme app"), true),
            _ => new WordMatch(0, -1, false),
        }).ToArray();
        var figures = FigureAttachment.Figures(q, unit, matches);
        Assert.Equal("3B", figures[0].Text);
        Assert.Contains(figures, f => f.Text == "1B" && f.MeasureAway);
    }

    [Theory]
    [InlineData("how much did nimbus messaging make?", false, "**$2B**")]   // "how much … make": money, of Nimbus's clause
    [InlineData("how much did zest make?", true, null)]                    // Zest's clause holds a share, not money
    [InlineData("how much did zest ranking do?", false, null)]             // no kind asked: its 7% answers nothing asked
    public void A_figure_of_the_kind_asked_in_the_clause_of_the_thing_asked_is_its_answer(string question, bool asksMoney, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In 2025, Gizmo tools reached a $4B revenue run-rate, Zest ranking changes drove a 7% lift in views of organic feed posts, and paid Nimbus messaging crossed a $2B annual run-rate.
            """);
        var q = reader.Read(question);
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0]));
        Assert.Equal(headline, answer.Headline);
        if (asksMoney) Assert.Equal(FigureKind.Money, q.WantedFigure);
    }

    [Theory]
    [InlineData("revenue in 2025?", null)]                        // names nothing the listed clause's figure belongs to
    [InlineData("gizmo tools revenue run rate", "**$4B**")]
    [InlineData("paid nimbus messaging run rate", "**$2B**")]
    public void A_figure_in_a_listed_clause_belongs_to_what_that_clause_names_first(string question, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            In 2025, Gizmo tools reached a $4B revenue run-rate, Zest checkout drove a 3% lift in Zest conversions, and paid Nimbus messaging crossed a $2B annual run-rate.
            """);
        var q = reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0])).Headline);
    }

    [Theory]
    [InlineData("is Acme ahead of Zeta on GizmoTest?", "**No** — the note gives **Acme Widget 40%** vs **Zeta Widget 41%**:")]
    [InlineData("does Zeta beat Acme on GizmoTest?", "**Yes** — the note gives **Zeta Widget 41%** vs **Acme Widget 40%**:")]
    [InlineData("is Acme behind Zeta on GizmoTest?", "**Yes** — the note gives **Acme Widget 40%** vs **Zeta Widget 41%**:")]
    // ahead or behind is a choice, not a yes or no: both figures, and which leads
    [InlineData("is Acme ahead of or behind Zeta on GizmoTest?", "**Acme Widget 40%** vs **Zeta Widget 41%** — Zeta Widget ahead")]
    // asked of what the note claims: the verb ("claim", "argue") asks what the note says, and is no word the quote must say
    [InlineData("does the note claim Acme beats Zeta on GizmoTest?", "**No** — the note gives **Acme Widget 40%** vs **Zeta Widget 41%**:")]
    [InlineData("does the report argue that Zeta is ahead of Acme on GizmoTest?", "**Yes** — the note gives **Zeta Widget 41%** vs **Acme Widget 40%**:")]
    // "does the note put …" reads as asking whether the note has a thing; a comparative between two still decides it
    [InlineData("does the note put Acme ahead of Zeta on GizmoTest?", "**No** — the note gives **Acme Widget 40%** vs **Zeta Widget 41%**:")]
    // said as a statement in the past tense, asked with a question mark alone
    [InlineData("acme beat zeta on gizmotest?", "**No** — the note gives **Acme Widget 40%** vs **Zeta Widget 41%**:")]
    [InlineData("zeta outscored acme on gizmotest?", "**Yes** — the note gives **Zeta Widget 41%** vs **Acme Widget 40%**:")]
    [InlineData("acme trailed zeta on gizmotest?", "**Yes** — the note gives **Acme Widget 40%** vs **Zeta Widget 41%**:")]
    public void A_comparative_between_two_compared_things_is_answered_from_their_own_figures(string question, string headline)
    {
        var q = Reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit("The trade press ranks"))).Headline);
    }

    [Theory]
    [InlineData("what's the gap between Acme and Zeta on GizmoTest?", "**Acme Widget 40%** vs **Zeta Widget 41%** — Zeta Widget ahead by 1 percentage point")]
    [InlineData("whats the difference between zeta and acme on gizmotest", "**Zeta Widget 41%** vs **Acme Widget 40%** — Zeta Widget ahead by 1 percentage point")]
    [InlineData("how far behind Zeta is Acme on GizmoTest?", "**Zeta Widget 41%** vs **Acme Widget 40%** — Zeta Widget ahead by 1 percentage point")]
    [InlineData("by how much does zeta edge acme on gizmotest?", "**Zeta Widget 41%** vs **Acme Widget 40%** — Zeta Widget ahead by 1 percentage point")]
    [InlineData("how many points apart are acme and zeta on gizmotest", "**Acme Widget 40%** vs **Zeta Widget 41%** — Zeta Widget ahead by 1 percentage point")]
    [InlineData("acme vs zeta on gizmotest?", "**Acme Widget 40%** vs **Zeta Widget 41%**")]   // no gap asked: both figures alone
    [InlineData("which is higher on gizmotest, acme or zeta, and by how much?", "**Acme Widget 40%** vs **Zeta Widget 41%** — higher: Zeta Widget, by 1 percentage point")]
    public void The_gap_between_two_compared_things_on_a_measure_is_answered_with_both_figures(string question, string headline)
    {
        var q = Reader.Read(question);
        Assert.DoesNotContain(q.Content, f => English.DifferenceNouns.Contains(f.Key));
        Assert.Equal(headline, new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit("The trade press ranks"))).Headline);
    }

    [Fact]
    public void A_comparative_asked_of_a_tables_column_is_answered_from_the_two_rows_cells()
    {
        var q = Reader.Read("is Zeta's capacity larger than Acme's?");
        var table = Model.Tables.First(t => t.Headers.Contains("Capacity"));
        var answer = new AnswerComposer(Model, EngineTuning.Default).Compose(q, new Evidence([], table, "Capacity"));
        Assert.StartsWith("**Yes** — the note gives **Zeta Widget 5M units** vs **Acme Widget 2M units**:", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how far behind Zeta is Acme?", true)]
    [InlineData("what's the gap between acme and zeta", true)]
    [InlineData("how many points apart are they", true)]
    [InlineData("has Acme closed the gap with Zeta?", false)]     // a claim about a gap, not its size
    [InlineData("is Acme narrowing the gap?", false)]
    [InlineData("is Acme ahead of Zeta?", false)]
    public void A_question_asks_the_size_of_a_gap_only_in_words_that_ask_how_large(string question, bool asksGap) =>
        Assert.Equal(asksGap, Reader.Read(question).AsksGap);

    [Fact]
    public void A_gap_between_amounts_written_with_a_scale_is_left_to_the_two_figures()
    {
        // "5M units" less "2M units" would have to be restated in a scale of its own: both figures say it
        var q = Reader.Read("how much bigger is Zeta's capacity than Acme's?");
        Assert.True(q.AsksGap);
        var table = Model.Tables.First(t => t.Headers.Contains("Capacity"));
        var answer = new AnswerComposer(Model, EngineTuning.Default).Compose(q, new Evidence([], table, "Capacity"));
        Assert.Contains("**Zeta Widget 5M units** vs **Acme Widget 2M units**", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ahead by", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which has the larger capacity, Zeta or Acme?", " — larger: Zeta Widget")]   // the choice, after both
    [InlineData("which has a bigger capacity, zeta or acme?", " — bigger: Zeta Widget")]
    [InlineData("which has less capacity, zeta or acme?", " — smaller: Acme Widget")]
    [InlineData("Zeta vs Acme capacity?", "")]                                                 // no comparative: no choice
    public void A_comparison_of_two_rows_of_a_tables_column_headlines_each_sides_own_cell(string question, string choice)
    {
        var q = Reader.Read(question);
        var table = Model.Tables.First(t => t.Headers.Contains("Capacity"));
        var answer = new AnswerComposer(Model, EngineTuning.Default).Compose(q, new Evidence([], table, "Capacity"));
        Assert.Equal("**Zeta Widget 5M units** vs **Acme Widget 2M units**" + choice, answer.Headline);
        Assert.StartsWith(answer.Headline + "\n\n**Capacity**", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which has a longer warranty, Zeta or Acme?", true)]
    [InlineData("which has more users, zeta or acme?", true)]
    [InlineData("which has more users?", false)]
    [InlineData("is zeta or acme popular with more buyers", true)]
    [InlineData("tell me more about zeta or acme", false)]
    public void A_comparative_asked_between_two_compared_things_is_a_comparison(string question, bool comparison)
    {
        Assert.Equal(comparison, Reader.Read(question).Comparison);
    }

    [Theory]
    [InlineData("acme vs zeta in perception")]
    [InlineData("which is better at perception, acme or zeta?")]
    [InlineData("is acme ahead of zeta in perception?")]
    public void Figures_set_beside_a_measure_named_in_the_clause_before_them_answer_a_comparison_on_it(string question)
    {
        // "… nearly matching Zeta in perception, 81% versus 82% on GizmoScore": the figures' own clause names only the
        // test; the clause before them, which has no figure of its own, names what they measure
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Independent tests show Acme nearly matching Zeta in perception, 81% versus 82% on GizmoScore.
            Acme sells widgets in Europe. Buyers want cheaper parts. Shipping costs fell. The market grew.
            | Maker | Price |
            |---|---|
            | Acme Widget | $10 |
            | Zeta Widget | $12 |
            """);
        var q = reader.Read(question);
        var headline = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0])).Headline ?? "";
        Assert.True(headline.Contains("Acme Widget 81%", StringComparison.Ordinal) && headline.Contains("Zeta Widget 82%", StringComparison.Ordinal), headline);
    }


    [Fact]
    public void Figures_of_a_clause_several_things_own_go_to_them_in_the_order_written_never_one_to_both()
    {
        // "Acme nearly matching Zeta …, 81% versus 82%": 82% is Zeta's, not "both 82%"
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Independent tests show Acme nearly matching Zeta in perception, 81% versus 82% on GizmoScore.
            Acme sells widgets in Europe. Buyers want cheaper parts. Shipping costs fell. The market grew.
            | Maker | Score |
            |---|---|
            | Acme Widget | 81% |
            | Zeta Widget | 82% |
            """);
        var q = reader.Read("acme vs zeta on GizmoScore");
        var headline = new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, model.Units[0])).Headline;
        Assert.True(headline is null || headline.Contains("Acme Widget 81%", StringComparison.Ordinal), headline);
    }

    [Fact]
    public void A_sides_figure_in_a_clause_that_sets_it_against_a_thing_not_asked_is_the_one_in_its_place()
    {
        // "Acme nearly matching Zeta …, 81% versus 82%" asked as Acme against Orbit: 82% is Zeta's, never Acme's
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Independent tests show Acme nearly matching Zeta in perception, 81% versus 82% on GizmoScore.
            Trade tests give Orbit Widget 80.5% on GizmoScore without tools.
            Acme sells widgets in Europe. Buyers want cheaper parts. Shipping costs fell. The market grew.
            | Maker | Price |
            |---|---|
            | Acme Widget | $10 |
            | Zeta Widget | $12 |
            | Orbit Widget | $11 |
            """);
        var q = reader.Read("orbit widget gizmoscore number vs acme's");
        var evidence = new Evidence([Only(q, model.Units[1]).Units[0], Only(q, model.Units[0]).Units[0]]);
        var headline = new AnswerComposer(model, EngineTuning.Default).Compose(q, evidence).Headline ?? "";
        Assert.DoesNotContain("Acme Widget 82%", headline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how did Zeta do on GizmoTest?", "The trade press ranks", "**41%**")]
    [InlineData("Acme on WidgetBench?", "Acme reported", "**12.5%**")]
    [InlineData("how did Acme do on GizmoTest?", "The trade press ranks", "**40%**")]
    [InlineData("zeta widget gadgeteval", "Maker: Zeta Widget", "**33.0%**")]   // a row's cell, its clause the row's own
    public void A_thing_and_a_measure_named_ask_for_the_things_figure_on_it(string question, string unit, string headline)
    {
        var q = Reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit(unit))).Headline);
    }

    [Theory]
    [InlineData("what are Acme's WidgetBench and GadgetEval scores?", "Acme reported", "WidgetBench **12.5%** · GadgetEval **40.1%**")]
    [InlineData("zeta widget gadgeteval and capacity", "Maker: Zeta Widget", "gadgeteval **33.0%** · capacity **5M units**")]   // a cell under its header whole
    [InlineData("Acme's WidgetBench, GadgetEval and backlog figures?", "Acme reported", "WidgetBench **12.5%** · GadgetEval **40.1%** · backlog **2M**")]
    [InlineData("acme stats: WidgetBench, GadgetEval, backlog", "Acme reported", "WidgetBench **12.5%** · GadgetEval **40.1%** · backlog **2M**")] // chat lists with commas alone
    [InlineData("what are Acme's WidgetBench and GizmoScore scores?", "Acme reported", null)]   // one of the two is not there
    public void Two_measures_asked_together_each_get_their_own_figure(string question, string unit, string? headline)
    {
        var q = Reader.Read(question);
        Assert.Equal(headline, new AnswerComposer(Model, EngineTuning.Default).Compose(q, Only(q, Unit(unit))).Headline);
    }

    [Theory]
    [InlineData("What's the everyday headcount across Zest, Wisp, Gizmo?", null)]    // where the headcount is: no measures of their own
    [InlineData("zest, wisp, gizmo stats?", "zest **3.5%** · wisp **more than 1%** · gizmo **$2B**")]
    public void A_list_a_preposition_opens_names_where_a_measure_is_not_measures_of_its_own(string question, string? headline)
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme sells widgets to households in Europe.
            In Q4 2025, Zest ranking improvements drove a 7% lift in views, Zest clicks rose 3.5%, Wisp conversions rose more than 1%, and Gizmo messaging reached a $2B run-rate.
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.StartsWith("In Q4", StringComparison.Ordinal));
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("what were the Zest sales lift and the Wisp ads lift?", "Zest sales lift **5%** · Wisp ads lift **2%**")] // "lift" said twice in the unit
    [InlineData("what were the lifts in Zest sales and Wisp ads?", "Zest sales **5%** · Wisp ads **2%**")]             // the change word names no measure
    // a request whose preamble lists things too: the list whose every measure has its figure
    [InlineData("for a deck on Acme's plans, goals and partners I need the Zest sales lift and the Wisp ads lift", "Zest sales lift **5%** · Wisp ads lift **2%**")]
    public void Measures_listed_in_a_what_were_question_each_get_their_own_figure(string question, string headline)
    {
        var (model, reader) = Small("""
            Acme Note
            1. Overview
            Acme sells widgets. Acme's partners report to Acme.
            In 2025, Zest sales drew a 5% lift, while Wisp ads got a 2% lift.
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.StartsWith("In 2025", StringComparison.Ordinal));
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("who wrote this note?", true)]
    [InlineData("Who is the author of this report?", true)]
    [InlineData("who's the analyst", true)]
    [InlineData("when was the note published?", true)]
    [InlineData("who wrote the Zeta framework?", false)]   // what the note reports, not the note
    [InlineData("when was Acme Widget released?", false)]
    public void A_question_about_who_wrote_the_note_or_when_is_about_the_document(string question, bool authorship)
    {
        Assert.Equal(authorship, Reader.Read(question).AsksAuthorship);
    }

    [Fact]
    public void A_role_the_note_itself_speaks_of_is_asked_of_what_it_reports_unless_the_note_is_named()
    {
        var (_, reader) = Small("Acme Note\n1. Overview\nAcme's app shows news from publishers including Kite Daily.\n");
        Assert.False(reader.Read("who are the publishers?").AsksAuthorship);
        Assert.True(reader.Read("who is the publisher of this note?").AsksAuthorship);
        Assert.True(Reader.Read("who are the publishers?").AsksAuthorship);   // a note that never speaks of publishers
    }

    [Theory]
    [InlineData("Zeta on GizmoTest?", "**41%**")]
    [InlineData("Acme on GizmoTest?", null)]   // never Zeta's 41% (its own 40% stands before the measure is named)
    public void A_figure_asked_of_one_thing_in_a_clause_two_things_own_is_the_one_in_its_place(string question, string? headline)
    {
        var (model, reader) = Small(Note.Replace("The trade press ranks Acme at 40% on GizmoTest, just behind Zeta at 41%.",
            "Independent tests show Acme nearly matching Zeta in perception, 40% versus 41% on GizmoTest.", StringComparison.Ordinal));
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.StartsWith("Independent tests", StringComparison.Ordinal));
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("what did Acme pay for Zeta?", "**$3B**")]              // the verb that moves money asks for the amount
    [InlineData("how much did Acme pay for its Zeta stake?", "**$3B**")]
    [InlineData("how much is Acme paying Nimbus Lee?", null)]          // only the note's subject is in the figure's clause
    public void A_money_verb_asks_for_the_amount_and_the_notes_subject_alone_does_not_tie_a_figure_to_the_question(string question, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme paid $3B for a 40% stake in Zeta in June 2025, bringing Nimbus Lee into a lead role.
            Since then Acme sells widgets. Analysts say Acme is listed. Unlike Zeta, Acme pays no dividend.
            """);
        var q = reader.Read(question);
        var unit = model.Units[0];
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("How much did Acme invest in Nimbus?", null)]   // every word asked is met, but none in the figure's clause
    [InlineData("What was Acme's 2025 capex?", "**$3B**")]
    public void A_figure_is_headlined_only_when_its_own_clause_says_something_asked(string question, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme's launch materials tie the widget to strategic investment across the stack, including the Nimbus plant, while prior disclosure still frames 2025 capex at $3B.
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single();
        var answer = new AnswerComposer(model, EngineTuning.Default)
            .Compose(q, Only(q, unit));
        Assert.Equal(headline, answer.Headline);
    }

    /// <summary>The reader of the three-model note whose table gives two of them a GizmoTest score.</summary>
    private static readonly QuestionReader TwoModelsOnGizmoTest = Small(ThreeModels("""
        | Model | GizmoTest |
        |---|---|
        | Zorb 2 | 40% |
        | Quill 3 | 41% |
        """)).Reader;

    /// <summary>A note of three compared models, named in prose often enough to be told apart, with the table given.</summary>
    private static string ThreeModels(string table) => """
        Widget Note
        1. Overview
        The cheapest widget is Zorb 2, which sells for $5 a month. The trade press ranks Quill 3 at 41% on GizmoTest.
        Analysts rate Vexo 4 highly. Acme sells gadgets too. Demand is rising. Supply is tight. Prices are stable.
        Acme hires engineers. Acme builds plants. Margins are steady. Buyers are patient.

        """ + table;

    [Theory]
    [InlineData("which models got a 1M context window?", null)]   // rows asked by the kind the label column names
    [InlineData("what is zorb 2's context window?", "**1M**")]
    public void A_which_question_for_rows_is_not_answered_by_one_rows_cell(string question, string? headline)
    {
        var (model, reader) = Small(ThreeModels("""
            | Model | Context window |
            |---|---|
            | Zorb 2 | 1M |
            | Quill 3 | 262k |
            | Vexo 4 | 1M |
            """));
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.IsRow && u.Passage.Row == "Zorb 2");
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    /// <summary>A question read on a note whose one sentence gives a score with no condition and one "without tools",
    /// with that sentence.</summary>
    private static (QuestionFrame Question, NoteUnit Unit) ReadOnScoresWithoutTools(string question)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Omega describes Zeta 2 as its best model, reporting 83.0% on WidgetBench and 81.2% on GizmoTest without tools.
            Acme sells gadgets too. Demand is rising. Supply is tight. Prices are stable.
            """);
        return (reader.Read(question), model.Units.Single(u => u.Text.StartsWith("Omega", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("zeta 2 gizmotest WITH tools?", 0.0)]     // the note's figure is without them: it measures the other condition
    [InlineData("zeta 2 gizmotest without tools?", 1.0)]
    [InlineData("zeta 2 gizmotest?", 1.0)]
    public void A_figure_given_without_a_condition_does_not_measure_what_a_question_asks_with_it(string question, double measureMet)
    {
        var (q, unit) = ReadOnScoresWithoutTools(question);
        var figure = FigureAttachment.Figures(q, unit, Exact(q, unit)).Single(f => f.Text == "81.2%");
        Assert.Equal(measureMet, figure.MeasureMet);
    }

    [Theory]
    [InlineData("zeta 2 gizmotest WITH tools?", "81.2%", "without tools")]   // given only for the other condition
    [InlineData("what does zeta 2 score on gizmotest with tools?", "81.2%", "without tools")]
    [InlineData("zeta 2 gizmotest without tools?", null, null)]              // the condition the note gives
    [InlineData("zeta 2 widgetbench with tools?", null, null)]               // a measure given with no condition
    public void A_figure_the_note_gives_only_for_the_other_condition_is_found_with_that_condition(string question, string? figure, string? condition)
    {
        var (q, unit) = ReadOnScoresWithoutTools(question);
        var found = FigureAttachment.OfOtherCondition(q, unit, Exact(q, unit));
        Assert.Equal(figure, found?.Figure.Text);
        Assert.Equal(condition, found?.Condition);
    }

    [Theory]
    [InlineData("quill 3 gadget bench?", "Gadget-Bench")]            // the note's hyphenated name, typed apart
    [InlineData("quill 3 GADGET  BENCH score", "Gadget-Bench")]
    [InlineData("quill 3 widget bench pro?", "Widget-Bench")]
    [InlineData("quill 3 gadget benches?", null)]                     // another word
    public void A_name_the_note_hyphenates_typed_with_a_space_is_read_as_that_name(string question, string? name)
    {
        var (_, reader) = Small(ThreeModels("""
            Omega describes Quill 3 as its best model, reporting 65.4% on Gadget-Bench and 57.7% on Widget-Bench Pro.
            | Model | Gadget-Bench |
            |---|---|
            | Zorb 2 | 40% |
            | Quill 3 | 65.4% |
            """));
        var text = reader.Read(question).Text;
        if (name is null) Assert.DoesNotContain("-Bench", text, StringComparison.Ordinal);
        else Assert.Contains(name, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what gaps does a bigger zorb 2 need to close?", 0)]   // "a bigger X" describes what is asked about
    [InlineData("which models are bigger than zorb 2?", 1)]            // the models beyond it
    public void A_comparative_after_an_article_describes_the_thing_asked_about(string question, int beyond)
    {
        Assert.Equal(beyond, TwoModelsOnGizmoTest.Read(question).Beyond);
    }

    [Theory]
    [InlineData("and 27?", "2027")]      // a year the note does not speak of, read from the previous question's century
    [InlineData("and fy25?", "2025")]
    [InlineData("and 27 plants?", "2026")] // a count, not a year
    public void A_follow_up_of_a_bare_two_digit_number_asks_that_year(string question, string year)
    {
        var q = Reader.Read(question, previous: "what's acme's 2026 capex guide?");
        Assert.Equal(year, q.Periods.Select(p => p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault());
    }

    [Theory]
    [InlineData("what's the 26 capex guide?", "2026")]
    [InlineData("acme capex guide for 26?", "2026")]
    [InlineData("the top 10 model scores?", null)]         // no year the note speaks of
    [InlineData("how did acme do in 25 markets?", null)]   // a count of a plural
    public void A_bare_two_digit_year_is_read_as_a_year_the_note_speaks_of(string question, string? year)
    {
        var q = Reader.Read(question);
        Assert.Equal(year, q.Periods.Select(p => p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault());
    }

    [Fact]
    public void A_follow_up_that_opens_with_versus_replaces_the_other_side_and_keeps_the_first()
    {
        var (_, reader) = Small(ThreeModels("""
            | Model | GizmoTest | WidgetBench |
            |---|---|---|
            | Zorb 2 | 40% | 12 |
            | Quill 3 | 41% | 15 |
            | Vexo 4 | 44% | 11 |
            """));
        var q = reader.Read("and vs vexo 4 on widgetbench?", previous: "how does Zorb 2 compare with Quill 3 on GizmoTest?");
        Assert.Equal(["Vexo 4", "Zorb 2"], q.Peers.Select(p => p.Label).Order().ToArray());
        Assert.Contains("WidgetBench", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("GizmoTest", q.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("and vexo 4 on gizmotest?")]
    [InlineData("and vexo 4?")]
    public void A_follow_up_naming_another_thing_after_a_comparison_asks_of_that_thing_alone(string question)
    {
        // both sides of "Zorb 2 vs Quill 3" give way to Vexo 4: the "vs" left between nothing compares nothing
        var (_, reader) = Small(ThreeModels("""
            | Model | GizmoTest |
            |---|---|
            | Zorb 2 | 40% |
            | Quill 3 | 41% |
            | Vexo 4 | 44% |
            """));
        var q = reader.Read(question, previous: "gizmotest zorb 2 vs quill 3?");
        Assert.True(q.Peers.Select(p => p.Label).SequenceEqual(["Vexo 4"]) && !q.Comparison, $"{q.Text} · {string.Join(", ", q.Peers.Select(p => p.Label))} · {q.Comparison}");
    }

    [Theory]
    [InlineData("does zorb 2 beat any of the others on gizmotest?", 1)]   // set against all the others, none named
    [InlineData("does zorb 2 beat each of its rivals on gizmotest?", 1)]
    [InlineData("so zorb 2 wins gizmotest right?", 1)]                     // winning, with no rival named, is leading
    [InlineData("does zorb 2 beat quill 3 on gizmotest?", 0)]               // one rival named: a comparison of two
    public void Beating_all_the_others_or_winning_asks_whether_one_thing_leads(string question, int superlative) =>
        Assert.Equal(superlative, ThreeOnGizmoTest.Read(question).Superlative);

    [Theory]
    [InlineData("who's dead last on gizmotest?", -1)]                       // the place in a ranking: the lowest
    [InlineData("which model is at the bottom on gizmotest?", -1)]
    [InlineData("which model ranked last year on gizmotest?", 0)]           // a time, not a place
    public void Last_place_in_a_ranking_asks_for_the_lowest(string question, int superlative) =>
        Assert.Equal(superlative, ThreeOnGizmoTest.Read(question).Superlative);

    [Theory]
    [InlineData("which models score at least 41% on gizmotest?", 0)]         // a bound, not the extreme
    [InlineData("which model has at most 41% on gizmotest?", 0)]
    [InlineData("which model scores the least on gizmotest?", -1)]
    public void A_bound_said_with_a_superlative_word_asks_for_no_extreme(string question, int superlative) =>
        Assert.Equal(superlative, ThreeOnGizmoTest.Read(question).Superlative);

    [Theory]
    [InlineData("and who's dead last?")]
    [InlineData("who's at the bottom then?")]
    public void Last_place_asked_after_a_ranking_question_asks_the_previous_measure_of_them_all(string question)
    {
        // "last" is also a word of a name in this note ("Last Light Labs"), not said as one here: the previous
        // question's names stay
        var q = Small(ThreeModels("""
            | Model | GizmoTest |
            |---|---|
            | Zorb 2 | 40% |
            | Quill 3 | 41% |
            | Vexo 4 | 44% |

            The scores are as Nimbus Review reported them. Quill 3 was built at Last Light Labs.
            """)).Reader.Read(question, previous: "who's top on gizmotest per Nimbus Review?");
        Assert.Equal(-1, q.Superlative);
        Assert.Contains("gizmotest", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nimbus", q.Text, StringComparison.OrdinalIgnoreCase);
    }

    private static QuestionReader ThreeOnGizmoTest => Small(ThreeModels("""
        | Model | GizmoTest |
        |---|---|
        | Zorb 2 | 40% |
        | Quill 3 | 41% |
        | Vexo 4 | 44% |
        """)).Reader;

    [Theory]
    [InlineData("zorb 2 tops quill 3 on gizmotest?", AnswerType.YesNo)]            // a statement that one beats another
    [InlineData("so the whole acme gadget payoff is still basically hypothetical?", AnswerType.YesNo)]
    [InlineData("so it cant do video?", AnswerType.YesNo)]
    [InlineData("zorb 2 is just a plain gadget?", AnswerType.YesNo)]               // no "so": its verb after a short subject
    [InlineData("quill 3 was part of the gizmotest team?", AnswerType.YesNo)]
    [InlineData("zorb 2 gizmotest score?", AnswerType.Quantity)]                    // a phrase, no statement
    [InlineData("acme tops list?", AnswerType.Description)]                          // no two compared things
    public void A_statement_asked_with_a_question_mark_asks_yes_or_no(string question, AnswerType type)
    {
        Assert.Equal(type, TwoModelsOnGizmoTest.Read(question).Type);
    }

    [Theory]
    [InlineData("isnt acme basically just a widget maker")]
    [InlineData("doesnt zeta sell gadgets?")]
    [InlineData("wasnt the plant finished in 2024?")]
    public void A_negative_contraction_typed_without_its_apostrophe_asks_yes_or_no(string question) =>
        Assert.Equal(AnswerType.YesNo, Reader.Read(question).Type);

    [Theory]
    [InlineData("who gains more - big retailers or small shops?", true)]    // alternatives after a dash
    [InlineData("which wins: acme or zeta?", true)]                           // … or a colon
    [InlineData("who gains more from retail or wholesale growth?", false)]  // "or" inside one phrase
    [InlineData("who runs acme - and since when?", false)]
    [InlineData("who's acme's toughest rival here, zeta or nimbus?", true)]  // … or a comma
    [InlineData("is the widget fully released or still testing?", true)]    // "or still" offers the other state
    public void A_who_or_which_question_with_alternatives_after_a_dash_asks_a_choice(string question, bool choice)
    {
        Assert.Equal(choice, Reader.Read(question).AsksChoice);
    }

    [Theory]
    [InlineData("under what condition do zeta's chats get cross-used for ads?", AnswerType.Description)]   // "get" of a passive
    [InlineData("what did zeta get on gadgeteval?", AnswerType.Quantity)]                                     // a result got on a measure
    public void Get_before_a_past_participle_is_a_passive_not_a_result_got(string question, AnswerType type)
    {
        Assert.Equal(type, Reader.Read(question).Type);
    }

    [Theory]
    [InlineData("when does zeta ship the doohickey app? any eta")]   // asked again by its kind of answer: one question
    [InlineData("when does zeta ship the doohickey app? timeline?")]
    public void A_when_question_asked_again_by_its_kind_of_answer_is_one_question(string question)
    {
        var q = Reader.Read(question);
        Assert.Equal(AnswerType.Date, q.Type);
        Assert.Equal(1, q.Parts);
    }

    [Fact]
    public void Eta_is_chat_shorthand_for_a_date()
    {
        Assert.Equal(AnswerType.Date, Reader.Read("eta on the nimbus plant?").Type);
    }

    [Theory]
    [InlineData("gizmo-ai chats", "generative gizmo chats")]
    [InlineData("gizmo-ai-driven ads", "generative gizmo-driven ads")]   // the first part of an English compound
    [InlineData("gizmo-ai-2 scores", "gizmo-ai-2 scores")]               // part of a longer name: left as typed
    public void A_glossary_shorthand_is_expanded_whole_or_as_the_first_part_of_a_compound(string text, string expanded)
    {
        Assert.Equal(expanded, new Glossary([("gizmo-ai", "generative gizmo")]).Expand(text));
    }

    [Theory]
    [InlineData("how much went into plants and gear in 2025?", "how much went into capex in 2025?")]
    [InlineData("how is the budget divided between plants and gear?", "how is the budget divided between plants and gear?")]  // two things set apart
    [InlineData("split between the plants and gear?", "split between the plants and gear?")]
    public void Two_things_a_glossary_entry_joins_for_one_stay_two_after_between(string text, string expanded)
    {
        Assert.Equal(expanded, new Glossary([("plants and gear", "capex")]).Expand(text));
    }

    [Theory]
    [InlineData("how big's the backlog?", "how big is the backlog")]
    [InlineData("how much's left?", "how much is left")]
    [InlineData("how acme's backlog grew?", "how acme's backlog grew")]     // a name's possessive, not "is"
    public void A_degree_word_contracted_after_how_is_opened(string question, string opened)
    {
        Assert.StartsWith(opened, QuestionReader.Clean(question), StringComparison.Ordinal);
    }

    [Fact]
    public void Chat_shorthand_of_a_letter_and_a_digit_is_spelled_out_and_a_quarter_is_not()
    {
        Assert.Contains("before", Reader.Read("how many months b4 launch?").Text, StringComparison.Ordinal);
        Assert.Contains("Q4", Reader.Read("Q4 revenue?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what did the Feb 2025 plan say?", "february 2025")]      // the note writes the month in full
    [InlineData("how many pts behind is zorb?", "how many points")]
    [InlineData("is the widget GA yet or still beta?", "generally available yet")]
    [InlineData("does it mar the plan?", "does it mar the plan")]          // a word of its own, not March
    public void Chat_abbreviations_of_months_and_points_are_spelled_out(string question, string read)
    {
        Assert.Contains(read, Reader.Read(question).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_follow_up_that_names_another_measure_drops_the_version_of_the_measure_it_replaces()
    {
        var (_, reader) = Small(ThreeModels("""
            Omega describes Quill 3 as its best model, reporting 65.4% on Gadget-Eval 2.0 and 72.7% on WidgetBench.
            | Model | Gadget-Eval 2.0 |
            |---|---|
            | Zorb 2 | 40% |
            | Quill 3 | 65.4% |
            """));
        var q = reader.Read("and widgetbench?", previous: "quill 3 gadget-eval 2.0 score?");
        Assert.Contains("widgetbench", q.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2.0", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("gadget-eval", q.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("is zorb 2 better than quill 3 on battery life?", "**No** — the note says “Against Quill 3, Zorb 2 appears weaker”:")]
    [InlineData("is quill 3 stronger than zorb 2 on battery life?", "**Yes** — the note says “Against Quill 3, Zorb 2 appears weaker”:")]
    public void A_yes_or_no_on_which_is_ahead_reads_the_order_of_a_sentence_that_sets_one_against_the_other(string question, string headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Against Quill 3, Zorb 2 appears weaker on battery life and screen quality.
            The trade press ranks Quill 3 at 41% on GizmoTest. Acme sells gadgets too. Analysts watch the widget market. Demand is rising.
            Acme hires engineers. Acme builds plants. Margins are steady. Buyers are patient. Prices are stable.
            The cheapest widget is Zorb 2, which sells for $5 a month.
            | Model | Score |
            |---|---|
            | Zorb 2 | 40% |
            | Quill 3 | 41% |
            """);
        var q = reader.Read(question);
        Assert.Equal(2, q.Peers.Count);
        var unit = model.Units.Single(u => u.Text.StartsWith("Against", StringComparison.Ordinal));
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("how much does zorb 2 cost?", "Acme's launch", null)]   // the figure's clause has a subject of its own
    [InlineData("how much does zorb 2 cost?", "The cheapest", "**$5**")]
    [InlineData("what's acme's spending forecast for 2026?", "Separately, Acme", "**$4B-$5B**")] // the subject leads a coordinated clause
    public void With_nothing_asked_but_a_name_a_figure_is_headlined_only_where_the_name_is_its_clauses_subject(string question, string unitStart, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme's launch materials tie Zorb 2 to strategic investment across the stack, including the Nimbus plant, while prior disclosure still frames 2025 capex at $3B.
            The cheapest widget is Zorb 2, which sells for $5 a month. Separately, Acme spent $3B in 2025 and guided 2026 spending to $4B-$5B.
            The trade press ranks Quill 3 at 41% on GizmoTest. Acme sells gadgets too. Analysts watch the widget market. Demand is rising.
            Acme hires engineers. Acme builds plants. Margins are steady. Buyers are patient. Prices are stable.
            | Model | Score |
            |---|---|
            | Zorb 2 | 40% |
            | Quill 3 | 41% |
            """);
        var q = reader.Read(question);
        Assert.NotEmpty(model.Peers.All);
        var unit = model.Units.Single(u => u.Text.StartsWith(unitStart, StringComparison.Ordinal));
        var answer = new AnswerComposer(model, EngineTuning.Default)
            .Compose(q, Only(q, unit));
        Assert.Equal(headline, answer.Headline);
    }

    [Theory]
    [InlineData("how much did acme labs grow?", "Acme invested", null)]          // says "Acme" and "Labs", not the name
    [InlineData("how many users does acme labs have?", "Users of", "**1B**")]
    public void A_figure_is_not_headlined_from_a_unit_that_splits_a_name_the_question_says(string question, string unitStart, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme invested $3B for a 40% stake in Zeta Labs in June 2025.
            Analysts follow Acme Labs closely. Users of Acme Labs rose to 1B.
            """);
        Assert.Contains("acme labs", model.NamePhrases);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.StartsWith(unitStart, StringComparison.Ordinal));
        var answer = new AnswerComposer(model, EngineTuning.Default)
            .Compose(q, Only(q, unit));
        Assert.Equal(headline, answer.Headline);
    }

    [Fact]
    public void A_comparison_headlines_the_side_a_clause_calls_it()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Analysts watch the widget market. Demand is rising. Supply is tight.
            The newest entrant is Acme Widget. The trade press ranks it at 40% on GizmoTest, just behind Zeta Widget at 41%.
            | Maker | Capacity |
            |---|---|
            | Acme Widget | 2M units |
            | Zeta Widget | 5M units |
            """);
        var q = reader.Read("acme vs zeta on gizmotest");
        var unit = model.Units.Single(u => u.Text.StartsWith("The trade press", StringComparison.Ordinal));
        var answer = new AnswerComposer(model, EngineTuning.Default)
            .Compose(q, Only(q, unit));
        Assert.Equal("**Acme Widget 40%** vs **Zeta Widget 41%**", answer.Headline);
    }

    [Theory]
    [InlineData("wat's Acme's capacity?", "what is Acme's capacity?")]
    [InlineData("wut's the capacity", "what is the capacity")]
    [InlineData("whats the capacity", "what is the capacity")]
    [InlineData("why'd Acme build it", "why did Acme build it")]
    public void Chat_spellings_of_question_words_and_their_contractions_are_opened(string typed, string read) =>
        Assert.Equal(read, QuestionReader.Clean(typed));

    [Fact]
    public void A_question_word_typed_as_chat_shorthand_is_no_content_word()
    {
        var q = Reader.Read("wat is Zeta's GadgetEval score?");
        Assert.StartsWith("what is", q.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(q.Focus, f => f.Key.StartsWith("wat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what about zorbix?", true)]          // a name the note never uses, typed lower-case
    [InlineData("anything on Zorbix?", true)]
    [InlineData("thoughts on zorbix?", true)]          // a view asked for is about zorbix
    [InlineData("what about gizmos and zorbix?", false)] // "gizmos" is the note's word
    [InlineData("what about gadgets?", false)]        // an ordinary English word, which a paraphrase may use
    [InlineData("what about acme?", false)]           // the note's own name
    public void A_question_only_about_names_the_note_never_uses_is_read_as_such(string question, bool unknown) =>
        Assert.Equal(unknown, Reader.Read(question).OnlyUnknownNames);

    [Theory]
    [InlineData("When did Nimbus launch its widget?", "Nimbus launched", "**May 4, 2026**")]
    [InlineData("When will Nimbus launch its widget?", "Nimbus launched", null)]   // a date reported as done
    [InlineData("when is Nimbus launching the larger widget?", "Nimbus launched", null)]
    [InlineData("When will Nimbus ship the larger widget?", "Nimbus expects", "**June 2027**")]
    [InlineData("In which month would Nimbus launch its widget?", "Nimbus launched", null)]   // asked as hypothetical, yet to come
    public void A_question_about_what_is_still_to_happen_is_answered_only_by_a_date_the_note_gives_as_to_come(string question, string unitStart, string? headline)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Nimbus launched its widget on May 4, 2026.
            Nimbus expects to ship a larger widget in June 2027.
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.StartsWith(unitStart, StringComparison.Ordinal));
        Assert.Equal(headline, new AnswerComposer(model, EngineTuning.Default).Compose(q, Only(q, unit)).Headline);
    }

    [Theory]
    [InlineData("how many widgets does Acme ship each month?", "monthly")]
    [InlineData("how many units does Zeta make per day?", "daily")]
    [InlineData("how many shoppers visit Acme every single day?", "daily")]
    [InlineData("and how many use the Acme Widget in a month?", "monthly")]  // a count's span, said last
    public void How_often_is_read_as_the_adverb_not_as_a_comparison(string question, string adverb)
    {
        var q = Reader.Read(question);
        Assert.Contains(q.Focus, f => f.Word == adverb);
        Assert.DoesNotContain(q.Focus, f => f.Key is "single" or "month" or "day");
        Assert.False(q.Comparison);
    }

    [Theory]
    [InlineData("when will Acme open a plant, in a month?")]   // not a count: a month is when
    [InlineData("how many widgets did Acme ship a year earlier?")]  // a span before, not a rate
    public void A_span_said_last_is_a_rate_only_after_a_count(string question) =>
        Assert.DoesNotContain(Reader.Read(question).Focus, f => f.Word is "monthly" or "yearly");

    [Fact]
    public void Back_before_a_date_sets_it_in_the_past_and_is_no_word_to_meet()
    {
        var q = Reader.Read("Nimbus launched its widget back in May 2025, right?");
        Assert.DoesNotContain(q.Focus, f => f.Key == "back");
        Assert.Contains(q.Periods, p => p is { Year: 2025, Month: 5 });
        // "back" of anything else stays ("did Acme buy back shares?")
        Assert.Contains(Reader.Read("did Acme buy back shares in 2025?").Focus, f => f.Key == "back");
    }

    [Theory]
    [InlineData("what did Nimbus spend on plants in '25?", 2025)]
    [InlineData("Nimbus spending in Q4 ’25?", 2025)]
    [InlineData("what was Acme's share in '99?", 1999)]
    [InlineData("Nimbus FY2025 spending?", 2025)]           // a fiscal or calendar year is that year
    [InlineData("nimbus spending fy25", 2025)]
    [InlineData("Nimbus spending in CY 2026?", 2026)]
    [InlineData("nimbus spending q4 25?", 2025)]            // after a quarter or half, two digits are its year
    [InlineData("Nimbus spending H1-26", 2026)]
    [InlineData("nimbus q4'25 spending?", 2025)]             // the quarter, not a word "q4'2025"
    public void A_year_written_without_its_century_is_that_year(string question, int year)
    {
        var q = Reader.Read(question);
        Assert.Contains(q.Periods, p => p.Year == year);
        // a quarter or half said with the year is that part of that year
        Assert.All(q.Periods.Where(p => p.Quarter is not null), p => Assert.Equal(year, p.Year));
        Assert.DoesNotContain(q.Focus, f => f.Key.StartsWith("fy", StringComparison.Ordinal) || f.Key == "cy");
    }

    [Theory]
    [InlineData("when did Zeta go live?", "launch")]
    [InlineData("what day did the Doohickey app went live", "launched")]
    [InlineData("when is Zeta going live in Europe?", "launching")]
    public void To_go_live_is_to_launch(string question, string verb)
    {
        var q = Reader.Read(question);
        Assert.Contains(q.Focus, f => f.Word == verb);
        Assert.DoesNotContain(q.Focus, f => f.Word == "live");
    }

    [Theory]
    [InlineData("when did Zeta come out?", "launch")]
    [InlineData("zeta came out may 4 2024 right?", "launched")]
    [InlineData("is the zeta widget coming out in Europe?", "launching")]
    [InlineData("did widget sales come out ahead?", null)]             // no compared thing: left as asked
    [InlineData("did Zeta come out on top of the rankings?", null)]    // a standing, not a release
    public void A_compared_thing_coming_out_is_its_launch(string question, string? verb)
    {
        var q = Reader.Read(question);
        Assert.Equal(verb is not null, q.Focus.Any(f => f.Word.StartsWith("launch", StringComparison.Ordinal)));
        if (verb is not null) Assert.Contains(q.Focus, f => f.Word == verb);
    }

    [Theory]
    [InlineData("when did Zeta drop?", true)]                   // a compared thing dropping is its release
    [InlineData("when did the zeta widget drop? exact date", true)]
    [InlineData("when did Zeta drop to 5M units?", false)]        // a figure it dropped to: a fall
    [InlineData("when did widget sales drop?", false)]          // no compared thing: a fall
    [InlineData("when will Zeta drop?", false)]                 // what is yet to come may be undated: left as asked
    public void A_compared_thing_that_dropped_was_released(string question, bool launched)
    {
        var q = Reader.Read(question);
        Assert.Equal(launched, q.Focus.Any(f => f.Word == "launch"));
        Assert.Equal(!launched, q.Focus.Any(f => f.Word == "drop"));
    }

    [Theory]
    [InlineData("the Omega deal: how much and when?", true)]
    [InlineData("how much was the Omega investment?", true)]
    [InlineData("how much of the Omega deal is Acme's?", false)]   // a share of it
    public void How_much_a_transaction_was_is_money(string question, bool money) =>
        Assert.Equal(money, Reader.Read(question).WantedFigure == FigureKind.Money);

    [Fact]
    public void A_share_after_a_quarter_is_no_year() =>
        Assert.DoesNotContain(Reader.Read("zeta q4 25% lift?").Periods, p => p.Year == 2025);

    [Fact]
    public void A_hedge_on_the_figure_asked_is_no_word_the_note_must_say() =>
        Assert.DoesNotContain(Reader.Read("roughly how many units does Zeta make, approximately?").Focus, f => f.Word is "roughly" or "approximately");

    [Theory]
    [InlineData("whn did Nimbus launch its widget?", AnswerType.Date)]
    [InlineData("hw many units does Zeta have?", AnswerType.Quantity)]
    [InlineData("wht is the risk for Nimbus?", AnswerType.Description)]
    public void A_question_word_typed_without_its_vowels_is_read_as_that_word(string question, AnswerType type)
    {
        var q = Reader.Read(question);
        Assert.Equal(type, q.Type);
        Assert.DoesNotContain(q.Focus, f => f.Word is "whn" or "hw" or "wht");
    }

    [Theory]
    [InlineData("Will Nimbus open its design?", "Nimbus is", false)]
    [InlineData("Does Nimbus sell gadgets?", "Nimbus does", true)]
    [InlineData("Is the Nimbus widget multimodal?", "Nimbus ships", false)] // what "rather than" denies follows it
    [InlineData("Is the Nimbus widget a plain gadget?", "Nimbus ships", true)]
    public void A_yes_no_answer_is_no_only_when_a_word_asked_follows_a_negation_in_its_own_clause(string question, string unitStart, bool no)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Nimbus is closed by default, only in preview, even as Nimbus hopes to open its design later.
            Nimbus does not sell gadgets.
            Nimbus ships a multimodal widget rather than a plain gadget.
            """);
        var q = reader.Read(question);
        var unit = model.Units.Single(u => u.Text.StartsWith(unitStart, StringComparison.Ordinal));
        var answer = new AnswerComposer(model, EngineTuning.Default)
            .Compose(q, Only(q, unit));
        Assert.Equal(no, answer.Text.StartsWith("**No**", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("What is Zeta's capacity?", true)]
    [InlineData("Where does Zeta's capacity come from?", false)]
    public void A_question_naming_one_compared_thing_and_a_column_of_its_table_is_answered_from_its_row(string question, bool fromRow)
    {
        var q = Reader.Read(question);
        var row = Model.Units.Single(u => u.IsRow && u.Passage.Row == "Zeta Widget");
        var sentence = Unit("Zeta Widget 3.2");
        Scored Of(NoteUnit u, double p) => new(new Candidate(u, Exact(q, u), 0, 0, 0, 0, 0, 0, 0, 0), p, 0, []);
        var evidence = new EvidenceSelector(Model, EngineTuning.Default).Select(q, [Of(sentence, 0.8), Of(row, 0.1)]);
        Assert.Equal(fromRow, evidence.Units[0].Unit == row);
    }

    [Theory]
    [InlineData("why do the widgets matter so much?", true)]
    [InlineData("why are widgets so important?", true)]
    [InlineData("why does Acme sell widgets?", false)]   // the sentence gives its reason itself
    public void A_why_answered_by_a_sentence_that_gives_no_reason_takes_the_sentences_before_it_on_the_same_thing(string question, bool earlier)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Widgets are a key wedge. Buyers value widgets most when they can see the whole line. Prices rose in 2025. If the market shifts, widgets could matter more than price.
            Acme sells widgets because buyers want them.
            """);
        var q = reader.Read(question);
        var best = model.Units.Single(u => u.Text.StartsWith(earlier ? "If the market" : "Acme sells", StringComparison.Ordinal));
        var evidence = new EvidenceSelector(model, EngineTuning.Default).Select(q, [new Scored(new Candidate(best, Exact(q, best), 0, 0, 0, 0, 0, 0, 0, 0), 1, 0, [])],
            model.Units.Select(u => new Candidate(u, Exact(q, u), 0, 0, 0, 0, 0, 0, 0, 0)).ToList());
        var quoted = evidence.Units.Select(s => s.Unit.Text).ToList();
        Assert.Equal(earlier, quoted.Contains("Widgets are a key wedge."));
        Assert.Equal(earlier, quoted.Any(t => t.StartsWith("Buyers value widgets", StringComparison.Ordinal)));
        Assert.DoesNotContain("Prices rose in 2025.", quoted);   // not about the thing asked
    }

    [Theory]
    [InlineData("how does zeta's window compare with orbit's?", "Window")]
    [InlineData("zeta vs orbit: speed index and window for each?", null)]   // the index is another column's figure
    [InlineData("how does zeta's window compare with orbit pro's?", "Window")]   // a word of a compared thing's name names its row
    public void A_comparison_is_answered_by_one_column_only_when_it_asks_nothing_another_column_gives_a_figure_for(string question, string? column)
    {
        var (model, reader) = Small("""
            Gadget Note
            1. Field
            The field is led by Zeta and Orbit. Buyers asked for more stock. Prices held steady. Retail demand rose.
            | Model | Benchmark position | Window |
            |---|---|---|
            | Zeta | Speed Index 52; a rival to watch | 262k |
            | Orbit Pro | Speed Index 57, Pro-Bench 82% | 1M |
            """);
        var q = reader.Read(question);
        var row = model.Units.First(u => u.IsRow);
        var evidence = new EvidenceSelector(model, EngineTuning.Default).Select(q, [new Scored(new Candidate(row, Exact(q, row), 0, 0, 0, 0, 0, 0, 0, 0), 1, 0, [])],
            model.Units.Select(u => new Candidate(u, Exact(q, u), 0, 0, 0, 0, 0, 0, 0, 0)).ToList());
        Assert.Equal(column, evidence.Column);
    }

    [Theory]
    [InlineData("why is widget supply uneven?", "Widget supply", "The March audit closed with a warning and no signed pages.")]
    [InlineData("why does Acme sell widgets?", "Acme sells", null)]   // the sentence gives its reason itself
    // mid-paragraph too, and asked by the noun of why
    [InlineData("what's the point of moving gizmo output to lyon?", "Gizmo output", "The firm wants to cut its shipping costs across Europe.")]
    public void A_why_answered_by_a_sentence_with_no_reason_takes_the_sentence_after_it(string question, string best, string? after)
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Widget supply is uneven by design. The March audit closed with a warning and no signed pages. Analysts still like widgets.

            Acme sells widgets because buyers want them. Prices rose in 2025.

            Gizmo stock fell sharply after the spring recall. Gizmo output will move to a new plant in Lyon next year. The firm wants to cut its shipping costs across Europe.
            """);
        var q = reader.Read(question);
        Assert.True(q.AsksWhy);
        var unit = model.Units.Single(u => u.Text.StartsWith(best, StringComparison.Ordinal));
        var evidence = new EvidenceSelector(model, EngineTuning.Default).Select(q, [new Scored(new Candidate(unit, Exact(q, unit), 0, 0, 0, 0, 0, 0, 0, 0), 1, 0, [])],
            model.Units.Select(u => new Candidate(u, Exact(q, u), 0, 0, 0, 0, 0, 0, 0, 0)).ToList());
        Assert.Equal(after, evidence.Units.Skip(1).Select(s => s.Unit.Text).FirstOrDefault());
    }

    [Theory]
    [InlineData("Which maker has the largest capacity?", "Zeta Widget", "Acme Widget")]
    [InlineData("who has the smallest capacity", "Acme Widget", "Zeta Widget")]
    [InlineData("who's ahead on capacity?", "Zeta Widget", "Acme Widget")]      // a comparative set against nothing named
    [InlineData("which maker has less capacity?", "Acme Widget", "Zeta Widget")]
    [InlineData("which maker in the benchmark position table has the most capacity?", "Zeta Widget", "Acme Widget")] // words that name the table
    public void A_superlative_over_a_column_is_computed_from_its_cells(string question, string first, string second)
    {
        var extreme = new EvidenceSelector(Model, EngineTuning.Default).Extreme(Reader.Read(question));
        Assert.NotNull(extreme);
        Assert.Equal("Capacity", extreme.Measure);
        Assert.Equal([first, second], extreme.Rows.Select(r => r.Row.Passage.Row));
        Assert.Equal(1, extreme.Leaders);
    }

    [Fact]
    public void A_superlative_names_the_kind_of_answer_as_a_comparative_does_not_what_it_is_about()
    {
        var q = Reader.Read("Which maker has the largest capacity?");
        Assert.DoesNotContain(q.Content, f => f.Key == "largest");
        Assert.Contains(q.Content, f => f.Key == "capacity");
        Assert.Equal(1, q.Superlative);
    }

    [Theory]
    [InlineData("Which maker has the highest GadgetEval score?")] // one row gives it: the table cannot say which is highest
    [InlineData("What is Zeta's capacity?")]                      // no superlative
    [InlineData("Does Acme lead Zeta on capacity?")]              // ahead of one rival named: a comparison of two
    [InlineData("Which maker is ahead of Nimbus on capacity?")]   // a comparative's other side, named
    [InlineData("Which maker has more capacity than Nimbus?")]
    [InlineData("Which maker has the biggest revenue?")]          // a measure no column or cell names
    [InlineData("Which maker has the top benchmark score?")]      // a word of a longer header: which figure is meant?
    [InlineData("What is Acme's best benchmark result?")]         // one thing's own best, not which thing leads
    public void A_superlative_the_table_cannot_settle_is_not_computed(string question) =>
        Assert.Null(new EvidenceSelector(Model, EngineTuning.Default).Extreme(Reader.Read(question)));

    [Theory]
    [InlineData("Is Zeta's capacity the largest?", "**Yes** — Zeta Widget has the largest capacity, 5M (")]
    [InlineData("Does Acme have the biggest capacity?", "**No** — Zeta Widget has the biggest capacity, 5M; Acme Widget has 2M (")]
    [InlineData("Does Acme lead on capacity?", "**No** — Zeta Widget has the largest capacity, 5M; Acme Widget has 2M (")]
    // set against all the others, none of them named: more than every other is the most
    [InlineData("Is Acme's capacity bigger than its rivals'?", "**No** — Zeta Widget has the largest capacity, 5M; Acme Widget has 2M (")]
    [InlineData("does zeta beat the competition on capacity?", "**Yes** — Zeta Widget has the largest capacity, 5M (")]
    [InlineData("is Acme's capacity smaller than the others?", "**Yes** — Acme Widget has the smallest capacity, 2M (")]
    public void Whether_one_thing_leads_a_column_is_settled_by_its_cells(string question, string opening)
    {
        var q = Reader.Read(question);
        var extreme = new EvidenceSelector(Model, EngineTuning.Default).Extreme(q);
        Assert.NotNull(extreme);
        var answer = new AnswerComposer(Model, EngineTuning.Default).Compose(q, new Evidence([], extreme.Table, Extreme: extreme));
        Assert.StartsWith(opening, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is vexo 4 alone at the top on gizmotest?", "**No** — Zorb 2 and Vexo 4 share the ")]   // a shared top
    [InlineData("is vexo 4 the sole leader on gizmotest?", "**No** — Zorb 2 and Vexo 4 share the ")]
    [InlineData("is vexo 4 top on gizmotest?", "**Yes** — Zorb 2 and Vexo 4 share the ")]
    public void Asked_whether_one_thing_leads_alone_a_shared_lead_is_a_no(string question, string opening)
    {
        var (model, reader) = Small(ThreeModels("""
            | Model | GizmoTest |
            |---|---|
            | Zorb 2 | 44% |
            | Quill 3 | 41% |
            | Vexo 4 | 44% |
            """));
        var q = reader.Read(question);
        var extreme = new EvidenceSelector(model, EngineTuning.Default).Extreme(q);
        Assert.NotNull(extreme);
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, new Evidence([], extreme.Table, Extreme: extreme));
        Assert.StartsWith(opening, answer.Text, StringComparison.Ordinal);
    }

    private const string ThreeMakers = """
        Widget Note
        1. Overview
        Widget demand grew in 2025. Buyers want more widgets. In Ohio, Acme builds widgets.
        Prices held steady. Last year Zeta opened a plant. Analysts say Omega is new.
        | Maker | Capacity |
        |---|---|
        | Acme Widget | 2M units |
        | Zeta Widget | 5M units |
        | Omega Widget | 3M units |
        """;

    [Theory]
    [InlineData("which makers beat Omega on capacity?", 1)]
    [InlineData("who has a bigger capacity than Acme?", 1)]
    [InlineData("anyone with a smaller capacity than Zeta?", -1)]
    [InlineData("is there a maker with less capacity than Omega?", -1)]
    [InlineData("is Omega ahead of the rest on capacity?", 0)]   // the named thing is the one the claim is about
    [InlineData("does Acme beat Zeta on capacity?", 0)]          // two named: a comparison of the two
    [InlineData("what will the larger Acme widgets hold?", 0)]   // "the larger …" describes what is asked about
    [InlineData("What is Omega's capacity?", 0)]
    [InlineData("who leads the team that built Omega?", 0)]       // a verb of order whose object is not the named thing
    [InlineData("who r the named principals behind Omega acordng to the note?", 0)] // "behind" of who made it, no measure
    [InlineData("who are the named principals behind Omega in the launch evidence", 0)] // … with a phrase after it: makers before "behind"
    [InlineData("which makers are behind Omega on capacity?", -1)]
    [InlineData("which makers are ahead of Omega on capacity?", 1)]
    public void Which_things_stand_beyond_one_named_thing_is_read_from_the_comparative_and_its_far_side(string question, int beyond)
    {
        var (_, reader) = Small(ThreeMakers);
        Assert.Equal(beyond, reader.Read(question).Beyond);
    }

    [Theory]
    [InlineData("which maker has the biggest payload?", "Zeta Widget", "**Zeta Widget: 9M** — the biggest payload capacity in the table")]
    [InlineData("who has the smallest payload", "Acme Widget", "**Acme Widget: 2M** — the smallest payload capacity in the table")]
    public void A_word_of_a_longer_header_names_a_column_whose_cells_open_with_their_figure(string question, string leader, string opening)
    {
        // "Payload capacity" is said by "payload"; each cell's figure comes first, so the header is its only label
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Widget demand grew in 2025. Buyers want more widgets.
            | Maker | Payload capacity |
            |---|---|
            | Acme Widget | 2M |
            | Zeta Widget | 9M in beta |
            | Omega Widget | 3M units |
            """);
        var q = reader.Read(question);
        var extreme = new EvidenceSelector(model, EngineTuning.Default).Extreme(q);
        Assert.NotNull(extreme);
        Assert.Equal(3, extreme.Rows.Count);
        Assert.Equal(leader, extreme.Rows[0].Row.Passage.Row);
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, new Evidence([], extreme.Table, Extreme: extreme));
        Assert.StartsWith(opening, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which makers beat Omega on capacity?", "**Zeta Widget 5M** — a larger capacity than Omega Widget (3M) (")]
    [InlineData("who has less capacity than Zeta?", "**Acme Widget 2M, Omega Widget 3M** — a smaller capacity than Zeta Widget (5M) (")]
    [InlineData("does any maker have a smaller capacity than Acme?", "**No** — none has a smaller capacity than Acme Widget (2M) (")]
    [InlineData("does anyone have a bigger capacity than Acme?", "**Yes** — Zeta Widget 5M, Omega Widget 3M have a bigger capacity than Acme Widget (2M) (")]
    [InlineData("which makers have a bigger capacity than Zeta?", "**None** — none has a bigger capacity than Zeta Widget (5M) (")]
    public void The_things_beyond_one_named_thing_are_computed_from_the_cells(string question, string opening)
    {
        var (model, reader) = Small(ThreeMakers);
        var q = reader.Read(question);
        var extreme = new EvidenceSelector(model, EngineTuning.Default).Extreme(q);
        Assert.NotNull(extreme);
        Assert.Equal(3, extreme.Rows.Count);
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, new Evidence([], extreme.Table, Extreme: extreme));
        Assert.StartsWith(opening, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparative_right_before_than_parts_the_two_sides_a_question_names()
    {
        var q = Reader.Read("is the Nimbus spending bigger than the Acme backlog?");
        Assert.NotNull(q.PhraseSides);
        var (one, other) = q.PhraseSides.Value;
        Assert.Contains(one, f => f.Key == "nimbus");
        Assert.Contains(other, f => f.Key == "backlog");
        Assert.DoesNotContain(one.Concat(other), f => f.Key == "bigger");
    }

    [Fact]
    public void Which_things_beat_a_named_one_never_headlines_its_own_figure()
    {
        var row = Model.Units.Single(u => u.IsRow && u.Text.Contains("GizmoTest 41%", StringComparison.Ordinal));
        var own = Reader.Read("what is Zeta's capacity?");
        Assert.Contains("5M", new AnswerComposer(Model, EngineTuning.Default).Compose(own, Only(own, row)).Headline);
        // asked which makers are ahead of Zeta, its 5M is no answer: quoted without a table's computation (as when
        // no table settles it), the quotes speak
        var beyond = Reader.Read("which makers are ahead of Zeta on capacity?");
        Assert.Equal(1, beyond.Beyond);
        Assert.Null(new AnswerComposer(Model, EngineTuning.Default).Compose(beyond, Only(beyond, row)).Headline);
    }

    [Fact]
    public void Which_things_stand_beyond_a_thing_the_table_gives_no_figure_for_is_not_computed()
    {
        var (model, reader) = Small(ThreeMakers.Replace("| Omega Widget | 3M units |", "| Omega Widget | in preview |"));
        Assert.Null(new EvidenceSelector(model, EngineTuning.Default).Extreme(reader.Read("which makers beat Omega on capacity?")));
    }

    [Fact]
    public void A_superlative_on_a_label_beside_a_figure_in_a_cell_compares_those_figures_and_says_a_tie()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            | Maker | Scores |
            |---|---|
            | Acme Widget | GizmoTest 41%, WidgetBench 12% |
            | Zeta Widget | GizmoTest 41%; in preview |
            | Nimbus Widget | GizmoTest 38% |
            """);
        var q = reader.Read("which maker scores best on gizmotest?");
        var extreme = new EvidenceSelector(model, EngineTuning.Default).Extreme(q);
        Assert.NotNull(extreme);
        Assert.Equal("GizmoTest", extreme.Measure);
        Assert.Equal(2, extreme.Leaders);
        Assert.Equal("Nimbus Widget", extreme.Rows[^1].Row.Passage.Row);
        var answer = new AnswerComposer(model, EngineTuning.Default).Compose(q, new Evidence([], extreme.Table, Extreme: extreme));
        Assert.StartsWith("**Acme Widget and Zeta Widget: 41%** — tied for the best GizmoTest", answer.Text);
        Assert.Equal(3, answer.Citations.Count);
        // a superlative fused with a participle asks the same top
        Assert.Equal(2, new EvidenceSelector(model, EngineTuning.Default).Extreme(reader.Read("which maker is the top-ranked on gizmotest?"))?.Leaders);
    }

    [Theory]
    [InlineData("top-ranked", 1)]
    [InlineData("best-performing", 1)]
    [InlineData("lowest-scoring", -1)]
    [InlineData("well-funded", 0)]       // no superlative before the participle
    [InlineData("top-notch", 0)]         // no participle after it
    public void A_superlative_fused_with_a_participle_ranks_as_the_superlative(string word, int direction) =>
        Assert.Equal(direction, English.SuperlativeDirection(word));

    // ---- the composer ----

    [Fact]
    public void A_headlined_figure_keeps_only_further_quotes_nearly_as_likely_while_a_description_keeps_less_likely_ones()
    {
        var composer = new AnswerComposer(Model, EngineTuning.Default);
        Scored Scored(QuestionFrame q, string unit, double p) =>
            new(new Candidate(Unit(unit), Exact(q, Unit(unit)), 0, 0, 0, 0, 0, 0, 0, 0), p, 0, []);
        double flag = EngineTuning.Default.FlagQuoteRatio, further = EngineTuning.Default.FurtherQuoteRatio;
        Assert.True(further < flag);
        double between = 0.6 * (further + flag) / 2;

        var figure = Reader.Read("What did Acme report on GadgetEval?");
        var context = new Evidence([Scored(figure, "Acme reported", 0.6), Scored(figure, "The trade press ranks", between)], Own: 1);
        var answer = composer.Compose(figure, context);
        Assert.StartsWith("**40.1%**", answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Citations);
        var close = new Evidence([Scored(figure, "Acme reported", 0.6), Scored(figure, "The trade press ranks", 0.6 * flag)], Own: 1);
        Assert.Equal(2, composer.Compose(figure, close).Citations.Count);

        var description = Reader.Read("Why does Acme matter?");
        var quotes = new Evidence([Scored(description, "Acme reported", 0.6), Scored(description, "The trade press ranks", between)], Own: 1);
        Assert.Equal(2, composer.Compose(description, quotes).Citations.Count);
    }

    [Theory]
    [InlineData("In the separate work table, what supports the Supply row?", "What this supports")]
    [InlineData("What does the Supply row support, and what still requires separate work?", "What this supports|What still requires separate work")]
    public void A_row_answers_with_the_columns_each_part_asks_for_not_those_the_table_s_name_shares_words_with(string question, string columns)
    {
        var composer = new AnswerComposer(Model, EngineTuning.Default);
        var q = Reader.Read(question);
        var row = Model.Units.Single(u => u.IsRow && u.Passage.Row == "Supply");
        var answer = composer.Compose(q, Only(q, row));
        var headers = new[] { "What this supports", "What still requires separate work" };
        foreach (var header in headers)
            Assert.Equal(columns.Split('|').Contains(header), answer.Text.Contains(header + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_word_another_cell_of_the_row_says_is_part_of_the_claim_not_the_column_asked()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Plants
            | Plant question | What this launch supports | What still requires separate work |
            |---|---|---|
            | Capacity | Demand is real. | Does not justify a new plant off one launch. |
            """);
        var composer = new AnswerComposer(model, EngineTuning.Default);
        var row = model.Units.Single(u => u.IsRow);
        var claim = reader.Read("Does the note say the launch justifies a new plant?");
        Assert.Contains("Does not justify a new plant", composer.Compose(claim, Only(claim, row)).Text, StringComparison.Ordinal);
        // a header's word that no other cell says still names its column
        var support = reader.Read("What does the launch support for capacity?");
        Assert.DoesNotContain("Does not justify", composer.Compose(support, Only(support, row)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_s_doubt_flags_the_answer_only_when_the_question_s_words_meet_its_cell_even_in_paraphrase()
    {
        var composer = new AnswerComposer(Model, EngineTuning.Default);
        var row = Model.Units.Single(u => u.IsRow && u.Passage.Row == "Supply");
        Answer Ask(string question, string paraphrased, string at)
        {
            var q = Reader.Read(question);
            // the alignment's match: the asker's word met by a paraphrase in the cell that says it
            var matches = q.Focus.Select(f => f.Word == paraphrased
                ? new WordMatch(0.7, row.Text.IndexOf(at, StringComparison.Ordinal), false)
                : new WordMatch(0, -1, false)).ToArray();
            return composer.Compose(q, new Evidence([new Scored(new Candidate(row, matches, 0, 0, 0, 0, 0, 0, 0, 0), 1, 0, [])]));
        }
        // "appetite" is the supported cell's "Demand": that cell answers, and its words carry no doubt
        Assert.Empty(Ask("how genuine is the appetite?", "appetite", "Demand").Flags);
        // "quantities" is the other cell's "volumes": the note says that needs separate work
        Assert.NotEmpty(Ask("what about quantities?", "quantities", "volumes").Flags);
    }

    [Fact]
    public void A_refusal_names_what_the_note_mentions_in_the_asker_s_words_not_a_word_the_stemmer_folds_in()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Acme reached a $2B run-rate in widgets.
            """);
        var q = reader.Read("What buy rating does the note give Acme widgets?");
        var unit = model.Units.Single(u => u.Text.StartsWith("Acme reached", StringComparison.Ordinal));
        var refusal = new AnswerComposer(model, EngineTuning.Default).NotInNote(q, new Scored(new Candidate(unit, Exact(q, unit), 0, 0, 0, 0, 0, 0, 0, 0), 1, 0, []));
        Assert.Contains("It does mention Acme", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("widgets", refusal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("run-rate", refusal.Text, StringComparison.Ordinal);
    }

    // ---- the decision ----

    [Fact]
    public void A_figure_question_has_no_admissible_unit_when_only_another_thing_s_or_another_period_s_figure_fits()
    {
        var q = Reader.Read("What is Zeta's WidgetBench score?");
        var features = new double[AnswerabilityFeatures.Names.Length];
        void Set(string name, double v) => features[Array.IndexOf(AnswerabilityFeatures.Names, name)] = v;
        Set("type", 1); Set("names", 1); Set("period", 1); Set("peer", 0);
        Assert.False(AnswerabilityFeatures.Admissible(q, features));
        Set("peer", 1);
        Assert.True(AnswerabilityFeatures.Admissible(q, features));
        Set("names", 0.5);
        Assert.False(AnswerabilityFeatures.Admissible(q, features));
        Assert.True(AnswerabilityFeatures.Admissible(Reader.Read("Why does Acme matter?"), new double[AnswerabilityFeatures.Names.Length]));
    }

    [Fact]
    public void A_figure_question_whose_likeliest_unit_has_no_such_figure_is_answered_by_none_when_the_figure_s_unit_is_unlikely_and_fits_little()
    {
        static double[] Unit(bool figure, double attach)
        {
            var features = new double[AnswerabilityFeatures.Names.Length];
            void Set(string name, double v) => features[Array.IndexOf(AnswerabilityFeatures.Names, name)] = v;
            Set("type", figure ? 1 : 0); Set("names", 1); Set("period", 1); Set("peer", 1); Set("f_attach", attach);
            return features;
        }
        var tuning = EngineTuning.Default;
        // the lab's finding, said without a figure, is likeliest; another thing's percentages fit a quarter of the question
        var finding = Unit(figure: false, attach: 0);
        var others = Unit(figure: true, attach: 0.25);
        var q = Reader.Read("what % tamper awareness did the lab measure?");
        Assert.Equal(AnswerType.Quantity, q.Type);
        Assert.Equal(0, AnswerabilityFeatures.FigurelessLikeliest(q, [finding, others], [0.85, 0.05], others, 0.05, tuning));
        // the figure's clause carries most of the question: it answers, however the shares fall
        var fitting = Unit(figure: true, attach: 0.8);
        Assert.Null(AnswerabilityFeatures.FigurelessLikeliest(q, [finding, fitting], [0.85, 0.05], fitting, 0.05, tuning));
        // the unit with the figure is likely enough in its own right
        Assert.Null(AnswerabilityFeatures.FigurelessLikeliest(q, [finding, others], [0.6, 0.3], others, 0.3, tuning));
        // the likeliest unit can give the figure itself
        Assert.Null(AnswerabilityFeatures.FigurelessLikeliest(q, [Unit(figure: true, attach: 0), others], [0.85, 0.05], others, 0.05, tuning));
        // a figure asked inside another question asks what the note says of it
        var inside = Reader.Read("what don't we know about how much tamper awareness the lab measured?");
        Assert.Null(AnswerabilityFeatures.FigurelessLikeliest(inside, [finding, others], [0.85, 0.05], others, 0.05, tuning));
        // not a figure question at all
        Assert.Null(AnswerabilityFeatures.FigurelessLikeliest(Reader.Read("why does the lab matter?"), [finding, others], [0.85, 0.05], others, 0.05, tuning));
    }

    [Fact]
    public void A_place_question_has_no_admissible_unit_without_a_place_for_the_thing_it_names()
    {
        var q = Reader.Read("where is the Nimbus plant located?");
        var features = new double[AnswerabilityFeatures.Names.Length];
        void Set(string name, double v) => features[Array.IndexOf(AnswerabilityFeatures.Names, name)] = v;
        Set("names", 1); Set("period", 1); Set("peer", 1);
        Assert.False(AnswerabilityFeatures.Admissible(q, features)); // names Nimbus, but no place
        Set("type", 1);
        Assert.True(AnswerabilityFeatures.Admissible(q, features));
        Set("names", 0);
        Assert.False(AnswerabilityFeatures.Admissible(q, features)); // a place, of something else
    }

    [Fact]
    public void A_compared_thing_a_sentence_calls_it_counts_as_named_there_when_each_thing_asked_has_its_clause()
    {
        var (model, reader) = Small("""
            Widget Note
            1. Overview
            Zeta-2.1 drew strong reviews from buyers in its first trials across three regions. The trade press places it at 45% on SprocketTest, behind Acme-3 at 50%.
            Widgets sell well in spring. Costs fell this year. Plants grew in size. Prices held steady.
            | Model | Capacity |
            |---|---|
            | Zeta-2.1 | 5M units |
            | Acme-3 | 2M units |
            """);
        var unit = model.Units.Single(u => u.Text.StartsWith("The trade press", StringComparison.Ordinal));
        var q = reader.Read("where does Zeta-2.1 land on SprocketTest relative to Acme-3?");
        var features = AnswerabilityFeatures.Of(q, new Candidate(unit, Exact(q, unit), 0, 0, 0, 0, 0, 0, 0, 0), EngineTuning.Default, _ => true);
        Assert.Equal(1, features[Array.IndexOf(AnswerabilityFeatures.Names, "names")]);
        Assert.True(AnswerabilityFeatures.Admissible(q, features));
    }

    [Fact]
    public void A_question_that_names_a_table_marks_rows_as_its_kind_of_unit()
    {
        var row = Model.Units.Single(u => u.IsRow && u.Passage.Row == "Supply");
        var sentence = Unit("Acme reported");
        double TableRow(string question, NoteUnit unit)
        {
            var q = Reader.Read(question);
            var features = AnswerabilityFeatures.Of(q, new Candidate(unit, Exact(q, unit), 0, 0, 0, 0, 0, 0, 0, 0), EngineTuning.Default, _ => true);
            return features[Array.IndexOf(AnswerabilityFeatures.Names, "table_row")];
        }
        Assert.Equal(1, TableRow("per the risk grid, what is demand like?", row));
        Assert.Equal(0, TableRow("per the risk grid, what is demand like?", sentence));
        Assert.Equal(0, TableRow("what is demand like?", row));
    }

    [Fact]
    public void The_reranker_s_shares_sum_to_one_and_follow_its_scores()
    {
        var model = new LogisticModel { Features = ["a"], Mean = [0], Scale = [1], Weights = [2], Bias = 0 };
        var shares = model.Softmax([[1.0], [0.0], [-1.0]]);
        Assert.Equal(1.0, shares.Sum(), 6);
        Assert.True(shares[0] > shares[1] && shares[1] > shares[2]);
    }

    [Fact]
    public void Every_threshold_has_a_reason_and_both_configurations_have_a_fitted_model()
    {
        var tuning = EngineTuning.Default;
        Assert.All(tuning.Thresholds, t => Assert.False(string.IsNullOrWhiteSpace(t.Value.Reason), t.Key));
        Assert.Contains("lexical", tuning.Answerability.Keys);
        Assert.Contains(tuning.Answerability.Keys, k => k.StartsWith("semantic:", StringComparison.Ordinal));
        foreach (var model in tuning.Answerability.Values)
        {
            Assert.Equal(AnswerabilityFeatures.Names, model.Rerank.Features);
            Assert.Equal(AnswerabilityFeatures.DecisionNames, model.Decide.Features);
            // fitted with the signs: more of the question met never makes an answer less likely
            for (int i = 0; i < model.Rerank.Weights.Length; i++)
                Assert.True(AnswerabilityFeatures.Signs[i] * model.Rerank.Weights[i] >= 0, model.Rerank.Features[i]);
        }
    }
}
