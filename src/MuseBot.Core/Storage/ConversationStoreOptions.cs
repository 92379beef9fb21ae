namespace MuseBot.Core.Storage;

/// <summary>
/// How long the conversation store remembers things. Bound from the "Conversations" section
/// (Conversations__StateExpiryMinutes, ...); <see cref="Validate"/> runs at start.
/// </summary>
public sealed class ConversationStoreOptions
{
    public const string SectionName = "Conversations";
    public const string FileName = "conversations.db";

    /// <summary>Conversation state (the previous question for follow-ups) is forgotten this long after it was last written.</summary>
    public int StateExpiryMinutes { get; set; } = 24 * 60;

    /// <summary>A repeat within this window is ignored: Slack's retries, replayed signed requests, Teams' resends.</summary>
    public int DedupeWindowMinutes { get; set; } = 60;

    /// <summary>A 👍/👎 on an answer up to this old is recorded with that answer's question.</summary>
    public int AnswerRetentionDays { get; set; } = 30;

    public TimeSpan StateExpiry => TimeSpan.FromMinutes(StateExpiryMinutes);
    public TimeSpan DedupeWindow => TimeSpan.FromMinutes(DedupeWindowMinutes);
    public TimeSpan AnswerRetention => TimeSpan.FromDays(AnswerRetentionDays);

    /// <summary>The problems, each a sentence that says what to set; empty when the settings can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (StateExpiryMinutes is < 1 or > 60 * 24 * 365)
            problems.Add($"{SectionName}:StateExpiryMinutes must be between 1 and 525600 (got {StateExpiryMinutes}).");
        // Slack retries for about five minutes and refuses signatures older than five: the window must cover that.
        if (DedupeWindowMinutes is < 10 or > 60 * 24 * 7)
            problems.Add($"{SectionName}:DedupeWindowMinutes must be between 10 and 10080 (got {DedupeWindowMinutes}).");
        if (AnswerRetentionDays is < 1 or > 3650)
            problems.Add($"{SectionName}:AnswerRetentionDays must be between 1 and 3650 (got {AnswerRetentionDays}).");
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new InvalidOperationException("Conversation store configuration is invalid: " + string.Join(" ", problems));
    }
}
