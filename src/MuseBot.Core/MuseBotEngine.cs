using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MuseBot.Contracts;
using MuseBot.Core.Answering;
using MuseBot.Core.Commands;
using MuseBot.Core.Retrieval;

namespace MuseBot.Core;

/// <summary>
/// The answer engine, assembled: the note read from the seeds, its index opened (or rebuilt when the seeds
/// changed), retrieval, the extractive answerer and the browse commands. Build one per process and share it:
/// every member is thread-safe.
/// </summary>
public sealed class MuseBotEngine : IDisposable
{
    private MuseBotEngine(NoteIndex index, ExtractiveAnswerEngine answers)
    {
        Index = index;
        Extractive = answers;
        Commands = new ChatCommands(index.Document);
    }

    public NoteIndex Index { get; }
    public INoteCatalog Catalog => Index.Document;
    public IPassageSearch Search => Extractive.Search;
    public IAnswerEngine Answers => Extractive;

    /// <summary>The extractive answerer itself, for `explain`; channels use <see cref="Answers"/>.</summary>
    public ExtractiveAnswerEngine Extractive { get; }
    public ChatCommands Commands { get; }

    /// <summary>Opens the index under <see cref="MuseBotOptions.IndexPath"/>, building it first when it is missing or stale.</summary>
    public static MuseBotEngine Open(MuseBotOptions options, ILoggerFactory? loggerFactory = null, bool forceRebuild = false, EngineTuning? tuning = null)
    {
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        var index = NoteIndex.Open(options, loggerFactory.CreateLogger<NoteIndex>(), forceRebuild);
        return new MuseBotEngine(index, new ExtractiveAnswerEngine(index, options.Engine(), tuning));
    }

    public void Dispose() => Index.Dispose();
}
