namespace MuseBot.Core.Tests;

/// <summary>A note of our own that names who rates the products in one sentence and gives the same rater's other figures
/// in the next, which refers back to it ("The same test service ranks …"); kept apart so that its words do not change
/// the other notes' frequent words.</summary>
public static class RaterNote
{
    public const string Text = """
        Widget Note
        1. Ratings
        Nimbus Labs places Zeta Gizmo at 52 on the Kitchen Index, behind Acme Oven at 57. The same test service ranks Zeta Gizmo at 81% on WidgetBench, just behind Acme Oven at 82%.
        Omega describes Acme Oven as its largest model, with a 1.05M token window and 75.0% on GadgetTest. Delta describes Zeta Gizmo as its newest model, with a 1M token window.
        Shoppers say small kitchens need quiet gadgets. Stores stock most gadgets in most regions. Prices fell last year.
        2. Products
        Reviewers compare the products on price.
        | Model | Kitchen Index | Price |
        |---|---|---|
        | Zeta Gizmo | 52 | $40 |
        | Acme Oven | 57 | $90 |
        """;
}

public sealed class LexicalRaterNote() : SyntheticNote(semantic: false, RaterNote.Text);

public sealed class SemanticRaterNote() : SyntheticNote(semantic: true, RaterNote.Text);

public sealed class RaterNoteLexicalTests(LexicalRaterNote note) : RaterNoteTests(note), IClassFixture<LexicalRaterNote>;

public sealed class RaterNoteSemanticTests(SemanticRaterNote note) : RaterNoteTests(note), IClassFixture<SemanticRaterNote>;

/// <summary>Who stands behind a figure the note gives in a sentence that refers back to the one before it, with the
/// encoders off and on.</summary>
public abstract class RaterNoteTests(SyntheticNote note)
{
    [Theory]
    [InlineData("who ranks zeta gizmo on widgetbench?", null)]
    [InlineData("who runs those benchmarks", "widgetbench zeta gizmo vs acme oven")]   // a follow-up to a comparison
    [InlineData("whose numbers are those", "widgetbench zeta gizmo vs acme oven")]
    public void Who_is_answered_by_the_sentence_a_quote_refers_back_to(string question, string? previous)
    {
        var a = note.Ask(question, previous);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("Nimbus Labs places Zeta Gizmo", a.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zeta gizmo vs acme oven on widgetbench, who wins?")]
    [InlineData("who wins on widgetbench, zeta gizmo or acme oven?")]
    [InlineData("who's ahead on widgetbench, zeta gizmo or acme oven?")]
    public void Which_of_two_compared_things_wins_is_answered_by_their_own_sentence(string question)
    {
        // "who wins" asks which of the two: the sentence that gives both their figures answers, not the rater's
        var a = note.Ask(question);
        Assert.StartsWith("The same test service", a.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_that_gives_one_thing_another_s_figure_is_corrected()
    {
        // the note speaks to the claim: No, with the thing's own figure and whose the stated one is, not "does not say"
        var a = note.Ask("zeta gizmo is the one with the 1.05M window?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**No** — the note gives 1.05M token window for Acme Oven:", a.Text, StringComparison.Ordinal);
        Assert.Equal(["Delta describes Zeta Gizmo", "Omega describes Acme Oven"], a.Citations.Select(c => string.Join(' ', c.Quote.Split(' ').Take(4))));
        Assert.StartsWith("**Yes**", note.Ask("acme oven is the one with the 1.05M window?").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zeta gizmo did 75% on gadgettest?")]
    [InlineData("Zeta Gizmo scored 75.0% on GadgetTest — is that what the note says?")]
    public void A_claim_that_gives_one_thing_another_s_percentage_is_corrected_with_what_it_measures(string question)
    {
        // a percentage is as much a stated figure as "1.05M": the No says what the note gives it for, and to whom
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("**No** — the note gives 75.0% on GadgetTest for Acme Oven:", a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Citations, c => c.Quote.StartsWith("Omega describes Acme Oven", StringComparison.Ordinal));
    }

    [Fact]
    public void A_question_that_names_a_thing_by_another_s_figure_is_no_claim_to_correct()
    {
        // a wh-question asks about the thing its figure names: no "No" to it, whose the figure is instead
        var a = note.Ask("what's zeta gizmo's 1.05M window?");
        Assert.DoesNotContain("**No**", a.Text, StringComparison.Ordinal);
        Assert.Contains("for Acme Oven", a.Text, StringComparison.Ordinal);
    }
}
