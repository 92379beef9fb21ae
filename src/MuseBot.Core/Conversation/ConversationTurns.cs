using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using MuseBot.Core.Feedback;
using MuseBot.Core.Language;
using MuseBot.Core.Storage;

namespace MuseBot.Core.Conversation;

/// <summary>
/// One conversation turn, the same for every channel (Teams, the web chat, Slack, the command line): the input guard
/// and its wording, the browse commands, the follow-up context, the engine's answer, recording what the note could
/// not answer, and 👍/👎 tied to the answer they were given on. Channels only translate their wire format to a
/// <see cref="TurnInput"/> and render the <see cref="TurnReply"/>.
/// </summary>
public sealed class ConversationTurns
{
    public const string ApologyText = "Sorry, something went wrong on my side while answering. Please try again in a moment.";

    private readonly IAnswerEngine _engine;
    private readonly ChatCommands? _commands;
    private readonly IFeedbackStore? _feedback;
    private readonly IAnswerLedger? _ledger;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    /// <param name="engine">Answers questions.</param>
    /// <param name="commands">The browse commands; null where there are none (the eval answers questions only).</param>
    /// <param name="feedback">Where unanswered questions and 👍/👎 go; null records nothing (the eval, the CLI).</param>
    /// <param name="ledger">Remembers sent answers for feedback; null where nobody can click.</param>
    public ConversationTurns(IAnswerEngine engine, ChatCommands? commands, IFeedbackStore? feedback, IAnswerLedger? ledger,
        TimeProvider? time = null, ILogger<ConversationTurns>? log = null)
    {
        _engine = engine;
        _commands = commands;
        _feedback = feedback;
        _ledger = ledger;
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger<ConversationTurns>.Instance;
    }

    /// <summary>
    /// The reply when the turn needs nothing from the engine (a command, or input that cannot be a question);
    /// null for a question. Channels that show a typing indicator start it only when this is null.
    /// </summary>
    public TurnReply? Immediate(TurnInput input)
    {
        var text = QuestionGuard.Clean(input.Text);
        if (text.Length > 0 && _commands?.TryHandle(text) is { } command)
            return new TurnReply(TurnReplyKind.Command, command.Markdown, null, text, input.PreviousQuestion);
        if (QuestionGuard.Refusal(text, _commands?.ExampleQuestions) is { } guidance)
            return new TurnReply(TurnReplyKind.Guidance, guidance, null, text, input.PreviousQuestion);
        // "thanks!", "ok cool": nothing to answer, and the conversation keeps its previous question for what follows
        if (English.SmallTalkIn(text) is not SmallTalk.None and var talk)
            return new TurnReply(TurnReplyKind.Guidance, _commands?.SmallTalkReply(talk) ?? "Ask me anything about the note.", null, text, input.PreviousQuestion);
        return null;
    }

    /// <summary>The whole turn. Never throws for what a person typed or for a failing engine or store: those
    /// become a reply (an apology when answering failed). Cancellation is passed on.</summary>
    public async Task<TurnReply> TakeAsync(TurnInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Immediate(input) is { } immediate) return immediate;

