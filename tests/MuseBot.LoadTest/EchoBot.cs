extern alias host;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using BotMessageEndpoint = host::MuseBot.Host.Teams.BotMessageEndpoint;

namespace MuseBot.LoadTest;

/// <summary>
/// The load test's baseline: the same adapter, request checks and serialization as the real bot, with no engine
/// behind it. It lives here, not in the production host: <see cref="EchoHost"/> adds it to the real host.
/// </summary>
public sealed class EchoBot : ActivityHandler
{
    public const string Route = "/api/echo/messages";

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken);
}

/// <summary>
/// The real host (Program and every setup extension, as an operator configures it) on 127.0.0.1, with the echo bot
/// mapped at <see cref="EchoBot.Route"/> beside /api/messages. Run as its own process by the load test
/// (`MuseBot.LoadTest --serve --urls URL --Key=Value ...`), so the host's CPU and memory are its own.
/// </summary>
public sealed class EchoHost : WebApplicationFactory<host::Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private EchoHost(int port, IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
    }

    /// <summary>Serves until standard input closes (the load test ended, or died).</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        Uri? url = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--urls" && i + 1 < args.Length) url = new Uri(args[++i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].IndexOf('=', StringComparison.Ordinal) is > 2 and var eq)
                settings[args[i][2..eq]] = args[i][(eq + 1)..];
        }
        if (url is null || !IPAddress.IsLoopback(IPAddress.Parse(url.Host)))
        {
            await Console.Error.WriteLineAsync("--serve needs --urls http://127.0.0.1:PORT");
            return 2;
        }
        await using var host = new EchoHost(url.Port, settings);
        await Console.Out.WriteLineAsync($"serving on {url}");
        while (await Console.In.ReadLineAsync() is not null)
        {
            // nothing to read: waiting for the end of the input
        }
        return 0;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // the host's project folder, as `dotnet run --project src/MuseBot.Host` has it (the load test runs from the repo root)
        builder.UseContentRoot(Path.Combine(Directory.GetCurrentDirectory(), "src", "MuseBot.Host"));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<EchoBot>();
            services.AddTransient<IStartupFilter, EchoRoute>();
        });
    }

    private sealed class EchoRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(EchoBot.Route, echo => echo.Run(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    return Task.CompletedTask;
                }
                var services = context.RequestServices;
                return BotMessageEndpoint.HandleAsync(context, services.GetRequiredService<IBotFrameworkHttpAdapter>(),
                    services.GetRequiredService<EchoBot>(), services.GetRequiredService<ILoggerFactory>().CreateLogger("MuseBot.LoadTest.Echo"));
            }));
            next(app);
        };
    }
}
