namespace MuseBot.Contracts;

/// <summary>
/// Where 👍/👎 clicks and unanswered questions land, from every channel, for the analysts who maintain the note.
/// </summary>
public interface IFeedbackStore
{
    Task RecordFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default);

    Task RecordUnansweredAsync(UnansweredRecord question, CancellationToken cancellationToken = default);

    /// <summary>The most frequent unanswered questions and the answers with most 👎.</summary>
    Task<FeedbackReport> ReportAsync(int top, CancellationToken cancellationToken = default);
}

/// <param name="Channel">"slack", "msteams", "webchat", ...</param>
/// <param name="Question">The question the answer was for.</param>
/// <param name="Helpful">👍 = true, 👎 = false.</param>
/// <param name="Citations">The answer's citation labels ("§7 …; table …, row …").</param>
/// <param name="UserHash">A hash of the user id, never the id itself.</param>
public sealed record FeedbackRecord(string Channel, string Question, bool Helpful, IReadOnlyList<string> Citations, string UserHash, DateTimeOffset At);

public sealed record UnansweredRecord(string Channel, string Question, DateTimeOffset At);

public sealed record FeedbackReport(IReadOnlyList<(string Question, int Count)> TopUnanswered, IReadOnlyList<(string Question, int ThumbsDown, int ThumbsUp)> MostDownvoted);
