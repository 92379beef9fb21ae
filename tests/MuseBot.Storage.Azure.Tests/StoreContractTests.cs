using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MuseBot.Contracts;
using MuseBot.Core.Conversation;
using MuseBot.Core.Feedback;
using MuseBot.Core.Storage;
using MuseBot.Core.Storage.Sqlite;

namespace MuseBot.Storage.Azure.Tests;

/// <summary>A clock the test moves (expiry of dedupe keys, state and answers is the store's own arithmetic).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>
/// One provider of the store under test, as the contract tests use it: the embedded SQLite store or the shared Azure
/// Storage one. A test class holds one, so each class has a store of its own.
/// </summary>
public abstract class StoreProvider : IAsyncDisposable
{
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan StateExpiry = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AnswerRetention = TimeSpan.FromDays(1);
    // Long enough that renewals every third of it hold a lease on a loaded machine: at 3 s a completed item came
    // back once (Attempt 2) when Azurite answered a renewal more than 2 s late.
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public abstract Task InitializeAsync();
    public abstract ValueTask DisposeAsync();

    /// <summary>The queue as one instance (process) sees it; a second call is another instance on the same store.</summary>
    public abstract IWorkQueue Queue(int capacity = 100);
    public abstract IDedupeStore Dedupe();
    public abstract IConversationStateStore State();
    public abstract IAnswerLedger Answers();
    public abstract IFeedbackStore Feedback();
    public abstract IConversationStoreMaintenance Maintenance();

    /// <summary>The installations as one instance sees them; a second call is another instance on the same store.</summary>
    public abstract IInstallationStore Installations();

    /// <summary>The instance holding <paramref name="queue"/>'s work dies (kill -9); returns the queue of the instance
    /// that takes over, once the dead one's leases may have run out.</summary>
    public abstract Task<IWorkQueue> CrashAndTakeOverAsync(IWorkQueue queue);

    /// <summary>Lets <paramref name="span"/> pass for the store (the test clock, and for a service's own clock, real time).</summary>
    public abstract Task PassAsync(TimeSpan span);
}

/// <summary>
/// The behaviours every store provider must have, run once per provider by the classes below: the embedded SQLite
/// store and the shared Azure Storage one on a real Azurite. Work queue leases are in real time for Azure (the
/// queue's visibility timeout is the service's clock), so queue timings here are a few seconds. The queue's
/// behaviours and the rest are two classes, so that xunit runs them side by side: most of their time is waiting.
/// </summary>
public abstract class ContractTests(StoreProvider provider) : IAsyncLifetime
{
    protected static readonly TimeSpan DedupeWindow = StoreProvider.DedupeWindow;
    protected static readonly TimeSpan StateExpiry = StoreProvider.StateExpiry;
    protected static readonly TimeSpan AnswerRetention = StoreProvider.AnswerRetention;
    protected static readonly TimeSpan Lease = StoreProvider.Lease;

    protected ManualClock Clock => provider.Clock;

    public Task InitializeAsync() => provider.InitializeAsync();
    public Task DisposeAsync() => provider.DisposeAsync().AsTask();

    protected IWorkQueue Queue(int capacity = 100) => provider.Queue(capacity);
    protected IDedupeStore Dedupe() => provider.Dedupe();
    protected IConversationStateStore State() => provider.State();
    protected IAnswerLedger Answers() => provider.Answers();
    protected IFeedbackStore Feedback() => provider.Feedback();
    protected IConversationStoreMaintenance Maintenance() => provider.Maintenance();
    protected IInstallationStore Installations() => provider.Installations();
    protected Task<IWorkQueue> CrashAndTakeOverAsync(IWorkQueue queue) => provider.CrashAndTakeOverAsync(queue);
    protected Task PassAsync(TimeSpan span) => provider.PassAsync(span);

    protected static NewWork Work(string payload, params string[] keys) => new("test", payload, keys);
}

