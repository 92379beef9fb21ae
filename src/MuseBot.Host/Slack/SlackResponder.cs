using Microsoft.Extensions.Options;
using MuseBot.Contracts;
using MuseBot.Core.Commands;

namespace MuseBot.Host.Slack;

/// <summary>
/// Answers one piece of Slack work: browse commands through <see cref="ChatCommands"/>, anything else through
/// <see cref="IAnswerEngine"/> (with the thread's previous question), rendered by <see cref="SlackBlockKitRenderer"/>.
/// </summary>
public sealed class SlackResponder(
    IAnswerEngine engine,
    ChatCommands commands,
    IFeedbackStore feedback,
    SlackThreadMemory threads,
    SlackWebApiClient slack,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackResponder> log)
{
    public const string ChannelName = "slack";
    private const string Apology = "Sorry, something went wrong while answering. Please try again in a moment.";

    public Task HandleAsync(SlackWork work, CancellationToken ct) => work switch
    {
        SlackThreadQuestion q => AnswerInThreadAsync(q, ct),
        SlackSlashQuestion s => AnswerSlashCommandAsync(s, ct),
        SlackFeedbackThanks t => slack.PostToResponseUrlAsync(t.ResponseUrl,
            SlackBlockKitRenderer.RenderNotice(t.Helpful ? "Thanks, your 👍 was recorded." : "Thanks, your 👎 was recorded: the note's maintainers will look at it."),
            inChannel: false, replaceOriginal: false, ct),
        _ => Task.CompletedTask,
    };

    private async Task AnswerInThreadAsync(SlackThreadQuestion q, CancellationToken ct)
    {
        var token = options.CurrentValue.BotTokenFor(q.TeamId);
        if (token is null)
        {
            log.LogError("No Slack bot token for workspace {Team}: set Slack:Workspaces:{Team}:BotToken or Slack:BotToken", q.TeamId, q.TeamId);
            return;
        }
        var threadKey = SlackThreadMemory.Key(q.TeamId, q.Channel, q.ThreadTs);
        var message = await ReplyToAsync(q.Text, threadKey, ct).ConfigureAwait(false);
        await slack.PostMessageAsync(token, q.Channel, q.ThreadTs, message, ct).ConfigureAwait(false);
    }

    private async Task AnswerSlashCommandAsync(SlackSlashQuestion s, CancellationToken ct)
    {
        var message = await ReplyToAsync(s.Text, threadKey: null, ct).ConfigureAwait(false);
        await slack.PostToResponseUrlAsync(s.ResponseUrl, message, s.InChannel, replaceOriginal: false, ct).ConfigureAwait(false);
    }

    /// <summary>The reply to what a user typed (mentions already stripped).</summary>
    internal async Task<SlackMessage> ReplyToAsync(string text, string? threadKey, CancellationToken ct)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(text)) return SlackBlockKitRenderer.RenderMarkdown(commands.Help().Markdown);
            if (commands.TryHandle(text) is { } command) return SlackBlockKitRenderer.RenderMarkdown(command.Markdown);

            var previous = threadKey is null ? null : threads.Exchange(threadKey, text);
            var answer = await engine.AnswerAsync(new Question(text, previous), ct).ConfigureAwait(false);
            if (answer.Abstained) await RecordUnansweredAsync(text, ct).ConfigureAwait(false);
            return SlackBlockKitRenderer.RenderAnswer(answer);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Answering a Slack question failed");
            return SlackBlockKitRenderer.RenderNotice(Apology);
        }
    }

    private async Task RecordUnansweredAsync(string question, CancellationToken ct)
    {
        try
        {
            await feedback.RecordUnansweredAsync(new UnansweredRecord(ChannelName, question, time.GetUtcNow()), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The user still gets the reply; the analysts lose one line.
            log.LogError(e, "Could not record an unanswered Slack question");
        }
    }
}
