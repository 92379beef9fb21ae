namespace MuseBot.Core.Tests;

/// <summary>A note of our own in which a judge sets things at a standing ("places it at 41"); kept apart so that its
/// words do not change the other notes' frequent words.</summary>
public static class JudgingNote
{
    public const string Text = """
        Widget Note
        1. Overview
        Zeta launched its assistant in March 2026 for shoppers.
        The Nimbus Review Board places it at 41 on GizmoTest, behind Acme at 44.
        Acme sells through retailers in most regions.
        """;
}

public sealed class LexicalJudgingNote() : SyntheticNote(semantic: false, JudgingNote.Text);

public sealed class SemanticJudgingNote() : SyntheticNote(semantic: true, JudgingNote.Text);

public sealed class JudgingNoteLexicalTests(LexicalJudgingNote note) : JudgingNoteTests(note), IClassFixture<LexicalJudgingNote>;

public sealed class JudgingNoteSemanticTests(SemanticJudgingNote note) : JudgingNoteTests(note), IClassFixture<SemanticJudgingNote>;

/// <summary>Who judged a thing, asked in other words than the note's, with the encoders off and on.</summary>
public abstract class JudgingNoteTests(SyntheticNote note)
{
    [Theory]
    [InlineData("who puts zeta at 41 on gizmotest?")]
    [InlineData("who ranked zeta 41 on gizmotest?")]
    public void A_verb_of_setting_at_a_standing_is_met_by_the_notes_own(string question)
    {
        // "puts", "ranked" and "places" name one act: the judge the note names answers
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("The Nimbus Review Board places it at 41", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_act_asked_of_the_judged_thing_is_still_not_said()
    {
        // the note names who ranks Zeta and who launched it, never who built it
        Assert.True(note.Ask("who built zeta's assistant?").Abstained);
    }
}
