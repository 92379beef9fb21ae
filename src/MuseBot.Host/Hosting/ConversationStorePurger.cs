using MuseBot.Core.Storage;

namespace MuseBot.Host.Hosting;

/// <summary>Deletes what the conversation store no longer needs (expired state, dedupe keys, answers, finished work)
/// every few minutes, so the store stays bounded however many conversations pass through. With the shared store
/// every instance purges; what one deleted, the others skip.</summary>
public sealed class ConversationStorePurger(IConversationStoreMaintenance store, ConversationStoreOptions options, TimeProvider time, ILogger<ConversationStorePurger> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    var removed = await store.PurgeExpiredAsync(keepFinishedWork: options.DedupeWindow, stoppingToken);
                    if (removed > 0) log.LogInformation("Conversation store: removed {Rows} expired rows", removed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning("Conversation store purge failed; trying again in {Minutes} min: {Error}", Interval.TotalMinutes, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
