using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MuseBot.Slack.Tests;

/// <summary>One call the bot made to "Slack".</summary>
public sealed record RecordedCall(string Path, string? Authorization, string? ContentType, JsonObject Body, int Status, DateTimeOffset At)
{
    public string? Channel => Body["channel"]?.GetValue<string>();
    public string? ThreadTs => Body["thread_ts"]?.GetValue<string>();
    public string? Text => Body["text"]?.GetValue<string>();
    public JsonArray Blocks => Body["blocks"] as JsonArray ?? [];
}

/// <summary>How the fake answers the next call for a channel (or response_url id) instead of "ok".</summary>
public abstract record FakeFailure;
public sealed record RateLimited(int RetryAfterSeconds) : FakeFailure;
public sealed record ServerError : FakeFailure;
public sealed record NotOk(string Error) : FakeFailure;

/// <summary>
/// Slack's Web API on 127.0.0.1, in its wire format: POST /api/chat.postMessage with a bearer token and a JSON body
/// answers {"ok":true,"channel","ts","message"} or {"ok":false,"error"}; 429 comes with Retry-After. Response URLs
/// live at POST /response/{id} and answer {"ok":true}. Every call is recorded.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeFailure>> _failures = new();
    private long _ts = 1_700_000_000_000_000;

    private FakeSlackApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The Web API base the bot is configured with ("http://127.0.0.1:port/api/").</summary>
    public Uri ApiBaseUrl => new(BaseUrl, "/api/");

    public Uri ResponseUrl(string id) => new(BaseUrl, $"/response/{id}");

    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    /// <summary>While true, every chat.postMessage gets 503 (Slack down): nothing is posted.</summary>
    public bool Unavailable { get; set; }

    /// <summary>How long each chat.postMessage takes before it is answered (and posted).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Bot tokens granted assistant:write (listed in X-OAuth-Scopes, as Slack does); others get missing_scope.</summary>
    public ConcurrentDictionary<string, bool> AssistantTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>assistant.threads.setStatus calls, answered or refused.</summary>
    public IReadOnlyList<RecordedCall> StatusCalls => Calls.Where(c => c.Path == "/api/assistant.threads.setStatus").ToList();

    private void WriteScopes(HttpContext http)
    {
        var token = http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        http.Response.Headers["X-OAuth-Scopes"] = AssistantTokens.ContainsKey(token) ? "app_mentions:read,chat:write,im:history,assistant:write" : "app_mentions:read,chat:write,im:history";
    }

    private async Task SetStatusAsync(HttpContext http)
    {
        var body = await ReadJsonAsync(http) ?? [];
        var token = http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        WriteScopes(http);
        var reply = AssistantTokens.ContainsKey(token)
            ? new JsonObject { ["ok"] = true }
            : new JsonObject { ["ok"] = false, ["error"] = "missing_scope", ["needed"] = "assistant:write" };
        // recorded under the thread's channel, as channel_id
        body["channel"] = body["channel_id"]?.DeepClone();
        _calls.Enqueue(new RecordedCall(http.Request.Path, http.Request.Headers.Authorization.ToString(), http.Request.ContentType, body, 200, DateTimeOffset.UtcNow));
        await http.Response.WriteAsJsonAsync(reply);
    }

    /// <summary>The messages really posted (chat.postMessage answered ok).</summary>
    public IReadOnlyList<RecordedCall> Posted => Calls.Where(c => c.Path == "/api/chat.postMessage" && c.Status == 200).ToList();

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/chat.postMessage", fake.PostMessageAsync);
        app.MapPost("/api/assistant.threads.setStatus", fake.SetStatusAsync);
        app.MapPost("/response/{id}", fake.ResponseUrlAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1"));
        return fake;
    }

    /// <summary>The next call for <paramref name="key"/> (a channel id, or a response_url id) fails this way.</summary>
    public void FailNext(string key, FakeFailure failure) => _failures.GetOrAdd(key, _ => new()).Enqueue(failure);

    public IReadOnlyList<RecordedCall> CallsFor(string channel) => Calls.Where(c => c.Channel == channel).ToList();

    public IReadOnlyList<RecordedCall> ResponseUrlCalls(string id) => Calls.Where(c => c.Path == $"/response/{id}").ToList();

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForAsync(Func<IReadOnlyList<RecordedCall>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var calls = Calls;
            if (condition(calls)) return calls;
            if (DateTimeOffset.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}; {calls.Count} calls recorded: "
                    + string.Join(", ", calls.Select(c => $"{c.Path} {c.Channel} {c.Status}")));
            await Task.Delay(25);
        }
    }

    private async Task PostMessageAsync(HttpContext http)
    {
        var body = await ReadJsonAsync(http);
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, http.RequestAborted);
        var auth = http.Request.Headers.Authorization.ToString();
        var channel = body?["channel"]?.GetValue<string>() ?? "";
        int status;
        JsonObject reply;
        if (body is null) { status = 200; reply = new() { ["ok"] = false, ["error"] = "invalid_json" }; }
        else if (!auth.StartsWith("Bearer ", StringComparison.Ordinal)) { status = 200; reply = new() { ["ok"] = false, ["error"] = "not_authed" }; }
        else if (channel.Length == 0) { status = 200; reply = new() { ["ok"] = false, ["error"] = "channel_not_found" }; }
        else if (Unavailable) { status = 503; reply = new() { ["ok"] = false, ["error"] = "service_unavailable" }; }
        else (status, reply) = Outcome(channel, http, () => new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = NextTs(),
            ["message"] = new JsonObject { ["type"] = "message", ["text"] = body["text"]?.DeepClone(), ["bot_id"] = "B0FAKE" },
        });
        _calls.Enqueue(new RecordedCall(http.Request.Path, auth, http.Request.ContentType, body ?? [], status, DateTimeOffset.UtcNow));
        http.Response.StatusCode = status;
        WriteScopes(http);
        await http.Response.WriteAsJsonAsync(reply);
    }

    private async Task ResponseUrlAsync(HttpContext http, string id)
    {
        var body = await ReadJsonAsync(http);
        var (status, reply) = body is null ? (400, new JsonObject { ["ok"] = false, ["error"] = "invalid_json" }) : Outcome(id, http, () => new JsonObject { ["ok"] = true });
        _calls.Enqueue(new RecordedCall(http.Request.Path, http.Request.Headers.Authorization.ToString(), http.Request.ContentType, body ?? [], status, DateTimeOffset.UtcNow));
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(reply);
    }

    private (int Status, JsonObject Reply) Outcome(string key, HttpContext http, Func<JsonObject> success)
    {
        if (_failures.TryGetValue(key, out var queue) && queue.TryDequeue(out var failure))
        {
            switch (failure)
            {
                case RateLimited r:
                    http.Response.Headers.RetryAfter = r.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return (429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
                case ServerError:
                    return (500, new JsonObject { ["ok"] = false, ["error"] = "internal_error" });
                case NotOk n:
                    return (200, new JsonObject { ["ok"] = false, ["error"] = n.Error });
            }
        }
        return (200, success());
    }

    private string NextTs()
    {
        var n = Interlocked.Increment(ref _ts);
        return $"{n / 1_000_000}.{n % 1_000_000:000000}";
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpContext http)
    {
        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
