using MuseBot.Contracts;
using Microsoft.Extensions.Options;
using MuseBot.Core.Conversation;

namespace MuseBot.Host.Slack;

public enum SlackWorkOutcome
{
    /// <summary>Replied, or there is nothing a retry could change (logged).</summary>
    Done,

    /// <summary>Slack could not be reached or refused for now: try again later.</summary>
    RetryLater,
}

/// <summary>
/// Does one piece of Slack work: the turn through <see cref="ConversationTurns"/> (with the thread's previous
/// question), rendered by <see cref="SlackBlockKitRenderer"/>, posted in the thread or to the response_url.
/// </summary>
public sealed class SlackResponder(
    ConversationTurns turns,
    SlackThreadMemory threads,
    SlackWebApiClient slack,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackResponder> log)
{
    public const string ChannelName = "slack";

    /// <summary>The conversation a Slack message belongs to, for the answer ledger and feedback: the channel.</summary>
    public static string Conversation(string teamId, string? channel) => $"{teamId}/{channel}";

    public async Task<SlackWorkOutcome> HandleAsync(SlackWork work, CancellationToken ct)
    {
        var result = work switch
        {
            SlackThreadQuestion q => await AnswerInThreadAsync(q, ct).ConfigureAwait(false),
            SlackSlashQuestion s => await AnswerSlashCommandAsync(s, ct).ConfigureAwait(false),
            SlackFeedbackThanks t => await slack.PostToResponseUrlAsync(t.ResponseUrl,
                SlackBlockKitRenderer.RenderNotice(t.Helpful ? "Thanks, your 👍 was recorded." : "Thanks, your 👎 was recorded: the note's maintainers will look at it."),
                inChannel: false, replaceOriginal: false, ct).ConfigureAwait(false),
            _ => new SlackApiResult(true),
        };
        return result.Transient ? SlackWorkOutcome.RetryLater : SlackWorkOutcome.Done;
    }

    private async Task<SlackApiResult> AnswerInThreadAsync(SlackThreadQuestion q, CancellationToken ct)
    {
        var token = options.CurrentValue.BotTokenFor(q.TeamId);
        if (token is null)
        {
            log.LogError("No Slack bot token for workspace {Team}: set Slack:Workspaces:{Team}:BotToken or Slack:BotToken", q.TeamId, q.TeamId);
            return new SlackApiResult(false, "no_token");
        }
        var threadKey = SlackThreadMemory.Key(q.TeamId, q.Channel, q.ThreadTs);
        var conversation = Conversation(q.TeamId, q.Channel);
        var previous = await threads.PreviousQuestionAsync(threadKey, ct).ConfigureAwait(false);
        // While a model works (the engine reports progress; the extractive engine reports none), Slack's assistant
        // status says so, once: fixed wording, never model text.
        Task status = Task.CompletedTask;
        TurnReply reply;
        using (AnswerProgress.Listen(_ =>
               {
                   // assistant threads are direct messages ("D…")
                   if (status == Task.CompletedTask && q.Channel.StartsWith('D'))
                       status = slack.SetAssistantStatusAsync(token, q.Channel, q.ThreadTs, "is searching the note…", ct);
               }))
        {
            reply = await turns.TakeAsync(new TurnInput(ChannelName, conversation, q.TeamId, q.UserId, q.Text, previous), ct).ConfigureAwait(false);
        }
        await status.ConfigureAwait(false); // the status must not land after the answer
        var result = await slack.PostMessageAsync(token, q.Channel, q.ThreadTs, Render(reply), ct).ConfigureAwait(false);
        if (result.Ok)
        {
            await threads.RememberAsync(threadKey, reply.PreviousQuestion, ct).ConfigureAwait(false);
            await turns.RememberAnswerAsync(ChannelName, conversation, result.Ts, reply, ct).ConfigureAwait(false);
        }
        return result;
    }

    private async Task<SlackApiResult> AnswerSlashCommandAsync(SlackSlashQuestion s, CancellationToken ct)
    {
        // A slash command starts no thread: no previous question. Its reply has no ts to remember it by, so the
        // feedback buttons carry the question themselves.
        var reply = await turns.TakeAsync(new TurnInput(ChannelName, Conversation(s.TeamId, s.Channel), s.TeamId, s.UserId, s.Text, null), ct).ConfigureAwait(false);
        return await slack.PostToResponseUrlAsync(s.ResponseUrl, Render(reply), s.InChannel, replaceOriginal: false, ct).ConfigureAwait(false);
    }

    internal static SlackMessage Render(TurnReply reply) => reply.Kind == TurnReplyKind.Answer
        ? SlackBlockKitRenderer.RenderAnswer(reply.Answer!)
        : SlackBlockKitRenderer.RenderMarkdown(reply.Markdown);
}
