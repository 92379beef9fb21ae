namespace MuseBot.Contracts;

/// <summary>Retrieval over the indexed note, for answerers that compose their own reply (the generative one).</summary>
public interface IPassageSearch
{
    /// <summary>The passages that best match <paramref name="query"/>, best first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<RetrievedPassage> Search(string query, int limit);

    /// <summary>The confidence flags the note attaches to a passage (same mechanism as extractive answers).</summary>
    IReadOnlyList<ConfidenceFlag> FlagsFor(string passageId);
}

/// <summary>A passage with a stable id ("p7.3", "t5.1.2", ...) that an answer can cite.</summary>
public sealed record RetrievedPassage(string Id, Citation Citation, double Score);
