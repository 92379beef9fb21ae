namespace MuseBot.Core.Tests;

/// <summary>A note of our own whose table lists, row by row, what a launch supports and what still requires separate
/// work; kept apart so that its words do not change the other notes' frequent words.</summary>
public static class DoubtNote
{
    public const string Text = """
        Widget Note
        1. Overview
        Acme launched the Zeta widget in March 2026 and sells it in its own shops.
        Acme spent $4B on plants in 2025 and guided 2026 plant spending to $5B-$6B.
        2. Plants
        The launch supports the view that Acme keeps building plants at scale.
        | Plant question | What this launch supports | What still requires separate work |
        |---|---|---|
        | Spending commitment | The 2025 spend and the 2026 plant budget support sustained building. | Exact cadence of plant build-out and conversion of spend into running capacity. |
        | Serving scale | Rollout across Acme shops implies real demand. | Size of per-shop demand, margin impact, and exact usage curves. |
        """;
}

public sealed class LexicalDoubtNote() : SyntheticNote(semantic: false, DoubtNote.Text);

public sealed class SemanticDoubtNote() : SyntheticNote(semantic: true, DoubtNote.Text);

public sealed class DoubtNoteLexicalTests(LexicalDoubtNote note) : DoubtNoteTests(note), IClassFixture<LexicalDoubtNote>;

public sealed class DoubtNoteSemanticTests(SemanticDoubtNote note) : DoubtNoteTests(note), IClassFixture<SemanticDoubtNote>;

/// <summary>Questions the note answers only with its own doubt, with the encoders off and on.</summary>
public abstract class DoubtNoteTests(SyntheticNote note)
{
    [Theory]
    [InlineData("how fast does acme's spend turn into running capacity?", "Exact cadence of plant build-out")]
    [InlineData("how big is the per-shop margin impact?", "margin impact")]
    public void A_question_only_a_cell_of_the_notes_doubts_speaks_of_is_answered_with_that_cell_and_its_doubt(string question, string cell)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains(cell, a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Flags, f => f.Reason.Contains("separate work", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cell_that_carries_the_question_is_quoted_beside_the_column_a_header_word_names()
    {
        // "launch" names the supports column; the cadence asked is said in the other
        var a = note.Ask("does the launch tell us the cadence of acme's plant build-out?");
        Assert.Contains("What still requires separate work: Exact cadence", a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Flags, f => f.Reason.Contains("separate work", StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_asked_that_only_the_doubted_cell_says_carries_its_doubt_though_another_cell_says_more_of_the_question()
    {
        // "rollout across acme shops" is the supports cell's; "margin" only the doubted cell's
        var a = note.Ask("what does the note say about the margin hit from the rollout across acme shops?");
        Assert.Contains("margin impact", a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Flags, f => f.Reason.Contains("separate work", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("on serving scale, what does the launch not tell us yet?")]
    [InlineData("what's still unproven on serving scale after the launch?")]
    public void What_a_row_leaves_unknown_is_its_column_of_doubts_not_the_column_a_header_word_names(string question)
    {
        var a = note.Ask(question);
        Assert.Contains("What still requires separate work: Size of per-shop demand", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("What this launch supports:", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Asked_whether_the_note_gives_a_figure_only_a_cell_of_its_doubts_speaks_of_the_answer_is_no_and_that_cell()
    {
        var a = note.Ask("does the note give a figure for the margin impact?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**No** — the note gives no figure for the margin impact", a.Text, StringComparison.Ordinal);
        Assert.Contains("margin impact, and exact usage curves", a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Flags, f => f.Reason.Contains("separate work", StringComparison.Ordinal));
    }

    [Fact]
    public void A_period_the_note_does_not_give_is_still_refused_though_a_doubt_speaks_of_the_thing()
    {
        var a = note.Ask("what did acme spend on plant build-out in 2023?");
        Assert.True(a.Abstained, a.Text);
    }
}
