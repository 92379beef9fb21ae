using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MuseBot.Contracts;

/// <summary>
/// The bot's own traces and metrics, in the BCL's ActivitySource and Meter (no OpenTelemetry dependency here: the
/// host subscribes to <see cref="Name"/>). Tags carry channels, outcomes, stages and verdicts only: never what a
/// person wrote nor who they are.
/// </summary>
public static class MuseBotTelemetry
{
    /// <summary>The ActivitySource's and the Meter's name; every instrument is named musebot.*.</summary>
    public const string Name = "musebot";

    /// <summary>Channels a tag may name; anything else (a Bot Framework channel id nobody expected) is "other", so a
    /// caller cannot grow the number of series.</summary>
    private static readonly HashSet<string> KnownChannels = ["msteams", "webchat", "emulator", "directline", "botframework", "slack", "test", "cli"];

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Questions by channel and outcome (answered, refused, command, error).</summary>
    public static readonly Counter<long> Questions = Meter.CreateCounter<long>("musebot.questions", "{question}",
        "Turns taken, by channel and outcome: answered, refused (the note does not say), command (a browse command or guidance), error (an apology was sent)");

    /// <summary>Seconds spent per stage: turn, answer, read, retrieve (encode within it), answerability, compose, model, send.</summary>
    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("musebot.answer.duration", "s",
        "Time spent in one stage of a turn, by stage");

    public static readonly Counter<long> ModelCalls = Meter.CreateCounter<long>("musebot.model.calls", "{call}",
        "Generative answers asked of the model, by verdict (Grounded, Abstained, Ungrounded, Timeout, ModelError, ...)");

    public static readonly Counter<long> ModelTokens = Meter.CreateCounter<long>("musebot.model.tokens", "{token}",
        "Model tokens, by kind (prompt, completion) and the answer's verdict");

    public static readonly Counter<long> AuthFailures = Meter.CreateCounter<long>("musebot.auth.failures", "{request}",
        "Requests refused for their credentials, by channel and reason");

    public static readonly Counter<long> Feedback = Meter.CreateCounter<long>("musebot.feedback", "{reaction}",
        "👍/👎 recorded, by channel and reaction (helpful, unhelpful)");

    /// <summary>The channel as a tag value: one of a fixed few.</summary>
    public static string Channel(string? channel) =>
        channel is not null && KnownChannels.Contains(channel) ? channel : "other";

    /// <summary>Starts a stage: a child span named musebot.{stage} and, when disposed, its duration in
    /// <see cref="StageDuration"/>.</summary>
    public static StageScope Stage(string stage, ActivityKind kind = ActivityKind.Internal) => new(stage, Source.StartActivity($"{Name}.{stage}", kind));

    /// <summary>Runs <paramref name="work"/> as a stage.</summary>
    public static T Stage<T>(string stage, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var _ = Stage(stage);
        return work();
    }

    /// <summary>
    /// One generative answer, recorded where the engine returns: the calls and tokens counters by verdict, the
    /// model stage's duration, and a musebot.model span covering the time it took (made after the fact, so the
    /// engine's code needs only this one call).
    /// </summary>
    public static void RecordModelCall(string verdict, int requests, long promptTokens, long completionTokens, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("verdict", verdict);
        ModelCalls.Add(1, tag);
        ModelTokens.Add(promptTokens, tag, new("kind", "prompt"));
        ModelTokens.Add(completionTokens, tag, new("kind", "completion"));
        StageDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", "model"));
        var start = DateTimeOffset.UtcNow - elapsed;
        using var span = Source.StartActivity($"{Name}.model", ActivityKind.Client, parentContext: default, startTime: start);
        if (span is null) return;
        span.SetTag("musebot.model.verdict", verdict);
        span.SetTag("musebot.model.requests", requests);
        span.SetTag("musebot.model.prompt_tokens", promptTokens);
        span.SetTag("musebot.model.completion_tokens", completionTokens);
        if (verdict is not ("Grounded" or "Abstained")) span.SetStatus(ActivityStatusCode.Error, verdict);
    }

    public static void RecordAuthFailure(string channel, string reason) =>
        AuthFailures.Add(1, new KeyValuePair<string, object?>("channel", Channel(channel)), new("reason", reason));

    public static void RecordFeedback(string channel, bool helpful) =>
        Feedback.Add(1, new KeyValuePair<string, object?>("channel", Channel(channel)), new("reaction", helpful ? "helpful" : "unhelpful"));

    /// <summary>A stage in progress; dispose it to end its span and record its duration.</summary>
    public sealed class StageScope : IDisposable
    {
        private readonly string _stage;
        private readonly long _started = Stopwatch.GetTimestamp();
        private bool _disposed;

        internal StageScope(string stage, Activity? activity)
        {
            _stage = stage;
            Activity = activity;
        }

        /// <summary>The span, when something listens; null otherwise.</summary>
        public Activity? Activity { get; }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            StageDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>("stage", _stage));
            Activity?.Dispose();
        }
    }
}
