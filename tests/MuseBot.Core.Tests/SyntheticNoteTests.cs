using MuseBot.Contracts;

namespace MuseBot.Core.Tests;

/// <summary>A small note of our own, indexed once per test class, with or without the encoders.</summary>
public abstract class SyntheticNote : IDisposable
{
    public const string Note = """
        Widget Market Note
        1. Overview
        Analysts compare Acme and Zeta in this note.
        Acme's focus is not industrial buyers. It is households at retail scale.
        Acme reported 12.5% on WidgetBench, 40.1% on GadgetEval, and a 2M unit backlog.
        Zeta reported 33.0% on GadgetEval.
        The widget market produced $9B of revenue in 2025. Acme guided 2026 capex to $3B.
        Zeta's gadget shipments posted a lift of more than 8% in 2025.
        Acme opened its Nimbus plant in March 2025.
        Zeta launched its Doohickey app on May 4, 2025.
        Acme invested $2B for a stake in Omega Labs in June 2025.
        Vexo's 2026 robot sales of $6B split into $4B in Europe and $2B in Asia.
        In 2025 the Gizmo line reached a $4B revenue run-rate, and Zest conversions rose 3%.
        Paid Quill messaging crossed a $1B annual run-rate, and Wisp ads reached a $5B run-rate.
        Orbit spent $7B on hardware in 2024 and guided 2025 hardware to $8B-$9B.
        | Maker | Benchmark position | Capacity |
        |---|---|---|
        | Acme Widget | WidgetBench 12.5% | 2M units |
        | Zeta Widget | GadgetEval 33.0% | 5M units |
        2. Risks
        Acme says its widget lasts ten years. Those are Acme claims, not independently established proof.
        Zeta's spec sheet gives a 6M part window and claims leadership across GizmoTest and DoohickeyEval.
        Acme sells through retailers including Bolt Mart and Kite Stores, and Zeta buys chips from outside suppliers in most regions.
        Kite Stores' CEO is Dana Reed. Bolt Mart reopened its flagship under Lee Park.
        The Doohickey app is designed around camera perception. Zeta highlights scene reading, photo search, and price checks.
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "musebot-synthetic-" + Guid.NewGuid().ToString("N"));

    protected SyntheticNote(bool semantic, string note = Note)
    {
        Semantic = semantic;
        var seeds = Directory.CreateDirectory(Path.Combine(_root, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "widgets.txt"), note);
        Engine = MuseBotEngine.Open(new MuseBotOptions { SeedsPath = seeds, IndexPath = Path.Combine(_root, "index"), SemanticSearch = semantic });
    }

    public MuseBotEngine Engine { get; }

    /// <summary>The engine's answer to one question, asked on its own or after another.</summary>
    public Answer Ask(string question, string? previous = null) => Engine.Answers.AnswerAsync(new Question(question, previous)).GetAwaiter().GetResult();

    /// <summary>The engine runs the encoders (else BM25 and exact words alone).</summary>
    public bool Semantic { get; }

    public void Dispose()
    {
        Engine.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

public sealed class LexicalSyntheticNote() : SyntheticNote(semantic: false);

public sealed class SemanticSyntheticNote() : SyntheticNote(semantic: true);

/// <summary>BM25 and exact terms alone.</summary>
public sealed class SyntheticNoteLexicalTests(LexicalSyntheticNote note) : SyntheticNoteTests(note), IClassFixture<LexicalSyntheticNote>;

/// <summary>With the encoders: dense retrieval and late interaction.</summary>
public sealed class SyntheticNoteSemanticTests(SemanticSyntheticNote note) : SyntheticNoteTests(note), IClassFixture<SemanticSyntheticNote>;

/// <summary>
/// The answering mechanisms on a small note of our own, so they are tested apart from the repo's note's wording:
/// nothing in the engine may depend on it. Each test runs with the encoders off and on.
/// </summary>
public abstract class SyntheticNoteTests(SyntheticNote note)
{
    private Answer Ask(string q) => note.Ask(q);

    [Theory]
    [InlineData("how much did orbit spend on hardware in 2024, and what range did it give for 2025?")]
    [InlineData("whats orbit's 2024 hardware spend and whats the 2025 number")]
    public void A_part_with_no_words_of_its_own_asks_of_the_part_before(string question)
    {
        // the second part is a follow-up to the first: not "I didn't catch a question", and no quote given twice
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.DoesNotContain("didn't catch", a.Text, StringComparison.Ordinal);
        Assert.Equal(1, a.Text.Split("Orbit spent").Length - 1);
    }

    [Fact]
    public void A_part_that_leans_on_a_part_the_note_lacks_is_not_answered_from_elsewhere()
    {
        // "what do they cost?" asks the price of the drones the first part asks about, which the note never gives: not
        // the cost of anything else it quotes
        var a = Ask("how many drones has omega labs built, and what do they cost?");
        Assert.True(a.Abstained, a.Text);
        Assert.Empty(a.Citations);
    }

    [Theory]
    [InlineData("what did the Omega Labs deal cost?")]
    [InlineData("how big was Acme's Omega Labs deal?")]
    public void A_deal_is_the_outlay_the_note_says_in_its_words_and_its_size_is_the_money(string question)
    {
        // "deal" is met by "invested"; its size is the money laid out, not a share or a count
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**$2B**", a.Headline);
    }

    [Theory]
    [InlineData("how many conversations did Zest host?", "conversations", "Zest conversions", false)]  // one stem, two words
    [InlineData("what did Acme guide for capex?", "guide", "Acme guided", true)]                      // one word, two forms
    public void A_word_met_by_another_of_its_stem_is_the_same_word_only_where_context_agrees(string question, string asked, string unitOpening, bool same)
    {
        var trace = note.Engine.Extractive.Trace(new Question(question));
        var at = trace.Question!.Focus.ToList().FindIndex(f => f.Word == asked);
        var candidate = trace.Ranked.First(c => c.Unit.Text.Contains(unitOpening, StringComparison.Ordinal));
        // without vectors the stem decides alone
        Assert.Equal(same || !note.Semantic, candidate.Matches[at].Exact);
    }

    [Fact]
    public void A_word_of_an_asked_compared_things_name_is_met_where_a_unit_names_that_thing_by_another_name()
    {
        var trace = note.Engine.Extractive.Trace(new Question("how much capex did Acme Widget guide for 2026?"));
        var at = trace.Question!.Focus.ToList().FindIndex(f => f.Word.Equals("widget", StringComparison.OrdinalIgnoreCase));
        Assert.True(at >= 0, string.Join(", ", trace.Question.Focus.Select(f => f.Word)));
        // "Acme guided 2026 capex to $3B" names Acme Widget as "Acme": the name's other word is said there too
        Assert.Equal(1, trace.Ranked.First(c => c.Unit.Text.Contains("Acme guided", StringComparison.Ordinal)).Matches[at].Score);
        // … and not where a unit names another compared thing
        Assert.True(trace.Ranked.First(c => c.Unit.Text.StartsWith("Zeta reported 33.0%", StringComparison.Ordinal)).Matches[at].Score < 1);
    }

    [Theory]
    [InlineData("zeta gadgeteval score and its widgetbench score?", "33.0%")]
    [InlineData("acme widgetbench result + price per unit?", "12.5%")]
    [InlineData("zeta's gadgeteval score and its price?", "33.0%")]   // "its" gives the second part the first's thing
    public void Two_things_asked_together_where_the_note_gives_one_get_it_and_the_notes_silence_on_the_other(string question, string figure)
    {
        // no one passage gives both, so the whole is refused; asked one by one, the first has its figure
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains(figure, a.Headline, StringComparison.Ordinal);
        Assert.Contains("The note does not say", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how much did Acme pay per share for its Omega Labs stake?", "per share")]
    [InlineData("what's the widget market revenue per maker?", "per maker")]
    [InlineData("what does Omega Labs cost per million units?", "per million units")]
    [InlineData("how much a share did Acme pay for its Omega Labs stake?", "per share")]
    [InlineData("what does the Omega Labs stake cost a month?", "per month")]
    public void A_figure_asked_per_unit_is_not_the_notes_whole_amount(string question, string per)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith($"The note does not say — it gives no figure {per}", a.Text, StringComparison.Ordinal);
        // the whole amount, asked as a whole, still answers; "as per" and "per" a source ask no rate
        Assert.Equal("**$2B**", Ask("how much did Acme invest in Omega Labs?").Headline);
        Assert.Equal("**$2B**", Ask("as per the note, how much did Acme invest in Omega Labs?").Headline);
    }

    [Theory]
    [InlineData("when did the Omega Labs deal happen?", "**June 2025**")]
    [InlineData("when did the Doohickey launch occur?", "**May 4, 2025**")]
    public void A_verb_that_says_only_that_an_event_took_place_asks_its_date(string question, string date)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal(date, a.Headline);
    }

    [Theory]
    [InlineData("who runs the flagship?", true)]
    [InlineData("who oversees Bolt Mart's flagship?", true)]
    [InlineData("who runs Kite Stores?", false)]   // the unit names the flagship's leader, not theirs
    public void A_verb_of_leading_is_met_where_a_unit_names_the_leader_of_the_thing_asked(string question, bool met)
    {
        var trace = note.Engine.Extractive.Trace(new Question(question));
        var verb = trace.Question!.Focus.ToList().FindIndex(f => f.Word is "runs" or "oversees");
        var candidate = trace.Ranked.First(c => c.Unit.Text.StartsWith("Bolt Mart reopened", StringComparison.Ordinal));
        var match = candidate.Matches[verb];
        bool byLeader = match.Score >= MuseBot.Core.Answering.EngineTuning.Default.ContextMatch && match.Offset == candidate.Unit.Text.IndexOf("flagship under", StringComparison.Ordinal);
        Assert.Equal(met, byLeader);
    }

    [Theory]
    [InlineData("Acme headcount?")]          // the note counts Acme's units and shares, never its people
    [InlineData("zeta widget headcount?")]
    public void A_count_of_persons_is_not_answered_by_a_count_of_things(string question)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
    }

    [Theory]
    [InlineData("Orbit 2024 hardware spend vs the 2025 guide?")]          // each period's span set against the other's
    [InlineData("orbit hardware spend 2024 and the 2025 range?")]         // "range" names the kind of figure: the thing is the other span's
    [InlineData("orbit hardware spend 2024 actual vs 2025 guide")]        // "actual" says which figure, not what it is of
    [InlineData("orbit hardware spend 2024 actual and 2025 guide? need both quick")]   // a closing request asks nothing more
    [InlineData("orbit hardware spend 2024 and the 2025 guide pls")]       // nor does a closing please
    [InlineData("Compare Orbit's 2024 hardware spend with its 2025 guide.")]   // the imperative's "with" sets the sides apart
    [InlineData("compare orbit hardware spend 2024 to the 2025 guide")]
    public void A_figure_asked_for_two_periods_gets_each_period_its_own(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**$7B** (2024) · **$8B-$9B** (2025)", a.Headline);
    }

    [Theory]
    [InlineData("how much did Orbit's hardware grow?")]
    [InlineData("what's the hardware increase?")]
    [InlineData("how did hardware change from 2024 to 2025?")]
    [InlineData("how much did hardware go up in 2025?")]   // a change said with a verb and its particle
    public void A_change_the_note_gives_only_as_levels_is_answered_with_the_level_of_each_period(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**$7B** (2024) · **$8B-$9B** (2025)", a.Headline);
        Assert.StartsWith("The note gives no figure for the change itself", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void How_much_one_period_exceeds_another_is_answered_with_each_periods_level_in_the_order_asked()
    {
        // "guide" and "actual" say each period's standing, not the thing measured in both
        var a = Ask("how much higher is the 2025 hardware guide than 2024 actual hardware?");
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**$8B-$9B** (2025) · **$7B** (2024)", a.Headline);
        Assert.Contains("a difference of $1B-$2B, worked out from them", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_is_answered_with_the_change_the_note_gives_and_never_with_one_level()
    {
        Assert.Equal("**3%**", Ask("how much did Zest conversions rise?").Headline);
        // one period's level is no change at all
        var runRate = Ask("how much did the Gizmo run-rate grow?");
        Assert.True(runRate.Abstained, runRate.Text);
    }

    /// <summary>The question is refused, and the refusal opens with <paramref name="opening"/>.</summary>
    private void AssertRefused(string question, string opening)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, $"answered: {a.Text}");
        Assert.StartsWith(opening, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_asked_for_the_period_before_the_one_the_note_gives_is_refused_saying_which_it_gives()
    {
        AssertRefused("what was the Gizmo line's revenue run-rate a year earlier?", "The note does not say what it was a year earlier");
        Assert.Contains("2025", Ask("what was the Gizmo line's revenue run-rate a year earlier?").Text);
        // the period before a thing the question names is a period named, not one before the figure's
        Assert.DoesNotContain("a year earlier", Ask("what was the Gizmo line's revenue run-rate in 2025?").Text);
    }

    [Theory]
    [InlineData("did Acme open its Nimbus plant in April 2025?", "**No** — the note says March 2025")]
    [InlineData("so Acme opened the Nimbus plant in 2025, right?", "**Yes** — the note says March 2025")]
    public void A_date_stated_in_a_yes_no_question_is_checked(string question, string opening) =>
        Assert.StartsWith(opening, Ask(question).Text, StringComparison.Ordinal);

    [Fact]
    public void Warming_up_loads_nothing_that_changes_an_answer_and_needs_no_example_file()
    {
        // this note has no examples file beside it: the warm-up reads a question of its own
        var before = Ask("What did Acme report on GadgetEval?");
        note.Engine.Extractive.WarmUp();
        var after = Ask("What did Acme report on GadgetEval?");
        Assert.Equal(before.Text, after.Text);
        Assert.Equal("**40.1%**", after.Headline);
    }

    [Fact]
    public void The_headline_is_the_figure_in_the_asked_measures_own_clause()
    {
        var a = Ask("What did Acme report on GadgetEval?");
        Assert.False(a.Abstained);
        Assert.Equal("**40.1%**", a.Headline);
    }

    [Theory]
    [InlineData("what does the note give Acme on GadgetEval?")]
    [InlineData("What number does it assign Acme on GadgetEval?")]
    [InlineData("what did the analysts put acme at on gadgeteval?")]
    [InlineData("On GadgetEval, what did Acme post?")]                // the measure put first
    [InlineData("what was acme's gadgeteval result?")]              // a thing's result on a measure
    public void A_result_given_on_a_measure_is_its_figure(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**40.1%**", a.Headline);
    }

    [Theory]
    [InlineData("what guidance did Acme give for 2026?")]
    [InlineData("acme's 2026 guidance?")]
    public void A_noun_of_a_short_verb_is_met_by_the_verb_the_note_says(string question)
    {
        // "guidance" stems apart from "guided": the stemmer strips "-ance" only from longer stems
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**$3B**", a.Headline);
    }

    [Theory]
    [InlineData("what does the note give Zeta on WidgetBench?")]
    [InlineData("what number does it assign Zeta on GizmoTest?")]
    [InlineData("what was zeta's widgetbench result?")]             // Acme's figure is no answer for Zeta
    public void A_result_given_on_a_measure_the_note_gives_no_figure_of_is_refused(string question) =>
        Assert.True(Ask(question).Abstained, question);

    [Theory]
    [InlineData("what percentage bump did Zest conversions get?")]
    [InlineData("what % uplift did zest conversions see?")]
    public void A_word_of_change_names_the_kind_of_figure_not_a_word_the_note_must_say(string question)
    {
        // the note says "rose 3%": the asker's "bump" is the kind of figure, as "lift" would be
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**3%**", a.Headline);
    }

    [Fact]
    public void A_phrase_that_names_a_change_asks_for_the_change_not_the_level()
    {
        Assert.Equal("**3%**", Ask("Zest conversions gain?").Headline);
        Assert.Equal("**more than 8%**", Ask("what was the lift in Zeta's gadget shipments?").Headline);
        // the note gives the market's revenue, not how it grew: the level is not handed over as the growth
        var growth = Ask("widget market revenue growth?");
        Assert.True(growth.Abstained, growth.Text);
        Assert.Contains("no growth figure", growth.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_is_not_the_score_on_a_measure_its_own_words_do_not_name()
    {
        // the clause names GizmoTest, but the 6M is a part window's size, not a GizmoTest score
        Assert.DoesNotContain("6M", Ask("What does Zeta score on GizmoTest?").Headline ?? "");
        Assert.Equal("**6M**", Ask("How big is Zeta's part window?").Headline);
    }

    [Fact]
    public void Two_things_compared_in_one_sentence_headline_each_ones_own_figure()
    {
        // neither is a row of a table: each side is the words either side of "vs", met in a clause of its own
        var a = Ask("paid Quill messaging vs Wisp ads — which run-rate is bigger?");
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**Quill messaging $1B** vs **Wisp ads $5B** — bigger: Wisp ads", a.Headline);
        // offered as a choice: "which …, X or Y?"
        Assert.Equal("**Quill messaging $1B** vs **Wisp ads $5B** — larger: Wisp ads", Ask("which made more, Quill messaging or Wisp ads?").Headline);
    }

    [Fact]
    public void A_request_to_rank_by_a_tables_measure_lists_the_rows_in_its_order()
    {
        var a = Ask("rank the makers by capacity");
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**Zeta Widget: 5M**", a.Headline);
        int zeta = a.Text.IndexOf("- **Zeta Widget**", StringComparison.Ordinal), acme = a.Text.IndexOf("- **Acme Widget**", StringComparison.Ordinal);
        Assert.True(zeta >= 0 && acme > zeta, a.Text);
    }

    [Fact]
    public void A_tables_measure_asked_of_a_thing_none_of_its_rows_is_is_given_for_the_rows_only()
    {
        // the note names the Nimbus plant, but only the makers' rows give a capacity
        var a = Ask("What is the Nimbus plant's capacity?");
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("The note does not say — it gives capacity for Acme Widget and Zeta Widget (§1 Overview), not for Nimbus plant.", a.Text, StringComparison.Ordinal);
        // one of the rows: its cell answers
        Assert.Equal("**5M units**", Ask("What is Zeta's capacity?").Headline);
    }

    [Theory]
    [InlineData("2024 hardware spend and 2025 guide for Orbit?")]
    public void Two_measures_each_asked_for_its_own_period_get_each_period_s_figure(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("**$7B** (2024)", a.Text, StringComparison.Ordinal);
        Assert.Contains("**$8B-$9B** (2025)", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what's Zeta's WidgetBench?")]
    [InlineData("zeta widgetbench?")]
    [InlineData("does the note give Zeta's WidgetBench?")]
    public void A_measure_named_of_a_thing_the_note_gives_it_only_for_another_is_refused_naming_whom(string question)
    {
        // WidgetBench is Acme's alone (its sentence and its row); Zeta's sentence gives GadgetEval
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("WidgetBench for Acme", a.Text, StringComparison.Ordinal);
        Assert.Contains("not for Zeta", a.Text, StringComparison.Ordinal);
        // asked of its own thing, the figure answers
        Assert.Equal("**12.5%**", Ask("what's Acme's WidgetBench?").Headline);
    }

    [Theory]
    [InlineData("acme's best benchmark score?", "**40.1% on GadgetEval** — the highest of the 2")]
    [InlineData("what's Acme's weakest result out of the ones it reports?", "**12.5% on WidgetBench** — the lowest of the 2")]
    public void One_thing_s_best_or_worst_result_is_the_extreme_of_those_a_sentence_lists_for_it_each_with_its_measure(string question, string headline)
    {
        var a = Ask(question);
        Assert.StartsWith(headline, a.Text, StringComparison.Ordinal);
        Assert.Contains("Acme reported 12.5% on WidgetBench", a.Text, StringComparison.Ordinal);
        // a measure named is that measure's figure, no extreme of all
        Assert.DoesNotContain("the highest of", Ask("acme's best GadgetEval score?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how does Zeta stack up vs Quorblex?")]
    [InlineData("is acme better than quorblex on widgetbench?")]
    [InlineData("where does quorblex land on widgetbench?")]     // the thing a standing or a score is asked of
    [InlineData("what did quorblex score on widgetbench?")]
    [InlineData("quorblex 4 widgetbench vs acme?")]                // the side a comparison opens with
    [InlineData("how does quorblex's widgetbench compare with acme's?")]
    public void A_comparison_with_a_thing_the_note_never_names_is_refused_naming_it(string question)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("The note does not say — it never mentions “quorblex”", a.Text, StringComparison.Ordinal);
        // a side the note names is compared as ever
        Assert.False(Ask("how does Zeta stack up vs Acme?").Text.Contains("never mentions", StringComparison.Ordinal));
        Assert.False(Ask("where does zeta land on widgetbench?").Text.Contains("never mentions", StringComparison.Ordinal));
        Assert.False(Ask("how does zeta's widgetbench compare with acme's?").Text.Contains("never mentions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_count_asked_over_another_span_than_the_note_gives_is_refused_naming_the_span_it_gives()
    {
        // Quill messaging's run-rate is annual
        var a = Ask("how much does paid Quill messaging bring in a month?");
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("The note does not say — it gives an annual figure ($1B", a.Text, StringComparison.Ordinal);
        Assert.Contains("not a monthly one", a.Text, StringComparison.Ordinal);
        // over the span it gives, the figure answers
        Assert.Contains("$1B", Ask("how much does paid Quill messaging bring in a year?").Text, StringComparison.Ordinal);
        // an amount of money counts no one: it is no count of users taken over another span
        Assert.DoesNotContain("gives an annual figure", Ask("how many businesses use paid Quill messaging every day?").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Asked_whether_the_note_gives_a_measure_of_a_thing_it_gives_only_for_another_the_answer_is_no_and_whose()
    {
        var a = Ask("does the note give Zeta's WidgetBench?");
        Assert.StartsWith("**No** — the note gives WidgetBench for Acme", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_that_points_back_comes_after_the_sentence_it_points_to()
    {
        // "Those are Acme claims" alone does not say which claims
        var a = Ask("what's not independently established?");
        Assert.False(a.Abstained, a.Text);
        int claim = a.Text.IndexOf("“Acme says its widget lasts ten years.”", StringComparison.Ordinal);
        int those = a.Text.IndexOf("“Those are Acme claims", StringComparison.Ordinal);
        Assert.True(claim >= 0 && those > claim, a.Text);
        Assert.Equal(a.Citations.Count, a.Citations.Distinct().Count());
    }

    [Fact]
    public void A_figure_asked_on_a_measure_the_unit_names_apart_from_its_figures_is_one_the_note_does_not_give()
    {
        // GizmoTest is named only as a claim of leadership: the sentence's one figure measures a part window
        AssertRefused("What does Zeta score on GizmoTest?", "The note does not say");
        // a name said before the figure in its own clause is what the figure is about, not another measure
        var quill = Ask("How big has the chat money on Quill gotten?");
        Assert.False(quill.Abstained, quill.Text);
        Assert.Contains("$1B", quill.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which section talks about the Nimbus plant?", "§1 Overview")]
    [InlineData("where in the note is Dana Reed mentioned?", "§2 Risks")]
    public void Which_section_says_a_thing_headlines_the_section_of_its_quote(string question, string section)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith($"**{section}", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does the note treat Acme's ten-year widget life as established proof?")]
    [InlineData("so Acme's widget lasting ten years is established proof, right?")]
    public void A_claim_the_sentence_after_it_denies_is_a_no_with_the_claim_quoted_first(string question)
    {
        // "Acme says its widget lasts ten years." affirms nothing of proof; "Those are Acme claims, not independently
        // established proof." points back to it and denies the claim asked
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**No**", a.Text, StringComparison.Ordinal);
        Assert.True(a.Text.IndexOf("lasts ten years", StringComparison.Ordinal) < a.Text.IndexOf("not independently established", StringComparison.Ordinal), a.Text);
    }

    [Fact]
    public void A_superlative_a_table_settles_headlines_the_row_that_leads_and_lists_the_rest()
    {
        var a = Ask("which maker has the biggest capacity?");
        Assert.False(a.Abstained);
        Assert.StartsWith("**Zeta Widget: 5M", a.Text);
        Assert.True(a.Text.IndexOf("Acme Widget", StringComparison.Ordinal) > a.Text.IndexOf("Zeta Widget", StringComparison.Ordinal));
        Assert.All(a.Citations, c => Assert.NotNull(c.Row));
    }

    [Fact]
    public void Which_of_two_is_larger_is_said_after_both_figures()
    {
        var a = Ask("which is bigger, Acme's capacity or Zeta's?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**Acme Widget 2M", a.Text);
        Assert.Contains("**Zeta Widget 5M", a.Text);
        Assert.Contains("— bigger: Zeta Widget", a.Text);
    }

    [Fact]
    public void A_figure_the_note_states_asked_what_it_is_is_answered_by_the_passage_that_states_it()
    {
        var a = Ask("what's the 40.1 number?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("40.1% on GadgetEval", a.Text, StringComparison.Ordinal);
        // one it does not state is still refused
        Assert.True(Ask("what's the 77.7 number?").Abstained);
    }

    [Fact]
    public void Two_things_compared_on_a_measure_the_note_gives_for_one_get_its_figure_and_the_others_refusal()
    {
        var a = Ask("Acme vs Zeta on WidgetBench?");
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**Acme Widget 12.5%**", a.Headline);
        Assert.Contains("not for Zeta Widget", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_things_beat_one_the_note_gives_no_figure_for_is_refused()
    {
        // the note gives WidgetBench for Acme alone: nothing can be said to beat Zeta on it
        var a = Ask("which makers beat Zeta on WidgetBench?");
        Assert.True(a.Abstained, a.Text);
        Assert.DoesNotContain("12.5%", a.Text);
    }

    [Fact]
    public void A_measure_reached_is_headlined_though_the_note_says_it_with_another_verb()
    {
        var a = Ask("what revenue run-rate did the Gizmo line hit?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**$4B**", a.Text);
    }

    [Fact]
    public void Whether_one_figure_named_by_what_it_measures_is_bigger_than_another_is_settled_by_both()
    {
        var a = Ask("is the Quill messaging run-rate bigger than the Wisp ads run-rate?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**No** — the note gives **", a.Text);
        Assert.Contains("$1B", a.Text);
        Assert.Contains("$5B", a.Text);
        var which = Ask("which is smaller, the Quill messaging run-rate or the Wisp ads run-rate?");
        Assert.Contains("— smaller: Quill", which.Text);
    }

    [Fact]
    public void Whether_anything_stands_beyond_a_named_thing_is_settled_by_the_table()
    {
        var a = Ask("does any maker have more capacity than Acme?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**Yes** — Zeta Widget 5M has a larger capacity than Acme Widget (2M)", a.Text);
    }

    [Theory]
    [InlineData("what does the note say about zorbix?")]
    [InlineData("anything on Zorbix?")]
    public void A_question_about_a_name_the_note_never_uses_is_refused_naming_it(string question)
    {
        var a = Ask(question);
        Assert.True(a.Abstained);
        Assert.Contains("zorbix", a.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(a.Citations);
    }

    [Theory]
    [InlineData("does the note talk about zorbix?", "**No** — the note does not mention zorbix.")]
    [InlineData("does it discuss Zorbix", "**No** — the note does not mention Zorbix.")]
    [InlineData("is there any mention of zorbix?", "**No** — the note does not mention zorbix.")]
    [InlineData("does the report include a zorbix forecast?", "**No** — the note gives no zorbix forecast.")]
    [InlineData("is there a zorbix forecast?", "**No** — the note gives no zorbix forecast.")]
    [InlineData("does the note give zorbix stock a rating?", "**No** — the note gives no rating for zorbix stock.")]
    // the note's "run-rate" shares a stem with "rating", not a meaning
    [InlineData("does the note give a rating?", "**No** — the note gives no rating.")]
    [InlineData("does the note give Gizmo a rating?", "**No** — the note gives no rating for Gizmo.")]
    public void Asked_whether_the_note_has_a_thing_it_lacks_the_reply_is_no_in_the_verb_asked_and_names_only_the_thing(string question, string reply)
    {
        var a = Ask(question);
        Assert.True(a.Abstained);
        Assert.StartsWith(reply, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how much are businesses paying per yr to message customers on quill now?", false)]   // "an annual run-rate" is per year
    [InlineData("how much are businesses paying per month to message customers on quill now?", true)]
    public void A_figure_per_a_span_of_time_is_one_the_note_gives_by_that_spans_adjective(string question, bool abstains)
    {
        var a = Ask(question);
        Assert.Equal(abstains, a.Abstained);
        if (!abstains) Assert.Contains("$1B", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does the note name any of the retailers acme moves product through?")]   // "moves product" is unmet
    public void Asked_whether_the_note_names_things_of_a_kind_it_lists_by_name_the_reply_is_yes_with_the_list(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**Yes** — the note names them:", a.Headline);
        Assert.Contains("Bolt Mart", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_cell_is_no_headline_for_a_figure_of_another_thing_the_column_names()
    {
        // the cell gives WidgetBench, not a "speed benchmark": the column's word narrowed by one the cell does not meet
        var narrowed = Ask("what is Zeta Widget's number on the speed benchmark?");
        Assert.False(narrowed.Headline?.Contains("GadgetEval", StringComparison.Ordinal) ?? false, narrowed.Text);
        Assert.Equal("**GadgetEval 33.0%**", Ask("what is Zeta Widget's benchmark position?").Headline);
    }

    [Theory]
    [InlineData("where is the Nimbus plant located?")]
    [InlineData("which city is Acme based in?")]
    [InlineData("where is the Nimbus plant?")]
    [InlineData("where's nimbus?")]
    [InlineData("where is the Nimbus plant being built?")]
    public void A_place_asked_of_a_note_that_names_none_is_refused_saying_what_it_lacks(string question)
    {
        // the note says when the plant opened ("in March 2025"), not where it stands
        var a = Ask(question);
        Assert.True(a.Abstained);
        Assert.True(a.Text.StartsWith("The note does not say — it gives no location for", StringComparison.Ordinal), a.Text);
    }

    [Fact]
    public void A_length_of_time_asked_of_a_note_that_gives_none_for_it_is_refused_not_answered_with_another_figure()
    {
        // "how long is" a thing asks its length, which its own figure gives
        Assert.Equal("**6M**", Ask("how long is Zeta's part window?").Headline);
        // the note dates the plant's opening; it gives no length of time for it
        var a = Ask("how long did Acme take to open the Nimbus plant?");
        Assert.True(a.Abstained);
        Assert.StartsWith("The note does not say — it gives no length of time for", a.Text, StringComparison.Ordinal);
        // "ten years" is how long Acme's widget lasts, not Acme's age: an age is a measure the note must speak of
        Assert.Null(Ask("how old is Acme?").Headline);
        // what is missing is named by the degree asked, of the thing asked
        var size = Ask("how big is the Nimbus plant?");
        Assert.True(size.Abstained);
        Assert.StartsWith("The note does not say — it gives no size figure for “Nimbus plant”", size.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_in_capitals_is_a_name_the_note_must_say_not_the_pronoun_it_spells()
    {
        // the note's $9B is the whole market's: not the figure for "the US", which it never names
        Assert.Equal("**$9B**", Ask("how much revenue did the widget market produce in 2025?").Headline);
        var us = Ask("how much revenue did the widget market produce in the US in 2025?");
        Assert.True(us.Abstained);
        Assert.Contains("US", us.Text, StringComparison.Ordinal);
        // chat filler typed in capitals stays filler
        Assert.Equal("**$9B**", Ask("OK how much revenue did the widget market produce in 2025?").Headline);
    }

    [Fact]
    public void Asked_for_its_sources_a_note_that_lists_none_says_so_rather_than_quoting_a_passage()
    {
        AssertRefused("what are the note's sources?", "The note does not say — it lists no sources of its own.");
    }

    [Fact]
    public async Task Asked_its_title_the_note_gives_its_title_line_even_after_another_question()
    {
        var a = await note.Engine.Answers.AnswerAsync(new Question("what's the title?", "what did Acme report on GadgetEval?"));
        Assert.False(a.Abstained);
        Assert.StartsWith("The note is titled “Widget Market Note”.", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Asked_whether_it_gives_a_date_or_figure_the_note_gives_it_or_says_no_rather_than_a_yes_to_the_topic()
    {
        Assert.Equal("**March 2025**", Ask("Does the note give a date for the Nimbus plant opening?").Headline);
        AssertRefused("Does the note give a date for the Gizmo line launch?", "**No** — the note gives no date for the Gizmo line launch.");
        AssertRefused("does the note give a figure for Omega Labs' valuation?", "**No** — the note gives no figure for Omega Labs' valuation.");
    }

    [Fact]
    public void A_section_named_by_number_is_answered_from_that_section_and_one_the_note_lacks_is_named_as_missing()
    {
        var pointed = Ask("what does section 2 say about Acme's widget?");
        Assert.False(pointed.Abstained);
        Assert.Equal("2", pointed.Citations[0].Section);
        AssertRefused("what does section 2 say about omega labs?", "§2 Risks does not mention Omega Labs.");
        AssertRefused("what's in section 7?", "The note has no section 7 — its sections run from §1 to §2.");
    }

    [Theory]
    [InlineData("what is Omega Labs's revenue?")]
    [InlineData("what is the Omega Labs' annual revenue?")]
    public void Money_asked_of_a_thing_whose_one_amount_is_another_kind_is_not_answered_from_elsewhere(string question)
    {
        // Omega Labs' one amount is what Acme paid for a stake; the note's revenue is the market's
        AssertRefused(question, "The note does not say");
    }

    [Fact]
    public void A_which_question_is_answered_by_a_member_named_and_refused_where_the_note_names_none()
    {
        var named = Ask("Which retailers does Acme sell through?");
        Assert.False(named.Abstained, named.Text);
        Assert.Contains("Bolt Mart", named.Text, StringComparison.Ordinal);
        AssertRefused("Which suppliers does Zeta buy its chips from?", "The note does not say which suppliers — it mentions them only in general (§2 Risks)");
        AssertRefused("In which regions does Zeta buy chips?", "The note does not say which regions");
    }

    [Fact]
    public void A_who_question_needs_a_name_the_question_does_not_already_give()
    {
        var who = Ask("who invested in Omega Labs?");
        Assert.False(who.Abstained, who.Text);
        Assert.Contains("Acme", who.Text, StringComparison.Ordinal);
        AssertRefused("Besides Acme, who else invested in Omega Labs?", "The note does not say who else invested in Omega Labs — where it comes nearest (§1 Overview), it names no one else.");
    }

    [Fact]
    public void Figures_in_general_are_listed_from_the_passages_that_give_them_and_none_is_said_where_there_are_none()
    {
        var zeta = Ask("zeta numbers?");
        Assert.False(zeta.Abstained, zeta.Text);
        Assert.Null(zeta.Headline); // no one figure is the answer
        Assert.Contains("33.0%", zeta.Text, StringComparison.Ordinal);
        Assert.Contains("5M units", zeta.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("12.5%", zeta.Text, StringComparison.Ordinal); // Acme's
        AssertRefused("any stats on the Nimbus plant?", "The note gives no figures for “Nimbus plant”.");
        // nothing asked of that the note speaks of: its key figures, in its order
        var key = Ask("key numbers for the board deck?");
        Assert.False(key.Abstained, key.Text);
        Assert.StartsWith("“Acme reported 12.5% on WidgetBench", key.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_that_belongs_to_a_peer_is_not_handed_over()
    {
        var a = Ask("What is Zeta's WidgetBench score?");
        Assert.True(a.Abstained);
        Assert.DoesNotContain("12.5", a.Text);
    }

    [Fact]
    public void A_multi_part_question_answers_the_parts_the_note_has_and_names_the_part_it_lacks()
    {
        var a = Ask("What did Acme report on GadgetEval, and how many employees does Acme have?");
        Assert.False(a.Abstained);
        Assert.Contains("40.1%", a.Text);
        Assert.Contains("does not say", a.Text);
        Assert.Contains("employees", a.Text);
        // the markers point at the citations that exist
        Assert.All(System.Text.RegularExpressions.Regex.Matches(a.Text, @"\[(\d+)\]"), m => Assert.InRange(int.Parse(m.Groups[1].Value), 1, a.Citations.Count));
    }

    [Fact]
    public void Parts_that_each_ask_a_figure_get_each_ones_figure()
    {
        // the row that answers the first part holds the second's figure in a cell it does not quote
        var a = Ask("what is Zeta Widget's capacity, and where does it land on GadgetEval?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("5M", a.Headline ?? "");
        Assert.Contains("33.0%", a.Headline ?? "");
        Assert.DoesNotContain("40.1%", a.Headline ?? "");
    }

    [Fact]
    public void A_later_part_saying_its_asks_about_the_thing_an_earlier_part_named()
    {
        var a = Ask("Which city hosts Zeta's headquarters, and what did it report on GadgetEval?");
        Assert.False(a.Abstained);
        Assert.Contains("33.0%", a.Text);
        Assert.DoesNotContain("40.1%", a.Headline ?? "");
    }

    [Fact]
    public void A_later_part_asking_what_another_got_on_it_asks_the_earlier_parts_measure_of_that_other()
    {
        // "it" after "on" is the measure the part before asked (WidgetBench), which the note gives Acme alone: no
        // figure of Zeta's is headlined for it
        var a = Ask("What's Acme's WidgetBench score and what did Zeta get on it?");
        Assert.Contains("12.5%", a.Text);
        Assert.DoesNotContain("33.0%", a.Headline ?? "");
        Assert.DoesNotContain("5M", a.Headline ?? "");
    }

    [Fact]
    public void A_possessive_typed_without_its_apostrophe_still_names_the_peer()
    {
        var a = Ask("zetas widgetbench score?");
        Assert.DoesNotContain("12.5", a.Headline ?? "");
        Assert.DoesNotContain("12.5", a.Abstained ? a.Text : a.Headline ?? "");
    }

    [Fact]
    public void A_negation_keeps_the_sentence_that_says_what_it_is_instead()
    {
        var a = Ask("Does the note say Acme targets industrial buyers?");
        Assert.StartsWith("**No**", a.Text);
        Assert.Contains("households at retail scale", a.Text);
    }

    [Fact]
    public void A_negation_of_one_side_is_no_denial_of_a_claim_that_sets_two_against_each_other()
    {
        // the note says Acme's focus is not industrial buyers but households: that affirms the claim, it does not deny it
        var a = Ask("Is Acme more focused on households than on industrial buyers?");
        Assert.False(a.Text.StartsWith("**No**", StringComparison.Ordinal), a.Text);
        // a claim with no comparison is still denied by the negation
        Assert.StartsWith("**No**", Ask("Does the note say Acme targets industrial buyers?").Text);
    }

    [Fact]
    public void A_figure_stated_in_a_yes_no_question_is_checked_against_the_figure_for_what_it_asks()
    {
        Assert.StartsWith("**Yes**", Ask("Did Acme report 40.1% on GadgetEval?").Text);
        // rounded as the asker rounds it, and written out ("percent" is not a scale)
        Assert.StartsWith("**Yes**", Ask("Did Acme report 40% on GadgetEval?").Text);
        Assert.StartsWith("**Yes**", Ask("Did Acme report 40.1 percent on GadgetEval?").Text);
        // 12.5% is in the same sentence, but it is WidgetBench's
        var wrong = Ask("Did Acme report 12.5% on GadgetEval?");
        Assert.StartsWith("**No**", wrong.Text);
        Assert.Contains("40.1%", wrong.Text.Split('\n')[0]);
        // a hedged figure is not a value to confirm
        Assert.DoesNotContain("**Yes**", Ask("Did Zeta report about 30% on GadgetEval?").Text);
    }

    [Fact]
    public void A_bound_stated_in_a_yes_no_question_is_compared_with_the_note_figure()
    {
        Assert.StartsWith("**Yes** — the note says 40.1%", Ask("did acme score more than 35% on gadgeteval?").Text);
        // the bound's own words ("less than") are what is checked, not words the note must say: without the encoders
        // "score" is not met, but the thing and the measure are, in the figure's own clause
        var below = Ask("Did Zeta score less than 30% on GadgetEval?");
        Assert.StartsWith("**No**", below.Text);
        Assert.Contains("33.0%", below.Text);
        var above = Ask("Did the widget market produce more than $10 billion of revenue in 2025?");
        Assert.StartsWith("**No**", above.Text);
        Assert.Contains("$9B", above.Text);
        // a change stated with its figure in other words ("climb" for "rose") names the kind of figure, not a word to say
        Assert.StartsWith("**Yes** — the note says 3%", Ask("did Zest conversions climb 3% in 2025?").Text);
        Assert.StartsWith("**No** — the note says 3%", Ask("did Zest conversions climb 5% in 2025?").Text);
        // asked whether the note puts it there: a claim its figure settles, not a thing it may not have
        Assert.StartsWith("**Yes** — the note says $9B", Ask("does the note put the widget market's 2025 revenue above $5B?").Text);
    }

    [Fact]
    public void A_yes_no_claim_the_note_makes_only_in_other_words_is_not_confirmed()
    {
        var a = Ask("Did Acme say its widget lasts a decade?");
        Assert.Matches(@"^\*\*(No|Not in those words)\*\*", a.Text);
        Assert.Contains("ten years", a.Text);
        // every word the same but one that strengthens the claim
        var stronger = Ask("Did Acme say its widget always lasts ten years?");
        Assert.Matches(@"^\*\*(No|Not in those words)\*\*", stronger.Text);
        Assert.Contains("lasts ten years", stronger.Text);
    }

    [Fact]
    public void A_who_question_can_be_answered_by_one_of_the_compared_things()
    {
        // a product is rarely who did something, but here the maker compared is the answer
        var a = Ask("Who reported 33.0% on GadgetEval?");
        Assert.False(a.Abstained);
        Assert.Contains("Zeta reported 33.0%", a.Text);
    }

    [Fact]
    public void A_question_offering_alternatives_gets_the_quote_not_a_yes_or_no()
    {
        var a = Ask("Is Acme's focus industrial buyers, or households?");
        Assert.False(a.Abstained);
        Assert.DoesNotMatch(@"^\*\*(Yes|No|Not)", a.Text);
        Assert.Contains("households at retail scale", a.Text);
    }

    [Fact]
    public void A_claim_qualified_in_the_next_sentence_is_flagged_and_the_qualifier_quoted()
    {
        var a = Ask("How long does the Acme widget last?");
        Assert.False(a.Abstained);
        Assert.Contains(a.Flags, f => f.Section == "2" && f.Reason.StartsWith("Acme's own claim", StringComparison.Ordinal));
        Assert.Contains("not independently established", a.Text);
    }

    [Theory]
    [InlineData("how much money did the Gizmo line make?", "**$4B**")]
    [InlineData("how much cash did Acme put into Omega Labs?", "**$2B**")]
    [InlineData("how many dollars did Acme invest in Omega Labs?", "**$2B**")]
    public void A_word_that_names_money_itself_asks_for_money_and_is_no_measure_the_note_must_say(string question, string headline)
    {
        // the note says "$4B revenue run-rate", never "money": the word names the kind of figure, as "dollars" does
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal(headline, a.Headline);
    }

    [Fact]
    public void A_market_figure_is_not_handed_to_one_of_the_compared_makers()
    {
        var a = Ask("How much revenue does Acme make?");
        Assert.True(a.Abstained);
        Assert.DoesNotContain("$9B", a.Text);
    }

    [Fact]
    public void A_figure_for_a_different_measure_is_not_the_answer()
    {
        var a = Ask("What is Acme's 2026 revenue guidance?");
        Assert.True(a.Abstained);
        Assert.DoesNotContain("$3B", a.Text);
        Assert.Contains("$3B", Ask("What capex did Acme guide for 2026?").Text);
    }

    [Fact]
    public void A_what_question_about_an_amount_of_money_headlines_the_figure()
    {
        var a = Ask("what was the revenue of the widget market?");
        Assert.False(a.Abstained);
        Assert.Equal("**$9B**", a.Headline);
    }

    [Fact]
    public void An_amount_asked_for_a_thing_the_note_gives_none_for_is_refused_as_that_combination()
    {
        var a = Ask("what is Zeta's capex?");
        Assert.True(a.Abstained);
        Assert.DoesNotContain("$3B", a.Text);
        // the note has capex (Acme's): what it lacks is Zeta's
        Assert.Contains("Zeta's capex", a.Text);
    }

    [Fact]
    public void An_amount_question_the_figures_answer_too_little_is_answered_from_what_the_note_says()
    {
        var a = Ask("what's Acme's capex plan?");
        Assert.False(a.Abstained);
        Assert.Contains("$3B", a.Text);
    }

    [Theory]
    [InlineData("vexo robot unit count?")]
    [InlineData("gizmo line unit count?")]
    public void A_figure_asked_by_a_bare_phrase_is_not_answered_by_a_description_of_the_topic(string question)
    {
        // a wh-question ("what's Acme's capex plan?") may be answered by what the note says; the bare phrase names
        // the measure and nothing else
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
    }

    [Theory]
    [InlineData("give me a summary")]
    [InlineData("how confident is the note?")]
    public void A_question_made_only_of_words_naming_the_kind_of_answer_is_still_answered(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.NotEmpty(a.Citations);
    }

    [Theory]
    [InlineData("percent")]
    [InlineData("what's the score?")]
    public void A_figure_asked_of_nothing_gets_no_figure(string question)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.Null(a.Headline);
    }

    [Fact]
    public void A_date_that_only_repeats_the_question_s_own_period_does_not_answer_it()
    {
        Assert.Equal("**March 2025**", Ask("When did Acme open the Nimbus plant?").Headline);
        // the note gives the month; the asker already has it and wants the day
        var day = Ask("On what day in March 2025 did Acme open the Nimbus plant?");
        Assert.True(day.Abstained, day.Text);
        // what it lacks is the day itself; the month it gives is quoted as such
        Assert.StartsWith("The note gives no exact day for that — only the month, March 2025", day.Text, StringComparison.Ordinal);
        Assert.True(Ask("what exact day in March 2025 did Acme open the Nimbus plant?").Abstained);
        Assert.True(Ask("exact day in march acme opened the nimbus plant?").Abstained);   // the month named without its year
        // without the month in the question, the month is the answer
        var month = Ask("what day did Acme open the Nimbus plant?");
        Assert.False(month.Abstained, month.Text);
        Assert.Contains("March 2025", month.Text, StringComparison.Ordinal);
        // … unless the day is asked precisely: the month is then what the note gives instead
        var exact = Ask("what exact day did Acme open the Nimbus plant?");
        Assert.True(exact.Abstained, exact.Text);
        Assert.StartsWith("The note gives no exact day for that — only the month, March 2025", exact.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_that_asks_another_extreme_replaces_the_one_asked_before()
    {
        var a = await note.Engine.Answers.AnswerAsync(new Question("and the smallest?", "biggest capacity in the table?"));
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**Acme Widget: 2M**", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_part_that_points_back_at_the_thing_the_first_part_finds_is_asked_of_that_thing()
    {
        var a = Ask("biggest capacity in the table, and what's that maker's benchmark position?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**Zeta Widget: 5M**", a.Text, StringComparison.Ordinal);
        // "that maker" is Zeta Widget, the one with the biggest capacity: its position, not every maker's
        Assert.Contains("GadgetEval 33.0%", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("WidgetBench 12.5%", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_asked_by_its_initials_gets_its_figure()
    {
        // "ARR" is nowhere in the note: the initials of the measure "$1B annual run-rate" spell it out
        Assert.Equal("**$1B**", Ask("what is Quill's paid messaging ARR?").Headline);
        Assert.Equal("**$1B**", Ask("what's the ARR of paid Quill messaging?").Headline);
    }

    [Fact]
    public void A_figure_in_a_clause_that_does_not_name_what_was_asked_is_not_its_figure()
    {
        Assert.Equal("**$4B**", Ask("What revenue run-rate did the Gizmo line reach in 2025?").Headline);
        // the sentence names Zest, but the revenue figure is the Gizmo line's
        foreach (var question in new[] { "What was Zest's revenue in 2025?", "what was zest revenue?", "Zest's revenue?" })
        {
            var a = Ask(question);
            Assert.True(a.Abstained, $"{question} → {a.Text}");
            Assert.DoesNotContain("$4B", a.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_question_about_something_the_note_never_mentions_is_refused()
    {
        var a = Ask("How many employees does Acme have?");
        Assert.True(a.Abstained);
        Assert.Empty(a.Citations);
        // the asker's missing words in quotes, once; what the note does have, named without a quote
        Assert.StartsWith("The note does not say — it has nothing on “employees”.", a.Text, StringComparison.Ordinal);
        Assert.Contains("It does mention Acme (§", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key takeaways on the risks", "2")]
    [InlineData("give me the gist", "1")]
    public void A_gist_is_of_the_section_its_words_title_or_else_of_the_note(string question, string section)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.All(a.Citations, c => Assert.Equal(section, c.Section));
    }

    [Fact]
    public void A_takeaway_for_a_thing_the_title_does_not_name_is_about_that_thing()
    {
        var a = Ask("what's the takeaway for Zeta?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("33.0%", a.Text, StringComparison.Ordinal); // what the note says of Zeta, not its opening lines
    }

    [Fact]
    public void A_figure_asked_as_a_change_is_headlined_with_the_bound_the_note_gives_it()
    {
        // the asker's "grow" is the kind of figure (a change), not a word the figure's clause must repeat; and the
        // note's "more than" stays with the figure
        var a = Ask("by what percent did Zeta's gadget shipments grow in 2025?");
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**more than 8%**", a.Headline);
    }

    [Fact]
    public void Two_measures_asked_of_one_thing_are_answered_with_each_ones_figure()
    {
        // no one clause carries both measures, yet the sentence gives each its own figure: the note answers
        var a = Ask("what's Acme's WidgetBench and GadgetEval score?");
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("WidgetBench **12.5%** · GadgetEval **40.1%**", a.Headline);
        // one of the two the note does not give for Acme: no headline that makes half an answer look whole
        Assert.NotEqual("WidgetBench **12.5%**", Ask("what's Acme's WidgetBench and GizmoTest score?").Headline);
    }

    [Theory]
    [InlineData("was Zeta's Doohickey app released in April 2025?", "**No** — the note says May 4, 2025")]
    [InlineData("did Zeta ship the Doohickey app in May 2025?", "**Yes** — the note says May 4, 2025")]
    public void A_verb_of_bringing_a_product_out_is_met_by_the_notes_own_and_its_date_checked(string question, string opening) =>
        // "released", "shipped" and "launched" name one act
        Assert.StartsWith(opening, Ask(question).Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("does Zeta lead?")]
    [InlineData("is Zeta a leader?")]
    [InlineData("does the note say Zeta is leading?")]
    [InlineData("does Zeta lead anything?")]
    public void Leading_asked_is_met_by_the_notes_own_words_of_standing_first(string question)
    {
        // "lead" and "leadership" name one standing: the note's claim of it is what answers
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("claims leadership across GizmoTest and DoohickeyEval", a.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how big is Acme?")]
    [InlineData("how fast is Zeta?")]
    public void How_big_or_fast_a_thing_is_is_not_answered_with_another_of_its_figures(string question)
    {
        // the note gives Acme's scores and backlog and Zeta's part window, never a size or speed of either
        var a = Ask(question);
        Assert.Null(a.Headline);
        // a measure named is still answered: the degree only asks its amount
        Assert.Equal("**2M**", Ask("how big is Acme's backlog?").Headline);
    }

    [Fact]
    public void A_verb_of_money_laid_out_is_met_by_the_notes_own()
    {
        // "buy" and "invested" name one act: the date of the investment answers when Acme bought in
        var a = Ask("when did Acme buy into Omega Labs?");
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**June 2025**", a.Headline);
        // selling is another act: no date headlined for it
        Assert.NotEqual("**June 2025**", Ask("when did Acme sell its Omega Labs stake?").Headline);
    }

    [Fact]
    public void The_price_of_a_thing_bought_is_what_was_paid_for_it_and_a_charge_the_note_never_gives_is_refused()
    {
        // "put into" is investing: the money, not the stake's share
        Assert.Equal("**$2B**", Ask("how much did Acme put into Omega Labs?").Headline);
        // "the price of the stake" is what Acme laid out for it
        var price = Ask("what was the price of Acme's Omega Labs stake?");
        Assert.False(price.Abstained, price.Text);
        Assert.Equal("**$2B**", price.Headline);
        // what Zeta charges is money asked for; the note prices nothing Zeta sells
        Assert.True(Ask("what does Zeta charge for the Doohickey app?").Abstained);
    }

    [Theory]
    [InlineData("how is Acme's 2026 capex split between plants and chips?", "The note gives no split of Acme's 2026 capex between plants and chips — it gives only the total (§1 Overview).")]
    [InlineData("how much of Acme's 2026 capex goes to the Nimbus plant?", "The note does not say how much of Acme's 2026 capex goes to the Nimbus plant — it gives only the total (§1 Overview).")]
    [InlineData("of Acme's 2026 capex, how much goes to the Nimbus plant?", "The note does not say how much of Acme's 2026 capex goes to the Nimbus plant — it gives only the total (§1 Overview).")]
    [InlineData("how much of Acme's 2026 capex is plants versus chips?", "The note gives no split of Acme's 2026 capex between plants and chips — it gives only the total (§1 Overview).")]
    public void A_split_asked_of_a_total_the_note_gives_whole_is_refused_saying_so(string question, string refusal)
    {
        // the total's own figure is no part's
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith(refusal, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("$3B", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how are Vexo's 2026 robot sales split between Europe and Asia?", "Europe **$4B** · Asia **$2B**")]
    [InlineData("how much of Vexo's robot sales came from Europe?", "Europe **$4B**")]
    public void A_split_the_note_gives_part_by_part_is_answered_with_each_parts_own_figure(string question, string headline)
    {
        // each part's figure, not the total's ($6B) said first in the clause
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal(headline, a.Headline);
    }

    [Theory]
    [InlineData("can you confirm the note doesn't give a dividend?", "**Right** — the note gives no dividend.")]
    [InlineData("the note has no dividend, right?", "**Right** — the note gives no dividend.")]
    [InlineData("is it true the report never mentions Zeta?", "**No** — it does:")]
    [InlineData("can you confirm the note gives no figure for Zeta's headcount?", "**Right** — the note gives no figure for")]
    [InlineData("can you confirm the note doesn't give a figure for the widget market's 2025 revenue?", "**No** — it does: **$9B**")]
    public void A_claim_that_the_note_lacks_something_is_confirmed_or_corrected(string question, string opening)
    {
        // "No" alone would say the asker is wrong where the note bears them out
        var a = Ask(question);
        Assert.StartsWith(opening, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is Acme's Omega Labs stake worth now?")]
    [InlineData("what's Omega Labs valued at?")]
    [InlineData("what would the Omega Labs deal put the whole company's value at?")]
    public void What_a_thing_is_worth_is_not_what_was_paid_for_it(string question)
    {
        // the note gives the $2B Acme invested, and no worth
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("The note does not say what it is worth — where it comes nearest (§1 Overview), it gives no worth or valuation.", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what was the Omega Labs deal worth?")]
    [InlineData("how much was Acme's Omega Labs investment worth?")]
    public void What_a_deal_was_worth_is_its_amount(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("$2B", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("who is Acme's CFO?", "The note does not say who is Acme's CFO — nothing in it speaks of “CFO”.")]
    [InlineData("which Zeta spokesperson commented on the plant?", "The note does not say which Zeta spokesperson commented on the plant — nothing in it speaks of “spokesperson”.")]
    [InlineData("who founded Omega Labs?", "The note does not say who founded Omega Labs — nothing in it speaks of “founded”.")]
    public void A_role_the_note_never_speaks_of_is_held_by_no_one_it_names(string question, string refusal) =>
        // the note names Acme, Zeta and Omega Labs, but no one in the role asked
        AssertRefused(question, refusal);

    [Theory]
    [InlineData("how accurate is Acme's WidgetBench score?", "The note does not say how accurate is Acme's WidgetBench score — nothing in it speaks of “accurate”.")]
    [InlineData("How profitable is the Nimbus plant?", "The note does not say how profitable is the Nimbus plant — nothing in it speaks of “profitable”.")]
    public void A_measure_asked_with_how_that_the_note_never_speaks_of_is_refused(string question, string refusal) =>
        // the note gives the score and the plant, not how accurate or profitable either is
        AssertRefused(question, refusal);

    [Fact]
    public void A_degree_asked_with_how_is_answered_from_what_the_note_gives()
    {
        var a = Ask("how big is Acme's backlog?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("2M", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_who_question_is_answered_only_where_the_note_says_the_act_asked()
    {
        // Acme opened the plant; no one is said to have inspected it
        AssertRefused("who inspected the Nimbus plant?", "The note does not say who inspected the Nimbus plant — where it comes nearest (§1 Overview), it does not say who.");
        var opened = Ask("who opened the Nimbus plant?");
        Assert.False(opened.Abstained, opened.Text);
        Assert.Contains("Acme", opened.Text, StringComparison.Ordinal);
        // leading is said in other words than the question's: "under Lee Park", "its CEO is Dana Reed" (BM25 alone weighs
        // the short sentences too little to answer)
        if (!note.Semantic) return;
        var leads = Ask("who leads Bolt Mart?");
        Assert.False(leads.Abstained, leads.Text);
        Assert.Contains("Lee Park", leads.Text, StringComparison.Ordinal);
        var runs = Ask("who runs Kite Stores?");
        Assert.False(runs.Abstained, runs.Text);
        Assert.Contains("Dana Reed", runs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_the_note_speaks_of_is_answered_with_its_holder()
    {
        var a = Ask("who is the CEO of Kite Stores?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Dana Reed", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_the_note_never_speaks_of_is_refused_though_the_note_names_people()
    {
        var a = Ask("who is the chief scientist at Bolt Mart?");
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("nothing in it speaks of “chief”", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_is_answered_where_the_note_gives_the_person_a_role_and_refused_where_it_only_names_them()
    {
        var reed = Ask("what is Dana Reed's title?");
        Assert.False(reed.Abstained, reed.Text);
        Assert.Contains("CEO", reed.Text, StringComparison.Ordinal);
        var park = Ask("what is Lee Park's official title?");
        Assert.True(park.Abstained, park.Text);
        Assert.Contains("where it names them, it gives no title", park.Text, StringComparison.Ordinal);
        // a word saying which title is meant leaves the title what is asked for
        var job = Ask("what's Lee Park's official job title at Bolt Mart?");
        Assert.True(job.Abstained, job.Text);
        Assert.Contains("where it names them, it gives no title", job.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lee park's exact title at bolt mart?")]
    [InlineData("lee park job title")]
    [InlineData("park title?")]
    public void A_title_asked_in_chat_with_no_question_word_is_refused_where_the_note_only_names_the_person(string question)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("where it names them, it gives no title", a.Text, StringComparison.Ordinal);
        // the asker's phrase is quoted, not read as a clause ("does not say lee park job title")
        Assert.Contains("The note does not say “", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which analyst wrote this note?")]
    [InlineData("what bank published this report?")]
    public void Which_analyst_or_firm_wrote_the_note_is_asked_of_the_note_itself(string question)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("names no author", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what camera perception uses does the Doohickey app have?")]
    [InlineData("What uses is the Doohickey app's camera perception designed around?")]
    public void A_list_the_best_sentence_only_introduces_is_given_by_the_next_sentence_that_lists_it(string question)
    {
        // "… designed around camera perception." introduces; "Zeta highlights A, B, and C." lists
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("photo search", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_wrote_the_note_is_answered_plainly_not_with_a_passage()
    {
        var a = Ask("who wrote this note?");
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("names no author", a.Text, StringComparison.Ordinal);
        Assert.Contains("Widget Market Note", a.Text, StringComparison.Ordinal);
        Assert.Empty(a.Citations);
    }
}

/// <summary>A note that dates one thing, and more about it, and speaks of a larger one without a date.</summary>
public sealed class UndatedThingNote() : SyntheticNote(semantic: false, note: """
    Gizmo Note
    1. Overview
    Acme launched its Gizmo One tablet on March 3, 2026, the first tablet of its Gizmo line.
    Buyers liked the screen, and reviews praised the battery.
    Acme also says larger Gizmo tablets are in development.
    Acme shipped Gizmo One cases on April 2, 2026, and cut Gizmo One prices on May 5, 2026.
    Gizmo One sales passed 1M units on June 1, 2026, when Acme opened its tablet store.
    2. Risks
    Supply of panels is tight, and prices may rise.
    """);

public sealed class UndatedThingTests(UndatedThingNote note) : IClassFixture<UndatedThingNote>
{
    [Theory]
    [InlineData("when do the larger gizmo tablets come out?")]
    [InlineData("when do larger gizmo tablets come out?")]   // no article: "larger" still describes the tablets asked about
    public void When_a_thing_the_note_speaks_of_only_undated_comes_is_refused_with_what_it_says(string question)
    {
        var a = note.Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.DoesNotContain("March 3", a.Text);
        Assert.Contains("in development", a.Text);
    }

    [Fact]
    public void A_bare_phrase_that_opens_on_a_date_of_the_undated_thing_is_refused_too()
    {
        var a = note.Ask("ship date for the larger gizmo tablets?");
        Assert.True(a.Abstained, a.Text);
        Assert.DoesNotContain("March 3", a.Text);
    }

    [Fact]
    public void When_the_dated_thing_came_is_still_answered()
    {
        var a = note.Ask("when did the Gizmo One tablet launch?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("March 3, 2026", a.Text);
    }
}

/// <summary>A note whose one revenue figure, in a list of results, belongs to a line of the company's, not the company.</summary>
public sealed class ListedResultsNote() : SyntheticNote(semantic: true, note: """
    Acme Results Note
    1. Overview
    Acme sells widgets and gadgets across many markets, and Acme expects widget demand to stay strong.
    In Q4 2025, the shop redesign drove a 6% lift in visits, gadget rental services reached a $3B revenue run-rate, and widget ads drove a 4% gain in clicks.
    Acme spent $7B on plants in 2025.
    """);

public sealed class ListedResultsTests(ListedResultsNote note) : IClassFixture<ListedResultsNote>
{
    [Theory]
    [InlineData("what was Acme's revenue in Q4 2025?")]
    [InlineData("how much revenue did Acme make in Q4 2025?")]
    public void Revenue_asked_of_the_company_is_refused_where_the_note_gives_only_a_line_of_its_revenue(string question)
    {
        // the run-rate is the rental services', which the question does not name. On a note this small the decision
        // threshold refuses too, so the owner check alone is switched off and caught in AnswerEngineTests
        var a = note.Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.DoesNotContain("**$3B", a.Text);
    }

    [Fact]
    public void Revenue_asked_of_the_line_that_owns_it_is_still_answered()
    {
        var a = note.Ask("what revenue run-rate did gadget rental services reach?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("$3B", a.Text);
    }
}

/// <summary>A note whose table names a compared thing in one of its headers ("Zeta role").</summary>
public sealed class NamedHeaderNote() : SyntheticNote(semantic: false, note: """
    Surface Note
    1. Overview
    Zeta runs on several Acme surfaces.
    | Acme surface | Zeta role | Money read-through |
    |---|---|---|
    | Kite app | Ranks the feed for shoppers. | Supports ad clicks and sales. |
    | Bolt glasses | Adds camera help. | Creates a new interface that may matter more than scores. |
    """);

public sealed class NamedHeaderTests(NamedHeaderNote note) : IClassFixture<NamedHeaderNote>
{
    [Fact]
    public void A_name_the_question_is_about_does_not_choose_the_column_whose_header_says_it()
    {
        // "Zeta" is what is put on the glasses, not a request for the "Zeta role" column: with no column asked, the row
        var a = note.Ask("what does putting Zeta on the Bolt glasses mean commercially?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("new interface", a.Text, StringComparison.Ordinal);
        // the column a word of its own names still answers alone
        Assert.StartsWith("**Adds camera help.**", note.Ask("what is Zeta's role on the Bolt glasses?").Text, StringComparison.Ordinal);
    }
}

/// <summary>A note that denies a call on a list of things, and says one of them may still come good.</summary>
public sealed class DeniedListNote() : SyntheticNote(semantic: false, note: """
    Gizmo Supply Note
    1. Overview
    Acme launched the Gizmo One tablet in March 2026, and buyers liked its screen.
    What the launch does not do is confirm the whole call on panel makers, glass, batteries, or individual chip vendors.
    Those calls may still prove right on separate evidence, but they need their own research.
    2. Risks
    Supply of panels is tight, and prices may rise.
    """);

public sealed class DeniedListTests(DeniedListNote note) : IClassFixture<DeniedListNote>
{
    [Fact]
    public void A_claim_about_items_of_a_list_a_negation_governs_is_denied()
    {
        // the items stand in clauses of their own between commas, but "does not confirm" governs them all
        var a = note.Ask("is this release a win for the glass and batteries suppliers?");
        Assert.StartsWith("**No**", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void One_item_of_the_list_asked_about_something_else_is_not_denied()
    {
        var a = note.Ask("could the chip vendors picks still come good?");
        Assert.DoesNotMatch(@"^\*\*No\*\*", a.Text);
    }
}

/// <summary>A note that speaks of partners without naming one, and names the stores that sell.</summary>
public sealed class UnnamedPartnersNote() : SyntheticNote(semantic: false, note: """
    Gizmo App Note
    1. Overview
    Acme launched its Gizmo app in March 2026, and buyers liked the camera.
    The Gizmo app is in a private preview open to select partners only.
    Acme sells Gizmo kits through Bolt Mart and Kite Stores.
    2. Risks
    Supply of panels is tight, and prices may rise.
    """);

public sealed class UnnamedPartnersTests(UnnamedPartnersNote note) : IClassFixture<UnnamedPartnersNote>
{
    [Fact]
    public void Which_companies_where_no_quote_names_one_is_refused()
    {
        var a = note.Ask("which companies are in the Gizmo app private preview?");
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("The note does not say which companies", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_companies_where_a_quote_names_them_is_answered()
    {
        var a = note.Ask("which companies sell Gizmo kits?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Bolt Mart", a.Text, StringComparison.Ordinal);
    }
}

public sealed class MakersModeNote() : SyntheticNote(semantic: false, note: """
    Gadget Model Note
    1. Overview
    Nimbus launched its Zeta One model in March 2026, the first of the Zeta family.
    Nimbus's Zeta family is built for phones.
    2. Competition
    | Model | Score | Context |
    |---|---|---|
    | Zeta One | GizmoTest 40% | 100k |
    | Orbo Two | GizmoTest 45% | 1M |
    | Kite Three | GizmoTest 42% | 500k |
    Kappa's model card describes Orbo Two as its most capable model.
    Lumo's model card describes Kite Three as its fastest model.
    The product offers fast and deep modes, and Nimbus's Turbo mode is positioned as its answer to deeper offerings from Kappa and Lumo.
    3. Risks
    Supply of chips is tight.
    """);

public sealed class MakersModeTests(MakersModeNote note) : IClassFixture<MakersModeNote>
{
    [Fact]
    public void What_the_asked_things_maker_owns_is_the_things_though_rivals_are_named_beside_it()
    {
        // "Nimbus's Turbo mode" is Zeta One's maker's: the rivals' makers named after it do not make it theirs
        var a = note.Ask("wats Turbo mode in zeta one");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Turbo mode is positioned", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_makers_newest_model_is_its_compared_thing() =>
        Assert.Equal("**45%**", note.Ask("what did Kappa's newest model get on GizmoTest?").Headline);
}

public sealed class SeveralFiguresNote() : SyntheticNote(semantic: false, note: """
    Gadget Model Note
    1. Competition
    | Model | Maker |
    |---|---|
    | Orbo Two | Kappa |
    | Kite Three | Lumo |
    Kappa describes Orbo Two as its most capable model for work, reporting 45% on GizmoTest, 30% on WidgetBench, and a 1M context window.
    Lumo describes Kite Three as its fastest model, reporting 40% on GizmoTest.
    2. Risks
    Supply of chips is tight.
    """);

public sealed class SeveralFiguresTests(SeveralFiguresNote note) : IClassFixture<SeveralFiguresNote>
{
    [Fact]
    public void A_figure_asked_with_no_measure_the_sentence_says_is_not_headlined()
    {
        // the sentence gives Orbo Two three figures: which one "how much can it take in" asks for is a guess
        var a = note.Ask("how much can Orbo Two take in?");
        Assert.True(a.Headline is null, a.Text);
        Assert.Contains("45% on GizmoTest", a.Text, StringComparison.Ordinal);
        // a measure the sentence says picks its figure
        Assert.Equal("**30%**", note.Ask("what did Orbo Two get on WidgetBench?").Headline);
    }
}

/// <summary>A note that says who observed a thing with a verb of its own, not the asker's.</summary>
public sealed class ObservedThingNote() : SyntheticNote(semantic: false, note: """
    Phone Note
    1. Overview
    Acme launched the Zeta phone in May 2025, and Acme says the phone sold well in its first month.
    Acme materials say Zeta showed strong battery life and say Kite Research observed unusually high return rates.
    2. Risks
    Supply of panels is tight, and prices may rise.
    """);

public sealed class ObservedThingTests(ObservedThingNote note) : IClassFixture<ObservedThingNote>
{
    [Theory]
    [InlineData("who flagged that zeta had unusually high return rates?")]
    [InlineData("who noticed the unusually high zeta return rates?")]
    public void Who_noticed_a_thing_is_answered_by_whom_the_note_says_observed_it(string question)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Kite Research", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_did_an_act_the_note_never_says_is_still_refused()
    {
        var a = note.Ask("who inspected the zeta phone?");
        Assert.True(a.Abstained, a.Text);
    }
}

/// <summary>A note that names members of a kind without counting them.</summary>
public sealed class ListedMembersNote() : SyntheticNote(semantic: true, note: """
    Gadget Outlets Note
    1. Overview
    Zeta sells through retailers including Bolt Mart, Kite Stores, and Orbit Shop, and Zeta buys chips from outside suppliers.
    The Zeta app offers quick, careful, and deep answer modes.
    Zeta reported 3 plants in 2025.
    Zeta's pitch is speed and price, not disclosed component leadership.
    """);

public sealed class ListedMembersTests(ListedMembersNote note) : IClassFixture<ListedMembersNote>
{
    [Theory]
    [InlineData("how many retailers does Zeta sell through?", "Orbit Shop")]
    [InlineData("how many answer modes does the Zeta app offer?", "careful")]
    public void How_many_of_a_kind_the_note_names_without_a_count_is_the_number_it_names(string question, string member)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**3**", a.Headline);
        Assert.Contains(member, a.Text, StringComparison.Ordinal);
        // the list ends where the next clause begins
        Assert.DoesNotContain("buys chips from", a.Text.Split("\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_of_the_kind_set_against_others_lists_no_members()
    {
        // "speed and price, not disclosed component leadership" names no components
        var a = note.Ask("how many components does Zeta have?");
        Assert.NotEqual("**2**", a.Headline);
        Assert.NotEqual("**3**", a.Headline);
    }
}

/// <summary>A note whose risks are bullets, one of them about a kind of organisation it names none of.</summary>
/// <summary>A note that gives one maker's score by "it", in a sentence that names the others.</summary>
public sealed class ScoreByPronounNote() : SyntheticNote(semantic: false, note: """
    Gadget Index Note
    1. Overview
    Analysts compare three makers in this note.
    Acme Widget is the newest of them and sells mostly to households.
    Trade Press places it at 40 on the GizmoScore, behind Zeta Widget at 47 and Omega Widget at 44.
    Buyers still favour Acme Widget for its volume.
    Gadget demand rose in 2025. Prices held steady through the year.
    | Maker | Capacity |
    |---|---|
    | Acme Widget | 2M units |
    | Zeta Widget | 5M units |
    | Omega Widget | 3M units |
    """);

public sealed class ScoreByPronounTests(ScoreByPronounNote note) : IClassFixture<ScoreByPronounNote>
{
    [Fact]
    public void A_score_the_note_gives_a_thing_by_it_is_not_refused_as_another_things()
    {
        // "places it at 40": "it" is Acme Widget, the sentence before's, though the sentence names only the others
        var a = note.Ask("what is Acme Widget's gizmoscore?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("40", a.Text, StringComparison.Ordinal);
    }
}

public sealed class BulletRisksNote() : SyntheticNote(semantic: true, note: """
    Gadget Risks Note
    1. Risks
    - Regulatory pressure can rise if Zeta links gadget data more deeply with advertising and retail.
    - Supply can tighten if Zeta buys chips from outside suppliers in most regions.
    Zeta sells through retailers including Bolt Mart and Kite Stores.
    """);

public sealed class BulletRisksTests(BulletRisksNote note) : IClassFixture<BulletRisksNote>
{
    [Fact]
    public void Which_regulators_is_not_answered_by_a_bullet_that_only_speaks_of_regulation()
    {
        // the capital after a bullet's mark opens a sentence: "Regulatory" is no regulator's name
        var a = note.Ask("which regulators are looking at zeta?");
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("The note does not say which regulators", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_retailers_is_still_answered_with_the_names()
    {
        var a = note.Ask("which retailers does zeta sell through?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Kite Stores", a.Text, StringComparison.Ordinal);
    }
}

/// <summary>A note whose table labels one measure inside its cells ("Trade Press GizmoScore 47").</summary>
public abstract class CellMeasureNote(bool semantic) : SyntheticNote(semantic, note: """
    Gadget Scores Note
    1. Overview
    Analysts compare three makers in this note.
    In the trade press, the leader is Zeta Widget.
    Analysts rank Omega Widget second on most measures.
    Buyers still favour Acme Widget for its volume.
    Gadget demand rose in 2025. Prices held steady through the year.
    Retail buyers favour cheaper models. Supply stayed tight in spring.
    | Maker | Benchmark position | Capacity |
    |---|---|---|
    | Acme Widget | Trade Press GizmoScore 40, WidgetBench 12.5% | 2M units |
    | Zeta Widget | Trade Press GizmoScore 47 | 5M units |
    | Omega Widget | Trade Press GizmoScore 44 | 3M units |
    """);

public sealed class LexicalCellMeasureNote() : CellMeasureNote(semantic: false);

public sealed class SemanticCellMeasureNote() : CellMeasureNote(semantic: true);

public abstract class CellMeasureTests(CellMeasureNote note)
{
    [Fact]
    public void A_request_to_rank_the_rows_lists_them_by_the_measure_whatever_words_ask_for_the_order()
    {
        // "three", "high", "low" say how to list them, not what is measured
        var a = note.Ask("rank the three makers on the gizmoscore, from high to low");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**Zeta Widget: 47**", a.Text, StringComparison.Ordinal);
        Assert.True(a.Text.IndexOf("44", StringComparison.Ordinal) < a.Text.IndexOf("40", StringComparison.Ordinal), a.Text);
    }

    [Theory]
    [InlineData("among the non-Zeta rows, which has the highest gizmoscore?")]
    [InlineData("besides Zeta Widget, which maker has the highest gizmoscore?")]
    public void An_extreme_over_the_rows_a_question_leaves_is_taken_without_the_ones_it_sets_aside(string question)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**Omega Widget: 44**", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how far behind the top maker is Acme on the gizmoscore?", "7 points below Zeta Widget (47)")]
    [InlineData("gap between Omega and the best maker on the gizmoscore?", "3 points below Zeta Widget (47)")]
    [InlineData("how far behind the leader is Zeta on the gizmoscore?", "it has the")]
    public void How_far_one_named_row_stands_from_the_top_is_the_gap_between_their_cells(string question, string gap)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains(gap, a.Headline ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which makers score above 42 on the gizmoscore?", "**Zeta Widget 47, Omega Widget 44** — a higher")]
    [InlineData("how many makers have a capacity of at least 3M units?", "**2 of 3** — Zeta Widget 5M, Omega Widget 3M")]
    [InlineData("how many makers have a capacity below 1M units?", "**0 of 3**")]   // not the table's count of rows
    public void The_rows_past_a_figure_the_question_states_are_those_the_table_puts_past_it(string question, string headline)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith(headline, a.Headline ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_past_a_figure_are_not_counted_over_a_measure_some_rows_do_not_give()
    {
        // only Acme Widget's cell gives WidgetBench: the others' may be elsewhere, so "1 of 3" would be a guess
        var a = note.Ask("how many makers score above 10% on WidgetBench?");
        Assert.DoesNotContain(" of 3**", a.Headline ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(" of 1**", a.Headline ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_margin_of_one_over_another_asks_the_gap_between_them()
    {
        var a = note.Ask("what's Zeta's margin over Omega on the gizmoscore?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("ahead by 3 points", a.Headline ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_naming_one_thing_to_set_against_replaces_the_top_the_previous_question_measured_from()
    {
        // "and vs Omega?" sets Omega against Acme, not Omega against the top
        var a = await note.Engine.Answers.AnswerAsync(new Question("and vs Omega Widget?", "how far behind the top maker is Acme on the gizmoscore?"));
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Acme Widget", a.Text, StringComparison.Ordinal);
        Assert.Contains("Omega Widget", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Zeta", a.Text, StringComparison.Ordinal);
    }
}

public sealed class CellMeasureLexicalTests(LexicalCellMeasureNote note) : CellMeasureTests(note), IClassFixture<LexicalCellMeasureNote>;

public sealed class CellMeasureSemanticTests(SemanticCellMeasureNote note) : CellMeasureTests(note), IClassFixture<SemanticCellMeasureNote>;

public sealed class TiedScoresNote() : SyntheticNote(semantic: false, note: """
    Gadget Ranking Note
    1. Competition
    | Model | Score |
    |---|---|
    | Zeta One | GizmoTest 45% |
    | Orbo Two | GizmoTest 45% |
    | Kite Three | GizmoTest 40% |
    | Lumo Four | GizmoTest 38% |
    2. Risks
    Supply of chips is tight.
    """);

public sealed class TiedScoresTests(TiedScoresNote note) : IClassFixture<TiedScoresNote>
{
    [Fact]
    public void Whether_one_of_two_equal_scores_beats_the_other_is_no_and_says_they_are_tied()
    {
        var a = note.Ask("does Zeta One beat Orbo Two on GizmoTest?");
        Assert.StartsWith("**No**", a.Text, StringComparison.Ordinal);
        Assert.Contains("tied", a.Headline ?? a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_that_one_thing_beats_another_asked_with_a_tag_typed_without_its_comma_gets_a_verdict() =>
        Assert.StartsWith("**Yes**", note.Ask("zeta one beat kite three on gizmotest didnt it").Text, StringComparison.Ordinal);
}

public sealed class PlaceInOrderTests(TiedScoresNote note) : IClassFixture<TiedScoresNote>
{
    [Theory]
    [InlineData("where does Kite Three rank on GizmoTest?", "**Kite Three 40%** — 3rd of 4")]
    [InlineData("kite three's position on gizmotest", "**Kite Three 40%** — 3rd of 4")]
    [InlineData("where does Lumo Four rank on GizmoTest?", "**Lumo Four 38%** — 4th of 4 by GizmoTest, last")]
    [InlineData("where does Orbo Two stand on GizmoTest?", "**Orbo Two 45%** — tied 1st of 4")]
    public void Where_one_named_thing_stands_is_its_place_among_the_rows_ties_sharing_one(string question, string headline) =>
        Assert.StartsWith(headline, note.Ask(question).Headline ?? "", StringComparison.Ordinal);

    [Theory]
    [InlineData("which model has the third highest GizmoTest?", "**Kite Three: 40%** — the 3rd highest GizmoTest")]
    [InlineData("who's 3rd on GizmoTest?", "**Kite Three: 40%**")]
    [InlineData("who has the 2nd lowest GizmoTest score?", "**Kite Three: 40%** — the 2nd lowest")]
    public void The_thing_at_a_place_asked_is_the_one_counted_there_from_the_end_the_question_says(string question, string headline) =>
        Assert.StartsWith(headline, note.Ask(question).Headline ?? "", StringComparison.Ordinal);

    [Theory]
    [InlineData("after the top, who's next on GizmoTest?")]
    [InlineData("who comes next after the leaders on GizmoTest?")]
    public void Who_is_next_after_the_top_is_the_first_behind_the_leaders(string question) =>
        Assert.StartsWith("**Kite Three: 40%** — the 3rd highest GizmoTest", note.Ask(question).Headline ?? "", StringComparison.Ordinal);

    [Fact]
    public void A_place_that_two_tied_above_it_fill_is_said_so_with_the_next_after_them()
    {
        // the two at 45% fill the first two places: no one is second alone
        var headline = note.Ask("who has the second highest GizmoTest score?").Headline ?? "";
        Assert.Contains("tied for the highest", headline, StringComparison.Ordinal);
        Assert.Contains("next after them: **Kite Three 40%**", headline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what columns does the competition table have?")]
    [InlineData("competition table columns?")]
    public void A_table_s_columns_asked_for_are_its_headers(string question) =>
        Assert.Equal("**2 columns: Model · Score**", note.Ask(question).Headline);

    [Fact]
    public void A_place_on_a_measure_the_table_does_not_give_is_not_told_from_another_column() =>
        Assert.DoesNotContain(" of 4", note.Ask("where does Kite Three rank on GizmoTest Pro speed?").Text, StringComparison.Ordinal);
}

public sealed class FiguresInOneSentenceNote() : SyntheticNote(semantic: false, note: """
    Acme Results Note
    1. Results
    In Q4 2025, Acme feed changes drove a 7% lift in views, Quill optimizations drove a 20% lift in time spent, gadget rental tools reached a $10B revenue run-rate, and paid Wisp messaging crossed a $2B annual run-rate.
    2. Risks
    Supply of chips is tight.
    """);

public sealed class FiguresInOneSentenceTests(FiguresInOneSentenceNote note) : IClassFixture<FiguresInOneSentenceNote>
{
    [Theory]
    [InlineData("does the note give a number for paid Wisp messaging?", "$2B")]
    [InlineData("does the note put a figure on gadget rental tools?", "$10B")]
    public void A_figure_of_any_kind_asked_of_a_thing_its_clause_names_is_that_clause_s_figure(string question, string figure)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal($"**{figure}**", a.Headline);
    }

    [Fact]
    public void A_figure_asked_of_a_thing_the_note_gives_none_for_is_still_refused() =>
        Assert.True(note.Ask("does the note give a number for Wisp subscriptions?").Abstained);
}

public sealed class SourcedScoresNote() : SyntheticNote(semantic: false, note: """
    Gadget Ranking Note
    1. Competition
    | Model | Selected position |
    |---|---|
    | Zeta One | Acme Labs Index 50, GizmoTest 45% |
    | Orbo Two | Acme Labs Index 55, GizmoTest 40% |
    | Kite Three | Acme Labs Index 52, GizmoTest 41% |
    Acme Labs ranks Zeta One first on GizmoTest.
    2. Risks
    Supply of chips is tight.
    """);

public sealed class SourcedScoresTests(SourcedScoresNote note) : IClassFixture<SourcedScoresNote>
{
    [Theory]
    [InlineData("who's the GizmoTest leader?")]
    [InlineData("GizmoTest leader per Acme Labs?")]   // the source named is no measure: its index is not the one asked
    public void The_leader_on_a_measure_is_the_row_with_its_highest_figure(string question) =>
        Assert.StartsWith("**Zeta One: 45%**", note.Ask(question).Headline ?? "", StringComparison.Ordinal);
}
