using MuseBot.Core.Conversation;
using MuseBot.Core.Storage;
using MuseBot.Core.Storage.Sqlite;

namespace MuseBot.Core.Tests;

/// <summary>
/// The embedded conversation store on a real SQLite file, with a clock the test moves: leases, retries, expiry,
/// ETags, and what a new process on the same file finds.
/// </summary>
public sealed class ConversationStoreTests : IDisposable
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
        public void Advance(TimeSpan by) => Now += by;
    }

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-store-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<ConversationDatabase> _opened = [];

    /// <summary>The store as a (new) process opens it.</summary>
    private ConversationDatabase Open()
    {
        var db = ConversationDatabase.InDataFolder(_folder, _clock);
        _opened.Add(db);
        return db;
    }

    public void Dispose()
    {
        foreach (var db in _opened) db.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static NewWork Work(string payload, params string[] keys) => new("test", payload, keys);

    [Fact]
    public async Task Queued_work_is_handed_out_once_per_lease_and_again_only_when_the_lease_runs_out()
    {
        var queue = new SqliteWorkQueue(Open(), capacity: 10, lease: TimeSpan.FromMinutes(2), dedupeWindow: TimeSpan.FromHours(1));
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("a")));
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("b")));

        var first = await queue.TakeAsync();
        var second = await queue.TakeAsync();
        Assert.Equal(["a", "b"], new[] { first!.Payload, second!.Payload });
        Assert.Null(await queue.TakeAsync());           // both leased

        await queue.CompleteAsync(first);
        _clock.Advance(TimeSpan.FromMinutes(3));        // the worker holding "b" died
        var again = await queue.TakeAsync();
        Assert.Equal("b", again!.Payload);
        Assert.Equal(2, again.Attempt);
        Assert.Null(await queue.TakeAsync());
        Assert.Equal(1, await queue.PendingCountAsync());
    }

    [Fact]
    public async Task A_new_process_resumes_leased_work_at_once_and_never_sees_finished_work()
    {
        var before = new SqliteWorkQueue(Open(), 10, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
        foreach (var p in new[] { "done", "in-flight", "queued" }) await before.EnqueueAsync(Work(p));
        await before.CompleteAsync((await before.TakeAsync())!);
        _ = await before.TakeAsync();                   // "in-flight": leased when the process was killed

        var after = new SqliteWorkQueue(Open(), 10, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
        Assert.Equal(1, after.ResumedOnStart);
        Assert.Equal(["in-flight", "queued"], new[] { (await after.TakeAsync())!.Payload, (await after.TakeAsync())!.Payload });
        Assert.Null(await after.TakeAsync());
    }

    [Fact]
    public async Task Retried_work_waits_for_its_delay_and_given_up_work_is_never_handed_out()
    {
        var queue = new SqliteWorkQueue(Open(), 10, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
        await queue.EnqueueAsync(Work("retry"));
        await queue.EnqueueAsync(Work("poison"));
        await queue.RetryLaterAsync((await queue.TakeAsync())!, TimeSpan.FromSeconds(30), "slack down");
        await queue.FailAsync((await queue.TakeAsync())!, "unreadable");

        Assert.Null(await queue.TakeAsync());
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("retry", (await queue.TakeAsync())!.Payload);
        Assert.Equal(1, await queue.PendingCountAsync());
    }

    [Fact]
    public async Task Duplicates_are_refused_within_the_window_and_a_full_queue_says_so()
    {
        var queue = new SqliteWorkQueue(Open(), capacity: 2, TimeSpan.FromMinutes(5), dedupeWindow: TimeSpan.FromMinutes(60));
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("1", "event:1")));
        Assert.Equal(EnqueueOutcome.Duplicate, await queue.EnqueueAsync(Work("1 again", "event:1")));
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("2", "event:2")));
        Assert.Equal(EnqueueOutcome.Full, await queue.EnqueueAsync(Work("3", "event:3")));
        // The refused one left no key behind: once there is room it is taken.
        await queue.CompleteAsync((await queue.TakeAsync())!);
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("3", "event:3")));

        // Keys survive a restart, and are forgotten after the window.
        var dedupe = new SqliteDedupeStore(Open(), TimeSpan.FromMinutes(60));
        Assert.False(await dedupe.TryBeginAsync("event:1"));
        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.True(await dedupe.TryBeginAsync("event:1"));
        Assert.False(await dedupe.TryBeginAsync("event:1"));
        await dedupe.ForgetAsync("event:1");
        Assert.True(await dedupe.TryBeginAsync("event:1"));
    }

    [Fact]
    public async Task State_is_written_with_ETags_and_forgotten_after_its_expiry()
    {
        var db = Open();
        var state = new SqliteConversationStateStore(db, TimeSpan.FromHours(24));
        var etag = await state.WriteAsync("conv/1", """{"n":1}""", ifMatch: null);
        var second = await state.WriteAsync("conv/1", """{"n":2}""", ifMatch: etag);
        Assert.NotEqual(etag, second);
        // A writer that read before the second write holds a stale ETag: refused, nothing changed.
        await Assert.ThrowsAsync<StateConflictException>(() => state.WriteAsync("conv/1", """{"n":3}""", ifMatch: etag));
        Assert.Equal(new StoredState("""{"n":2}""", second), await state.ReadAsync("conv/1"));

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(await state.ReadAsync("conv/1"));
        _clock.Advance(TimeSpan.FromHours(2));           // 25 h after the last write
        Assert.Null(await state.ReadAsync("conv/1"));
        Assert.True(await db.PurgeExpiredAsync(TimeSpan.FromHours(1)) >= 1);
        await state.WriteAsync("conv/1", """{"n":4}""", ifMatch: second);   // an expired document counts as absent
    }

    [Fact]
    public async Task Answers_are_found_by_the_id_they_were_sent_with_until_their_retention_ends()
    {
        var ledger = new SqliteAnswerLedger(Open(), TimeSpan.FromDays(30));
        await ledger.RememberAsync(new AnsweredMessage("msteams", "c1", "reply-1", "first question", ["§1 A"]));
        await ledger.RememberAsync(new AnsweredMessage("msteams", "c1", "reply-2", "second question", []));

        var found = await new SqliteAnswerLedger(Open(), TimeSpan.FromDays(30)).FindAsync("msteams", "c1", "reply-1");
        Assert.Equal("first question", found!.Question);
        Assert.Equal(["§1 A"], found.Citations);
        Assert.Null(await ledger.FindAsync("msteams", "other", "reply-1"));
        _clock.Advance(TimeSpan.FromDays(31));
        Assert.Null(await ledger.FindAsync("msteams", "c1", "reply-1"));
    }
}
