using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using MuseBot.Core;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

/// <summary>Once per test run: the index (built in a temp folder), a fake Slack, and the host with Slack on.</summary>
public sealed class SlackHostFixture : IAsyncLifetime
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";
    public const string DefaultToken = "xoxb-default-workspace";
    public const string OtherTeam = "T0OTHER";
    public const string OtherToken = "xoxb-other-workspace";

    public const string RedirectBaseUrl = "https://musebot.example.test";

    public string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "musebot-slack-tests-" + Guid.NewGuid().ToString("N")[..8]);
    public string IndexPath => Path.Combine(TempRoot, "index");
    public string DataPath => Path.Combine(TempRoot, "data");
    public FakeSlackApi Slack { get; private set; } = null!;
    public RealHost Host { get; private set; } = null!;
    public TimeSpan IndexBuildTime { get; private set; }

    public Dictionary<string, string?> BaseSettings(string dataPath) => new()
    {
        ["MuseBot:SeedsPath"] = TestPaths.Seeds,
        ["MuseBot:IndexPath"] = IndexPath,
        ["MuseBot:DataPath"] = dataPath,
        // BM25 only: the Slack tests check the channel, not retrieval quality, and start faster without the model.
        ["MuseBot:SemanticSearch"] = "false",
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(TempRoot);
        var sw = Stopwatch.StartNew();
        // Build the index once, up front; every host of this test run opens it.
        MuseBotEngine.Open(new MuseBotOptions { SeedsPath = TestPaths.Seeds, IndexPath = IndexPath, DataPath = DataPath, SemanticSearch = false }).Dispose();
        IndexBuildTime = sw.Elapsed;
        Slack = await FakeSlackApi.StartAsync();
        var settings = BaseSettings(DataPath);
        settings["Slack:SigningSecret"] = SigningSecret;
        settings["Slack:BotToken"] = DefaultToken;
        settings[$"Slack:Workspaces:{OtherTeam}:BotToken"] = OtherToken;
        settings["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.ToString();
        // Installs through OAuth: the authorize page is the fake's (never followed), the redirect base a name only.
        settings["Slack:ClientId"] = FakeSlackApi.ClientId;
        settings["Slack:ClientSecret"] = FakeSlackApi.ClientSecret;
        settings["Slack:RedirectBaseUrl"] = RedirectBaseUrl;
        settings["Slack:AuthorizeUrl"] = new Uri(Slack.BaseUrl, "/oauth/v2/authorize").ToString();
        Host = new RealHost(settings);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Slack is not null) await Slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(TempRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A request as Slack sends it: raw body, v0 signature over it, timestamp header.</summary>
    public static HttpRequestMessage Signed(string path, string body, string contentType, long? timestamp = null, string? secret = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret ?? SigningSecret, ts, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}

[CollectionDefinition(Name)]
public sealed class SlackHostCollection : ICollectionFixture<SlackHostFixture>
{
    public const string Name = "Slack host";
}
