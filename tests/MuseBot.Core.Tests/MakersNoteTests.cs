namespace MuseBot.Core.Tests;

/// <summary>A note of our own that names a product's maker and the maker's leader in one sentence ("the first product
/// from Nimbus Labs under Dana Reed"); kept apart so that its words do not change the other notes' frequent words.</summary>
public static class MakersNote
{
    public const string Text = """
        Widget Note
        1. Overview
        Zeta Gizmo, launched in March 2026, is the first product from Nimbus Labs under Dana Reed.
        Acme sells through retailers in most regions and competes with Zeta Gizmo on price.
        Shoppers say Zeta Gizmo is purpose-built for small kitchens.
        """;
}

public sealed class LexicalMakersNote() : SyntheticNote(semantic: false, MakersNote.Text);

public sealed class SemanticMakersNote() : SyntheticNote(semantic: true, MakersNote.Text);

public sealed class MakersNoteLexicalTests(LexicalMakersNote note) : MakersNoteTests(note), IClassFixture<LexicalMakersNote>;

public sealed class MakersNoteSemanticTests(SemanticMakersNote note) : MakersNoteTests(note), IClassFixture<SemanticMakersNote>;

/// <summary>Who made or leads a product, where the note names its maker and the maker's leader, with the encoders off and on.</summary>
public abstract class MakersNoteTests(SyntheticNote note)
{
    [Theory]
    [InlineData("who runs zeta gizmo?")]                   // led by the leader of what it comes from
    [InlineData("who heads up zeta gizmo")]
    [InlineData("who built zeta gizmo?")]                  // made by what it comes from
    [InlineData("who made zeta gizmo?")]
    [InlineData("who's behind zeta gizmo?")]
    [InlineData("who are the people behind zeta gizmo")]
    public void A_product_is_made_and_led_by_what_the_note_says_it_comes_from(string question)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("from Nimbus Labs under Dana Reed", a.Citations[0].Quote, StringComparison.Ordinal);
    }
}
