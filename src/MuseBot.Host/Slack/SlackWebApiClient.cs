using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace MuseBot.Host.Slack;

/// <summary>What Slack said to a call: ok, or the error code from its "error" field (or the HTTP status).</summary>
/// <param name="Transient">Slack could not be reached, was rate limiting or failing: the same call may work later.</param>
public sealed record SlackApiResult(bool Ok, string? Error = null, string? Ts = null, bool Transient = false);

/// <summary>What oauth.v2.access answered: the installation on success, else Slack's error code.</summary>
public sealed record SlackOAuthAccess(bool Ok, string? Error, string? AccessToken = null, string? Scope = null, string? BotUserId = null,
    string? AppId = null, string? TeamId = null, string? TeamName = null, string? EnterpriseId = null, bool IsEnterpriseInstall = false,
    string? InstallerUserId = null);

/// <summary>
/// Every Slack Web API call the bot makes, in one place: chat.postMessage (bot token of the workspace), a POST to a
/// response_url (slash commands, button clicks), the agent surface's assistant.threads.setSuggestedPrompts /
/// setStatus / setTitle, and oauth.v2.access for installs. 429 (honouring Retry-After) and 5xx are retried with
/// backoff, except for the cosmetic status and title calls, which are tried once; an "ok": false is logged with
/// Slack's error code and not retried (retrying would not change it).
/// </summary>
public sealed class SlackWebApiClient
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly HttpClient _http;
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly ILogger<SlackWebApiClient> _log;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public SlackWebApiClient(HttpClient http, IOptionsMonitor<SlackOptions> options, ILogger<SlackWebApiClient> log, TimeProvider time)
    {
        _http = http;
        _options = options;
        _log = log;
        var o = options.CurrentValue;
        var maxDelay = TimeSpan.FromSeconds(o.MaxRetryDelaySeconds);
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Clamp(o.MaxRetries, 1, 10),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result: { } r } => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500,
                    { Exception: HttpRequestException } => true,
                    // HttpClient's own timeout, not the caller giving up.
                    { Exception: TaskCanceledException { InnerException: TimeoutException } } => true,
                    _ => false,
                }),
                // Slack says how long to wait on 429; use it (bounded) instead of guessing.
                DelayGenerator = args =>
                {
                    var retryAfter = args.Outcome.Result?.Headers.RetryAfter;
                    TimeSpan? wait = retryAfter?.Delta ?? (retryAfter?.Date is { } at ? at - time.GetUtcNow() : null);
                    return ValueTask.FromResult(wait is { } w ? (TimeSpan?)TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, maxDelay.Ticks)) : null);
                },
                OnRetry = args =>
                {
                    _log.LogWarning("Slack call failed ({Status}); retry {Attempt} in {Delay} ms",
                        args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>chat.postMessage in <paramref name="channel"/>, in the thread <paramref name="threadTs"/> when given.</summary>
    public async Task<SlackApiResult> PostMessageAsync(string botToken, string channel, string? threadTs, SlackMessage message, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["channel"] = channel,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };
        if (!string.IsNullOrEmpty(threadTs)) payload["thread_ts"] = threadTs;
        var url = new Uri(_options.CurrentValue.ApiBaseUri, "chat.postMessage");
        return await SendAsync("chat.postMessage", url, botToken, payload, ct).ConfigureAwait(false);
    }

    /// <summary>Per bot token: whether it has Slack's assistant:write scope (learnt from X-OAuth-Scopes or a missing_scope).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _assistantScope = new(StringComparer.Ordinal);

    public const string AssistantScope = "assistant:write";

    /// <summary>Slack lists a token's scopes in X-OAuth-Scopes on its Web API responses.</summary>
    private void LearnScopes(string? botToken, HttpResponseMessage response)
    {
        if (botToken is null || !response.Headers.TryGetValues("X-OAuth-Scopes", out var values)) return;
        _assistantScope[botToken] = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Contains(AssistantScope, StringComparer.Ordinal);
    }

    /// <summary>A reply through a slash command's or a click's response_url (ephemeral unless <paramref name="inChannel"/>).</summary>
    public async Task<SlackApiResult> PostToResponseUrlAsync(Uri responseUrl, SlackMessage message, bool inChannel, bool replaceOriginal, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["response_type"] = inChannel ? "in_channel" : "ephemeral",
            ["replace_original"] = replaceOriginal,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
        };
        return await SendAsync("response_url", responseUrl, null, payload, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// assistant.threads.setSuggestedPrompts: up to 4 prompts (Slack's limit) in the app's DM. Without
    /// <paramref name="threadTs"/> (the Agent messaging experience, agent_view) they are pinned to the Messages tab;
    /// with it (the older assistant_view threads) they belong to that thread.
    /// </summary>
    public Task<SlackApiResult> SetSuggestedPromptsAsync(string botToken, string channel, string? threadTs, string? title,
        IEnumerable<(string Title, string Message)> prompts, CancellationToken ct)
    {
        var list = new JsonArray();
        foreach (var (t, m) in prompts.Take(4)) list.Add(new JsonObject { ["title"] = t, ["message"] = m });
        var payload = new JsonObject { ["channel_id"] = channel, ["prompts"] = list };
        if (!string.IsNullOrEmpty(title)) payload["title"] = title;
        if (!string.IsNullOrEmpty(threadTs)) payload["thread_ts"] = threadTs;
        return CallAsync("assistant.threads.setSuggestedPrompts", botToken, payload, retry: true, ct);
    }

    /// <summary>assistant.threads.setStatus: the line under the thread while the bot works ("is searching the note…");
    /// an empty <paramref name="status"/> clears it. Cosmetic: tried once, never holds the answer back.</summary>
    public async Task<SlackApiResult> SetStatusAsync(string botToken, string channel, string threadTs, string status, CancellationToken ct,
        IReadOnlyList<string>? loadingMessages = null)
    {
        // a token known to lack assistant:write (from X-OAuth-Scopes or an earlier missing_scope) is not tried again
        if (_assistantScope.TryGetValue(botToken, out var has) && !has) return new SlackApiResult(false, "missing_scope");
        var payload = new JsonObject { ["channel_id"] = channel, ["thread_ts"] = threadTs, ["status"] = status };
        if (loadingMessages is { Count: > 0 }) payload["loading_messages"] = new JsonArray(loadingMessages.Take(10).Select(m => (JsonNode)JsonValue.Create(m)!).ToArray());
        var result = await CallAsync("assistant.threads.setStatus", botToken, payload, retry: false, ct).ConfigureAwait(false);
        if (result.Error is "missing_scope" or "not_allowed_token_type") _assistantScope[botToken] = false;
        return result;
    }

    /// <summary>assistant.threads.setTitle: the thread's title in the app's history. Cosmetic: tried once.</summary>
    public Task<SlackApiResult> SetTitleAsync(string botToken, string channel, string threadTs, string title, CancellationToken ct) =>
        CallAsync("assistant.threads.setTitle", botToken, new JsonObject { ["channel_id"] = channel, ["thread_ts"] = threadTs, ["title"] = title }, retry: false, ct);

    /// <summary>oauth.v2.access: exchanges an install's code for the workspace's bot token (client id and secret in
    /// the form, as Slack documents). Retried on 429/5xx like any call; a code works once, so Slack's "ok": false is final.</summary>
    public async Task<SlackOAuthAccess> OAuthV2AccessAsync(string clientId, string clientSecret, string code, string redirectUri, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = clientId, ["client_secret"] = clientSecret, ["code"] = code, ["redirect_uri"] = redirectUri,
        };
        var url = new Uri(_options.CurrentValue.ApiBaseUri, "oauth.v2.access");
        var (result, body) = await SendCoreAsync("oauth.v2.access", url, null, () => new FormUrlEncodedContent(form), retry: true, ct).ConfigureAwait(false);
        if (!result.Ok || body is null) return new SlackOAuthAccess(false, result.Error ?? "unknown_error");
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            static string? Str(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            static JsonElement Obj(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
            var access = new SlackOAuthAccess(true, null, Str(root, "access_token"), Str(root, "scope"), Str(root, "bot_user_id"), Str(root, "app_id"),
                Str(Obj(root, "team"), "id"), Str(Obj(root, "team"), "name"), Str(Obj(root, "enterprise"), "id"),
                root.TryGetProperty("is_enterprise_install", out var ent) && ent.ValueKind == JsonValueKind.True, Str(Obj(root, "authed_user"), "id"));
            if (string.IsNullOrEmpty(access.AccessToken) || (access.TeamId is null && access.EnterpriseId is null))
                return new SlackOAuthAccess(false, "no_bot_token_in_response");
            return access;
        }
        catch (JsonException)
        {
            return new SlackOAuthAccess(false, "unexpected_response");
        }
    }

    /// <summary>A Web API method with a JSON body and the bot token as a bearer.</summary>
    private Task<SlackApiResult> CallAsync(string method, string botToken, JsonObject payload, bool retry, CancellationToken ct) =>
        SendAsync(method, new Uri(_options.CurrentValue.ApiBaseUri, method), botToken, payload, ct, retry);

    private async Task<SlackApiResult> SendAsync(string what, Uri url, string? botToken, JsonObject payload, CancellationToken ct, bool retry = true)
    {
        var json = payload.ToJsonString();
        return (await SendCoreAsync(what, url, botToken, () => new StringContent(json, Encoding.UTF8) { Headers = { ContentType = JsonUtf8 } }, retry, ct).ConfigureAwait(false)).Result;
    }

    private async Task<(SlackApiResult Result, string? Body)> SendCoreAsync(string what, Uri url, string? botToken, Func<HttpContent> content, bool retry, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            async ValueTask<HttpResponseMessage> Send(CancellationToken token)
            {
                // A new request per attempt: a sent HttpRequestMessage cannot be sent again.
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
                if (botToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", botToken);
                return await _http.SendAsync(request, token).ConfigureAwait(false);
            }
            response = retry ? await _retry.ExecuteAsync(Send, ct).ConfigureAwait(false) : await Send(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _log.LogError("Slack {Call} failed after retries: {Error}", what, e.Message);
            return (new SlackApiResult(false, "unreachable", Transient: true), null);
        }

        using (response)
        {
            LearnScopes(botToken, response);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                _log.LogError("Slack {Call} answered HTTP {Status} after retries", what, (int)response.StatusCode);
                var status = (int)response.StatusCode;
                return (new SlackApiResult(false, $"http_{status}", Transient: status is 408 or 429 or >= 500), null);
            }
            var result = ParseResult(body);
            if (!result.Ok)
                _log.LogError("Slack {Call} returned ok=false, error {Error}", what, result.Error);
            return (result, body);
        }
    }

    /// <summary>Slack's {"ok": …, "error": …, "ts": …}; a response_url may answer a bare "ok" instead.</summary>
    internal static SlackApiResult ParseResult(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.Length == 0 || trimmed.Equals("ok", StringComparison.OrdinalIgnoreCase)) return new SlackApiResult(true);
        try
        {
            using var doc = JsonDocument.Parse(trimmed);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new SlackApiResult(false, "unexpected_response");
            bool ok = root.TryGetProperty("ok", out var okEl) && okEl.ValueKind == JsonValueKind.True;
            string? error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            string? ts = root.TryGetProperty("ts", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new SlackApiResult(ok, ok ? null : error ?? "unknown_error", ts);
        }
        catch (JsonException)
        {
            return new SlackApiResult(false, "unexpected_response");
        }
    }
}
