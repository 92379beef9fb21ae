using MuseBot.Contracts;

namespace MuseBot.Core.Tests;

/// <summary>A second note of our own, of lists in prose: kept apart from <see cref="SyntheticNote"/> because every
/// sentence added there changes which of its names are frequent enough to be the note's subject.</summary>
public static class ListNote
{
    public const string Text = """
        Gadget Note
        1. Overview
        The Gizmo line is built around home safety. Every kit ships sensors, alarms, and cameras. Gizmo promotes leak alerts, smoke checks, and door monitoring.
        Reviewers praise home use cases such as night alerts and pet cams.
        Sales rose in spring. Costs fell this year. Plants grew in size.
        2. Plan
        | What the plan covers | What it does not cover | Why it matters |
        |---|---|---|
        | Plants in Europe. | Plants in Asia. | Sets the budget. |
        | Chips for widgets. | Chips for gadgets. | Sets the supply. |
        3. Sellers
        Stores that stock Orbit gadgets report Orbit sales rising. Orbit and Gizmo compete for Orbit buyers in Orbit markets.
        Orbit, a lighting maker from Lyon, sells through hardware stores.
        Gizmo counted 12M monthly buyers in 2025, and its kits sold out twice.
        The company cut its kit prices by 20% in 2025.
        Gizmo spent $5M on ads in 2024, and its ad budget for 2026 is $7M.
        The Kite Lamp 2 ships in May 2026. The Kite Lamp 2 is purpose-designed for night reading in Lyon homes.
        Orbit engineers designed the lamp range over two years.
        Gizmo says its kits reach Lyon stores in coming weeks.
        Through 2024, Orbit's public posture favoured open designs. Its March 2025 lamp charter still argues for open designs, while each release depends on review.
        """;
}

public sealed class LexicalListNote() : SyntheticNote(semantic: false, ListNote.Text);

public sealed class SemanticListNote() : SyntheticNote(semantic: true, ListNote.Text);

public sealed class ListNoteLexicalTests(LexicalListNote note) : ListNoteTests(note), IClassFixture<LexicalListNote>;

public sealed class ListNoteSemanticTests(SemanticListNote note) : ListNoteTests(note), IClassFixture<SemanticListNote>;

/// <summary>Lists asked for, with the encoders off and on.</summary>
public abstract class ListNoteTests(SyntheticNote note)
{
    private Answer Ask(string q) => note.Ask(q);

    [Theory]
    [InlineData("how much did gizmo spend on ads in 2024 and 2026?")]
    [InlineData("gizmo ad spending 2024 vs 2026")]
    public void One_figure_asked_for_two_periods_headlines_each_period_s_own(string question)
    {
        // no one clause gives a figure for both years: each year is asked on its own, and each figure named with its year
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**$5M** (2024) · **$7M** (2026)", a.Headline);
        Assert.Equal(1, a.Text.Split("Gizmo spent $5M").Length - 1);
    }

