using Azure;
using Azure.Data.Tables;
using MuseBot.Core.Storage;

namespace MuseBot.Storage.Azure;

/// <summary>
/// <see cref="IConversationStoreMaintenance"/> for the shared store: creates the containers, queue and tables at
/// start, and deletes expired dedupe keys, sent answers, conversation state and old given-up work. Every instance
/// runs the purge; deleting what another instance just deleted is a 404 that is ignored.
/// </summary>
public sealed class AzureStoreMaintenance(AzureStorageAccount account, AzureConversationStateStore state, TimeProvider time) : IConversationStoreMaintenance
{
    public string Description => $"Azure Storage account '{account.AccountName}' ({account.Blobs.Uri.GetLeftPart(UriPartial.Authority)}), names starting '{account.Options.Prefix}': shared by every instance";

    public Task InitializeAsync(CancellationToken cancellationToken = default) => account.EnsureCreatedAsync(cancellationToken);

    public async Task<int> PurgeExpiredAsync(TimeSpan keepFinishedWork, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        int removed = 0;
        removed += await DeleteWhereAsync(account.Dedupe, TableClient.CreateQueryFilter($"ExpiresAt le {now.UtcDateTime}"), cancellationToken).ConfigureAwait(false);
        removed += await DeleteWhereAsync(account.Answers, TableClient.CreateQueryFilter($"ExpiresAt le {now.UtcDateTime}"), cancellationToken).ConfigureAwait(false);
        removed += await DeleteWhereAsync(account.FailedWork, TableClient.CreateQueryFilter($"FailedAt le {(now - keepFinishedWork).UtcDateTime}"), cancellationToken).ConfigureAwait(false);
        removed += await state.PurgeExpiredAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }

    private static async Task<int> DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        int removed = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            try
            {
                // Only the version we saw: a dedupe key taken over since is live again.
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
            }
        }
        return removed;
    }
}