/// <summary>The work queue's behaviours (and the dedupe keys work is queued with).</summary>
public abstract class QueueContractTests(StoreProvider provider) : ContractTests(provider)
{
    [Fact]
    public async Task Queued_work_is_handed_out_once_and_completed_work_never_again()
    {
        var queue = Queue();
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("a", "key-a")));
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("b", "key-b")));
        Assert.Equal(2, await queue.PendingCountAsync());

        var first = await queue.TakeAsync();
        var second = await queue.TakeAsync();
        Assert.Equal(["a", "b"], new[] { first!.Payload, second!.Payload }.Order());
        Assert.Equal("test", first.Kind);
        Assert.Equal(1, first.Attempt);
        Assert.Null(await queue.TakeAsync());           // both leased

        await queue.CompleteAsync(first);
        await queue.CompleteAsync(second);
        await PassAsync(Lease * 2);
        Assert.Null(await queue.TakeAsync());
        Assert.Equal(0, await queue.PendingCountAsync());
    }

    [Fact]
    public async Task A_repeat_is_not_queued_again_whichever_instance_receives_it()
    {
        var a = Queue();
        var b = Queue();
        Assert.Equal(EnqueueOutcome.Enqueued, await a.EnqueueAsync(Work("x", "event-1", "message-1")));
        Assert.Equal(EnqueueOutcome.Duplicate, await b.EnqueueAsync(Work("x again", "event-1")));
        Assert.Equal(EnqueueOutcome.Duplicate, await a.EnqueueAsync(Work("same message, other event", "event-2", "message-1")));
        // the refused work kept none of its keys
        Assert.Equal(EnqueueOutcome.Enqueued, await b.EnqueueAsync(Work("y", "event-2")));
        Assert.Equal(2, await a.PendingCountAsync());
    }

    [Fact]
    public async Task The_same_work_sent_to_many_instances_at_once_is_queued_once()
    {
        var queues = Enumerable.Range(0, 6).Select(_ => Queue()).ToList();
        var outcomes = await Task.WhenAll(queues.Select(q => Task.Run(() => q.EnqueueAsync(Work("once", "event-42", "retry-of-42")))));
        Assert.Single(outcomes, o => o == EnqueueOutcome.Enqueued);
        Assert.All(outcomes.Where(o => o != EnqueueOutcome.Enqueued), o => Assert.Equal(EnqueueOutcome.Duplicate, o));
        Assert.Equal(1, await queues[0].PendingCountAsync());
    }

    [Fact]
    public async Task Work_held_by_an_instance_that_died_is_handed_to_another()
    {
        var dying = Queue();
        await dying.EnqueueAsync(Work("in flight", "f"));
        await dying.EnqueueAsync(Work("waiting", "w"));
        Assert.Equal("in flight", (await dying.TakeAsync())!.Payload);

        var crashed = DateTime.UtcNow;
        var survivor = await CrashAndTakeOverAsync(dying);
        // The dead instance's last renewal may have landed just before it died: poll (bounded) until the work it held
        // is handed out too, rather than take the queue's first empty answer for the end of it.
        var taken = new List<LeasedWork>();
        while (taken.Count < 2)
        {
            if (await survivor.TakeAsync() is { } w) taken.Add(w);
            else if (DateTime.UtcNow - crashed > Lease * 3) break;
            else await Task.Delay(200);
        }
        Assert.Null(await survivor.TakeAsync());        // and nothing else: each handed out once
        Assert.Equal(["in flight", "waiting"], taken.Select(w => w.Payload).Order());
        Assert.Equal(2, taken.Single(w => w.Payload == "in flight").Attempt);
        foreach (var w in taken) await survivor.CompleteAsync(w);
        Assert.Equal(0, await survivor.PendingCountAsync());
    }

    [Fact]
    public async Task A_large_payload_round_trips()
    {
        var queue = Queue();
        var payload = "{\"text\":\"" + new string('x', 100_000) + "\"}";
        await queue.EnqueueAsync(Work(payload, "big"));
        var work = await queue.TakeAsync();
        Assert.Equal(payload, work!.Payload);
        await queue.CompleteAsync(work);
    }
}

/// <summary>The queue's behaviours in time: capacity, delays, the oldest work's age (a class of their own, so that
/// their waits run beside the others').</summary>
public abstract class QueueTimingContractTests(StoreProvider provider) : ContractTests(provider)
{
    [Fact]
    public async Task A_full_queue_refuses_work_and_keeps_none_of_its_keys()
    {
        var queue = Queue(capacity: 2);
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("1", "k1")));
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("2", "k2")));
        Assert.Equal(EnqueueOutcome.Full, await queue.EnqueueAsync(Work("3", "k3")));
        await queue.CompleteAsync((await queue.TakeAsync())!);
        await PassAsync(TimeSpan.FromSeconds(1));       // Azure's capacity check reads a count cached for 0.5 s
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(Work("3", "k3")));
    }

    [Fact]
    public async Task Work_put_back_waits_for_its_delay_and_work_given_up_on_is_never_handed_out()
    {
        var queue = Queue();
        await queue.EnqueueAsync(Work("retry", "r"));
        await queue.EnqueueAsync(Work("poison", "p"));
        var taken = new[] { (await queue.TakeAsync())!, (await queue.TakeAsync())! };
        // a delay long enough that a loaded machine (test projects run side by side on two cores) still asks before it is due
        await queue.RetryLaterAsync(taken.Single(w => w.Payload == "retry"), TimeSpan.FromSeconds(5), "Slack said 503");
        await queue.FailAsync(taken.Single(w => w.Payload == "poison"), "cannot be read");
        Assert.Null(await queue.TakeAsync());           // not due yet

        await PassAsync(TimeSpan.FromSeconds(6));
        var again = await queue.TakeAsync();
        Assert.Equal("retry", again!.Payload);
        Assert.Equal(2, again.Attempt);
        await queue.CompleteAsync(again);
        Assert.Null(await queue.TakeAsync());
        Assert.Equal(0, await queue.PendingCountAsync());
    }

    [Fact]
    public async Task The_oldest_work_not_yet_done_has_its_age_and_an_empty_queue_none()
    {
        var queue = Queue();
        Assert.Null(await queue.OldestPendingAgeAsync());
        await queue.EnqueueAsync(Work("first", "age-1"));
        await PassAsync(TimeSpan.FromSeconds(3));
        await queue.EnqueueAsync(Work("second", "age-2"));
        // Azure Storage gives insertion times to the second: the bounds allow for that.
        Assert.InRange((await queue.OldestPendingAgeAsync())!.Value, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(60));

        // Work this instance is doing still waits for its reply.
        var taken = new[] { (await queue.TakeAsync())!, (await queue.TakeAsync())! };
        var withFirst = (await queue.OldestPendingAgeAsync())!.Value;
        Assert.InRange(withFirst, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(60));
        await queue.CompleteAsync(taken.Single(w => w.Payload == "first"));
        Assert.InRange((await queue.OldestPendingAgeAsync())!.Value, TimeSpan.Zero, withFirst - TimeSpan.FromSeconds(1));   // now the second's
        await queue.CompleteAsync(taken.Single(w => w.Payload == "second"));
        Assert.Null(await queue.OldestPendingAgeAsync());
    }
}

