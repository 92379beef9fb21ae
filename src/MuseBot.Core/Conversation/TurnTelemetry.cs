using System.Diagnostics;
using MuseBot.Contracts;

namespace MuseBot.Core.Conversation;

/// <summary>
/// One turn as telemetry: the musebot.turn span (answering and the channel's send are its children), the turn's
/// duration, and musebot.questions by channel and outcome. Channels begin it around <see cref="ConversationTurns"/>
/// and their send; a turn disposed without <see cref="Complete"/> counts as an error.
/// </summary>
public sealed class TurnTelemetry : IDisposable
{
    private readonly string _channel;
    private readonly MuseBotTelemetry.StageScope _turn;
    private string _outcome = "error";

    private TurnTelemetry(string channel)
    {
        _channel = MuseBotTelemetry.Channel(channel);
        _turn = MuseBotTelemetry.Stage("turn");
        _turn.Activity?.SetTag("musebot.channel", _channel);
    }

    public static TurnTelemetry Begin(string channel) => new(channel);

    /// <summary>answered, refused (the note does not say), command (a browse command or guidance), error (an apology).</summary>
    public static string Outcome(TurnReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Kind switch
        {
            TurnReplyKind.Answer => reply.Answer?.Abstained == true ? "refused" : "answered",
            TurnReplyKind.Apology => "error",
            _ => "command",
        };
    }

    /// <summary>The reply the turn ends with.</summary>
    public void Complete(TurnReply reply) => _outcome = Outcome(reply);

    /// <summary>The channel's send of the reply, as a child span and the "send" stage.</summary>
    public static MuseBotTelemetry.StageScope Send() => MuseBotTelemetry.Stage("send", ActivityKind.Client);

    public void Dispose()
    {
        _turn.Activity?.SetTag("musebot.outcome", _outcome);
        if (_outcome == "error") _turn.Activity?.SetStatus(ActivityStatusCode.Error);
        MuseBotTelemetry.Questions.Add(1, new KeyValuePair<string, object?>("channel", _channel), new("outcome", _outcome));
        _turn.Dispose();
    }
}
