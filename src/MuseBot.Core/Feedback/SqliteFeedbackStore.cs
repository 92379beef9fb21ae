using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MuseBot.Contracts;

namespace MuseBot.Core.Feedback;

/// <summary>
/// The feedback store every channel shares: one SQLite file (WAL mode) under the data folder. A record is on disk
/// when <see cref="RecordFeedbackAsync"/> returns, so a caller may acknowledge it to the user then.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IFeedbackInsights, IDisposable
{
    public const string FileName = "feedback.db";

    private readonly string _connectionString;

    // One writer at a time inside the process: SQLite allows one anyway, and queueing here is cheaper than
    // spinning on SQLITE_BUSY. Other processes (the CLI report) are covered by the busy timeout.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteFeedbackStore(string databasePath)
    {
        if (string.IsNullOrWhiteSpace(databasePath))
            throw new ArgumentException("The feedback database path is empty.", nameof(databasePath));
        DatabasePath = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(DatabasePath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot create the feedback folder '{folder}': set MuseBot:DataPath (MuseBot__DataPath) to a writable folder. {e.Message}", e);
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
    public static SqliteFeedbackStore InDataFolder(string dataPath) => new(Path.Combine(dataPath, FileName));

    public string DatabasePath { get; }

    private void CreateSchema()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // WAL: readers (the report) never block the bot's writes. synchronous=FULL: a commit is on disk when it
        // returns, which is what lets a channel acknowledge a click.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS feedback (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                channel TEXT NOT NULL,
                question TEXT NOT NULL,
                question_key TEXT NOT NULL,
                helpful INTEGER NOT NULL,
                citations TEXT NOT NULL,
                user_hash TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS feedback_question_key ON feedback(question_key);
            CREATE TABLE IF NOT EXISTS unanswered (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                channel TEXT NOT NULL,
                question TEXT NOT NULL,
                question_key TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS unanswered_question_key ON unanswered(question_key);
            CREATE INDEX IF NOT EXISTS unanswered_at ON unanswered(at);
            CREATE INDEX IF NOT EXISTS feedback_at ON feedback(at);
            CREATE TABLE IF NOT EXISTS answered (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                channel TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS answered_at ON answered(at);
            """;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // Per connection: pooled connections keep it, new ones need it.
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public Task RecordFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return WriteAsync("""
            INSERT INTO feedback (channel, question, question_key, helpful, citations, user_hash, at)
            VALUES ($channel, $question, $key, $helpful, $citations, $user, $at)
            """, p =>
        {
            p.AddWithValue("$channel", feedback.Channel ?? "");
            p.AddWithValue("$question", feedback.Question ?? "");
            p.AddWithValue("$key", QuestionKey(feedback.Question));
            p.AddWithValue("$helpful", feedback.Helpful ? 1 : 0);
            p.AddWithValue("$citations", JsonSerializer.Serialize(feedback.Citations ?? []));
            p.AddWithValue("$user", feedback.UserHash ?? "");
            p.AddWithValue("$at", Stamp(feedback.At));
        }, cancellationToken);
    }

    public Task RecordUnansweredAsync(UnansweredRecord question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        return WriteAsync("INSERT INTO unanswered (channel, question, question_key, at) VALUES ($channel, $question, $key, $at)", p =>
        {
            p.AddWithValue("$channel", question.Channel ?? "");
            p.AddWithValue("$question", question.Question ?? "");
            p.AddWithValue("$key", QuestionKey(question.Question));
            p.AddWithValue("$at", Stamp(question.At));
        }, cancellationToken);
    }

    public Task RecordAnsweredAsync(AnsweredRecord answered, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answered);
        return WriteAsync("INSERT INTO answered (channel, at) VALUES ($channel, $at)", p =>
        {
            p.AddWithValue("$channel", answered.Channel ?? "");
            p.AddWithValue("$at", Stamp(answered.At));
        }, cancellationToken);
    }

    /// <summary>One insert, on disk when this returns (synchronous=FULL), one writer at a time.</summary>
    private async Task WriteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind(command.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<FeedbackReport> ReportAsync(int top, CancellationToken cancellationToken = default)
    {
        if (top <= 0) return new FeedbackReport([], []);
        await using var connection = Open();

        var unanswered = new List<(string Question, int Count)>();
        await using (var command = connection.CreateCommand())
        {
            // Questions asked in different case or spacing count as one; the most recent wording is shown.
            command.CommandText = """
                SELECT (SELECT u2.question FROM unanswered u2 WHERE u2.question_key = u.question_key ORDER BY u2.id DESC LIMIT 1),
                       COUNT(*) AS n
                FROM unanswered u
                GROUP BY u.question_key
                ORDER BY n DESC, MAX(u.id) DESC
                LIMIT $top
                """;
            command.Parameters.AddWithValue("$top", top);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                unanswered.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        var downvoted = new List<(string Question, int ThumbsDown, int ThumbsUp)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT (SELECT f2.question FROM feedback f2 WHERE f2.question_key = f.question_key ORDER BY f2.id DESC LIMIT 1),
                       SUM(CASE WHEN f.helpful = 0 THEN 1 ELSE 0 END) AS down,
                       SUM(CASE WHEN f.helpful = 1 THEN 1 ELSE 0 END) AS up
                FROM feedback f
                GROUP BY f.question_key
                HAVING down > 0
                ORDER BY down DESC, up ASC, MAX(f.id) DESC
                LIMIT $top
                """;
            command.Parameters.AddWithValue("$top", top);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                downvoted.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return new FeedbackReport(unanswered, downvoted);
    }

    public async Task<FeedbackInsights> InsightsAsync(DateTimeOffset from, DateTimeOffset to, int top, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        // Stamps are ISO 8601 UTC ("O"), so text order is time order.
        SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$from", Stamp(from));
            command.Parameters.AddWithValue("$to", Stamp(to));
            command.Parameters.AddWithValue("$top", Math.Max(0, top));
            return command;
        }

        static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tally = new FeedbackInsightsTally();
        foreach (var (table, answered) in new[] { ("answered", true), ("unanswered", false) })
        {
            await using var command = Command($"SELECT substr(at, 1, 10), COUNT(*) FROM {table} WHERE at >= $from AND at < $to GROUP BY 1");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (answered) tally.AddAnswered(Day(reader.GetString(0)), reader.GetInt32(1));
                else tally.AddRefused(Day(reader.GetString(0)), reader.GetInt32(1));
            }
        }

        await using (var command = Command("SELECT substr(at, 1, 10), helpful, citations FROM feedback WHERE at >= $from AND at < $to"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                tally.AddFeedback(Day(reader.GetString(0)), reader.GetInt32(1) == 1, reader.GetString(2));
        }

        var topRefused = new List<(string Question, int Count)>();
        await using (var command = Command("""
            SELECT (SELECT u2.question FROM unanswered u2 WHERE u2.question_key = u.question_key ORDER BY u2.id DESC LIMIT 1),
                   COUNT(*) AS n
            FROM unanswered u
            WHERE u.at >= $from AND u.at < $to
            GROUP BY u.question_key
            ORDER BY n DESC, MAX(u.id) DESC
            LIMIT $top
            """))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                topRefused.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return tally.Build(from, to, topRefused);
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Counts the stored records (for tests and the report's header).</summary>
    public async Task<(int Feedback, int Unanswered)> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM feedback), (SELECT COUNT(*) FROM unanswered)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>Case, punctuation at the ends and runs of spaces do not make a different question.</summary>
    public static string QuestionKey(string? question)
    {
        var sb = new StringBuilder();
        bool space = false;
        foreach (var c in (question ?? "").Trim().TrimEnd('?', '!', '.', ' ').ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        _writeGate.Dispose();
        // Pooled connections keep the file open; release them so the folder can be removed (tests, shutdown).
        SqliteConnection.ClearAllPools();
    }
}
