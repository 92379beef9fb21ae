using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MuseBot.Contracts;
using MuseBot.Core.Feedback;

namespace MuseBot.Storage.Azure;

/// <summary>
/// <see cref="IFeedbackStore"/> in the "feedback" and "unanswered" tables, written by every instance and read
/// whole by `musebot report`. A record is stored when the call returns (a table insert is durable), so a channel may
/// acknowledge a click then. Rows are partitioned by month and keyed by time, so the report's "most recent wording"
/// is the highest row key. Questions are grouped as the embedded store groups them (<see cref="SqliteFeedbackStore.QuestionKey"/>).
/// </summary>
public sealed class AzureFeedbackStore(AzureStorageAccount account) : IFeedbackStore
{
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

    private static TableEntity NewRow(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new TableEntity(utc.ToString("yyyyMM", CultureInfo.InvariantCulture),
            utc.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"));
    }

    public async Task<FeedbackReport> ReportAsync(int top, CancellationToken cancellationToken = default)
    {
        if (top <= 0) return new FeedbackReport([], []);
        var unanswered = await ReadAllAsync(account.Unanswered, ["Question", "QuestionKey"], cancellationToken).ConfigureAwait(false);
        var feedback = await ReadAllAsync(account.Feedback, ["Question", "QuestionKey", "Helpful"], cancellationToken).ConfigureAwait(false);

        var topUnanswered = unanswered
            .GroupBy(r => r.GetString("QuestionKey") ?? "", StringComparer.Ordinal)
            .Select(g => (Latest: g.MaxBy(r => r.RowKey, StringComparer.Ordinal)!, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Latest.RowKey, StringComparer.Ordinal)
            .Take(top)
            .Select(g => (g.Latest.GetString("Question") ?? "", g.Count))
            .ToList();

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
        ((await ReadAllAsync(account.Feedback, ["RowKey"], cancellationToken).ConfigureAwait(false)).Count,
         (await ReadAllAsync(account.Unanswered, ["RowKey"], cancellationToken).ConfigureAwait(false)).Count);

    private static async Task<List<TableEntity>> ReadAllAsync(TableClient table, IEnumerable<string> columns, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        try
        {
            // The row key orders the records (time, then a tie-breaker): always read it.
            await foreach (var row in table.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage: 1000, select: columns.Append("RowKey").Distinct(), cancellationToken: cancellationToken).ConfigureAwait(false))
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
