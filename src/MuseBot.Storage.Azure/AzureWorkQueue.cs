using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using MuseBot.Core.Storage;

namespace MuseBot.Storage.Azure;

/// <summary>
/// <see cref="IWorkQueue"/> on an Azure Storage queue that every instance reads. Taking work receives a message,
/// which makes it invisible to the others for Storage:QueueVisibilityTimeoutSeconds; while the worker works, the
/// lease is renewed (the message's visibility extended) every third of that, so an instance that dies (kill -9, a
/// lost VM) gives its work back within one timeout and a live one keeps it however long Slack takes. Done work is
/// deleted; work to retry is made visible again after its delay; work given up on is recorded in the "failedwork"
/// table and deleted. The dedupe keys go to the dedupe table first (see <see cref="AzureDedupeStore"/>), so a
/// repeat arriving at any instance is not queued twice. Payloads too large for a message (64 KB) are kept as blobs.
/// </summary>
public sealed class AzureWorkQueue : IWorkQueue, IDisposable
{
    /// <summary>Messages hold at most 64 KB; past this the payload goes to a blob and the message names it.</summary>
    internal const int MaxInlinePayloadChars = 48 * 1024;

    private static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(6);
    private static readonly TimeSpan CountCacheTime = TimeSpan.FromMilliseconds(500);

    private readonly AzureStorageAccount _account;
    private readonly AzureDedupeStore _dedupe;
    private readonly WorkQueueSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly TimeSpan _visibility;
    private readonly TimeSpan _poll;
    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _queued = new(0, int.MaxValue);
    private (int Count, long At) _countCache;

