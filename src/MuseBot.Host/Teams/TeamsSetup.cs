using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MuseBot.Core.Storage;

namespace MuseBot.Host.Teams;

/// <summary>
/// Bot Framework (Teams, web chat, Emulator): CloudAdapter with channel auth from the SDK's configuration keys that
/// fails closed and fast, a bounded Bot Connector client, the ActivityHandler, and conversation state on disk (the
/// conversation store) unless another IStorage is registered.
/// </summary>
public static class TeamsSetup
{
    public const string MessagesRoute = "/api/messages";

    public static WebApplicationBuilder AddTeamsBot(this WebApplicationBuilder builder)
    {
        var settings = BotSettings.From(builder.Configuration);
        settings.Validate();
        builder.Services.AddSingleton(settings);
        var options = BotOptions.From(builder.Configuration);
        options.Validate();
        builder.Services.AddSingleton(options);

        builder.Services.AddBotConnectorHttp(options);
        ChannelAuthentication.BoundKeyFetches(builder.Configuration, options.AuthMetadataTimeout);
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ChannelAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                httpClientFactory: new BotConnectorHttp.Factory(sp.GetRequiredService<IHttpClientFactory>()),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            options.AuthMetadataTimeout));
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter, AdapterWithErrorHandler>();

        builder.Services.TryAddSingleton<IStorage>(sp => new ConversationStateStorage(sp.GetRequiredService<IConversationStateStore>()));
        builder.Services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        builder.Services.AddTransient<IBot, MuseBotActivityHandler>();
        return builder;
    }

    public static WebApplication MapTeamsBot(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<BotSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MuseBot.Host.Teams");
        if (settings.LocalMode)
            logger.LogWarning("Local mode: MicrosoftAppId is empty, so Bot Framework channel authentication is OFF. "
                + "Fine for the web chat and the Emulator on this machine; set MicrosoftAppId/MicrosoftAppPassword before exposing {Route}.", MessagesRoute);
        else
            logger.LogInformation("Bot Framework channel authentication is on for app {AppId} ({AppType}).",
                settings.AppId, settings.AppType.Length == 0 ? BotSettings.MultiTenant : settings.AppType);

        app.MapPost(MessagesRoute, (HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            BotMessageEndpoint.HandleAsync(context, adapter, bot, logger));

        return app;
    }
}
