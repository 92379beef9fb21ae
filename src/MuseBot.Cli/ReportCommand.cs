using MuseBot.Contracts;

namespace MuseBot.Cli;

/// <summary>
/// `musebot report [--top N] [--html FILE]`: what the note's maintainers should look at, from the feedback store:
/// the week's answered/refused rates, its most-asked refused questions and 👍/👎 by section (where the store counts
/// answers), then the all-time unanswered and most 👎 lists. --html also writes the same as one self-contained page
/// with a chart of refusals and feedback per day.
/// </summary>
public static class ReportCommand
{
    /// <summary>The week the rates cover, ending now.</summary>
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The days the HTML chart shows, ending today.</summary>
    public const int ChartDays = 28;

    public static Task<int> RunAsync(IFeedbackStore store, TextWriter output, int top, CancellationToken ct) =>
        RunAsync(store, output, top, htmlPath: null, now: null, ct);

    public static async Task<int> RunAsync(IFeedbackStore store, TextWriter output, int top, string? htmlPath, DateTimeOffset? now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        if (top <= 0)
        {
            await output.WriteLineAsync($"report: the number of lines to show must be at least 1 (got {top}).").ConfigureAwait(false);
            return 2;
        }

        var report = await store.ReportAsync(top, ct).ConfigureAwait(false);
        var end = now ?? DateTimeOffset.UtcNow;
        FeedbackInsights? week = null, chart = null;
        if (store is IFeedbackInsights insights)
        {
            week = await insights.InsightsAsync(end - Week, end, top, ct).ConfigureAwait(false);
            var firstDay = new DateTimeOffset(end.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - ChartDays);
            chart = await insights.InsightsAsync(firstDay, end, top, ct).ConfigureAwait(false);
        }

        await output.WriteLineAsync("MuseBot feedback report: what the note does not answer, and what readers marked 👎.").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        if (week is not null) await WriteWeekAsync(output, week, top).ConfigureAwait(false);

        await output.WriteLineAsync($"Most frequent unanswered questions (top {top}):").ConfigureAwait(false);
        if (report.TopUnanswered.Count == 0)
            await output.WriteLineAsync("  none recorded").ConfigureAwait(false);
        for (int i = 0; i < report.TopUnanswered.Count; i++)
        {
            var (question, count) = report.TopUnanswered[i];
            await output.WriteLineAsync($"  {i + 1,2}. {count,4}×  {OneLine(question)}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Answers with most 👎 (top {top}):").ConfigureAwait(false);
        if (report.MostDownvoted.Count == 0)
            await output.WriteLineAsync("  none recorded").ConfigureAwait(false);
        for (int i = 0; i < report.MostDownvoted.Count; i++)
        {
            var (question, down, up) = report.MostDownvoted[i];
            await output.WriteLineAsync($"  {i + 1,2}. 👎 {down,3}  👍 {up,3}  {OneLine(question)}").ConfigureAwait(false);
        }

        if (htmlPath is not null)
        {
            var full = Path.GetFullPath(htmlPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, ReportHtml.Render(report, week, chart, end, top), ct).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"HTML report written to {full}").ConfigureAwait(false);
        }
        return 0;
    }

    private static async Task WriteWeekAsync(TextWriter output, FeedbackInsights week, int top)
    {
        await output.WriteLineAsync($"This week ({week.From:yyyy-MM-dd HH:mm} to {week.To:yyyy-MM-dd HH:mm} UTC):").ConfigureAwait(false);
        await output.WriteLineAsync(week.Questions == 0
            ? "  no questions recorded"
            : $"  {week.Questions} questions: answered {week.Answered} ({Percent(week.AnsweredRate)}), refused {week.Refused} ({Percent(week.RefusedRate)})").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Most-asked refused questions this week (top {top}):").ConfigureAwait(false);
        if (week.TopRefused.Count == 0) await output.WriteLineAsync("  none recorded").ConfigureAwait(false);
        for (int i = 0; i < week.TopRefused.Count; i++)
            await output.WriteLineAsync($"  {i + 1,2}. {week.TopRefused[i].Count,4}×  {OneLine(week.TopRefused[i].Question)}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("👍/👎 by section this week:").ConfigureAwait(false);
        if (week.BySection.Count == 0) await output.WriteLineAsync("  none recorded").ConfigureAwait(false);
        foreach (var s in week.BySection)
            await output.WriteLineAsync($"  👍 {s.ThumbsUp,3}  👎 {s.ThumbsDown,3}  {OneLine(s.Section)}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
    }

    internal static string Percent(double? rate) => rate is { } r ? $"{r * 100:0.#}%" : "n/a";

    // A question typed over several lines would break the report's columns.
    internal static string OneLine(string text) =>
        AnswerFormatting.Shorten(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), 160);
}