/// <summary>Dedupe keys, conversation state, sent answers, feedback and installations.</summary>
public abstract class StoreContractTests(StoreProvider provider) : ContractTests(provider)
{
    [Fact]
    public async Task A_dedupe_key_is_seen_once_within_its_window_and_once_more_after_it()
    {
        var a = Dedupe();
        var b = Dedupe();
        const string key = "slack:event:Ev01/team#T1?x";  // characters a table key may not hold
        Assert.True(await a.TryBeginAsync(key));
        Assert.False(await b.TryBeginAsync(key));
        Assert.False(await a.TryBeginAsync(key));
        Assert.True(await b.TryBeginAsync("another"));

        await a.ForgetAsync(key);
        Assert.True(await b.TryBeginAsync(key));

        Clock.Advance(DedupeWindow + TimeSpan.FromMinutes(1));
        Assert.True(await a.TryBeginAsync(key));        // expired: taken over
        Assert.False(await b.TryBeginAsync(key));
    }

    [Fact]
    public async Task Concurrent_first_sightings_of_one_key_let_exactly_one_through()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Dedupe()).ToList();
        var results = await Task.WhenAll(stores.Select(s => Task.Run(() => s.TryBeginAsync("teams:activity:abc"))));
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task State_is_written_with_ETags_so_a_stale_writer_is_refused()
    {
        var a = State();
        var b = State();
        const string key = "teams/conversation:19:abc@thread.v2/user";
        Assert.Null(await a.ReadAsync(key));
        var etag1 = await a.WriteAsync(key, "{\"q\":1}", ifMatch: null);
        var read = await b.ReadAsync(key);
        Assert.Equal("{\"q\":1}", read!.Json);
        Assert.Equal(etag1, read.ETag);

        var etag2 = await b.WriteAsync(key, "{\"q\":2}", etag1);
        Assert.NotEqual(etag1, etag2);
        await Assert.ThrowsAsync<StateConflictException>(() => a.WriteAsync(key, "{\"q\":\"stale\"}", etag1));
        Assert.Equal("{\"q\":2}", (await a.ReadAsync(key))!.Json);

        await a.DeleteAsync(key);
        Assert.Null(await b.ReadAsync(key));
        // nothing stored counts as absent: a writer holding an old ETag may write
        await b.WriteAsync(key, "{\"q\":3}", etag2);
        Assert.Equal("{\"q\":3}", (await a.ReadAsync(key))!.Json);
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_ETag_one_wins()
    {
        var etag = await State().WriteAsync("race", "{}", null);
        var writers = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await State().WriteAsync("race", $"{{\"w\":{i}}}", etag);
                return true;
            }
            catch (StateConflictException)
            {
                return false;
            }
        }));
        Assert.Single(await Task.WhenAll(writers), won => won);
    }

    [Fact]
    public async Task State_is_forgotten_after_its_expiry_and_purged()
    {
        var store = State();
        var etag = await store.WriteAsync("old", "{\"q\":1}", null);
        Clock.Advance(StateExpiry + TimeSpan.FromMinutes(1));
        Assert.Null(await store.ReadAsync("old"));
        await store.WriteAsync("fresh", "{}", null);
        Assert.True(await Maintenance().PurgeExpiredAsync(TimeSpan.FromHours(1)) >= 1);
        Assert.Null(await store.ReadAsync("old"));
        Assert.NotNull(await store.ReadAsync("fresh"));
        await store.WriteAsync("old", "{\"q\":2}", etag);   // expired counts as absent
        Assert.Equal("{\"q\":2}", (await store.ReadAsync("old"))!.Json);
    }

    [Fact]
    public async Task Sent_answers_are_found_by_their_id_through_any_instance_until_their_retention_ends()
    {
        var answered = new AnsweredMessage("slack", "T1/C1", "1712345678.000100", "What is the target price?", ["p3", "t1"]);
        await Answers().RememberAsync(answered);
        var found = await Answers().FindAsync("slack", "T1/C1", "1712345678.000100");
        Assert.Equal(answered.Question, found!.Question);
        Assert.Equal(["p3", "t1"], found.Citations);
        Assert.Null(await Answers().FindAsync("slack", "T1/C2", "1712345678.000100"));
        Clock.Advance(AnswerRetention + TimeSpan.FromHours(1));
        Assert.Null(await Answers().FindAsync("slack", "T1/C1", "1712345678.000100"));
    }

    [Fact]
    public async Task Feedback_and_unanswered_questions_from_every_instance_make_one_report()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var a = Feedback();
        var b = Feedback();
        await a.RecordUnansweredAsync(new UnansweredRecord("teams", "what is the weather", at));
        await b.RecordUnansweredAsync(new UnansweredRecord("slack", "What is the weather?", at.AddMinutes(1)));
        await b.RecordUnansweredAsync(new UnansweredRecord("slack", "who is the ceo", at.AddMinutes(2)));
        await a.RecordFeedbackAsync(new FeedbackRecord("teams", "Revenue growth?", false, ["p1"], "u1", at.AddMinutes(3)));
        await b.RecordFeedbackAsync(new FeedbackRecord("slack", "revenue growth", false, ["p1"], "u2", at.AddMinutes(4)));
        await b.RecordFeedbackAsync(new FeedbackRecord("slack", "revenue growth", true, ["p1"], "u3", at.AddMinutes(5)));
        await a.RecordFeedbackAsync(new FeedbackRecord("web", "Margins?", true, [], "u4", at.AddMinutes(6)));
        await a.RecordFeedbackAsync(new FeedbackRecord("web", "Dividend?", false, [], "u5", at.AddMinutes(7)));

        var report = await Feedback().ReportAsync(top: 10);
        Assert.Equal([("What is the weather?", 2), ("who is the ceo", 1)], report.TopUnanswered);
        Assert.Equal([("revenue growth", 2, 1), ("Dividend?", 1, 0)], report.MostDownvoted);
        var top1 = await Feedback().ReportAsync(top: 1);
        Assert.Single(top1.TopUnanswered);
        Assert.Single(top1.MostDownvoted);
    }

    [Fact]
    public async Task A_periods_insights_count_what_every_instance_recorded_in_it_and_nothing_outside_it()
    {
        // Two weeks that cross a month end: the week reads several days' (and two months') records, not others.
        var now = new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
        var from = now.AddDays(-7);
        var a = (IFeedbackInsights)Feedback();
        var b = (IFeedbackInsights)Feedback();
        await a.RecordAnsweredAsync(new AnsweredRecord("slack", from));                         // the first instant counts
        await b.RecordAnsweredAsync(new AnsweredRecord("msteams", now.AddDays(-3)));
        await a.RecordAnsweredAsync(new AnsweredRecord("slack", now.AddDays(-1)));
        await b.RecordAnsweredAsync(new AnsweredRecord("slack", now.AddDays(-1).AddHours(1)));
        await a.RecordAnsweredAsync(new AnsweredRecord("slack", from.AddTicks(-1)));            // before: not counted
        await b.RecordAnsweredAsync(new AnsweredRecord("slack", now));                          // the end is not in it
        var fa = (IFeedbackStore)a;
        var fb = (IFeedbackStore)b;
        await fa.RecordUnansweredAsync(new UnansweredRecord("msteams", "Stock price?", now.AddDays(-5)));
        await fb.RecordUnansweredAsync(new UnansweredRecord("slack", "stock price", now.AddDays(-1)));
        await fb.RecordUnansweredAsync(new UnansweredRecord("slack", "Who is the CEO?", now.AddDays(-2)));
        await fa.RecordUnansweredAsync(new UnansweredRecord("slack", "Old question", now.AddDays(-9)));
        await fa.RecordUnansweredAsync(new UnansweredRecord("slack", "Old question", now.AddDays(-10)));
        FeedbackRecord Rated(bool helpful, string[] citations, DateTimeOffset at) => new("slack", "q", helpful, citations, "h", at);
        await fa.RecordFeedbackAsync(Rated(false, ["§7 Infrastructure Signal; table \"Capex\", row \"2025\"", "§7 Infrastructure Signal"], now.AddDays(-1)));
        await fb.RecordFeedbackAsync(Rated(true, ["§2 Launch"], now.AddDays(-1)));
        await fa.RecordFeedbackAsync(Rated(true, ["§2 Launch", "§7 Infrastructure Signal"], now.AddDays(-5)));
        await fb.RecordFeedbackAsync(Rated(false, [], now.AddDays(-3)));
        await fa.RecordFeedbackAsync(Rated(false, ["§2 Launch"], now.AddDays(-8)));             // outside the period

        var week = await ((IFeedbackInsights)Feedback()).InsightsAsync(from, now, 5);
        Assert.Equal((4, 3), (week.Answered, week.Refused));
        Assert.Equal([("stock price", 2), ("Who is the CEO?", 1)], week.TopRefused);
        Assert.Equal([new SectionFeedback("§7 Infrastructure Signal", 1, 1), new SectionFeedback("(no citation)", 0, 1), new SectionFeedback("§2 Launch", 2, 0)],
            week.BySection);
        Assert.Equal(
            [
                new DayActivity(new DateOnly(2026, 2, 24), 1, 0, 0, 0),
                new DayActivity(new DateOnly(2026, 2, 26), 0, 1, 1, 0),
                new DayActivity(new DateOnly(2026, 2, 28), 1, 0, 0, 1),
                new DayActivity(new DateOnly(2026, 3, 1), 0, 1, 0, 0),
                new DayActivity(new DateOnly(2026, 3, 2), 2, 1, 1, 1),
            ], week.Days);
        Assert.Single((await ((IFeedbackInsights)Feedback()).InsightsAsync(from, now, 1)).TopRefused);
        var empty = await ((IFeedbackInsights)Feedback()).InsightsAsync(now.AddYears(-1), now.AddYears(-1).AddDays(7), 5);
        Assert.Equal((0, 0), (empty.Answered, empty.Refused));
        Assert.Empty(empty.Days);
        Assert.Empty(empty.BySection);
    }

    // Milliseconds: what every provider keeps of the install time.
    private static readonly DateTimeOffset InstalledAt = DateTimeOffset.FromUnixTimeMilliseconds(1_782_770_000_123);

    [Fact]
    public async Task An_installation_saved_through_one_instance_is_found_whole_through_another()
    {
        var team = new WorkspaceInstallation("T0ACME", "T0ACME", "E0ORG", "U0BOT", "protected-token-1", "app_mentions:read,chat:write", "U0INSTALLER", InstalledAt);
        var org = new WorkspaceInstallation("E0GRID", null, "E0GRID", "U0BOTORG", "protected-token-2", "chat:write", null, InstalledAt.AddMinutes(1));
        await Installations().SaveAsync(team);
        await Installations().SaveAsync(org);
        Assert.Equal(team, await Installations().FindAsync("T0ACME"));
        Assert.Equal(org, await Installations().FindAsync("E0GRID"));   // an org-wide install, by its enterprise id, nulls kept
        Assert.Null(await Installations().FindAsync("T0NEVER"));
        Assert.Null(await Installations().FindAsync("t0acme"));          // ids are exact
    }

    [Fact]
    public async Task A_revoked_installation_is_marked_for_every_instance_and_a_reinstall_clears_it()
    {
        var a = Installations();
        var b = Installations();
        await a.SaveAsync(new WorkspaceInstallation("T0REVOKE", "T0REVOKE", null, "U0BOT", "protected-1", "chat:write", "U0ME", InstalledAt));
        Assert.True(await b.MarkRevokedAsync("T0REVOKE", "invalid_auth"));
        var revoked = await a.FindAsync("T0REVOKE");
        Assert.Equal(("invalid_auth", "protected-1", "U0ME"), (revoked!.RevokedReason, revoked.ProtectedBotToken, revoked.InstallerUserId));   // the rest kept
        Assert.False(await a.MarkRevokedAsync("T0NOSUCH", "invalid_auth"));
        Assert.Null(await b.FindAsync("T0NOSUCH"));                       // marking a missing one creates nothing

        // The reinstall replaces the installation whole: new token and scopes, the revocation and the old enterprise gone.
        var reinstall = new WorkspaceInstallation("T0REVOKE", "T0REVOKE", null, "U0BOT2", "protected-2", "chat:write,commands", null, InstalledAt.AddDays(1));
        await b.SaveAsync(reinstall);
        Assert.Equal(reinstall, await a.FindAsync("T0REVOKE"));
    }

    [Fact]
    public async Task An_uninstalled_workspace_is_gone_for_every_instance_and_deleting_it_again_says_so()
    {
        var a = Installations();
        var b = Installations();
        await a.SaveAsync(new WorkspaceInstallation("T0GONE", "T0GONE", null, "U0BOT", "protected-1", "chat:write", null, InstalledAt));
        await a.SaveAsync(new WorkspaceInstallation("T0STAYS", "T0STAYS", null, "U0BOT", "protected-2", "chat:write", null, InstalledAt));
        Assert.True(await b.DeleteAsync("T0GONE"));
        Assert.Null(await a.FindAsync("T0GONE"));
        Assert.False(await a.DeleteAsync("T0GONE"));
        Assert.False(await b.MarkRevokedAsync("T0GONE", "token_revoked"));
        Assert.Equal("protected-2", (await b.FindAsync("T0STAYS"))!.ProtectedBotToken);   // the other workspace untouched
    }

    [Fact]
    public async Task Initialising_twice_is_harmless_and_the_store_says_what_it_is()
    {
        await Maintenance().InitializeAsync();
        await Maintenance().InitializeAsync();
        Assert.False(string.IsNullOrWhiteSpace(Maintenance().Description));
    }
}

