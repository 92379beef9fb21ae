using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MuseBot.Host.Teams;

/// <summary>
/// The load test's baseline: the same adapter, request checks and serialization as the real bot, with no engine
/// behind it. Mapped only when Bot:EchoRoute is true.
/// </summary>
public sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken);
}
