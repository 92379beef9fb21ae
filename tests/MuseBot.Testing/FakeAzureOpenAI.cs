using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MuseBot.Testing;

/// <summary>A chat completions request as the fake server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public JsonArray Messages => Json["messages"]!.AsArray();

    public string ContentOf(string role) =>
        string.Join("\n", Messages.Where(m => (string?)m!["role"] == role).Select(m => MessageText(m!)));

    public static string MessageText(JsonNode message) => message["content"] switch
    {
        JsonValue v => (string?)v ?? "",
        JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"] ?? "")),
        _ => "",
    };

    /// <summary>Passage ids in the user message and tool results, as "[p7.3] §7 …" lines.</summary>
    public IReadOnlyList<string> PassageIds =>
        Regex.Matches(ContentOf("user") + "\n" + ContentOf("tool"), @"^\[([^\]\s]+)\] ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
}

/// <summary>
/// Stands in for Azure OpenAI on 127.0.0.1 (real Kestrel), speaking its wire format:
/// POST /openai/deployments/{deployment}/chat/completions?api-version=..., the api-key header, chat.completion JSON
/// with choices/message/content, tool_calls and usage, and Azure's error bodies. Replies are scripted per request.
/// </summary>
public sealed partial class FakeAzureOpenAI : IAsyncDisposable
{
    public const string Deployment = "gpt-test";
    public const string ApiKey = "test-key-7f3a9c1e-do-not-leak";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeAzureOpenAI(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    /// <summary>Points a host's settings at this fake: the AzureOpenAI section a real deployment would set.</summary>
    public void ConfigureHost(IDictionary<string, string?> settings)
    {
        settings["AzureOpenAI:Endpoint"] = Endpoint;
        settings["AzureOpenAI:Deployment"] = Deployment;
        settings["AzureOpenAI:ApiKey"] = ApiKey;
    }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<FakeAzureOpenAI> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAzureOpenAI(app);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Endpoint = address.TrimEnd('/') + "/";
        return fake;
    }

    /// <summary>Queues the handler for the next request; requests beyond the script get a 500.</summary>
    public FakeAzureOpenAI Then(Func<RecordedRequest, HttpContext, Task> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public FakeAzureOpenAI ThenReply(Func<RecordedRequest, string> content, int promptTokens = 321, int completionTokens = 45) =>
        Then((req, ctx) => WriteCompletion(ctx, content(req), null, promptTokens, completionTokens));

    public FakeAzureOpenAI ThenReply(string content, int promptTokens = 321, int completionTokens = 45) => ThenReply(_ => content, promptTokens, completionTokens);

    public FakeAzureOpenAI ThenToolCall(string query, int promptTokens = 300, int completionTokens = 20) =>
        Then((req, ctx) =>
        {
            // call the tool by the name the request advertised, as a model does
            var name = (string)req.Json["tools"]!.AsArray()[0]!["function"]!["name"]!;
            var call = new JsonObject
            {
                ["id"] = "call_" + Guid.NewGuid().ToString("N")[..12],
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = name, ["arguments"] = JsonSerializer.Serialize(new { query }) },
            };
            return WriteCompletion(ctx, null, new JsonArray(call), promptTokens, completionTokens);
        });

