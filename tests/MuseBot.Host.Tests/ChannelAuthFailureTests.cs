using System.Diagnostics;
using System.Net;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>Malformed tokens are 401 with one log line and no stack trace, on the fixture's authenticated host.</summary>
[Collection(HostCollection.Name)]
public sealed class MalformedTokenTests(HostFixture hosts)
{
    [Theory]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.x")]
    [InlineData("....")]
    [InlineData("Zm9v")]
    public async Task A_malformed_bearer_token_gets_401_and_one_log_line(string token)
    {
        using var client = hosts.Authenticated.CreateLoopbackClient();
        var activity = Activities.TeamsMessage("capex?", hosts.Connector.ServiceUrl, "personal", mentionBot: false, expectReplies: true);
        var before = hosts.Authenticated.Logs.Lines.Count;

        using var response = await Activities.PostAsync(client, activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var logged = hosts.Authenticated.Logs.Lines.Skip(before).ToList();
        var refusal = Assert.Single(logged, l => l.Message.StartsWith("Refused a request", StringComparison.Ordinal));
        Assert.Null(refusal.Exception);
        Assert.DoesNotContain(logged, l => l.Exception is not null || l.Message.Contains("   at ", StringComparison.Ordinal));
    }
}

/// <summary>
/// The channel's OpenID metadata and keys hanging, unreachable, back, and gone again: forged and valid tokens get a
/// 401 within a few seconds while no keys can be had (each logged as one line), concurrent requests do not queue
/// behind one fetch, and once fetched the keys are kept.
/// </summary>
public sealed class KeyFetchFailureTests : IAsyncLifetime
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "musebot-keys-" + Guid.NewGuid().ToString("N")[..8]);
    private FakeBotFrameworkIdentity _identity = null!;
    private FakeBotConnector _connector = null!;
    private RealHost _host = null!;

    public KeyFetchFailureTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _identity = await FakeBotFrameworkIdentity.StartAsync();
        await _identity.WaitUntilTrustedAsync(TimeSpan.FromSeconds(30));
        _connector = await FakeBotConnector.StartAsync();
        var settings = HostFixture.AuthenticatedSettings(Path.Combine(_root, "index"), Path.Combine(_root, "data"), _identity.MetadataUrl);
        settings["MuseBot:SemanticSearch"] = "false";
        settings["Bot:AuthMetadataTimeoutSeconds"] = "2";
        _host = new RealHost(settings);
    }

    public async Task DisposeAsync()
    {
        _identity.Mode = FakeBotFrameworkIdentity.Behaviour.Serve;
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private async Task<(HttpStatusCode Status, TimeSpan Elapsed)> SendAsync(string token)
    {
        using var client = _host.CreateLoopbackClient();
        var activity = Activities.TeamsMessage("help", _connector.ServiceUrl, "personal", mentionBot: false, expectReplies: true);
        var watch = Stopwatch.StartNew();
        using var response = await Activities.PostAsync(client, activity, token);
        return (response.StatusCode, watch.Elapsed);
    }

    private static readonly System.Security.Cryptography.RSA ForgerKey = System.Security.Cryptography.RSA.Create(2048);

    private string Forged() => _identity.CreateToken(HostFixture.AppId, _connector.ServiceUrl.ToString(), signWith: ForgerKey);

    private string Valid() => _identity.CreateToken(HostFixture.AppId, _connector.ServiceUrl.ToString());

    [Fact]
    [Trait("Category", "Slow")] // waits out real key-fetch deadlines
    public async Task Hanging_then_unreachable_keys_fail_closed_and_fast_and_keys_once_fetched_are_kept()
    {
        // 1. The metadata endpoint accepts and never answers: each token waits at most the bounded fetch (2 s here),
        // and ten at once are refused together, not one after another.
        _identity.Mode = FakeBotFrameworkIdentity.Behaviour.Hang;
        var sequential = new List<TimeSpan>();
        for (int i = 0; i < 2; i++)
        {
            var (status, elapsed) = await SendAsync(i == 0 ? Valid() : Forged());
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            sequential.Add(elapsed);
        }
        var forgedTokens = Enumerable.Range(0, 10).Select(_ => Forged()).ToList();
        var watch = Stopwatch.StartNew();
        var concurrent = await Task.WhenAll(forgedTokens.Select(SendAsync));
        var allTen = watch.Elapsed;
        _output.WriteLine($"metadata hangs: tokens one after another refused in {string.Join(", ", sequential.Select(t => $"{t.TotalSeconds:0.0} s"))}; " +
                          $"10 at once all refused within {allTen.TotalSeconds:0.0} s");
        Assert.True(sequential[0] >= TimeSpan.FromSeconds(1.5), $"the first fetch was not waited for ({sequential[0].TotalSeconds:0.0} s): "
            + _host.Logs.Lines.FirstOrDefault(l => l.Message.StartsWith("Refused", StringComparison.Ordinal)).Message);
        // The bounds leave a loaded CI machine room: a fetch not bounded (IdentityModel's own 100 s) or ten fetches one
        // after another (20 s) still fail them.
        Assert.All(sequential, t => Assert.True(t < TimeSpan.FromSeconds(10), $"{t.TotalSeconds:0.0} s"));
        Assert.All(concurrent, c => Assert.Equal(HttpStatusCode.Unauthorized, c.Status));
        Assert.True(allTen < TimeSpan.FromSeconds(10), $"ten concurrent requests took {allTen.TotalSeconds:0.0} s");

        // 2. It drops every connection: 401 at once.
        _identity.Mode = FakeBotFrameworkIdentity.Behaviour.Abort;
        var unreachable = await SendAsync(Forged());
        _output.WriteLine($"metadata unreachable: forged token HTTP {(int)unreachable.Status} in {unreachable.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.Unauthorized, unreachable.Status);
        Assert.True(unreachable.Elapsed < TimeSpan.FromSeconds(10), $"{unreachable.Elapsed.TotalSeconds:0.0} s");

        // Every refusal is one line, without a stack trace.
        var refusals = _host.Logs.Lines.Where(l => l.Message.StartsWith("Refused a request", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, refusals.Count);
        Assert.All(refusals, l => Assert.Null(l.Exception));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && (l.Exception is not null || l.Message.Contains("   at ", StringComparison.Ordinal)));

        // 3. The keys are back: a valid token is accepted again once IdentityModel's retry backoff (a few seconds
        // after a few failures) has passed; a forged one is not.
        _identity.Mode = FakeBotFrameworkIdentity.Behaviour.Serve;
        var recovery = Stopwatch.StartNew();
        HttpStatusCode validStatus;
        do
        {
            (validStatus, _) = await SendAsync(Valid());
            if (validStatus == HttpStatusCode.OK) break;
            await Task.Delay(250);
        }
        while (recovery.Elapsed < TimeSpan.FromSeconds(40));
        _output.WriteLine($"metadata back: valid token accepted after {recovery.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.OK, validStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(Forged())).Status);

        // 4. Gone again: the keys fetched are kept, so valid tokens are still accepted, at once, and forged ones refused.
        _identity.Mode = FakeBotFrameworkIdentity.Behaviour.Abort;
        var kept = await SendAsync(Valid());
        var forged = await SendAsync(Forged());
        Assert.Equal(HttpStatusCode.OK, kept.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        Assert.True(kept.Elapsed < TimeSpan.FromSeconds(5), $"{kept.Elapsed.TotalSeconds:0.0} s");   // no fetch waited for (room for a loaded machine)
    }
}
