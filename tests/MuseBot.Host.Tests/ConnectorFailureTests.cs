using System.Diagnostics;
using System.Net;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>
/// The Bot Connector misbehaving under a real turn (local mode, replies POSTed to serviceUrl): a connector that
/// never answers holds a request for one connector timeout (15 s by default), not three of 100 s; a reply that may
/// have arrived is not sent twice; a call that certainly did not arrive is retried.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ConnectorFailureTests(HostFixture hosts, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string CapexQuestion = "How much did Meta spend on capex in 2025?";

    [Fact]
    [Trait("Category", "Slow")] // waits out a real connector timeout
    public async Task A_connector_that_accepts_and_never_answers_holds_the_request_for_one_timeout()
    {
        using var blackHole = new BlackHoleConnector();
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(CapexQuestion, blackHole.ServiceUrl, "personal", mentionBot: false);
        var conversation = (string)activity["conversation"]!["id"]!;

        var watch = Stopwatch.StartNew();
        using var response = await Activities.PostAsync(client, activity);
        var elapsed = watch.Elapsed;

        output.WriteLine($"connector accepts and never answers: HTTP {(int)response.StatusCode} after {elapsed.TotalSeconds:0.0} s, {blackHole.Connections} connections");
        Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode}");
        // typing (cut off when the answer is ready) + the reply (15 s) and no apology through the same dead connector.
        // The upper bound leaves a loaded CI machine room for the answer itself, and stays under two timeouts (30 s).
        Assert.InRange(elapsed, TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(29));
        Assert.Contains(hosts.Local.Logs, l => l.StartsWith("Warning: Could not reach the Bot Connector", StringComparison.Ordinal) && l.Contains(conversation, StringComparison.Ordinal));
        Assert.DoesNotContain(hosts.Local.Logs, l => l.Contains(conversation, StringComparison.Ordinal) && l.StartsWith("Error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_that_got_a_500_is_not_sent_again_and_no_apology_follows()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage("help", hosts.Connector.ServiceUrl, "personal", mentionBot: false);
        var conversation = (string)activity["conversation"]!["id"]!;
        hosts.Connector.FailNext(conversation, 500);

        using var response = await Activities.PostAsync(client, activity);

        Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode}");
        await Task.Delay(500);
        Assert.Equal([500], hosts.Connector.AttemptsFor(conversation));
    }

    [Fact]
    public async Task A_reply_refused_with_503_is_retried_and_arrives_once()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage("sections", hosts.Connector.ServiceUrl, "personal", mentionBot: false);
        var conversation = (string)activity["conversation"]!["id"]!;
        hosts.Connector.FailNext(conversation, 503);

        using var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([503, 200], hosts.Connector.AttemptsFor(conversation));
        Assert.Contains("Type `show N`", (string)hosts.Connector.Received.Single(r => (string?)r.Activity["conversation"]?["id"] == conversation).Activity["text"]!);
    }
}
