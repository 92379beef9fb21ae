using MuseBot.Contracts;

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
        Acme guided 2026 spending to $15B-$20B.
        The 2026 spending guide of Acme is the plan that backs its new Gizmo plants.
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

    [Theory]
    [InlineData("is acme's 2026 spending guide 15-20B?", "15-20B")]
    [InlineData("did acme guide 2026 spending to 15-20 billion?", "15-20")]
    public void A_figure_asked_in_another_form_is_met_where_the_note_gives_the_same_value(string question, string asked)
    {
        var trace = note.Engine.Extractive.Trace(new Question(question));
        var at = trace.Question!.Focus.ToList().FindIndex(f => f.Word == asked);
        Assert.True(at >= 0, string.Join(", ", trace.Question.Focus.Select(f => f.Word)));
        Assert.True(trace.Ranked.First(c => c.Unit.Text.StartsWith("Acme guided", StringComparison.Ordinal)).Matches[at].Exact);
        // … and not where the note gives none
        Assert.False(trace.Ranked.First(c => c.Unit.Text.StartsWith("The 2026 spending guide", StringComparison.Ordinal)).Matches[at].Exact);
        Assert.True(trace.Answer.Text.StartsWith("**Yes**", StringComparison.Ordinal), trace.Answer.Text);
    }

    [Theory]
    [InlineData("so acme guided 2028 spending to 15-20B?", "**No** — the note gives $15B-$20B for 2026, not 2028:")]
    [InlineData("acme guided 2027 spending to $15B-$20B, right?", "**No** — the note gives $15B-$20B for 2026, not 2027:")]
    [InlineData("so acme guided 2026 spending to $15B-$20B?", "**Yes**")]   // … and in the figure's own period, yes
    public void A_claim_that_puts_the_notes_figure_in_another_period_gets_no_and_the_figures_own_period(string question, string headline)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith(headline, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_in_a_premise_is_not_the_claim_checked()
    {
        // "so with …, is …?" asks its own question; the premise's figure bears it out no more than it denies it
        var a = note.Ask("so with a $15B-$20B guide for 2026, is acme the biggest spender?");
        Assert.DoesNotContain("the note says $15B-$20B", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("the note gives $15B-$20B", a.Text, StringComparison.Ordinal);
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
        // (read as the kind of date asked, "quarter" would go unmet nowhere and Q3's 12% would be headlined)
        var a = note.Ask("how much did widget sales rise the quarter before Q3 2025?");
        Assert.DoesNotContain("12%", a.Headline ?? "", StringComparison.Ordinal);
    }
}
