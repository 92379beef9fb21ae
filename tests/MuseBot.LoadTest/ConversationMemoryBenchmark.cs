using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace MuseBot.LoadTest;

/// <summary>
/// Does the host's memory stay flat however many conversations arrive? Starts the built host (Release, local mode,
/// a fresh data folder) as its own process on 127.0.0.1, opens warm-up conversations, reads the process's RSS, then
/// opens N more new conversations (the web chat's welcome + one question each, expectReplies) and reads RSS again.
/// The warm-up is long (10,000) because start-up memory (the embedding model's load buffers) is freed only by the
/// first full collections: measured from earlier, that release hides tens of MB of growth.
/// Prints both and the growth; exit code 1 when the growth reaches the limit (60 MB) or a request failed. With
/// --url and --pid it measures a host that is already running.
///   dotnet run -c Release --project tests/MuseBot.LoadTest -- --conversations 20000 [--warmup 10000] [--concurrency 16]
/// </summary>
public static class ConversationMemoryBenchmark
{
    private const double LimitMb = 60;

    private static readonly string[] Questions =
    [
        "what modes does spark have?",
        "How much did Meta spend on capex in 2025?",
        "Does the note say Meta has closed the frontier-model gap?",
        "what's Spark's Intelligence Index score?",
        "and Gemini's?",
        "sections",
    ];

    public static async Task<int> RunAsync(int conversations, int warmup, int concurrency, string? url, int? pid)
    {
        string? dataPath = null;
        Process? host = null;
        try
        {
            if (url is null)
            {
                dataPath = Path.Combine(Path.GetTempPath(), "musebot-memory-bench-" + Guid.NewGuid().ToString("N")[..8]);
                url = $"http://127.0.0.1:{FreeLoopbackPort()}";
                host = StartHost(url, dataPath);
                pid = host.Id;
            }
            if (pid is null) throw new ArgumentException("--url needs --pid (the host's process id) to read its memory.");

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
            {
                BaseAddress = new Uri(url),
                Timeout = TimeSpan.FromSeconds(60),
            };
            await WaitForHealthAsync(client, host);
            Console.WriteLine($"MuseBot conversation memory benchmark: host pid {pid} at {url}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

            var warm = await OpenConversationsAsync(client, "warmup", warmup, concurrency);
            var before = await SettledRssAsync(pid.Value);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"after {warmup:N0} warm-up conversations ({warm.Seconds:F1} s, {warm.Errors} errors): RSS {before / 1048576.0:F1} MB"));

            var run = await OpenConversationsAsync(client, "measured", conversations, concurrency);
            var after = await SettledRssAsync(pid.Value);
            var growth = (after - before) / 1048576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"after {conversations:N0} more new conversations ({run.Seconds:F1} s, {conversations / run.Seconds:F0} conversations/s, {run.Errors} errors): RSS {after / 1048576.0:F1} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RSS growth over {conversations:N0} new conversations: {growth:F1} MB (limit < {LimitMb:F0} MB); {growth * 1024 * 1024 / conversations:F0} bytes per conversation"));
            if (dataPath is not null)
            {
                var db = Path.Combine(dataPath, "conversations.db");
                long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"conversation store on disk: {(Size(db) + Size(db + "-wal")) / 1048576.0:F1} MB ({db}, expired rows are purged)"));
            }
            if (run.FirstError is not null) Console.WriteLine($"first error: {run.FirstError}");
            return growth < LimitMb && run.Errors + warm.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (host is { HasExited: false })
            {
                host.Kill(entireProcessTree: true);
                host.WaitForExit(10_000);
            }
            host?.Dispose();
            if (dataPath is not null)
                try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Run(double Seconds, int Errors, string? FirstError);

    /// <summary>Each conversation as the web chat opens it: the welcome, then one question.</summary>
    private static async Task<Run> OpenConversationsAsync(HttpClient client, string name, int count, int concurrency)
    {
        var next = -1;
        var errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var conversation = $"{name}-{i}-{Guid.NewGuid():N}";
                foreach (var body in new[] { Activity(conversation, "conversationUpdate", null, client.BaseAddress!), Activity(conversation, "message", Questions[i % Questions.Length], client.BaseAddress!) })
                {
                    try
                    {
                        using var content = new StringContent(body, Encoding.UTF8, "application/json");
                        using var response = await client.PostAsync("/api/messages", content);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref errors);
                            Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode}", null);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, e.Message, null);
                    }
                }
            }
        }));
        return new Run(clock.Elapsed.TotalSeconds, errors, firstError);
    }

    private static string Activity(string conversation, string type, string? text, Uri serviceUrl)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "webchat",
            ["deliveryMode"] = "expectReplies",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = "user-" + conversation },
            ["recipient"] = new JsonObject { ["id"] = "musebot" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
        };
        if (text is not null) activity["text"] = text;
        if (type == "conversationUpdate")
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "musebot" }, new JsonObject { ["id"] = "user-" + conversation });
        return activity.ToJsonString();
    }

    /// <summary>RSS once the process has been idle for a moment (the GC settles), in bytes.</summary>
    private static async Task<long> SettledRssAsync(int pid)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var line in await File.ReadAllLinesAsync($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }

    /// <summary>The host built in Release, run as its own process (so its RSS is its own, not `dotnet run`'s).</summary>
    private static Process StartHost(string url, string dataPath)
    {
        var repoRoot = FindRepoRoot();
        Console.WriteLine($"Building the host (Release) in {repoRoot} ...");
        using (var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine("src", "MuseBot.Host")])
               { WorkingDirectory = repoRoot, RedirectStandardOutput = true, UseShellExecute = false })!)
        {
            build.StandardOutput.ReadToEnd();
            build.WaitForExit();
            if (build.ExitCode != 0) throw new InvalidOperationException("The host did not build.");
        }
        var dll = Path.Combine(repoRoot, "src", "MuseBot.Host", "bin", "Release", "net10.0", "linux-x64", "MuseBot.Host.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            dll, "--urls", url, "--MicrosoftAppId=", "--MicrosoftAppPassword=", $"--MuseBot:DataPath={dataPath}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:MuseBot=Warning",
        }) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine("host: " + line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine("host: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process? host)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < until)
        {
            if (host is { HasExited: true }) throw new InvalidOperationException($"The host exited with code {host.ExitCode}.");
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("The host did not answer /healthz within 5 minutes.");
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MuseBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository (MuseBot.sln not found).");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
