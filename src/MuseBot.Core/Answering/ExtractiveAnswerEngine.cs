using MuseBot.Contracts;
using MuseBot.Core.Retrieval;

namespace MuseBot.Core.Answering;

/// <summary>Answers from the note's own words: the passages that answer, quoted and cited. No network.</summary>
public sealed class ExtractiveAnswerEngine(NoteIndex index) : IAnswerEngine
{
    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        var hits = index.Search(question.Text, 3);
        if (hits.Count == 0)
            return Task.FromResult(new Answer(question.Text, "The note does not say.", true, [], []));
        var top = hits[0].Citation;
        return Task.FromResult(new Answer(question.Text, $"\"{top.Quote}\" [1]", false, [top], index.FlagsFor(hits[0].Id)));
    }
}