/// <summary>The embedded store: SQLite files in a temporary folder.</summary>
public sealed class SqliteStoreProvider : StoreProvider
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-contract-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<IDisposable> _opened = [];
    private ConversationDatabase _db = null!;
    private SqliteFeedbackStore _feedback = null!;

    public override Task InitializeAsync()
    {
        _db = Open();
        _feedback = SqliteFeedbackStore.InDataFolder(_folder);
        _opened.Add(_feedback);
        return Task.CompletedTask;
    }

    private ConversationDatabase Open()
    {
        var db = ConversationDatabase.InDataFolder(_folder, Clock);
        _opened.Add(db);
        return db;
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var d in _opened) d.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    // One process per store file: instances of one process share the database object.
    public override IWorkQueue Queue(int capacity = 100) => new SqliteWorkQueue(_db, capacity, Lease, DedupeWindow);
    public override IDedupeStore Dedupe() => new SqliteDedupeStore(_db, DedupeWindow);
    public override IConversationStateStore State() => new SqliteConversationStateStore(_db, StateExpiry);
    public override IAnswerLedger Answers() => new SqliteAnswerLedger(_db, AnswerRetention);
    public override IFeedbackStore Feedback() => _feedback;
    public override IConversationStoreMaintenance Maintenance() => new SqliteStoreMaintenance(_db);
    public override IInstallationStore Installations() => new SqliteInstallationStore(_db);

    public override Task<IWorkQueue> CrashAndTakeOverAsync(IWorkQueue queue)
    {
        // The embedded store is one node: the next process on the same file resumes the leases at start.
        _db = Open();
        return Task.FromResult(Queue());
    }

    public override Task PassAsync(TimeSpan span)
    {
        Clock.Advance(span);
        return Task.CompletedTask;
    }
}

