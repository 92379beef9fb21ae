// Load benchmark for /api/messages: starts the host (Release, local mode, with the echo bot of EchoBot.cs added) on 127.0.0.1, then
// sends a bounded number of expectReplies messages at a fixed concurrency to the echo bot (same adapter, same
// request checks, no engine) and to the real bot, alternating in rounds, and prints throughput and latency percentiles for each.
// The figure is real/echo throughput, for the host as configured (answer cache on) and with the answer cache off
// (the engine's own cost on every request). Usage:
//   dotnet run -c Release --project tests/MuseBot.LoadTest -- [--requests 2000] [--concurrency 32] [--url http://127.0.0.1:PORT]
// With --url it measures a host that is already running (started with --serve, which adds the echo bot). Exit code 1 when
// the host as configured misses the target or any request failed (the cache-off run reports, it is not held to it).
// With --conversations N it measures memory instead: see ConversationMemoryBenchmark.
// With --replicas it starts two hosts and spreads the load over both (each conversation alternating between them),
// once with the embedded store (each host its own SQLite files) and once with the shared one (Azure Storage on a
// local Azurite, see tests/MuseBot.Testing/Azurite.cs), and prints throughput and errors for each.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MuseBot.LoadTest;

if (args is ["--serve", .. var serveArgs])
    return await EchoHost.ServeAsync(serveArgs);

if (StringArg("--conversations") is not null)
{
    var pidArg = StringArg("--pid");
    return await ConversationMemoryBenchmark.RunAsync(IntArg("--conversations", 20_000), IntArg("--warmup", 10_000), IntArg("--concurrency", 16),
        StringArg("--url"), pidArg is null ? null : int.Parse(pidArg, CultureInfo.InvariantCulture));
}

var requests = IntArg("--requests", 2000);
var concurrency = IntArg("--concurrency", 32);
var url = StringArg("--url");

if (args.Contains("--replicas"))
    return await ReplicasAsync();

var failed = false;
if (url is not null)
{
    failed |= !await MeasureAsync(url, host: null, "as running", enforceRatio: true);
}
else
{
    // The host as configured (answer cache on), then the same host with the cache off: the engine's own cost.
    foreach (var (label, extraArgs, enforceRatio) in new[]
    {
        ("answer cache on (default)", Array.Empty<string>(), true),
        ("answer cache off", ["--Bot:AnswerCacheSize=0"], false),
    })
    {
        var hostUrl = $"http://127.0.0.1:{FreeLoopbackPort()}";
        var host = StartHost(hostUrl, extraArgs);
        try
        {
            failed |= !await MeasureAsync(hostUrl, host, label, enforceRatio);
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                host.WaitForExit(10_000);
            }
        }
    }
}
return failed ? 1 : 0;

async Task<bool> MeasureAsync(string baseUrl, Process? host, string label, bool enforceRatio)
{
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };
    await WaitForHealthAsync(client, host);

    Console.WriteLine();
    Console.WriteLine($"MuseBot load test, host {label}: {requests:N0} requests per bot, {concurrency} in flight, {baseUrl}, expectReplies");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    // Warm up both routes (JIT, connection pool, the engine's first queries) before measuring.
    await RunAsync(client, EchoBot.Route, Math.Min(200, requests), concurrency, "warmup-echo");
    await RunAsync(client, "/api/messages", Math.Min(200, requests), concurrency, "warmup-real");

    // Alternate the two bots in rounds so that background load on the machine falls on both alike.
    const int rounds = 4;
    var echoRounds = new List<Result>();
    var realRounds = new List<Result>();
    for (var round = 0; round < rounds; round++)
    {
        var share = requests / rounds + (round < requests % rounds ? 1 : 0);
        echoRounds.Add(await RunAsync(client, EchoBot.Route, share, concurrency, "echo"));
        realRounds.Add(await RunAsync(client, "/api/messages", share, concurrency, "real"));
    }
    var echo = Result.Combine("echo", echoRounds);
    var real = Result.Combine("real", realRounds);
    Console.WriteLine($"{"bot",-6} {"requests",9} {"errors",7} {"seconds",8} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
    foreach (var r in new[] { echo, real }) Console.WriteLine(r.Row());
    var ratio = real.RequestsPerSecond / echo.RequestsPerSecond;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"real/echo throughput: {ratio:F2} (target >= 0.50), errors: {real.Errors + echo.Errors}"));
    if ((real.FirstError ?? echo.FirstError) is { } firstError) Console.WriteLine($"first error: {firstError}");
    return (!enforceRatio || ratio >= 0.5) && real.Errors + echo.Errors == 0;
}

