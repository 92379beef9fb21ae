namespace MuseBot.Host.Teams;

/// <summary>
/// What the bot remembers per conversation between turns, in the SDK's ConversationState (on disk, see
/// <see cref="ConversationStateStorage"/>): the previous question, for follow-ups. Sent answers are remembered
/// for feedback in the conversation store's answer ledger, by the id each was sent with.
/// </summary>
public sealed class ConversationMemory
{
    public string? PreviousQuestion { get; set; }
}
