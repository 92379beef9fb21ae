using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using MuseBot.Core.Conversation;

namespace MuseBot.Host.Teams;

/// <summary>
/// The Bot Framework adapter: CloudAdapter (channel auth from configuration) with an OnTurnError that logs the
/// exception and tells the user, in plain words, that something went wrong, never what. When the failure was the Bot
/// Connector itself (unreachable, too slow, an error status), no apology is attempted: it would go the same way and
/// hold the request for another connector timeout.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string ErrorReply = ConversationTurns.ApologyText;

    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<IBotFrameworkHttpAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            if (IsConnectorFailure(exception))
            {
                logger.LogWarning("Could not reach the Bot Connector at {ServiceUrl} for conversation {ConversationId}: {Error}",
                    activity.ServiceUrl, activity.Conversation?.Id, exception.Message);
                return;
            }
            logger.LogError(exception, "Turn failed: {ActivityType} in conversation {ConversationId} on {ChannelId}",
                activity.Type, activity.Conversation?.Id, activity.ChannelId);
            try
            {
                await turnContext.SendActivityAsync(ErrorReply);
            }
            catch (Exception sendFailure)
            {
                // The channel itself may be what failed; the turn is over either way.
                logger.LogWarning("Could not tell the user about the failed turn: {Error}", sendFailure.Message);
            }
        };
    }

    /// <summary>A failed or timed-out HTTP call to the connector (the SDK reports an error status as a RestException).</summary>
    public static bool IsConnectorFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or TimeoutException or Microsoft.Rest.RestException) return true;
            if (current is TaskCanceledException { InnerException: TimeoutException }) return true;
        }
        return false;
    }
}
