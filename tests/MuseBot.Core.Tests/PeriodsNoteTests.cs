namespace MuseBot.Core.Tests;

/// <summary>A note of our own that reports figures for a quarter and for a year, with no day or month of any event;
/// kept apart so that its words do not change the other notes' frequent words.</summary>
public static class PeriodsNote
{
    public const string Text = """
        Widget Note
        1. Results
        In Q3 2025, Widget sales rose 12% and Gizmo returns fell by a third.
        Acme shipped 40,000 Gizmo units in 2024, its best year so far.
        """;
}

public sealed class LexicalPeriodsNote() : SyntheticNote(semantic: false, PeriodsNote.Text);

public sealed class SemanticPeriodsNote() : SyntheticNote(semantic: true, PeriodsNote.Text);

public sealed class PeriodsNoteLexicalTests(LexicalPeriodsNote note) : PeriodsNoteTests(note), IClassFixture<LexicalPeriodsNote>;

public sealed class PeriodsNoteSemanticTests(SemanticPeriodsNote note) : PeriodsNoteTests(note), IClassFixture<SemanticPeriodsNote>;

/// <summary>"Which quarter …?", "what year …?": a date as coarse as the one asked answers it, with the encoders off and on.</summary>
public abstract class PeriodsNoteTests(SyntheticNote note)
{
    [Theory]
    [InlineData("which quarter did widget sales rise 12%?", "Q3 2025")]
    [InlineData("what quarter are the widget sales figures from", "Q3 2025")]
    [InlineData("what year did acme ship 40,000 gizmo units?", "2024")]
    public void A_quarter_or_a_year_answers_a_question_for_one(string question, string period)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains(period, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_does_not_answer_a_question_for_its_quarter()
    {
        var a = note.Ask("which quarter did acme ship 40,000 gizmo units?");
        Assert.DoesNotContain("**2024**", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quarter_asked_about_is_not_the_kind_of_date_asked()
    {
        // "the quarter before Q3" asks about another quarter, which the note does not report
        var a = note.Ask("what did widget sales do in the quarter before Q3 2025?");
        Assert.DoesNotContain("12%", a.Headline ?? "", StringComparison.Ordinal);
    }
}