    public AzureWorkQueue(AzureStorageAccount account, AzureDedupeStore dedupe, WorkQueueSettings settings, TimeProvider time, ILogger<AzureWorkQueue> log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Capacity, 1);
        _account = account;
        _dedupe = dedupe;
        _settings = settings;
        _time = time;
        _log = log;
        _visibility = account.Options.QueueVisibilityTimeout;
        _poll = account.Options.QueuePollInterval;
    }

    /// <summary>What a message holds: the work, or the name of the blob that holds its payload.</summary>
    private sealed record Envelope(string Kind, string? Payload, string? Blob);

    /// <summary>Work this instance holds: the receipt the queue gave for its last renewal, and the renewal loop.</summary>
    private sealed class Lease(string messageId, string popReceipt, string? blob, DateTimeOffset? insertedOn) : IDisposable
    {
        public string MessageId { get; } = messageId;
        public DateTimeOffset? InsertedOn { get; } = insertedOn;
        public string? Blob { get; } = blob;
        public string PopReceipt { get; set; } = popReceipt;
        public bool Lost { get; set; }
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public CancellationTokenSource Stop { get; } = new();
        public Task Renewal { get; set; } = Task.CompletedTask;

        public void Dispose()
        {
            Stop.Dispose();
            Gate.Dispose();
        }
    }

    public async Task<EnqueueOutcome> EnqueueAsync(NewWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!await _dedupe.TryBeginAllAsync(work.DedupeKeys, cancellationToken).ConfigureAwait(false))
            return EnqueueOutcome.Duplicate;
        try
        {
            if (await PendingCountAsync(cached: true, cancellationToken).ConfigureAwait(false) >= _settings.Capacity)
            {
                await ForgetKeysAsync(work.DedupeKeys).ConfigureAwait(false);
                return EnqueueOutcome.Full;
            }
            string? blob = null;
            var payload = work.Payload;
            if (payload.Length > MaxInlinePayloadChars)
            {
                blob = Guid.NewGuid().ToString("N");
                await _account.WorkPayloads.UploadBlobAsync(blob, BinaryData.FromString(payload), cancellationToken).ConfigureAwait(false);
                payload = null;
            }
            var message = JsonSerializer.Serialize(new Envelope(work.Kind, payload, blob));
            // Never expires (-1): work acknowledged to Slack stays until it is done or given up on.
            await _account.WorkQueue.SendMessageAsync(message, visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not stored: forget the keys, so that Slack's retry of it is taken on.
            await ForgetKeysAsync(work.DedupeKeys).ConfigureAwait(false);
            throw;
        }
        _countCache = (_countCache.Count + 1, _countCache.At);
        _queued.Release();
        return EnqueueOutcome.Enqueued;
    }

    private async Task ForgetKeysAsync(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                await _dedupe.ForgetAsync(key, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or OperationCanceledException)
            {
                _log.LogWarning("Could not forget dedupe key {Key} of work that was not queued: {Error}", key, e.Message);
            }
        }
    }

    public async Task<LeasedWork?> TakeAsync(CancellationToken cancellationToken = default)
    {
        var received = await _account.WorkQueue.ReceiveMessageAsync(_visibility, cancellationToken).ConfigureAwait(false);
        if (received.Value is not { } message) return null;

        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(message.Body);
        }
        catch (JsonException)
        {
            envelope = null;
        }
        var payload = envelope?.Payload ?? "";
        if (envelope?.Blob is { } blob)
        {
            try
            {
                payload = (await _account.WorkPayloads.GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            }
            catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
            {
                payload = "";   // the worker gives up on what it cannot read
            }
        }
        var lease = new Lease(message.MessageId, message.PopReceipt, envelope?.Blob, message.InsertedOn);
        _leases[message.MessageId] = lease;
        lease.Renewal = Task.Run(() => RenewAsync(lease), CancellationToken.None);
        return new LeasedWork(message.MessageId, envelope?.Kind ?? "", payload, (int)Math.Min(int.MaxValue, message.DequeueCount));
    }

    /// <summary>Keeps the message invisible while this instance works on it.</summary>
    private async Task RenewAsync(Lease lease)
    {
        var interval = _visibility / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, _time, lease.Stop.Token).ConfigureAwait(false);
                await lease.Gate.WaitAsync(lease.Stop.Token).ConfigureAwait(false);
                try
                {
                    var updated = await _account.WorkQueue.UpdateMessageAsync(lease.MessageId, lease.PopReceipt, visibilityTimeout: _visibility, cancellationToken: lease.Stop.Token).ConfigureAwait(false);
                    lease.PopReceipt = updated.Value.PopReceipt;
                }
                catch (RequestFailedException e) when (e.Status is 404 or 400)
                {
                    // The receipt is no longer the message's: the lease ran out and another worker has it.
                    lease.Lost = true;
                    _log.LogWarning("Lost the lease on work {Id}: another instance may answer it too", lease.MessageId);
                    return;
                }
                catch (Exception e) when (e is RequestFailedException or HttpRequestException)
                {
                    _log.LogWarning("Could not renew the lease on work {Id}; trying again: {Error}", lease.MessageId, e.Message);
                }
                finally
                {
                    lease.Gate.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the worker finished with it
        }
    }

    /// <summary>Stops renewing and hands the lease to the caller (null when this instance does not hold it).</summary>
    private async Task<Lease?> ReleaseAsync(LeasedWork work)
    {
        if (!_leases.TryRemove(work.Id, out var lease)) return null;
        await lease.Stop.CancelAsync().ConfigureAwait(false);
        await lease.Renewal.ConfigureAwait(false);
        return lease;
    }

    public async Task CompleteAsync(LeasedWork work, CancellationToken cancellationToken = default)
    {
        using var lease = await ReleaseAsync(work).ConfigureAwait(false);
        if (lease is null) return;
        await DeleteAsync(lease, cancellationToken).ConfigureAwait(false);
    }

    public async Task RetryLaterAsync(LeasedWork work, TimeSpan delay, string reason, CancellationToken cancellationToken = default)
    {
        using var lease = await ReleaseAsync(work).ConfigureAwait(false);
        if (lease is null || lease.Lost) return;
        var visibleIn = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxVisibilityDelay ? MaxVisibilityDelay : delay;
        try
        {
            await _account.WorkQueue.UpdateMessageAsync(lease.MessageId, lease.PopReceipt, visibilityTimeout: visibleIn, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            _log.LogWarning("Work {Id} was taken by another instance before it could be put back ({Reason})", work.Id, reason);
        }
    }

    public async Task FailAsync(LeasedWork work, string reason, CancellationToken cancellationToken = default)
    {
        using var lease = await ReleaseAsync(work).ConfigureAwait(false);
        if (lease is null || lease.Lost) return;
        var entity = new TableEntity(work.Kind.Length == 0 ? "unknown" : work.Kind, work.Id)
        {
            ["Payload"] = Truncate(work.Payload, 30_000),
            ["Reason"] = Truncate(reason, 4_000),
            ["Attempts"] = work.Attempt,
            ["FailedAt"] = _time.GetUtcNow().UtcDateTime,
        };
        await _account.FailedWork.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await DeleteAsync(lease, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            await _account.WorkQueue.DeleteMessageAsync(lease.MessageId, lease.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // Another instance took it after our lease ran out; it will find the work done (dedupe keys) or do it again.
            _log.LogWarning("Work {Id} was done here after its lease ran out; another instance may do it again", lease.MessageId);
            return;
        }
        if (lease.Blob is { } blob)
            await _account.WorkPayloads.DeleteBlobIfExistsAsync(blob, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task WaitForWorkAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        // Work queued on this instance wakes a worker at once; work queued elsewhere is found by the next poll.
        await _queued.WaitAsync(maxWait < _poll ? maxWait : _poll, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> PendingCountAsync(CancellationToken cancellationToken = default) => PendingCountAsync(cached: false, cancellationToken);

    /// <summary>The queue's approximate count (work waiting, leased and delayed). Enqueueing reads it at most
    /// every half second: the capacity is a guard against a flood, not an exact bound.</summary>
    private async Task<int> PendingCountAsync(bool cached, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        if (cached && _countCache.At != 0 && _time.GetElapsedTime(_countCache.At, now) < CountCacheTime) return _countCache.Count;
        QueueProperties properties = await _account.WorkQueue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        _countCache = (properties.ApproximateMessagesCount, now);
        return properties.ApproximateMessagesCount;
    }

    /// <summary>
    /// How long the oldest work has waited, from the queue's own insertion times: the oldest of the messages at the
    /// front of the queue (a peek of up to 32, which leases nothing) and of the work this instance holds. Work another
    /// instance holds, or put back to retry later, is invisible to a peek until its lease or delay ends, so on several
    /// instances this is the oldest waiting work rather than every piece not yet done; null when nothing is seen.
    /// </summary>
    public async Task<TimeSpan?> OldestPendingAgeAsync(CancellationToken cancellationToken = default)
    {
        PeekedMessage[] peeked = await _account.WorkQueue.PeekMessagesAsync(MaxPeek, cancellationToken).ConfigureAwait(false);
        var oldest = peeked.Select(m => m.InsertedOn)
            .Concat(_leases.Values.Select(l => l.InsertedOn))
            .Where(t => t.HasValue)
            .Min();
        return oldest is { } inserted ? TimeSpan.FromTicks(Math.Max(0, (_time.GetUtcNow() - inserted).Ticks)) : null;
    }

    /// <summary>The most messages one peek returns.</summary>
    private const int MaxPeek = 32;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    public void Dispose()
    {
        foreach (var lease in _leases.Values)
        {
            lease.Stop.Cancel();
        }
        _queued.Dispose();
    }
}
