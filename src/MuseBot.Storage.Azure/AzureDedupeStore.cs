using Azure;
using Azure.Data.Tables;
using MuseBot.Core.Storage;

namespace MuseBot.Storage.Azure;

/// <summary>
/// <see cref="IDedupeStore"/> in a table: a key is an entity, and inserting it is the test: a conflict means it was
/// seen already, on this instance or another. A key expires after the dedupe window: an expired one is taken over
/// (deleted with its ETag, then inserted again) and the purge deletes the rest. Several keys (one piece of Slack
/// work) are inserted in one entity-group transaction, so either all are new and kept or none is.
/// </summary>
public sealed class AzureDedupeStore(AzureStorageAccount account, TimeProvider time, TimeSpan window) : IDedupeStore
{
    internal const string Partition = "k";
    private const int MaxTries = 4;

    private TableClient Table => account.Dedupe;

    public Task<bool> TryBeginAsync(string key, CancellationToken cancellationToken = default) => TryBeginAllAsync([key], cancellationToken);

    public async Task ForgetAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, AzureStorageAccount.TableKey(key), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
        {
        }
    }

    /// <summary>True when none of <paramref name="keys"/> is live, and then all of them are remembered; false (and
    /// nothing remembered) when any is.</summary>
    public async Task<bool> TryBeginAllAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return true;
        for (int attempt = 0; attempt < MaxTries; attempt++)
        {
            var expires = time.GetUtcNow() + window;
            try
            {
                if (distinct.Count == 1)
                    await Table.AddEntityAsync(Entity(distinct[0], expires), cancellationToken).ConfigureAwait(false);
                else
                    await Table.SubmitTransactionAsync(distinct.Select(k => new TableTransactionAction(TableTransactionActionType.Add, Entity(k, expires))), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                var failed = e.FailedTransactionActionIndex is { } i && i >= 0 && i < distinct.Count ? [distinct[i]] : distinct;
                if (!await TakeOverExpiredAsync(failed, cancellationToken).ConfigureAwait(false)) return false;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                if (!await TakeOverExpiredAsync(distinct, cancellationToken).ConfigureAwait(false)) return false;
            }
        }
        // Keys expiring and being taken over by others this often: treat as seen rather than risk doing it twice.
        return false;
    }

    /// <summary>Deletes those of <paramref name="keys"/> that are stored and expired; false when one is live.</summary>
    private async Task<bool> TakeOverExpiredAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var key in keys)
        {
            var stored = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, AzureStorageAccount.TableKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!stored.HasValue || stored.Value is null) continue;           // gone in between: insert again
            if (ExpiresAt(stored.Value) > now) return false;                  // live: a repeat
            try
            {
                await Table.DeleteEntityAsync(Partition, stored.Value.RowKey, stored.Value.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // someone else took it over first: the next insert finds out whether theirs is live
            }
        }
        return true;
    }

    internal static TableEntity Entity(string key, DateTimeOffset expires) => new(Partition, AzureStorageAccount.TableKey(key))
    {
        ["Key"] = key.Length > 1000 ? key[..1000] : key,
        ["ExpiresAt"] = expires.UtcDateTime,
    };

    internal static DateTimeOffset ExpiresAt(TableEntity entity) =>
        entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue;
}
