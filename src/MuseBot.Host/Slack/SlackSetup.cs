using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MuseBot.Core;
using Microsoft.Extensions.Options;
using MuseBot.Core.Storage;
using MuseBot.Core.Storage.Sqlite;
using MuseBot.Storage.Azure;

namespace MuseBot.Host.Slack;

/// <summary>
/// Slack channel on plain HTTP + JSON: Events API (mentions, direct messages), the /musebot slash command and the
/// 👍/👎 buttons, all verified with the signing secret, written to the durable work queue before Slack gets its 200,
/// and answered by <see cref="SlackReplyWorker"/>.
/// </summary>
public static class SlackSetup
{
    /// <summary>The longest wait for one Slack Web API call.</summary>
    public static readonly TimeSpan WebApiTimeout = TimeSpan.FromSeconds(15);

    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().Bind(builder.Configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackRequestVerifier>();
        services.AddSingleton<SlackThreadMemory>();
        // The queue lives in the conversation store, with the dedupe keys, so both survive a restart: the embedded
        // one unless the shared store (Storage:Provider=AzureStorage) registered its own.
        services.TryAddSingleton(sp =>
        {
            var slack = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new WorkQueueSettings(slack.QueueCapacity, Lease: slack.LongestCall + TimeSpan.FromMinutes(1));
        });
        services.TryAddSingleton<IWorkQueue>(sp =>
        {
            var settings = sp.GetRequiredService<WorkQueueSettings>();
            return new SqliteWorkQueue(sp.GetRequiredService<ConversationDatabase>(), settings.Capacity, settings.Lease,
                sp.GetRequiredService<ConversationStoreOptions>().DedupeWindow);
        });
        // Installations (OAuth) beside the rest of the conversation store, the embedded one unless the shared store
        // registered its own; their bot tokens encrypted with Data Protection, whose keys are kept with the store:
        // in the data folder for the embedded store, in the storage account (shared by every instance, so an install
        // done through one is answered by all) for the shared one. Losing the keys loses the tokens (reinstall).
        services.TryAddSingleton<IInstallationStore>(sp => new SqliteInstallationStore(sp.GetRequiredService<ConversationDatabase>()));
        var dataProtection = services.AddDataProtection().SetApplicationName("MuseBot");
        if (StorageOptions.From(builder.Configuration).IsAzure)
        {
            dataProtection.PersistKeysToAzureStorage();
        }
        else
        {
            var dataPath = builder.Configuration[$"{MuseBotOptions.SectionName}:{nameof(MuseBotOptions.DataPath)}"] is { Length: > 0 } d ? d : new MuseBotOptions().DataPath;
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys")));
        }
        services.AddSingleton<SlackTokens>();
        services.AddSingleton<SlackResponder>();
        services.AddHttpClient<SlackWebApiClient>(http => http.Timeout = WebApiTimeout);
        services.AddHostedService<SlackReplyWorker>();
        return builder;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        // Mapped even when Slack is off, so the URLs answer a plain 404 rather than whatever a fallback route serves.
        SlackEndpoints.Map(app);
        SlackInstallEndpoints.Map(app);
        var options = app.Services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MuseBot.Slack");
        if (!options.Enabled)
        {
            log.LogInformation("Slack is off: Slack:SigningSecret (Slack__SigningSecret) is not set, so /api/slack/* answer 404.");
            return app;
        }
        var queue = app.Services.GetRequiredService<IWorkQueue>();
        log.LogInformation("Slack is on: {Events}, {Commands}, {Interactions}; installs {Install}; default workspace token {Default}; {Count} other workspace(s); Web API {Api}; {Pending} queued replies{Resumed}",
            SlackEndpoints.EventsPath, SlackEndpoints.CommandsPath, SlackEndpoints.InteractionsPath,
            options.InstallEnabled ? $"at {SlackInstallEndpoints.InstallPath} (redirect {options.RedirectUri})" : "off (no Slack:ClientId)",
            string.IsNullOrWhiteSpace(options.BotToken) ? "not set" : "set", options.Workspaces.Count, options.ApiBaseUri,
            queue.PendingCountAsync().GetAwaiter().GetResult(),
            queue is SqliteWorkQueue { ResumedOnStart: > 0 } sqlite ? $" ({sqlite.ResumedOnStart} interrupted by the last stop, resumed)" : "");
        return app;
    }
}
