using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core;

namespace MuseBot.Cli;

/// <summary>Answers one question at a time without ever throwing: bad input and engine failures become a
/// friendly abstaining answer, so a batch of questions always yields one reply per question.</summary>
public sealed class SafeAnswerer(IAnswerEngine engine, ILogger logger)
{
    public const string FailureReply =
        "Sorry, something went wrong while answering that question. Try rephrasing it, or type `help` for what I can do.";

    public async Task<Answer> AnswerAsync(string question, CancellationToken ct, string? previous = null)
    {
        var cleaned = QuestionGuard.Clean(question, out var reply);
        if (cleaned is null) return new Answer(question, reply!, Abstained: true, [], []) { Source = "cli" };
        try
        {
            return await engine.AnswerAsync(new Question(cleaned, previous), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The message only: a stack trace helps nobody reading a terminal or a JSON line.
            logger.LogError("Answering failed ({Type}): {Message}", ex.GetType().Name, ex.Message);
            return new Answer(question, FailureReply, Abstained: true, [], []) { Source = "cli" };
        }
    }
}

/// <summary>`ask`: questions from the arguments, or one per line on stdin when there are none.</summary>
public static class AskCommand
{
    public static async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var services = context.Services;
        _ = services.GetRequiredService<MuseBotEngine>(); // open (or build) the index before the first question
        var answerer = new SafeAnswerer(services.GetRequiredService<IAnswerEngine>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("MuseBot.Cli"));
        bool json = context.Arguments.Has("--json");
        var fromArguments = context.Arguments.Positionals.Count > 0;
        if (!fromArguments && context.Interactive && !json)
            context.Stderr.WriteLine("Type a question and press Enter (Ctrl-D to finish). `musebot help` lists the commands.");

        int count = 0;
        foreach (var question in Questions(context, fromArguments))
        {
            ct.ThrowIfCancellationRequested();
            var answer = await answerer.AnswerAsync(question, ct);
            if (json)
            {
                context.Stdout.WriteLine(AnswerJson.ToLine(answer, question));
            }
            else
            {
                if (count > 0) context.Stdout.WriteLine();
                if (!fromArguments || context.Arguments.Positionals.Count > 1) context.Stdout.WriteLine($"Q: {CliArguments.Printable(question)}");
                context.Stdout.Write(AnswerText.Render(answer));
            }
            context.Stdout.Flush();
            count++;
        }
        if (count == 0 && !json) context.Stderr.WriteLine("No question given. Example: musebot ask \"How much did Meta spend on capex in 2025?\"");
        return CliApp.ExitOk;
    }

    /// <summary>Each argument is a question; several arguments without spaces are one unquoted question
    /// (`musebot ask what is capex`). On stdin: one question per line, blank lines skipped.</summary>
    private static IEnumerable<string> Questions(CliContext context, bool fromArguments)
    {
        var args = context.Arguments.Positionals;
        if (fromArguments)
        {
            if (args.Count > 1 && args.All(a => a.Length > 0 && !a.Any(char.IsWhiteSpace)))
                yield return string.Join(' ', args);
            else
                foreach (var a in args) yield return a;
            yield break;
        }
        while (context.Stdin.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return line;
        }
    }
}
