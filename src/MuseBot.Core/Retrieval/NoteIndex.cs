using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core.Answering;
using MuseBot.Core.Note;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace MuseBot.Core.Retrieval;

/// <summary>
/// The note's passages in a Lucene index (BM25) with their sentence embeddings beside it. The index is rebuilt
/// when the seeds' content hash changes and opened as it is otherwise.
/// </summary>
public sealed class NoteIndex : IPassageSearch, IDisposable
{
    /// <summary>Bump when passages, analysis or embeddings change shape, so old indexes are rebuilt.</summary>
    private const int FormatVersion = 4;
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string ManifestFile = "manifest.json";
    private const string EmbeddingsFile = "embeddings.bin";
    private const string LuceneFolder = "lucene";

    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer = CreateAnalyzer();
    private readonly Dictionary<string, Passage> _byId;
    private readonly Dictionary<string, float[]> _embeddings;
    private readonly Lazy<SentenceEmbedder>? _embedder;
    private readonly Dictionary<string, IReadOnlyList<ConfidenceFlag>> _flags;

    private NoteIndex(NoteDocument document, LuceneDirectory directory, Dictionary<string, float[]> embeddings,
        Lazy<SentenceEmbedder>? embedder, IndexStats stats)
    {
        Document = document;
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _byId = document.Passages.ToDictionary(p => p.Id);
        _embeddings = embeddings;
        _embedder = embedder;
        _flags = ConfidenceTagger.Tag(document);
        Stats = stats;
        Vocabulary = new NoteVocabulary(document);
    }

    public NoteDocument Document { get; }
    public IndexStats Stats { get; }
    public NoteVocabulary Vocabulary { get; }
    public bool HasEmbeddings => _embedder is not null && _embeddings.Count > 0;
    public IReadOnlyCollection<Passage> Passages => _byId.Values;

    public Passage Get(string id) => _byId[id];
    public bool TryGet(string id, out Passage passage) => _byId.TryGetValue(id, out passage!);

    public IReadOnlyList<ConfidenceFlag> FlagsFor(string passageId) =>
        _flags.TryGetValue(passageId, out var f) ? f : [];

    public static NoteIndex Open(MuseBotOptions options, ILogger logger, bool forceRebuild = false)
    {
        var files = NoteFiles.In(options.SeedsPath);
        var text = string.Join("\n\n", files.Select(File.ReadAllText));
        var document = NoteParser.Parse(text);
        var hash = ContentHash(files, options.SemanticSearch);
        System.IO.Directory.CreateDirectory(options.IndexPath);

        Lazy<SentenceEmbedder>? embedder = options.SemanticSearch ? new Lazy<SentenceEmbedder>(() => new SentenceEmbedder()) : null;
        var stats = new IndexStats(document.Passages.Count, Rebuilt: false, BuildTime: TimeSpan.Zero);

        // One builder at a time: two processes starting together must not write the same index.
        using (var indexLock = AcquireLock(options.IndexPath))
        {
            if (forceRebuild || !IsCurrent(options.IndexPath, hash))
            {
                var sw = Stopwatch.StartNew();
                Build(options.IndexPath, document, embedder?.Value, hash);
                stats = stats with { Rebuilt = true, BuildTime = sw.Elapsed };
                logger.LogInformation("Indexed {Passages} passages from {Files} in {Ms} ms into {Path}",
                    document.Passages.Count, files.Count, (long)sw.Elapsed.TotalMilliseconds, options.IndexPath);
            }
            else
            {
                logger.LogInformation("Opened the index in {Path} ({Passages} passages, seeds unchanged)", options.IndexPath, document.Passages.Count);
            }
        }

        var directory = FSDirectory.Open(Path.Combine(options.IndexPath, LuceneFolder));
        var embeddings = embedder is null ? new Dictionary<string, float[]>() : ReadEmbeddings(Path.Combine(options.IndexPath, EmbeddingsFile));
        return new NoteIndex(document, directory, embeddings, embedder, stats);
    }

    // ---- search ----

    /// <summary>Hybrid search: BM25 and embeddings fused by reciprocal rank (BM25 alone without embeddings).</summary>
    public IReadOnlyList<RetrievedPassage> Search(string query, int limit)
    {
        if (string.IsNullOrWhiteSpace(query) || limit <= 0) return [];
        var corrected = Vocabulary.Correct(query);
        var fused = Fuse(SearchBm25(corrected, 50), HasEmbeddings ? SearchVector(Embed(corrected), 50) : [], k: 60);
        return fused.Take(limit).Select(x => new RetrievedPassage(x.Id, _byId[x.Id].ToCitation(), x.Score)).ToList();
    }

    public IReadOnlyList<(string Id, double Score)> SearchBm25(string query, int limit)
    {
        var terms = Analyze(query).Distinct().ToList();
        if (terms.Count == 0) return [];
        var bq = new BooleanQuery();
        foreach (var t in terms) bq.Add(new TermQuery(new Term("text", t)), Occur.SHOULD);
        var top = _searcher.Search(bq, limit);
        return top.ScoreDocs.Select(sd => (_searcher.Doc(sd.Doc).Get("id"), (double)sd.Score)).ToList();
    }

