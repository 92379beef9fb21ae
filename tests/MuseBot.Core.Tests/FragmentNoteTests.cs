namespace MuseBot.Core.Tests;

/// <summary>A note of our own that gives one figure for a maker's apps and another for its assistant in one sentence;
/// kept apart so that its words do not change the other notes' frequent words.</summary>
public static class FragmentNote
{
    public const string Text = """
        Gadget Note
        1. Reach
        Acme makes widgets and apps for homes.
        That plan fits a maker that already had 900M daily active people across its apps in December 2025 and more than 200M monthly Gizmo helper users.
        Orbit sells lamps through hardware stores in most regions.
        2. Risks
        Widget sales may slow in 2026 if prices rise.
        """;
}

public sealed class LexicalFragmentNote() : SyntheticNote(semantic: false, FragmentNote.Text);

public sealed class SemanticFragmentNote() : SyntheticNote(semantic: true, FragmentNote.Text);

public sealed class FragmentNoteLexicalTests(LexicalFragmentNote note) : FragmentNoteTests(note), IClassFixture<LexicalFragmentNote>;

public sealed class FragmentNoteSemanticTests(SemanticFragmentNote note) : FragmentNoteTests(note), IClassFixture<SemanticFragmentNote>;

/// <summary>A follow-up fragment with words of its own, with the encoders off and on.</summary>
public abstract class FragmentNoteTests(SyntheticNote note)
{
    private const string Daily = "how many people use acme's apps every day?";

    [Fact]
    public void A_fragment_with_words_of_its_own_is_asked_without_the_words_it_sets_aside()
    {
        // "acme's apps" carried over would leave the helper's figure half met, and refused
        var a = note.Ask("and the helper itself, monthly?", Daily);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("more than 200M", a.Headline ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_fragment_about_what_the_note_lacks_is_still_refused()
    {
        var a = note.Ask("and the warranty claims, monthly?", Daily);
        Assert.True(a.Abstained, a.Text);
        Assert.DoesNotContain("200M", a.Headline ?? "", StringComparison.Ordinal);
    }
}
