namespace MuseBot.Core.Tests;

/// <summary>A note of our own that sets two compared things side by side on one measure in a sentence, and says in
/// words where one is weaker; kept apart so that its words do not change the other notes' frequent words.</summary>
public static class ComparedNote
{
    public const string Text = """
        Widget Note
        1. Ratings
        Reviewers also place Acme Oven slightly ahead of Zeta Gizmo on kitchen speed, 53 versus 52.
        Against Acme Oven, Zeta Gizmo appears weaker on the heavy baking axis.
        Shoppers say small kitchens need quiet gadgets. Stores stock most gadgets in most regions. Prices fell last year.
        2. Products
        Reviewers compare the products on price.
        | Model | Kitchen speed | Price |
        |---|---|---|
        | Zeta Gizmo | 52 | $40 |
        | Acme Oven | 53 | $90 |
        """;
}

public sealed class LexicalComparedNote() : SyntheticNote(semantic: false, ComparedNote.Text);

public sealed class SemanticComparedNote() : SyntheticNote(semantic: true, ComparedNote.Text);

public sealed class ComparedNoteLexicalTests(LexicalComparedNote note) : ComparedNoteTests(note), IClassFixture<LexicalComparedNote>;

public sealed class ComparedNoteSemanticTests(SemanticComparedNote note) : ComparedNoteTests(note), IClassFixture<SemanticComparedNote>;

/// <summary>Two compared things' figures headline a comparison on a measure, not a question for the measure, with the
/// encoders off and on.</summary>
public abstract class ComparedNoteTests(SyntheticNote note)
{
    [Theory]
    [InlineData("what is zeta gizmo worse at than acme oven?")]
    [InlineData("what's zeta gizmo behind on?")]
    public void A_question_for_the_measure_one_thing_is_behind_on_headlines_no_one_measure(string question)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.DoesNotContain("**", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_on_a_measure_headlines_each_side_s_figure() =>
        Assert.StartsWith("**Zeta Gizmo 52** vs **Acme Oven 53**", note.Ask("zeta gizmo vs acme oven on kitchen speed").Text, StringComparison.Ordinal);
}
