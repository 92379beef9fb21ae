using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MuseBot.Host.Tests.Infrastructure;

/// <summary>
/// The real host (Program, every setup extension) on a real Kestrel bound to 127.0.0.1 on a free port, with the
/// settings a test gives. Logs are collected so tests can read what the host said at start.
/// </summary>
public sealed class MuseBotHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public MuseBotHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings;
        _configureServices = configureServices;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    public HttpClient CreateLoopbackClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(Logs)));
        if (_configureServices is not null) builder.ConfigureServices(_configureServices);
    }

    /// <summary>The settings every test host shares: the repo's seeds, one index folder built once per test run.</summary>
    public static Dictionary<string, string?> BaseSettings(string indexPath) => new()
    {
        ["MuseBot:SeedsPath"] = TestPaths.Seeds,
        ["MuseBot:IndexPath"] = indexPath,
        ["MuseBot:DataPath"] = Path.Combine(indexPath, "data"),
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
    };

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(sink);
        public void Dispose() { }
    }

    private sealed class CollectingLogger(ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && sink.Count < 10_000) sink.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
