using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using MuseBot.Host.Hosting;
using MuseBot.Contracts;

namespace MuseBot.Host.Teams;

/// <summary>
/// POST /api/messages: refuses what the SDK should never see (not application/json: 415, so a web page cannot post
/// here without a CORS preflight; over 256 KB: 413; not an activity: 400), then hands the activity to the adapter.
/// Every token failure is a 401 with one log line (see <see cref="ChannelAuthentication"/>).
/// </summary>
public static class BotMessageEndpoint
{
    public static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, ILogger logger)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "The body must be a Bot Framework activity sent as application/json.");
            return;
        }
        var limit = HostingSetup.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"Request body over {limit / 1024} KB.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        var body = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"Request body over {limit / 1024} KB.");
            return;
        }
        if (body.Length > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"Request body over {limit / 1024} KB.");
            return;
        }
        var shapeProblem = ActivityShapeProblem(body.GetBuffer().AsMemory(0, (int)body.Length));
        if (shapeProblem is not null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, shapeProblem);
            return;
        }

        body.Position = 0;
        request.Body = body;
        try
        {
            await adapter.ProcessAsync(request, context.Response, bot, context.RequestAborted);
        }
        catch (ChannelAuthenticationException e)
        {
            logger.LogWarning("Refused a request to {Route} from {Remote}: {Reason}", request.Path.Value, context.Connection.RemoteIpAddress, e.Message);
            MuseBotTelemetry.RecordAuthFailure("botframework", e.Message.Contains("signing keys", StringComparison.Ordinal) ? "KeysUnavailable" : "InvalidToken");
            if (!context.Response.HasStarted)
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized.");
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            // A field the SDK cannot read ("timestamp": "soon"): the sender's mistake, not ours.
            logger.LogWarning("Refused an activity the SDK could not read: {Reason}", e.Message);
            if (!context.Response.HasStarted)
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "The activity could not be read as a Bot Framework activity.");
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Failures outside a turn (OnTurnError covers those inside): log them, tell the caller nothing more.
            logger.LogError(e, "Could not process an activity");
            if (!context.Response.HasStarted)
                await RefuseAsync(context, StatusCodes.Status500InternalServerError, "The bot could not process this activity.");
        }
    }

    /// <summary>What the SDK needs before it can even start a turn; null when the activity has it.</summary>
    public static string? ActivityShapeProblem(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return "The body must be a Bot Framework activity (a JSON object).";
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString()!.Length == 0)
                return "The activity has no \"type\".";
            if (!root.TryGetProperty("serviceUrl", out var serviceUrl) || serviceUrl.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(serviceUrl.GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return "The activity has no valid \"serviceUrl\".";
            if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object
                || !conversation.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                return "The activity has no \"conversation.id\".";
            return null;
        }
        catch (JsonException)
        {
            return "The body is not valid JSON.";
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
