using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

/// <summary>
/// Slack events acknowledged by a host process that then dies (kill -9) or is stopped (SIGTERM) are all answered,
/// each once: the real host as its own process (dotnet MuseBot.Host.dll on 127.0.0.1), Slack's Web API faked on loopback.
/// </summary>
[Collection(SlackHostCollection.Name)]
[Trait("Category", "Slow")] // crash recovery: host processes killed and restarted
public sealed class SlackCrashRecoveryTests(SlackHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(fixture.TempRoot, "crash-" + Guid.NewGuid().ToString("N")[..8]);
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private Dictionary<string, string?> Settings()
    {
        var settings = fixture.BaseSettings(_dataPath);
        settings["Slack:SigningSecret"] = SlackHostFixture.SigningSecret;
        settings["Slack:BotToken"] = SlackHostFixture.DefaultToken;
        settings["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString();
        // One quick retry inside a try: a Slack outage is waited out by the queue, not inside one call.
        settings["Slack:MaxRetries"] = "1";
        settings["Slack:MaxRetryDelaySeconds"] = "1";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:MuseBot"] = "Information";
        return settings;
    }

    private static string Event(string channel, string ts, string eventId) => new JsonObject
    {
        ["team_id"] = "T0CRASH",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "U0MUSEBOT", ["is_bot"] = true }),
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0ASKER", ["text"] = "<@U0MUSEBOT> What modes does Spark have?",
            ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts,
        },
    }.ToJsonString();

    private static async Task AcknowledgeAsync(HttpClient http, IEnumerable<(string Channel, string Ts, string EventId)> events, int? retryNum = null)
    {
        foreach (var (channel, ts, eventId) in events)
        {
            var request = SlackHostFixture.Signed(SlackEndpoints.EventsPath, Event(channel, ts, eventId), "application/json");
            if (retryNum is { } n) request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // Slack wants the ack within 3 s; a loaded CI machine is not Slack's clock, so the bound leaves it room.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"ack took {watch.ElapsedMilliseconds} ms");
        }
    }

    private static List<(string Channel, string Ts, string EventId)> Events(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => ($"C{prefix}{i:00}", $"1700000100.{i:000000}", $"Ev{prefix}{i:00}")).ToList();

    private void AssertEachAnsweredOnce(IReadOnlyList<(string Channel, string Ts, string EventId)> events)
    {
        var posted = _slack.Posted;
        foreach (var (channel, ts, _) in events)
            Assert.True(posted.Count(p => p.Channel == channel && p.ThreadTs == ts) == 1,
                $"{channel}/{ts} answered {posted.Count(p => p.Channel == channel && p.ThreadTs == ts)} times");
        Assert.Equal(events.Count, posted.Count);
    }

    [Fact]
    public async Task Thirty_acknowledged_events_survive_kill_9_and_are_answered_once_after_restart()
    {
        var events = Events("KILL", 30);
        _slack.Unavailable = true; // Slack is down: every event is acknowledged and none can be answered yet
        int exitCode;
        await using (var first = await HostProcess.StartAsync(Settings()))
        {
            await AcknowledgeAsync(first.Http, events);
            await _slack.WaitForAsync(c => c.Count(x => x.Status == 503) >= 2, TimeSpan.FromSeconds(30), "the workers' first tries");
            Assert.Empty(_slack.Posted);
            await first.KillHardAsync();
            exitCode = first.ExitCode;
        }
        Assert.Equal(137, exitCode); // 128 + SIGKILL

        _slack.Unavailable = false;
        var watch = Stopwatch.StartNew();
        await using var second = await HostProcess.StartAsync(Settings());
        var started = watch.Elapsed;
        await _slack.WaitForAsync(_ => _slack.Posted.Count >= events.Count, TimeSpan.FromSeconds(90), "all 30 answers after the restart");
        var answered = watch.Elapsed;
        // Slack's own retries of those events, after the restart, are recognised as repeats.
        await AcknowledgeAsync(second.Http, events.Take(5), retryNum: 1);
        await Task.Delay(1500);

        AssertEachAnsweredOnce(events);
        output.WriteLine($"kill -9 with {events.Count} acknowledged, unanswered events; restart healthy after {started.TotalSeconds:0.0} s, " +
                         $"all {events.Count} answered once {answered.TotalSeconds:0.0} s after the restart began; 5 retried events ignored");
    }

    private const int ShutdownTimeoutSeconds = 60;

    [Fact]
    public async Task Sigterm_drains_acknowledged_events_before_exiting_and_a_restart_answers_nothing_twice()
    {
        var events = Events("TERM", 40);
        _slack.Latency = TimeSpan.FromMilliseconds(250); // answering takes longer than acknowledging
        TimeSpan exitTime;
        int answeredBeforeExit, exitCode;
        var settings = Settings();
        // The host drains for up to its shutdown timeout (30 s by default), then leaves the rest for the next start.
        // The drain takes seconds here, but a loaded CI machine answers slowly: it gets a longer timeout, so that
        // what is shown is the drain, not how fast the machine is.
        settings["shutdownTimeoutSeconds"] = ShutdownTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var host = await HostProcess.StartAsync(settings))
        {
            await AcknowledgeAsync(host.Http, events);
            var answeredAtSigterm = _slack.Posted.Count;
            exitTime = await host.TerminateAsync(TimeSpan.FromSeconds(ShutdownTimeoutSeconds + 15));
            answeredBeforeExit = _slack.Posted.Count;
            exitCode = host.ExitCode;
            output.WriteLine($"SIGTERM with {events.Count - answeredAtSigterm} of {events.Count} acknowledged events unanswered: exited after " +
                             $"{exitTime.TotalSeconds:0.0} s with code {exitCode}, {answeredBeforeExit} answered by then");
        }
        Assert.Equal(0, exitCode);
        Assert.True(exitTime < TimeSpan.FromSeconds(ShutdownTimeoutSeconds), $"took {exitTime.TotalSeconds:0.0} s to exit");
        Assert.Equal(events.Count, answeredBeforeExit);

        _slack.Latency = TimeSpan.Zero;
        await using var restarted = await HostProcess.StartAsync(Settings());
        await Task.Delay(2000);
        AssertEachAnsweredOnce(events);
    }
}
