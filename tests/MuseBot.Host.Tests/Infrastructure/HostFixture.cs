using Microsoft.Extensions.DependencyInjection;

namespace MuseBot.Host.Tests.Infrastructure;

/// <summary>
/// One set of hosts for the integration tests: the first host opens the shared index (building it when this build of
/// the engine has none yet), then a local-mode host (no channel auth) and an authenticated host (app id set, tokens checked against the
/// fake identity server) open it. A fake Bot Connector receives replies sent to serviceUrl.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    public const string AppId = "6f3b2c7e-1d2a-4b8e-9c1f-2a3b4c5d6e7f";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "musebot-host-tests-" + Guid.NewGuid().ToString("N"));

    public RealHost Local { get; private set; } = null!;
    public RealHost Authenticated { get; private set; } = null!;

    /// <summary>A host whose engine fails on every question, for the error path.</summary>
    public RealHost Failing { get; private set; } = null!;

    /// <summary>A host whose feedback store fails on every write.</summary>
    public RealHost FaultyStore { get; private set; } = null!;

    /// <summary>The index the test projects share (<see cref="SharedIndex"/>): opened, or built the first time for
    /// this build of the engine, by the first host.</summary>
    public static string IndexPath => SharedIndex.IndexPath;

    /// <summary>Each host's own data folder (feedback and conversation databases).</summary>
    public string DataPath(string host) => Path.Combine(_root, "data-" + host);

    public const string InternalFailureDetail = "index shard /secret/path corrupted at offset 4242";

    private sealed class FailingEngine : MuseBot.Contracts.IAnswerEngine
    {
        public Task<MuseBot.Contracts.Answer> AnswerAsync(MuseBot.Contracts.Question question, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(InternalFailureDetail);
    }

    /// <summary>A feedback store whose disk is gone.</summary>
    public sealed class FailingFeedbackStore : MuseBot.Contracts.IFeedbackStore
    {
        public Task RecordFeedbackAsync(MuseBot.Contracts.FeedbackRecord feedback, CancellationToken cancellationToken = default) =>
            throw new IOException("disk I/O error (feedback.db)");
        public Task RecordUnansweredAsync(MuseBot.Contracts.UnansweredRecord question, CancellationToken cancellationToken = default) =>
            throw new IOException("disk I/O error (feedback.db)");
        public Task<MuseBot.Contracts.FeedbackReport> ReportAsync(int top, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
    public FakeBotConnector Connector { get; private set; } = null!;
    public FakeBotFrameworkIdentity Identity { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Identity = await FakeBotFrameworkIdentity.StartAsync();
        // .NET reads the trusted roots again only every few seconds: the authenticated tests' first fetch of the
        // identity server's metadata must not come before its certificate is trusted (waited for while the hosts start).
        var trusted = Identity.WaitUntilTrustedAsync(TimeSpan.FromSeconds(30));
        Connector = await FakeBotConnector.StartAsync();
        Local = new RealHost(BaseSettings(IndexPath, DataPath("local")));

        Authenticated = new RealHost(AuthenticatedSettings(IndexPath, DataPath("authenticated"), Identity.MetadataUrl));
        Failing = new RealHost(BaseSettings(IndexPath, DataPath("failing")),
            services => services.AddSingleton<MuseBot.Contracts.IAnswerEngine>(new FailingEngine()));
        FaultyStore = new RealHost(BaseSettings(IndexPath, DataPath("faulty-store")),
            services => services.AddSingleton<MuseBot.Contracts.IFeedbackStore>(new FailingFeedbackStore()));
        await trusted;
    }

    /// <summary>Channel auth on (app id set), tokens checked against the OpenID metadata at <paramref name="metadataUrl"/>.</summary>
    public static Dictionary<string, string?> AuthenticatedSettings(string indexPath, string dataPath, Uri metadataUrl)
    {
        var auth = BaseSettings(indexPath, dataPath);
        auth["MicrosoftAppType"] = "MultiTenant";
        auth["MicrosoftAppId"] = AppId;
        auth["MicrosoftAppPassword"] = "test-secret-not-used-for-expect-replies";
        // With any of these set the SDK takes all of them from configuration, so the public-cloud values are given
        // for the rest; only the channel token metadata points at the fake identity server.
        auth["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl.ToString();
        auth["ToBotFromChannelTokenIssuer"] = FakeBotFrameworkIdentity.Issuer;
        auth["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com";
        auth["ToChannelFromBotOAuthScope"] = "https://api.botframework.com";
        auth["OAuthUrl"] = "https://api.botframework.com";
        auth["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
        auth["CallerId"] = "urn:botframework:azure";
        auth["ValidateAuthority"] = "true";
        return auth;
    }

    /// <summary>The settings every test host shares: the repo's seeds, one index folder built once per test run.</summary>
    public static Dictionary<string, string?> BaseSettings(string indexPath, string dataPath) => new()
    {
        ["MuseBot:SeedsPath"] = TestPaths.Seeds,
        ["MuseBot:IndexPath"] = indexPath,
        ["MuseBot:DataPath"] = dataPath,
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
    };

    public async Task DisposeAsync()
    {
        await Local.DisposeAsync();
        await Authenticated.DisposeAsync();
        await Failing.DisposeAsync();
        await FaultyStore.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { /* the OS may still hold a file */ }
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "hosts";
}
