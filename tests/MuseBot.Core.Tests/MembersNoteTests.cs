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
        2. Risks
        The main risk is that Zeta Widget next gets into more stores without becoming profitable.
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
    public void A_which_question_is_answered_by_the_further_passage_that_lists_the_members_not_refused_for_the_nearest_that_names_none()
    {
        var a = note.Ask("which stores get zeta widget next?");
        Assert.False(a.Abstained, a.Text);
        Assert.Contains("Bolt Mart", a.Text, StringComparison.Ordinal);
    }
}
