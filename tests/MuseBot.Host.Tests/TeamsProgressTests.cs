using System.Text.Json.Nodes;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>
/// With Azure OpenAI configured (the fake, on 127.0.0.1, taking 3.5 s to reply), the real host shows progress while
/// the model works: in a Teams personal chat, informative streaming updates, then the answer as the stream's final
/// message; in a channel, a typing indicator. Only the final message carries the answer, with the AI label.
/// Its own connector and data, outside the hosts' collection: its time is the model's delay, which runs beside the
/// other host tests.
/// </summary>
public sealed class TeamsProgressTests : IAsyncLifetime
{
    private const string CapexQuestion = "How much did Meta spend on capex in 2025?";
    private static readonly TimeSpan ModelDelay = TimeSpan.FromSeconds(3.5);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "musebot-progress-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private FakeAzureOpenAI _model = null!;
    private FakeBotConnector _connector = null!;
    private RealHost _host = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeAzureOpenAI.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        var settings = HostFixture.BaseSettings(HostFixture.IndexPath, _data);
        _model.ConfigureHost(settings);
        settings["Bot:AnswerCacheSize"] = "0";
        _host = new RealHost(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
        await _connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    /// <summary>The model cites the passage with the 2025 capex figure, after <see cref="ModelDelay"/>.</summary>
    private void ModelAnswersCapex() =>
        _model.ThenReplyAfter(ModelDelay, req =>
        {
            var id = FakeAzureOpenAI.PassagesIn(req).First(p => p.Value.Contains("72.22", StringComparison.Ordinal)).Key;
            return $"Meta spent $72.22B on capex in 2025 [{id}].";
        });

    private static JsonObject? StreamInfo(JsonObject activity) =>
        activity["entities"]?.AsArray().OfType<JsonObject>().FirstOrDefault(e => (string?)e["type"] == "streaminfo");

    [Fact]
    public async Task In_a_personal_chat_informative_updates_stream_while_the_model_works_and_the_answer_closes_the_stream()
    {
        ModelAnswersCapex();
        using var client = _host.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(CapexQuestion, _connector.ServiceUrl, conversationType: "personal", mentionBot: false);
        var conversationId = (string)activity["conversation"]!["id"]!;

        using var response = await Activities.PostAsync(client, activity);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");

        var messages = await _connector.WaitForAsync(a => (string?)a["conversation"]?["id"] == conversationId && (string?)a["type"] == "message");
        var sent = _connector.Received.Where(r => (string?)r.Activity["conversation"]?["id"] == conversationId).ToList();
        var updates = sent.Select(r => r.Activity).Where(a => (string?)a["type"] == "typing" && StreamInfo(a) is not null).ToList();

        // informative updates: streamType informative, streamSequence 1, 2, …, the stream id Teams gave the first
        Assert.InRange(updates.Count, 2, 5); // ~1 a second over a 3.5 s model call
        for (int i = 0; i < updates.Count; i++)
        {
            var info = StreamInfo(updates[i])!;
            Assert.Equal("informative", (string?)info["streamType"]);
            Assert.Equal(i + 1, (int)info["streamSequence"]!);
            if (i > 0) Assert.NotNull(info["streamId"]);
        }
        var streamId = (string?)StreamInfo(updates[1])!["streamId"];
        Assert.All(updates.Skip(1), u => Assert.Equal(streamId, (string?)StreamInfo(u)!["streamId"]));
        Assert.Equal("Searching the note…", (string?)updates[0]["text"]);
        Assert.StartsWith("Reading ", (string?)updates[1]["text"]);
        // only the engine's own wording: no update carries the answer or anything the model wrote
        Assert.All(updates, u => Assert.DoesNotContain("72.22", (string?)u["text"] ?? ""));

        // the answer is the final message of the stream, with the AI label: the model worded it
        var final = Assert.Single(messages);
        var finalInfo = StreamInfo(final)!;
        Assert.Equal("final", (string?)finalInfo["streamType"]);
        Assert.Equal(streamId, (string?)finalInfo["streamId"]);
        Assert.Null(finalInfo["streamSequence"]);
        Assert.Contains("72.22", (string)final["text"]!);
        Assert.Equal("AIGeneratedContent", (string?)Activities.AiEntity(final)!["additionalType"]![0]);
        Assert.DoesNotContain("Quoted from the note", (string)final["text"]!);
        Assert.Equal("final", (string?)final["channelData"]!["streamType"]);
        Assert.True((bool)final["channelData"]!["feedbackLoopEnabled"]!);
    }

    [Fact]
    public async Task In_a_channel_a_typing_indicator_shows_instead_and_no_stream_is_started()
    {
        ModelAnswersCapex();
        using var client = _host.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(CapexQuestion, _connector.ServiceUrl, conversationType: "channel");
        var conversationId = (string)activity["conversation"]!["id"]!;

        using var response = await Activities.PostAsync(client, activity);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");

        var messages = await _connector.WaitForAsync(a => (string?)a["conversation"]?["id"] == conversationId && (string?)a["type"] == "message");
        var sent = _connector.Received.Where(r => (string?)r.Activity["conversation"]?["id"] == conversationId).Select(r => r.Activity).ToList();
        var typing = sent.Where(a => (string?)a["type"] == "typing").ToList();
        // one every 3 s while the model works: how many depends on how long it takes on a loaded machine
        Assert.NotEmpty(typing);
        Assert.All(sent, a => Assert.Null(StreamInfo(a)));
        Assert.All(typing, t => Assert.True(string.IsNullOrEmpty((string?)t["text"])));
        var final = Assert.Single(messages);
        Assert.Contains("72.22", (string)final["text"]!);
    }
}