    [Theory]
    [InlineData("how much did gizmo spend on ads in 2024 and 2029?")]
    [InlineData("gizmo ad spending for 2029 and 2024")]
    public void One_figure_asked_for_two_periods_the_note_gives_one_of_answers_that_one_and_says_it_has_no_other(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("$5M", a.Headline, StringComparison.Ordinal);
        Assert.Contains("The note does not say", a.Text, StringComparison.Ordinal);
        Assert.Contains("2029", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_periods_set_against_each_other_are_refused_whole_when_the_note_gives_only_one()
    {
        // no comparison can be made with one side missing
        var a = Ask("gizmo ad spending in 2029 versus 2024?");
        Assert.True(a.Abstained, a.Text);
    }

    [Fact]
    public void A_part_a_row_answers_beside_a_part_that_names_a_column_gets_the_whole_row()
    {
        // "why does it matter?" names the why column; the other part is what another cell of the row says
        var a = Ask("for chips for widgets in the plan table, what about gadgets, and why does that matter?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Chips for gadgets", a.Text, StringComparison.Ordinal);
        Assert.Contains("Sets the supply", a.Text, StringComparison.Ordinal);
        Assert.Null(a.Headline);
    }

    [Fact]
    public void Who_did_an_act_is_answered_by_the_unit_that_says_the_act_not_by_a_compound_that_describes_the_thing()
    {
        // "purpose-designed" says what the lamp is for, not who designed it
        var a = Ask("who designed the kite lamp 2?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("“Orbit engineers designed", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when did orbit put out its lamp charter?")]
    [InlineData("what month was orbit's lamp charter?")]
    public void A_sentence_that_calls_a_thing_its_answers_for_the_name_the_sentence_before_says(string question)
    {
        // "Its March 2025 lamp charter …" is Orbit's: the sentence before it names Orbit
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("March 2025", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_note_gives_no_date_but_says_when_in_words_it_says_so_with_the_quote()
    {
        var a = Ask("when do gizmo kits reach lyon stores?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("No date — the note says “in coming weeks”:", a.Text, StringComparison.Ordinal);
        // a place the sentence does not say is still no answer
        Assert.True(Ask("when do gizmo kits reach paris stores?").Abstained);
    }

    [Theory]
    [InlineData("what date do gizmo kits reach lyon stores?")]
    [InlineData("which day will gizmo kits hit lyon stores?")]
    public void A_date_asked_by_name_where_the_note_says_when_only_in_words_is_not_given_and_it_says_so(string question)
    {
        // "when" is answered by "in coming weeks"; a date or day named is a day on the calendar, which it does not give
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("No date — the note says “in coming weeks”:", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when do gizmo kits hit lyon stores?")]
    [InlineData("when will gizmo kits land in lyon stores?")]
    public void When_asked_with_a_verb_the_note_does_not_use_the_words_it_says_when_in_still_answer(string question)
    {
        // the act asked ("hit", "land") may go unsaid; the names asked about may not
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("No date — the note says “in coming weeks”:", a.Text, StringComparison.Ordinal);
        Assert.True(Ask("when do gizmo kits hit paris stores?").Abstained);
    }

    [Theory]
    [InlineData("what's the exact date gizmo kits reach lyon stores?")]
    [InlineData("does the note give a date for gizmo kits reaching lyon stores?")]
    public void An_exact_date_asked_where_the_note_says_when_only_in_words_is_refused_with_those_words_quoted_alone(string question)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("No date — the note says “in coming weeks”:", a.Text, StringComparison.Ordinal);
        Assert.Single(a.Citations);
    }

    [Theory]
    [InlineData("when does the kite lamp 3 ship?", "The note does not mention “kite lamp 3” — it names Kite Lamp 2 (§3 Sellers).")]
    [InlineData("does the note say anything about the Kite Lamp 3?", "**No** — the note does not mention “Kite Lamp 3”: it names Kite Lamp 2 (§3 Sellers).")]
    public void A_version_of_a_name_the_note_never_gives_is_refused_naming_the_one_it_does(string question, string opening)
    {
        var a = Ask(question);
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith(opening, a.Text, StringComparison.Ordinal);
        Assert.Contains("May 2026", Ask("when does the kite lamp 2 ship?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("by how much did Gizmo cut kit prices?")]
    [InlineData("by how much did the firm cut kit prices?")]
    public void The_note_s_subject_is_said_where_a_sentence_calls_it_the_company(string question)
    {
        // Gizmo is the name the note uses most, so "the company" in its sentences is Gizmo: a figure question that
        // names Gizmo is answered by the sentence that says "The company", not refused for a name it does not say
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("20%", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_several_later_lists_in_the_paragraph_the_one_that_says_the_question_answers_it()
    {
        // "… built around home safety." introduces; the next sentence lists what a kit holds; the one after, what Gizmo
        // promotes, and only it says Gizmo
        var a = Ask("what home safety uses does the Gizmo line have?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("leak alerts", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_asked_for_its_label_column_lists_the_labels_and_a_negated_column_only_for_a_negated_question()
    {
        var covered = Ask("what does the plan cover?");
        Assert.False(covered.Abstained, covered.Text);
        Assert.Contains("Plants in Europe", covered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Plants in Asia", covered.Text, StringComparison.Ordinal);
        var left = Ask("what does the plan not cover?");
        Assert.Contains("Plants in Asia", left.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is orbit?")]
    [InlineData("who's Orbit, according to the note?")]
    public void A_definition_asked_of_a_name_is_answered_first_by_the_sentence_that_says_what_it_is(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("“Orbit, a lighting maker", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("why does the plan cover plants in europe?")]
    [InlineData("so how come the plan covers chips for widgets?")]
    public void A_reason_asked_of_a_row_is_its_why_column_not_the_whole_table(string question)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Matches(@"^\*\*Sets the (?:budget|supply)\.\*\*", a.Headline ?? "");
        Assert.DoesNotContain("Plants in Asia", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Persons_counted_asked_as_a_bare_phrase_get_the_count_whose_clause_says_them()
    {
        Assert.Equal("**12M**", Ask("gizmo monthly buyers?").Headline);
        // the note counts Gizmo's buyers only
        Assert.True(Ask("orbit monthly buyers?").Abstained);
    }

    [Fact]
    public void A_member_introduced_by_the_noun_the_asked_word_modifies_is_named()
    {
        // "use cases such as A and B" names members of "uses"
        var a = Ask("Which uses do reviewers praise?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("night alerts", a.Text, StringComparison.Ordinal);
    }
}
