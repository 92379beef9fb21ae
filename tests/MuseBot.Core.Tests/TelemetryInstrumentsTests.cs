using System.Diagnostics;
using System.Diagnostics.Metrics;
using MuseBot.Contracts;
using MuseBot.Core.Conversation;

namespace MuseBot.Core.Tests;

/// <summary>
/// The instruments Core and the generative engine record into (BCL ActivitySource and Meter, read here with the
/// BCL's listeners): the model call's counters and after-the-fact span, the turn's outcome, feedback by reaction,
/// and answered questions counted for the report. Channel "cli" is used by no other test here.
/// </summary>
public sealed class TelemetryInstrumentsTests : IDisposable
{
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly List<Activity> _spans = [];
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;

    public TelemetryInstrumentsTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MuseBotTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags) map[tag.Key] = tag.Value;
            lock (_measurements) _measurements.Add((instrument.Name, value, map));
        });
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MuseBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (_spans) _spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(_activities);
    }

    private long Sum(string instrument, params (string Key, object Value)[] tags)
    {
        lock (_measurements)
            return _measurements.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);
    }

    [Fact]
    public void A_model_call_counts_its_verdict_and_tokens_and_leaves_a_span_as_long_as_it_took_under_the_current_one()
    {
        const string verdict = "VerdictOnlyThisTestUses";
        using (var parent = new Activity("test-parent").Start())
        {
            MuseBotTelemetry.RecordModelCall(verdict, requests: 2, promptTokens: 1200, completionTokens: 80, TimeSpan.FromMilliseconds(1500));
            Activity span;
            lock (_spans) span = Assert.Single(_spans, s => (string?)s.GetTagItem("musebot.model.verdict") == verdict);
            Assert.Equal("musebot.model", span.OperationName);
            Assert.Equal(parent.SpanId, span.ParentSpanId);
            Assert.InRange(span.Duration, TimeSpan.FromMilliseconds(1400), TimeSpan.FromSeconds(5));
            Assert.Equal(ActivityStatusCode.Error, span.Status);   // neither grounded nor abstained: the extractive answer went out
        }
        Assert.Equal(1, Sum("musebot.model.calls", ("verdict", verdict)));
        Assert.Equal(1200, Sum("musebot.model.tokens", ("verdict", verdict), ("kind", "prompt")));
        Assert.Equal(80, Sum("musebot.model.tokens", ("verdict", verdict), ("kind", "completion")));
    }

    [Fact]
    public void A_turn_counts_its_outcome_once_and_an_unfinished_turn_is_an_error()
    {
        var answer = new Answer("q", "a", false, [], []);
        var refusal = new Answer("q", "The note does not say.", true, [], []);
        Assert.Equal("answered", TurnTelemetry.Outcome(new TurnReply(TurnReplyKind.Answer, "a", answer, "q", "q")));
        Assert.Equal("refused", TurnTelemetry.Outcome(new TurnReply(TurnReplyKind.Answer, "n", refusal, "q", "q")));
        Assert.Equal("command", TurnTelemetry.Outcome(new TurnReply(TurnReplyKind.Command, "help", null, "help", null)));
        Assert.Equal("command", TurnTelemetry.Outcome(new TurnReply(TurnReplyKind.Guidance, "try", null, "", null)));
        Assert.Equal("error", TurnTelemetry.Outcome(new TurnReply(TurnReplyKind.Apology, "sorry", null, "q", null)));

        var before = Sum("musebot.questions", ("channel", "cli"), ("outcome", "refused"));
        using (var turn = TurnTelemetry.Begin("cli")) turn.Complete(new TurnReply(TurnReplyKind.Answer, "n", refusal, "q", "q"));
        var errorsBefore = Sum("musebot.questions", ("channel", "cli"), ("outcome", "error"));
        using (TurnTelemetry.Begin("cli")) { /* the send threw */ }
        Assert.Equal(before + 1, Sum("musebot.questions", ("channel", "cli"), ("outcome", "refused")));
        Assert.Equal(errorsBefore + 1, Sum("musebot.questions", ("channel", "cli"), ("outcome", "error")));
        Assert.Equal("other", MuseBotTelemetry.Channel("a-channel-id-anyone-could-send"));
    }

    private sealed class RecordingStore : IFeedbackStore, IFeedbackInsights
    {
        public List<AnsweredRecord> Answered { get; } = [];
        public List<UnansweredRecord> Unanswered { get; } = [];
        public List<FeedbackRecord> Feedback { get; } = [];
        public Task RecordFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default) { Feedback.Add(feedback); return Task.CompletedTask; }
        public Task RecordUnansweredAsync(UnansweredRecord question, CancellationToken cancellationToken = default) { Unanswered.Add(question); return Task.CompletedTask; }
        public Task RecordAnsweredAsync(AnsweredRecord answered, CancellationToken cancellationToken = default) { Answered.Add(answered); return Task.CompletedTask; }
        public Task<FeedbackReport> ReportAsync(int top, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<FeedbackInsights> InsightsAsync(DateTimeOffset from, DateTimeOffset to, int top, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class FixedEngine(bool abstain) : IAnswerEngine
    {
        public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Answer(question.Text, abstain ? "The note does not say." : "It was 3.", abstain, [], []));
    }

    [Fact]
    public async Task Answered_questions_are_counted_for_the_report_without_their_text_and_feedback_is_counted_by_reaction()
    {
        var store = new RecordingStore();
        var answering = new ConversationTurns(new FixedEngine(abstain: false), null, store, null);
        var refusing = new ConversationTurns(new FixedEngine(abstain: true), null, store, null);
        await answering.TakeAsync(new TurnInput("cli", "c1", null, "u1", "How much was spent on widgets in 2025?", null));
        await refusing.TakeAsync(new TurnInput("cli", "c1", null, "u1", "What is the weather in Paris tomorrow?", null));
        Assert.Equal("cli", Assert.Single(store.Answered).Channel);
        Assert.Single(store.Unanswered);

        var before = Sum("musebot.feedback", ("channel", "cli"), ("reaction", "unhelpful"));
        Assert.True(await answering.RecordFeedbackAsync(new FeedbackClick("cli", "c1", null, "u1", null, Helpful: false, Carried: ("How much?", []))));
        Assert.Equal(before + 1, Sum("musebot.feedback", ("channel", "cli"), ("reaction", "unhelpful")));
        lock (_spans) Assert.Contains(_spans, s => s.OperationName == "musebot.answer");
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
