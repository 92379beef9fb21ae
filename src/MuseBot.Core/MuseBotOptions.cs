using MuseBot.Core.Answering;
using MuseBot.Core.Retrieval;

namespace MuseBot.Core;

/// <summary>Where the note and its index live. Bound from the "MuseBot" configuration section.</summary>
public sealed class MuseBotOptions
{
    public const string SectionName = "MuseBot";

    /// <summary>Folder holding the note(s) as text files. Relative paths resolve against the working directory.</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Folder the Lucene index and passage embeddings are written to; rebuilt when the seeds change.</summary>
    public string IndexPath { get; set; } = "index";

    /// <summary>Folder the encoder models are unpacked to once, from their packages; default "models" inside the
    /// index folder. Several indexes (the benchmark's, the tuner's) can share one.</summary>
    public string? ModelsPath { get; set; }

    /// <summary>Folder for runtime data (the feedback database).</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Use the encoders below with BM25. Off: BM25 and exact terms alone (no models loaded, faster start).</summary>
    public bool SemanticSearch { get; set; } = true;

    /// <summary>Dense retrieval model (pooled query→passage vectors): "snowflake-arctic-embed-xs", "all-MiniLM-L6-v2" or "none".</summary>
    public string RetrievalModel { get; set; } = EncoderModel.ArcticXs.Name;

    /// <summary>Late-interaction model (per-word contextual vectors): "all-MiniLM-L6-v2", "snowflake-arctic-embed-xs" or "none".</summary>
    public string AlignmentModel { get; set; } = EncoderModel.MiniLM.Name;

    /// <summary>The engine's models as configured; none when <see cref="SemanticSearch"/> is off.</summary>
    public EngineConfiguration Engine() => SemanticSearch
        ? new EngineConfiguration(Model(RetrievalModel, nameof(RetrievalModel)), Model(AlignmentModel, nameof(AlignmentModel)))
        : new EngineConfiguration(null, null);

    /// <summary>The encoders the index must hold vectors for.</summary>
    public IReadOnlyList<EncoderModel> EncoderModels() => Engine().Models;

    private static EncoderModel? Model(string name, string key) =>
        string.IsNullOrWhiteSpace(name) || name.Equals("none", StringComparison.OrdinalIgnoreCase) ? null
        : EncoderModel.Named(name) ?? throw new InvalidOperationException(
            $"{SectionName}:{key} '{name}' is not a model the engine ships: use {EncoderModel.ArcticXs.Name}, {EncoderModel.MiniLM.Name} or none.");

    /// <summary>Throws with a message a person can act on when the settings cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(SeedsPath))
            throw new InvalidOperationException($"{SectionName}:SeedsPath is empty: set it to the folder that holds the note.");
        if (!Directory.Exists(SeedsPath))
            throw new InvalidOperationException(
                $"{SectionName}:SeedsPath '{Path.GetFullPath(SeedsPath)}' does not exist: run from the repository root or set {SectionName}__SeedsPath.");
        if (!Directory.EnumerateFiles(SeedsPath).Any(f => NoteFiles.IsNoteFile(f)))
            throw new InvalidOperationException($"{SectionName}:SeedsPath '{Path.GetFullPath(SeedsPath)}' holds no note (*.txt or *.md).");
        if (string.IsNullOrWhiteSpace(IndexPath))
            throw new InvalidOperationException($"{SectionName}:IndexPath is empty: set it to a writable folder.");
        if (string.IsNullOrWhiteSpace(DataPath))
            throw new InvalidOperationException($"{SectionName}:DataPath is empty: set it to a writable folder.");
        _ = Engine();
    }

    /// <summary>Resolves relative paths against <paramref name="baseDirectory"/>.</summary>
    public MuseBotOptions ResolvedAgainst(string baseDirectory) => new()
    {
        SeedsPath = Path.GetFullPath(SeedsPath, baseDirectory),
        IndexPath = Path.GetFullPath(IndexPath, baseDirectory),
        DataPath = Path.GetFullPath(DataPath, baseDirectory),
        SemanticSearch = SemanticSearch,
        RetrievalModel = RetrievalModel,
        AlignmentModel = AlignmentModel,
        ModelsPath = ModelsPath is null ? null : Path.GetFullPath(ModelsPath, baseDirectory),
    };
}

/// <summary>Which files in the seeds folder are the note (its text or markdown, not the folder's README).</summary>
public static class NoteFiles
{
    public static bool IsNoteFile(string path) =>
        (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        && !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> In(string folder) =>
        Directory.EnumerateFiles(folder).Where(IsNoteFile).Order(StringComparer.Ordinal).ToList();
}
