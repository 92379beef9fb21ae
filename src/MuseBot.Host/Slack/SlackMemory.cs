namespace MuseBot.Host.Slack;

/// <summary>
/// A bounded map that forgets its oldest entries first and entries older than a time to live; thread-safe. Memory stays
/// flat however many events or threads a workspace produces.
/// </summary>
public sealed class BoundedRecentMap<TValue>(int capacity, TimeSpan timeToLive, TimeProvider time)
{
    private readonly Dictionary<string, (TValue Value, DateTimeOffset At, long Version)> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long Version)> _order = new();
    private readonly Lock _lock = new();
    private long _version;

    public int Count { get { lock (_lock) return _entries.Count; } }

    /// <summary>Adds the key unless present (and fresh); false when it was already there.</summary>
    public bool TryAdd(string key, TValue value)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Evict(now);
            if (_entries.ContainsKey(key)) return false;
            Put(key, value, now);
            return true;
        }
    }

    public void Set(string key, TValue value)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Evict(now);
            Put(key, value, now);
        }
    }

    public bool TryGet(string key, out TValue value)
    {
        lock (_lock)
        {
            Evict(time.GetUtcNow());
            if (_entries.TryGetValue(key, out var e)) { value = e.Value; return true; }
            value = default!;
            return false;
        }
    }

    public void Remove(string key)
    {
        lock (_lock) _entries.Remove(key);
    }

    private void Put(string key, TValue value, DateTimeOffset now)
    {
        var version = ++_version;
        _entries[key] = (value, now, version);
        _order.Enqueue((key, version));
        while (_entries.Count > capacity && _order.TryDequeue(out var oldest))
            if (_entries.TryGetValue(oldest.Key, out var e) && e.Version == oldest.Version) _entries.Remove(oldest.Key);
    }

    private void Evict(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest))
        {
            if (!_entries.TryGetValue(oldest.Key, out var e) || e.Version != oldest.Version) { _order.Dequeue(); continue; }
            if (now - e.At <= timeToLive) break;
            _entries.Remove(oldest.Key);
            _order.Dequeue();
        }
        // Keys overwritten many times leave stale queue entries; keep the queue within a small multiple of the map.
        if (_order.Count > 4 * Math.Max(capacity, 16))
        {
            var live = _order.Where(o => _entries.TryGetValue(o.Key, out var e) && e.Version == o.Version).ToList();
            _order.Clear();
            foreach (var o in live) _order.Enqueue(o);
        }
    }
}

/// <summary>Events already taken on: Slack retries an event it thinks we missed, and we answer it once.</summary>
public sealed class SlackEventDeduplicator(TimeProvider time)
{
    // Slack retries three times within about five minutes; an hour is plenty.
    private readonly BoundedRecentMap<bool> _seen = new(20_000, TimeSpan.FromHours(1), time);

    /// <summary>True the first time any of <paramref name="keys"/> is seen; false for a repeat of any of them.</summary>
    public bool TryBegin(params string[] keys)
    {
        var added = new List<string>(keys.Length);
        foreach (var key in keys)
        {
            if (_seen.TryAdd(key, true)) { added.Add(key); continue; }
            foreach (var k in added) _seen.Remove(k);
            return false;
        }
        return true;
    }

    /// <summary>Forget keys taken on but not queued, so Slack's retry gets answered.</summary>
    public void Forget(params string[] keys)
    {
        foreach (var key in keys) _seen.Remove(key);
    }
}

/// <summary>The last question asked in each Slack thread, so "and Gemini's?" can be answered as a follow-up.</summary>
public sealed class SlackThreadMemory(TimeProvider time)
{
    private readonly BoundedRecentMap<string> _lastQuestion = new(5_000, TimeSpan.FromDays(1), time);

    public static string Key(string teamId, string channel, string threadTs) => $"{teamId}/{channel}/{threadTs}";

    /// <summary>Returns the thread's previous question (null if none) and remembers <paramref name="question"/> as the latest.</summary>
    public string? Exchange(string key, string question)
    {
        var previous = _lastQuestion.TryGet(key, out var q) ? q : null;
        _lastQuestion.Set(key, question);
        return previous;
    }
}
