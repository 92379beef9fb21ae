using Azure.Monitor.OpenTelemetry.AspNetCore;
using MuseBot.Contracts;
using MuseBot.Core.Storage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MuseBot.Host.Hosting;

/// <summary>
/// OpenTelemetry for the host: the bot's own spans and instruments (<see cref="MuseBotTelemetry"/>), ASP.NET Core's
/// and HttpClient's, and the Slack work queue's depth and age as gauges. Exported over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, to Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set, and
/// scraped at /metrics only when Telemetry:Prometheus is true. Nothing a person wrote, nor who they are, is recorded:
/// URL queries are dropped from the server spans.
/// </summary>
public static class TelemetrySetup
{
    public const string PrometheusSetting = "Telemetry:Prometheus";
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static WebApplicationBuilder AddMuseBotTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var prometheus = configuration.GetValue<bool>(PrometheusSetting);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        var azureMonitor = !string.IsNullOrWhiteSpace(configuration[AzureMonitorVariable]);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("musebot"))
            .WithTracing(tracing => tracing
                .AddSource(MuseBotTelemetry.Name)
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                    // health probes and scrapes are noise in a trace view
                    options.Filter = http => http.Request.Path != "/healthz" && http.Request.Path != MetricsPath;
                })
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MuseBotTelemetry.Name, QueueGauges.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (prometheus) metrics.AddPrometheusExporter();
            });
        if (otlp) telemetry.UseOtlpExporter();
        if (azureMonitor) telemetry.UseAzureMonitor();
        builder.Services.AddSingleton<QueueGauges>();
        return builder;
    }

    /// <summary>Serves /metrics when Telemetry:Prometheus is true; otherwise the path stays unmapped (404).</summary>
    public static WebApplication MapMuseBotTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<QueueGauges>(); // the gauges exist from the start
        if (app.Configuration.GetValue<bool>(PrometheusSetting))
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
            app.Logger.LogInformation("Prometheus metrics at {Path}", MetricsPath);
        }
        return app;
    }

    /// <summary>The work queue's depth and the age of its oldest work, read when metrics are collected.</summary>
    public sealed class QueueGauges : IDisposable
    {
        public const string MeterName = "musebot.queue";
        private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);
        private readonly System.Diagnostics.Metrics.Meter _meter = new(MeterName);
        private readonly IWorkQueue _queue;
        private readonly ILogger<QueueGauges> _log;

        public QueueGauges(IWorkQueue queue, ILogger<QueueGauges> log)
        {
            _queue = queue;
            _log = log;
            _meter.CreateObservableGauge("musebot.slack.queue.depth", () => Read(q => q.PendingCountAsync().ContinueWith(t => (double?)t.Result, TaskScheduler.Default)),
                "{work}", "Slack work stored and not yet done or given up on");
            _meter.CreateObservableGauge("musebot.slack.queue.age", () => Read(q => q.OldestPendingAgeAsync().ContinueWith(t => t.Result?.TotalSeconds, TaskScheduler.Default)),
                "s", "How long the oldest Slack work not yet done has waited");
        }

        private IEnumerable<System.Diagnostics.Metrics.Measurement<double>> Read(Func<IWorkQueue, Task<double?>> read)
        {
            double? value;
            try
            {
                using var cts = new CancellationTokenSource(ReadTimeout);
                value = read(_queue).WaitAsync(cts.Token).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                _log.LogWarning("Could not read the work queue for its gauges: {Error}", e.Message);
                return [];
            }
            return value is { } v ? [new(v)] : [];
        }

        public void Dispose() => _meter.Dispose();
    }
}