        var question = QuestionGuard.Clean(input.Text);
        var previous = string.IsNullOrWhiteSpace(input.PreviousQuestion) ? null : QuestionGuard.Clean(input.PreviousQuestion);
        Answer answer;
        try
        {
            using (MuseBotTelemetry.Stage("answer"))
                answer = await _engine.AnswerAsync(new Question(question, previous), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _log.LogError(e, "Answering failed on {Channel}", input.Channel);
            return new TurnReply(TurnReplyKind.Apology, ApologyText, null, question, input.PreviousQuestion);
        }

        _log.LogInformation("Answered on {Channel} ({Source}, {Citations} citations, {Flags} flags, abstained: {Abstained}; model: {ModelOutcome}, {ModelMs} ms, tokens {PromptTokens} prompt + {CompletionTokens} completion)",
            input.Channel, answer.Source, answer.Citations.Count, answer.Flags.Count, answer.Abstained,
            answer.Model?.Outcome ?? "not asked", (long)(answer.Model?.Latency.TotalMilliseconds ?? 0), answer.Model?.PromptTokens ?? 0, answer.Model?.CompletionTokens ?? 0);
        if (answer.Abstained && _feedback is not null)
            await RecordUnansweredAsync(input.Channel, question, cancellationToken).ConfigureAwait(false);
        else if (!answer.Abstained && _feedback is IFeedbackInsights insights)
            await RecordAnsweredAsync(insights, input.Channel, cancellationToken).ConfigureAwait(false);
        // a follow-up is remembered as it was read, with the previous question's context, for the next follow-up
        return new TurnReply(TurnReplyKind.Answer, answer.Text, answer, question, answer.ReadAs ?? question);
    }

    /// <summary>
    /// Remembers an answer under the id the channel sent it with, so a later 👍/👎 on it records its own question.
    /// A failure is logged, never passed on: the person already has the answer.
    /// </summary>
    public async Task RememberAnswerAsync(string channel, string conversation, string? messageId, TurnReply reply, CancellationToken cancellationToken = default)
    {
        if (_ledger is null || !reply.TakesFeedback || string.IsNullOrEmpty(messageId)) return;
        try
        {
            await _ledger.RememberAsync(new AnsweredMessage(channel, conversation, messageId, reply.Question,
                reply.Answer!.Citations.Select(c => c.Label).ToList()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogError(e, "Could not remember an answer sent on {Channel}: a 👍/👎 on it will not find its question", channel);
        }
    }

    /// <summary>
    /// Records a 👍/👎 with the question of the answer it was given on (by message id, else what the click carries),
    /// the user as <see cref="FeedbackUserHash"/> only. False when the answer is unknown: nothing is recorded rather
    /// than a row with the wrong question. A store failure is passed on, so the channel does not acknowledge it.
    /// </summary>
    public async Task<bool> RecordFeedbackAsync(FeedbackClick click, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(click);
        if (_feedback is null) return false;
        AnsweredMessage? answered = null;
        if (_ledger is not null && !string.IsNullOrEmpty(click.MessageId))
            answered = await _ledger.FindAsync(click.Channel, click.Conversation, click.MessageId, cancellationToken).ConfigureAwait(false);
        var (question, citations) = answered is not null ? (answered.Question, answered.Citations)
            : click.Carried is { } carried ? carried
            : ("", (IReadOnlyList<string>)[]);
        if (question.Length == 0)
        {
            _log.LogWarning("A {Reaction} on {Channel} was for an answer this bot does not remember (message {MessageId}); not recorded",
                click.Helpful ? "👍" : "👎", click.Channel, click.MessageId ?? "(none)");
            return false;
        }
        await _feedback.RecordFeedbackAsync(new FeedbackRecord(click.Channel, QuestionGuard.ReplaceLoneSurrogates(question), click.Helpful, citations,
            FeedbackUserHash.Of(click.Channel, click.Workspace, click.UserId), _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        MuseBotTelemetry.RecordFeedback(click.Channel, click.Helpful);
        return true;
    }

    private async Task RecordAnsweredAsync(IFeedbackInsights insights, string channel, CancellationToken cancellationToken)
    {
        try
        {
            await insights.RecordAnsweredAsync(new AnsweredRecord(channel, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogError(e, "Could not count an answered question from {Channel}", channel);
        }
    }

    private async Task RecordUnansweredAsync(string channel, string question, CancellationToken cancellationToken)
    {
        try
        {
            await _feedback!.RecordUnansweredAsync(new UnansweredRecord(channel, question, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The person still gets the reply; the note's maintainers lose one line of the report.
            _log.LogError(e, "Could not record an unanswered question from {Channel}", channel);
        }
    }
}