/// <summary>The shared store: Azure Storage on a real Azurite (shared by the test classes), every "instance" its own clients,
/// every test class its own names (Storage:Prefix).</summary>
public sealed class AzureStoreProvider(AzuriteFixture fixture) : StoreProvider
{
    private StorageOptions _options = null!;
    private readonly List<AzureWorkQueue> _queues = [];
    private readonly List<IDisposable> _disposables = [];

    public override async Task InitializeAsync()
    {
        var azurite = await fixture.GetAsync();
        _options = Options(azurite.ConnectionString, azurite.NewPrefix(), Lease);
        await Maintenance().InitializeAsync();
    }

    private static StorageOptions Options(string connectionString, string prefix, TimeSpan lease) => new()
    {
        Provider = StorageOptions.AzureStorage,
        ConnectionString = connectionString,
        Prefix = prefix,
        QueueVisibilityTimeoutSeconds = (int)lease.TotalSeconds,
        QueuePollMilliseconds = 200,
        TimeoutSeconds = 10,
        MaxRetries = 1,
    };

    public override ValueTask DisposeAsync()
    {
        foreach (var q in _queues) q.Dispose();
        foreach (var d in _disposables) d.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Disposed with the provider.</summary>
    public void Track(IDisposable disposable) => _disposables.Add(disposable);

    /// <summary>New clients, as another instance would have.</summary>
    public AzureStorageAccount Account() => new(_options);

    public override IWorkQueue Queue(int capacity = 100) => Queue(Lease, capacity);

    /// <summary>An instance's queue whose leases last <paramref name="lease"/> instead of <see cref="StoreProvider.Lease"/>.</summary>
    public IWorkQueue Queue(TimeSpan lease, int capacity = 100)
    {
        var account = new AzureStorageAccount(Options(_options.ConnectionString!, _options.Prefix, lease));
        var queue = new AzureWorkQueue(account, new AzureDedupeStore(account, Clock, DedupeWindow), new WorkQueueSettings(capacity, lease),
            TimeProvider.System, NullLogger<AzureWorkQueue>.Instance);
        _queues.Add(queue);
        return queue;
    }

    public override IDedupeStore Dedupe() => new AzureDedupeStore(Account(), Clock, DedupeWindow);
    public override IConversationStateStore State() => new AzureConversationStateStore(Account(), Clock, StateExpiry);
    public override IAnswerLedger Answers() => new AzureAnswerLedger(Account(), Clock, AnswerRetention);
    public override IFeedbackStore Feedback() => new AzureFeedbackStore(Account());
    public override IInstallationStore Installations() => new AzureInstallationStore(Account());

    public override IConversationStoreMaintenance Maintenance()
    {
        var account = Account();
        return new AzureStoreMaintenance(account, new AzureConversationStateStore(account, Clock, StateExpiry), Clock);
    }

    public override async Task<IWorkQueue> CrashAndTakeOverAsync(IWorkQueue queue)
    {
        ((AzureWorkQueue)queue).Dispose();   // its lease renewals stop, as when the process dies
        await Task.Delay(Lease + TimeSpan.FromSeconds(1));
        return Queue();
    }

    public override async Task PassAsync(TimeSpan span)
    {
        Clock.Advance(span);
        await Task.Delay(span);
    }
}

public sealed class SqliteQueueContractTests() : QueueContractTests(new SqliteStoreProvider());

public sealed class SqliteStoreContractTests() : StoreContractTests(new SqliteStoreProvider());

public sealed class SqliteQueueTimingContractTests() : QueueTimingContractTests(new SqliteStoreProvider());

public sealed class AzureQueueContractTests(AzuriteFixture fixture) : QueueContractTests(new AzureStoreProvider(fixture)), IClassFixture<AzuriteFixture>;

public sealed class AzureQueueTimingContractTests(AzuriteFixture fixture) : QueueTimingContractTests(new AzureStoreProvider(fixture)), IClassFixture<AzuriteFixture>;

/// <summary>The contract on the shared store, and what only the shared store does: lease renewal, the report's old
/// month partitions, a start that cannot reach the account (the key ring: <see cref="AzureKeyRingTests"/>).</summary>
public sealed class AzureStoreContractTests : StoreContractTests, IClassFixture<AzuriteFixture>
{
    public AzureStoreContractTests(AzuriteFixture fixture) : this(new AzureStoreProvider(fixture))
    {
    }

