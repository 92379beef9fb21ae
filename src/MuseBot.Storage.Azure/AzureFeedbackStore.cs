using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MuseBot.Contracts;
using MuseBot.Core.Feedback;

namespace MuseBot.Storage.Azure;

/// <summary>
/// <see cref="IFeedbackStore"/> and <see cref="IFeedbackInsights"/> in the "feedback", "unanswered" and "answered"
/// tables, written by every instance. A record is stored when the call returns (a table insert is durable), so a
/// channel may acknowledge a click then. Rows are partitioned by UTC day ("yyyyMMdd") and keyed by time (ticks, then
/// a tie-breaker), so the report's "most recent wording" is the highest row key and a period's insights read only
/// that period's partitions; the all-time lists (<see cref="ReportAsync"/>) read the tables whole. Rows written
/// before the day partitions (partitioned by month, "yyyyMM") are still found: a period also reads the months it
/// spans, filtered by row key. Questions are grouped as the embedded store groups them
/// (<see cref="SqliteFeedbackStore.QuestionKey"/>), and a period is added up as it adds them up
/// (<see cref="FeedbackInsightsTally"/>).
/// </summary>
public sealed class AzureFeedbackStore(AzureStorageAccount account) : IFeedbackStore, IFeedbackInsights
{
    private const string DayFormat = "yyyyMMdd";

