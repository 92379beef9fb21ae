using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

/// <summary>
/// Slack's agent surface on the real host against the fake Web API: the Messages tab (agent_view) and the older
/// assistant threads get the note's suggested prompts and the welcome; a direct message gets a status before its
/// answer, cleared after, and a title from its first question; context changes are acknowledged and ignored;
/// mentions in channels are answered as before.
/// </summary>
[Collection(SlackHostCollection.Name)]
public sealed class SlackAgentSurfaceTests(SlackHostFixture fixture)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private FakeSlackApi Slack => fixture.Slack;
    private INoteCatalog Catalog => fixture.Host.Services.GetRequiredService<INoteCatalog>();

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static string Envelope(JsonObject ev, string team = "T0DEFAULT") => new JsonObject
    {
        ["token"] = "unused",
        ["team_id"] = team,
        ["api_app_id"] = "A0MUSEBOT",
        ["type"] = "event_callback",
        ["event_id"] = NewId("Ev"),
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = "U0MUSEBOT", ["is_bot"] = true }),
        ["event"] = ev,
    }.ToJsonString();

    private async Task SendAsync(string body)
    {
        using var response = await fixture.Host.Http.SendAsync(SlackHostFixture.Signed(SlackEndpoints.EventsPath, body, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonObject MessagesTabOpened(string channel, string user) => new()
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = channel, ["tab"] = "messages", ["event_ts"] = "1782770450.000100",
        ["context"] = new JsonObject { ["entities"] = new JsonArray(new JsonObject { ["type"] = "slack#/types/channel_id", ["value"] = "C0VIEWED" }) },
    };

    private static JsonObject DirectMessage(string channel, string text, string ts, string? threadTs = null) => new()
    {
        ["type"] = "message", ["channel_type"] = "im", ["channel"] = channel, ["user"] = "U0ASKER", ["text"] = text, ["ts"] = ts, ["thread_ts"] = threadTs,
    };

    [Fact]
    public async Task Opening_the_messages_tab_pins_up_to_four_prompts_from_the_note_and_welcomes_once()
    {
        var dm = NewId("D");
        await SendAsync(Envelope(MessagesTabOpened(dm, "U0NEWUSER")));

        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Channel == dm), ReplyTimeout, "the welcome in " + dm);
        var set = Assert.Single(calls, c => c.Method == "assistant.threads.setSuggestedPrompts" && c.ChannelId == dm);
        Assert.Equal("Bearer " + SlackHostFixture.DefaultToken, set.Authorization);
        // agent_view: pinned to the Messages tab, so no thread_ts (Slack ignores the call with one).
        Assert.Null(set.Body["thread_ts"]);
        var prompts = set.Body["prompts"]!.AsArray().Select(p => (Title: p!["title"]!.GetValue<string>(), Message: p["message"]!.GetValue<string>())).ToList();
        Assert.InRange(prompts.Count, 1, 4);
        Assert.Equal(4, prompts.Count);
        // From the note: its example questions first (seeds/examples.tsv), then one of its section topics.
        Assert.Equal(TestPaths.ExampleQuestions, prompts.Take(TestPaths.ExampleQuestions.Count).Select(p => p.Message));
        var topic = prompts[^1];
        Assert.Contains(Catalog.Sections, s => s.Title.TrimEnd('.') == topic.Title);
        Assert.Contains(topic.Title, topic.Message);

        // The welcome: one line with the note's title and date, and the same prompts.
        var welcome = Assert.Single(calls, c => c.Channel == dm && c.Method == "chat.postMessage");
        Assert.Null(welcome.ThreadTs);
        var text = welcome.Blocks.ToJsonString();
        Assert.NotNull(Catalog.Date);
        Assert.Contains(JsonValue.Create(Catalog.Title)!.ToJsonString().Trim('"'), text);
        Assert.Contains(Catalog.Date!, welcome.Text);
        foreach (var (_, message) in prompts) Assert.Contains(message, welcome.Text);
        Assert.Equal(NotePrompts.Suggest(Catalog).Select(p => p.Message), prompts.Select(p => p.Message));

        // The same user opening the tab again gets the prompts, not the welcome again.
        await SendAsync(Envelope(MessagesTabOpened(dm, "U0NEWUSER")));
        await Slack.WaitForAsync(c => c.Count(x => x.Method == "assistant.threads.setSuggestedPrompts" && x.ChannelId == dm) == 2, ReplyTimeout, "the prompts again");
        await Task.Delay(300);
        Assert.Single(Slack.CallsFor(dm));

        // The Home tab is not the agent surface: nothing.
        var home = MessagesTabOpened(dm, "U0NEWUSER");
        home["tab"] = "home";
        await SendAsync(Envelope(home));
        await Task.Delay(500);
        Assert.Equal(2, Slack.CallsTo("assistant.threads.setSuggestedPrompts").Count(c => c.ChannelId == dm));
    }

    [Fact]
    public async Task A_new_assistant_thread_gets_the_prompts_and_the_welcome_in_that_thread()
    {
        var dm = NewId("D");
        await SendAsync(Envelope(new JsonObject
        {
            ["type"] = "assistant_thread_started",
            ["assistant_thread"] = new JsonObject
            {
                ["user_id"] = "U0ASKER", ["channel_id"] = dm, ["thread_ts"] = "1729999327.187299",
                ["context"] = new JsonObject { ["channel_id"] = "C0VIEWED", ["team_id"] = "T0DEFAULT" },
            },
            ["event_ts"] = "1729999327.187300",
        }));
        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Channel == dm), ReplyTimeout, "the welcome in " + dm);
        var set = Assert.Single(calls, c => c.Method == "assistant.threads.setSuggestedPrompts" && c.ChannelId == dm);
        Assert.Equal("1729999327.187299", set.Body["thread_ts"]!.GetValue<string>());
        Assert.Equal(4, set.Body["prompts"]!.AsArray().Count);
        Assert.Equal("1729999327.187299", Assert.Single(calls, c => c.Channel == dm).ThreadTs);
    }

    [Fact]
    public async Task A_direct_message_sets_the_status_before_the_answer_clears_it_after_and_titles_the_thread()
    {
        var dm = NewId("D");
        var question = TestPaths.ExampleQuestions[1];
        await SendAsync(Envelope(DirectMessage(dm, question, "1782770500.000100")));
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == dm) && c.Count(x => x.Method == "assistant.threads.setStatus" && x.ChannelId == dm) == 2,
            ReplyTimeout, "the answer in " + dm + " and the cleared status");

        var thread = Slack.Calls.Where(c => c.ChannelId == dm || c.Channel == dm).ToList();
        Assert.Equal(["assistant.threads.setStatus", "assistant.threads.setTitle", "chat.postMessage", "assistant.threads.setStatus"], thread.Select(c => c.Method));
        Assert.All(thread, c => Assert.Equal("1782770500.000100", c.Body["thread_ts"]!.GetValue<string>()));
        Assert.Equal(SlackResponder.WorkingStatus, thread[0].StatusText);
        Assert.Equal("", thread[3].StatusText);
        Assert.Equal(question, thread[1].Title);
        Assert.Contains(thread[2].Blocks, b => b!["type"]!.GetValue<string>() == "context");   // an answer, with its citations

        // A follow-up in the same thread: status again, but the title stays the first question's. The thread's memory
        // of the first question is saved after the status is cleared: wait (bounded) for it, or the follow-up could be
        // taken by the other worker first and rightly be treated as a thread's first question.
        var threads = fixture.Host.Services.GetRequiredService<SlackThreadMemory>();
        var threadKey = SlackThreadMemory.Key("T0DEFAULT", dm, "1782770500.000100");
        var remembered = DateTime.UtcNow + ReplyTimeout;
        while (await threads.PreviousQuestionAsync(threadKey, CancellationToken.None) is null)
        {
            Assert.True(DateTime.UtcNow < remembered, $"the thread's first question not remembered within {ReplyTimeout.TotalSeconds:0} s");
            await Task.Delay(50);
        }
        await SendAsync(Envelope(DirectMessage(dm, "and in 2026?", "1782770600.000100", threadTs: "1782770500.000100")));
        await Slack.WaitForAsync(c => c.Count(x => x.Method == "assistant.threads.setStatus" && x.ChannelId == dm) == 4, ReplyTimeout, "the follow-up's cleared status");
        Assert.Single(Slack.CallsTo("assistant.threads.setTitle"), c => c.ChannelId == dm);
        Assert.Equal(2, Slack.CallsFor(dm).Count);
    }

    [Fact]
    public async Task A_long_first_question_gives_a_short_title_and_a_command_sets_no_status()
    {
        var dm = NewId("D");
        var longQuestion = "Could you please tell me, in as much detail as the note allows, " + TestPaths.ExampleQuestions[1];
        await SendAsync(Envelope(DirectMessage(dm, longQuestion, "1782770700.000100")));
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == dm), ReplyTimeout, "the answer in " + dm);
        var title = Assert.Single(Slack.CallsTo("assistant.threads.setTitle"), c => c.ChannelId == dm).Title!;
        Assert.InRange(title.Length, 10, SlackResponder.MaxTitleLength);
        Assert.EndsWith("…", title);

        // "help" is answered at once: no status line flashes.
        var dm2 = NewId("D");
        await SendAsync(Envelope(DirectMessage(dm2, "help", "1782770800.000100")));
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == dm2), ReplyTimeout, "the help in " + dm2);
        Assert.DoesNotContain(Slack.CallsTo("assistant.threads.setStatus"), c => c.ChannelId == dm2);
    }

    [Fact]
    public async Task Context_changes_are_acknowledged_and_ignored_and_mentions_in_channels_get_no_status()
    {
        var dm = NewId("D");
        await SendAsync(Envelope(new JsonObject
        {
            ["type"] = "app_context_changed", ["user"] = "U0ASKER", ["event_ts"] = "1782770460.000100",
            ["context"] = new JsonObject { ["entities"] = new JsonArray(new JsonObject { ["type"] = "slack#/types/channel_id", ["value"] = dm }) },
        }));
        await SendAsync(Envelope(new JsonObject
        {
            ["type"] = "assistant_thread_context_changed",
            ["assistant_thread"] = new JsonObject { ["user_id"] = "U0ASKER", ["channel_id"] = dm, ["thread_ts"] = "1729999327.187299", ["context"] = new JsonObject { ["channel_id"] = "C0OTHER" } },
            ["event_ts"] = "1729999400.000100",
        }));

        var channel = NewId("C");
        await SendAsync(Envelope(new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0ASKER", ["text"] = "<@U0MUSEBOT> " + TestPaths.ExampleQuestions[1], ["ts"] = "1782770900.000100", ["channel"] = channel,
        }));
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the answer in " + channel);
        Assert.DoesNotContain(Slack.Calls, c => c.ChannelId == dm || c.Channel == dm);
        Assert.DoesNotContain(Slack.Calls, c => c.ChannelId == channel);
    }
}
