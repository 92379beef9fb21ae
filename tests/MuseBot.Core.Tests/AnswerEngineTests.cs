using MuseBot.Contracts;

namespace MuseBot.Core.Tests;

[Collection("engine")]
public class AnswerEngineTests(EngineFixture fixture)
{
    private Answer Ask(string q, string? previous = null) => fixture.Engine.Answers.AnswerAsync(new Question(q, previous)).GetAwaiter().GetResult();

    [Theory]
    [InlineData("ok cool", "when did spark launch?")]
    [InlineData("great, that helps", "what is spark's context window?")]
    public void Small_talk_asked_of_the_engine_itself_is_no_question_and_repeats_no_answer(string text, string previous)
    {
        var a = Ask(text, previous);
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("I didn't catch a question", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_things_compared_on_a_measure_in_plain_words_get_the_figures_one_sentence_sets_side_by_side() =>
        Assert.StartsWith("**Muse Spark 81%** vs **Gemini 3.1 Pro Preview 82%**", Ask("which is better at multimodal perception, spark or gemini?").Text, StringComparison.Ordinal);

    [Fact]
    public void Two_things_compared_on_no_one_measure_get_no_figures_from_separate_rows_set_against_each_other()
    {
        // each row's figures (one's window, the other's index) measure different things
        var a = Ask("muse spark vs gpt-5.4: where does the note see each one as stronger?");
        Assert.DoesNotContain(" vs **", a.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void When_a_thing_the_note_speaks_of_undated_comes_is_refused_though_the_act_asked_is_said_in_no_word_of_its()
    {
        // "drop" is met by no unit; "bigger muse models" by the watchlist row, which gives no date. The launch sentence's
        // date is Spark's own
        var a = Ask("any word on when the bigger muse models drop?");
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("The note gives no date for that", a.Text, StringComparison.Ordinal);
        Assert.Contains("Larger Muse variants", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("April 8", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("whats the exact date spark hits whatsapp?")]
    [InlineData("what day exactly does spark reach messenger?")]
    public void An_exact_date_the_note_says_only_in_words_is_refused_and_no_other_act_s_date_is_quoted_beside_it(string question)
    {
        // the launch sentence's date is another act's: beside the rollout quote it would read as the date asked for
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("in coming weeks", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("April 8", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_words_the_note_says_when_in_answer_from_any_unit_the_reranker_scored_not_only_the_few_it_would_quote()
    {
        // the rollout sentence ranks below the watchlist rows that say "rollout" and "Messenger" but no when
        var a = Ask("when is the rollout to messenger?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("No date — the note says “in coming weeks”:", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when does spark land on the glasses?")]
    [InlineData("when will spark go live on facebook?")]
    public void A_when_question_whose_best_unit_dates_another_act_is_answered_by_the_words_the_note_says_when_in(string question)
    {
        // the launch sentence names Spark and has a date, of its launch: no date to headline for the glasses
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("No date — the note says “in coming weeks”:", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what day did spark drop?")]
    [InlineData("what day did meta put spark out publicly?")]
    public void A_when_question_whose_far_likelier_unit_dates_the_thing_asked_is_not_answered_by_words_of_another_act(string question)
    {
        // the launch sentence dates Spark (its date no headline, "drop" being a paraphrase); the rollout sentence's
        // "in coming weeks" is another act's, and far less likely
        var a = Ask(question);
        Assert.DoesNotContain("No date", a.Text, StringComparison.Ordinal);
        Assert.StartsWith("“", a.Text, StringComparison.Ordinal);
        Assert.Contains("April 8, 2026", a.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what did spark score on the intelligence index the context window?")]
    [InlineData("what did gemini score on mmmu pro the context window?")]
    public void A_row_quoted_by_the_cells_asked_headlines_no_figure_of_another_cell(string question)
    {
        // read as asking two measures of one row, the cell of one is quoted: the other cell's figure is no answer
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        var shown = a.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).First(l => l.StartsWith('“'));
        if (a.Headline is { } headline) Assert.Contains(headline.Trim('*'), shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t  ")]
    [InlineData("AND ( \" * ? : \\ /")]
    [InlineData("🚀🔥🤖")]
    [InlineData("¿Cuál es el gasto de capital de Meta en 2025?")]
    [InlineData("元宇宙的资本支出是多少？")]
    [InlineData("capex\u0000\u0007 in\u001b[31m 2025?")]
    public void Bad_input_gets_a_friendly_reply_not_an_exception(string question)
    {
        var a = Ask(question);
        Assert.False(string.IsNullOrWhiteSpace(a.Text));
        Assert.DoesNotContain("Exception", a.Text);
    }

    [Fact]
    public void A_measure_the_note_gives_only_for_rivals_is_refused_naming_whom_it_is_given_for()
    {
        var a = Ask("What's Spark's GDPval score?");
        Assert.True(a.Abstained);
        Assert.Contains("GDPval for GPT-5.4", a.Text);
        Assert.Contains("not for Muse Spark", a.Text);
        // a version number typed on its own is part of the name: no other benchmark's figure is handed over
        var version = Ask("whats spark's terminal bench 2.0 number");
        Assert.True(version.Abstained);
        Assert.Contains("Terminal-Bench 2.0", version.Text);
    }

    [Fact]
    public void A_huge_message_is_refused_politely()
    {
        var a = Ask(string.Concat(Enumerable.Repeat("capex ", 20_000)));
        Assert.True(a.Abstained);
        Assert.Contains("too long", a.Text);
        Assert.Empty(a.Citations);
    }

    [Fact]
    public void A_comparison_names_a_column_across_compared_things_only_in_a_table_whose_rows_are_theirs()
    {
        // "mattering more" shares a word with the watchlist's "Why it matters" column, but only one of that table's
        // rows is a compared thing's; the model table's rows all are
        var a = Ask("what wearable might end up mattering more than leaderboard rankings?");
        Assert.DoesNotContain("from the table in §9", a.Text, StringComparison.Ordinal);
        Assert.StartsWith("**Context window** — from the table in §5", Ask("how does spark's context window compare with its rivals?").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_asked_for_is_answered_by_the_unit_that_names_by_a_verb_of_naming()
    {
        // "codename" shares a word piece with "coding": the sentence on the coding gap had come first
        var a = Ask("what's spark's codename?");
        Assert.False(a.Abstained);
        Assert.Contains("named Avocado", a.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is spark's context window 1m?", "**No** — the note says 262k")]
    [InlineData("is spark's context window 262k?", "**Yes** — the note says 262k")]
    public void A_figure_claim_whose_best_quote_does_not_say_whose_figure_is_settled_by_a_unit_that_does(string question, string verdict)
    {
        // the likeliest quote says "a 262k context window … versus 1M-class competitors" and names Spark only in a
        // later clause, so its figure cannot be headlined as Spark's; a sentence or row that does settles the claim
        var a = Ask(question);
        Assert.StartsWith(verdict, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many tokens can gpt-5.4 take in?", "1.05M")]
    [InlineData("how many tokens can spark hold in memory at once?", "262k")]
    public void A_capacity_counted_in_the_word_that_counts_a_measure_is_answered_with_that_measure(string question, string figure)
    {
        // the note says "token" once ("a 1M token context window"); it gives the other windows without the word
        var a = Ask(question);
        Assert.False(a.Abstained);
        Assert.Equal($"**{figure}**", a.Headline);
        Assert.True(Ask("How many tokens was Spark trained on?").Abstained);
    }

    [Theory]
    [InlineData("what was meta's 2025 revenue?")]
    [InlineData("how much revenue did meta book in Q4 2025?")]
    [InlineData("what revenue did the ai glasses hit?")]
    public void Revenue_asked_of_what_the_note_gives_none_for_is_refused_not_answered_with_a_line_s_run_rate(string question)
    {
        // the note's one revenue figure is video generation tools' run-rate, in a list of other things' results
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.DoesNotContain("$10B", a.Text);
        Assert.Contains("$10B", Ask("what revenue run-rate did meta's video generation tools reach?").Headline);
    }

    [Fact]
    public void A_figure_comes_first_with_its_citation()
    {
        var a = Ask("How much did Meta spend on capex in 2025?");
        Assert.False(a.Abstained);
        Assert.Contains("72.22", a.Headline ?? "");
        Assert.Contains(a.Citations, c => c.Section == "7" && c.Quote.Contains("$72.22B"));
        Assert.Contains("[1]", a.Text);
        Assert.Empty(a.Flags);
    }

    [Fact]
    public void Typos_do_not_sink_a_question()
    {
        var a = Ask("whats sparks contxt windw?");
        Assert.False(a.Abstained);
        Assert.Contains("262k", a.Text);
    }

    [Fact]
    public void What_the_note_does_not_say_is_an_abstention_with_nothing_cited()
    {
        var a = Ask("How many GPUs did Meta use to train Spark?");
        Assert.True(a.Abstained);
        Assert.Empty(a.Citations);
        Assert.StartsWith("The note does not say", a.Text);
    }

    [Fact]
    public void One_models_figure_is_not_handed_to_another()
    {
        var a = Ask("What's Muse Spark's SWE-Bench Pro score?");
        Assert.True(a.Abstained);
        Assert.DoesNotContain("57.7", a.Text);
    }

    [Fact]
    public void A_claim_the_note_says_is_not_established_is_answered_and_flagged()
    {
        var a = Ask("How does Spark's compute efficiency compare with Llama 4 Maverick?");
        Assert.False(a.Abstained);
        Assert.Contains("order of magnitude", a.Text);
        Assert.Contains(a.Flags, f => f.Section == "2" && f.Reason.Contains("not independently", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Does_the_note_say_X_where_it_says_not_X_gets_no()
    {
        var a = Ask("Does Meta itself call Muse Spark state of the art?");
        Assert.False(a.Abstained);
        Assert.StartsWith("**No**", a.Text);
        Assert.Contains("does not call Spark state of the art", a.Text);
    }

    [Fact]
    public void A_figure_asked_for_exactly_is_given_when_the_note_gives_it()
    {
        var a = Ask("what's the 2025 capex number exactly");
        Assert.False(a.Abstained);
        Assert.StartsWith("**$72.22B**", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparative_naming_one_compared_thing_is_weighed_against_the_one_the_quote_sets_beside_it()
    {
        Assert.StartsWith("**Yes** — the note gives **Gemini 3.1 Pro Preview 82%** vs **Muse Spark 81%**", Ask("is gemini better at mmmu pro").Text, StringComparison.Ordinal);
        Assert.StartsWith("**No** — the note gives **Muse Spark 81%** vs **Gemini 3.1 Pro Preview 82%**", Ask("is spark ahead on mmmu-pro?").Text, StringComparison.Ordinal);
        // ahead of whom? the quote gives three others a figure: no verdict
        Assert.DoesNotMatch(@"^\*\*(?:Yes|No)\*\*", Ask("is claude ahead on the intelligence index?").Text);
    }

    [Fact]
    public void Two_compared_things_are_set_side_by_side_only_on_figures_of_one_kind()
    {
        // Spark's "order of magnitude less compute" is no score to set against GPT-5.4's 83.0% on GDPval
        var a = Ask("is muse spark better than gpt-5.4 by how much?");
        Assert.DoesNotContain(" vs ", a.Text.Split('\n')[0], StringComparison.Ordinal);
        var b = Ask("spark vs gemini on mmmu-pro");
        Assert.Contains("81%** vs", b.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_uses_the_previous_question()
    {
        var a = Ask("and Gemini's?", previous: "what's Spark's Artificial Analysis Intelligence Index score?");
        Assert.False(a.Abstained);
        Assert.Contains("57", a.Text);
        Assert.Contains(a.Citations, c => c.Section == "5");
    }

    [Fact]
    public void A_table_question_lists_the_rows()
    {
        var a = Ask("whats on the watchlist?");
        Assert.False(a.Abstained);
        Assert.True(a.Citations.Count >= 6);
        Assert.All(a.Citations, c => Assert.Equal("Watch item", c.Table));
    }

    [Fact]
    public void A_refused_follow_up_names_what_it_lacks_in_its_own_words_not_the_earlier_questions()
    {
        var a = Ask("and the exact day it arrives in messenger?", "For my quarterly board memo, what's the day Spark shipped?");
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("arrives in messenger", a.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("memo", a.Text, StringComparison.OrdinalIgnoreCase);
    }
}
