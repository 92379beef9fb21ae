using System.ComponentModel;
using Microsoft.SemanticKernel;
using MuseBot.Contracts;

namespace MuseBot.Generative;

/// <summary>
/// The note's retrieval as a Semantic Kernel plugin, so the model can search again for the other parts of a
/// multi-part question. One instance per question: what it returns joins that question's citable passages,
/// within the same passage budget, and it answers at most <c>maxCalls</c> times.
/// </summary>
public sealed class NoteSearchPlugin(IPassageSearch search, SentPassages sent, int maxCalls, int perCall = 4)
{
    public const string PluginName = "note";
    public const string FunctionName = "search";

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    [KernelFunction(FunctionName)]
    [Description("Searches the research note and returns matching passages, each with its id in brackets (cite it as [id]) and its section.")]
    public string Search([Description("What to look for in the note, in a few words")] string query)
    {
        if (Interlocked.Increment(ref _calls) > maxCalls)
            return "Search limit reached for this question: answer from the passages you already have.";
        if (string.IsNullOrWhiteSpace(query)) return "Empty query: no passages.";

        var hits = search.Search(query, perCall * 3);
        var added = sent.Take(hits, perCall);
        var alreadyGiven = hits.Take(perCall).Where(h => !added.Contains(h) && sent.Contains(h.Id)).Select(h => h.Id).ToList();
        if (added.Count == 0)
            return alreadyGiven.Count > 0
                ? $"No new passages; these already given also match: {string.Join(", ", alreadyGiven)}."
                : "No further passages (none match, or the passage budget for this question is used up).";
        var text = SentPassages.Render(added);
        return alreadyGiven.Count > 0 ? $"{text}\n\nAlready given and also matching: {string.Join(", ", alreadyGiven)}." : text;
    }
}
