using System.Text;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

public class SlackEnvelopeTests
{
    private static SlackThreadQuestion? Question(string eventJson, out string reason)
    {
        var body = $$"""{"type":"event_callback","team_id":"T1","event_id":"Ev1","authorizations":[{"user_id":"UBOT","is_bot":true}],"event":{{eventJson}}}""";
        return SlackEnvelope.Parse(Encoding.UTF8.GetBytes(body)).ToQuestion(out reason);
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

public class SlackMemoryTests
{
    [Fact]
    public void A_thread_remembers_its_previous_question_and_memory_stays_bounded()
    {
        var memory = new SlackThreadMemory(TimeProvider.System);
        Assert.Null(memory.Exchange("T/C/1", "how much capex?"));
        Assert.Equal("how much capex?", memory.Exchange("T/C/1", "and in 2025?"));
        Assert.Equal("and in 2025?", memory.Exchange("T/C/1", "third"));
        Assert.Null(memory.Exchange("T/C/2", "other thread"));

        var map = new BoundedRecentMap<int>(100, TimeSpan.FromHours(1), TimeProvider.System);
        for (int i = 0; i < 10_000; i++) map.Set("k" + (i % 1000), i);
        Assert.Equal(100, map.Count);
        Assert.True(map.TryGet("k999", out var last) && last == 9999);
    }

    [Fact]
    public void An_event_is_taken_on_once()
    {
        var dedup = new SlackEventDeduplicator(TimeProvider.System);
        Assert.True(dedup.TryBegin("event:Ev1", "msg:T/C/1"));
        Assert.False(dedup.TryBegin("event:Ev1", "msg:T/C/1"));
        Assert.False(dedup.TryBegin("event:Ev2", "msg:T/C/1"));   // same message delivered as another event
        Assert.True(dedup.TryBegin("event:Ev2", "msg:T/C/2"));    // the failed attempt above left nothing behind
        dedup.Forget("event:Ev1", "msg:T/C/1");
        Assert.True(dedup.TryBegin("event:Ev1", "msg:T/C/1"));
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
