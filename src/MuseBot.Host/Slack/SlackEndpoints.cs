using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MuseBot.Contracts;
using MuseBot.Core.Conversation;
using MuseBot.Core.Storage;

namespace MuseBot.Host.Slack;

/// <summary>
/// The three URLs Slack calls. Each one reads the raw body, verifies Slack's signature before anything else (401
/// otherwise), refuses a body that is not UTF-8 text or not the JSON/form it should be (400), writes the work to the
/// durable queue and only then answers 200: the answering happens after, in <see cref="SlackReplyWorker"/>, because
/// Slack retries anything slower than 3 seconds. A repeat (Slack's retry, the same message as two events, a signed
/// request replayed) is answered 200 and not done again. While the host shuts down, work is refused with 503 so
/// Slack retries it later.
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

    /// <param name="Text">The body as text (valid UTF-8).</param>
    /// <param name="ReplayKey">Names this exact signed request: the same body signed at the same time is a replay.</param>
    private sealed record VerifiedBody(string Text, string ReplayKey);

    /// <summary>The raw body when the request is Slack's; otherwise the status to answer (404 when Slack is off).</summary>
    private static async Task<(VerifiedBody? Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (!services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.Enabled)
            return (null, Results.NotFound());
        var log = Log(services);
        if (services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            http.Response.Headers.RetryAfter = "10";
            return (null, Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        }

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

        var signature = http.Request.Headers[SlackRequestVerifier.SignatureHeader].ToString();
        var verdict = services.GetRequiredService<SlackRequestVerifier>().Verify(
            http.Request.Headers[SlackRequestVerifier.TimestampHeader].ToString(), signature, bytes);
        if (verdict != SlackVerification.Valid)
        {
            log.LogWarning("Refused a request to {Path}: {Verdict} (from {Remote})", http.Request.Path.Value, verdict, http.Connection.RemoteIpAddress);
            MuseBotTelemetry.RecordAuthFailure(SlackResponder.ChannelName, verdict.ToString());
            return (null, Results.Unauthorized());
        }
        if (!Utf8.IsValid(bytes))
        {
            log.LogWarning("Refused a signed request to {Path}: the body is not valid UTF-8", http.Request.Path.Value);
            return (null, Results.BadRequest(new { error = "The body is not valid UTF-8." }));
        }
        // The signature covers the timestamp and the body, so it names this request exactly.
        return (new VerifiedBody(Encoding.UTF8.GetString(bytes), "slack:request:" + signature), null);
    }

    private static async Task<IResult> HandleEventsAsync(HttpContext http)
    {
        var (body, refusal) = await ReadVerifiedAsync(http);
        if (body is null) return refusal!;
        var services = http.RequestServices;
        var log = Log(services);

        SlackEnvelope envelope;
        try
        {
            envelope = SlackEnvelope.Parse(body.Text);
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
        if (envelope.IsContextChange)
        {
            // The user is looking at another channel: the bot answers about its note, whatever is in view.
            log.LogDebug("Slack event {EventId}: {Type} acknowledged and ignored (answers are about the note, not the channel in view)", envelope.EventId, envelope.EventType);
            return Results.Ok();
        }
        if (envelope.RemovesInstallation)
        {
            // A single delete, done before the 200: a workspace that uninstalled is never answered with its old token.
            var removed = await services.GetRequiredService<SlackTokens>().RemoveAsync(envelope.TeamId, envelope.EnterpriseId, envelope.IsEnterpriseInstall, http.RequestAborted);
            log.LogInformation("Slack workspace {Team}: {Type}; installation {Outcome}", envelope.TeamId, envelope.EventType, removed ? "deleted" : "not stored (nothing to delete)");
            return Results.Ok();
        }
        if (envelope.ToAgentOpened() is { } opened)
        {
            var openKeys = envelope.EventId is { Length: > 0 } openId ? new List<string> { "slack:event:" + openId } : [];
            return await services.GetRequiredService<IWorkQueue>().EnqueueAsync(opened.ToNewWork(openKeys), http.RequestAborted) == EnqueueOutcome.Full
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Ok();
        }

        var question = envelope.ToQuestion(out var ignoredBecause);
        if (question is null)
        {
            log.LogDebug("Ignored Slack event {EventId}: {Reason}", envelope.EventId, ignoredBecause);
            return Results.Ok();
        }

        // The same event may come again (Slack's retries) and the same message may come as two events
        // (app_mention + message.im): answer it once.
        var keys = new List<string> { $"slack:message:{question.TeamId}/{question.Channel}/{envelope.MessageTs}" };
        if (envelope.EventId is { Length: > 0 } id) keys.Add("slack:event:" + id);
        switch (await services.GetRequiredService<IWorkQueue>().EnqueueAsync(question.ToNewWork(keys), http.RequestAborted))
        {
            case EnqueueOutcome.Duplicate:
                log.LogInformation("Slack event {EventId} already taken on (retry {Retry}); not answering again", envelope.EventId, retry.Length > 0 ? retry : "none");
                return Results.Ok();
            case EnqueueOutcome.Full:
                log.LogWarning("Slack work queue full: asking Slack to retry event {EventId}", envelope.EventId);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> HandleCommandAsync(HttpContext http)
    {
        var (body, refusal) = await ReadVerifiedAsync(http);
        if (body is null) return refusal!;
        var form = QueryHelpers.ParseQuery(body.Text);
        string Field(string name) => form.TryGetValue(name, out var v) ? QuestionGuard.ReplaceLoneSurrogates(v.ToString()) : "";

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
        switch (await http.RequestServices.GetRequiredService<IWorkQueue>().EnqueueAsync(work.ToNewWork([body.ReplayKey]), http.RequestAborted))
        {
            case EnqueueOutcome.Duplicate:
                Log(http.RequestServices).LogInformation("A replayed slash command was not run again");
                return Results.Ok();
            case EnqueueOutcome.Full:
                return Results.Text("MuseBot is busy right now: please try again in a minute.", "text/plain");
            default:
                // An empty 200: Slack shows nothing now, the answer follows through the response_url.
                return Results.Ok();
        }
    }

    private static async Task<IResult> HandleInteractionAsync(HttpContext http)
    {
        var (body, refusal) = await ReadVerifiedAsync(http);
        if (body is null) return refusal!;
        var services = http.RequestServices;
        var log = Log(services);

        var form = QueryHelpers.ParseQuery(body.Text);
        if (!form.TryGetValue("payload", out var payloadJson))
            return Results.BadRequest(new { error = "No payload." });
        SlackClick? click;
        try
        {
            click = SlackClick.Parse(QuestionGuard.ReplaceLoneSurrogates(payloadJson.ToString()));
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "The payload is not JSON." });
        }
        if (click is null) return Results.Ok();   // not one of our buttons

        var dedupe = services.GetRequiredService<IDedupeStore>();
        if (!await dedupe.TryBeginAsync(body.ReplayKey, http.RequestAborted))
        {
            log.LogInformation("A replayed Slack feedback click was not recorded again");
            return Results.Ok();
        }

        // Recorded before the 200 (a single SQLite insert, milliseconds): a click Slack saw acknowledged is on disk.
        var value = SlackBlockKitRenderer.DecodeFeedbackValue(click.Value);
        var feedback = new FeedbackClick(SlackResponder.ChannelName, SlackResponder.Conversation(click.TeamId, click.ChannelId), click.TeamId,
            click.UserId, click.MessageTs, click.Helpful, value is null ? null : (value.Question, value.Citations));
        bool recorded;
        try
        {
            recorded = await services.GetRequiredService<ConversationTurns>().RecordFeedbackAsync(feedback, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not record Slack feedback");
            await dedupe.ForgetAsync(body.ReplayKey, CancellationToken.None);
            return Results.Problem("The feedback could not be recorded.", statusCode: StatusCodes.Status500InternalServerError);
        }

        if (recorded && click.ResponseUrl is { } url)
            await services.GetRequiredService<IWorkQueue>().EnqueueAsync(new SlackFeedbackThanks(url, click.Helpful).ToNewWork([]), http.RequestAborted);
        return Results.Ok();
    }

    private static ILogger Log(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
}
