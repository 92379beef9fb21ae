using MuseBot.Testing;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MuseBot.Core.Commands;
using MuseBot.Host.Teams;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>
/// /api/messages and /healthz against input a browser, a bad client or Teams itself may send: only JSON is taken,
/// odd activities get a clean status or nothing, never a 500 or an apology, and a resent activity is answered once.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ChannelInputTests(HostFixture hosts)
{
    private const string CapexQuestion = "How much did Meta spend on capex in 2025?";

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Only_application_json_is_taken(string? contentType)
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var conversation = "cross-site-" + Guid.NewGuid();
        var activity = Activities.WebChat("message", hosts.Connector.ServiceUrl, conversation, CapexQuestion);
        activity.Remove("deliveryMode");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.PostAsync("api/messages", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await Task.Delay(300);
        Assert.DoesNotContain(hosts.Connector.Received, r => (string?)r.Activity["conversation"]?["id"] == conversation);
    }

    [Fact]
    public async Task Json_with_a_charset_is_taken()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.WebChat("message", hosts.Local.BaseAddress, "charset-" + Guid.NewGuid(), "help");
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        Assert.Equal("utf-8", content.Headers.ContentType!.CharSet);

        Assert.Single(await Activities.RepliesAsync(await client.PostAsync("api/messages", content)));
    }

    [Fact]
    public async Task Members_added_with_nulls_are_ignored_without_an_apology()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var update = Activities.WebChat("conversationUpdate", hosts.Local.BaseAddress, "nulls-" + Guid.NewGuid());
        update["membersAdded"] = new JsonArray(null, null);

        var replies = await Activities.RepliesAsync(await Activities.PostAsync(client, update));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task Bot_added_on_its_own_to_a_team_sends_the_welcome_once()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var update = Activities.WebChat("conversationUpdate", hosts.Local.BaseAddress, "team-" + Guid.NewGuid());
        update["channelId"] = "msteams";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "musebot" }, null);

        var welcome = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, update)));
        foreach (var q in TestPaths.ExampleQuestions) Assert.Contains(q, (string)welcome["text"]!);
        // Teams sending the same update again (same activity id) does not welcome twice.
        Assert.Empty(await Activities.RepliesAsync(await Activities.PostAsync(client, update)));
    }

    [Fact]
    public async Task Head_healthz_answers_like_get()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "healthz"));
        using var get = await client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task An_activity_Teams_resends_is_answered_once()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(CapexQuestion, hosts.Connector.ServiceUrl, "personal", mentionBot: false);
        var conversation = (string)activity["conversation"]!["id"]!;

        // Teams resends after 15 s without an HTTP answer, while the first delivery may still be running.
        var first = Activities.PostAsync(client, activity);
        var resend = Activities.PostAsync(client, activity);
        using var a = await first;
        using var b = await resend;
        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);

        var answers = await hosts.Connector.WaitForAsync(r => (string?)r["conversation"]?["id"] == conversation && (string?)r["type"] == "message");
        await Task.Delay(500);
        Assert.Single(hosts.Connector.Received, r => (string?)r.Activity["conversation"]?["id"] == conversation && (string?)r.Activity["type"] == "message");
        Assert.Single(answers);
    }

    public static TheoryData<string, string> OddActivities => new()
    {
        { "null entities", """{"type":"message","text":"help","entities":[null,{"type":"mention","mentioned":"nobody"}]}""" },
        { "mention of nobody in a channel", """{"type":"message","channelId":"msteams","conversation":{"conversationType":"channel"},"text":"<at>x</at> help","entities":[{"type":"mention","mentioned":[1,2]}]}""" },
        { "no from, no recipient", """{"type":"message","text":"sections","from":null,"recipient":null}""" },
        { "text not a string", """{"type":"message","text":{"a":1}}""" },
        { "timestamp not a date", """{"type":"message","text":"help","timestamp":"soon"}""" },
        { "lone surrogate", """{"type":"message","text":"capex LONE-SURROGATE in 2025?"}""" },
        { "members removed nulls", """{"type":"conversationUpdate","membersRemoved":[null]}""" },
        { "invoke without value", """{"type":"invoke","name":"message/submitAction"}""" },
        { "invoke with odd value", """{"type":"invoke","name":"message/submitAction","value":{"actionValue":"like"}}""" },
        { "invoke with unknown name", """{"type":"invoke","name":"composeExtension/query","value":[]}""" },
        { "unknown type", """{"type":"handoff","text":"x"}""" },
        { "attachments with nulls", """{"type":"message","text":"help","attachments":[null]}""" },
        { "deep nesting", """{"type":"message","text":"help","channelData":""" + string.Concat(Enumerable.Repeat("[", 60)) + string.Concat(Enumerable.Repeat("]", 60)) + "}" },
    };

    [Theory]
    [MemberData(nameof(OddActivities))]
    public async Task Odd_activities_get_a_clean_status_and_no_apology(string name, string json)
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = JsonNode.Parse(json)!.AsObject();
        activity["serviceUrl"] = hosts.Local.BaseAddress.ToString();
        activity["deliveryMode"] = "expectReplies";
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["conversation"] ??= new JsonObject();
        activity["conversation"]!["id"] = "odd-" + Guid.NewGuid();
        activity["channelId"] ??= "webchat";

        // JsonNode cannot write a lone surrogate: it goes into the text as its escape.
        var text = activity.ToJsonString().Replace("LONE-SURROGATE", "\\ud800", StringComparison.Ordinal);
        using var response = await client.PostAsync("api/messages", new StringContent(text, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 200 and < 500, $"{name}: HTTP {(int)response.StatusCode} {body}");
        Assert.DoesNotContain(AdapterWithErrorHandler.ErrorReply, body);
        Assert.DoesNotContain("Exception", body);
    }
}
