namespace MuseBot.Core.Tests;

/// <summary>A note of our own whose sentences say what a thing is not and, after it, what it is; kept apart so that
/// its words do not change the other notes' frequent words.</summary>
public static class ContrastNote
{
    public const string Text = """
        Gadget Note
        1. Review
        For this review, price is helpful but not the main finding. The strongest finding is that the Gizmo kit outlasts rival kits.
        Orbit does not make widgets. Orbit says its lamps last ten years. Those are Orbit claims, not independently established proof.
        Acme serves its kits at retail scale, not as a lab demo. Acme sells through hardware stores in most regions.
        2. Risks
        Widget sales may slow in 2026 if prices rise.
        """;
}

public sealed class LexicalContrastNote() : SyntheticNote(semantic: false, ContrastNote.Text);

public sealed class SemanticContrastNote() : SyntheticNote(semantic: true, ContrastNote.Text);

public sealed class ContrastNoteLexicalTests(LexicalContrastNote note) : ContrastNoteTests(note), IClassFixture<LexicalContrastNote>;

public sealed class ContrastNoteSemanticTests(SemanticContrastNote note) : ContrastNoteTests(note), IClassFixture<SemanticContrastNote>;

/// <summary>What a thing is, said after what it is not, with the encoders off and on.</summary>
public abstract class ContrastNoteTests(SyntheticNote note)
{
    [Fact]
    public void After_what_a_thing_is_not_the_sentence_that_says_what_it_is_answers_too()
    {
        var a = note.Ask("is price the main finding of the review?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("not the main finding", a.Text, StringComparison.Ordinal);
        Assert.Contains("outlasts rival kits", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_the_note_doubts_is_not_added_after_a_negation()
    {
        var a = note.Ask("does orbit make widgets?");
        Assert.Contains("does not make widgets", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ten years", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contrast_after_a_comma_has_said_what_the_thing_is_already()
    {
        var a = note.Ask("is acme's kit just a lab demo?");
        Assert.Contains("not as a lab demo", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hardware stores", a.Text, StringComparison.Ordinal);
    }
}
