namespace MuseBot.Evaluation;

/// <summary>
/// A question set asked in a chat that moved on: each question that follows up nothing is asked after another
/// question of the set, as Teams and Slack pass the previous question with every message. A question of its own
/// should get the answer it gets alone; `eval --after-unrelated` counts the answers that change and the right ones lost.
/// </summary>
public static class UnrelatedPrevious
{
    /// <summary>How far on in the set the previous question is taken from: far enough to be about something else,
    /// fixed so that two builds are compared on the same pairs.</summary>
    private const int Step = 7, Offset = 13;

    /// <summary>The set's questions that follow up nothing, each with another of them as its previous question.</summary>
    public static IReadOnlyList<EvalItem> Pair(IReadOnlyList<EvalItem> items)
    {
        var alone = items.Where(i => i.Previous is null).ToList();
        if (alone.Count < 2) return [];
        return alone.Select((item, k) =>
        {
            int other = (int)(((long)k * Step + Offset) % alone.Count);
            if (other == k) other = (k + 1) % alone.Count;
            return item with { Previous = alone[other].Question };
        }).ToList();
    }

    /// <summary>Of the paired questions, how many got another answer than alone, and how many right answers (flags too) that lost.</summary>
    public static (int Changed, int RightLost, int RightGained) Compare(EvalReport alone, EvalReport after)
    {
        var before = alone.Results.ToDictionary(r => r.Item.Id, r => r);
        int changed = 0, lost = 0, gained = 0;
        foreach (var (item, grade, answer) in after.Results)
        {
            if (!before.TryGetValue(item.Id, out var first)) continue;
            if (first.Answer?.Text == answer?.Text) continue;
            changed++;
            if (first.Grade.Right && !grade.Right) lost++;
            if (!first.Grade.Right && grade.Right) gained++;
        }
        return (changed, lost, gained);
    }
}