    private AzureStoreContractTests(AzureStoreProvider provider) : base(provider) => Azure = provider;

    private AzureStoreProvider Azure { get; }

    [Fact]
    public async Task A_live_instance_keeps_its_work_past_the_visibility_timeout_by_renewing_it()
    {
        // Renewed every third of the lease: with 6 s, a renewal may come 4 s late (a loaded CI machine) and still hold it.
        var lease = TimeSpan.FromSeconds(6);
        var holder = Azure.Queue(lease);
        await holder.EnqueueAsync(new NewWork("test", "long reply", ["long"]));
        var work = await holder.TakeAsync();
        var other = Azure.Queue(lease);
        await Task.Delay(lease * 2.5);
        Assert.Null(await other.TakeAsync());
        await holder.CompleteAsync(work!);
        Assert.Equal(0, await other.PendingCountAsync());
    }

    [Fact]
    public async Task Records_kept_in_month_partitions_before_the_day_partitions_still_count_in_their_period()
    {
        // How rows were keyed before the day partitions: month, then the time in ticks and a tie-breaker.
        var account = Azure.Account();
        static global::Azure.Data.Tables.TableEntity OldRow(DateTimeOffset at) => new(at.ToString("yyyyMM", CultureInfo.InvariantCulture),
            at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")) { ["At"] = at.UtcDateTime };
        var now = new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.Zero);
        var inWeek = OldRow(now.AddDays(-3));
        inWeek["Question"] = inWeek["QuestionKey"] = "dividend";
        await account.Unanswered.AddEntityAsync(inWeek);
        var earlier = OldRow(now.AddDays(-20));                  // same month partition, before the period
        earlier["Question"] = earlier["QuestionKey"] = "dividend";
        await account.Unanswered.AddEntityAsync(earlier);
        var click = OldRow(now.AddDays(-1));
        click["Helpful"] = true;
        click["Citations"] = "[\"§3 Margins\"]";
        await account.Feedback.AddEntityAsync(click);
        var store = new AzureFeedbackStore(Azure.Account());
        await store.RecordAnsweredAsync(new AnsweredRecord("slack", now.AddDays(-2)));

        var week = await store.InsightsAsync(now.AddDays(-7), now, 5);
        Assert.Equal((1, 1), (week.Answered, week.Refused));
        Assert.Equal([("dividend", 1)], week.TopRefused);
        Assert.Equal([new SectionFeedback("§3 Margins", 1, 0)], week.BySection);
        Assert.Equal([new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1)], week.Days.Select(d => d.Day));
        Assert.Equal([("dividend", 2)], (await store.ReportAsync(5)).TopUnanswered);   // the all-time list reads every partition
    }