    public async Task RecordFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var entity = NewRow(feedback.At);
        entity["Channel"] = feedback.Channel ?? "";
        entity["Question"] = AzureAnswerLedger.Cut(feedback.Question ?? "");
        entity["QuestionKey"] = AzureAnswerLedger.Cut(SqliteFeedbackStore.QuestionKey(feedback.Question));
        entity["Helpful"] = feedback.Helpful;
        entity["Citations"] = AzureAnswerLedger.Cut(JsonSerializer.Serialize(feedback.Citations ?? []));
        entity["UserHash"] = feedback.UserHash ?? "";
        entity["At"] = feedback.At.UtcDateTime;
        await account.Feedback.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordUnansweredAsync(UnansweredRecord question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var entity = NewRow(question.At);
        entity["Channel"] = question.Channel ?? "";
        entity["Question"] = AzureAnswerLedger.Cut(question.Question ?? "");
        entity["QuestionKey"] = AzureAnswerLedger.Cut(SqliteFeedbackStore.QuestionKey(question.Question));
        entity["At"] = question.At.UtcDateTime;
        await account.Unanswered.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordAnsweredAsync(AnsweredRecord answered, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var entity = NewRow(answered.At);
        entity["Channel"] = answered.Channel ?? "";
        entity["At"] = answered.At.UtcDateTime;
        await account.Answered.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity NewRow(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new TableEntity(utc.ToString(DayFormat, CultureInfo.InvariantCulture), TimeKey(utc));
    }

    private static string TimeKey(DateTimeOffset utc) => Ticks(utc) + "-" + Guid.NewGuid().ToString("N");

    public async Task<FeedbackInsights> InsightsAsync(DateTimeOffset from, DateTimeOffset to, int top, CancellationToken cancellationToken = default)
    {
        var filter = PeriodFilter(from, to);
        var tally = new FeedbackInsightsTally();
        if (filter is null) return tally.Build(from, to, []);
        foreach (var row in await ReadAllAsync(account.Answered, ["RowKey"], filter, cancellationToken).ConfigureAwait(false))
            tally.AddAnswered(DayOf(row));
        var refused = await ReadAllAsync(account.Unanswered, ["Question", "QuestionKey"], filter, cancellationToken).ConfigureAwait(false);
        foreach (var row in refused)
            tally.AddRefused(DayOf(row));
        foreach (var row in await ReadAllAsync(account.Feedback, ["Helpful", "Citations"], filter, cancellationToken).ConfigureAwait(false))
            tally.AddFeedback(DayOf(row), row.GetBoolean("Helpful") == true, row.GetString("Citations") ?? "[]");
        return tally.Build(from, to, MostFrequent(refused, Math.Max(0, top)));
    }

    /// <summary>The rows recorded in [<paramref name="from"/>, <paramref name="to"/>): the day partitions it spans and
    /// the month partitions of older rows, each cut to the period by the row key (the time in ticks); null when the
    /// period is empty.</summary>
    private static string? PeriodFilter(DateTimeOffset from, DateTimeOffset to)
    {
        var start = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        if (end <= start) return null;
        var last = end.AddTicks(-1);
        var partitions = new List<string>
        {
            $"(PartitionKey ge '{start.ToString(DayFormat, CultureInfo.InvariantCulture)}' and PartitionKey le '{last.ToString(DayFormat, CultureInfo.InvariantCulture)}')",
        };
        for (var month = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc); month <= last.UtcDateTime; month = month.AddMonths(1))
            partitions.Add($"PartitionKey eq '{month.ToString("yyyyMM", CultureInfo.InvariantCulture)}'");
        return $"({string.Join(" or ", partitions)}) and RowKey ge '{Ticks(start)}' and RowKey lt '{Ticks(end)}'";
    }

    private static string Ticks(DateTimeOffset utc) => utc.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The UTC day of a row, from its row key (the time in ticks), whichever partition it is in.</summary>
    private static DateOnly DayOf(TableEntity row) =>
        DateOnly.FromDateTime(new DateTime(long.Parse(row.RowKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture), DateTimeKind.Utc));

    /// <summary>Questions grouped by key, most asked first (ties: the most recently asked), each in its latest wording.</summary>
    private static List<(string Question, int Count)> MostFrequent(IEnumerable<TableEntity> rows, int top) => rows
        .GroupBy(r => r.GetString("QuestionKey") ?? "", StringComparer.Ordinal)
        .Select(g => (Latest: g.MaxBy(r => r.RowKey, StringComparer.Ordinal)!, Count: g.Count()))
        .OrderByDescending(g => g.Count).ThenByDescending(g => g.Latest.RowKey, StringComparer.Ordinal)
        .Take(top)
        .Select(g => (g.Latest.GetString("Question") ?? "", g.Count))
        .ToList();

    public async Task<FeedbackReport> ReportAsync(int top, CancellationToken cancellationToken = default)
    {
        if (top <= 0) return new FeedbackReport([], []);
        var unanswered = await ReadAllAsync(account.Unanswered, ["Question", "QuestionKey"], filter: null, cancellationToken).ConfigureAwait(false);
        var feedback = await ReadAllAsync(account.Feedback, ["Question", "QuestionKey", "Helpful"], filter: null, cancellationToken).ConfigureAwait(false);

        var topUnanswered = MostFrequent(unanswered, top);

        var mostDownvoted = feedback
            .GroupBy(r => r.GetString("QuestionKey") ?? "", StringComparer.Ordinal)
            .Select(g => (Latest: g.MaxBy(r => r.RowKey, StringComparer.Ordinal)!,
                          Down: g.Count(r => r.GetBoolean("Helpful") == false), Up: g.Count(r => r.GetBoolean("Helpful") == true)))
            .Where(g => g.Down > 0)
            .OrderByDescending(g => g.Down).ThenBy(g => g.Up).ThenByDescending(g => g.Latest.RowKey, StringComparer.Ordinal)
            .Take(top)
            .Select(g => (g.Latest.GetString("Question") ?? "", g.Down, g.Up))
            .ToList();
        return new FeedbackReport(topUnanswered, mostDownvoted);
    }

    /// <summary>Counts the stored records (for tests).</summary>
    public async Task<(int Feedback, int Unanswered)> CountAsync(CancellationToken cancellationToken = default) =>
        ((await ReadAllAsync(account.Feedback, ["RowKey"], filter: null, cancellationToken).ConfigureAwait(false)).Count,
         (await ReadAllAsync(account.Unanswered, ["RowKey"], filter: null, cancellationToken).ConfigureAwait(false)).Count);

    private static async Task<List<TableEntity>> ReadAllAsync(TableClient table, IEnumerable<string> columns, string? filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        try
        {
            // The row key orders the records (time, then a tie-breaker): always read it.
            await foreach (var row in table.QueryAsync<TableEntity>(filter: filter, maxPerPage: 1000, select: columns.Append("RowKey").Distinct(), cancellationToken: cancellationToken).ConfigureAwait(false))
                rows.Add(row);
        }
        catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
        {
            // no table yet: nothing recorded
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException or global::Azure.Identity.AuthenticationFailedException)
        {
            // `musebot report` says what to check, in one line, never the key.
            throw new InvalidOperationException(
                $"Cannot read the table '{table.Name}' of Azure Storage account '{table.AccountName}': {e.Message.Split('\n', 2)[0].Trim()} "
                + "Check Storage:ConnectionString or Storage:AccountName, and that this identity holds Storage Table Data Contributor (or Reader).", e);
        }
        return rows;
    }
}
