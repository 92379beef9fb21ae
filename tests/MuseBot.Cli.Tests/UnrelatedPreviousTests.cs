using MuseBot.Evaluation;

namespace MuseBot.Cli.Tests;

/// <summary>`eval --after-unrelated`: each question of its own asked again after another of the set.</summary>
public sealed class UnrelatedPreviousTests
{
    private static EvalItem Item(string id, string question, string? previous = null, string[]? must = null) =>
        new(id, question, "fact", must is null ? [] : [must], [], [], false, false, previous);

    private static readonly EvalItem[] Items =
    [
        Item("a", "What did Acme report on GadgetEval?", must: ["40.1%"]),
        Item("b", "and Zeta's?", previous: "What did Acme report on GadgetEval?"),
        Item("c", "When did Nimbus launch its widget?", must: ["May 4"]),
        Item("d", "Where is the widget plant?"),
    ];

    [Fact]
    public void Only_questions_that_follow_up_nothing_are_paired_each_with_another_of_them_the_same_way_each_run()
    {
        var paired = UnrelatedPrevious.Pair(Items);
        Assert.Equal(["a", "c", "d"], paired.Select(p => p.Id));
        var alone = Items.Where(i => i.Previous is null).Select(i => i.Question).ToHashSet();
        Assert.All(paired, p => Assert.True(p.Previous != p.Question && alone.Contains(p.Previous!)));
        Assert.Equal(paired.Select(p => p.Previous), UnrelatedPrevious.Pair(Items).Select(p => p.Previous));
    }

    [Fact]
    public void A_changed_answer_counts_and_so_does_a_right_answer_lost()
    {
        var paired = UnrelatedPrevious.Pair(Items);
        static string Line(string question, string answer) =>
            $$"""{"question":{{System.Text.Json.JsonSerializer.Serialize(question)}},"answer":{{System.Text.Json.JsonSerializer.Serialize(answer)}},"abstained":false,"citations":[],"flags":[]}""";
        var alone = EvalScorer.Score(paired.Select(p => p with { Previous = null }).ToList(), EvalScorer.LoadAnswers(
            [Line(Items[0].Question, "It reported 40.1%."), Line(Items[2].Question, "On May 4, 2026."), Line(Items[3].Question, "In Zetaville.")]));
        var after = EvalScorer.Score(paired, EvalScorer.LoadAnswers(
            [Line(Items[0].Question, "It reported 40.1%."), Line(Items[2].Question, "In 2025."), Line(Items[3].Question, "Near Zetaville.")]));
        Assert.Equal((2, 1, 0), UnrelatedPrevious.Compare(alone, after));
    }
}
