using MuseBot.Contracts;

namespace MuseBot.Cli;

/// <summary>`musebot report [top]`: what the note's maintainers should look at, from the feedback store.</summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(IFeedbackStore store, TextWriter output, int top, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        if (top <= 0)
        {
            await output.WriteLineAsync($"report: the number of lines to show must be at least 1 (got {top}).").ConfigureAwait(false);
            return 2;
        }

        var report = await store.ReportAsync(top, ct).ConfigureAwait(false);

        await output.WriteLineAsync("MuseBot feedback report: what the note does not answer, and what readers marked 👎.").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);

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
        return 0;
    }

    // A question typed over several lines would break the report's columns.
    private static string OneLine(string text) =>
        AnswerFormatting.Shorten(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), 160);
}
