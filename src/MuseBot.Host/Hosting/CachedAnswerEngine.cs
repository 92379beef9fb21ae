using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MuseBot.Contracts;

namespace MuseBot.Host.Hosting;

/// <summary>
/// Remembers answers per (question, previous question) for the life of the process. The note and its index are
/// fixed once the host has started, so the same question gets the same answer; and people ask the same few
/// questions (the example chips, the welcome's suggestions) far more often than anything else. Bounded: when
/// full it starts over, which is cheap and keeps memory flat. Failures are never cached.
/// Bot:AnswerCacheSize sets the capacity (0 turns it off).
/// </summary>
public sealed partial class CachedAnswerEngine(IAnswerEngine inner, int capacity) : IAnswerEngine
{
    private readonly ConcurrentDictionary<(string Text, string? Previous), Answer> _answers = new();

    public int Count => _answers.Count;

    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        var key = (Normalize(question.Text), question.PreviousQuestion is null ? null : Normalize(question.PreviousQuestion));
        // a repeat costs the model nothing: the cached answer says so
        if (_answers.TryGetValue(key, out var cached)) return cached.Model is null ? cached : cached with { Model = null };

        var answer = await inner.AnswerAsync(question, cancellationToken);
        // the extractive fallback for a model that was slow or failing is not kept: the next asker gets the model again
        if (answer.Model?.Outcome is "Timeout" or "ModelError") return answer;
        if (_answers.Count >= capacity) _answers.Clear();
        _answers.TryAdd(key, answer);
        return answer;
    }

    private static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Wraps whatever IAnswerEngine is registered last (extractive or generative).</summary>
    public static void Decorate(IServiceCollection services, int capacity)
    {
        if (capacity <= 0) return;
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAnswerEngine))
            ?? throw new InvalidOperationException("No IAnswerEngine is registered to cache.");
        services.Remove(registered);
        services.AddSingleton<IAnswerEngine>(sp => new CachedAnswerEngine(Resolve(sp, registered), capacity));
    }

    private static IAnswerEngine Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IAnswerEngine)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
