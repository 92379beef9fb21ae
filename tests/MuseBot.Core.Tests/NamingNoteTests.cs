namespace MuseBot.Core.Tests;

/// <summary>A note of our own that names a thing in the middle of the phrase describing it ("deep-search Turbo
/// mode") and under a column that says what kind of thing it is ("Benchmark position"); kept apart so that its words
/// do not change the other notes' frequent words.</summary>
public static class NamingNote
{
    public const string Text = """
        Widget Note
        1. Overview
        Zeta launched its assistant in March 2026 for shoppers.
        | Feature | Position |
        |---|---|
        | Modes | Zeta describes quick-look, careful, and deep-search Turbo modes. |
        | Inputs | Voice and photos in, text out. |
        2. Rivals
        Reviewers rank the assistants on public tests.
        | Maker | Benchmark position | Price |
        |---|---|---|
        | Zeta | GizmoTest 41, WidgetBench 77% | Free |
        | Acme | GizmoTest 38 | Paid |
        """;
}

public sealed class LexicalNamingNote() : SyntheticNote(semantic: false, NamingNote.Text);

public sealed class SemanticNamingNote() : SyntheticNote(semantic: true, NamingNote.Text);

public sealed class NamingNoteLexicalTests(LexicalNamingNote note) : NamingNoteTests(note), IClassFixture<LexicalNamingNote>;

public sealed class NamingNoteSemanticTests(SemanticNamingNote note) : NamingNoteTests(note), IClassFixture<SemanticNamingNote>;

/// <summary>What a thing is called, asked of the words that describe it or of a figure it has, with the encoders off and on.</summary>
public abstract class NamingNoteTests(SyntheticNote note)
{
    [Fact]
    public void A_name_said_right_after_the_words_asked_in_one_phrase_is_the_name_asked_for()
    {
        var a = note.Ask("whats the deep search one called");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Turbo", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_asked_in_a_unit_the_note_gives_none_in_is_refused()
    {
        var a = note.Ask("what's the latency of the quick-look mode, in ms?");
        Assert.True(a.Abstained, a.Text);
    }

    [Fact]
    public void A_figure_asked_what_it_is_for_is_named_by_the_cell_under_the_column_the_question_names()
    {
        var a = note.Ask("which benchmark is the 41 for?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("GizmoTest 41", a.Text, StringComparison.Ordinal);
    }
}
