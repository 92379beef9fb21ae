using Microsoft.Bot.Builder;
using MuseBot.Core.Storage;
using MuseBot.Core.Storage.Sqlite;
using MuseBot.Host.Teams;
using Newtonsoft.Json.Linq;

namespace MuseBot.Host.Tests;

/// <summary>The SDK's IStorage over the conversation store: round trips, ETags as the SDK's storages do them, deletes.</summary>
public sealed class ConversationStateStorageTests : IDisposable
{
    private sealed class Note : IStoreItem
    {
        public string? Text { get; set; }
        public string? ETag { get; set; }
    }

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-istorage-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ConversationDatabase _db;
    private readonly ConversationStateStorage _storage;

    public ConversationStateStorageTests()
    {
        _db = ConversationDatabase.InDataFolder(_folder, TimeProvider.System);
        _storage = new ConversationStateStorage(new SqliteConversationStateStore(_db, TimeSpan.FromDays(1)));
    }

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_store_item_is_written_only_with_its_current_ETag_or_a_star()
    {
        var note = new Note { Text = "one", ETag = "*" };
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = note });
        var firstETag = note.ETag;                     // the writer's item carries the stored ETag
        var read = ((JObject)(await _storage.ReadAsync(["k"]))["k"]).ToObject<Note>()!;
        Assert.Equal(("one", firstETag), (read.Text, read.ETag));

        read.Text = "two";
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = read });   // with the current ETag: written
        Assert.NotEqual(firstETag, read.ETag);
        // A second reader that read "one" writes with the ETag it saw: refused, "two" is not lost.
        await Assert.ThrowsAsync<StateConflictException>(() => _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "lost update", ETag = firstETag } }));
        Assert.Equal("two", ((JObject)(await _storage.ReadAsync(["k"]))["k"])["Text"]!.ToString());
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "forced", ETag = "*" } });
        Assert.Equal("forced", ((JObject)(await _storage.ReadAsync(["k"]))["k"])["Text"]!.ToString());

        await _storage.DeleteAsync(["k"]);
        Assert.Empty(await _storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task Conversation_state_round_trips_through_the_SDK()
    {
        var state = new ConversationState(_storage);
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter("msteams");
        var accessor = state.CreateProperty<ConversationMemory>(nameof(ConversationMemory));
        var activity = adapter.MakeActivity("hello");
        activity.ChannelId = "msteams";
        using (var turn = new TurnContext(adapter, activity))
        {
            (await accessor.GetAsync(turn, () => new ConversationMemory())).PreviousQuestion = "capex?";
            await state.SaveChangesAsync(turn);
        }
        using (var turn = new TurnContext(adapter, activity))
        {
            var reloaded = new ConversationState(new ConversationStateStorage(new SqliteConversationStateStore(_db, TimeSpan.FromDays(1))));
            Assert.Equal("capex?", (await reloaded.CreateProperty<ConversationMemory>(nameof(ConversationMemory)).GetAsync(turn, () => new ConversationMemory())).PreviousQuestion);
        }
    }
}
