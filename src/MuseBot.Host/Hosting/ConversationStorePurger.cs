using MuseBot.Core.Storage;
using MuseBot.Core.Storage.Sqlite;

namespace MuseBot.Host.Hosting;

/// <summary>Deletes what the conversation store no longer needs (expired state, dedupe keys, answers, finished work)
/// every few minutes, so the file stays bounded however many conversations pass through.</summary>
public sealed class ConversationStorePurger(ConversationDatabase db, ConversationStoreOptions options, ILogger<ConversationStorePurger> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, db.Time);
        try
        {
            do
            {
                try
                {
                    var removed = await db.PurgeExpiredAsync(keepFinishedWork: options.DedupeWindow, stoppingToken);
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
