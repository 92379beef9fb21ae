using Microsoft.Data.Sqlite;

namespace MuseBot.Core.Storage.Sqlite;

/// <summary><see cref="IInstallationStore"/> in the embedded conversation database (its own table, made here).
/// Installations do not expire: they go when the workspace uninstalls the app.</summary>
public sealed class SqliteInstallationStore : IInstallationStore
{
    private readonly ConversationDatabase _db;

    public SqliteInstallationStore(ConversationDatabase db)
    {
        _db = db;
        using var connection = db.Open(durable: true);
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS installations (
                workspace_id TEXT PRIMARY KEY,
                team_id TEXT,
                enterprise_id TEXT,
                bot_user_id TEXT,
                bot_token TEXT NOT NULL,
                scopes TEXT NOT NULL,
                installer_user_id TEXT,
                installed_at INTEGER NOT NULL,
                revoked_reason TEXT
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    public Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default) =>
        _db.WriteAsync(durable: true, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT OR REPLACE INTO installations (workspace_id, team_id, enterprise_id, bot_user_id, bot_token, scopes, installer_user_id, installed_at, revoked_reason)
                VALUES ($id, $team, $enterprise, $botUser, $token, $scopes, $installer, $at, $revoked)
                """;
            command.Parameters.AddWithValue("$id", installation.WorkspaceId);
            command.Parameters.AddWithValue("$team", (object?)installation.TeamId ?? DBNull.Value);
            command.Parameters.AddWithValue("$enterprise", (object?)installation.EnterpriseId ?? DBNull.Value);
            command.Parameters.AddWithValue("$botUser", (object?)installation.BotUserId ?? DBNull.Value);
            command.Parameters.AddWithValue("$token", installation.ProtectedBotToken);
            command.Parameters.AddWithValue("$scopes", installation.Scopes);
            command.Parameters.AddWithValue("$installer", (object?)installation.InstallerUserId ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", installation.InstalledAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$revoked", (object?)installation.RevokedReason ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<WorkspaceInstallation?> FindAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = _db.Open(durable: false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT workspace_id, team_id, enterprise_id, bot_user_id, bot_token, scopes, installer_user_id, installed_at, revoked_reason
            FROM installations WHERE workspace_id = $id
            """;
        command.Parameters.AddWithValue("$id", workspaceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new WorkspaceInstallation(reader.GetString(0), Text(1), Text(2), Text(3), reader.GetString(4), reader.GetString(5), Text(6),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)), Text(8));
    }

    public Task<bool> MarkRevokedAsync(string workspaceId, string reason, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE installations SET revoked_reason = $reason WHERE workspace_id = $id", workspaceId, reason, cancellationToken);

    public Task<bool> DeleteAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM installations WHERE workspace_id = $id", workspaceId, null, cancellationToken);

    private Task<bool> ExecuteAsync(string sql, string workspaceId, string? reason, CancellationToken cancellationToken) =>
        _db.WriteAsync(durable: true, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", workspaceId);
            if (reason is not null) command.Parameters.AddWithValue("$reason", reason);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
}
