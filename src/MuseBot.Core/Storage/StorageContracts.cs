namespace MuseBot.Core.Storage;

/// <summary>Work to do later, taken on now: written durably before the caller acknowledges it.</summary>
/// <param name="Kind">What sort of work (the worker dispatches on it), e.g. "slack.thread".</param>
/// <param name="Payload">The work itself, as JSON.</param>
/// <param name="DedupeKeys">Keys that identify the work; if any of them was taken on within the dedupe window, the
/// work is a repeat and is not queued again. The keys are recorded with the work, atomically where the store allows.</param>
public sealed record NewWork(string Kind, string Payload, IReadOnlyList<string> DedupeKeys);

public enum EnqueueOutcome
{
    /// <summary>Stored: it will be done, after a restart if need be.</summary>
    Enqueued,

    /// <summary>A repeat of work already taken on: nothing stored.</summary>
    Duplicate,

    /// <summary>The backlog is at capacity: nothing stored; the sender should try again later.</summary>
    Full,
}

/// <summary>Work a worker holds for a while (its lease); another worker gets it only if the lease runs out.</summary>
/// <param name="Id">The store's id for the work (a row id, a queue message id): for logs and for the store itself.</param>
/// <param name="Attempt">1 for the first try.</param>
public sealed record LeasedWork(string Id, string Kind, string Payload, int Attempt);

/// <summary>How the Slack work queue is sized, whichever store holds it (registered by the channel that queues work).</summary>
/// <param name="Capacity">Work waiting before new work is refused (<see cref="EnqueueOutcome.Full"/>).</param>
/// <param name="Lease">How long a worker may hold work without renewing its lease: longer than the longest try.</param>
public sealed record WorkQueueSettings(int Capacity, TimeSpan Lease);

/// <summary>
/// A durable queue with at-least-once delivery: work is stored before it is acknowledged, leased to one worker at a
/// time, and removed only when the worker says it is done; work whose worker died is handed out again. The
/// embedded implementation is <see cref="Sqlite.SqliteWorkQueue"/>; the shared one (MuseBot.Storage.Azure) is an
/// Azure Storage queue with a table for the dedupe keys.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Stores the work unless it is a repeat or the backlog is full. Returns once the work is durable.</summary>
    Task<EnqueueOutcome> EnqueueAsync(NewWork work, CancellationToken cancellationToken = default);

    /// <summary>The oldest work that is due and not leased, now leased to the caller; null when there is none.</summary>
    Task<LeasedWork?> TakeAsync(CancellationToken cancellationToken = default);

    /// <summary>Done: the work is never handed out again.</summary>
    Task CompleteAsync(LeasedWork work, CancellationToken cancellationToken = default);

    /// <summary>Not done this time: hand it out again after <paramref name="delay"/>.</summary>
    Task RetryLaterAsync(LeasedWork work, TimeSpan delay, string reason, CancellationToken cancellationToken = default);

    /// <summary>Given up on: kept for inspection, never handed out again.</summary>
    Task FailAsync(LeasedWork work, string reason, CancellationToken cancellationToken = default);

    /// <summary>Waits until work may be due (something was queued here) or <paramref name="maxWait"/> has passed.</summary>
    Task WaitForWorkAsync(TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>Work stored and not yet done or given up on.</summary>
    Task<int> PendingCountAsync(CancellationToken cancellationToken = default);

    /// <summary>How long the oldest work not yet done has waited; null when there is none (or the queue cannot
    /// tell). For the queue-age gauge.</summary>
    Task<TimeSpan?> OldestPendingAgeAsync(CancellationToken cancellationToken = default) => Task.FromResult<TimeSpan?>(null);
}

