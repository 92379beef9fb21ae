namespace MuseBot.Contracts;

/// <summary>
/// What a feedback store that also counts answered questions can tell: answered/refused rates, the most-asked refused
/// questions, 👍/👎 by section and per day. A separate interface, so stores that only keep feedback still work; the
/// turn records answers and the report adds its weekly part only where the store implements it.
/// </summary>
public interface IFeedbackInsights
{
    /// <summary>An answered question: its channel and time only (no text, no user), to count rates.</summary>
    Task RecordAnsweredAsync(AnsweredRecord answered, CancellationToken cancellationToken = default);

    /// <summary>The period [<paramref name="from"/>, <paramref name="to"/>): rates, top refused questions, 👍/👎 by
    /// section, and counts per UTC day.</summary>
    Task<FeedbackInsights> InsightsAsync(DateTimeOffset from, DateTimeOffset to, int top, CancellationToken cancellationToken = default);
}

public sealed record AnsweredRecord(string Channel, DateTimeOffset At);

/// <param name="Section">The cited section's label ("§7 Title"); "(no citation)" for feedback on an answer without one.</param>
public sealed record SectionFeedback(string Section, int ThumbsUp, int ThumbsDown);

public sealed record DayActivity(DateOnly Day, int Answered, int Refused, int ThumbsUp, int ThumbsDown);

public sealed record FeedbackInsights(
    DateTimeOffset From,
    DateTimeOffset To,
    int Answered,
    int Refused,
    IReadOnlyList<(string Question, int Count)> TopRefused,
    IReadOnlyList<SectionFeedback> BySection,
    IReadOnlyList<DayActivity> Days)
{
    public int Questions => Answered + Refused;

    /// <summary>Answered share of the questions; null when there were none.</summary>
    public double? AnsweredRate => Questions == 0 ? null : (double)Answered / Questions;

    public double? RefusedRate => Questions == 0 ? null : (double)Refused / Questions;
}
