using MuseBot.Core.Storage;
using MuseBot.Core.Storage.Sqlite;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

public class SlackEnvelopeTests
{
    private static SlackThreadQuestion? Question(string eventJson, out string reason)
    {
        var body = $$"""{"type":"event_callback","team_id":"T1","event_id":"Ev1","authorizations":[{"user_id":"UBOT","is_bot":true}],"event":{{eventJson}}}""";
        return SlackEnvelope.Parse(body).ToQuestion(out reason);
    }

    [Fact]
    public void A_mention_becomes_a_question_in_its_thread()
    {
        var q = Question("""{"type":"app_mention","user":"U1","text":"<@UBOT> capex?","ts":"100.1","channel":"C1"}""", out _);
        Assert.Equal(new SlackThreadQuestion("T1", "C1", "100.1", "U1", "capex?"), q);
        var inThread = Question("""{"type":"app_mention","user":"U1","text":"<@UBOT> and 2025?","ts":"101.1","thread_ts":"100.1","channel":"C1"}""", out _);
        Assert.Equal("100.1", inThread!.ThreadTs);
    }

    [Fact]
    public void A_direct_message_is_a_question_but_a_channel_message_is_not()
    {
        Assert.NotNull(Question("""{"type":"message","channel_type":"im","user":"U1","text":"help","ts":"1.1","channel":"D1"}""", out _));
        Assert.Null(Question("""{"type":"message","channel_type":"channel","user":"U1","text":"hi","ts":"1.1","channel":"C1"}""", out _));
    }

    [Theory]
    [InlineData("""{"type":"message","channel_type":"im","user":"UBOT","text":"my own answer","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"im","bot_id":"B2","user":"U2","text":"another bot","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"message","subtype":"message_changed","channel_type":"im","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"message","subtype":"channel_join","channel_type":"im","user":"U1","text":"joined","ts":"1.1","channel":"D1"}""")]
    [InlineData("""{"type":"app_mention","user":"U1","text":"<@UBOT> x","ts":"1.1","channel":"C1","edited":{"user":"U1","ts":"2.2"}}""")]
    [InlineData("""{"type":"reaction_added","user":"U1","ts":"1.1"}""")]
    public void Bots_edits_joins_and_other_events_are_ignored(string eventJson) =>
        Assert.Null(Question(eventJson, out _));
}

public sealed class SlackMemoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-slack-memory-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ConversationDatabase _db;

    public SlackMemoryTests() => _db = ConversationDatabase.InDataFolder(_folder, TimeProvider.System);

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_thread_remembers_its_previous_question_across_store_instances()
    {
        var memory = new SlackThreadMemory(new SqliteConversationStateStore(_db, TimeSpan.FromDays(1)));
        var key = SlackThreadMemory.Key("T", "C", "1");
        Assert.Null(await memory.PreviousQuestionAsync(key, default));
        await memory.RememberAsync(key, "how much capex?", default);
        await memory.RememberAsync(SlackThreadMemory.Key("T", "C", "2"), "other thread", default);

        using var reopened = ConversationDatabase.InDataFolder(_folder, TimeProvider.System);
        var afterRestart = new SlackThreadMemory(new SqliteConversationStateStore(reopened, TimeSpan.FromDays(1)));
        Assert.Equal("how much capex?", await afterRestart.PreviousQuestionAsync(key, default));
    }

    [Fact]
    public async Task Slack_work_is_taken_on_once_per_event_and_message()
    {
        var queue = new SqliteWorkQueue(_db, capacity: 10, lease: TimeSpan.FromMinutes(1), dedupeWindow: TimeSpan.FromHours(1));
        var work = new SlackThreadQuestion("T", "C", "1.1", "U", "capex?");
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(work.ToNewWork(["event:Ev1", "msg:T/C/1"])));
        Assert.Equal(EnqueueOutcome.Duplicate, await queue.EnqueueAsync(work.ToNewWork(["event:Ev1", "msg:T/C/1"])));
        Assert.Equal(EnqueueOutcome.Duplicate, await queue.EnqueueAsync(work.ToNewWork(["event:Ev2", "msg:T/C/1"])));   // same message as another event
        Assert.Equal(EnqueueOutcome.Enqueued, await queue.EnqueueAsync(work.ToNewWork(["event:Ev2", "msg:T/C/2"])));    // the refused one above left no key behind
        Assert.Equal(2, await queue.PendingCountAsync());

        var taken = await queue.TakeAsync();
        Assert.Equal(work, SlackWork.FromPayload(taken!.Payload));
    }

    [Fact]
    public void Options_without_a_bot_token_are_refused_with_a_clear_message()
    {
        var validator = new SlackOptionsValidator();
        Assert.True(validator.Validate(null, new SlackOptions()).Succeeded);   // Slack off: nothing to check
        var noToken = validator.Validate(null, new SlackOptions { SigningSecret = "s" });
        Assert.True(noToken.Failed);
        Assert.Contains("Slack:BotToken", noToken.FailureMessage);
        var badUrl = validator.Validate(null, new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", ApiBaseUrl = "slack.com/api" });
        Assert.Contains("Slack:ApiBaseUrl", badUrl.FailureMessage);

        var options = new SlackOptions { BotToken = "xoxb-default" };
        options.Workspaces["T2"] = new SlackWorkspaceOptions { BotToken = "xoxb-t2" };
        Assert.Equal("xoxb-t2", options.BotTokenFor("T2"));
        Assert.Equal("xoxb-default", options.BotTokenFor("T3"));
    }
}
