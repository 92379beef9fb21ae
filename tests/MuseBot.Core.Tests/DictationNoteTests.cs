using MuseBot.Core.Language;

namespace MuseBot.Core.Tests;

/// <summary>A note of our own with figures for two years and two versions of one product, asked the way dictation
/// writes numbers ("twenty twenty six", "four point two"); kept apart so that its words do not change the other
/// notes' frequent words.</summary>
public static class DictationNote
{
    public const string Text = """
        Gadget Note
        1. Spending
        Zeta spent $41B on plants in 2025 and guided 2026 plant spending to $55B-$60B.
        2. Tests
        Reviewers rank the gadgets on public tests.
        | Model | GizmoTest | Range |
        |---|---|---|
        | Acme 4.2 | 61% | 300 km |
        | Acme 3.9 | 55% | 250 km |
        """;
}

public sealed class LexicalDictationNote() : SyntheticNote(semantic: false, DictationNote.Text);

public sealed class SemanticDictationNote() : SyntheticNote(semantic: true, DictationNote.Text);

public sealed class DictationNoteLexicalTests(LexicalDictationNote note) : DictationNoteTests(note), IClassFixture<LexicalDictationNote>;

public sealed class DictationNoteSemanticTests(SemanticDictationNote note) : DictationNoteTests(note), IClassFixture<SemanticDictationNote>;

/// <summary>Numbers said in words are the figures, years and versions they say, with the encoders off and on.</summary>
public abstract class DictationNoteTests(SyntheticNote note)
{
    [Theory]
    [InlineData("what did zeta spend on plants in twenty twenty five", "41")]
    [InlineData("zeta plant spending guide for twenty twenty-six?", "55")]
    public void A_year_said_in_words_is_the_year(string question, string figure)
    {
        var a = note.Ask(question);
        Assert.False(a.Abstained, a.Text);
        Assert.Contains(figure, a.Headline ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_whose_figure_is_the_thing_s_own_is_never_answered_no() =>
        // refused for another reason, a true claim must not read as corrected
        Assert.DoesNotContain("**No**", note.Ask("so zeta spent 41B on plants in 2025?").Text, StringComparison.Ordinal);

    [Fact]
    public void A_year_said_in_words_that_the_note_gives_no_figure_for_is_refused()
    {
        var a = note.Ask("what's zeta's plant spending guide for twenty twenty seven?");
        Assert.True(a.Abstained, a.Text);
    }

    [Fact]
    public void A_version_said_in_words_is_that_version()
    {
        var a = note.Ask("what did acme four point two get on gizmotest?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("61%", a.Headline ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("55%", a.Headline ?? "", StringComparison.Ordinal);
    }
}

/// <summary>How spoken numbers are written in digits, and the words that stay words.</summary>
public sealed class SpokenNumbersTests
{
    [Theory]
    [InlineData("capex for twenty twenty six", "capex for 2026")]
    [InlineData("back in nineteen ninety-nine", "back in 1999")]
    [InlineData("in twenty oh nine", "in 2009")]
    [InlineData("two thousand and twenty five", "2025")]
    [InlineData("gpt five point four", "gpt 5.4")]
    [InlineData("one point oh five million tokens", "1.05 million tokens")]
    [InlineData("seventy two billion", "72 billion")]
    [InlineData("twenty-four percent", "24 percent")]
    [InlineData("with ten x less compute", "with 10x less compute")]
    [InlineData("revenue in q four", "revenue in q4")]
    [InlineData("what about the google one?", "what about the google one?")]
    [InlineData("the two-track plan, in one line", "the two-track plan, in one line")]
    [InlineData("which three labs", "which three labs")]
    public void Number_words_become_digits_only_where_they_can_be_nothing_else(string said, string written) =>
        Assert.Equal(written, SpokenNumbers.InDigits(said));
}
