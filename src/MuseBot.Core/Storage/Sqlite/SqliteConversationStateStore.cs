using System.Globalization;

namespace MuseBot.Core.Storage.Sqlite;

/// <summary>
/// <see cref="IConversationStateStore"/> in the embedded database. A write moves the document's expiry to
/// now + <c>expiry</c>; an expired document reads as absent and is deleted by the purge.
/// </summary>
public sealed class SqliteConversationStateStore(ConversationDatabase db, TimeSpan expiry) : IConversationStateStore
{
    public async Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = db.Open(durable: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json, etag FROM state WHERE key = $key AND expires_at > $now";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", db.Now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new StoredState(reader.GetString(0), reader.GetString(1)) : null;
    }

    public Task<string> WriteAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken = default) =>
        db.WriteAsync(durable: false, async connection =>
        {
            var now = db.Now;
            var etag = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
            await using var command = connection.CreateCommand();
            // An expired document counts as absent, so a writer holding its old ETag may still write.
            command.CommandText = ifMatch is null
                ? """
                  INSERT INTO state (key, json, etag, expires_at) VALUES ($key, $json, $etag, $expires)
                  ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, expires_at = excluded.expires_at
                  """
                : """
                  INSERT INTO state (key, json, etag, expires_at) VALUES ($key, $json, $etag, $expires)
                  ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, expires_at = excluded.expires_at
                  WHERE state.etag = $ifMatch OR state.expires_at <= $now
                  """;
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$json", json);
            command.Parameters.AddWithValue("$etag", etag);
            command.Parameters.AddWithValue("$expires", now + (long)expiry.TotalMilliseconds);
            command.Parameters.AddWithValue("$now", now);
            if (ifMatch is not null) command.Parameters.AddWithValue("$ifMatch", ifMatch);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                throw new StateConflictException(key);
            return etag;
        }, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        db.WriteAsync(durable: false, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM state WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
