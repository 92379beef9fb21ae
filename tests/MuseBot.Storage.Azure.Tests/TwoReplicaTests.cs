using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.WebUtilities;
using MuseBot.Host.Slack;
using MuseBot.Slack.Tests;
using Xunit.Abstractions;

namespace MuseBot.Storage.Azure.Tests;

/// <summary>
/// Two real hosts (dotnet MuseBot.Host.dll, each its own process on 127.0.0.1, each with its own local index and data
/// folder) sharing one Azurite through Storage:Provider=AzureStorage, with Slack's Web API faked on loopback. Each
/// host signs its Slack calls with its own bot token, so the fake can tell which instance did the work.
/// </summary>
public sealed class ReplicaFixture : IAsyncLifetime
{
    public const string SigningSecret = "replica-signing-secret-0123456789";
    // Renewed every third (3.3 s): a renewal may come up to 6.7 s late, room for a loaded CI machine, before another
    // instance may take the work.
    public const int VisibilityTimeoutSeconds = 10;
    public const string RedirectBaseUrl = "https://musebot.example.test";

    private int _hosts;

    public string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "musebot-replicas-" + Guid.NewGuid().ToString("N")[..8]);
    public Azurite Azurite { get; private set; } = null!;
    public string Prefix { get; private set; } = null!;
    public FakeSlackApi Slack { get; private set; } = null!;
    public HostProcess A { get; private set; } = null!;
    public HostProcess B { get; private set; } = null!;
    public TimeSpan StartTime { get; private set; }

    public static string Token(string host) => "xoxb-host-" + host;

    /// <summary>The settings of one instance: the shared store, and everything else its own.</summary>
    public Dictionary<string, string?> Settings(string host) => new()
    {
        ["MuseBot:SeedsPath"] = TestPaths.Seeds,
        ["MuseBot:IndexPath"] = Path.Combine(TempRoot, host, "index"),   // local to the instance, never shared
        ["MuseBot:DataPath"] = Path.Combine(TempRoot, host, "data"),
        ["MuseBot:SemanticSearch"] = "false",   // BM25: these tests check the store, and start faster
        ["Storage:Provider"] = "AzureStorage",
        ["Storage:ConnectionString"] = Azurite.ConnectionString,
        ["Storage:Prefix"] = Prefix,
        ["Storage:QueueVisibilityTimeoutSeconds"] = VisibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        ["Storage:QueuePollMilliseconds"] = "250",
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = Token(host),
        ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.ToString(),
        ["Slack:Workers"] = "4",
        ["Slack:MaxRetries"] = "1",
        ["Slack:MaxRetryDelaySeconds"] = "1",
        // OAuth installs, against the fake Slack: installations and the key ring their tokens are encrypted with are shared
        ["Slack:ClientId"] = FakeSlackApi.ClientId,
        ["Slack:ClientSecret"] = FakeSlackApi.ClientSecret,
        ["Slack:RedirectBaseUrl"] = RedirectBaseUrl,
        ["Slack:AuthorizeUrl"] = new Uri(Slack.BaseUrl, "/oauth/v2/authorize").ToString(),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:MuseBot"] = "Information",
    };

    public async Task<HostProcess> StartHostAsync(string name)
    {
        Interlocked.Increment(ref _hosts);
        return await HostProcess.StartAsync(Settings(name));
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(TempRoot);
        Azurite = await Azurite.StartAsync();
        Prefix = Azurite.NewPrefix();
        Slack = await FakeSlackApi.StartAsync();
        var watch = Stopwatch.StartNew();
        var hosts = await Task.WhenAll(StartHostAsync("a"), StartHostAsync("b"));
        StartTime = watch.Elapsed;
        (A, B) = (hosts[0], hosts[1]);
    }

    public async Task DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (Slack is not null) await Slack.DisposeAsync();
        if (Azurite is not null) await Azurite.DisposeAsync();
        try { Directory.Delete(TempRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A request as Slack sends it: raw body, v0 signature over it, timestamp header.</summary>
    public static HttpRequestMessage Signed(string path, string body, string contentType)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(SigningSecret, ts, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaFixture>
{
    public const string Name = "Two replicas on one Azurite";
}

[Collection(ReplicaCollection.Name)]
[Trait("Category", "Slow")] // several host processes sharing one emulator
public sealed class TwoReplicaTests(ReplicaFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);
    private FakeSlackApi Slack => fixture.Slack;

    private static string Mention(string team, string channel, string ts, string eventId, string text) => new JsonObject
    {
        ["team_id"] = team,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "U0MUSEBOT", ["is_bot"] = true }),
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0ASKER", ["text"] = "<@U0MUSEBOT> " + text,
            ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts,
        },
    }.ToJsonString();

    private static async Task<HttpStatusCode> DeliverAsync(HostProcess host, string body, int? retryNum = null)
    {
        using var request = ReplicaFixture.Signed(SlackEndpoints.EventsPath, body, "application/json");
        if (retryNum is { } n) request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_same_signed_event_delivered_to_both_hosts_at_once_is_answered_exactly_once()
    {
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var events = Enumerable.Range(1, 10).Select(i => (Channel: $"CDUP{run}{i:00}", Ts: $"1700000200.{i:000000}", Id: $"EvDUP{run}{i:00}")).ToList();
        foreach (var (channel, ts, id) in events)
        {
            var body = Mention("T0REPLICA", channel, ts, id, "What modes does Spark have?");
            // Slack's first delivery and its retry, racing to the two instances
            var statuses = await Task.WhenAll(DeliverAsync(fixture.A, body), DeliverAsync(fixture.B, body, retryNum: 1));
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        }
        await Slack.WaitForAsync(_ => events.All(e => Slack.Posted.Any(p => p.Channel == e.Channel)), ReplyTimeout, "an answer to every event");
        await Task.Delay(TimeSpan.FromSeconds(ReplicaFixture.VisibilityTimeoutSeconds + 2));   // a second answer would be out by now
        var posted = Slack.Posted;
        foreach (var (channel, ts, _) in events)
            Assert.True(posted.Count(p => p.Channel == channel && p.ThreadTs == ts) == 1, $"{channel} answered {posted.Count(p => p.Channel == channel)} times");
        var byHost = events.Select(e => posted.Single(p => p.Channel == e.Channel).Authorization).GroupBy(a => a).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"10 events, each delivered to both hosts at once: 10 answers ({string.Join(", ", byHost)}); hosts started in {fixture.StartTime.TotalSeconds:0.0} s");
    }

    private static JsonObject TeamsMessage(string conversation, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "1732" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "http://127.0.0.1:9/",   // expectReplies: the replies come back in the response
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = "29:replica-user", ["name"] = "Ana Analyst", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "72f988bf-0000-0000-0000-000000000000", ["id"] = conversation },
        ["recipient"] = new JsonObject { ["id"] = "28:musebot", ["name"] = "MuseBot" },
        ["textFormat"] = "plain",
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-0000-0000-000000000000" } },
    };

    private static async Task<string> AskTeamsAsync(HostProcess host, string conversation, string text)
    {
        using var content = new StringContent(TeamsMessage(conversation, text).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await host.Http.PostAsync("api/messages", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        var replies = JsonNode.Parse(body)!["activities"]!.AsArray().Select(a => a!.AsObject()).Where(a => (string?)a["type"] == "message").ToList();
        return string.Join("\n", replies.Select(r => (string?)r["text"] ?? r["attachments"]?.ToJsonString() ?? ""));
    }

    [Fact]
    public async Task A_Teams_follow_up_whose_first_question_went_to_the_other_host_is_understood()
    {
        const string first = "what's Spark's Intelligence Index score?";
        const string followUp = "and Gemini's?";
        var sameHost = "a:same-" + Guid.NewGuid().ToString("N");
        await AskTeamsAsync(fixture.A, sameHost, first);
        var expected = await AskTeamsAsync(fixture.A, sameHost, followUp);
        var alone = await AskTeamsAsync(fixture.B, "a:alone-" + Guid.NewGuid().ToString("N"), followUp);
        Assert.NotEqual(expected, alone);   // the follow-up depends on the previous question

        var across = "a:across-" + Guid.NewGuid().ToString("N");
        await AskTeamsAsync(fixture.A, across, first);
        Assert.Equal(expected, await AskTeamsAsync(fixture.B, across, followUp));
        // and back again
        var back = "a:back-" + Guid.NewGuid().ToString("N");
        await AskTeamsAsync(fixture.B, back, first);
        Assert.Equal(expected, await AskTeamsAsync(fixture.A, back, followUp));
    }

    private async Task ClickAsync(HostProcess host, string question, bool helpful, string user)
    {
        var value = SlackBlockKitRenderer.EncodeFeedbackValue(question, ["§1 Summary"]);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user, ["team_id"] = "T0REPLICA" },
            ["team"] = new JsonObject { ["id"] = "T0REPLICA", ["domain"] = "test" },
            ["channel"] = new JsonObject { ["id"] = "C0FEEDBACK", ["name"] = "general" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000007.000100", ["channel_id"] = "C0FEEDBACK" },
            ["trigger_id"] = "1.2.3",
            ["response_url"] = Slack.ResponseUrl(Guid.NewGuid().ToString("N")[..10]).ToString(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["block_id"] = SlackBlockKitRenderer.FeedbackBlockId,
                ["action_id"] = helpful ? SlackBlockKitRenderer.HelpfulActionId : SlackBlockKitRenderer.UnhelpfulActionId,
                ["value"] = value, ["action_ts"] = "1700000008.000100",
            }),
        };
        var body = await new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }).ReadAsStringAsync();
        using var response = await host.Http.SendAsync(ReplicaFixture.Signed(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Feedback_clicked_through_both_hosts_appears_in_one_report()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var question = $"Replica question {tag}?";
        await ClickAsync(fixture.A, question, helpful: false, "U0ONE");
        await ClickAsync(fixture.B, question.ToLowerInvariant(), helpful: false, "U0TWO");
        await ClickAsync(fixture.B, question, helpful: true, "U0THREE");

        var (exit, stdout, stderr) = await RunCliAsync("report", "--top", "50");
        Assert.True(exit == 0, $"musebot report exited {exit}: {stderr}");
        var line = stdout.Split('\n').FirstOrDefault(l => l.Contains(tag, StringComparison.OrdinalIgnoreCase));
        Assert.True(line is not null, $"the question is not in the report:\n{stdout}");
        Assert.Matches(@"👎\s+2\s+👍\s+1\b", line);   // two 👎, one through each host, and the 👍
        // the week's part too: the shared store counts answers and reports a period as the embedded one does
        Assert.Contains("This week (", stdout);
        Assert.Matches(@"👍/👎 by section this week:\r?\n  👍\s+\d+\s+👎\s+[1-9]", stdout);
        output.WriteLine($"report line: {line.Trim()}");
    }

    /// <summary>`musebot` (the built CLI) as its own process, configured for the shared store by environment variables.</summary>
    private async Task<(int Exit, string Stdout, string Stderr)> RunCliAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "musebot.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built beside the tests");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--seeds");
        start.ArgumentList.Add(TestPaths.Seeds);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(Path.Combine(fixture.TempRoot, "cli", "data"));
        start.ArgumentList.Add("--index");
        start.ArgumentList.Add(Path.Combine(fixture.TempRoot, "cli", "index"));
        start.Environment["Storage__Provider"] = "AzureStorage";
        start.Environment["Storage__ConnectionString"] = fixture.Azurite.ConnectionString;
        start.Environment["Storage__Prefix"] = fixture.Prefix;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Work_a_killed_host_held_is_answered_by_another_after_the_visibility_timeout()
    {
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        (string Channel, string Ts, string Id) Event(int i) => ($"CKILL{run}{i:00}", $"1700000300.{i:000000}", $"EvKILL{run}{i:00}");
        var events = Enumerable.Range(1, 3).Select(Event).ToList();
        var doomedToken = "Bearer " + ReplicaFixture.Token("doomed");
        await using var doomed = await fixture.StartHostAsync("doomed");
        var queue = new QueueClient(fixture.Azurite.ConnectionString, fixture.Prefix + "-work");
        DateTimeOffset killedAt;
        List<string> held;
        // Held past its visibility timeout (and the renewals a loaded machine delays), the work must still be in flight at the kill.
        var heldFor = TimeSpan.FromSeconds(ReplicaFixture.VisibilityTimeoutSeconds + 1);
        Slack.Latency = heldFor + TimeSpan.FromSeconds(10);   // Slack is slow: the work is in flight, its message invisible
        try
        {
            async Task DeliverAllAsync(IEnumerable<(string Channel, string Ts, string Id)> batch)
            {
                foreach (var (channel, ts, id) in batch)
                    Assert.Equal(HttpStatusCode.OK, await DeliverAsync(doomed, Mention("T0REPLICA", channel, ts, id, "What modes does Spark have?")));
                await WaitUntilAsync(() => events.All(e => Slack.Received.Any(r => r.Channel == e.Channel)), TimeSpan.FromSeconds(30), "every event taken and in flight");
            }
            List<string> HeldByDoomed() => events.Where(e => Slack.Received.Any(r => r.Channel == e.Channel && r.Authorization == doomedToken)).Select(e => e.Channel).ToList();

            await DeliverAllAsync(events);
            // The other two hosts poll the same queue and may take all of it. Each piece they take keeps one of their
            // 4 workers each waiting on Slack, so by the ninth event at most the doomed host is left to take it.
            while (HeldByDoomed().Count == 0 && events.Count < 10)
            {
                var more = Event(events.Count + 1);
                events.Add(more);
                await DeliverAllAsync([more]);
            }
            held = HeldByDoomed();
            Assert.NotEmpty(held);   // the doomed host took (at least) one of the events it was sent
            Assert.Empty((await queue.PeekMessagesAsync(maxMessages: 32)).Value);   // nothing visible: all held

            // Held past its visibility timeout, the work stays with its live holder (the lease is renewed).
            await Task.Delay(heldFor);
            Assert.All(held, c => Assert.Single(Slack.Received, r => r.Channel == c));

            await doomed.KillHardAsync();
            killedAt = DateTimeOffset.UtcNow;
            Assert.Equal(137, doomed.ExitCode);   // 128 + SIGKILL
        }
        finally
        {
            Slack.Latency = TimeSpan.Zero;
        }

        await Slack.WaitForAsync(_ => events.All(e => Slack.Posted.Any(p => p.Channel == e.Channel)), ReplyTimeout, "every event answered after the kill");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var posted = Slack.Posted;
        foreach (var (channel, ts, _) in events)
            Assert.True(posted.Count(p => p.Channel == channel && p.ThreadTs == ts) == 1, $"{channel} answered {posted.Count(p => p.Channel == channel)} times");
        var delays = new List<double>();
        foreach (var channel in held)
        {
            var answer = posted.Single(p => p.Channel == channel);
            Assert.NotEqual(doomedToken, answer.Authorization);
            var delay = (answer.At - killedAt).TotalSeconds;
            delays.Add(delay);
            // the dead host's last renewal kept it invisible for most of one timeout; a survivor took it soon after
            Assert.InRange(delay, 0.5, ReplicaFixture.VisibilityTimeoutSeconds + 10);
        }
        output.WriteLine($"kill -9 holding {held.Count} of {events.Count} events (visibility timeout {ReplicaFixture.VisibilityTimeoutSeconds} s): "
                         + $"answered by the other hosts {string.Join(", ", delays.Select(d => d.ToString("0.0", CultureInfo.InvariantCulture)))} s after the kill, each once");
    }

    /// <summary>A browser on <paramref name="host"/>: follows no redirect (Slack's authorize page is not fetched), cookies by hand.</summary>
    private static HttpClient Browser(HostProcess host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>GET /api/slack/install on <paramref name="start"/>, then Slack's redirect back with <paramref name="code"/>
    /// to <paramref name="callback"/> (behind a load balancer, the two requests may reach different instances).</summary>
    private static async Task InstallAsync(HostProcess start, HostProcess callback, string code)
    {
        string state, cookie;
        using (var browser = Browser(start))
        using (var response = await browser.GetAsync(SlackInstallEndpoints.InstallPath))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            state = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SlackInstallEndpoints.StateCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        }
        using (var browser = Browser(callback))
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"{SlackInstallEndpoints.CallbackPath}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}"))
        {
            request.Headers.Add("Cookie", cookie);
            using var response = await browser.SendAsync(request);
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {page}");
            Assert.Contains("MuseBot is installed", page);
        }
    }

    private async Task<string> AnsweredWithAsync(HostProcess host, string team, string tag)
    {
        var channel = "CINST" + tag;
        Assert.Equal(HttpStatusCode.OK, await DeliverAsync(host, Mention(team, channel, "1700000400.000100", "EvINST" + tag, "What modes does Spark have?")));
        var calls = await Slack.WaitForAsync(c => c.Any(x => x.Path == "/api/chat.postMessage" && x.Channel == channel && x.Status == 200), ReplyTimeout, "the answer in " + channel);
        return calls.Single(x => x.Path == "/api/chat.postMessage" && x.Channel == channel && x.Status == 200).Authorization!;
    }

    [Fact]
    public async Task A_workspace_installed_through_one_host_is_answered_through_the_others_with_its_own_token()
    {
        var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (team, token) = ("TINST" + run, "xoxb-installed-" + Guid.NewGuid().ToString("N"));
        Slack.AddInstallCode("code-" + run, new FakeInstall(team, "Replica Co", token, "U0BOTINST", "U0INSTALLER"));

        // Installed through a host that then stops: what it stored, and the key it encrypted the token with, must
        // be in the shared account, not in its memory or its data folder.
        await using (var installer = await fixture.StartHostAsync("installer-" + run))
            await InstallAsync(installer, installer, "code-" + run);
        var installerData = Path.Combine(fixture.TempRoot, "installer-" + run, "data");
        Assert.False(Directory.Exists(Path.Combine(installerData, "keys")), "keys written to the installing host's data folder");
        var keys = new List<string>();
        await foreach (var blob in new BlobContainerClient(fixture.Azurite.ConnectionString, fixture.Prefix + "-keys").GetBlobsAsync()) keys.Add(blob.Name);
        Assert.NotEmpty(keys);

        // An event from that workspace, through each remaining host: answered with the installed token (whichever
        // host takes the work from the shared queue), never with a host's configured default.
        Assert.Equal("Bearer " + token, await AnsweredWithAsync(fixture.B, team, run + "B"));
        Assert.Equal("Bearer " + token, await AnsweredWithAsync(fixture.A, team, run + "A"));

        // Started on one host, called back on the other: the OAuth state one host signed, the other accepts.
        var (team2, token2) = ("TCROSS" + run, "xoxb-crossed-" + Guid.NewGuid().ToString("N"));
        Slack.AddInstallCode("code2-" + run, new FakeInstall(team2, "Crossed Co", token2, "U0BOTCROSS", "U0INSTALLER"));
        await InstallAsync(fixture.A, fixture.B, "code2-" + run);
        Assert.Equal("Bearer " + token2, await AnsweredWithAsync(fixture.A, team2, run + "X"));
        output.WriteLine($"installed through a host since stopped ({keys.Count} key(s) in the shared container): answered through both others with the installed token");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(50);
        }
    }
}
