using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MuseBot.Core.Storage;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

/// <summary>
/// Installing the app into workspaces with OAuth v2, on the real host against the fake Slack: the round trip
/// (install → Slack's authorize page → callback → oauth.v2.access → stored with the token encrypted → an event from
/// that workspace answered with its own token → uninstall deletes it), and what must be refused: a forged, expired,
/// replayed or foreign-browser state, a failed exchange, a revoked token.
/// </summary>
[Collection(SlackHostCollection.Name)]
public sealed class SlackInstallTests(SlackHostFixture fixture) : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    // The browser: follows no redirect (Slack's authorize page is not to be fetched) and keeps cookies by hand.
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = fixture.Host.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private FakeSlackApi Slack => fixture.Slack;
    private IInstallationStore Store => fixture.Host.Services.GetRequiredService<IInstallationStore>();

    public void Dispose() => _browser.Dispose();

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>GET /api/slack/install: the state Slack is sent with and the cookie the browser got.</summary>
    private async Task<(string State, string Cookie, Uri Location)> StartInstallAsync()
    {
        using var response = await _browser.GetAsync(SlackInstallEndpoints.InstallPath);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SlackInstallEndpoints.StateCookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        return (query["state"].ToString(), setCookie.Split(';')[0], location);
    }

    private async Task<(HttpStatusCode Status, string Page)> CallbackAsync(string query, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SlackInstallEndpoints.CallbackPath + query);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await _browser.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Callback(string code, string state) => $"?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}";

    private async Task<HttpStatusCode> SendEventAsync(JsonObject ev, string team, string? enterprise = null, bool enterpriseInstall = false)
    {
        var body = new JsonObject
        {
            ["team_id"] = team, ["enterprise_id"] = enterprise, ["is_enterprise_install"] = enterpriseInstall, ["api_app_id"] = "A0MUSEBOT",
            ["type"] = "event_callback", ["event_id"] = NewId("Ev"), ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["event"] = ev,
        }.ToJsonString();
        using var response = await fixture.Host.Http.SendAsync(SlackHostFixture.Signed(SlackEndpoints.EventsPath, body, "application/json"));
        return response.StatusCode;
    }

    private static JsonObject Mention(string channel, string ts) => new()
    {
        ["type"] = "app_mention", ["user"] = "U0ASKER", ["text"] = "<@U0BOT> " + TestPaths.ExampleQuestions[1], ["ts"] = ts, ["channel"] = channel,
    };

    private async Task<(string Team, string Token)> InstallAsync()
    {
        var team = NewId("T");
        var token = "xoxb-" + Guid.NewGuid().ToString("N");
        var code = NewId("code-");
        Slack.AddInstallCode(code, new FakeInstall(team, "Acme & Co", token, "U0BOT" + team[1..5], "U0INSTALLER"));
        var (state, cookie, _) = await StartInstallAsync();
        var (status, page) = await CallbackAsync(Callback(code, state), cookie);
        Assert.True(status == HttpStatusCode.OK, page);
        return (team, token);
    }

    [Fact]
    public async Task Install_round_trip_stores_the_token_encrypted_answers_with_it_and_uninstall_removes_it()
    {
        var (state, cookie, location) = await StartInstallAsync();
        // Slack's authorize page, with the app's client id, the bot scopes and where to come back.
        Assert.Equal(new Uri(Slack.BaseUrl, "/oauth/v2/authorize").GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(FakeSlackApi.ClientId, query["client_id"].ToString());
        Assert.Equal(SlackInstallEndpoints.BotScopes, query["scope"].ToString().Split(','));
        Assert.Equal(SlackHostFixture.RedirectBaseUrl + SlackInstallEndpoints.CallbackPath, query["redirect_uri"].ToString());
        Assert.True(state.Length > 40, state);

        var team = NewId("T");
        var token = "xoxb-" + Guid.NewGuid().ToString("N");
        Slack.AddInstallCode("code-round-trip", new FakeInstall(team, "Acme <Research>", token, "U0BOTACME", "U0INSTALLER"));
        var (status, page) = await CallbackAsync(Callback("code-round-trip", state), cookie);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("MuseBot is installed", page);
        Assert.Contains("Acme &lt;Research&gt;", page);   // Slack's team name, HTML-encoded

        // The exchange: oauth.v2.access at Slack:ApiBaseUrl with the code and the same redirect_uri.
        var exchange = Assert.Single(Slack.CallsTo("oauth.v2.access"), c => c.Body["code"]?.GetValue<string>() == "code-round-trip");
        Assert.Equal(FakeSlackApi.ClientSecret, exchange.Body["client_secret"]!.GetValue<string>());
        Assert.Equal(SlackHostFixture.RedirectBaseUrl + SlackInstallEndpoints.CallbackPath, exchange.Body["redirect_uri"]!.GetValue<string>());

        // Stored with who installed it, the token encrypted at rest: not in the database file in the clear.
        var stored = await Store.FindAsync(team);
        Assert.NotNull(stored);
        Assert.Equal(("U0BOTACME", "U0INSTALLER", team), (stored.BotUserId, stored.InstallerUserId, stored.TeamId));
        Assert.Contains("assistant:write", stored.Scopes);
        Assert.DoesNotContain(token, stored.ProtectedBotToken);
        Assert.DoesNotContain("xoxb-", stored.ProtectedBotToken);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataPath, "conversations.db")};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT bot_token FROM installations WHERE workspace_id = $id";
            command.Parameters.AddWithValue("$id", team);
            var raw = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain(token, raw);
        }
        Assert.True(Directory.EnumerateFiles(Path.Combine(fixture.DataPath, "keys"), "*.xml").Any(), "the data-protection keys live beside the store");

        // An event from that workspace is answered with its own token.
        var channel = NewId("C");
        Assert.Equal(HttpStatusCode.OK, await SendEventAsync(Mention(channel, "1782771000.000100"), team));
        var answer = (await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the answer in " + channel)).Single(c => c.Channel == channel);
        Assert.Equal("Bearer " + token, answer.Authorization);

        // The same callback again (a replayed state) is refused and not exchanged again.
        Slack.AddInstallCode("code-replayed", new FakeInstall(NewId("T"), "Evil", "xoxb-evil", "U0EVIL", "U0EVIL"));
        var (replayStatus, replayPage) = await CallbackAsync(Callback("code-replayed", state), cookie);
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Contains("already used", replayPage);
        Assert.DoesNotContain(Slack.CallsTo("oauth.v2.access"), c => c.Body["code"]?.GetValue<string>() == "code-replayed");

        // Uninstall: the installation goes; the workspace is no longer answered with its token.
        Assert.Equal(HttpStatusCode.OK, await SendEventAsync(new JsonObject { ["type"] = "app_uninstalled", ["event_ts"] = "1782771100.000100" }, team));
        Assert.Null(await Store.FindAsync(team));
        var after = NewId("C");
        await SendEventAsync(Mention(after, "1782771200.000100"), team);
        var fallback = (await Slack.WaitForAsync(c => c.Any(x => x.Channel == after), ReplyTimeout, "the answer in " + after)).Single(c => c.Channel == after);
        Assert.Equal("Bearer " + SlackHostFixture.DefaultToken, fallback.Authorization);   // the configured default, as before installs existed
    }

    [Fact]
    public async Task A_forged_expired_foreign_or_missing_state_is_refused_and_nothing_is_exchanged()
    {
        var before = Slack.CallsTo("oauth.v2.access").Count;
        Slack.AddInstallCode("code-never", new FakeInstall(NewId("T"), "X", "xoxb-never", "U0X", "U0X"));
        var (state, cookie, _) = await StartInstallAsync();

        // Forged: a state this host did not sign.
        var forged = await CallbackAsync(Callback("code-never", state[..^4] + "AAAA"), cookie);
        // From another browser: the right state without its cookie, or with another install's cookie.
        var noCookie = await CallbackAsync(Callback("code-never", state), null);
        var (_, otherCookie, _) = await StartInstallAsync();
        var wrongCookie = await CallbackAsync(Callback("code-never", state), otherCookie);
        // Missing.
        var missing = await CallbackAsync("?code=code-never", cookie);
        // Expired: signed by this host with a lifetime that has run out.
        var protector = fixture.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MuseBot.Slack.OAuthState.v1").ToTimeLimitedDataProtector();
        var expired = await CallbackAsync(Callback("code-never", protector.Protect("nonce-1", DateTimeOffset.UtcNow.AddSeconds(-1))), SlackInstallEndpoints.StateCookie + "=nonce-1");

        foreach (var (status, page) in new[] { forged, noCookie, wrongCookie, missing, expired })
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("not valid", page);
            Assert.DoesNotContain("Exception", page);
        }
        Assert.Equal(before, Slack.CallsTo("oauth.v2.access").Count);

        // Cancelled on Slack's page.
        var (_, cancelCookie, _) = await StartInstallAsync();
        var cancelled = await CallbackAsync("?error=access_denied&state=x", cancelCookie);
        Assert.Equal(HttpStatusCode.BadRequest, cancelled.Status);
        Assert.Contains("access_denied", cancelled.Page);
    }

    [Fact]
    public async Task A_failed_exchange_stores_nothing_and_says_so()
    {
        var (state, cookie, _) = await StartInstallAsync();
        var (status, page) = await CallbackAsync(Callback("code-unknown-to-slack", state), cookie);
        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("invalid_code", page);
        Assert.Contains(SlackInstallEndpoints.InstallPath, page);
        Assert.Single(Slack.CallsTo("oauth.v2.access"), c => c.Body["code"]?.GetValue<string>() == "code-unknown-to-slack");
    }

    [Fact]
    public async Task A_revoked_token_marks_the_installation_and_is_not_tried_again()
    {
        var (team, token) = await InstallAsync();
        Slack.RevokeToken(token);
        var channel = NewId("C");
        await SendEventAsync(Mention(channel, "1782772000.000100"), team);
        await Slack.WaitForAsync(c => c.Any(x => x.Channel == channel), ReplyTimeout, "the refused post in " + channel);
        var deadline = DateTimeOffset.UtcNow + ReplyTimeout;
        while ((await Store.FindAsync(team))?.RevokedReason is null && DateTimeOffset.UtcNow < deadline) await Task.Delay(25);
        Assert.Equal("invalid_auth", (await Store.FindAsync(team))?.RevokedReason);

        // The next event from that workspace: the dead token is not used (no configured token for it, and never the
        // default workspace's); the first one was not retried either.
        var next = NewId("C");
        await SendEventAsync(Mention(next, "1782772100.000100"), team);
        await Task.Delay(2000);
        Assert.Single(Slack.Calls, c => c.Authorization == "Bearer " + token);
        Assert.Empty(Slack.CallsFor(next));

        // Reinstalling clears the mark.
        var code = NewId("code-");
        var fresh = "xoxb-" + Guid.NewGuid().ToString("N");
        Slack.AddInstallCode(code, new FakeInstall(team, "Acme", fresh, "U0BOT", "U0INSTALLER"));
        var (state, cookie, _) = await StartInstallAsync();
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync(Callback(code, state), cookie)).Status);
        Assert.Null((await Store.FindAsync(team))!.RevokedReason);
    }

    [Fact]
    public async Task A_revoked_token_met_in_the_messages_tab_stops_the_work_at_the_first_refusal()
    {
        var (team, token) = await InstallAsync();
        Slack.RevokeToken(token);
        var dm = NewId("D");
        await SendEventAsync(new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = dm, ["user"] = "U0ASKER", ["text"] = TestPaths.ExampleQuestions[1], ["ts"] = "1782773000.000100",
        }, team);
        var deadline = DateTimeOffset.UtcNow + ReplyTimeout;
        while ((await Store.FindAsync(team))?.RevokedReason is null && DateTimeOffset.UtcNow < deadline) await Task.Delay(25);
        Assert.Equal("invalid_auth", (await Store.FindAsync(team))?.RevokedReason);
        await Task.Delay(1000);
        // The status call was refused: no title, no answer, no retry with the dead token.
        var refused = Assert.Single(Slack.Calls, c => c.Authorization == "Bearer " + token);
        Assert.Equal("assistant.threads.setStatus", refused.Method);
    }

    [Fact]
    public async Task Tokens_revoked_deletes_the_installation_and_other_workspaces_keep_theirs()
    {
        var (team, _) = await InstallAsync();
        var (other, _) = await InstallAsync();
        var ev = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = new JsonArray("U0BOT") }, ["event_ts"] = "1" };
        Assert.Equal(HttpStatusCode.OK, await SendEventAsync(ev, team));
        Assert.Null(await Store.FindAsync(team));
        Assert.NotNull(await Store.FindAsync(other));
        // Only user tokens revoked: the bot's installation stays.
        var userOnly = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0SOMEONE") }, ["event_ts"] = "2" };
        Assert.Equal(HttpStatusCode.OK, await SendEventAsync(userOnly, other));
        Assert.NotNull(await Store.FindAsync(other));
    }
}
