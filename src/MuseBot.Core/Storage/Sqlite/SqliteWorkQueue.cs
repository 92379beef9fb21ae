using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MuseBot.Core.Storage.Sqlite;

/// <summary>
/// <see cref="IWorkQueue"/> in the embedded database. The work and its dedupe keys are written in one transaction,
/// committed to disk before <see cref="EnqueueAsync"/> returns. One node: at start every lease is released, since
/// only a process that is no longer running can have held one.
/// </summary>
// The semaphore only wakes workers (no wait handle is ever taken); disposing it at shutdown would throw in workers
// still waiting on it, so it lives as long as the process.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "see above")]
public sealed class SqliteWorkQueue : IWorkQueue
{
    private readonly ConversationDatabase _db;
    private readonly int _capacity;
    private readonly TimeSpan _lease;
    private readonly TimeSpan _dedupeWindow;

    // Wakes a waiting worker as soon as something is queued in this process; the poll in WaitForWorkAsync covers
    // work that becomes due later (retries).
    private readonly SemaphoreSlim _queued = new(0, int.MaxValue);

    public SqliteWorkQueue(ConversationDatabase db, int capacity, TimeSpan lease, TimeSpan dedupeWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _db = db;
        _capacity = capacity;
        _lease = lease;
        _dedupeWindow = dedupeWindow;
        using var connection = db.Open(durable: true);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE work SET lease_until = NULL WHERE state = 0 AND lease_until IS NOT NULL";
        ResumedOnStart = command.ExecuteNonQuery();
    }

    /// <summary>Work that was leased when the last process stopped, handed out again now.</summary>
    public int ResumedOnStart { get; }

    public async Task<EnqueueOutcome> EnqueueAsync(NewWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var outcome = await _db.WriteAsync(durable: true, async connection =>
        {
            var now = _db.Now;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var key in work.DedupeKeys)
            {
                if (!await SqliteDedupeStore.TryInsertAsync(connection, transaction, key, now, now + (long)_dedupeWindow.TotalMilliseconds, cancellationToken).ConfigureAwait(false))
                    return EnqueueOutcome.Duplicate;   // the transaction rolls back: none of the keys is kept
            }
            await using (var count = connection.CreateCommand())
            {
                count.Transaction = transaction;
                count.CommandText = "SELECT COUNT(*) FROM work WHERE state = 0";
                if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) >= _capacity)
                    return EnqueueOutcome.Full;
            }
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO work (kind, payload, available_at, created_at) VALUES ($kind, $payload, $now, $now)";
                insert.Parameters.AddWithValue("$kind", work.Kind);
                insert.Parameters.AddWithValue("$payload", work.Payload);
                insert.Parameters.AddWithValue("$now", now);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return EnqueueOutcome.Enqueued;
        }, cancellationToken).ConfigureAwait(false);
        if (outcome == EnqueueOutcome.Enqueued) _queued.Release();
        return outcome;
    }

    public Task<LeasedWork?> TakeAsync(CancellationToken cancellationToken = default) =>
        _db.WriteAsync(durable: false, async connection =>
        {
            var now = _db.Now;
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE work SET lease_until = $leaseUntil, attempts = attempts + 1
                WHERE id = (SELECT id FROM work
                            WHERE state = 0 AND available_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                            ORDER BY available_at, id LIMIT 1)
                RETURNING id, kind, payload, attempts
                """;
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$leaseUntil", now + (long)_lease.TotalMilliseconds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            return new LeasedWork(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
        }, cancellationToken);

    public Task CompleteAsync(LeasedWork work, CancellationToken cancellationToken = default) =>
        Finish(work, state: 1, error: null, cancellationToken);

    public Task FailAsync(LeasedWork work, string reason, CancellationToken cancellationToken = default) =>
        Finish(work, state: 2, error: reason, cancellationToken);

    private Task Finish(LeasedWork work, int state, string? error, CancellationToken cancellationToken) =>
        _db.WriteAsync(durable: true, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE work SET state = $state, finished_at = $now, lease_until = NULL, last_error = $error WHERE id = $id";
            command.Parameters.AddWithValue("$state", state);
            command.Parameters.AddWithValue("$now", _db.Now);
            command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
            command.Parameters.AddWithValue("$id", RowId(work));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task RetryLaterAsync(LeasedWork work, TimeSpan delay, string reason, CancellationToken cancellationToken = default) =>
        _db.WriteAsync(durable: false, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE work SET lease_until = NULL, available_at = $at, last_error = $error WHERE id = $id AND state = 0";
            command.Parameters.AddWithValue("$at", _db.Now + (long)delay.TotalMilliseconds);
            command.Parameters.AddWithValue("$error", reason);
            command.Parameters.AddWithValue("$id", RowId(work));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static long RowId(LeasedWork work) =>
        long.TryParse(work.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw new ArgumentException($"'{work.Id}' is not work from this queue.", nameof(work));

    public async Task WaitForWorkAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        await _queued.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PendingCountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _db.Open(durable: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM work WHERE state = 0";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<TimeSpan?> OldestPendingAgeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _db.Open(durable: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(created_at) FROM work WHERE state = 0";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long oldest
            ? TimeSpan.FromMilliseconds(Math.Max(0, _db.Now - oldest))
            : null;
    }
}
