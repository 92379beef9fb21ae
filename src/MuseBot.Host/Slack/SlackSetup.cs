using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MuseBot.Host.Slack;

/// <summary>
/// Slack channel on plain HTTP + JSON: Events API (mentions, direct messages), the /musebot slash command and the
/// 👍/👎 buttons, all verified with the signing secret and answered after the 3-second ack through a bounded queue.
/// </summary>
public static class SlackSetup
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().Bind(builder.Configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackRequestVerifier>();
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackThreadMemory>();
        services.AddSingleton<SlackReplyQueue>();
        services.AddSingleton<SlackResponder>();
        services.AddHttpClient<SlackWebApiClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<SlackReplyWorker>();
        return builder;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        // Mapped even when Slack is off, so the URLs answer a plain 404 rather than whatever a fallback route serves.
        SlackEndpoints.Map(app);
        var options = app.Services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MuseBot.Slack");
        if (!options.Enabled)
            log.LogInformation("Slack is off: Slack:SigningSecret (Slack__SigningSecret) is not set, so /api/slack/* answer 404.");
        else
            log.LogInformation("Slack is on: {Events}, {Commands}, {Interactions}; default workspace token {Default}; {Count} other workspace(s); Web API {Api}",
                SlackEndpoints.EventsPath, SlackEndpoints.CommandsPath, SlackEndpoints.InteractionsPath,
                string.IsNullOrWhiteSpace(options.BotToken) ? "not set" : "set", options.Workspaces.Count, options.ApiBaseUri);
        return app;
    }
}
