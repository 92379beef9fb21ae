using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MuseBot.Host.Teams;

/// <summary>
/// Teams' informative streaming updates for one answer in a personal chat: what the engine reports while it works
/// ("Searching the note…") goes out as typing activities with a <c>streaminfo</c> entity (streamType informative,
/// streamSequence from 1, the stream id Teams gave the first one), at most one a second and for at most two
/// minutes, Teams' limits; then the answer itself closes the stream (<see cref="Close"/>, streamType final). Only
/// the engine's own fixed wording is shown, never model text: the final message is the only one with the answer.
/// </summary>
public sealed class InformativeStream(ITurnContext turnContext, ILogger logger) : IAsyncDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(2);

    /// <summary>Teams refuses informative updates over 1,000 characters.</summary>
    public const int MaxUpdateChars = 1000;

    private readonly SemaphoreSlim _signal = new(0);
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly System.Diagnostics.Stopwatch _age = new();
    private string? _pending;
    private Task? _pump;
    private int _sequence;
    private bool _failed;

    /// <summary>Teams' id for this stream, from its first update; null until one was sent.</summary>
    public string? StreamId { get; private set; }

    /// <summary>Whether updates are being shown (a plain typing indicator is then not needed).</summary>
    public bool Started => Volatile.Read(ref _sequence) > 0 || _pump is not null;

    /// <summary>Shows <paramref name="status"/> next (the latest wins when they come faster than once a second).</summary>
    public void Update(string status)
    {
        if (string.IsNullOrWhiteSpace(status)) return;
        var text = status.Length > MaxUpdateChars ? status[..(MaxUpdateChars - 1)] + "…" : status;
        lock (_gate)
        {
            if (_pump is null)
            {
                // the first status goes out as given; later ones wait their turn, the latest winning
                _age.Start();
                _pump = Task.Run(() => PumpAsync(text));
                return;
            }
        }
        Volatile.Write(ref _pending, text);
        _signal.Release();
    }

    private async Task PumpAsync(string first)
    {
        var last = TimeSpan.MinValue;
        string? next = first;
        try
        {
            while (!_failed)
            {
                var text = next;
                next = null;
                if (text is null)
                {
                    await _signal.WaitAsync(_stop.Token);
                    var wait = last == TimeSpan.MinValue ? TimeSpan.Zero : last + MinInterval - _age.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, _stop.Token);
                    text = Interlocked.Exchange(ref _pending, null);
                    if (text is null) continue;
                }
                if (_age.Elapsed > MaxDuration - MinInterval) return; // past Teams' limit: the final message still closes it
                var entity = new Entity("streaminfo");
                entity.Properties["streamType"] = "informative";
                entity.Properties["streamSequence"] = _sequence + 1;
                if (StreamId is not null) entity.Properties["streamId"] = StreamId;
                var typing = new Activity { Type = ActivityTypes.Typing, Text = text, Entities = [entity] };
                var sent = await turnContext.SendActivityAsync(typing, _stop.Token);
                Interlocked.Increment(ref _sequence);
                StreamId ??= sent?.Id;
                last = _age.Elapsed;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // the answer is ready
        }
        catch (Exception e)
        {
            // a lost update must not lose the answer: the final message goes out as a plain message
            _failed = true;
            logger.LogWarning("Could not send an informative update: {Error}", e.Message);
        }
    }

    /// <summary>
    /// Stops the updates and marks <paramref name="final"/> as the stream's end (streamType final with the stream's
    /// id), when a stream was started; otherwise leaves it as it is.
    /// </summary>
    public async Task Close(Activity final, TimeSpan grace)
    {
        await _stop.CancelAsync();
        if (_pump is { } pump) await Task.WhenAny(pump, Task.Delay(grace));
        if (StreamId is null || _failed) return;
        var entity = new Entity("streaminfo");
        entity.Properties["streamId"] = StreamId;
        entity.Properties["streamType"] = "final";
        final.Entities = [.. final.Entities ?? [], entity];
        var data = final.ChannelData as JObject ?? new JObject();
        data["streamId"] = StreamId;
        data["streamType"] = "final";
        final.ChannelData = data;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pump is { } pump) await Task.WhenAny(pump, Task.Delay(TimeSpan.FromSeconds(1)));
        _stop.Dispose();
        _signal.Dispose();
    }
}