/// <summary>
/// "Have we seen this already?" for requests that may arrive twice: Slack's retries and replayed signed requests,
/// Teams resending an activity it got no answer for. A key is remembered for the dedupe window.
/// </summary>
public interface IDedupeStore
{
    /// <summary>True the first time <paramref name="key"/> is seen within the window (and remembers it); false for a repeat.</summary>
    Task<bool> TryBeginAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Forgets <paramref name="key"/>, so that a retry of work that could not be taken on is taken on.</summary>
    Task ForgetAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>A stored JSON document and the ETag it was stored with.</summary>
public sealed record StoredState(string Json, string ETag);

/// <summary>Thrown when a write names an ETag that is no longer the stored one: someone else wrote in between.</summary>
public sealed class StateConflictException(string key) : InvalidOperationException($"Etag conflict: the state '{key}' was changed by another writer.")
{
    public string Key { get; } = key;
}

/// <summary>
/// Conversation state (what the bot remembers between turns), as JSON documents with ETags for optimistic
/// concurrency. A document not written for the configured expiry is forgotten, so the store stays bounded however
/// many conversations there are.
/// </summary>
public interface IConversationStateStore
{
    Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes the document and returns its new ETag. With <paramref name="ifMatch"/>, only if the stored
    /// ETag is that one (or nothing is stored): otherwise <see cref="StateConflictException"/>.</summary>
    Task<string> WriteAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>The answers the bot sent, by the id each was sent with, so that a 👍/👎 is tied to its own question.</summary>
public interface IAnswerLedger
{
    Task RememberAsync(Conversation.AnsweredMessage answered, CancellationToken cancellationToken = default);

    Task<Conversation.AnsweredMessage?> FindAsync(string channel, string conversation, string messageId, CancellationToken cancellationToken = default);
}

/// <summary>
/// An app installed into a chat workspace through its OAuth flow (Slack's oauth.v2.access): whose it is and the bot
/// token to answer it with. The token is stored as the host protected it (<paramref name="ProtectedBotToken"/>,
/// encrypted at rest); the store never sees it in the clear.
/// </summary>
/// <param name="WorkspaceId">The key: the team id (T…), or the enterprise id (E…) of an org-wide install.</param>
/// <param name="RevokedReason">Set when a call with the token was refused (invalid_auth, token_revoked): the token
/// is not used again until the workspace reinstalls.</param>
public sealed record WorkspaceInstallation(
    string WorkspaceId,
    string? TeamId,
    string? EnterpriseId,
    string? BotUserId,
    string ProtectedBotToken,
    string Scopes,
    string? InstallerUserId,
    DateTimeOffset InstalledAt,
    string? RevokedReason = null);

/// <summary>
/// The workspaces that installed the app, by <see cref="WorkspaceInstallation.WorkspaceId"/>. A reinstall replaces
/// the installation (and clears a revocation); an uninstall deletes it. The embedded implementation is
/// <see cref="Sqlite.SqliteInstallationStore"/>.
/// </summary>
public interface IInstallationStore
{
    /// <summary>Stores the installation, replacing any for the same workspace. Returns once it is durable.</summary>
    Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default);

    Task<WorkspaceInstallation?> FindAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Marks the installation's token as refused, with why; false when there is no such installation.</summary>
    Task<bool> MarkRevokedAsync(string workspaceId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Deletes the installation; false when there was none.</summary>
    Task<bool> DeleteAsync(string workspaceId, CancellationToken cancellationToken = default);
}

/// <summary>
/// What the host does with whichever store is configured, beside the interfaces above: create what it needs at start
/// (so a store that cannot be reached stops the host with a message), delete what has expired, and say what it is.
/// </summary>
public interface IConversationStoreMaintenance
{
    /// <summary>"SQLite /path/conversations.db" or "Azure Storage account x": for the start-up log.</summary>
    string Description { get; }

    /// <summary>Creates the files, tables, queues or containers the store needs, if missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes what has expired; returns how many items were removed.</summary>
    Task<int> PurgeExpiredAsync(TimeSpan keepFinishedWork, CancellationToken cancellationToken = default);
}
