using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MuseBot.Testing;

/// <summary>
/// Microsoft's Azure Storage emulator (the npm package azurite) as a child process: blob, queue and table services on
/// free 127.0.0.1 ports, in memory, in a temporary working folder. Disposing kills it and deletes the folder.
/// Found at $MUSEBOT_AZURITE, then {repo}/.tools/node_modules/.bin/azurite (what .ci/run installs), then on PATH.
/// When it is not installed the fixture fails with how to install it: the shared-store tests never skip silently.
/// Self-contained (the load test links this file too).
/// </summary>
public sealed class Azurite : IAsyncDisposable, IDisposable
{
    public const string Version = "3.37.0";
    public const string InstallCommand = "npm install --prefix .tools --no-save azurite@" + Version;

    /// <summary>The emulator's well-known development account and key (published by Microsoft; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _output = new();
    private int _prefixes;

    private Azurite(Process process, string folder, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _folder = folder;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>A Storage:ConnectionString naming the three endpoints on 127.0.0.1.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};");

    public IReadOnlyList<string> Output => _output.ToArray();

    public bool HasExited => _process.HasExited;

    /// <summary>A Storage:Prefix no other test in this run uses, so tests sharing one emulator do not see each other's data.</summary>
    public string NewPrefix() => string.Create(CultureInfo.InvariantCulture,
        $"t{Interlocked.Increment(ref _prefixes)}x{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>Where the azurite executable is, or null.</summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("MUSEBOT_AZURITE") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "MuseBot.sln"))) continue;
                var local = Path.Combine(dir.FullName, ".tools", "node_modules", ".bin", "azurite");
                if (File.Exists(local)) return local;
                break;
            }
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "azurite");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Starts the emulator and waits (bounded) until its three ports accept connections.</summary>
    public static async Task<Azurite> StartAsync(TimeSpan? timeout = null)
    {
        var executable = Locate() ?? throw new InvalidOperationException(
            $"The Azure Storage emulator (npm package azurite {Version}) is not installed, and the shared-store tests need it. "
            + $"From the repository root run: {InstallCommand}   (node and npm are needed; .ci/run does this), "
            + "or set MUSEBOT_AZURITE to the azurite executable.");
        Exception? last = null;
        for (int attempt = 0; attempt < 3; attempt++)   // a port taken between choosing and binding: choose again
        {
            var folder = Path.Combine(Path.GetTempPath(), "musebot-azurite-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
            var start = new ProcessStartInfo(executable)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--skipApiVersionCheck", "--loose", "--inMemoryPersistence", "--extentMemoryLimit", "512", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(CultureInfo.InvariantCulture),
            }) start.ArgumentList.Add(arg);
            var process = new Process { StartInfo = start };
            var azurite = new Azurite(process, folder, blob, queue, table);
            process.OutputDataReceived += (_, e) => { if (e.Data is { } line) azurite._output.Enqueue(line); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) azurite._output.Enqueue(line); };
            try
            {
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                await azurite.WaitUntilListeningAsync(timeout ?? TimeSpan.FromSeconds(60));
                return azurite;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                last = e;
                await azurite.DisposeAsync();
            }
        }
        throw new InvalidOperationException($"Azurite ({executable}) did not start: {last?.Message}", last);
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"azurite exited with code {_process.ExitCode}:\n{string.Join("\n", Output.TakeLast(20))}");
            if (await AcceptsAsync(BlobPort) && await AcceptsAsync(QueuePort) && await AcceptsAsync(TablePort)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"azurite did not listen within {timeout.TotalSeconds:0} s:\n{string.Join("\n", Output.TakeLast(20))}");
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"azurite pid {_process.Id} blob {BlobPort} queue {QueuePort} table {TablePort}");
}

/// <summary>
/// The emulator for the test classes of one process: started on first use (bounded), shared by every fixture alive
/// at the time (each class keeps its data apart with <see cref="Azurite.NewPrefix"/>), and stopped when the last of
/// them is disposed, so classes that run side by side do not each start one.
/// </summary>
public sealed class AzuriteFixture : IAsyncDisposable, IDisposable
{
    private static readonly object Gate = new();
    private static Lazy<Task<Azurite>>? _shared;
    private static int _users;

    private readonly Lazy<Task<Azurite>> _azurite;
    private bool _disposed;

    public AzuriteFixture()
    {
        lock (Gate)
        {
            _shared ??= new Lazy<Task<Azurite>>(() => Azurite.StartAsync());
            _azurite = _shared;
            _users++;
        }
    }

    public Task<Azurite> GetAsync() => _azurite.Value;

    public async ValueTask DisposeAsync()
    {
        Lazy<Task<Azurite>>? last = null;
        lock (Gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (--_users == 0)
            {
                last = _shared;
                _shared = null;
            }
        }
        if (last is { IsValueCreated: true })
        {
            try
            {
                await (await last.Value).DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // it never started: the tests said why
            }
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
