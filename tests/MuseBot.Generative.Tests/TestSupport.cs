using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;

namespace MuseBot.Generative.Tests;

internal static class TestSupport
{
    /// <summary>Passages as the bot rendered them into a request ("[id] label" line, then the quote), user message and tool results.</summary>
    public static IReadOnlyDictionary<string, string> SentPassages(this RecordedRequest request, bool toolResultsOnly = false)
    {
        var text = toolResultsOnly ? request.ContentOf("tool") : request.ContentOf("user") + "\n\n" + request.ContentOf("tool");
        var result = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(text, @"^\[(?<id>[^\]\s]+)\] [^\n]*\n(?<quote>[^\n]+)", RegexOptions.Multiline))
            result.TryAdd(m.Groups["id"].Value, m.Groups["quote"].Value);
        return result;
    }

    /// <summary>A sentence made of a passage's own first words, citing it: what a well-behaved model writes.</summary>
    public static string Echo(string id, string quote, int words = 12)
    {
        var text = string.Join(' ', quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(words)).TrimEnd('.', ',', ';', ':');
        return $"{text} [{id}].";
    }

    public static (string Id, string Quote) Containing(this IReadOnlyDictionary<string, string> passages, string containing) =>
        passages.Where(p => p.Value.Contains(containing, StringComparison.Ordinal)).Select(p => (p.Key, p.Value)).FirstOrDefault()
        is { Key: not null } hit ? hit : throw new Xunit.Sdk.XunitException($"no passage sent contains '{containing}': {string.Join(", ", passages.Keys)}");

    public static ILoggerFactory Logging(ListLoggerProvider provider) =>
        LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Debug));

    public static RetrievedPassage Passage(string id, string quote, string section = "7", string title = "Infrastructure Signal") =>
        new(id, new Citation(section, title, PassageKind.Sentence, quote), 1.0);
}

/// <summary>An extractive answerer that always abstains: to show the model is asked all the same, and decides.</summary>
internal sealed class AbstainingAnswerEngine : IAnswerEngine
{
    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Answer(question.Text, "The note does not say.", true, [], []));
}

/// <summary>
/// An extractive answerer that always answers (with the note's capex sentence): to test what the generative engine
/// does with a question once it reaches the model, whatever the real extractive engine would decide about it.
/// </summary>
internal sealed class AnsweringAnswerEngine(IPassageSearch search) : IAnswerEngine
{
    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        var hit = search.Search("capex 2026", 1)[0];
        return Task.FromResult(new Answer(question.Text, $"“{hit.Citation.Quote}” [1]", false, [hit.Citation], []));
    }
}
