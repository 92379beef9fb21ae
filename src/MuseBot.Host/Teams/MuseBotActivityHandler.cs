using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using MuseBot.Core.Conversation;
using MuseBot.Core.Storage;
using Newtonsoft.Json.Linq;

namespace MuseBot.Host.Teams;

/// <summary>
/// The Bot Framework edge of the bot, for Teams, the web chat and the Emulator: it turns activities into
/// <see cref="ConversationTurns"/> calls and their replies into activities (<see cref="TeamsAnswerRenderer"/>).
/// It owns what is Bot Framework's own: mentions in group chats, typing indicators, the welcome when the bot joins,
/// Teams' feedback invoke, and ignoring an activity Teams resends. A plain ActivityHandler: TeamsActivityHandler
/// would look members up on the connector for every conversationUpdate, which this bot does not need.
/// </summary>
public sealed class MuseBotActivityHandler(
    ConversationTurns turns,
    IDedupeStore dedupe,
    INoteCatalog catalog,
    ConversationState conversationState,
    ILogger<MuseBotActivityHandler> logger) : ActivityHandler
{
    public const string FeedbackInvokeName = "message/submitAction";

    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);

    /// <summary>How long a typing indicator still on its way may hold the answer back.</summary>
    private static readonly TimeSpan TypingGrace = TimeSpan.FromSeconds(1);

    private readonly IStatePropertyAccessor<ConversationMemory> _memory =
        conversationState.CreateProperty<ConversationMemory>(nameof(ConversationMemory));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        DropNullEntries(activity);
        if (!await IsFirstDeliveryAsync(activity, cancellationToken))
        {
            // Teams resends an activity it had no HTTP answer to within 15 s; the first delivery is being answered.
            logger.LogInformation("Ignored a repeat of {Type} activity {Id} on {ChannelId}", activity.Type, activity.Id, activity.ChannelId);
            if (activity.Type == ActivityTypes.Invoke)
                await turnContext.SendActivityAsync(new Activity { Type = ActivityTypesEx.InvokeResponse, Value = new InvokeResponse { Status = 200 } }, cancellationToken);
            return;
        }
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        if (IsGroupConversation(activity) && !MentionsBot(activity))
            return; // In channels and group chats only messages that @mention the bot are for it.

        var channel = activity.ChannelId ?? "unknown";
        var conversation = activity.Conversation?.Id ?? "";
        var memory = await _memory.GetAsync(turnContext, () => new ConversationMemory(), cancellationToken);
        var input = new TurnInput(channel, conversation, Tenant(activity), UserId(activity.From), CleanText(activity), memory.PreviousQuestion);

        using var telemetry = TurnTelemetry.Begin(channel);
        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        // Teams shows informative updates only in personal chats; elsewhere a typing indicator says the bot is at work.
        await using var stream = !expectReplies && IsPersonalTeamsChat(activity) ? new InformativeStream(turnContext, logger) : null;
        var reply = turns.Immediate(input);
        if (reply is null)
        {
            using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var abandonTyping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // A buffered (expectReplies) exchange returns everything at once: a typing indicator there is noise.
            var typing = expectReplies ? Task.CompletedTask : KeepTypingAsync(turnContext, () => stream?.Started == true, answered.Token, abandonTyping.Token);
            try
            {
                // the engine's progress (only when a model works: the extractive engine reports none) becomes the updates
                using var progress = stream is null ? null : AnswerProgress.Listen(stream.Update);
                reply = await turns.TakeAsync(input, cancellationToken);
            }
            finally
            {
                await answered.CancelAsync();
                // An indicator on its way arrives before the answer, unless the connector is stuck on it.
                if (await Task.WhenAny(typing, Task.Delay(TypingGrace, CancellationToken.None)) != typing) await abandonTyping.CancelAsync();
                await typing;
            }
        }

        var outgoing = reply.Kind == TurnReplyKind.Answer
            ? TeamsAnswerRenderer.RenderAnswer(reply.Answer!, activity.ChannelId)
            : TeamsAnswerRenderer.RenderCommand(reply.Markdown);
        if (expectReplies && reply.TakesFeedback) outgoing.Id = Guid.NewGuid().ToString("N"); // the caller gets no other id to give feedback on
        if (stream is not null) await stream.Close(outgoing, TypingGrace);
        ResourceResponse sent;
        using (TurnTelemetry.Send()) sent = await turnContext.SendActivityAsync(outgoing, cancellationToken);
        telemetry.Complete(reply);

        memory.PreviousQuestion = reply.PreviousQuestion;
        await turns.RememberAnswerAsync(channel, conversation, string.IsNullOrEmpty(sent?.Id) ? outgoing.Id : sent.Id, reply, cancellationToken);
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Welcome once, when the bot itself joins (personal chat installed, added to a team or chat on its own or with
        // others, web chat opened). The base class only looks when someone other than the bot joined.
        var botId = turnContext.Activity.Recipient?.Id;
        if (!string.IsNullOrEmpty(botId) && turnContext.Activity.MembersAdded?.Any(m => m.Id == botId) == true)
            await turnContext.SendActivityAsync(TeamsAnswerRenderer.RenderWelcome(catalog), cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != FeedbackInvokeName)
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);

        var activity = (Activity)turnContext.Activity;
        var reaction = (activity.Value as JObject)?.SelectToken("actionValue.reaction")?.ToString();
        if (reaction is not ("like" or "dislike"))
            return new InvokeResponse { Status = 400 };
        try
        {
            await turns.RecordFeedbackAsync(new FeedbackClick(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "", Tenant(activity),
                UserId(activity.From), activity.ReplyToId, Helpful: reaction == "like"), cancellationToken);
            return new InvokeResponse { Status = 200 };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not acknowledged, so the client can say it did not go through.
            logger.LogError(e, "Could not record feedback from {ChannelId}", activity.ChannelId);
            return new InvokeResponse { Status = 500 };
        }
    }

    private async Task<bool> IsFirstDeliveryAsync(IActivity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id) || activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate))
            return true;
        return await dedupe.TryBeginAsync($"activity:{activity.ChannelId}:{activity.Conversation?.Id}:{activity.Id}", cancellationToken);
    }

    /// <summary>Teams shows a typing indicator for a few seconds: repeat it until the answer is ready.</summary>
    private async Task KeepTypingAsync(ITurnContext turnContext, Func<bool> streaming, CancellationToken answered, CancellationToken abandon)
    {
        try
        {
            while (!answered.IsCancellationRequested && !streaming())
            {
                await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, abandon);
                await Task.Delay(TypingInterval, answered);
            }
        }
        catch (OperationCanceledException) when (answered.IsCancellationRequested || abandon.IsCancellationRequested)
        {
            // The answer is ready (or the turn was abandoned).
        }
        catch (Exception e)
        {
            // A lost typing indicator must not lose the answer.
            logger.LogWarning("Could not send a typing indicator: {Error}", e.Message);
        }
    }

    /// <summary>JSON nulls in the lists the SDK walks (members, entities, attachments) say nothing: drop them.</summary>
    private static void DropNullEntries(IActivity activity)
    {
        if (activity is not Activity a) return;
        if (a.MembersAdded?.Contains(null!) == true) a.MembersAdded = a.MembersAdded.Where(m => m is not null).ToList();
        if (a.MembersRemoved?.Contains(null!) == true) a.MembersRemoved = a.MembersRemoved.Where(m => m is not null).ToList();
        if (a.Entities?.Contains(null!) == true) a.Entities = a.Entities.Where(e => e is not null).ToList();
        if (a.Attachments?.Contains(null!) == true) a.Attachments = a.Attachments.Where(e => e is not null).ToList();
    }

    private static bool IsPersonalTeamsChat(Activity activity) =>
        activity.ChannelId == "msteams" && activity.Conversation?.ConversationType is "personal";

    private static bool IsGroupConversation(Activity activity) =>
        activity.ChannelId == "msteams" && activity.Conversation?.ConversationType is "channel" or "groupChat";

    private static bool MentionsBot(Activity activity)
    {
        try
        {
            return activity.GetMentions().Any(m => m.Mentioned?.Id is { } id && id == activity.Recipient?.Id);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return false; // a mention entity in a shape the SDK cannot read mentions nobody
        }
    }

    /// <summary>The user's words: the bot's @mention removed, stray &lt;at&gt; tags and whitespace trimmed.</summary>
    public static string CleanText(Activity activity)
    {
        string? text;
        try
        {
            text = activity.Recipient is null ? activity.Text : activity.RemoveRecipientMention();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            text = activity.Text;
        }
        text ??= "";
        return text.Replace("<at>", "", StringComparison.Ordinal).Replace("</at>", "", StringComparison.Ordinal).Trim();
    }

    private static string? Tenant(Activity activity) => activity.Conversation?.TenantId;

    private static string UserId(ChannelAccount? user) => user?.AadObjectId ?? user?.Id ?? "";
}
