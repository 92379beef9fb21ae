using Microsoft.Extensions.DependencyInjection;
using MuseBot.Testing;
using System.Net;
using System.Text.Json.Nodes;
using MuseBot.Core.Commands;
using MuseBot.Host.Tests.Infrastructure;
using MuseBot.Host.Teams;

namespace MuseBot.Host.Tests;

/// <summary>The bot over real HTTP on Kestrel, in local mode: Teams-shaped and web-chat activities, both reply paths.</summary>
[Collection(HostCollection.Name)]
public sealed class BotConversationTests(HostFixture hosts)
{
    private const string CapexQuestion = "How much did Meta spend on capex in 2025?";

    [Fact]
    public async Task Teams_channel_message_with_mention_is_answered_through_the_connector_with_citation_entities()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(CapexQuestion, hosts.Connector.ServiceUrl);
        var conversationId = (string)activity["conversation"]!["id"]!;

        using var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inConversation = (JsonObject a) => (string?)a["conversation"]?["id"] == conversationId;
        var messages = await hosts.Connector.WaitForAsync(a => inConversation(a) && (string?)a["type"] == "message");
        var reply = Assert.Single(messages);
        // A typing indicator first: one more every 3 s while the engine works (a cold engine on a loaded machine may
        // take that long), each sent before the answer.
        var sent = hosts.Connector.Received.Select(r => r.Activity).Where(inConversation).Select(a => (string?)a["type"]).ToList();
        Assert.Equal("typing", sent[0]);
        Assert.True(sent.LastIndexOf("typing") < sent.IndexOf("message"), "a typing indicator came after the answer: " + string.Join(", ", sent));

        var text = (string)reply["text"]!;
        Assert.DoesNotContain("<at>", text);
        Assert.Contains("[1]", text);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.Equal((string)activity["id"]!, (string?)reply["replyToId"]);
        Assert.True((bool)reply["channelData"]!["feedbackLoopEnabled"]!);

