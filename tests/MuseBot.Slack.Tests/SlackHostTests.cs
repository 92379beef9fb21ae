using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MuseBot.Contracts;
using MuseBot.Core.Feedback;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

/// <summary>The real host on Kestrel at 127.0.0.1, Slack's requests signed as Slack signs them, its Web API faked on loopback.</summary>
[Collection(SlackHostCollection.Name)]
public sealed class SlackHostTests(SlackHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private FakeSlackApi Slack => fixture.Slack;
    private HttpClient Http => fixture.Host.Http;

    private static string NewChannel() => "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static string MentionEvent(string channel, string text, string ts, string? eventId = null, string team = "T0DEFAULT", string? threadTs = null) =>
        new JsonObject
        {
            ["token"] = "unused-verification-token",
            ["team_id"] = team,
            ["api_app_id"] = "A0MUSEBOT",
            ["type"] = "event_callback",
            ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10],
            ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = "U0MUSEBOT", ["is_bot"] = true }),
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = "U0ASKER",
                ["text"] = text,
                ["ts"] = ts,
                ["channel"] = channel,
                ["event_ts"] = ts,
                ["thread_ts"] = threadTs,
            },
        }.ToJsonString();

    private Task<HttpResponseMessage> SendEventAsync(string body, long? timestamp = null, int? retryNum = null)
    {
        var request = SlackHostFixture.Signed(SlackEndpoints.EventsPath, body, "application/json", timestamp);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task A_signed_mention_is_acknowledged_at_once_and_answered_in_its_thread_with_citations()
    {
        var channel = NewChannel();
        var sw = Stopwatch.StartNew();
        using var response = await SendEventAsync(MentionEvent(channel, "<@U0MUSEBOT> How much did Meta spend on capex in 2025?", "1700000001.000100"));
        var ackTime = sw.Elapsed;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Slack wants the ack within 3 s; a loaded CI machine is not Slack's clock, so the bound leaves it room.
        Assert.True(ackTime < TimeSpan.FromSeconds(10), $"ack took {ackTime.TotalMilliseconds:0} ms");

        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the answer in " + channel);
        var reply = Assert.Single(calls, c => c.Channel == channel);
        output.WriteLine($"app_mention: ack {ackTime.TotalMilliseconds:0} ms, answer posted after {sw.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("/api/chat.postMessage", reply.Path);
        Assert.Equal("Bearer " + SlackHostFixture.DefaultToken, reply.Authorization);
        Assert.StartsWith("application/json", reply.ContentType);
        Assert.Equal("1700000001.000100", reply.ThreadTs);
        Assert.Equal(200, reply.Status);
        var types = reply.Blocks.Select(b => b!["type"]!.GetValue<string>()).ToList();
        Assert.Equal("section", types[0]);
        var contexts = reply.Blocks.Where(b => b!["type"]!.GetValue<string>() == "context")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!["text"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(contexts);
        Assert.Contains(contexts, t => t.Contains("[1] ", StringComparison.Ordinal) && t.Contains('§'));
        Assert.Equal("actions", types[^1]);
        Assert.DoesNotContain("<@", reply.Text);
        Assert.DoesNotContain("**", reply.Blocks.ToJsonString());
    }

    [Fact]
    public async Task Unsigned_badly_signed_and_stale_requests_get_401_and_no_reply()
    {
        var channel = NewChannel();
        var body = MentionEvent(channel, "<@U0MUSEBOT> capex?", "1700000002.000100");

        using var wrongSecret = await Http.SendAsync(SlackHostFixture.Signed(SlackEndpoints.EventsPath, body, "application/json", secret: "not-the-secret"));
        using var stale = await SendEventAsync(body, timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds());
        using var future = await SendEventAsync(body, timestamp: DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds());
        var tampered = SlackHostFixture.Signed(SlackEndpoints.EventsPath, body, "application/json");
        tampered.Content = new StringContent(body.Replace("capex", "CAPEX"), System.Text.Encoding.UTF8, "application/json");
        using var tamperedResponse = await Http.SendAsync(tampered);
        using var unsigned = await Http.PostAsync(SlackEndpoints.EventsPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var noTimestamp = SlackHostFixture.Signed(SlackEndpoints.EventsPath, body, "application/json");
        noTimestamp.Headers.Remove(SlackRequestVerifier.TimestampHeader);
        using var noTimestampResponse = await Http.SendAsync(noTimestamp);
        // Even the url_verification handshake is verified first.
        using var challenge = await Http.PostAsync(SlackEndpoints.EventsPath,
            new StringContent("""{"type":"url_verification","challenge":"abc"}""", System.Text.Encoding.UTF8, "application/json"));
        using var command = await Http.PostAsync(SlackEndpoints.CommandsPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "help" }));
        using var click = await Http.PostAsync(SlackEndpoints.InteractionsPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = "{}" }));

        foreach (var r in new[] { wrongSecret, stale, future, tamperedResponse, unsigned, noTimestampResponse, challenge, command, click })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Empty(await r.Content.ReadAsStringAsync());
        }

        // A valid event sent after them is answered; by then anything the refused ones had queued would have shown up.
        var sentinel = NewChannel();
        using var ok = await SendEventAsync(MentionEvent(sentinel, "<@U0MUSEBOT> help", "1700000002.000200"));
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == sentinel), ReplyTimeout, "the sentinel's answer");
        await Task.Delay(200);
        Assert.Empty(Slack.CallsFor(channel));
    }

    [Fact]
    public async Task The_url_verification_challenge_is_answered()
    {
        using var response = await SendEventAsync("""{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", doc.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task A_retried_or_duplicate_event_is_answered_once()
    {
        var channel = NewChannel();
        var body = MentionEvent(channel, "<@U0MUSEBOT> What modes does Spark have?", "1700000003.000100", eventId: "EvRETRY" + channel);
        using var first = await SendEventAsync(body);
        using var retry1 = await SendEventAsync(body, retryNum: 1);
        using var retry2 = await SendEventAsync(body, retryNum: 2);
        Assert.All(new[] { first, retry1, retry2 }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the answer");
        // A later question in the same channel is answered; the retries, had they been queued, were queued before it.
        using var next = await SendEventAsync(MentionEvent(channel, "<@U0MUSEBOT> sections", "1700000003.000200"));
        await Slack.WaitForAsync(c => c.Count(x => x.Channel == channel) >= 2, ReplyTimeout, "the second answer");
        await Task.Delay(200);
        var calls = Slack.CallsFor(channel);
        Assert.Equal(2, calls.Count);
        Assert.Single(calls, c => c.ThreadTs == "1700000003.000100");
    }

    [Fact]
    public async Task A_follow_up_in_a_thread_is_answered_in_that_thread_and_a_workspace_uses_its_own_token()
    {
        var channel = NewChannel();
        using var first = await SendEventAsync(MentionEvent(channel, "<@U0MUSEBOT> How much did Meta spend on capex in 2025?", "1700000004.000100", team: SlackHostFixture.OtherTeam));
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the first answer");
        using var followUp = await SendEventAsync(MentionEvent(channel, "<@U0MUSEBOT> and in 2026?", "1700000004.000300", team: SlackHostFixture.OtherTeam, threadTs: "1700000004.000100"));
        var calls = await Slack.WaitForAsync(c => c.Count(x => x.Channel == channel) >= 2, ReplyTimeout, "the follow-up's answer");
        Assert.All(calls.Where(c => c.Channel == channel), c =>
        {
            Assert.Equal("1700000004.000100", c.ThreadTs);
            Assert.Equal("Bearer " + SlackHostFixture.OtherToken, c.Authorization);
        });
    }

    [Fact]
    public async Task A_429_from_the_Web_API_is_retried_after_Retry_After_and_a_500_too()
    {
        var channel = NewChannel();
        Slack.FailNext(channel, new RateLimited(1));
        Slack.FailNext(channel, new ServerError());
        var sw = Stopwatch.StartNew();
        using var response = await SendEventAsync(MentionEvent(channel, "<@U0MUSEBOT> help", "1700000005.000100"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel && x.Status == 200), ReplyTimeout, "the answer after a 429 and a 500");
        var mine = calls.Where(c => c.Channel == channel).ToList();
        Assert.Equal([429, 500, 200], mine.Select(c => c.Status));
        Assert.True(mine[1].At - mine[0].At >= TimeSpan.FromSeconds(0.9), $"retried {(mine[1].At - mine[0].At).TotalMilliseconds:0} ms after a Retry-After: 1");
        Assert.All(mine, c => Assert.Equal("1700000005.000100", c.ThreadTs));
        output.WriteLine($"429 (Retry-After 1) + 500 then ok: answered after {sw.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task An_ok_false_from_the_Web_API_is_not_retried()
    {
        var channel = NewChannel();
        Slack.FailNext(channel, new NotOk("not_in_channel"));
        using var response = await SendEventAsync(MentionEvent(channel, "<@U0MUSEBOT> help", "1700000006.000100"));
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the call");
        var sentinel = NewChannel();
        using var ok = await SendEventAsync(MentionEvent(sentinel, "<@U0MUSEBOT> help", "1700000006.000200"));
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == sentinel), ReplyTimeout, "the sentinel");
        await Task.Delay(200);
        Assert.Single(Slack.CallsFor(channel));
        Assert.True(fixture.Host.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Error, "not_in_channel"), "Slack's error code is not in the log");
    }

    [Fact]
    public async Task A_direct_message_is_answered_and_the_bots_own_message_is_not()
    {
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        string Dm(string user, string text, string ts, string? botId = null) => new JsonObject
        {
            ["team_id"] = "T0DEFAULT", ["type"] = "event_callback", ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10],
            ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "U0MUSEBOT", ["is_bot"] = true }),
            ["event"] = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = channel, ["user"] = user, ["text"] = text, ["ts"] = ts, ["bot_id"] = botId },
        }.ToJsonString();

        using var own = await SendEventAsync(Dm("U0MUSEBOT", "an answer of mine", "1700000010.000100", botId: "B0MUSEBOT"));
        using var question = await SendEventAsync(Dm("U0ASKER", "sources", "1700000010.000200"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the DM answer");
        await Task.Delay(200);
        var reply = Assert.Single(Slack.CallsFor(channel));
        Assert.Equal("1700000010.000200", reply.ThreadTs);
    }

    [Fact]
    public async Task A_slash_command_answers_through_its_response_url_ephemeral_or_public()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var publicId = id + "p";
        async Task<HttpResponseMessage> Command(string text, string responseId)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = "unused", ["team_id"] = "T0DEFAULT", ["team_domain"] = "test", ["channel_id"] = "C0CMD", ["channel_name"] = "general",
                ["user_id"] = "U0ASKER", ["user_name"] = "asker", ["command"] = "/musebot", ["text"] = text,
                ["response_url"] = Slack.ResponseUrl(responseId).ToString(), ["trigger_id"] = "1.2.3",
            });
            var body = await form.ReadAsStringAsync();
            var sw = Stopwatch.StartNew();
            var response = await Http.SendAsync(SlackHostFixture.Signed(SlackEndpoints.CommandsPath, body, "application/x-www-form-urlencoded"));
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"ack took {sw.ElapsedMilliseconds} ms");   // Slack's 3 s, with room for a loaded CI machine
            return response;
        }

        using var ephemeral = await Command("How much did Meta spend on capex in 2025?", id);
        using var inChannel = await Command("public what modes does spark have?", publicId);
        Assert.Equal(HttpStatusCode.OK, ephemeral.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inChannel.StatusCode);

        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Path == $"/response/{id}") && c.Any(x => x.Path == $"/response/{publicId}"), ReplyTimeout, "both response_url posts");
        var privateReply = Assert.Single(calls, c => c.Path == $"/response/{id}");
        Assert.Equal("ephemeral", privateReply.Body["response_type"]!.GetValue<string>());
        Assert.NotEmpty(privateReply.Blocks);
        Assert.True(string.IsNullOrEmpty(privateReply.Authorization));   // response_url needs no token
        var publicReply = Assert.Single(calls, c => c.Path == $"/response/{publicId}");
        Assert.Equal("in_channel", publicReply.Body["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_thumbs_up_click_lands_in_SQLite_and_is_thanked()
    {
        var store = fixture.Host.Services.GetRequiredService<SqliteFeedbackStore>();
        Assert.Equal(Path.Combine(fixture.DataPath, SqliteFeedbackStore.FileName), store.DatabasePath);
        var before = (await store.CountAsync()).Feedback;

        var question = "Unique question " + Guid.NewGuid().ToString("N")[..6];
        var value = SlackBlockKitRenderer.EncodeFeedbackValue(question, ["§7 Infrastructure Signal; table \"Infra question\", row \"Capex commitment\""]);
        var responseId = Guid.NewGuid().ToString("N")[..10];
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0CLICKER", ["username"] = "clicker", ["team_id"] = "T0DEFAULT" },
            ["team"] = new JsonObject { ["id"] = "T0DEFAULT", ["domain"] = "test" },
            ["channel"] = new JsonObject { ["id"] = "C0FEEDBACK", ["name"] = "general" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000007.000100", ["channel_id"] = "C0FEEDBACK" },
            ["trigger_id"] = "1.2.3",
            ["response_url"] = Slack.ResponseUrl(responseId).ToString(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["block_id"] = SlackBlockKitRenderer.FeedbackBlockId, ["action_id"] = SlackBlockKitRenderer.HelpfulActionId,
                ["value"] = value, ["action_ts"] = "1700000008.000100",
            }),
        };
        var body = await new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }).ReadAsStringAsync();
        using var response = await Http.SendAsync(SlackHostFixture.Signed(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // On disk when acknowledged: read it back through a second connection to the same file.
        using var reader = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.DatabasePath};Mode=ReadOnly");
        reader.Open();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT channel, helpful, citations, user_hash FROM feedback WHERE question = $q";
        command.Parameters.AddWithValue("$q", question);
        using var row = command.ExecuteReader();
        Assert.True(row.Read(), "the click is not in the database");
        Assert.Equal("slack", row.GetString(0));
        Assert.Equal(1, row.GetInt32(1));
        Assert.Contains("Capex commitment", row.GetString(2));
        Assert.Equal(FeedbackUserHash.Of("slack", "T0DEFAULT", "U0CLICKER"), row.GetString(3));
        Assert.DoesNotContain("U0CLICKER", row.GetString(3));
        Assert.Equal(before + 1, (await store.CountAsync()).Feedback);

        var thanks = await Slack.WaitForAsync(c => c.Any(x => x.Path == $"/response/{responseId}"), ReplyTimeout, "the thanks");
        var reply = Assert.Single(thanks, c => c.Path == $"/response/{responseId}");
        Assert.Equal("ephemeral", reply.Body["response_type"]!.GetValue<string>());
        Assert.False(reply.Body["replace_original"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unanswerable_question_is_recorded_for_the_report()
    {
        var store = fixture.Host.Services.GetRequiredService<IFeedbackStore>();
        var channel = NewChannel();
        var question = "What colour socks does the author of this note wear on Tuesdays zqxj" + channel;
        using var response = await SendEventAsync(MentionEvent(channel, "<@U0MUSEBOT> " + question, "1700000009.000100"));
        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the abstention");
        var reply = Assert.Single(calls, c => c.Channel == channel);
        // The engine decides whether it can answer; when it abstains, the question must be in the store.
        bool abstained = !reply.Blocks.Any(b => b!["type"]!.GetValue<string>() == "actions");
        var report = await store.ReportAsync(1000);
        Assert.Equal(abstained, report.TopUnanswered.Any(u => u.Question == question));
    }
}

/// <summary>A host without a signing secret: Slack is off, its URLs answer 404, the feedback store still exists.</summary>
[Collection(SlackHostCollection.Name)]
public sealed class SlackOffTests(SlackHostFixture fixture)
{
    [Fact]
    public async Task Without_a_signing_secret_the_Slack_endpoints_answer_404()
    {
        await using var host = new RealHost(fixture.BaseSettings(Path.Combine(fixture.TempRoot, "data-off")));
        foreach (var path in new[] { SlackEndpoints.EventsPath, SlackEndpoints.CommandsPath, SlackEndpoints.InteractionsPath })
        {
            using var response = await host.Http.SendAsync(SlackHostFixture.Signed(path, """{"type":"url_verification","challenge":"x"}""", "application/json"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.NotNull(host.Services.GetRequiredService<IFeedbackStore>());
        Assert.True(host.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Information, "Slack is off"), "no start-up line says Slack is off");
    }

    [Fact]
    public void A_signing_secret_without_a_bot_token_stops_the_host_at_start_with_a_clear_message()
    {
        var settings = fixture.BaseSettings(Path.Combine(fixture.TempRoot, "data-invalid"));
        settings["Slack:SigningSecret"] = "secret";
        var error = Assert.ThrowsAny<Exception>(() => new RealHost(settings));
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("Slack:BotToken", messages);
        Assert.Contains("Slack__BotToken", messages);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a) foreach (var inner in a.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
