using System.Collections.Concurrent;
using MuseBot.Contracts;
using MuseBot.Core.Conversation;
using MuseBot.Core.Feedback;
using MuseBot.Core.Storage.Sqlite;

namespace MuseBot.Core.Tests;

/// <summary>
/// The conversation turn every channel takes, with the real engine over the note: the guard and its wording,
/// commands, follow-ups, apologies, guarded recording of unanswered questions, feedback tied to its answer.
/// </summary>
[Collection("engine")]
public sealed class ConversationTurnsTests(EngineFixture fixture) : IDisposable
{
    private sealed class RecordingStore(bool failing = false) : IFeedbackStore
    {
        public ConcurrentQueue<FeedbackRecord> Feedback { get; } = new();
        public ConcurrentQueue<UnansweredRecord> Unanswered { get; } = new();

        public Task RecordFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default)
        {
            if (failing) throw new IOException("disk I/O error");
            Feedback.Enqueue(feedback);
            return Task.CompletedTask;
        }

        public Task RecordUnansweredAsync(UnansweredRecord question, CancellationToken cancellationToken = default)
        {
            if (failing) throw new IOException("disk I/O error");
            Unanswered.Enqueue(question);
            return Task.CompletedTask;
        }

        public Task<FeedbackReport> ReportAsync(int top, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class ThrowingEngine : IAnswerEngine
    {
        public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("index shard corrupted");
    }

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-turns-" + Guid.NewGuid().ToString("N")[..8]);
    private ConversationDatabase? _db;

    public void Dispose()
    {
        _db?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private ConversationTurns Turns(IFeedbackStore? store = null, IAnswerEngine? engine = null)
    {
        _db ??= ConversationDatabase.InDataFolder(_folder, TimeProvider.System);
        return new ConversationTurns(engine ?? fixture.Engine.Answers, fixture.Engine.Commands, store, new SqliteAnswerLedger(_db, TimeSpan.FromDays(30)));
    }

    private static TurnInput Input(string text, string? previous = null) => new("msteams", "conv-1", "tenant-1", "user-1", text, previous);

    public static TheoryData<string, string> Refused => new()
    {
        { "", "Please type a question about the note" },
        { " \t\u200b ", "Please type a question about the note" },
        { new string('a', 2001), "too long for me (2,001 characters): please ask one question in fewer than 2,000 characters" },
        { "🤔🚀 ?!", "I could not find any words in that" },
        { "\u0001\u0002\u001b[31m", "Please type a question about the note" },
        { "Meta 在2025年的资本支出是多少？", "I can only read questions in English" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Input_that_cannot_be_a_question_is_answered_with_guidance_and_never_reaches_the_engine(string text, string expected)
    {
        var store = new RecordingStore();
        var reply = await Turns(store, new ThrowingEngine()).TakeAsync(Input(text, "previous?"));

        Assert.Equal(TurnReplyKind.Guidance, reply.Kind);
        Assert.Contains(expected, reply.Markdown);
        Assert.Equal("previous?", reply.PreviousQuestion);   // the conversation's context is kept
        Assert.Empty(store.Unanswered);
    }

    [Theory]
    [InlineData("thanks!", "You're welcome")]
    [InlineData("thank you so much", "You're welcome")]
    [InlineData("ok cool", "Anything else about the note?")]
    [InlineData("hi there", "Hi! I answer questions about the research note")]
    public async Task Thanks_a_greeting_or_an_acknowledgement_gets_a_short_reply_and_the_conversation_keeps_its_question(string text, string opening)
    {
        var turns = Turns(engine: new ThrowingEngine());
        var reply = await turns.TakeAsync(Input(text, "when did spark launch?"));
        Assert.Equal(TurnReplyKind.Guidance, reply.Kind);
        Assert.StartsWith(opening, reply.Markdown, StringComparison.Ordinal);
        // what follows still follows the question asked before it
        Assert.Equal("when did spark launch?", reply.PreviousQuestion);
    }

    [Theory]
    [InlineData("is that right")]
    [InlineData("thanks, and what about gemini?")]
    public async Task A_message_that_asks_something_is_no_small_talk(string text) =>
        Assert.Equal(TurnReplyKind.Answer, (await Turns().TakeAsync(Input(text, "what is spark's context window?"))).Kind);

    [Fact]
    public async Task Commands_are_answered_without_the_engine_and_questions_with_it_and_their_context()
    {
        var turns = Turns(engine: null);
        Assert.Equal(TurnReplyKind.Command, turns.Immediate(Input("  /sections "))?.Kind);
        Assert.Null(turns.Immediate(Input("what modes does spark have?")));

        var first = await turns.TakeAsync(Input("what's Spark's Intelligence Index score?"));
        Assert.Equal(TurnReplyKind.Answer, first.Kind);
        Assert.Equal("what's Spark's Intelligence Index score?", first.PreviousQuestion);
        var followUp = await turns.TakeAsync(Input("and Gemini's?", first.PreviousQuestion));
        var alone = await turns.TakeAsync(Input("and Gemini's?"));
        Assert.NotEqual(alone.Markdown, followUp.Markdown);
    }

    [Fact]
    public async Task A_chain_of_follow_ups_keeps_what_the_first_question_asked()
    {
        var turns = Turns();
        var first = await turns.TakeAsync(Input("what's spark's mmmu-pro score?"));
        var second = await turns.TakeAsync(Input("and gemini?", first.PreviousQuestion));
        Assert.Equal("**82%**", second.Answer?.Headline);
        // remembered as read, with the measure the first question asked, not as the bare "and gemini?"
        Assert.Contains("mmmu-pro", second.PreviousQuestion, StringComparison.OrdinalIgnoreCase);
        var third = await turns.TakeAsync(Input("and gpt-5.4?", second.PreviousQuestion));
        Assert.Equal("**81.2%**", third.Answer?.Headline);
    }

    [Fact]
    public async Task Control_characters_and_lone_surrogates_are_cleaned_before_the_engine_reads_them()
    {
        var reply = await Turns().TakeAsync(Input("How much did Meta\u0000 spend on \ud800capex\u001b[0m in 2025?"));
        Assert.Equal(TurnReplyKind.Answer, reply.Kind);
        Assert.Equal("How much did Meta spend on \ufffdcapex in 2025?", reply.Question);
    }

    [Fact]
    public async Task A_failing_engine_gets_a_plain_apology_and_a_failing_store_costs_nothing_but_the_record()
    {
        var apology = await Turns(new RecordingStore(), new ThrowingEngine()).TakeAsync(Input("capex?", "before?"));
        Assert.Equal(TurnReplyKind.Apology, apology.Kind);
        Assert.Equal(ConversationTurns.ApologyText, apology.Markdown);
        Assert.DoesNotContain("corrupted", apology.Markdown);
        Assert.Equal("before?", apology.PreviousQuestion);

        var unanswerable = await Turns(new RecordingStore(failing: true)).TakeAsync(Input("What is the weather in Paris tomorrow?"));
        Assert.Equal(TurnReplyKind.Answer, unanswerable.Kind);
        Assert.True(unanswerable.Answer!.Abstained);
    }

    [Fact]
    public async Task Feedback_lands_on_the_answer_it_was_given_on_with_the_user_hashed()
    {
        var store = new RecordingStore();
        var turns = Turns(store);
        var questions = new[] { "How much did Meta spend on capex in 2025?", "what modes does spark have?", "who leads Meta Superintelligence Labs?" };
        for (int i = 0; i < questions.Length; i++)
            await turns.RememberAnswerAsync("msteams", "conv-1", $"reply-{i}", await turns.TakeAsync(Input(questions[i])));

        Assert.True(await turns.RecordFeedbackAsync(new FeedbackClick("msteams", "conv-1", "tenant-1", "user-1", "reply-0", Helpful: false)));
        Assert.False(await turns.RecordFeedbackAsync(new FeedbackClick("msteams", "conv-1", "tenant-1", "user-1", "unknown-reply", Helpful: false)));
        Assert.True(await turns.RecordFeedbackAsync(new FeedbackClick("slack", "T/C", "T", "U", null, Helpful: true, ("carried question", ["§2 X"]))));

        var records = store.Feedback.ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(questions[0], records[0].Question);
        Assert.NotEmpty(records[0].Citations);
        Assert.Equal(FeedbackUserHash.Of("msteams", "tenant-1", "user-1"), records[0].UserHash);
        Assert.Equal(64, records[0].UserHash.Length);
        Assert.Equal(("carried question", "slack"), (records[1].Question, records[1].Channel));
    }
}
