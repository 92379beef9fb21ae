using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace MuseBot.Host.Slack;

/// <summary>Work taken on by an endpoint and answered after Slack has had its 200.</summary>
public abstract record SlackWork;

/// <summary>A mention or a direct message: answered with chat.postMessage in the thread of the question.</summary>
public sealed record SlackThreadQuestion(string TeamId, string Channel, string ThreadTs, string UserId, string Text) : SlackWork;

/// <summary>A slash command: answered through its response_url.</summary>
public sealed record SlackSlashQuestion(string TeamId, string Channel, string UserId, string Text, Uri ResponseUrl, bool InChannel) : SlackWork;

/// <summary>A click was recorded: thank the user, only them, under the answer.</summary>
public sealed record SlackFeedbackThanks(Uri ResponseUrl, bool Helpful) : SlackWork;

/// <summary>
/// The bounded queue between the HTTP endpoints (which must answer Slack within 3 s) and the workers that answer.
/// Full means overloaded: the endpoint then answers 503 and Slack retries later, instead of memory growing.
/// </summary>
public sealed class SlackReplyQueue(IOptions<SlackOptions> options)
{
    private readonly Channel<SlackWork> _channel = Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public bool TryEnqueue(SlackWork work) => _channel.Writer.TryWrite(work);

    public ChannelReader<SlackWork> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;
}

/// <summary>Answers queued Slack work with a few concurrent workers, for as long as the host runs.</summary>
public sealed class SlackReplyWorker(
    SlackReplyQueue queue,
    SlackResponder responder,
    IOptions<SlackOptions> options,
    ILogger<SlackReplyWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return Task.CompletedTask;
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => RunAsync(stoppingToken));
        return Task.WhenAll(workers);
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await responder.HandleAsync(work, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // One bad item must not stop the worker: log and take the next.
                    log.LogError(e, "Slack reply failed for {Work}", work.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