async Task<int> ReplicasAsync()
{
    var temp = Path.Combine(Path.GetTempPath(), "musebot-load-replicas-" + Guid.NewGuid().ToString("N")[..8]);
    var rows = new List<(string Store, Result Result)>();
    await using var azurite = await MuseBot.Testing.Azurite.StartAsync();
    try
    {
        foreach (var (store, storeArgs) in new[]
        {
            ("embedded (SQLite per host)", Array.Empty<string>()),
            ("shared (Azure Storage, Azurite)", new[] { "--Storage:Provider=AzureStorage", $"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:Prefix={azurite.NewPrefix()}" }),
        })
        {
            var hosts = new List<(Process Process, HttpClient Client)>();
            try
            {
                foreach (var name in new[] { "a", "b" })
                {
                    var hostUrl = $"http://127.0.0.1:{FreeLoopbackPort()}";
                    var folder = Path.Combine(temp, rows.Count.ToString(CultureInfo.InvariantCulture), name);
                    var process = StartHost(hostUrl, [.. storeArgs, $"--MuseBot:IndexPath={Path.Combine(folder, "index")}", $"--MuseBot:DataPath={Path.Combine(folder, "data")}"]);
                    var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
                    {
                        BaseAddress = new Uri(hostUrl),
                        Timeout = TimeSpan.FromSeconds(30),
                    };
                    hosts.Add((process, client));
                    await WaitForHealthAsync(client, process);   // one at a time: both come from the same build
                }
                var clients = hosts.Select(h => h.Client).ToArray();
                await RunOverAsync(clients, Math.Min(200, requests), concurrency, "warmup");
                var result = await RunOverAsync(clients, requests, concurrency, "real");
                rows.Add((store, result));
            }
            finally
            {
                foreach (var (process, client) in hosts)
                {
                    client.Dispose();
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit(10_000);
                    }
                }
            }
        }
    }
    finally
    {
        try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
    }
    Console.WriteLine();
    Console.WriteLine($"MuseBot load test over two hosts: {requests:N0} requests, {concurrency} in flight, each conversation alternating hosts, expectReplies");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine($"{"store",-32} {"requests",9} {"errors",7} {"seconds",8} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
    foreach (var (store, result) in rows) Console.WriteLine($"{store,-32} {result.Row()[7..]}");
    foreach (var (store, result) in rows.Where(r => r.Result.FirstError is not null)) Console.WriteLine($"first error ({store}): {result.FirstError}");
    return rows.Any(r => r.Result.Errors > 0) ? 1 : 0;
}

static Task<Result> RunAsync(HttpClient client, string route, int total, int concurrency, string name) =>
    RunOverAsync([client], total, concurrency, name, route);

