using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using Newtonsoft.Json.Linq;

namespace MuseBot.Host.Teams;

/// <summary>
/// The bot: welcome, commands, questions (with the previous question as context for follow-ups), feedback.
/// One handler for Teams, the web chat and the Emulator; what differs per channel is rendering, in
/// <see cref="TeamsAnswerRenderer"/>. A plain ActivityHandler: TeamsActivityHandler would look members up on
/// the connector for every conversationUpdate, which this bot does not need.
/// </summary>
public sealed class MuseBotActivityHandler(
    IAnswerEngine engine,
    ChatCommands commands,
    INoteCatalog catalog,
    ConversationState conversationState,
    IServiceProvider services,
    ILogger<MuseBotActivityHandler> logger) : ActivityHandler
{
    /// <summary>A question longer than this is not a question about one note; it is refused politely.</summary>
    public const int MaxQuestionChars = 2000;

    public const string FeedbackInvokeName = "message/submitAction";

    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);

    private readonly IStatePropertyAccessor<ConversationMemory> _memory =
        conversationState.CreateProperty<ConversationMemory>(nameof(ConversationMemory));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        if (IsGroupConversation(activity) && !MentionsBot(activity))
            return; // In channels and group chats only messages that @mention the bot are for it.

        var text = CleanText(activity);
        if (text.Length == 0)
        {
            await turnContext.SendActivityAsync(TeamsAnswerRenderer.RenderCommand(commands.Help().Markdown), cancellationToken);
            return;
        }
        if (text.Length > MaxQuestionChars)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(
                $"That message is too long for me ({text.Length:N0} characters). Ask one question in a sentence or two."), cancellationToken);
            return;
        }

        var command = commands.TryHandle(text);
        if (command is not null)
        {
            await turnContext.SendActivityAsync(TeamsAnswerRenderer.RenderCommand(command.Markdown), cancellationToken);
            return;
        }

        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        var memory = await _memory.GetAsync(turnContext, () => new ConversationMemory(), cancellationToken);
        Answer answer;
        using (var answering = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // A buffered (expectReplies) exchange returns everything at once: a typing indicator there is noise.
            var typing = expectReplies ? Task.CompletedTask : KeepTypingAsync(turnContext, answering.Token, cancellationToken);
            try
            {
                answer = await engine.AnswerAsync(new Question(text, memory.PreviousQuestion), cancellationToken);
            }
            finally
            {
                await answering.CancelAsync();
                await typing;
            }
        }
        var reply = TeamsAnswerRenderer.RenderAnswer(answer, activity.ChannelId);
        if (expectReplies) reply.Id = Guid.NewGuid().ToString("N"); // the caller gets no other id to give feedback on
        var sent = await turnContext.SendActivityAsync(reply, cancellationToken);

        memory.PreviousQuestion = text;
        memory.Remember(new AnsweredMessage
        {
            ActivityId = string.IsNullOrEmpty(sent?.Id) ? reply.Id : sent.Id,
            Question = text,
            Citations = answer.Citations.Take(TeamsAnswerRenderer.MaxCitations).Select(c => c.Label).ToList(),
        });
        logger.LogInformation("Answered on {ChannelId} ({Source}, {Citations} citations, {Flags} flags, abstained: {Abstained})",
            activity.ChannelId, answer.Source, answer.Citations.Count, answer.Flags.Count, answer.Abstained);

        if (answer.Abstained && services.GetService<IFeedbackStore>() is { } store)
            await store.RecordUnansweredAsync(new UnansweredRecord(activity.ChannelId ?? "unknown", text, DateTimeOffset.UtcNow), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Welcome once, when the bot itself joins (personal chat installed, added to a team or chat, web chat opened).
        if (membersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
            await turnContext.SendActivityAsync(TeamsAnswerRenderer.RenderWelcome(catalog.Title, ChatCommands.ExampleQuestions), cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != FeedbackInvokeName)
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);

        var value = turnContext.Activity.Value as JObject;
        var reaction = value?.SelectToken("actionValue.reaction")?.ToString();
        if (reaction is "like" or "dislike" && services.GetService<IFeedbackStore>() is { } store)
        {
            var memory = await _memory.GetAsync(turnContext, () => new ConversationMemory(), cancellationToken);
            var answered = memory.Find(turnContext.Activity.ReplyToId);
            await store.RecordFeedbackAsync(new FeedbackRecord(
                turnContext.Activity.ChannelId ?? "unknown",
                answered?.Question ?? "",
                Helpful: reaction == "like",
                answered?.Citations ?? [],
                UserHash(turnContext.Activity.From),
                DateTimeOffset.UtcNow), cancellationToken);
        }
        return new InvokeResponse { Status = 200 };
    }

    /// <summary>Teams shows a typing indicator for a few seconds: repeat it until the answer is ready.</summary>
    private async Task KeepTypingAsync(ITurnContext turnContext, CancellationToken answered, CancellationToken turn)
    {
        try
        {
            while (!answered.IsCancellationRequested)
            {
                // The send itself uses the turn's token, so an indicator already on its way is not cut off.
                await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, turn);
                await Task.Delay(TypingInterval, answered);
            }
        }
        catch (OperationCanceledException)
        {
            // The answer is ready (or the turn was abandoned).
        }
        catch (Exception e)
        {
            // A lost typing indicator must not lose the answer.
            logger.LogWarning(e, "Could not send a typing indicator");
        }
    }

    private static bool IsGroupConversation(Activity activity) =>
        activity.ChannelId == "msteams" && activity.Conversation?.ConversationType is "channel" or "groupChat";

    private static bool MentionsBot(Activity activity) =>
        activity.GetMentions().Any(m => m.Mentioned?.Id is { } id && id == activity.Recipient?.Id);

    /// <summary>The user's words: the bot's @mention removed, stray &lt;at&gt; tags and whitespace trimmed.</summary>
    public static string CleanText(Activity activity)
    {
        var text = activity.Recipient is null ? activity.Text : activity.RemoveRecipientMention();
        text ??= "";
        return text.Replace("<at>", "", StringComparison.Ordinal).Replace("</at>", "", StringComparison.Ordinal).Trim();
    }

    /// <summary>A stable hash of the user, never the id itself.</summary>
    private static string UserHash(ChannelAccount? user)
    {
        var id = user?.AadObjectId ?? user?.Id ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
    }
}
