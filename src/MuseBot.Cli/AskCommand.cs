using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core;
using MuseBot.Core.Commands;
using MuseBot.Core.Conversation;

namespace MuseBot.Cli;

/// <summary>Answers one question at a time without ever throwing: bad input and engine failures become a
/// friendly abstaining answer, so a batch of questions always yields one reply per question. The turn is the one
/// every channel takes (<see cref="ConversationTurns"/>): the same guard and wording as Teams and Slack.</summary>
public sealed class SafeAnswerer(ConversationTurns turns)
{
    /// <summary>Questions only, nothing recorded: for `eval` and `bench`, which measure the engine.</summary>
    public SafeAnswerer(IAnswerEngine engine, ILogger logger)
        : this(new ConversationTurns(engine, commands: null, feedback: null, ledger: null, log: new TurnLogger(logger)))
    {
    }

    /// <summary>The question a follow-up to the last turn builds on, as a chat channel remembers it.</summary>
    public string? Remembered { get; private set; }

    public async Task<Answer> AnswerAsync(string question, CancellationToken ct, string? previous = null)
    {
        var reply = await turns.TakeAsync(new TurnInput("cli", "cli", null, "local", question, previous), ct);
        Remembered = reply.PreviousQuestion;
        // Commands, guidance and apologies are not the engine's answers: shown the same way, marked by their source.
        return reply.Answer ?? new Answer(question, reply.Markdown, Abstained: reply.Kind != TurnReplyKind.Command, [], [])
        {
            Source = reply.Kind == TurnReplyKind.Command ? "command" : "cli",
        };
    }

    /// <summary>The turn's log lines, under the category the CLI was given.</summary>
    private sealed class TurnLogger(ILogger inner) : ILogger<ConversationTurns>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}

/// <summary>`ask`: questions from the arguments, or one per line on stdin when there are none.</summary>
public static class AskCommand
{
    public static async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var services = context.Services;
        _ = services.GetRequiredService<MuseBotEngine>(); // open (or build) the index before the first question
        var answerer = new SafeAnswerer(new ConversationTurns(services.GetRequiredService<IAnswerEngine>(), services.GetRequiredService<ChatCommands>(),
            feedback: null, ledger: null, log: services.GetRequiredService<ILogger<ConversationTurns>>()));
        bool json = context.Arguments.Has("--json");
        var fromArguments = context.Arguments.Positionals.Count > 0;
        if (!fromArguments && context.Interactive && !json)
            context.Stderr.WriteLine("Type a question and press Enter (Ctrl-D to finish). `musebot help` lists the commands.");

        int count = 0;
        foreach (var (question, previous) in Questions(context, fromArguments, json))
        {
            ct.ThrowIfCancellationRequested();
            // one invocation is one conversation, as a chat is ("… Acme's score?" then "and Zeta?"); a --json line
            // says its own previous question, so that each is answered as given
            var answer = await answerer.AnswerAsync(question, ct, json ? previous : answerer.Remembered);
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
        if (count == 0 && !json)
            context.Stderr.WriteLine($"No question given. Example: musebot ask \"{(services.GetRequiredService<ChatCommands>().ExampleQuestions is [var example, ..] ? example : "What does the note conclude?")}\"");
        return CliApp.ExitOk;
    }

    /// <summary>Each argument is a question; several arguments without spaces are one unquoted question
    /// (`musebot ask what is capex`). On stdin: one question per line, blank lines skipped; with --json a line may
    /// also be an object {"question": "...", "previous": "..."} for a follow-up and the question before it.
    /// Without --json each question may follow up the one before it.</summary>
    private static IEnumerable<(string Question, string? Previous)> Questions(CliContext context, bool fromArguments, bool json)
    {
        var args = context.Arguments.Positionals;
        if (fromArguments)
        {
            if (args.Count > 1 && args.All(a => a.Length > 0 && !a.Any(char.IsWhiteSpace)))
                yield return (string.Join(' ', args), null);
            else
                foreach (var a in args) yield return (a, null);
            yield break;
        }
        while (context.Stdin.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return json && FollowUp(line) is { } followUp ? followUp : (line, null);
        }
    }

    private static (string, string?)? FollowUp(string line)
    {
        if (!line.TrimStart().StartsWith('{')) return null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object || !root.TryGetProperty("question", out var q) || q.ValueKind != System.Text.Json.JsonValueKind.String)
                return null;
            var previous = root.TryGetProperty("previous", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String ? p.GetString() : null;
            return (q.GetString()!, previous);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // a question that happens to start with a brace
        }
    }
}