/// <summary>Sends <paramref name="total"/> messages; each conversation's messages go to the clients in turn.</summary>
static async Task<Result> RunOverAsync(HttpClient[] clients, int total, int concurrency, string name, string route = "/api/messages")
{
    string[] questions =
    [
        "what modes does spark have?",
        "How much did Meta spend on capex in 2025?",
        "Does the note say Meta has closed the frontier-model gap?",
        "what's Spark's Intelligence Index score?",
        "and Gemini's?",
        "who leads Meta Superintelligence Labs?",
        "sections",
        "show 5",
    ];
    var latencies = new double[total];
    var next = -1;
    var errors = 0;
    string? firstError = null;
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var conversation = $"{name}-{worker}-{Guid.NewGuid():N}";
        int i, turn = worker;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            var client = clients[turn++ % clients.Length];
            var body = Activity(conversation, questions[i % questions.Length], client.BaseAddress!);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(route, content);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || !HasMessageReply(text))
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}", null);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref errors);
                Interlocked.CompareExchange(ref firstError, e.Message, null);
            }
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }).ToList();
    await Task.WhenAll(workers);
    clock.Stop();
    Array.Sort(latencies);
    return new Result(name, total, errors, clock.Elapsed.TotalSeconds, latencies, firstError);
}

static string Activity(string conversation, string text, Uri serviceUrl) => new JsonObject
{
    ["type"] = "message",
    ["id"] = Guid.NewGuid().ToString("N"),
    ["channelId"] = "webchat",
    ["deliveryMode"] = "expectReplies",
    ["serviceUrl"] = serviceUrl.ToString(),
    ["from"] = new JsonObject { ["id"] = "load-user" },
    ["recipient"] = new JsonObject { ["id"] = "musebot" },
    ["conversation"] = new JsonObject { ["id"] = conversation },
    ["text"] = text,
}.ToJsonString();

static bool HasMessageReply(string body)
{
    try
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("activities", out var activities)
            && activities.EnumerateArray().Any(a => a.TryGetProperty("type", out var t) && t.GetString() == "message");
    }
    catch (JsonException)
    {
        return false;
    }
}

static Process StartHost(string url, string[] extraArgs)
{
    // This program again, as the host with the echo bot added (EchoHost), in a process of its own.
    var self = typeof(EchoHost).Assembly.Location;
    Console.WriteLine($"Starting the host with the echo bot ({Path.GetFileName(self)} --serve) on {url} ...");
    var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
    {
        WorkingDirectory = FindRepoRoot(),
        RedirectStandardInput = true,   // the host serves until this closes: it never outlives the benchmark
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(self);
    foreach (var arg in new[]
    {
        "--serve", "--urls", url, "--MicrosoftAppId=", "--MicrosoftAppPassword=",
        "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:MuseBot=Warning",
    }.Concat(extraArgs)) start.ArgumentList.Add(arg);
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
    // Drain the host's output so it never blocks on a full pipe; show errors.
    process.OutputDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine("host: " + line); };
    process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine("host: " + line); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitForHealthAsync(HttpClient client, Process? host)
{
    var until = DateTime.UtcNow.AddMinutes(5); // the first run builds the host in Release and the index
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

static string FindRepoRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MuseBot.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository (MuseBot.sln not found).");
}

static int FreeLoopbackPort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

int IntArg(string name, int fallback) => StringArg(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? StringArg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

sealed record Result(string Name, int Requests, int Errors, double Seconds, double[] SortedLatencies, string? FirstError)
{
    public double RequestsPerSecond => Requests / Seconds;

    public static Result Combine(string name, IReadOnlyList<Result> rounds) => new(
        name,
        rounds.Sum(r => r.Requests),
        rounds.Sum(r => r.Errors),
        rounds.Sum(r => r.Seconds),
        rounds.SelectMany(r => r.SortedLatencies).Order().ToArray(),
        rounds.Select(r => r.FirstError).FirstOrDefault(e => e is not null));

    private double Percentile(double p) => SortedLatencies[Math.Clamp((int)Math.Ceiling(p * SortedLatencies.Length) - 1, 0, SortedLatencies.Length - 1)];

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-6} {Requests,9:N0} {Errors,7} {Seconds,8:F2} {RequestsPerSecond,9:F0} {Percentile(0.50),8:F1} {Percentile(0.95),8:F1} {Percentile(0.99),8:F1}");
}
