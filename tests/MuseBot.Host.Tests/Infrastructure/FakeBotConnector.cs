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

namespace MuseBot.Host.Tests.Infrastructure;

/// <summary>
/// Stands in for the Bot Connector service on 127.0.0.1: accepts the bot's replies the way the real one does
/// (POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}], answering {"id": ...}) and records them.
/// A conversation can be made to fail its next calls with an HTTP status (recorded as attempts, not as received).
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, JsonObject Activity)> _received = new();
    private readonly ConcurrentQueue<(string ConversationId, int Status)> _attempts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _failures = new();
    private int _nextId;

    private FakeBotConnector(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    public IReadOnlyList<(string Path, JsonObject Activity)> Received => _received.ToList();

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeBotConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (HttpContext context, string conversationId) =>
        {
            var activity = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            if (connector._failures.TryGetValue(conversationId, out var failures) && failures.TryDequeue(out var status))
            {
                connector._attempts.Enqueue((conversationId, status));
                return Results.Json(new { error = new { code = "ServiceError", message = "failing as the test asked" } }, statusCode: status);
            }
            connector._attempts.Enqueue((conversationId, 200));
            connector._received.Enqueue((context.Request.Path.Value!, activity));
            return Results.Json(new { id = $"reply-{Interlocked.Increment(ref connector._nextId)}" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>The next calls for <paramref name="conversationId"/> are answered with these statuses, in order.</summary>
    public void FailNext(string conversationId, params int[] statuses)
    {
        var queue = _failures.GetOrAdd(conversationId, _ => new());
        foreach (var s in statuses) queue.Enqueue(s);
    }

    /// <summary>Every call made for a conversation, failed ones included, with the status it got.</summary>
    public IReadOnlyList<int> AttemptsFor(string conversationId) => _attempts.Where(a => a.ConversationId == conversationId).Select(a => a.Status).ToList();

    /// <summary>Waits (bounded) until at least <paramref name="count"/> activities matching the filter arrived.</summary>
    public async Task<List<JsonObject>> WaitForAsync(Func<JsonObject, bool> filter, int count = 1, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var matching = _received.Select(r => r.Activity).Where(filter).ToList();
            if (matching.Count >= count || DateTime.UtcNow > until) return matching;
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
