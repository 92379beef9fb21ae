using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MuseBot.Core.Storage;

namespace MuseBot.Host.Slack;

/// <summary>Work taken on by an endpoint and answered after Slack has had its 200; stored as JSON in the work queue.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackThreadQuestion), "thread")]
[JsonDerivedType(typeof(SlackSlashQuestion), "slash")]
[JsonDerivedType(typeof(SlackFeedbackThanks), "thanks")]
[JsonDerivedType(typeof(SlackAgentOpened), "opened")]
public abstract record SlackWork
{
    public const string Kind = "slack";

    public NewWork ToNewWork(IReadOnlyList<string> dedupeKeys) => new(Kind, JsonSerializer.Serialize(this), dedupeKeys);

    /// <summary>The work in a queued payload; null when it cannot be read (a payload from an incompatible version).</summary>
    public static SlackWork? FromPayload(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<SlackWork>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A mention or a direct message: answered with chat.postMessage in the thread of the question.</summary>
/// <param name="Direct">A direct message (the app's Messages tab): the thread gets a status while the bot answers and
/// a title from its first question.</param>
public sealed record SlackThreadQuestion(string TeamId, string Channel, string ThreadTs, string UserId, string Text, bool Direct = false, string? EnterpriseId = null) : SlackWork;

/// <summary>The agent surface was opened: the Messages tab (<paramref name="ThreadTs"/> null) or a new assistant
/// thread. Answered with the suggested prompts (and, once a day per user, the welcome line).</summary>
public sealed record SlackAgentOpened(string TeamId, string Channel, string? ThreadTs, string UserId, string? EnterpriseId = null) : SlackWork;

/// <summary>A slash command: answered through its response_url.</summary>
public sealed record SlackSlashQuestion(string TeamId, string Channel, string UserId, string Text, Uri ResponseUrl, bool InChannel) : SlackWork;

/// <summary>A click was recorded: thank the user, only them, under the answer.</summary>
public sealed record SlackFeedbackThanks(Uri ResponseUrl, bool Helpful) : SlackWork;

/// <summary>
/// Answers queued Slack work with a few concurrent workers. Work is taken from the durable queue and marked done
/// only after its reply was posted, so work acknowledged to Slack is answered even across a crash (at least once).
/// On shutdown the workers take no new events (the endpoints answer 503) but finish what is queued, until the host's
/// shutdown timeout; whatever is left stays queued for the next start.
/// </summary>
public sealed class SlackReplyWorker(
    IWorkQueue queue,
    SlackResponder responder,
    IOptions<SlackOptions> options,
    ILogger<SlackReplyWorker> log) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    private readonly CancellationTokenSource _abort = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // cancellationToken fires when the shutdown timeout is up: then stop even in the middle of a reply.
        await using var _ = cancellationToken.Register(() => _abort.Cancel());
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return Task.CompletedTask;
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None));
        return Task.WhenAll(workers);
    }

    /// <summary>Takes due work until the queue has none left after a stop was requested, or the shutdown timeout.</summary>
    private async Task RunAsync(CancellationToken stopping)
    {
        var abort = _abort.Token;
        while (!abort.IsCancellationRequested)
        {
            LeasedWork? work;
            try
            {
                work = await queue.TakeAsync(abort).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError("Could not read the Slack work queue; trying again in {Seconds} s: {Error}", PollInterval.TotalSeconds, e.Message);
                await Delay(PollInterval, abort).ConfigureAwait(false);
                continue;
            }
            if (work is null)
            {
                if (stopping.IsCancellationRequested) return;   // drained
                await WaitForWorkAsync(stopping).ConfigureAwait(false);
                continue;
            }
            try
            {
                await ProcessAsync(work, abort).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The queue itself failed (disk full, database locked): the lease runs out and the work comes back.
                log.LogError("Could not update Slack work {Id} in the queue: {Error}", work.Id, e.Message);
                await Delay(PollInterval, abort).ConfigureAwait(false);
            }
        }
    }

    private async Task ProcessAsync(LeasedWork work, CancellationToken abort)
    {
        if (SlackWork.FromPayload(work.Payload) is not { } item)
        {
            log.LogError("Slack work {Id} cannot be read; giving up on it", work.Id);
            await queue.FailAsync(work, "unreadable payload", CancellationToken.None).ConfigureAwait(false);
            return;
        }
        string failure;
        try
        {
            if (await responder.HandleAsync(item, abort).ConfigureAwait(false) == SlackWorkOutcome.Done)
            {
                // Not cancellable: the reply is out, so the work must not be done again.
                await queue.CompleteAsync(work, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            failure = "Slack could not be reached";
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The shutdown timeout is up: leave the work for the next start.
            await queue.RetryLaterAsync(work, TimeSpan.Zero, "interrupted by shutdown", CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            log.LogError(e, "Slack work {Id} ({Work}) failed on attempt {Attempt}", work.Id, item.GetType().Name, work.Attempt);
            failure = e.GetType().Name + ": " + e.Message;
        }

        if (work.Attempt >= options.Value.MaxAttempts)
        {
            log.LogError("Giving up on Slack work {Id} ({Work}) after {Attempts} attempts: {Failure}", work.Id, item.GetType().Name, work.Attempt, failure);
            await queue.FailAsync(work, failure, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        var delay = RetryDelay(work.Attempt);
        log.LogWarning("Slack work {Id} ({Work}) not done on attempt {Attempt} ({Failure}); trying again in {Seconds} s",
            work.Id, item.GetType().Name, work.Attempt, failure, (int)delay.TotalSeconds);
        await queue.RetryLaterAsync(work, delay, failure, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>5 s, 10 s, 20 s, ... up to 30 minutes: an outage of Slack is waited out, a blip costs seconds.</summary>
    public static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, TimeSpan.FromSeconds(5).Ticks << Math.Min(attempt - 1, 20)));

    private async Task WaitForWorkAsync(CancellationToken stopping)
    {
        try
        {
            await queue.WaitForWorkAsync(PollInterval, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: go round once more to drain what is due.
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