        var entity = Activities.AiEntity(reply);
        Assert.NotNull(entity);
        Assert.Equal("Message", (string?)entity["@type"]);
        Assert.Equal("https://schema.org", (string?)entity["@context"]);
        // the extractive engine answered (no Azure OpenAI here): its words are the note's, not AI generated
        Assert.Null(entity["additionalType"]);
        Assert.Contains(TeamsAnswerRenderer.QuotedLine, text);
        var citations = entity["citation"]!.AsArray();
        Assert.InRange(citations.Count, 1, 10);
        var first = citations[0]!;
        Assert.Equal("Claim", (string?)first["@type"]);
        Assert.Equal(1, (int)first["position"]!);
        Assert.Equal("DigitalDocument", (string?)first["appearance"]!["@type"]);
        Assert.StartsWith("§", (string)first["appearance"]!["name"]!);
        var @abstract = (string)first["appearance"]!["abstract"]!;
        Assert.InRange(@abstract.Length, 1, 160);
        Assert.Contains("72.22", text + @abstract); // the capex figure the note gives, wherever the engine puts it
    }

    [Fact]
    public async Task Teams_channel_message_without_mention_gets_no_reply()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(CapexQuestion, hosts.Connector.ServiceUrl, conversationType: "channel", mentionBot: false, expectReplies: true);

        var replies = await Activities.RepliesAsync(await Activities.PostAsync(client, activity));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task Teams_personal_chat_needs_no_mention_and_expect_replies_returns_the_answer_in_the_body()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(CapexQuestion, hosts.Connector.ServiceUrl, conversationType: "personal", mentionBot: false, expectReplies: true);
        var conversationId = (string)activity["conversation"]!["id"]!;

        var replies = await Activities.RepliesAsync(await Activities.PostAsync(client, activity));

        var reply = Assert.Single(replies); // no typing indicator in a buffered exchange
        Assert.Equal("message", (string?)reply["type"]);
        Assert.NotNull(Activities.AiEntity(reply)?["citation"]);
        Assert.DoesNotContain(hosts.Connector.Received, r => (string?)r.Activity["conversation"]?["id"] == conversationId);
    }

    [Fact]
    public async Task Bot_added_to_a_conversation_welcomes_with_the_note_title_date_and_prompts()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var update = Activities.WebChat("conversationUpdate", hosts.Local.BaseAddress, "welcome-" + Guid.NewGuid());

        var replies = await Activities.RepliesAsync(await Activities.PostAsync(client, update));

        var welcome = Assert.Single(replies);
        var text = (string)welcome["text"]!;
        foreach (var q in TestPaths.ExampleQuestions) Assert.Contains(q, text);
        // One line with the note's title and date, then the prompts: the example questions and a section topic.
        var catalog = hosts.Local.Services.GetRequiredService<MuseBot.Contracts.INoteCatalog>();
        Assert.Contains(catalog.Title, text.Split('\n')[0]);
        Assert.Contains(catalog.Date!, text.Split('\n')[0]);
        var actions = welcome["suggestedActions"]!["actions"]!.AsArray().Select(a => (string)a!["value"]!).ToList();
        Assert.Equal(MuseBot.Core.Commands.NotePrompts.Suggest(catalog, 4).Select(p => p.Message), actions);
        Assert.Equal(TestPaths.ExampleQuestions, actions.Take(TestPaths.ExampleQuestions.Count));
    }

    [Fact]
    public async Task Teams_conversation_update_for_another_member_does_not_welcome_again()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var update = Activities.WebChat("conversationUpdate", hosts.Local.BaseAddress, "others-" + Guid.NewGuid());
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "someone-else" });

        Assert.Empty(await Activities.RepliesAsync(await Activities.PostAsync(client, update)));
    }

    [Theory]
    [InlineData("help", "Commands:")]
    [InlineData("sections", "Type `show N`")]
    [InlineData("show 5", "**§5 ")]
    [InlineData("show 99", "There is no section 99")]
    [InlineData("sources", "What the note cites")]
    public async Task Commands_are_answered_from_the_note_without_the_AI_label(string command, string expected)
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(command, hosts.Connector.ServiceUrl, conversationType: "groupChat", expectReplies: true);

        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, activity)));

        Assert.Contains(expected, (string)reply["text"]!);
        Assert.Null(Activities.AiEntity(reply));
    }

    [Fact]
    public async Task Web_chat_follow_up_is_answered_in_the_same_conversation()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var conversation = "follow-" + Guid.NewGuid();
        var first = await Activities.RepliesAsync(await Activities.PostAsync(client,
            Activities.WebChat("message", hosts.Local.BaseAddress, conversation, "what's Spark's Intelligence Index score?")));
        var second = await Activities.RepliesAsync(await Activities.PostAsync(client,
            Activities.WebChat("message", hosts.Local.BaseAddress, conversation, "and Gemini's?")));

        Assert.Single(first);
        var reply = Assert.Single(second);
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["text"]));
    }

    [Fact]
    public async Task Feedback_invoke_is_answered_with_200()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var conversation = "feedback-" + Guid.NewGuid();
        var answer = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client,
            Activities.WebChat("message", hosts.Local.BaseAddress, conversation, CapexQuestion))));
        var invoke = Activities.WebChat("invoke", hosts.Local.BaseAddress, conversation);
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = (string)answer["id"]!;
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = "{\"feedbackText\":\"useful\"}" },
        };

        using var response = await Activities.PostAsync(client, invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Local_mode_is_announced_at_start_and_health_and_the_chat_page_are_served()
    {
        Assert.Contains(hosts.Local.Logs, l => l.Contains("Local mode", StringComparison.Ordinal) && l.Contains("authentication is OFF", StringComparison.Ordinal));
        Assert.DoesNotContain(hosts.Authenticated.Logs, l => l.Contains("Local mode", StringComparison.Ordinal));
        using var client = hosts.Local.CreateLoopbackClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz")).StatusCode);
        var page = await client.GetStringAsync("/");
        Assert.Contains("<title>MuseBot", page);
        Assert.DoesNotContain("https://", page); // nothing from outside this machine
    }
}

/// <summary>OnTurnError: the failure is logged, the user is told in plain words, nothing internal leaks.</summary>
[Collection(HostCollection.Name)]
public sealed class TurnErrorTests(HostFixture hosts)
{
    [Fact]
    public async Task Failing_turn_is_logged_and_the_user_gets_a_plain_apology()
    {
        using var client = hosts.Failing.CreateLoopbackClient();
        var activity = Activities.TeamsMessage("How much did Meta spend on capex in 2025?", hosts.Connector.ServiceUrl, "personal", mentionBot: false, expectReplies: true);

        using var response = await Activities.PostAsync(client, activity);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Activities.RepliesAsync(response));
        Assert.Equal(MuseBot.Host.Teams.AdapterWithErrorHandler.ErrorReply, (string?)reply["text"]);
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("Exception", body);
        Assert.Contains(hosts.Failing.Logs, l => l.StartsWith("Error: Answering failed", StringComparison.Ordinal) && l.Contains(HostFixture.InternalFailureDetail, StringComparison.Ordinal));
    }
}
