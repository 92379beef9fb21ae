using MuseBot.Core;
using MuseBot.Generative;

namespace MuseBot.Host.Hosting;

/// <summary>What every channel needs: the engine (built or opened at start), health, request limits.</summary>
public static class HostingSetup
{
    public static WebApplicationBuilder AddMuseBot(this WebApplicationBuilder builder)
    {
        builder.Services.AddMuseBotEngine(builder.Configuration).AddGenerativeAnswers(builder.Configuration);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
