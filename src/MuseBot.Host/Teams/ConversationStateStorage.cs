using Microsoft.Bot.Builder;
using MuseBot.Core.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MuseBot.Host.Teams;

/// <summary>
/// The Bot Framework's <see cref="IStorage"/> over the conversation store (SQLite in the data folder), so that
/// ConversationState lives on disk, survives restarts and is forgotten after its expiry instead of growing in memory
/// as MemoryStorage does. Values come back as JObject, which BotState reads; no type names are stored, so renaming
/// a class never strands stored state. Optimistic concurrency as in the SDK's own storages: an <see cref="IStoreItem"/>
/// written with an ETag other than "*" is written only if that ETag is still the stored one.
/// </summary>
public sealed class ConversationStateStorage(IConversationStateStore store) : IStorage
{
    private const string ETagProperty = "eTag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = 64,
    });

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys)
        {
            if (await store.ReadAsync(key, cancellationToken).ConfigureAwait(false) is not { } stored) continue;
            var value = JObject.Parse(stored.Json);
            value[ETagProperty] = stored.ETag;
            items[key] = value;
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var json = JObject.FromObject(value, Serializer);
            json.Remove(ETagProperty);
            var etag = (value as IStoreItem)?.ETag;
            var ifMatch = string.IsNullOrEmpty(etag) || etag == "*" ? null : etag;
            var newETag = await store.WriteAsync(key, json.ToString(Formatting.None), ifMatch, cancellationToken).ConfigureAwait(false);
            if (value is IStoreItem item) item.ETag = newETag;
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys) await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
    }
}
