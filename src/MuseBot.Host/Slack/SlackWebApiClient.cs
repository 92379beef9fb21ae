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

/// <summary>
/// The two Slack calls the bot makes: chat.postMessage (Web API, bot token of the workspace) and a POST to a
/// response_url (slash commands, button clicks). 429 (honouring Retry-After) and 5xx are retried with backoff;
/// an "ok": false is logged with Slack's error code and not retried (retrying would not change it).
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

    /// <summary>
    /// assistant.threads.setStatus: "is searching the note…" under the thread while the answer is worked on (Slack
    /// clears it when the reply is posted). Only for a bot token with the assistant:write scope: a token known to lack
    /// it is not tried, and a missing_scope answer marks it so. Best effort: one attempt, no retries, never an error.
    /// </summary>
    public async Task<bool> SetAssistantStatusAsync(string botToken, string channel, string threadTs, string status, CancellationToken ct)
    {
        if (_assistantScope.TryGetValue(botToken, out var has) && !has) return false;
        var payload = new JsonObject { ["channel_id"] = channel, ["thread_ts"] = threadTs, ["status"] = status };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.CurrentValue.ApiBaseUri, "assistant.threads.setStatus"))
            {
                Content = new StringContent(payload.ToJsonString(), Encoding.UTF8) { Headers = { ContentType = JsonUtf8 } },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", botToken);
            using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            LearnScopes(botToken, response);
            var result = ParseResult(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            if (!result.Ok && result.Error is "missing_scope" or "not_allowed_token_type") _assistantScope[botToken] = false;
            if (!result.Ok) _log.LogDebug("Slack assistant.threads.setStatus: {Error}", result.Error);
            return result.Ok;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _log.LogDebug("Slack assistant.threads.setStatus failed: {Error}", e.Message);
            return false;
        }
    }

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

    private async Task<SlackApiResult> SendAsync(string what, Uri url, string? botToken, JsonObject payload, CancellationToken ct)
    {
        var json = payload.ToJsonString();
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(async token =>
            {
                // A new request per attempt: a sent HttpRequestMessage cannot be sent again.
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(json, Encoding.UTF8) { Headers = { ContentType = JsonUtf8 } },
                };
                if (botToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", botToken);
                return await _http.SendAsync(request, token).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _log.LogError("Slack {Call} failed after retries: {Error}", what, e.Message);
            return new SlackApiResult(false, "unreachable", Transient: true);
        }

        using (response)
        {
            LearnScopes(botToken, response);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                _log.LogError("Slack {Call} answered HTTP {Status} after retries", what, (int)response.StatusCode);
                var status = (int)response.StatusCode;
                return new SlackApiResult(false, $"http_{status}", Transient: status is 408 or 429 or >= 500);
            }
            var result = ParseResult(body);
            if (!result.Ok)
                _log.LogError("Slack {Call} returned ok=false, error {Error}", what, result.Error);
            return result;
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
