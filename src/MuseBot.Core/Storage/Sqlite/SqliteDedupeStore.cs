using Microsoft.Data.Sqlite;

namespace MuseBot.Core.Storage.Sqlite;

/// <summary><see cref="IDedupeStore"/> in the embedded database: survives restarts, forgets keys after the window.</summary>
public sealed class SqliteDedupeStore(ConversationDatabase db, TimeSpan window) : IDedupeStore
{
    public Task<bool> TryBeginAsync(string key, CancellationToken cancellationToken = default) =>
        db.WriteAsync(durable: false, connection =>
        {
            var now = db.Now;
            return TryInsertAsync(connection, null, key, now, now + (long)window.TotalMilliseconds, cancellationToken);
        }, cancellationToken);

    public Task ForgetAsync(string key, CancellationToken cancellationToken = default) =>
        db.WriteAsync(durable: false, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM dedupe WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Inserts the key, or takes over an expired one; false when a live one is there.</summary>
    internal static async Task<bool> TryInsertAsync(SqliteConnection connection, SqliteTransaction? transaction, string key, long now, long expiresAt, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO dedupe (key, expires_at) VALUES ($key, $expires)
            ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE dedupe.expires_at <= $now
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$expires", expiresAt);
        command.Parameters.AddWithValue("$now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
