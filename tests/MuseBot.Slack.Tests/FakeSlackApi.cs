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

    /// <summary>The channel of an assistant.threads.* call.</summary>
    public string? ChannelId => Body["channel_id"]?.GetValue<string>();
    public string? StatusText => Body["status"]?.GetValue<string>();
    public string? Title => Body["title"]?.GetValue<string>();
    public string Method => Path.StartsWith("/api/", StringComparison.Ordinal) ? Path["/api/".Length..] : Path;
    public string? ThreadTs => Body["thread_ts"]?.GetValue<string>();
    public string? Text => Body["text"]?.GetValue<string>();
    public JsonArray Blocks => Body["blocks"] as JsonArray ?? [];
}

/// <summary>How the fake answers the next call for a channel (or response_url id) instead of "ok".</summary>
public abstract record FakeFailure;
public sealed record RateLimited(int RetryAfterSeconds) : FakeFailure;
public sealed record ServerError : FakeFailure;
public sealed record NotOk(string Error) : FakeFailure;

/// <summary>What the fake's oauth.v2.access hands out for one authorization code.</summary>
public sealed record FakeInstall(string TeamId, string TeamName, string BotToken, string BotUserId, string InstallerUserId, string? EnterpriseId = null);

/// <summary>
/// Slack's Web API on 127.0.0.1, in its wire format: POST /api/chat.postMessage with a bearer token and a JSON body
/// answers {"ok":true,"channel","ts","message"} or {"ok":false,"error"}; 429 comes with Retry-After. Response URLs
/// live at POST /response/{id} and answer {"ok":true}. The agent surface's assistant.threads.setSuggestedPrompts /
/// setStatus / setTitle take a bearer token and JSON; oauth.v2.access takes a form with client_id, client_secret,
/// code and redirect_uri, and hands out the installation registered for that code, once. A revoked token gets
/// {"ok":false,"error":"invalid_auth"} from every method. Every call is recorded.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<(string? Channel, string? Authorization, DateTimeOffset At)> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeFailure>> _failures = new();
    private long _ts = 1_700_000_000_000_000;

    private FakeSlackApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The Web API base the bot is configured with ("http://127.0.0.1:port/api/").</summary>
    public Uri ApiBaseUrl => new(BaseUrl, "/api/");

    public Uri ResponseUrl(string id) => new(BaseUrl, $"/response/{id}");

    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    /// <summary>Every chat.postMessage as it arrived, before its latency: also those whose caller died waiting.</summary>
    public IReadOnlyList<(string? Channel, string? Authorization, DateTimeOffset At)> Received => _received.ToArray();

    /// <summary>While true, every chat.postMessage gets 503 (Slack down): nothing is posted.</summary>
    public bool Unavailable { get; set; }

    /// <summary>How long each chat.postMessage takes before it is answered (and posted).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The app credentials oauth.v2.access accepts.</summary>
    public const string ClientId = "1111.2222";
    public const string ClientSecret = "fake-client-secret";

    private readonly ConcurrentDictionary<string, FakeInstall> _codes = new();
    private readonly ConcurrentDictionary<string, bool> _revoked = new();

    /// <summary>The next oauth.v2.access with <paramref name="code"/> installs <paramref name="install"/> (once).</summary>
    public void AddInstallCode(string code, FakeInstall install) => _codes[code] = install;

    /// <summary>From now on every call with <paramref name="token"/> gets invalid_auth.</summary>
    public void RevokeToken(string token) => _revoked[token] = true;

    private bool IsRevoked(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.Ordinal) && _revoked.ContainsKey(authorization["Bearer ".Length..]);

    /// <summary>The calls to one Web API method ("assistant.threads.setStatus").</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string method) => Calls.Where(c => c.Path == "/api/" + method).ToList();

    /// <summary>Bot tokens granted without assistant:write (X-OAuth-Scopes says so, as Slack does, and the assistant
    /// methods answer missing_scope); every other token has it.</summary>
    public ConcurrentDictionary<string, bool> TokensWithoutAssistantScope { get; } = new(StringComparer.Ordinal);

    /// <summary>assistant.threads.setStatus calls, answered or refused.</summary>
    public IReadOnlyList<RecordedCall> StatusCalls => CallsTo("assistant.threads.setStatus");

    private bool LacksAssistantScope(string authorization) =>
        TokensWithoutAssistantScope.ContainsKey(authorization.Replace("Bearer ", "", StringComparison.Ordinal));

    private void WriteScopes(HttpContext http) =>
        http.Response.Headers["X-OAuth-Scopes"] = LacksAssistantScope(http.Request.Headers.Authorization.ToString())
            ? "app_mentions:read,chat:write,im:history"
            : "app_mentions:read,assistant:write,chat:write,im:history";

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
        app.MapPost("/response/{id}", fake.ResponseUrlAsync);
        app.MapPost("/api/assistant.threads.{op}", fake.AssistantAsync);
        app.MapPost("/api/oauth.v2.access", fake.OAuthAccessAsync);
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
        _received.Enqueue((body?["channel"]?.GetValue<string>(), http.Request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow));
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, http.RequestAborted);
        var auth = http.Request.Headers.Authorization.ToString();
        var channel = body?["channel"]?.GetValue<string>() ?? "";
        int status;
        JsonObject reply;
        if (body is null) { status = 200; reply = new() { ["ok"] = false, ["error"] = "invalid_json" }; }
        else if (!auth.StartsWith("Bearer ", StringComparison.Ordinal)) { status = 200; reply = new() { ["ok"] = false, ["error"] = "not_authed" }; }
        else if (IsRevoked(auth)) { status = 200; reply = new() { ["ok"] = false, ["error"] = "invalid_auth" }; }
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

    private async Task AssistantAsync(HttpContext http, string op)
    {
        var body = await ReadJsonAsync(http);
        var auth = http.Request.Headers.Authorization.ToString();
        JsonObject reply;
        if (op is not ("setSuggestedPrompts" or "setStatus" or "setTitle")) reply = new() { ["ok"] = false, ["error"] = "unknown_method" };
        else if (body is null) reply = new() { ["ok"] = false, ["error"] = "invalid_json" };
        else if (!auth.StartsWith("Bearer ", StringComparison.Ordinal)) reply = new() { ["ok"] = false, ["error"] = "not_authed" };
        else if (IsRevoked(auth)) reply = new() { ["ok"] = false, ["error"] = "invalid_auth" };
        else if (LacksAssistantScope(auth)) reply = new() { ["ok"] = false, ["error"] = "missing_scope", ["needed"] = "assistant:write" };
        else if (body["channel_id"]?.GetValue<string>() is not { Length: > 0 }) reply = new() { ["ok"] = false, ["error"] = "channel_not_found" };
        else if (op == "setSuggestedPrompts" && (body["prompts"] as JsonArray is not { Count: > 0 and <= 4 } prompts
                 || prompts.Any(p => p?["title"]?.GetValue<string>() is not { Length: > 0 } || p?["message"]?.GetValue<string>() is not { Length: > 0 })))
            reply = new() { ["ok"] = false, ["error"] = "invalid_arguments" };
        else if (op != "setSuggestedPrompts" && body["thread_ts"]?.GetValue<string>() is not { Length: > 0 }) reply = new() { ["ok"] = false, ["error"] = "invalid_arguments" };
        else reply = new() { ["ok"] = true };
        _calls.Enqueue(new RecordedCall(http.Request.Path, auth, http.Request.ContentType, body ?? [], 200, DateTimeOffset.UtcNow));
        WriteScopes(http);
        await http.Response.WriteAsJsonAsync(reply);
    }

    private async Task OAuthAccessAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        var body = new JsonObject();
        if (form is not null) foreach (var (k, v) in form) body[k] = v.ToString();
        string F(string name) => body[name]?.GetValue<string>() ?? "";
        JsonObject reply;
        if (form is null) reply = new() { ["ok"] = false, ["error"] = "invalid_form_data" };
        else if (F("client_id") != ClientId) reply = new() { ["ok"] = false, ["error"] = "invalid_client_id" };
        else if (F("client_secret") != ClientSecret) reply = new() { ["ok"] = false, ["error"] = "bad_client_secret" };
        else if (!_codes.TryRemove(F("code"), out var install)) reply = new() { ["ok"] = false, ["error"] = "invalid_code" };
        else reply = new()
        {
            ["ok"] = true,
            ["access_token"] = install.BotToken,
            ["token_type"] = "bot",
            ["scope"] = "app_mentions:read,assistant:write,chat:write,commands,im:history",
            ["bot_user_id"] = install.BotUserId,
            ["app_id"] = "A0MUSEBOT",
            ["team"] = new JsonObject { ["name"] = install.TeamName, ["id"] = install.TeamId },
            ["enterprise"] = install.EnterpriseId is null ? null : new JsonObject { ["name"] = "Org", ["id"] = install.EnterpriseId },
            ["is_enterprise_install"] = false,
            ["authed_user"] = new JsonObject { ["id"] = install.InstallerUserId },
        };
        _calls.Enqueue(new RecordedCall(http.Request.Path, http.Request.Headers.Authorization.ToString(), http.Request.ContentType, body, 200, DateTimeOffset.UtcNow));
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
