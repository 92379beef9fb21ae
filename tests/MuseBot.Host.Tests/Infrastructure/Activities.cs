using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace MuseBot.Host.Tests.Infrastructure;

/// <summary>Activities shaped as the channels send them (Teams' channel, group and personal chats; the web chat).</summary>
public static class Activities
{
    public const string BotId = "28:" + HostFixture.AppId;
    public const string BotName = "MuseBot";

    public static JsonObject TeamsMessage(string text, Uri serviceUrl, string conversationType = "channel", bool mentionBot = true, bool expectReplies = false, string? conversationId = null)
    {
        var mention = $"<at>{BotName}</at>";
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1732000000" + Random.Shared.Next(100000, 999999),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = "29:1a2b3c-user", ["name"] = "Ana Analyst", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" },
            ["conversation"] = new JsonObject
            {
                ["isGroup"] = conversationType != "personal",
                ["conversationType"] = conversationType,
                ["tenantId"] = "72f988bf-0000-0000-0000-000000000000",
                ["id"] = conversationId ?? (conversationType == "personal" ? "a:1" : "19:") + Guid.NewGuid().ToString("N") + "@thread.tacv2",
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["text"] = mentionBot ? $"{mention} {text}" : text,
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-0000-0000-000000000000" } },
        };
        if (mentionBot)
        {
            activity["entities"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                ["text"] = mention,
            });
        }
        if (expectReplies) activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    public static JsonObject WebChat(string type, Uri serviceUrl, string conversationId, string? text = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "webchat",
            ["deliveryMode"] = "expectReplies",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = "web-user-1", ["name"] = "You" },
            ["recipient"] = new JsonObject { ["id"] = "musebot", ["name"] = BotName },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
        };
        if (text is not null) activity["text"] = text;
        if (type == "conversationUpdate")
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "musebot" }, new JsonObject { ["id"] = "web-user-1" });
        return activity;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode activity, string? bearerToken = null, string route = "api/messages")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return await client.SendAsync(request);
    }

    /// <summary>The replies of an expectReplies exchange: the "activities" of the response body.</summary>
    public static async Task<List<JsonObject>> RepliesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        return json["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
    }

    public static JsonObject? AiEntity(JsonObject reply) =>
        reply["entities"]?.AsArray().Select(e => e!.AsObject()).FirstOrDefault(e => (string?)e["type"] == "https://schema.org/Message");
}
