using MuseBot.Contracts;
using MuseBot.Host.Hosting;

namespace MuseBot.Host.Tests;

public sealed class CachedAnswerEngineTests
{
    private sealed class CountingEngine : IAnswerEngine
    {
        public int Calls;
        public bool Fail;
        public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            if (Fail) throw new InvalidOperationException("engine down");
            return Task.FromResult(new Answer(question.Text, $"answer to {question.Text} after {question.PreviousQuestion}", false, [], []));
        }
    }

    [Fact]
    public async Task Same_question_and_context_is_answered_once_and_context_is_part_of_the_key()
    {
        var inner = new CountingEngine();
        var cache = new CachedAnswerEngine(inner, capacity: 10);

        var a = await cache.AnswerAsync(new Question("and Gemini's?", "what's Spark's score?"));
        var b = await cache.AnswerAsync(new Question("  and   Gemini's? ", "what's Spark's score?"));
        var c = await cache.AnswerAsync(new Question("and Gemini's?", "what's Llama's score?"));

        Assert.Same(a, b);
        Assert.NotEqual(a.Text, c.Text);
        Assert.Equal(2, inner.Calls);
    }

    private sealed class ModelEngine(string outcome) : IAnswerEngine
    {
        public int Calls;
        public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new Answer(question.Text, "a", false, [], []) { Source = "generative", Model = new ModelCall(outcome, TimeSpan.FromSeconds(1), 1900, 40, 1) });
        }
    }

    [Fact]
    public async Task A_cached_model_answer_records_no_model_call_and_a_fallback_for_a_failing_model_is_not_cached()
    {
        var grounded = new ModelEngine("Grounded");
        var cache = new CachedAnswerEngine(grounded, capacity: 10);
        Assert.NotNull((await cache.AnswerAsync(new Question("q"))).Model);
        Assert.Null((await cache.AnswerAsync(new Question("q"))).Model); // no tokens spent on the repeat
        Assert.Equal(1, grounded.Calls);

        var timingOut = new ModelEngine("Timeout");
        var fallbacks = new CachedAnswerEngine(timingOut, capacity: 10);
        await fallbacks.AnswerAsync(new Question("q"));
        await fallbacks.AnswerAsync(new Question("q"));
        Assert.Equal(2, timingOut.Calls); // the model gets another chance
    }

    [Fact]
    public async Task Failures_are_not_cached_and_the_cache_stays_bounded()
    {
        var inner = new CountingEngine { Fail = true };
        var cache = new CachedAnswerEngine(inner, capacity: 3);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.AnswerAsync(new Question("q")));
        inner.Fail = false;
        await cache.AnswerAsync(new Question("q"));
        Assert.Equal(2, inner.Calls);

        for (var i = 0; i < 10; i++) await cache.AnswerAsync(new Question($"q{i}"));
        Assert.InRange(cache.Count, 1, 3);
    }
}