    public IReadOnlyList<(string Id, double Score)> SearchVector(float[] query, int limit) =>
        _embeddings.Select(kv => (kv.Key, (double)SentenceEmbedder.Cosine(query, kv.Value)))
            .OrderByDescending(x => x.Item2).Take(limit).ToList();

    public float[] Embed(string text) =>
        _embedder?.Value.Embed(text) ?? throw new InvalidOperationException("Semantic search is off.");

    public float[]? EmbeddingOf(string passageId) => _embeddings.GetValueOrDefault(passageId);

    public static IReadOnlyList<(string Id, double Score)> Fuse(IReadOnlyList<(string Id, double Score)> a, IReadOnlyList<(string Id, double Score)> b, int k)
    {
        var scores = new Dictionary<string, double>();
        foreach (var list in new[] { a, b })
            for (int r = 0; r < list.Count; r++)
                scores[list[r].Id] = scores.GetValueOrDefault(list[r].Id) + 1.0 / (k + r + 1);
        return scores.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>The analyzed (lower-cased, stop-worded, stemmed) terms of a text.</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("text", text);
        var attr = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(attr.ToString());
        stream.End();
        return terms;
    }

    internal static Analyzer CreateAnalyzer() => new EnglishAnalyzer(Version);

    // ---- build ----

    private static void Build(string indexPath, NoteDocument document, SentenceEmbedder? embedder, string hash)
    {
        var lucenePath = Path.Combine(indexPath, LuceneFolder);
        using (var dir = FSDirectory.Open(lucenePath))
        using (var analyzer = CreateAnalyzer())
        {
            var config = new IndexWriterConfig(Version, analyzer)
            {
                OpenMode = OpenMode.CREATE,
                Similarity = new BM25Similarity(),
            };
            using var writer = new IndexWriter(dir, config);
            foreach (var p in document.Passages)
            {
                var doc = new Lucene.Net.Documents.Document
                {
                    new StringField("id", p.Id, Field.Store.YES),
                    new StringField("section", p.Section, Field.Store.YES),
                    new StringField("kind", p.Kind.ToString(), Field.Store.YES),
                    // rows are searched by their cells with their headers ("Context window: 262k")
                    new TextField("text", p.Text, Field.Store.NO),
                };
                writer.AddDocument(doc);
            }
            writer.Commit();
        }

        var embeddingsPath = Path.Combine(indexPath, EmbeddingsFile);
        if (embedder is not null)
        {
            var vectors = document.Passages.Where(IsEmbedded).ToDictionary(p => p.Id, p => embedder.Embed(p.Text));
            WriteEmbeddings(embeddingsPath, vectors);
        }
        else if (File.Exists(embeddingsPath)) File.Delete(embeddingsPath);

        var manifest = new Manifest(hash, FormatVersion, embedder is null ? null : SentenceEmbedder.ModelName, document.Passages.Count, DateTimeOffset.UtcNow);
        File.WriteAllText(Path.Combine(indexPath, ManifestFile), JsonSerializer.Serialize(manifest));
    }

    /// <summary>Sections are too long for a 256-token model; the finer grains carry the meaning.</summary>
    private static bool IsEmbedded(Passage p) => p.Kind != PassageKind.Section;

    private static bool IsCurrent(string indexPath, string hash)
    {
        var path = Path.Combine(indexPath, ManifestFile);
        if (!File.Exists(path) || !System.IO.Directory.Exists(Path.Combine(indexPath, LuceneFolder))) return false;
        try
        {
            var m = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path));
            return m is not null && m.Hash == hash && m.FormatVersion == FormatVersion
                   && (m.Model is null || File.Exists(Path.Combine(indexPath, EmbeddingsFile)));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string ContentHash(IReadOnlyList<string> files, bool semantic)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"format={FormatVersion};semantic={semantic}\n"));
        foreach (var f in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(f) + "\n"));
            sha.AppendData(File.ReadAllBytes(f));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static FileStream AcquireLock(string indexPath)
    {
        var path = Path.Combine(indexPath, ".build.lock");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static void WriteEmbeddings(string path, Dictionary<string, float[]> vectors)
    {
        var tmp = path + ".tmp";
        using (var w = new BinaryWriter(File.Create(tmp)))
        {
            w.Write(vectors.Count);
            w.Write(SentenceEmbedder.Dimensions);
            foreach (var (id, v) in vectors)
            {
                w.Write(id);
                foreach (var x in v) w.Write(x);
            }
        }
        File.Move(tmp, path, overwrite: true);
    }

    private static Dictionary<string, float[]> ReadEmbeddings(string path)
    {
        var result = new Dictionary<string, float[]>();
        if (!File.Exists(path)) return result;
        using var r = new BinaryReader(File.OpenRead(path));
        int count = r.ReadInt32(), dims = r.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            var id = r.ReadString();
            var v = new float[dims];
            for (int d = 0; d < dims; d++) v[d] = r.ReadSingle();
            result[id] = v;
        }
        return result;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        if (_embedder is { IsValueCreated: true }) _embedder.Value.Dispose();
    }

    private sealed record Manifest(string Hash, int FormatVersion, string? Model, int Passages, DateTimeOffset BuiltAt);
}

/// <summary>What opening the index did, for logs and the benchmark.</summary>
public sealed record IndexStats(int Passages, bool Rebuilt, TimeSpan BuildTime);
