using MuseBot.Core;
using MuseBot.Core.Conversation;
using MuseBot.Core.Feedback;
using MuseBot.Core.Storage;
using MuseBot.Generative;
using MuseBot.Host.Teams;
using MuseBot.Storage.Azure;

namespace MuseBot.Host.Hosting;

/// <summary>What every channel needs: the engine (built or opened at start), the conversation turn and its store,
/// health, request limits.</summary>
public static class HostingSetup
{
    private static readonly string[] UrlKeys = ["urls", "http_ports", "https_ports"];

    /// <summary>The largest request body a channel endpoint accepts; Bot Framework activities are a few KB.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>The Bot Framework convention for a local bot; any urls/ports setting wins over it.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplicationBuilder AddMuseBot(this WebApplicationBuilder builder)
    {
        // Not in appsettings.json: there it would override ASPNETCORE_URLS, which hosting platforms set.
        if (UrlKeys.All(key => string.IsNullOrWhiteSpace(builder.Configuration[key])))
            builder.WebHost.UseUrls(DefaultUrl);
        var baseDirectory = MuseBotPaths.BaseDirectory(Directory.GetCurrentDirectory(), builder.Environment.ContentRootPath);
        MuseBotPaths.ResolveInPlace(builder.Configuration, baseDirectory);
        // Storage:Provider: the embedded store (SQLite under MuseBot:DataPath, one instance) or the shared one
        // (Azure Storage, every instance). Registered first: the embedded registrations below only fill what is left.
        builder.Services.AddMuseBotStorage(builder.Configuration);
        builder.Services.AddMuseBotEngine(builder.Configuration).AddGenerativeAnswers(builder.Configuration)
            .AddFeedbackStore(builder.Configuration); // one store for every channel's 👍/👎 and unanswered questions
        CachedAnswerEngine.Decorate(builder.Services, BotOptions.From(builder.Configuration).AnswerCacheSize);
        builder.Services.AddConversationTurns(builder.Configuration); // the turn every channel takes, and its store
        builder.Services.AddHostedService<ConversationStorePurger>();
        return builder;
    }

    /// <summary>
    /// Maps /healthz (GET and HEAD) and opens the engine (with its models) and the conversation store before the
    /// server listens, so the index is built once at start (not on the first question) and a bad setting or a store
    /// that cannot be reached stops the host with its message.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        var engine = app.Services.GetRequiredService<MuseBotEngine>();
        engine.Extractive.WarmUp(); // the first question should wait neither for the models nor for the reading code
        app.Logger.LogInformation("Note index ready: {Passages} passages from {Seeds}",
            engine.Index.Stats.Passages, app.Services.GetRequiredService<MuseBotOptions>().SeedsPath);
        var store = app.Services.GetRequiredService<IConversationStoreMaintenance>();
        store.InitializeAsync(app.Lifetime.ApplicationStopping).GetAwaiter().GetResult();
        app.Logger.LogInformation("Conversation store: {Store}", store.Description);
        app.MapMethods("/healthz", [HttpMethods.Get, HttpMethods.Head], () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
