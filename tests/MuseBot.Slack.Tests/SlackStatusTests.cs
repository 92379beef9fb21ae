using System.Text.Json.Nodes;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

/// <summary>
/// With Azure OpenAI configured (the fake, on 127.0.0.1, taking 2 s), the real host sets Slack's assistant status
/// ("is searching the note…") in a direct-message thread while the model works, where the bot token has
/// assistant:write; without it, nothing extra after Slack said so once. The answer is the only message posted.
/// A fake Slack and index of its own (a class fixture, not the Slack host collection): its time is the model's
/// delay, which runs beside the other Slack tests.
/// </summary>
public sealed class SlackStatusTests(SlackHostFixture fixture) : IAsyncLifetime, IClassFixture<SlackHostFixture>
{
    private const string AssistantTeam = "T0ASSIST";
    private const string AssistantToken = "xoxb-assistant-workspace";
    private const string PlainTeam = "T0PLAIN";
    private const string PlainToken = "xoxb-plain-workspace";

    private FakeAzureOpenAI _model = null!;
    private RealHost _host = null!;
    private FakeSlackApi Slack => fixture.Slack;

    public async Task InitializeAsync()
    {
        _model = await FakeAzureOpenAI.StartAsync();
        Slack.TokensWithoutAssistantScope[PlainToken] = true;
        var settings = fixture.BaseSettings(Path.Combine(fixture.TempRoot, "data-status-" + Guid.NewGuid().ToString("N")[..6]));
        settings["Slack:SigningSecret"] = SlackHostFixture.SigningSecret;
        settings["Slack:BotToken"] = SlackHostFixture.DefaultToken;
        settings[$"Slack:Workspaces:{AssistantTeam}:BotToken"] = AssistantToken;
        settings[$"Slack:Workspaces:{PlainTeam}:BotToken"] = PlainToken;
        settings["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.ToString();
        _model.ConfigureHost(settings);
        settings["Bot:AnswerCacheSize"] = "0";
        _host = new RealHost(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    private void ModelAnswersCapex() =>
        _model.ThenReplyAfter(TimeSpan.FromSeconds(2), req =>
            $"Meta spent $72.22B on capex in 2025 [{FakeAzureOpenAI.PassagesIn(req).First(p => p.Value.Contains("72.22", StringComparison.Ordinal)).Key}].");

    private static string DirectMessage(string team, string channel, string ts) => new JsonObject
    {
        ["token"] = "unused-verification-token",
        ["team_id"] = team,
        ["api_app_id"] = "A0MUSEBOT",
        ["type"] = "event_callback",
        ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10],
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = "U0MUSEBOT", ["is_bot"] = true }),
        ["event"] = new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["user"] = "U0ASKER",
            ["text"] = "How much did Meta spend on capex in 2025?",
            ["ts"] = ts,
            ["thread_ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
        },
    }.ToJsonString();

    private async Task<RecordedCall> AskAsync(string team, string channel, string ts)
    {
        using var request = SlackHostFixture.Signed(SlackEndpoints.EventsPath, DirectMessage(team, channel, ts), "application/json");
        using var response = await _host.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel && x.Path == "/api/chat.postMessage"), TimeSpan.FromSeconds(30), "the answer");
        return calls.Single(x => x.Channel == channel && x.Path == "/api/chat.postMessage");
    }

    [Fact]
    public async Task With_the_assistant_scope_the_thread_shows_a_status_while_the_model_works_and_only_the_answer_is_posted()
    {
        ModelAnswersCapex();
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

        var answer = await AskAsync(AssistantTeam, channel, "1700000101.000100");

        // set before the answer; the second call (an empty status) clears it after
        var status = Assert.Single(Slack.StatusCalls, c => c.ChannelId == channel && (string?)c.Body["status"] != "");
        Assert.Equal($"Bearer {AssistantToken}", status.Authorization);
        Assert.Equal("1700000101.000100", (string?)status.Body["thread_ts"]);
        Assert.Equal("is searching the note…", (string?)status.Body["status"]);
        Assert.True(status.At < answer.At, "the status comes before the answer");
        Assert.Contains("72.22", answer.Text);
        Assert.Single(Slack.Calls, c => c.Channel == channel && c.Path == "/api/chat.postMessage");
    }

    [Fact]
    public async Task Without_the_assistant_scope_nothing_extra_is_sent_once_Slack_said_so()
    {
        ModelAnswersCapex();
        ModelAnswersCapex();
        var first = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var second = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

        Assert.Contains("72.22", (await AskAsync(PlainTeam, first, "1700000201.000100")).Text);
        Assert.Contains("72.22", (await AskAsync(PlainTeam, second, "1700000202.000100")).Text);

        // at most the one attempt that taught the bot its token lacks assistant:write (X-OAuth-Scopes or missing_scope)
        Assert.InRange(Slack.StatusCalls.Count(c => c.ChannelId == first), 0, 1);
        Assert.DoesNotContain(Slack.StatusCalls, c => c.ChannelId == second);
    }
}
