namespace MuseBot.Contracts;

/// <summary>Answers one question about the note. Every channel talks to the note through this alone.</summary>
public interface IAnswerEngine
{
    Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default);
}
