namespace MuseBot.Core.Tests;

/// <summary>A third note of our own, where the passage nearest a which-question says its kind only in general and
/// another lists the members by name; kept apart so that its names do not change the other notes' frequent words.</summary>
public static class MembersNote
{
    public const string Text = """
        Widget Note
        1. Overview
        Zeta Widget is live now in its own shop, with rollout next to Bolt Mart, Kite Stores, and Orbit Shops.
        Regulators watch the stores closely, and store margins are thin.
        Analysts like the launch. Demand is rising. Supply is tight. Prices are stable.
        The shop sells gadgets to households, and it keeps sensitive goods such as alcohol, tobacco, and firearms out of its ads.
        Zeta Widget reports 65.4% on GizmoBench 2.0 and 72.7% on WidgetBench.
        The shop disclosed that visits to its stores become another signal for ranking its ads, effective March 3, 2026 in most regions.
        The shop offers fast and Turbo modes, and its Turbo mode is positioned as its answer to premium offerings from Bolt Mart and Kite Stores.
        | Feature | Position |
        |---|---|
        | Modes | Orbit Shops describes fast, careful, and Turbo modes. |
        | Chain | Take |
        |---|---|
        | Bolt Mart | The toughest direct competitor, with its own delivery vans. |
        2. Risks
        The main risk is that Zeta Widget next gets into more stores without becoming profitable.
        Although the shop says it keeps sensitive goods out of its ads, regulators still watch the shop and its ads closely.
        """;
}

public sealed class LexicalMembersNote() : SyntheticNote(semantic: false, MembersNote.Text);

public sealed class SemanticMembersNote() : SyntheticNote(semantic: true, MembersNote.Text);

public sealed class MembersNoteLexicalTests(LexicalMembersNote note) : MembersNoteTests(note), IClassFixture<LexicalMembersNote>;

public sealed class MembersNoteSemanticTests(SemanticMembersNote note) : MembersNoteTests(note), IClassFixture<SemanticMembersNote>;

/// <summary>Which-questions whose members another passage than the nearest names, with the encoders off and on.</summary>
public abstract class MembersNoteTests(SyntheticNote note)
{
    [Fact]
    public void A_kind_said_only_inside_a_name_the_question_itself_names_is_not_said_in_general()
    {
        // "Kite Stores" is a member the question excludes, not "stores" said with no name beside it
        var a = note.Ask("which stores does zeta widget reach after Kite Stores?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Bolt Mart", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_which_question_is_answered_by_a_row_whose_other_cell_calls_the_thing_its_label_names_an_X()
    {
        // the row says "competitor" with no name beside it: the name is in its label cell
        var a = note.Ask("which competitor is the toughest?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Bolt Mart", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_which_question_is_answered_by_the_further_passage_that_lists_the_members_not_refused_for_the_nearest_that_names_none()
    {
        var a = note.Ask("which stores get zeta widget next?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Bolt Mart", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_followed_by_a_verb_of_its_own_is_still_the_kind_asked_for()
    {
        // "scrutinize" is no verb a pattern lists: the kind is up to the plural before it, and the note names no regulator
        var a = note.Ask("which regulators scrutinize the shop?");
        Assert.True(a.Abstained, a.Text);
        Assert.Contains("only in general", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_asked_of_a_thing_the_note_says_only_in_general_is_refused()
    {
        // the rollout is said beside the stores it reaches, never named itself
        var a = note.Ask("what is the rollout of zeta widget called?");
        Assert.True(a.Abstained, a.Text);
        Assert.StartsWith("The note does not say what it is called", a.Text, StringComparison.Ordinal);
        Assert.Contains("it gives it no name", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_asked_of_a_thing_the_note_names_beside_it_is_answered()
    {
        var a = note.Ask("what's the shop's premium mode called?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Turbo", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_which_question_is_answered_by_a_further_passage_that_introduces_the_members_with_such_as()
    {
        var a = note.Ask("which sensitive goods does the shop keep out of its ads?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("alcohol", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_asked_without_its_decimal_is_the_version_the_note_writes()
    {
        var a = note.Ask("zeta widget gizmobench 2 score?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("65.4%", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Asked_whether_the_note_gives_a_date_a_passage_that_dates_the_very_thing_is_quoted_not_denied()
    {
        var a = note.Ask("does the note give a date from which store visits feed ad ranking?");
        Assert.DoesNotContain("gives no date", a.Text, StringComparison.Ordinal);
        Assert.Contains("March 3, 2026", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_who_question_whose_nearest_passage_names_only_the_notes_subject_is_answered_by_one_that_names_others()
    {
        var a = note.Ask("turbo mode is meant to rival who?");
        Assert.False(a.Abstained, a.Text);
        Assert.StartsWith("“The shop offers", a.Text, StringComparison.Ordinal);
    }
}
