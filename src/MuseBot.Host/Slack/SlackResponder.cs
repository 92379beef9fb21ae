using MuseBot.Contracts;
using MuseBot.Core.Commands;
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
    SlackTokens tokens,
    INoteCatalog catalog,
    ILogger<SlackResponder> log)
{
    public const string ChannelName = "slack";

    /// <summary>The thread's status line while the bot answers a direct message.</summary>
    public const string WorkingStatus = "is searching the note…";

    /// <summary>Slack shows at most 4 suggested prompts.</summary>
    public const int MaxPrompts = 4;

    /// <summary>Slack's thread titles are short; longer first questions are cut at a word.</summary>
    public const int MaxTitleLength = 60;

    /// <summary>The conversation a Slack message belongs to, for the answer ledger and feedback: the channel.</summary>
    public static string Conversation(string teamId, string? channel) => $"{teamId}/{channel}";

    public async Task<SlackWorkOutcome> HandleAsync(SlackWork work, CancellationToken ct)
    {
        var result = work switch
        {
            SlackThreadQuestion q => await AnswerInThreadAsync(q, ct).ConfigureAwait(false),
            SlackAgentOpened o => await WelcomeAsync(o, ct).ConfigureAwait(false),
            SlackSlashQuestion s => await AnswerSlashCommandAsync(s, ct).ConfigureAwait(false),
            SlackFeedbackThanks t => await slack.PostToResponseUrlAsync(t.ResponseUrl,
                SlackBlockKitRenderer.RenderNotice(t.Helpful ? "Thanks, your 👍 was recorded." : "Thanks, your 👎 was recorded: the note's maintainers will look at it."),
                inChannel: false, replaceOriginal: false, ct).ConfigureAwait(false),
            _ => new SlackApiResult(true),
        };
        return result.Transient ? SlackWorkOutcome.RetryLater : SlackWorkOutcome.Done;
    }

    private async Task<SlackBotToken?> TokenAsync(string teamId, string? enterpriseId, CancellationToken ct)
    {
        var token = await tokens.ForAsync(teamId, enterpriseId, ct).ConfigureAwait(false);
        if (token is null)
            log.LogError("No Slack bot token for workspace {Team}: install the app there (/api/slack/install), or set Slack:Workspaces:{Team}:BotToken or Slack:BotToken", teamId, teamId);
        return token;
    }

    private async Task<SlackApiResult> AnswerInThreadAsync(SlackThreadQuestion q, CancellationToken ct)
    {
        if (await TokenAsync(q.TeamId, q.EnterpriseId, ct).ConfigureAwait(false) is not { } token)
            return new SlackApiResult(false, "no_token");
        var threadKey = SlackThreadMemory.Key(q.TeamId, q.Channel, q.ThreadTs);
        var conversation = Conversation(q.TeamId, q.Channel);
        var previous = await threads.PreviousQuestionAsync(threadKey, ct).ConfigureAwait(false);
        var input = new TurnInput(ChannelName, conversation, q.TeamId, q.UserId, q.Text, previous);

        // In the app's Messages tab the thread shows a status while the bot works, and is titled by its first question.
        bool status = false;
        if (q.Direct && turns.Immediate(input) is null)
        {
            var set = await slack.SetStatusAsync(token.Token, q.Channel, q.ThreadTs, WorkingStatus, ct).ConfigureAwait(false);
            if (await tokens.NoteFailureAsync(token, set, ct).ConfigureAwait(false)) return set;   // a dead token: nothing else can work
            status = set.Ok;
        }
        if (q.Direct && previous is null && q.Text.Trim().Length > 0)
            await slack.SetTitleAsync(token.Token, q.Channel, q.ThreadTs, NotePrompts.Cut(q.Text, MaxTitleLength), ct).ConfigureAwait(false);

        using var telemetry = TurnTelemetry.Begin(ChannelName);
        var reply = await turns.TakeAsync(input, ct).ConfigureAwait(false);
        SlackApiResult result;
        using (TurnTelemetry.Send()) result = await slack.PostMessageAsync(token.Token, q.Channel, q.ThreadTs, Render(reply), ct).ConfigureAwait(false);
        if (result.Ok) telemetry.Complete(reply);
        await tokens.NoteFailureAsync(token, result, ct).ConfigureAwait(false);
        // Slack clears the status when the bot posts; clearing it here as well covers a post that failed.
        if (status) await slack.SetStatusAsync(token.Token, q.Channel, q.ThreadTs, "", ct).ConfigureAwait(false);
        if (result.Ok)
        {
            await threads.RememberAsync(threadKey, reply.PreviousQuestion, ct).ConfigureAwait(false);
            await turns.RememberAnswerAsync(ChannelName, conversation, result.Ts, reply, ct).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>
    /// The agent surface opened: up to 4 suggested prompts from the note (pinned to the Messages tab, or set on the new
    /// assistant thread), and the one-line welcome saying what the bot knows, in a new assistant thread or the first
    /// time a user opens the Messages tab (again after the conversation state expiry).
    /// </summary>
    private async Task<SlackApiResult> WelcomeAsync(SlackAgentOpened o, CancellationToken ct)
    {
        if (await TokenAsync(o.TeamId, o.EnterpriseId, ct).ConfigureAwait(false) is not { } token)
            return new SlackApiResult(false, "no_token");
        var prompts = NotePrompts.Suggest(catalog, MaxPrompts).Select(p => (p.Title, p.Message)).ToList();
        var result = await slack.SetSuggestedPromptsAsync(token.Token, o.Channel, o.ThreadTs, "Ask about the note", prompts, ct).ConfigureAwait(false);
        if (await tokens.NoteFailureAsync(token, result, ct).ConfigureAwait(false) || result.Transient) return result;
        if (o.ThreadTs is not null || await threads.FirstVisitAsync(o.TeamId, o.UserId, ct).ConfigureAwait(false))
        {
            var welcome = SlackBlockKitRenderer.RenderWelcome(NotePrompts.KnowsLine(catalog), prompts.Select(p => p.Message).ToList());
            var posted = await slack.PostMessageAsync(token.Token, o.Channel, o.ThreadTs, welcome, ct).ConfigureAwait(false);
            await tokens.NoteFailureAsync(token, posted, ct).ConfigureAwait(false);
            return posted;
        }
        return result;
    }

    private async Task<SlackApiResult> AnswerSlashCommandAsync(SlackSlashQuestion s, CancellationToken ct)
    {
        // A slash command starts no thread: no previous question. Its reply has no ts to remember it by, so the
        // feedback buttons carry the question themselves.
        using var telemetry = TurnTelemetry.Begin(ChannelName);
        var reply = await turns.TakeAsync(new TurnInput(ChannelName, Conversation(s.TeamId, s.Channel), s.TeamId, s.UserId, s.Text, null), ct).ConfigureAwait(false);
        SlackApiResult result;
        using (TurnTelemetry.Send()) result = await slack.PostToResponseUrlAsync(s.ResponseUrl, Render(reply), s.InChannel, replaceOriginal: false, ct).ConfigureAwait(false);
        if (result.Ok) telemetry.Complete(reply);
        return result;
    }

    internal static SlackMessage Render(TurnReply reply) => reply.Kind == TurnReplyKind.Answer
        ? SlackBlockKitRenderer.RenderAnswer(reply.Answer!)
        : SlackBlockKitRenderer.RenderMarkdown(reply.Markdown);
}
