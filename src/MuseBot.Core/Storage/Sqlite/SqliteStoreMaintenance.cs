namespace MuseBot.Core.Storage.Sqlite;

/// <summary><see cref="IConversationStoreMaintenance"/> for the embedded database: the file is created when opened.</summary>
public sealed class SqliteStoreMaintenance(ConversationDatabase db) : IConversationStoreMaintenance
{
    public string Description => $"SQLite {db.DatabasePath} (embedded: one instance)";

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<int> PurgeExpiredAsync(TimeSpan keepFinishedWork, CancellationToken cancellationToken = default) =>
        db.PurgeExpiredAsync(keepFinishedWork, cancellationToken);
}
