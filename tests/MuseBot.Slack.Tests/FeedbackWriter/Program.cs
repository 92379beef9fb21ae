using MuseBot.Contracts;
using MuseBot.Core.Feedback;

// Usage: FeedbackWriter <database path> <max records>
if (args.Length != 2 || !int.TryParse(args[1], out var max))
{
    Console.Error.WriteLine("usage: FeedbackWriter <database path> <max records>");
    return 2;
}
using var store = new SqliteFeedbackStore(args[0]);
var stdout = Console.Out;
for (int i = 1; i <= max; i++)
{
    await store.RecordFeedbackAsync(new FeedbackRecord("test", $"question {i}", i % 3 != 0, ["§1 Title"], "hash", DateTimeOffset.UtcNow));
    // Only now is the record acknowledged: the parent counts these lines.
    await stdout.WriteLineAsync($"ack {i}");
    await stdout.FlushAsync();
}
return 0;
