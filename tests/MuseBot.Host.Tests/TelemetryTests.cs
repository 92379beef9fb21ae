using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MuseBot.Contracts;
using MuseBot.Host.Hosting;
using MuseBot.Host.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MuseBot.Host.Tests;

/// <summary>
/// OpenTelemetry on the real host: after real requests on 127.0.0.1 an in-memory exporter holds the turn's span
/// with its stages and the questions counted by channel and outcome; /metrics is off by default and serves
/// Prometheus text when Telemetry:Prometheus is on. The turns here use the "directline" channel, which no other
/// test uses, so the counts are this test's own even though the instruments are process-wide.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TelemetryTests(HostFixture hosts)
{
    private const string Channel = "directline";
    private const string Answerable = "How much did Meta spend on capex in 2025?";
    private const string Unanswerable = "What is the weather in Paris tomorrow?";
    private const string UserId = "directline-user-4242";

    private static JsonObject Message(Uri serviceUrl, string conversation, string text)
    {
        var activity = Activities.WebChat("message", serviceUrl, conversation, text);
        activity["channelId"] = Channel;
        activity["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Tel" };
        return activity;
    }

    /// <summary>Posts an activity inside a trace of our own (the client's span, in this process, carries it to the
    /// host), so its spans can be told from every other test's.</summary>
    private static async Task<(HttpResponseMessage Response, ActivityTraceId Trace)> PostTracedAsync(HttpClient client, JsonNode activity)
    {
        using var test = new Activity("telemetry-test").SetIdFormat(ActivityIdFormat.W3C).Start();
        test.ActivityTraceFlags = ActivityTraceFlags.Recorded;   // sampled, as a caller's trace would be
        return (await Activities.PostAsync(client, activity), test.TraceId);
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
        return tags;
    }

    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
            foreach (var point in metric.MetricPoints)
            {
                var pointTags = Tags(point);
                if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value))) sum += point.GetSumLong();
            }
        return sum;
    }

    [Fact]
    public async Task Turn_span_stages_and_outcome_counters_are_exported_after_real_requests_and_Prometheus_serves_them()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var settings = HostFixture.BaseSettings(HostFixture.IndexPath, hosts.DataPath("telemetry"));
        settings[TelemetrySetup.PrometheusSetting] = "true";
        await using var host = new RealHost(settings, services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });
        using var client = host.CreateLoopbackClient();
        var conversation = "telemetry-" + Guid.NewGuid().ToString("N");

        var (answered, answeredTrace) = await PostTracedAsync(client, Message(host.BaseAddress, conversation, Answerable));
        var answer = Assert.Single(await Activities.RepliesAsync(answered));
        Assert.NotNull(Activities.AiEntity(answer)?["citation"]);   // really answered
        var (refused, _) = await PostTracedAsync(client, Message(host.BaseAddress, conversation, Unanswerable));
        Assert.Single(await Activities.RepliesAsync(refused));
        var (command, _) = await PostTracedAsync(client, Message(host.BaseAddress, conversation, "help"));
        Assert.Single(await Activities.RepliesAsync(command));

        // the answered turn's span, with the stages as its descendants, all in the trace the request carried
        Activity[] ours;
        lock (spans) ours = spans.Where(s => s.TraceId == answeredTrace).ToArray();
        var turn = Assert.Single(ours, s => s.OperationName == "musebot.turn");
        Assert.Equal("answered", turn.GetTagItem("musebot.outcome"));
        Assert.Equal(Channel, turn.GetTagItem("musebot.channel"));
        var server = Assert.Single(ours, s => s.Kind == ActivityKind.Server);
        Assert.Equal(server.SpanId, turn.ParentSpanId);
        bool Under(Activity span, Activity ancestor) =>
            span.ParentSpanId == ancestor.SpanId || ours.FirstOrDefault(s => s.SpanId == span.ParentSpanId) is { } parent && Under(parent, ancestor);
        foreach (var stage in new[] { "musebot.answer", "musebot.retrieve", "musebot.answerability", "musebot.send" })
            Assert.True(Under(Assert.Single(ours, s => s.OperationName == stage), turn), $"{stage} is not inside the turn");
        // nothing a person wrote, nor who they are, in any span of the trace
        foreach (var span in ours)
            foreach (var (key, value) in span.TagObjects)
            {
                var tagText = value?.ToString() ?? "";
                Assert.DoesNotContain("capex", tagText, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(UserId, tagText, StringComparison.Ordinal);
                Assert.DoesNotContain(conversation, tagText, StringComparison.Ordinal);
            }

        // (false here: the Prometheus reader only collects when scraped; the in-memory reader has exported)
        host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
        MetricSnapshot[] exported;
        lock (metrics) exported = metrics.ToArray();
        Assert.Equal(1, Sum(exported, "musebot.questions", ("channel", Channel), ("outcome", "answered")));
        Assert.Equal(1, Sum(exported, "musebot.questions", ("channel", Channel), ("outcome", "refused")));
        Assert.Equal(1, Sum(exported, "musebot.questions", ("channel", Channel), ("outcome", "command")));
        Assert.Equal(0, Sum(exported, "musebot.questions", ("channel", Channel), ("outcome", "error")));
        var stages = exported.Where(m => m.Name == "musebot.answer.duration").SelectMany(m => m.MetricPoints)
            .Select(p => Tags(p).GetValueOrDefault("stage") as string).OfType<string>().ToHashSet();
        Assert.Superset(new HashSet<string> { "turn", "answer", "retrieve", "answerability", "send" }, stages);
        Assert.Contains(exported, m => m.Name == "musebot.slack.queue.depth");

        using var scrape = await client.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        Assert.Contains("# TYPE musebot_questions_total counter", text, StringComparison.Ordinal);
        Assert.Matches("musebot_questions_total\\{[^}]*channel=\"directline\"[^}]*outcome=\"refused\"[^}]*\\} 1", text);
        Assert.Contains("musebot_answer_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.DoesNotContain("capex", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_set_the_turn_is_exported_there()
    {
        // a stand-in collector on 127.0.0.1 (OTLP over HTTP): it records the paths it is sent
        var (started, port) = StartCollector();
        using var collector = started;
        var paths = new List<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var context = await collector.GetContextAsync().WaitAsync(stop.Token);
                lock (paths) paths.Add(context.Request.Url!.AbsolutePath);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var settings = HostFixture.BaseSettings(HostFixture.IndexPath, hosts.DataPath("telemetry-otlp"));
        settings[TelemetrySetup.OtlpEndpointVariable] = $"http://127.0.0.1:{port}";
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        // metrics are exported on their own timer: a short one, so the test need not rely on the flush at shutdown
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        await using (var host = new RealHost(settings))
        {
            using var client = host.CreateLoopbackClient();
            Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client,
                Message(host.BaseAddress, "otlp-" + Guid.NewGuid().ToString("N"), Answerable))));
            for (int i = 0; i < 300; i++)   // up to 30 s: exports are on timers, which a loaded machine delays
            {
                lock (paths) if (paths.Contains("/v1/traces") && paths.Contains("/v1/metrics")) break;
                await Task.Delay(100);
            }
        }
        lock (paths)
        {
            Assert.Contains("/v1/traces", paths);
            Assert.Contains("/v1/metrics", paths);
        }
        await stop.CancelAsync();
        collector.Stop();
        // the stand-in's loop ends either way: cancelled while waiting (it throws) or between two requests (it
        // returns). Which one is a race, so only that it has ended is asserted: nothing is left running.
        await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(receiving.IsCompleted, "the stand-in collector's loop is still running");
        _ = receiving.Exception;
    }

    /// <summary>An HttpListener on a free 127.0.0.1 port. HttpListener cannot bind port 0, so a port is chosen first;
    /// another process may take it before the listener binds it: then a fresh one is tried (bounded).</summary>
    private static (HttpListener Listener, int Port) StartCollector()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Metrics_endpoint_is_off_by_default()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        using var response = await client.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_channel_token_counts_an_auth_failure()
    {
        long failures = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MuseBotTelemetry.Name && instrument.Name == "musebot.auth.failures") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "reason", Value: "InvalidToken" }) Interlocked.Add(ref failures, value);
        });
        listener.Start();

        using var client = hosts.Authenticated.CreateLoopbackClient();
        var activity = Activities.TeamsMessage("help", hosts.Connector.ServiceUrl, "personal", mentionBot: false, expectReplies: true);
        using var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(Interlocked.Read(ref failures) >= 1);
    }
}
