using MuseBot.Contracts;
using MuseBot.Core.Answering;

namespace MuseBot.Core.Tests;

/// <summary>How a place in a table is read from a question's words, apart from any note.</summary>
public sealed class TablePositionReadingTests
{
    [Theory]
    [InlineData("3rd watch item in the catalysts table?", 3, "watch item")]
    [InlineData("last row of the feature table?", -1, "row")]
    [InlineData("bottom row - what does it say?", -1, "row")]
    [InlineData("the second-to-last entry?", -2, "entry")]
    [InlineData("what's the last dimension listed?", -1, "dimension")]
    public void An_ordinal_before_a_noun_is_a_place_counted_from_the_top_or_the_bottom(string question, int ordinal, string noun)
    {
        var p = TablePosition.Read(question);
        Assert.NotNull(p);
        Assert.Equal(ordinal, p.Ordinal);
        Assert.Equal(noun, p.Noun);
        Assert.Equal(0, p.Step);
    }

    [Theory]
    [InlineData("whats in the row right after gpt-5 in the table", 1, "gpt-5")]
    [InlineData("the row before bolt app, what's its price?", -1, "bolt app")]
    [InlineData("and the one after that", 1, null)]
    [InlineData("next row?", 1, null)]
    public void A_row_set_from_another_keeps_the_words_that_name_that_row(string question, int step, string? anchor)
    {
        var p = TablePosition.Read(question);
        Assert.NotNull(p);
        Assert.Equal(step, p.Step);
        Assert.Equal(anchor, p.Anchor);
    }

    [Theory]
    [InlineData("how many rows in the maker table?", "rows")]
    [InlineData("how many watch items are there?", "watch items")]
    public void How_many_of_a_plural_asks_a_count(string question, string noun)
    {
        var p = TablePosition.Read(question);
        Assert.NotNull(p);
        Assert.True(p.Count);
        Assert.Equal(noun, p.Noun);
    }

    [Theory]
    [InlineData("what's the bottom line on capex?")]          // an idiom, no row
    [InlineData("who's the top model on GizmoTest?")]          // a rank by value, not a row's place
    [InlineData("is it the first of a named lineup?")]        // an ordinal with no noun after it
    [InlineData("what happened after the launch?")]            // time, not a row
    [InlineData("how many of the four makers beat Acme?")]    // counts some of them, by what their cells say
    public void Words_that_only_resemble_a_place_are_none(string question) => Assert.Null(TablePosition.Read(question));

    [Fact]
    public void A_place_among_tables_is_read_beside_the_row_it_asks()
    {
        var p = TablePosition.Read("first table in the overview - last dimension listed?");
        Assert.NotNull(p);
        Assert.Equal(1, p.TableOrdinal);
        Assert.Equal(-1, p.Ordinal);
        Assert.True(p.InTable);
    }
}

/// <summary>A note with two tables of four and three rows, in two sections.</summary>
public abstract class TablePlacesNote(bool semantic) : SyntheticNote(semantic, Text)
{
    public const string Text = """
    Gadget Market Note
    1. Makers
    Four makers compete on gadgets.
    | Maker | Benchmark position | Capacity | Outlook |
    |---|---|---|---|
    | Acme Widget | GizmoTest 41% | 2M units | Strong retail reach. |
    | Zeta Widget | GizmoTest 44% | 5M units | Leads on scale. |
    | Orbit Widget | GizmoTest 38% | 1M in beta | Early and unproven. |
    | Vexo Widget | GizmoTest 40% | 3M units | Steady challenger. |
    2. Watchlist
    Three signals decide the call. Zeta's retail rollout at Bolt Mart is the signal analysts watch most.
    | Watch item | What to look for | Why it matters |
    |---|---|---|
    | Retail rollout | Wider shelf presence at Bolt Mart. | Tests demand. |
    | Price cuts | Lower list prices before the holidays. | Tests margins. |
    | Plant openings | New capacity in Nimbus. | Tests supply. |
    """;
}

public sealed class LexicalTablePlacesNote() : TablePlacesNote(semantic: false);

public sealed class SemanticTablePlacesNote() : TablePlacesNote(semantic: true);

public sealed class TablePlacesLexicalTests(LexicalTablePlacesNote note) : TablePlacesTests(note), IClassFixture<LexicalTablePlacesNote>;

public sealed class TablePlacesSemanticTests(SemanticTablePlacesNote note) : TablePlacesTests(note), IClassFixture<SemanticTablePlacesNote>;

