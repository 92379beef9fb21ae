using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using MuseBot.Core.Conversation;
using MuseBot.Core.Feedback;
using MuseBot.Core.Storage.Sqlite;
using MuseBot.Host.Teams;
using Newtonsoft.Json.Linq;

namespace MuseBot.Host.Tests;

/// <summary>
/// The handler's own logic on the SDK's TestAdapter: what it passes the engine (follow-ups) and what it records
/// (feedback, unanswered questions). The engine and the feedback store are recorders here: the engine's answers are
/// not what is under test, and the feedback store belongs to another project. The conversation store is the real
/// one, in a temporary folder.
/// </summary>
public sealed class MuseBotActivityHandlerTests : IDisposable
{
    private sealed class RecordingEngine : IAnswerEngine
    {
        public ConcurrentQueue<Question> Questions { get; } = new();
        public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
        {
            Questions.Enqueue(question);
            var abstained = question.Text.Contains("weather", StringComparison.OrdinalIgnoreCase);
            return Task.FromResult(abstained
                ? new Answer(question.Text, "The note does not say.", true, [], [])
                : new Answer(question.Text, "\"Spark scored 52.\" [1]", false, [new Citation("3", "Benchmarks", PassageKind.Sentence, "Spark scored 52.")], []));
        }
    }

    private sealed class RecordingStore : IFeedbackStore
    {
        public ConcurrentQueue<FeedbackRecord> Feedback { get; } = new();
        public ConcurrentQueue<UnansweredRecord> Unanswered { get; } = new();
        public Task RecordFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default) { Feedback.Enqueue(feedback); return Task.CompletedTask; }
        public Task RecordUnansweredAsync(UnansweredRecord question, CancellationToken cancellationToken = default) { Unanswered.Enqueue(question); return Task.CompletedTask; }
        public Task<FeedbackReport> ReportAsync(int top, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class Catalog : INoteCatalog
    {
        public string Title => "Test note";
        public IReadOnlyList<SectionInfo> Sections { get; } = [new SectionInfo(1, "Intro", ["Hello."], [])];
        public IReadOnlyList<string> Sources { get; } = [];
        public IReadOnlyList<string> ExampleQuestions { get; } = ["What does the note say about Intro?"];
    }

    private readonly RecordingEngine _engine = new();
    private readonly RecordingStore _store = new();
    private readonly TestAdapter _adapter = new("msteams");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-handler-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ConversationDatabase _db;
    private readonly ConversationState _state;

    public MuseBotActivityHandlerTests()
    {
        _db = ConversationDatabase.InDataFolder(_folder, TimeProvider.System);
        _state = new ConversationState(new ConversationStateStorage(new SqliteConversationStateStore(_db, TimeSpan.FromDays(1))));
    }

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private MuseBotActivityHandler Bot(bool withStore = true)
    {
        var catalog = new Catalog();
        var turns = new ConversationTurns(_engine, new ChatCommands(catalog), withStore ? _store : null, new SqliteAnswerLedger(_db, TimeSpan.FromDays(30)));
        return new MuseBotActivityHandler(turns, new SqliteDedupeStore(_db, TimeSpan.FromHours(1)), catalog, _state, NullLogger<MuseBotActivityHandler>.Instance);
    }

    private Task<List<IActivity>> SendAsync(IBot bot, Activity activity) => SendAsync(_adapter, bot, activity);

    private static async Task<List<IActivity>> SendAsync(TestAdapter adapter, IBot bot, Activity activity)
    {
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply) replies.Add(reply);
        return replies;
    }

    [Fact]
    public async Task Follow_up_carries_the_previous_question_of_the_same_conversation_only()
    {
        var bot = Bot();
        await SendAsync(bot, _adapter.MakeActivity("what's Spark's Intelligence Index score?"));
        await SendAsync(bot, _adapter.MakeActivity("and Gemini's?"));
        var otherConversation = new TestAdapter(TestAdapter.CreateConversation("another-conversation"));
        await SendAsync(otherConversation, bot, otherConversation.MakeActivity("and Gemini's?"));

        var asked = _engine.Questions.ToList();
        Assert.Null(asked[0].PreviousQuestion);
        Assert.Equal("what's Spark's Intelligence Index score?", asked[1].PreviousQuestion);
        Assert.Null(asked[2].PreviousQuestion);
    }

    [Fact]
    public async Task Typing_comes_before_the_answer_and_commands_skip_the_engine()
    {
        var bot = Bot();
        var replies = await SendAsync(bot, _adapter.MakeActivity("what's Spark's score?"));
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], replies.Select(r => r.Type));

        var help = await SendAsync(bot, _adapter.MakeActivity("help"));
        Assert.Contains("Commands:", Assert.Single(help).AsMessageActivity().Text);
        Assert.Single(_engine.Questions);
    }

    [Fact]
    public async Task Feedback_is_recorded_with_the_question_and_citations_of_the_answer_it_rates()
    {
        var bot = Bot();
        var replies = await SendAsync(bot, _adapter.MakeActivity("what's Spark's score?"));
        var answer = replies.Single(r => r.Type == ActivityTypes.Message);
        var invoke = _adapter.MakeActivity();
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = MuseBotActivityHandler.FeedbackInvokeName;
        invoke.ReplyToId = answer.Id;
        invoke.Value = JObject.Parse("""{"actionName":"feedback","actionValue":{"reaction":"dislike","feedback":"{\"feedbackText\":\"wrong\"}"}}""");

        var invokeReplies = await SendAsync(bot, invoke);

        var record = Assert.Single(_store.Feedback);
        Assert.False(record.Helpful);
        Assert.Equal("what's Spark's score?", record.Question);
        Assert.Equal(["§3 Benchmarks"], record.Citations);
        Assert.Equal("msteams", record.Channel);
        Assert.DoesNotContain(invoke.From.Id, record.UserHash);
        Assert.Equal(FeedbackUserHash.Of("msteams", null, invoke.From.Id), record.UserHash);
        var invokeResponse = Assert.Single(invokeReplies, r => r.Type == ActivityTypesEx.InvokeResponse);
        Assert.Equal(200, ((InvokeResponse)((Activity)invokeResponse).Value).Status);
    }

    [Fact]
    public async Task Abstained_answer_is_recorded_as_unanswered_and_works_without_a_store()
    {
        await SendAsync(Bot(), _adapter.MakeActivity("what's the weather?"));
        var record = Assert.Single(_store.Unanswered);
        Assert.Equal("what's the weather?", record.Question);

        var replies = await SendAsync(Bot(withStore: false), _adapter.MakeActivity("what's the weather?"));
        Assert.Contains(replies, r => r.AsMessageActivity()?.Text == "The note does not say.");
    }
}