    public FakeAzureOpenAI ThenError(HttpStatusCode status, string code, string message, int? retryAfterSeconds = null) =>
        Then(async (_, ctx) =>
        {
            ctx.Response.StatusCode = (int)status;
            if (retryAfterSeconds is { } s) ctx.Response.Headers["Retry-After"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message, status = (int)status } }));
        });

    public FakeAzureOpenAI ThenDelay(TimeSpan delay, string content) =>
        Then(async (req, ctx) =>
        {
            try { await Task.Delay(delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; }
            await WriteCompletion(ctx, content, null, 1, 1);
        });

    /// <summary>A model that takes <paramref name="delay"/> to reply <paramref name="content"/> (from the request).</summary>
    public FakeAzureOpenAI ThenReplyAfter(TimeSpan delay, Func<RecordedRequest, string> content) =>
        Then(async (req, ctx) =>
        {
            try { await Task.Delay(delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; }
            await WriteCompletion(ctx, content(req), null, 1900, 40);
        });

    /// <summary>Passages as the bot rendered them into a request: id → quote.</summary>
    public static IReadOnlyDictionary<string, string> PassagesIn(RecordedRequest request) =>
        OracleReader.Passages(request.ContentOf("user") + "\n\n" + request.ContentOf("tool")).ToDictionary(p => p.Id, p => p.Citation.Quote);

    public FakeAzureOpenAI ThenFinish(string finishReason, string? content) =>
        Then((_, ctx) => WriteCompletion(ctx, content, null, 10, 0, finishReason));

    /// <summary>
    /// When set, a request with no scripted reply left is answered by this perfect reader instead of a 500: it
    /// knows the gold answers, and answers only from the passages in the request.
    /// </summary>
    public OracleReader? Oracle { get; set; }

    /// <summary>How long the oracle takes, from the prompt and completion tokens (zero when unset).</summary>
    public Func<int, int, TimeSpan>? OracleLatency { get; set; }

    /// <summary>
    /// A realistic latency for a GPT-4o-class deployment: about 450 ms to the first token, 0.1 ms per prompt
    /// token, 15 ms per completion token (≈ 65 tokens/s).
    /// </summary>
    public static TimeSpan RealisticLatency(int promptTokens, int completionTokens) =>
        TimeSpan.FromMilliseconds(450 + 0.1 * promptTokens + 15 * completionTokens);

    private async Task AnswerAsOracleAsync(RecordedRequest request, HttpContext ctx)
    {
        var prompt = string.Concat(request.Messages.Select(m => RecordedRequest.MessageText(m!))) + (request.Json["tools"]?.ToJsonString() ?? "");
        var reply = Oracle!.Reply(request);
        int promptTokens = MuseBot.Evaluation.ContextRecall.EstimateTokens(prompt), completionTokens = MuseBot.Evaluation.ContextRecall.EstimateTokens(reply);
        if (OracleLatency?.Invoke(promptTokens, completionTokens) is { } delay && delay > TimeSpan.Zero)
        {
            try { await Task.Delay(delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        await WriteCompletion(ctx, reply, null, promptTokens, completionTokens);
    }

    private async Task HandleAsync(HttpContext ctx, string deployment)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "",
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body);
        _requests.Enqueue(recorded);

        if (ctx.Request.Headers["api-key"] != ApiKey)
        {
            await Error(ctx, 401, "401", "Access denied due to invalid subscription key or wrong API endpoint.");
            return;
        }
        if (deployment != Deployment)
        {
            await Error(ctx, 404, "DeploymentNotFound", "The API deployment for this resource does not exist.");
            return;
        }
        if (string.IsNullOrEmpty(ctx.Request.Query["api-version"]))
        {
            await Error(ctx, 404, "404", "Resource not found");
            return;
        }
        if (!_script.TryDequeue(out var respond) && Oracle is not null)
        {
            await AnswerAsOracleAsync(recorded, ctx);
            return;
        }
        if (respond is null)
        {
            await Error(ctx, 500, "InternalServerError", "The fake has no scripted reply left.");
            return;
        }
        await respond(recorded, ctx);
    }

    private static Task Error(HttpContext ctx, int status, string code, string message)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    private static Task WriteCompletion(HttpContext ctx, string? content, JsonArray? toolCalls, int promptTokens, int completionTokens, string? finishReason = null)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (toolCalls is not null) message["tool_calls"] = toolCalls;
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..16],
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "gpt-4o-2024-11-20",
            ["system_fingerprint"] = "fp_test",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["finish_reason"] = finishReason ?? (toolCalls is null ? "stop" : "tool_calls"),
                ["message"] = message,
                ["logprobs"] = null,
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(response.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Collects log lines so tests can check what was logged.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this);

    public void Dispose() { }

    private sealed class ListLogger(ListLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