/// <summary>Rows asked by where they stand: the row counted in its table's order, the table named by the question's
/// other words, the column its remaining words name.</summary>
public abstract class TablePlacesTests(TablePlacesNote note)
{
    private Answer Ask(string q, string? previous = null) => note.Engine.Answers.AnswerAsync(new Question(q, previous)).GetAwaiter().GetResult();

    [Theory]
    [InlineData("2nd watch item?", "Price cuts")]
    [InlineData("last row of the maker table?", "Vexo Widget")]
    [InlineData("what's the third maker listed in the table?", "Orbit Widget")]
    [InlineData("bottom row of the watchlist table", "Plant openings")]
    public void A_row_asked_by_its_place_is_that_row_of_the_table_named(string question, string row)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal($"**{row}**", a.Headline);
        Assert.Equal(row, Assert.Single(a.Citations).Row);
    }

    [Theory]
    [InlineData("whats the capacity column say for the row right after zeta widget", "1M in beta")]
    [InlineData("the row before Vexo in the maker table - what's its outlook?", "Early and unproven.")]
    [InlineData("first watch item: why does it matter?", "Tests demand.")]
    public void The_column_the_question_names_is_the_cell_it_headlines(string question, string cell)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal($"**{cell}**", a.Headline);
    }

    [Theory]
    [InlineData("what does the retail rollout row say?", "Retail rollout")]
    [InlineData("what's the 'plant openings' line in the watchlist?", "Plant openings")]
    public void A_row_named_by_its_whole_label_before_a_word_for_a_row_is_quoted_first(string question, string row)
    {
        var a = Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Equal(row, a.Citations[0].Row);
    }

    [Theory]
    [InlineData("what's the 'price cuts' line in the watchlist?", "Price cuts")]
    [InlineData("the retail rollout row - why does it matter?", "Retail rollout")]
    [InlineData("what does the line on retail rollout say?", null)]          // the label is not what stands before the word for a row
    [InlineData("which retail rollout is the next line of gadgets in?", null)] // "line" of products, no row
    public void A_row_is_named_by_its_whole_label_right_before_a_word_for_a_row(string question, string? row)
    {
        var model = new MuseBot.Core.Understanding.NoteModel(MuseBot.Core.Note.NoteParser.Parse(TablePlacesNote.Text), MuseBot.Core.Understanding.Glossary.Empty);
        var reader = new QuestionReader(model, new MuseBot.Core.Retrieval.NoteVocabulary(model.Document));
        var locator = new RowLocator(model, EngineTuning.Default);
        Assert.Equal(row, locator.Labelled(reader.Read(question), RowWord)?.Passage.Row);
    }

    private static readonly System.Text.RegularExpressions.Regex RowWord = new(@"\b(?:row|line|entry)\b");

    [Fact]
    public void A_count_of_rows_is_the_number_of_rows_with_each_label()
    {
        var a = Ask("how many watch items are on the watchlist?");
        Assert.False(a.Abstained, a.Text);
        Assert.Equal("**3**", a.Headline);
        Assert.Equal(["Retail rollout", "Price cuts", "Plant openings"], a.Citations.Select(c => c.Row));
    }

    [Fact]
    public void A_count_with_a_condition_is_not_the_number_of_rows()
    {
        // "above 40%" asks which rows' cells pass it: four rows is no answer
        var a = Ask("how many makers in the table score above 40% on GizmoTest?");
        Assert.NotEqual("**4**", a.Headline);
    }

    [Fact]
    public void A_place_past_the_last_row_is_refused_with_how_many_there_are()
    {
        var a = Ask("5th watch item?");
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("has 3 rows", a.Text, StringComparison.Ordinal);
        Assert.Contains("Plant openings", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_one_after_that_follows_the_row_the_previous_question_pointed_to()
    {
        Assert.Equal("**Plant openings**", Ask("and the one after that?", "2nd watch item?").Headline);
        // … named by its label, not counted
        Assert.Equal("**Vexo Widget**", Ask("and the next row?", "what does the orbit widget row say?").Headline);
    }

    [Fact]
    public void A_follow_up_asking_another_column_keeps_the_previous_place()
    {
        var a = Ask("and its capacity?", "bottom row of the maker table - whats the outlook col say");
        Assert.Equal("**3M units**", a.Headline);
    }

    [Fact]
    public void An_ordinal_that_is_no_place_in_a_table_is_answered_from_what_the_note_says()
    {
        // "first" here is said of nothing in a table: the note's sentences answer, not the first row
        var a = Ask("what does the note say is the first signal that decides the call?");
        Assert.NotEqual("**Acme Widget**", a.Headline);
        Assert.NotEqual("**Retail rollout**", a.Headline);
    }
}
