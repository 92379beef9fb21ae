using System.Text.Json;
using MuseBot.Core.Storage;

namespace MuseBot.Host.Slack;

/// <summary>
/// The last question asked in each Slack thread, so "and Zeta's?" can be answered as a follow-up. Kept in the
/// conversation store with the rest of the conversation state: it survives restarts and expires with it.
/// </summary>
public sealed class SlackThreadMemory(IConversationStateStore store)
{
    private sealed record ThreadState(string? PreviousQuestion);

    public static string Key(string teamId, string channel, string threadTs) => $"slack/threads/{teamId}/{channel}/{threadTs}";

    public async Task<string?> PreviousQuestionAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : JsonSerializer.Deserialize<ThreadState>(stored.Json)?.PreviousQuestion;
    }

    public async Task RememberAsync(string key, string? question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(question)) return;
        await store.WriteAsync(key, JsonSerializer.Serialize(new ThreadState(question)), ifMatch: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True the first time <paramref name="userId"/> opens the app's Messages tab (within the state expiry), and remembers it.</summary>
    public async Task<bool> FirstVisitAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var key = $"slack/welcomed/{teamId}/{userId}";
        if (await store.ReadAsync(key, cancellationToken).ConfigureAwait(false) is not null) return false;
        try
        {
            await store.WriteAsync(key, "{}", ifMatch: "", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StateConflictException)
        {
            return false;   // welcomed by another worker just now
        }
    }
}