    [Fact]
    public async Task Bad_settings_or_an_unreachable_account_stop_the_start_with_a_message()
    {
        var none = new StorageOptions { Provider = "AzureStorage" };
        var e = Assert.Throws<InvalidOperationException>(none.Validate);
        Assert.Contains("Storage__AccountName", e.Message);
        Assert.Contains("Storage:Provider 'Cosmos'", Assert.Throws<InvalidOperationException>(new StorageOptions { Provider = "Cosmos" }.Validate).Message);
        Assert.Empty(new StorageOptions().Problems());   // the default: embedded, nothing to set

        var unreachable = new StorageOptions
        {
            Provider = "AzureStorage",
            ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Azurite.AccountKey
                + ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            MaxRetries = 0,
            TimeoutSeconds = 2,
        };
        var account = new AzureStorageAccount(unreachable);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => account.EnsureCreatedAsync());
        Assert.Contains("Cannot use Azure Storage account 'devstoreaccount1'", failure.Message);
        Assert.DoesNotContain(Azurite.AccountKey, failure.Message);
        // `musebot report` against it: one line that says what to check
        var report = await Assert.ThrowsAsync<InvalidOperationException>(() => new AzureFeedbackStore(account).ReportAsync(10));
        Assert.Contains("Cannot read the table", report.Message);
        Assert.Contains("Storage:ConnectionString", report.Message);
        Assert.DoesNotContain(Azurite.AccountKey, report.Message);
    }
}

