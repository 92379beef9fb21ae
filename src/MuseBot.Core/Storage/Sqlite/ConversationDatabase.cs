using Microsoft.Data.Sqlite;

namespace MuseBot.Core.Storage.Sqlite;

/// <summary>
/// The embedded conversation store: one SQLite file (WAL) under the data folder holding the durable work queue, the
/// dedupe keys, conversation state and the ledger of sent answers. One node only: a shared deployment replaces the
/// interfaces' implementations, not this file.
/// </summary>
public sealed class ConversationDatabase : IDisposable
{
    private readonly string _connectionString;

    // One writer at a time inside the process: SQLite allows one anyway, and queueing here is cheaper than spinning
    // on SQLITE_BUSY. Readers are not gated (WAL).
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public ConversationDatabase(string databasePath, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(databasePath))
            throw new ArgumentException("The conversation database path is empty.", nameof(databasePath));
        Time = time;
        DatabasePath = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(DatabasePath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot create the data folder '{folder}': set MuseBot:DataPath (MuseBot__DataPath) to a writable folder. {e.Message}", e);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        CreateSchema();
    }

    /// <summary>The store under <paramref name="dataPath"/> (MuseBot:DataPath).</summary>
    public static ConversationDatabase InDataFolder(string dataPath, TimeProvider time) =>
        new(Path.Combine(dataPath, ConversationStoreOptions.FileName), time);

    public string DatabasePath { get; }

    public TimeProvider Time { get; }

    public long Now => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private void CreateSchema()
    {
        using var connection = Open(durable: true);
        using var command = connection.CreateCommand();
        // Times are Unix milliseconds. state: 0 pending, 1 done, 2 given up.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS work (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                state INTEGER NOT NULL DEFAULT 0,
                attempts INTEGER NOT NULL DEFAULT 0,
                available_at INTEGER NOT NULL,
                lease_until INTEGER,
                created_at INTEGER NOT NULL,
                finished_at INTEGER,
                last_error TEXT
            );
            CREATE INDEX IF NOT EXISTS work_due ON work(state, available_at);
            CREATE TABLE IF NOT EXISTS dedupe (
                key TEXT PRIMARY KEY,
                expires_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS dedupe_expiry ON dedupe(expires_at);
            CREATE TABLE IF NOT EXISTS state (
                key TEXT PRIMARY KEY,
                json TEXT NOT NULL,
                etag TEXT NOT NULL,
                expires_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS state_expiry ON state(expires_at);
            CREATE TABLE IF NOT EXISTS answers (
                channel TEXT NOT NULL,
                conversation TEXT NOT NULL,
                message_id TEXT NOT NULL,
                question TEXT NOT NULL,
                citations TEXT NOT NULL,
                expires_at INTEGER NOT NULL,
                PRIMARY KEY (channel, conversation, message_id)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS answers_expiry ON answers(expires_at);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A pooled connection. <paramref name="durable"/>: a commit is on disk when it returns (synchronous=FULL), for
    /// what is acknowledged to someone; otherwise it survives the process dying (WAL, synchronous=NORMAL) but may
    /// be lost with the machine, which is fine for caches of what can be asked again.
    /// </summary>
    public SqliteConnection Open(bool durable)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = durable ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs <paramref name="write"/> as the only writer in this process, on its own connection.</summary>
    public async Task<T> WriteAsync<T>(bool durable, Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open(durable);
            return await write(connection).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Deletes what has expired: dedupe keys, state, remembered answers, finished work past the dedupe
    /// window. Returns the rows removed.</summary>
    public Task<int> PurgeExpiredAsync(TimeSpan keepFinishedWork, CancellationToken cancellationToken = default) =>
        WriteAsync(durable: false, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM dedupe WHERE expires_at <= $now;
                DELETE FROM state WHERE expires_at <= $now;
                DELETE FROM answers WHERE expires_at <= $now;
                DELETE FROM work WHERE state <> 0 AND finished_at <= $finishedBefore;
                """;
            command.Parameters.AddWithValue("$now", Now);
            command.Parameters.AddWithValue("$finishedBefore", Now - (long)keepFinishedWork.TotalMilliseconds);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public void Dispose()
    {
        _writeGate.Dispose();
        // Pooled connections keep the file open; release this file's so its folder can be removed (tests, shutdown).
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
