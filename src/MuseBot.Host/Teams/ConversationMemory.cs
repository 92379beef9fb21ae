namespace MuseBot.Host.Teams;

/// <summary>
/// What the bot remembers per conversation, kept in the SDK's ConversationState (MemoryStorage by default, any
/// IStorage in a scaled-out deployment): the previous question for follow-ups, and the recent answers so that
/// a 👍/👎 on one of them can be recorded with its question and citations.
/// </summary>
public sealed class ConversationMemory
{
    /// <summary>Enough for feedback on the last few answers; the state is serialized on every turn, so keep it small.</summary>
    public const int MaxRecentAnswers = 5;

    public string? PreviousQuestion { get; set; }

    public List<AnsweredMessage> RecentAnswers { get; set; } = [];

    public void Remember(AnsweredMessage answered)
    {
        RecentAnswers.Add(answered);
        if (RecentAnswers.Count > MaxRecentAnswers) RecentAnswers.RemoveRange(0, RecentAnswers.Count - MaxRecentAnswers);
    }

    /// <summary>The answer a feedback click refers to: by the reply's activity id, else the latest answer.</summary>
    public AnsweredMessage? Find(string? activityId) =>
        (activityId is null ? null : RecentAnswers.LastOrDefault(a => a.ActivityId == activityId)) ?? RecentAnswers.LastOrDefault();
}

public sealed class AnsweredMessage
{
    public string? ActivityId { get; set; }
    public string Question { get; set; } = "";
    public List<string> Citations { get; set; } = [];
}
