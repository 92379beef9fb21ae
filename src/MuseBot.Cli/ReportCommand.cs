using MuseBot.Contracts;

namespace MuseBot.Cli;

/// <summary>`report`: the questions the bot could not answer and the answers people marked 👎.</summary>
public static class ReportCommand
{
    public static async Task RunAsync(IFeedbackStore store, TextWriter output, int top, CancellationToken ct)
    {
        var report = await store.ReportAsync(top, ct);
        output.WriteLine($"Most frequent unanswered questions (top {top}):");
        if (report.TopUnanswered.Count == 0) output.WriteLine("  (none)");
        foreach (var (question, count) in report.TopUnanswered) output.WriteLine($"  {count,5} × {question}");
        output.WriteLine();
        output.WriteLine($"Answers with the most 👎 (top {top}):");
        if (report.MostDownvoted.Count == 0) output.WriteLine("  (none)");
        foreach (var (question, down, up) in report.MostDownvoted) output.WriteLine($"  👎 {down,4}  👍 {up,4}  {question}");
    }
}
