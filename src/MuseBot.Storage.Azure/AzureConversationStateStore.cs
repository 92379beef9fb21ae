using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MuseBot.Core.Storage;

namespace MuseBot.Storage.Azure;

/// <summary>
/// <see cref="IConversationStateStore"/> as one blob per conversation in the "-state" container, with the blob's
/// ETag for optimistic concurrency (If-Match on write), as the Bot Framework's BlobsStorage does. Each write stamps
/// the blob with its expiry (metadata "expiresat", Unix ms): an expired blob reads as absent, may be overwritten by
/// a writer holding an old ETag, and is deleted by the purge (and by the storage account's lifecycle rule).
/// </summary>
public sealed class AzureConversationStateStore(AzureStorageAccount account, TimeProvider time, TimeSpan expiry) : IConversationStateStore
{
    internal const string ExpiresMetadata = "expiresat";
    private const int MaxNameLength = 900;

    private BlobClient Blob(string key) => account.StateContainer.GetBlobClient(BlobName(key));

    /// <summary>Keys hold '/', ':' and whatever a channel puts in a conversation id: escaped, or hashed when long.</summary>
    internal static string BlobName(string key)
    {
        var escaped = Uri.EscapeDataString(key);
        return escaped.Length <= MaxNameLength ? escaped : "sha256-" + AzureStorageAccount.TableKey(key);
    }

    public async Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = (await Blob(key).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            if (IsExpired(result.Details.Metadata)) return null;
            return new StoredState(result.Content.ToString(), result.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
        {
            return null;
        }
    }

    public async Task<string> WriteAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var blob = Blob(key);
        if (ifMatch is null) return await UploadAsync(blob, json, conditions: null, cancellationToken).ConfigureAwait(false);
        try
        {
            return await UploadAsync(blob, json, new BlobRequestConditions { IfMatch = new ETag(ifMatch) }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Someone else wrote, or nothing is stored. Nothing stored, or only an expired document, counts as absent.
            BlobProperties current;
            try
            {
                current = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException missing) when (AzureStorageAccount.IsNotFound(missing))
            {
                return await UploadOrConflictAsync(blob, key, json, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken).ConfigureAwait(false);
            }
            if (!IsExpired(current.Metadata)) throw new StateConflictException(key);
            return await UploadOrConflictAsync(blob, key, json, new BlobRequestConditions { IfMatch = current.ETag }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> UploadOrConflictAsync(BlobClient blob, string key, string json, BlobRequestConditions conditions, CancellationToken cancellationToken)
    {
        try
        {
            return await UploadAsync(blob, json, conditions, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new StateConflictException(key);
        }
    }

    private async Task<string> UploadAsync(BlobClient blob, string json, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        var expires = (time.GetUtcNow() + expiry).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var options = new BlobUploadOptions
        {
            Conditions = conditions,
            Metadata = new Dictionary<string, string> { [ExpiresMetadata] = expires },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        };
        var info = await blob.UploadAsync(BinaryData.FromString(json), options, cancellationToken).ConfigureAwait(false);
        return info.Value.ETag.ToString();
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await Blob(key).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    internal bool IsExpired(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(ExpiresMetadata, out var value)
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        && ms <= time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Deletes expired blobs; returns how many.</summary>
    internal async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        int removed = 0;
        await foreach (var item in account.StateContainer.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            if (!IsExpired(item.Metadata)) continue;
            try
            {
                // Only the version we saw: one rewritten since is live again.
                await account.StateContainer.GetBlobClient(item.Name).DeleteAsync(conditions: new BlobRequestConditions { IfMatch = item.Properties.ETag }, cancellationToken: cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
            }
        }
        return removed;
    }
}
