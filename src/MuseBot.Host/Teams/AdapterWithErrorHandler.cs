using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using MuseBot.Core.Conversation;

namespace MuseBot.Host.Teams;

/// <summary>
/// The Bot Framework adapter: CloudAdapter (channel auth from configuration) with an OnTurnError that logs the
/// exception and tells the user, in plain words, that something went wrong, never what.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string ErrorReply = ConversationTurns.ApologyText;

    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<IBotFrameworkHttpAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed: {ActivityType} in conversation {ConversationId} on {ChannelId}",
                turnContext.Activity.Type, turnContext.Activity.Conversation?.Id, turnContext.Activity.ChannelId);
            try
            {
                await turnContext.SendActivityAsync(ErrorReply);
            }
            catch (Exception sendFailure)
            {
                // The channel itself may be what failed; the turn is over either way.
                logger.LogError(sendFailure, "Could not tell the user about the failed turn");
            }
        };
    }
}
