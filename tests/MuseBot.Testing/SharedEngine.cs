using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MuseBot.Core;

namespace MuseBot.Testing;

/// <summary>
/// One answer engine per test process for each note, index and model choice. Opening one reads the Lucene index,
/// and its first question loads both ONNX encoders: about a second or two each time here, and the hosts and CLI runs
/// of a test project open the same index again and again. <see cref="Use"/> gives a host or a CLI run the engine
/// its settings name, registered as an instance, so the host (or run) ending does not dispose it; the process's exit
/// does. The engine is thread-safe (see <see cref="MuseBotEngine"/>). Settings that cannot open an engine are left to
/// the code under test, so it fails with its own message. Self-contained (the CLI tests link this file).
/// </summary>
public static class SharedEngine
{
    private static readonly ConcurrentDictionary<string, Lazy<MuseBotEngine>> Engines = new(StringComparer.Ordinal);

#pragma warning disable CA1810 // the exit hook is the point of the static constructor
    static SharedEngine() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var engine in Engines.Values.Where(e => e.IsValueCreated)) engine.Value.Dispose();
    };
#pragma warning restore CA1810

    /// <summary>The process's engine for <paramref name="options"/> (everything but the data folder), opened (and its
    /// index built when missing or stale) on first use. A failed open is not remembered.</summary>
    public static MuseBotEngine For(MuseBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = string.Join("|", Path.GetFullPath(options.SeedsPath), Path.GetFullPath(options.IndexPath),
            options.ModelsPath is null ? "" : Path.GetFullPath(options.ModelsPath), options.SemanticSearch, options.RetrievalModel, options.AlignmentModel);
        var lazy = Engines.GetOrAdd(key, _ => new Lazy<MuseBotEngine>(() => MuseBotEngine.Open(options)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Engines.TryRemove(new KeyValuePair<string, Lazy<MuseBotEngine>>(key, lazy));
            throw;
        }
    }

    /// <summary>For a host's or a CLI run's services, after the engine's registrations: the shared engine for the
    /// <see cref="MuseBotOptions"/> registered there. Nothing when none is registered or they do not validate.</summary>
    public static void Use(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.LastOrDefault(d => d.ServiceType == typeof(MuseBotOptions))?.ImplementationInstance is not MuseBotOptions options) return;
        try
        {
            options.Validate();
        }
        catch (InvalidOperationException)
        {
            return;
        }
        services.AddSingleton(For(options));
    }
}
