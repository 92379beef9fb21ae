using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MuseBot.Contracts;
using MuseBot.Core.Feedback;

namespace MuseBot.Host.Slack;

/// <summary>
/// The three URLs Slack calls. Each one reads the raw body, verifies Slack's signature before anything else (401
/// otherwise), takes the work on, and answers at once: the answering happens after the 200, in
/// <see cref="SlackReplyWorker"/>, because Slack retries anything slower than 3 seconds.
/// </summary>
public static class SlackEndpoints
{
    public const string EventsPath = "/api/slack/events";
    public const string CommandsPath = "/api/slack/commands";
    public const string InteractionsPath = "/api/slack/interactions";

    // Slack's payloads are a few KB; anything this large is not from Slack.
    private const int MaxBodyBytes = 256 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(EventsPath, (Func<HttpContext, Task<IResult>>)HandleEventsAsync);
        app.MapPost(CommandsPath, (Func<HttpContext, Task<IResult>>)HandleCommandAsync);
        app.MapPost(InteractionsPath, (Func<HttpContext, Task<IResult>>)HandleInteractionAsync);
    }

    private sealed record VerifiedBody(byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>The raw body when the request is Slack's; otherwise the status to answer (404 when Slack is off).</summary>
    private static async Task<(VerifiedBody? Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (!services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.Enabled)
            return (null, Results.NotFound());
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);

        if (http.Request.ContentLength > MaxBodyBytes) return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();

        var verdict = services.GetRequiredService<SlackRequestVerifier>().Verify(
            http.Request.Headers[SlackRequestVerifier.TimestampHeader].ToString(),
            http.Request.Headers[SlackRequestVerifier.SignatureHeader].ToString(),
            bytes);
        if (verdict != SlackVerification.Valid)
        {
            log.LogWarning("Refused a request to {Path}: {Verdict} (from {Remote})", http.Request.Path.Value, verdict, http.Connection.RemoteIpAddress);
            return (null, Results.Unauthorized());
        }
        return (new VerifiedBody(bytes), null);
    }

    private static async Task<IResult> HandleEventsAsync(HttpContext http)
    {
        var (body, refusal) = await ReadVerifiedAsync(http);
        if (body is null) return refusal!;
        var services = http.RequestServices;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);

        SlackEnvelope envelope;
        try
        {
            envelope = SlackEnvelope.Parse(body.Bytes);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "The body is not the JSON of a Slack event." });
        }

        switch (envelope.Type)
        {
            case "url_verification":
                return envelope.Challenge is { } challenge ? Results.Json(new { challenge }) : Results.BadRequest(new { error = "No challenge." });
            case "event_callback":
                break;
            default:
                return Results.Ok();   // app_rate_limited and future types: nothing to do
        }

        var retry = http.Request.Headers["X-Slack-Retry-Num"].ToString();
        var question = envelope.ToQuestion(out var ignoredBecause);
        if (question is null)
        {
            log.LogDebug("Ignored Slack event {EventId}: {Reason}", envelope.EventId, ignoredBecause);
            return Results.Ok();
        }

        // The same event may come again (Slack's retries) and the same message may come as two events
        // (app_mention + message.im): answer it once.
        var keys = new List<string> { $"msg:{question.TeamId}/{question.Channel}/{envelope.MessageTs}" };
        if (envelope.EventId is { Length: > 0 } id) keys.Add("event:" + id);
        var dedup = services.GetRequiredService<SlackEventDeduplicator>();
        if (!dedup.TryBegin([.. keys]))
        {
            log.LogInformation("Slack event {EventId} already taken on (retry {Retry}); not answering again", envelope.EventId, retry.Length > 0 ? retry : "none");
            return Results.Ok();
        }
        if (!services.GetRequiredService<SlackReplyQueue>().TryEnqueue(question))
        {
            dedup.Forget([.. keys]);
            log.LogWarning("Slack reply queue full: asking Slack to retry event {EventId}", envelope.EventId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return Results.Ok();
    }

    private static async Task<IResult> HandleCommandAsync(HttpContext http)
    {
        var (body, refusal) = await ReadVerifiedAsync(http);
        if (body is null) return refusal!;
        var form = QueryHelpers.ParseQuery(body.Text);
        string Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : "";

        if (Field("ssl_check") == "1") return Results.Ok();
        if (!Uri.TryCreate(Field("response_url"), UriKind.Absolute, out var responseUrl)
            || (responseUrl.Scheme != Uri.UriSchemeHttps && responseUrl.Scheme != Uri.UriSchemeHttp))
            return Results.BadRequest(new { error = "The slash command has no usable response_url." });

        // "/musebot public <question>" answers in the channel; everything else only to the asker.
        var text = SlackText.ToPlainQuestion(Field("text"));
        bool inChannel = false;
        if (text.Equals("public", StringComparison.OrdinalIgnoreCase) || text.StartsWith("public ", StringComparison.OrdinalIgnoreCase))
        {
            inChannel = true;
            text = text["public".Length..].Trim();
        }

        var work = new SlackSlashQuestion(Field("team_id"), Field("channel_id"), Field("user_id"), text, responseUrl, inChannel);
        if (!http.RequestServices.GetRequiredService<SlackReplyQueue>().TryEnqueue(work))
            return Results.Text("MuseBot is busy right now: please try again in a minute.", "text/plain");
        // An empty 200: Slack shows nothing now, the answer follows through the response_url.
        return Results.Ok();
    }

    private static async Task<IResult> HandleInteractionAsync(HttpContext http)
    {
        var (body, refusal) = await ReadVerifiedAsync(http);
        if (body is null) return refusal!;
        var services = http.RequestServices;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);

        var form = QueryHelpers.ParseQuery(body.Text);
        if (!form.TryGetValue("payload", out var payloadJson))
            return Results.BadRequest(new { error = "No payload." });
        SlackClick? click;
        try
        {
            click = SlackClick.Parse(payloadJson.ToString());
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "The payload is not JSON." });
        }
        if (click is null) return Results.Ok();   // not one of our buttons

        var value = SlackBlockKitRenderer.DecodeFeedbackValue(click.Value);
        if (value is null)
        {
            log.LogWarning("A Slack feedback click carried an unreadable value");
            return Results.Ok();
        }

        // Recorded before the 200 (a single SQLite insert, milliseconds): a click Slack saw acknowledged is on disk.
        var time = services.GetRequiredService<TimeProvider>();
        var record = new FeedbackRecord(SlackResponder.ChannelName, value.Question, click.Helpful, value.Citations,
            FeedbackUserHash.Of(SlackResponder.ChannelName, click.TeamId, click.UserId), time.GetUtcNow());
        try
        {
            await services.GetRequiredService<IFeedbackStore>().RecordFeedbackAsync(record, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not record Slack feedback");
            return Results.Problem("The feedback could not be recorded.", statusCode: StatusCodes.Status500InternalServerError);
        }

        if (click.ResponseUrl is { } url)
            services.GetRequiredService<SlackReplyQueue>().TryEnqueue(new SlackFeedbackThanks(url, click.Helpful));
        return Results.Ok();
    }
}
