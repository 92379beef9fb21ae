using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace MuseBot.Testing;

/// <summary>
/// The built host (MuseBot.Host.dll, beside the test binaries) as its own process: `dotnet MuseBot.Host.dll` on
/// 127.0.0.1 with the given settings as command-line arguments, its output captured. For what needs a real process:
/// kill -9, SIGTERM. Disposing kills it if it still runs.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process) => _process = process;

    /// <summary>Where the host listens (known once it said so).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the host wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>What ASP.NET Core's lifetime logs once Kestrel listens (a console line, or inside a JSON one).</summary>
    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex ListeningLine();

    /// <summary>Starts the host on a port the kernel picks as the host binds it, and waits (bounded) until the host
    /// has said which port that is and /healthz answers there.</summary>
    /// <remarks>No port is chosen here and handed to the host: one freed here could be taken by another process
    /// before the host binds it (the host would then exit, or a stranger answer its /healthz). Port 0 cannot be
    /// taken from under the host, and the address read from the host's own output is the host's.</remarks>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan? startTimeout = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MuseBot.Host.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The built host is not beside the tests.", dll);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        // Last, so that no setting of the caller's hides the line that says where the host listens.
        start.ArgumentList.Add("--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null) return;
            host._output.Enqueue(line);
            if (ListeningLine().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var timeout = startTimeout ?? TimeSpan.FromSeconds(90);
            var deadline = DateTime.UtcNow + timeout;
            host.BaseAddress = await host.WaitUntilListeningAsync(listening.Task, deadline, timeout);
            host.Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await host.WaitUntilHealthyAsync(deadline, timeout);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task<Uri> WaitUntilListeningAsync(Task<Uri> listening, DateTime deadline, TimeSpan timeout)
    {
        while (!listening.IsCompleted)
        {
            if (_process.HasExited)
            {
                // its last lines may still be on their way
                await Task.WhenAny(listening, Task.Delay(500));
                if (listening.IsCompleted) break;
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it listened:\n{string.Join("\n", Output.TakeLast(30))}");
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The host did not say where it listens within {timeout.TotalSeconds:0} s:\n{string.Join("\n", Output.TakeLast(30))}");
            await Task.WhenAny(listening, Task.Delay(200));
        }
        return await listening;
    }

    private async Task WaitUntilHealthyAsync(DateTime deadline, TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was healthy:\n{string.Join("\n", Output.TakeLast(30))}");
            try
            {
                using var response = await probe.GetAsync("healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host did not answer /healthz within {timeout.TotalSeconds:0} s:\n{string.Join("\n", Output.TakeLast(30))}");
    }

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, as a deploy or `docker stop` sends it; returns how long the process took to exit (bounded).</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        if (!_process.HasExited && Kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill(SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return watch.Elapsed;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
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
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"host pid {_process.Id} at {BaseAddress?.ToString() ?? "(not listening yet)"}");
}
