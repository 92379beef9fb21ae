using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MuseBot.Slack.Tests;

/// <summary>Every log line the host writes, kept so a test can check what an operator would read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => _lines.ToArray();

    public bool Contains(LogLevel atLeast, string text) => Lines.Any(l => l.Level >= atLeast && l.Message.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner._lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
