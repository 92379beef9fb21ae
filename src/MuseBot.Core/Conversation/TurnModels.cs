using MuseBot.Contracts;

namespace MuseBot.Core.Conversation;

/// <summary>One message to the bot, as any channel hands it over.</summary>
/// <param name="Channel">"msteams", "webchat", "slack", "cli", ...: where it came from (also the feedback store's channel).</param>
/// <param name="Conversation">The conversation or thread it belongs to, unique within the channel.</param>
/// <param name="Workspace">The tenant or workspace, when the channel has one: user ids are unique only within it.</param>
/// <param name="UserId">The channel's id for the person (never stored as it is: see <see cref="Feedback.FeedbackUserHash"/>).</param>
/// <param name="Text">What the person typed, the bot's mention already removed.</param>
/// <param name="PreviousQuestion">The conversation's previous question, for follow-ups ("and Zeta's?"); null when none.</param>
public sealed record TurnInput(string Channel, string Conversation, string? Workspace, string UserId, string Text, string? PreviousQuestion);

public enum TurnReplyKind
{
    /// <summary>The engine's answer (which may be that the note does not say).</summary>
    Answer,

    /// <summary>A browse command's reply: help, sections, show N, sources.</summary>
    Command,

    /// <summary>The input cannot be a question (empty, too long, no words, not English): what to type instead.</summary>
    Guidance,

    /// <summary>Answering failed on our side: a plain apology, never what failed.</summary>
    Apology,
}

/// <summary>The reply to one turn, for the channel to render in its own way.</summary>
/// <param name="Kind">What sort of reply this is.</param>
/// <param name="Markdown">The reply's text (for an answer, the answer's text; render <see cref="Answer"/> instead).</param>
/// <param name="Answer">The engine's answer when <see cref="Kind"/> is <see cref="TurnReplyKind.Answer"/>.</param>
/// <param name="Question">The question as the engine read it (cleaned), or the cleaned text of a command.</param>
/// <param name="PreviousQuestion">What the conversation remembers for the next turn's follow-ups.</param>
public sealed record TurnReply(TurnReplyKind Kind, string Markdown, Answer? Answer, string Question, string? PreviousQuestion)
{
    /// <summary>An answer a person can rate with 👍/👎: the channel should remember it under the id it was sent with.</summary>
    public bool TakesFeedback => Kind == TurnReplyKind.Answer && Answer is { Abstained: false };
}

/// <summary>An answer as it was sent, so that a later 👍/👎 on it is recorded with its own question.</summary>
/// <param name="Channel">As in <see cref="TurnInput.Channel"/>.</param>
/// <param name="Conversation">As in <see cref="TurnInput.Conversation"/>.</param>
/// <param name="MessageId">The id the channel gave the sent message: the reply's activity id in Teams, the message ts in Slack.</param>
/// <param name="Question">The question it answered.</param>
/// <param name="Citations">Its citation labels.</param>
public sealed record AnsweredMessage(string Channel, string Conversation, string MessageId, string Question, IReadOnlyList<string> Citations);

/// <summary>A 👍/👎 click.</summary>
/// <param name="MessageId">The id of the message clicked on (see <see cref="AnsweredMessage.MessageId"/>); null when the channel gives none.</param>
/// <param name="Carried">What the click itself says the answer was about (Slack buttons carry it), used when the
/// message is not one this bot remembers.</param>
public sealed record FeedbackClick(string Channel, string Conversation, string? Workspace, string UserId, string? MessageId, bool Helpful,
    (string Question, IReadOnlyList<string> Citations)? Carried = null);
