using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MuseBot.Testing;

/// <summary>
/// The real host (Program, every setup extension) on a real Kestrel bound to 127.0.0.1 on a free port, configured
/// the way an operator would, with what it logs captured. A host that cannot start throws from the constructor.
/// Hosts with the same note, index and models share one answer engine per test process (<see cref="SharedEngine"/>).
/// </summary>
public sealed class RealHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public RealHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings;
        _configureServices = configureServices;
        try
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
        }
        catch
        {
            Dispose();
            throw;
        }
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        Http = CreateLoopbackClient();
    }

    public Uri BaseAddress { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>A client for the host, owned by it.</summary>
    public HttpClient Http { get; }

    public HttpClient CreateLoopbackClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // settings reach Program like command-line arguments, so they are there when the setup code reads them
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        // after Program's registrations: the engine its settings name, opened once per test process
        builder.ConfigureServices(SharedEngine.Use);
        if (_configureServices is not null) builder.ConfigureServices(_configureServices);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Http?.Dispose();
        base.Dispose(disposing);
    }
}
