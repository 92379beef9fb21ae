using System.Text.Json;
using MuseBot.Core.Conversation;

namespace MuseBot.Core.Storage.Sqlite;

/// <summary><see cref="IAnswerLedger"/> in the embedded database; an answer is remembered for <c>retention</c>.</summary>
public sealed class SqliteAnswerLedger(ConversationDatabase db, TimeSpan retention) : IAnswerLedger
{
    public Task RememberAsync(AnsweredMessage answered, CancellationToken cancellationToken = default) =>
        db.WriteAsync(durable: false, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO answers (channel, conversation, message_id, question, citations, expires_at)
                VALUES ($channel, $conversation, $id, $question, $citations, $expires)
                ON CONFLICT (channel, conversation, message_id) DO UPDATE
                SET question = excluded.question, citations = excluded.citations, expires_at = excluded.expires_at
                """;
            command.Parameters.AddWithValue("$channel", answered.Channel);
            command.Parameters.AddWithValue("$conversation", answered.Conversation);
            command.Parameters.AddWithValue("$id", answered.MessageId);
            command.Parameters.AddWithValue("$question", answered.Question);
            command.Parameters.AddWithValue("$citations", JsonSerializer.Serialize(answered.Citations));
            command.Parameters.AddWithValue("$expires", db.Now + (long)retention.TotalMilliseconds);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<AnsweredMessage?> FindAsync(string channel, string conversation, string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = db.Open(durable: false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT question, citations FROM answers
            WHERE channel = $channel AND conversation = $conversation AND message_id = $id AND expires_at > $now
            """;
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$conversation", conversation);
        command.Parameters.AddWithValue("$id", messageId);
        command.Parameters.AddWithValue("$now", db.Now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        var citations = JsonSerializer.Deserialize<List<string>>(reader.GetString(1)) ?? [];
        return new AnsweredMessage(channel, conversation, messageId, reader.GetString(0), citations);
    }
}
