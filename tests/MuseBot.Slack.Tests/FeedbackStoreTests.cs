using System.Text.RegularExpressions;
using System.Diagnostics;
using MuseBot.Cli;
using MuseBot.Contracts;
using MuseBot.Core.Feedback;

namespace MuseBot.Slack.Tests;

public sealed class FeedbackStoreTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-feedback-" + Guid.NewGuid().ToString("N")[..8]);

    private string DbPath => Path.Combine(_folder, SqliteFeedbackStore.FileName);

    private static FeedbackRecord Click(string question, bool helpful, string user = "u") =>
        new("slack", question, helpful, ["§7 Infrastructure Signal"], FeedbackUserHash.Of("slack", "T1", user), DateTimeOffset.UtcNow);

    [Fact]
    public async Task Five_hundred_concurrent_clicks_from_16_tasks_are_all_stored()
    {
        using var store = SqliteFeedbackStore.InDataFolder(_folder);
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(t => Task.Run(async () =>
        {
            for (int i = t; i < 500; i += 16) await store.RecordFeedbackAsync(Click($"question {i % 25}", i % 4 != 0, $"user{t}"));
        })));
        var elapsed = sw.Elapsed;
        var (feedback, _) = await store.CountAsync();
        Assert.Equal(500, feedback);
        output.WriteLine($"500 concurrent feedback writes (16 tasks, WAL, synchronous=FULL): {elapsed.TotalMilliseconds:0} ms");

        // And the file really is in WAL mode.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }

    [Fact]
    [Trait("Category", "Slow")] // a child process, killed
    public async Task A_process_killed_while_writing_loses_nothing_it_acknowledged()
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "FeedbackWriter.dll");
        Assert.True(File.Exists(writer), writer);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(DbPath);
        start.ArgumentList.Add("1000000");
        using var child = new Process { StartInfo = start };
        int acknowledged = 0;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        child.OutputDataReceived += (_, e) =>
        {
            // Lines arrive in order on one thread; each one is a record the store acknowledged.
            if (e.Data is { } line && line.StartsWith("ack ", StringComparison.Ordinal))
                Volatile.Write(ref acknowledged, int.Parse(line["ack ".Length..]));
        };
        child.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            // Let a few hundred records in, then kill the writer mid-stream.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Volatile.Read(ref acknowledged) < 300 && !child.HasExited && DateTime.UtcNow < deadline)
                await Task.Delay(5);
            Assert.False(child.HasExited, "the writer exited early: " + string.Join("\n", errors));
            Assert.True(Volatile.Read(ref acknowledged) >= 300, $"only {acknowledged} records acknowledged in 30 s: " + string.Join("\n", errors));
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
            // Also waits for the redirected output to be drained: acks printed just before the kill are counted.
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        Assert.NotEqual(0, child.ExitCode);   // killed, not finished

        using var store = new SqliteFeedbackStore(DbPath);
        var (rows, _) = await store.CountAsync();
        output.WriteLine($"writer killed after {acknowledged} acknowledged records; {rows} rows on disk");
        Assert.True(rows >= acknowledged, $"{rows} rows on disk, {acknowledged} acknowledged");
        Assert.True(rows <= acknowledged + 1, $"{rows} rows on disk, {acknowledged} acknowledged: at most one unacknowledged write in flight");
    }

    [Fact]
    public async Task The_report_lists_frequent_unanswered_questions_and_most_downvoted_answers()
    {
        using var store = SqliteFeedbackStore.InDataFolder(_folder);
        var now = DateTimeOffset.UtcNow;
        foreach (var q in new[] { "What is the weather?", "what is the  weather", "Who is the CEO?", "WHAT IS THE WEATHER?", "Who is the CEO" , "Stock price?" })
            await store.RecordUnansweredAsync(new UnansweredRecord("slack", q, now));
        await store.RecordFeedbackAsync(Click("How much capex?", false));
        await store.RecordFeedbackAsync(Click("How much capex?", false, "v"));
        await store.RecordFeedbackAsync(Click("How much capex?", true, "w"));
        await store.RecordFeedbackAsync(Click("What modes?", false));
        await store.RecordFeedbackAsync(Click("Only liked", true));

        var top = await store.ReportAsync(2);
        Assert.Equal([("WHAT IS THE WEATHER?", 3), ("Who is the CEO", 2)], top.TopUnanswered);
        Assert.Equal([("How much capex?", 2, 1), ("What modes?", 1, 0)], top.MostDownvoted);

        var report = new StringWriter();
        Assert.Equal(0, await ReportCommand.RunAsync(store, report, 5, CancellationToken.None));
        var text = report.ToString();
        Assert.StartsWith("MuseBot feedback report", text);
        Assert.Contains("3×  WHAT IS THE WEATHER?", text);
        Assert.Contains("👎   2  👍   1  How much capex?", text);
        Assert.DoesNotContain("Only liked", text);
    }

    [Fact]
    public async Task The_week_has_its_answered_and_refused_rates_top_refused_questions_and_feedback_by_section()
    {
        using var store = SqliteFeedbackStore.InDataFolder(_folder);
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 6; i++) await store.RecordAnsweredAsync(new AnsweredRecord("slack", now.AddDays(-i).AddMinutes(-1)));
        await store.RecordAnsweredAsync(new AnsweredRecord("slack", now.AddDays(-8)));          // last week: not counted
        await store.RecordAnsweredAsync(new AnsweredRecord("slack", now.AddMinutes(1)));        // after the end: not counted
        foreach (var (q, daysAgo) in new[] { ("Stock price?", 1), ("stock price", 2), ("Who is the CEO?", 3), ("Old question", 9) })
            await store.RecordUnansweredAsync(new UnansweredRecord("msteams", q, now.AddDays(-daysAgo)));
        FeedbackRecord Rated(bool helpful, string[] citations, int daysAgo) =>
            new("slack", "q", helpful, citations, "h", now.AddDays(-daysAgo));
        await store.RecordFeedbackAsync(Rated(false, ["§7 Infrastructure Signal; table \"Capex\", row \"2025\"", "§7 Infrastructure Signal"], 1));
        await store.RecordFeedbackAsync(Rated(true, ["§2 Launch"], 1));
        await store.RecordFeedbackAsync(Rated(true, ["§2 Launch", "§7 Infrastructure Signal"], 2));
        await store.RecordFeedbackAsync(Rated(false, [], 3));
        await store.RecordFeedbackAsync(Rated(false, ["§2 Launch"], 10));                      // outside the week

        var week = await store.InsightsAsync(now - ReportCommand.Week, now, 5);
        Assert.Equal((6, 3), (week.Answered, week.Refused));
        Assert.Equal(2.0 / 3, week.AnsweredRate!.Value, 6);
        Assert.Equal([("stock price", 2), ("Who is the CEO?", 1)], week.TopRefused);
        Assert.Equal([new SectionFeedback("§7 Infrastructure Signal", 1, 1), new SectionFeedback("(no citation)", 0, 1), new SectionFeedback("§2 Launch", 2, 0)], week.BySection);
        var yesterday = Assert.Single(week.Days, d => d.Day == new DateOnly(2026, 3, 9));
        Assert.Equal(new DayActivity(new DateOnly(2026, 3, 9), 1, 1, 1, 1), yesterday);

        var report = new StringWriter();
        Assert.Equal(0, await ReportCommand.RunAsync(store, report, 5, htmlPath: null, now, CancellationToken.None));
        var text = report.ToString();
        Assert.Contains("9 questions: answered 6 (66.7%), refused 3 (33.3%)", text);
        Assert.Contains("2×  stock price", text);
        Assert.Contains("👍   1  👎   1  §7 Infrastructure Signal", text);
    }

    [Fact]
    public async Task An_empty_store_reports_none_and_a_bad_top_is_refused()
    {
        using var store = SqliteFeedbackStore.InDataFolder(_folder);
        var report = new StringWriter();
        Assert.Equal(0, await ReportCommand.RunAsync(store, report, 10, CancellationToken.None));
        // the week's refused questions and sections, then the all-time unanswered and 👎 lists
        Assert.Equal(4, Regex.Count(report.ToString(), "none recorded"));
        Assert.Contains("no questions recorded", report.ToString());
        Assert.Equal(2, await ReportCommand.RunAsync(store, new StringWriter(), 0, CancellationToken.None));
    }

    [Fact]
    public void The_user_hash_is_sha256_and_never_the_id()
    {
        var hash = FeedbackUserHash.Of("slack", "T1", "U12345");
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain("U12345", hash);
        Assert.NotEqual(hash, FeedbackUserHash.Of("slack", "T2", "U12345"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