/// <summary>The Data Protection key ring every instance shares, in the storage account (a class of its own, so that
/// the refresh period it waits for runs beside the other tests).</summary>
public sealed class AzureKeyRingTests(AzuriteFixture fixture) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private AzureStoreProvider Azure { get; } = new(fixture);

    public Task InitializeAsync() => Azure.InitializeAsync();

    public Task DisposeAsync() => Azure.DisposeAsync().AsTask();

    [Fact]
    public async Task Key_elements_stored_by_two_instances_at_once_under_one_name_are_all_kept()
    {
        var a = new AzureBlobXmlRepository(Azure.Account().DataProtectionKeys);
        var b = new AzureBlobXmlRepository(Azure.Account().DataProtectionKeys);
        Assert.Empty(a.GetAllElements());
        using var start = new Barrier(6);
        var writers = Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            (i % 2 == 0 ? a : b).StoreElement(new XElement("element", new XAttribute("n", i)), "key-same-name");
        }));
        await Task.WhenAll(writers);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], b.GetAllElements().Select(e => (string)e.Attribute("n")!).Order());
        var names = new List<string>();
        await foreach (var blob in Azure.Account().DataProtectionKeys.GetBlobsAsync()) names.Add(blob.Name);
        Assert.Equal(6, names.Count);
        Assert.Contains("key-same-name.xml", names);   // the first under its own name, the others beside it
        Assert.All(names, n => Assert.StartsWith("key-same-name", n));
    }

    /// <summary>One instance's Data Protection, its own services, its key ring in the shared container.</summary>
    private ServiceProvider DataProtectionServices(TimeSpan? refreshPeriod = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Azure.Account());
        services.AddDataProtection().SetApplicationName("MuseBot").PersistKeysToAzureStorage(refreshPeriod ?? AzureDataProtectionExtensions.KeyRingRefreshPeriod);
        var provider = services.BuildServiceProvider();
        Azure.Track(provider);
        return provider;
    }

    private IDataProtectionProvider DataProtectionInstance() => DataProtectionServices().GetRequiredService<IDataProtectionProvider>();

    /// <summary>The id of the key a payload was protected with: after the 4-byte magic header, 16 bytes.</summary>
    private static Guid KeyIdOf(string protectedText) => new(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(protectedText).AsSpan(4, 16));

    [Fact]
    public async Task An_instance_that_read_the_key_ring_sees_a_key_created_elsewhere_after_its_refresh_period()
    {
        // Long enough that the first instance protects again (below) before its period is up on a loaded CI machine.
        var period = TimeSpan.FromSeconds(15);
        var a = DataProtectionServices(period).GetRequiredService<IDataProtectionProvider>().CreateProtector("p");
        var keyA = KeyIdOf(a.Protect("first"));

        // Another instance creates a newer key (as at rotation, or when instances start together) and protects with it.
        var other = DataProtectionServices(period);
        var keyB = other.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>()
            .CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90)).KeyId;
        Assert.Equal(keyB, KeyIdOf(other.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Protect("second")));
        Assert.Equal(keyA, KeyIdOf(a.Protect("still cached")));   // the first instance still uses the ring it read

        // Data Protection alone would keep that ring for 24 hours; re-read after the period, it has the newer key.
        var deadline = DateTime.UtcNow + period * 4;
        while (KeyIdOf(a.Protect("again")) != keyB)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the first instance still protects with its own key {period.TotalSeconds * 4:0} s after another instance created a newer one");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task What_any_instance_protects_every_instance_reads_even_when_they_start_on_an_empty_key_ring_together()
    {
        var instances = Enumerable.Range(0, 3).Select(_ => DataProtectionInstance().CreateProtector("MuseBot.Slack.BotToken.v1")).ToList();
        // all three load the (empty) key ring and protect at once: each may create a key of its own
        var protectedTokens = await Task.WhenAll(instances.Select((p, i) => Task.Run(() => p.Protect("xoxb-token-" + i))));
        var latecomer = DataProtectionInstance().CreateProtector("MuseBot.Slack.BotToken.v1");
        foreach (var reader in instances.Append(latecomer))
            Assert.Equal(["xoxb-token-0", "xoxb-token-1", "xoxb-token-2"], protectedTokens.Select(reader.Unprotect));

        var keyBlobs = new List<string>();
        await foreach (var blob in Azure.Account().DataProtectionKeys.GetBlobsAsync()) keyBlobs.Add(blob.Name);
        Assert.InRange(keyBlobs.Count, 1, 3);
        Assert.All(keyBlobs, n => Assert.Matches("^key-[0-9a-f-]{36}[.]xml$", n));
        // and a protector for another purpose cannot read them
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => latecomer.CreateProtector("other").Unprotect(protectedTokens[0]));
    }
}
