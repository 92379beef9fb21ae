using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MuseBot.Testing;

/// <summary>What a host logged (Information and up), for tests that check what it said; reads as "Level: message exception".</summary>
public sealed class CapturedLogs : ILoggerProvider, IEnumerable<string>
{
    private const int MaxLines = 10_000;
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> Lines => _lines.ToArray();

    public bool Contains(LogLevel atLeast, string text) => Lines.Any(l => l.Level >= atLeast && l.Message.Contains(text, StringComparison.Ordinal));

    public IEnumerator<string> GetEnumerator() => Lines.Select(l => $"{l.Level}: {l.Message} {l.Exception}").GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && owner._lines.Count < MaxLines)
                owner._lines.Enqueue((category, logLevel, formatter(state, exception), exception));
        }
    }
}
