using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

/// <summary>
/// What Slack's endpoints do with input that is signed but bad (not UTF-8, lone surrogates, replays, questions the
/// guard refuses): a clear 4xx or a friendly reply, never a 500, and nothing done twice.
/// </summary>
[Collection(SlackHostCollection.Name)]
public sealed class SlackInputTests(SlackHostFixture fixture)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private FakeSlackApi Slack => fixture.Slack;
    private HttpClient Http => fixture.Host.Http;

    private static string NewChannel() => "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>A request signed over exactly these bytes.</summary>
    private static HttpRequestMessage SignedBytes(string path, byte[] body, string contentType)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(SlackHostFixture.SigningSecret, ts, body));
        return request;
    }

    /// <summary>The same signed request again, byte for byte and header for header: what a replay is.</summary>
    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[] body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Content = new ByteArrayContent(body) };
        copy.Content.Headers.ContentType = original.Content!.Headers.ContentType;
        foreach (var (name, values) in original.Headers) copy.Headers.TryAddWithoutValidation(name, values);
        return copy;
    }

    private static string Mention(string channel, string textJson, string ts) =>
        "{\"team_id\":\"T0DEFAULT\",\"type\":\"event_callback\",\"event_id\":\"Ev" + Guid.NewGuid().ToString("N")[..10] + "\"," +
        "\"event\":{\"type\":\"app_mention\",\"user\":\"U0ASKER\",\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"text\":" + textJson + "}}";

    [Theory]
    [InlineData(SlackEndpoints.EventsPath)]
    [InlineData(SlackEndpoints.CommandsPath)]
    [InlineData(SlackEndpoints.InteractionsPath)]
    public async Task A_signed_body_that_is_not_UTF_8_gets_400(string path)
    {
        // Well-formed for its endpoint but for two raw bytes that are not UTF-8 in the middle of the question.
        byte[] Join(string before, string after) => [.. Encoding.UTF8.GetBytes(before), 0xff, 0xfe, .. Encoding.UTF8.GetBytes(after)];
        var channel = NewChannel();
        var (body, contentType) = path switch
        {
            SlackEndpoints.EventsPath => (Join(Mention(channel, "\"<@U0MUSEBOT> capex", "1700000300.000100").TrimEnd('}', '"'), " 2025?\"}}"), "application/json"),
            SlackEndpoints.CommandsPath => (Join("team_id=T0DEFAULT&channel_id=" + channel + "&user_id=U0ASKER&command=%2Fmusebot&text=capex",
                "&response_url=" + Uri.EscapeDataString(Slack.ResponseUrl(channel).ToString())), "application/x-www-form-urlencoded"),
            _ => (Join("payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0\"},\"team\":{\"id\":\"T0DEFAULT\"},"
                + "\"response_url\":\"" + Slack.ResponseUrl(channel) + "\",\"actions\":[{\"action_id\":\"" + SlackBlockKitRenderer.HelpfulActionId + "\",\"value\":\"{\\\"q\\\":\\\"capex"),
                Uri.EscapeDataString("\\\",\\\"c\\\":[]}\"}]}")), "application/x-www-form-urlencoded"),
        };

        using var response = await Http.SendAsync(SignedBytes(path, body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
        await Task.Delay(500);
        Assert.DoesNotContain(Slack.Calls, c => c.Channel == channel || c.Path == $"/response/{channel}");
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_signed_mention_is_answered_not_a_500()
    {
        var channel = NewChannel();
        // "capex \ud800 in 2025?": valid JSON, not valid text.
        var body = Encoding.UTF8.GetBytes(Mention(channel, "\"<@U0MUSEBOT> How much capex \\ud800 in 2025? \\udc00\"", "1700000301.000100"));
        using var response = await Http.SendAsync(SignedBytes(SlackEndpoints.EventsPath, body, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the answer");
        Assert.Equal(200, Assert.Single(calls, c => c.Channel == channel).Status);
    }

    [Fact]
    public async Task Lone_surrogates_in_a_slash_command_and_a_click_payload_are_never_a_500()
    {
        var responseId = Guid.NewGuid().ToString("N")[..10];
        var command = "team_id=T0DEFAULT&channel_id=C0CMD&user_id=U0ASKER&command=%2Fmusebot&text=capex+%ED%A0%80+2025&response_url="
                      + Uri.EscapeDataString(Slack.ResponseUrl(responseId).ToString());
        using var commandResponse = await Http.SendAsync(SignedBytes(SlackEndpoints.CommandsPath, Encoding.UTF8.GetBytes(command), "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, commandResponse.StatusCode);
        await Slack.WaitForAsync(c => c.Any(x => x.Path == $"/response/{responseId}"), ReplyTimeout, "the slash command's answer");

        var payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0\\ud800\"},\"team\":{\"id\":\"T0DEFAULT\"},\"actions\":[{\"action_id\":\""
                      + SlackBlockKitRenderer.HelpfulActionId + "\",\"value\":\"{\\\"q\\\":\\\"capex \\\\ud800?\\\",\\\"c\\\":[]}\"}]}";
        var click = "payload=" + Uri.EscapeDataString(payload);
        using var clickResponse = await Http.SendAsync(SignedBytes(SlackEndpoints.InteractionsPath, Encoding.UTF8.GetBytes(click), "application/x-www-form-urlencoded"));
        Assert.True(clickResponse.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"HTTP {(int)clickResponse.StatusCode}");
    }

    [Theory]
    [InlineData(SlackEndpoints.EventsPath, "application/json", "{\"type\":\"event_callback\",\"event\":[]}")]
    [InlineData(SlackEndpoints.EventsPath, "application/json", "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\",\"text\":5,\"user\":{},\"ts\":null}}")]
    [InlineData(SlackEndpoints.EventsPath, "application/json", "[\"event_callback\"]")]
    [InlineData(SlackEndpoints.EventsPath, "application/json", "{\"type\":\"url_verification\",\"challenge\":\"\\udfff\"}")]
    [InlineData(SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "text=%FF%FE&response_url=javascript%3Aalert(1)")]
    [InlineData(SlackEndpoints.CommandsPath, "application/x-www-form-urlencoded", "%%%&&&===")]
    [InlineData(SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5Bnull%2C1%5D%7D")]
    [InlineData(SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%5B%5D")]
    [InlineData(SlackEndpoints.InteractionsPath, "application/x-www-form-urlencoded", "payload=%7B")]
    public async Task Signed_but_malformed_bodies_get_a_clear_status_never_a_500(string path, string contentType, string body)
    {
        using var response = await Http.SendAsync(SignedBytes(path, Encoding.UTF8.GetBytes(body), contentType));
        Assert.True((int)response.StatusCode is >= 200 and < 500, $"{path} {body}: HTTP {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_replayed_signed_slash_command_is_run_once()
    {
        var responseId = Guid.NewGuid().ToString("N")[..10];
        var body = Encoding.UTF8.GetBytes(await new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["team_id"] = "T0DEFAULT", ["channel_id"] = "C0REPLAY", ["user_id"] = "U0ASKER", ["command"] = "/musebot", ["text"] = "sections",
            ["response_url"] = Slack.ResponseUrl(responseId).ToString(),
        }).ReadAsStringAsync());
        var original = SignedBytes(SlackEndpoints.CommandsPath, body, "application/x-www-form-urlencoded");
        for (int i = 0; i < 5; i++)
        {
            using var response = await Http.SendAsync(i == 0 ? original : Copy(original, body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await Slack.WaitForAsync(c => c.Any(x => x.Path == $"/response/{responseId}"), ReplyTimeout, "the answer");
        await Task.Delay(1000);
        Assert.Single(Slack.ResponseUrlCalls(responseId));
    }

    [Fact]
    public async Task A_replayed_signed_feedback_click_is_recorded_and_thanked_once()
    {
        var store = fixture.Host.Services.GetRequiredService<MuseBot.Core.Feedback.SqliteFeedbackStore>();
        var question = "Replay question " + Guid.NewGuid().ToString("N")[..6];
        var responseId = Guid.NewGuid().ToString("N")[..10];
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0CLICKER", ["team_id"] = "T0DEFAULT" },
            ["team"] = new JsonObject { ["id"] = "T0DEFAULT" },
            ["channel"] = new JsonObject { ["id"] = "C0REPLAYCLICK" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000400.000100", ["channel_id"] = "C0REPLAYCLICK" },
            ["response_url"] = Slack.ResponseUrl(responseId).ToString(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = SlackBlockKitRenderer.UnhelpfulActionId,
                ["value"] = SlackBlockKitRenderer.EncodeFeedbackValue(question, ["§1 Title"]),
            }),
        };
        var body = Encoding.UTF8.GetBytes(await new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }).ReadAsStringAsync());
        var original = SignedBytes(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded");
        for (int i = 0; i < 5; i++)
        {
            using var response = await Http.SendAsync(i == 0 ? original : Copy(original, body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await Slack.WaitForAsync(c => c.Any(x => x.Path == $"/response/{responseId}"), ReplyTimeout, "the thanks");
        await Task.Delay(1000);
        Assert.Single(Slack.ResponseUrlCalls(responseId));
        var report = await store.ReportAsync(10_000);
        Assert.Equal(1, Assert.Single(report.MostDownvoted, d => d.Question == question).ThumbsDown);
    }

    [Fact]
    public async Task An_overlong_question_gets_the_same_guidance_as_in_Teams()
    {
        var channel = NewChannel();
        var text = "<@U0MUSEBOT> " + string.Concat(Enumerable.Repeat("capex ", 1000));
        using var response = await Http.SendAsync(SignedBytes(SlackEndpoints.EventsPath,
            Encoding.UTF8.GetBytes(Mention(channel, System.Text.Json.JsonSerializer.Serialize(text), "1700000302.000100")), "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the guidance");
        var reply = Assert.Single(calls, c => c.Channel == channel);
        Assert.Contains("too long for me (5,999 characters): please ask one question in fewer than 2,000 characters", reply.Blocks.ToJsonString());
    }
}
