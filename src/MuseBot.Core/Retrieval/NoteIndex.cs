using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using MuseBot.Core.Note;
using MuseBot.Core.Understanding;
using Terms = MuseBot.Core.Understanding.Terms;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace MuseBot.Core.Retrieval;

/// <summary>What the encoders made of one answer unit at index time.</summary>
/// <param name="Vector">The unit's pooled vector.</param>
/// <param name="Words">Its words, lower-case, as the encoder saw them.</param>
/// <param name="Starts">Each word's character offset in the unit's text.</param>
/// <param name="WordVectors">Each word's contextual vector.</param>
/// <param name="Context">The vector of the unit's context: its whole paragraph (for a sentence) or its table with
/// its section (for a row), so that a question about a paragraph's idea finds each of its sentences.</param>
public sealed record UnitVectors(float[] Vector, string[] Words, int[] Starts, float[][] WordVectors, float[] Context);

/// <summary>
/// The note's answer units in a Lucene index (BM25) with, beside it, what each configured encoder made of every
/// unit: a pooled vector for dense retrieval and per-word contextual vectors for late interaction. Everything is
/// rebuilt when the seeds' content, the encoders or this format change, and opened as it is otherwise.
/// </summary>
public sealed class NoteIndex : IDisposable
{
    /// <summary>Bump when units, analysis or stored vectors change shape, so old indexes are rebuilt.</summary>
    private const int FormatVersion = 7;
    private const string ManifestFile = "manifest.json";
    private const string VectorsFile = "vectors.bin";
    private const string LuceneFolder = "lucene";
    private const string ModelsFolder = "models";

    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<string, Lazy<TextEncoder>> _encoders;
    private readonly Dictionary<string, UnitVectors[]> _vectors;

    private NoteIndex(NoteModel model, LuceneDirectory directory, Dictionary<string, Lazy<TextEncoder>> encoders,
        Dictionary<string, UnitVectors[]> vectors, IndexStats stats)
    {
        Model = model;
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _byId = model.Document.Passages.ToDictionary(p => p.Id);
        // each Lucene document's unit, read once: loading a stored field per hit is most of a search's time
        _unitOfDoc = new int[_reader.MaxDoc];
        for (int d = 0; d < _reader.MaxDoc; d++)
            _unitOfDoc[d] = int.Parse(_reader.Document(d).Get("unit"), System.Globalization.CultureInfo.InvariantCulture);
        _encoders = encoders;
        _vectors = vectors;
        Stats = stats;
        Vocabulary = new NoteVocabulary(model.Document);
    }

    public NoteModel Model { get; }
    public NoteDocument Document => Model.Document;

    /// <summary>Every passage of the note (sections, paragraphs, sentences, rows), by id.</summary>
    public IReadOnlyCollection<Passage> Passages => _byId.Values;

    public Passage Get(string id) => _byId[id];

    public bool TryGet(string id, out Passage passage) => _byId.TryGetValue(id, out passage!);

    private readonly Dictionary<string, Passage> _byId;
    private readonly int[] _unitOfDoc;
    public IndexStats Stats { get; }
    public NoteVocabulary Vocabulary { get; }

    /// <summary>The encoders this index holds vectors for, by model name.</summary>
    public IReadOnlyCollection<string> EncoderNames => _vectors.Keys;

    public bool Has(EncoderModel? model) => model is not null && _vectors.ContainsKey(model.Name);

    /// <summary>The encoder for a model (loaded on first use); null when the index holds no vectors for it.</summary>
    public TextEncoder? Encoder(EncoderModel? model) => model is not null && _encoders.TryGetValue(model.Name, out var e) ? e.Value : null;

    /// <summary>What <paramref name="model"/> made of each unit, by unit index; null when not indexed.</summary>
    public UnitVectors[]? Vectors(EncoderModel? model) => model is not null && _vectors.TryGetValue(model.Name, out var v) ? v : null;

    public static NoteIndex Open(MuseBotOptions options, ILogger logger, bool forceRebuild = false)
    {
        var files = NoteFiles.In(options.SeedsPath);
        var text = string.Join("\n\n", files.Select(File.ReadAllText));
        var document = NoteParser.Parse(text);
        if (ExampleQuestionsFile.Load(options.SeedsPath) is { } examples) document.ExampleQuestions = examples;
        var model = new NoteModel(document, Glossary.Load(options.SeedsPath));
        var encoderModels = options.EncoderModels();
        var hash = ContentHash(files, encoderModels);
        System.IO.Directory.CreateDirectory(options.IndexPath);

        var modelFolder = options.ModelsPath ?? Path.Combine(options.IndexPath, ModelsFolder);
        var encoders = encoderModels.ToDictionary(m => m.Name, m => new Lazy<TextEncoder>(() => new TextEncoder(m, modelFolder)));
        var stats = new IndexStats(model.Units.Count, Rebuilt: false, BuildTime: TimeSpan.Zero);

        // One builder at a time: two processes starting together must not write the same index.
        using (var indexLock = AcquireLock(options.IndexPath))
        {
            if (forceRebuild || !IsCurrent(options.IndexPath, hash))
            {
                var sw = Stopwatch.StartNew();
                Build(options.IndexPath, model, Load(encoderModels.Select(m => encoders[m.Name]).ToList()), hash);
                stats = stats with { Rebuilt = true, BuildTime = sw.Elapsed };
                logger.LogInformation("Indexed {Units} answer units from {Files} in {Ms} ms into {Path} (encoders: {Encoders})",
                    model.Units.Count, files.Count, (long)sw.Elapsed.TotalMilliseconds, options.IndexPath,
                    encoderModels.Count == 0 ? "none" : string.Join(", ", encoderModels.Select(m => m.Name)));
            }
            else
            {
                logger.LogInformation("Opened the index in {Path} ({Units} answer units, seeds unchanged)", options.IndexPath, model.Units.Count);
            }
        }

        var directory = FSDirectory.Open(Path.Combine(options.IndexPath, LuceneFolder));
        var vectors = ReadVectors(Path.Combine(options.IndexPath, VectorsFile), model.Units.Count);
        foreach (var name in vectors.Keys.Where(n => !encoders.ContainsKey(n)).ToList()) vectors.Remove(name);
        return new NoteIndex(model, directory, encoders, vectors, stats);
    }

    /// <summary>BM25 score of every unit for the analyzed terms of <paramref name="query"/> (0 where none match).</summary>
    public double[] Bm25(string query)
    {
        var scores = new double[Model.Units.Count];
        var terms = Terms.Of(query).Distinct().ToList();
        if (terms.Count == 0) return scores;
        var bq = new BooleanQuery();
        foreach (var t in terms) bq.Add(new TermQuery(new Term("text", t)), Occur.SHOULD);
        foreach (var sd in _searcher.Search(bq, Model.Units.Count).ScoreDocs)
            scores[_unitOfDoc[sd.Doc]] = sd.Score;
        return scores;
    }

    // ---- build ----

    private static void Build(string indexPath, NoteModel model, IReadOnlyList<TextEncoder> encoders, string hash)
    {
        using (var dir = FSDirectory.Open(Path.Combine(indexPath, LuceneFolder)))
        using (var analyzer = Terms.CreateAnalyzer())
        {
            var config = new IndexWriterConfig(Terms.Version, analyzer) { OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity() };
            using var writer = new IndexWriter(dir, config);
            foreach (var u in model.Units)
            {
                writer.AddDocument(new Lucene.Net.Documents.Document
                {
                    new StringField("id", u.Id, Field.Store.YES),
                    new StringField("unit", u.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    // a row is searched by its cells with their headers ("Capacity: 2M units") and its section title
                    new TextField("text", $"{u.Passage.SectionTitle}. {u.Text}", Field.Store.NO),
                });
            }
            writer.Commit();
        }

        // each encoder on its own thread: one inference thread each, so two encoders use two cores
        var unitTexts = model.Units.Select(u => u.Text).ToList();
        var contextTexts = model.Units.Select(u => ContextOf(model, u)).ToList();
        var distinct = contextTexts.Distinct(StringComparer.Ordinal).ToList();
        var encoded = new (IReadOnlyList<EncodedText> Units, Dictionary<string, float[]> Contexts)[encoders.Count];
        Parallel.For(0, encoders.Count, k =>
        {
            var units = encoders[k].EncodePassages(unitTexts);
            var contexts = distinct.Zip(encoders[k].EncodePassages(distinct)).ToDictionary(x => x.First, x => x.Second.Vector, StringComparer.Ordinal);
            encoded[k] = (units, contexts);
        });

        var path = Path.Combine(indexPath, VectorsFile);
        var tmp = path + ".tmp";
        using (var w = new BinaryWriter(File.Create(tmp)))
        {
            w.Write(encoders.Count);
            w.Write(model.Units.Count);
            for (int k = 0; k < encoders.Count; k++)
            {
                var (units, contexts) = encoded[k];
                w.Write(encoders[k].Model.Name);
                foreach (var u in model.Units)
                {
                    var e = units[u.Index];
                    WriteVector(w, e.Vector);
                    WriteVector(w, contexts[contextTexts[u.Index]]);
                    w.Write(e.Words.Count);
                    for (int i = 0; i < e.Words.Count; i++)
                    {
                        w.Write(e.Words[i]);
                        w.Write(e.WordStarts[i]);
                        WriteVector(w, e.WordVectors[i]);
                    }
                }
            }
        }
        File.Move(tmp, path, overwrite: true);

        var manifest = new Manifest(hash, FormatVersion, encoders.Select(e => e.Model.Name).ToList(), model.Units.Count, DateTimeOffset.UtcNow);
        File.WriteAllText(Path.Combine(indexPath, ManifestFile), JsonSerializer.Serialize(manifest));
    }

    /// <summary>The encoders, loaded side by side (loading is mostly reading and optimising one model each).</summary>
    private static List<TextEncoder> Load(IReadOnlyList<Lazy<TextEncoder>> encoders)
    {
        Parallel.ForEach(encoders, e => _ = e.Value);
        return encoders.Select(e => e.Value).ToList();
    }

    /// <summary>Every encoder this index uses, loaded side by side now rather than one by one on first use.</summary>
    public void LoadEncoders() => Load(_encoders.Values.ToList());

    /// <summary>A sentence's paragraph; a row's table, named by its section and headers.</summary>
    private static string ContextOf(NoteModel model, NoteUnit u) =>
        u.IsRow ? $"{u.Passage.SectionTitle}. {u.Table?.Name}: {u.Text}"
        : u.Passage.ParentId is { } parent && model.Document.Passages.FirstOrDefault(p => p.Id == parent) is { Kind: Contracts.PassageKind.Paragraph } paragraph
            ? paragraph.Text : u.Text;

    /// <summary>Vectors are stored as half precision: a tenth of a percent of cosine, half the bytes.</summary>
    private static void WriteVector(BinaryWriter w, float[] v)
    {
        foreach (var x in v) w.Write((Half)x);
    }

    private static float[] ReadVector(BinaryReader r)
    {
        var v = new float[TextEncoder.Dimensions];
        for (int d = 0; d < v.Length; d++) v[d] = (float)r.ReadHalf();
        return v;
    }

    private static Dictionary<string, UnitVectors[]> ReadVectors(string path, int units)
    {
        var result = new Dictionary<string, UnitVectors[]>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        using var r = new BinaryReader(File.OpenRead(path));
        int models = r.ReadInt32(), count = r.ReadInt32();
        if (count != units) return result;
        for (int m = 0; m < models; m++)
        {
            var name = r.ReadString();
            var all = new UnitVectors[count];
            for (int u = 0; u < count; u++)
            {
                var vector = ReadVector(r);
                var context = ReadVector(r);
                int n = r.ReadInt32();
                var words = new string[n];
                var starts = new int[n];
                var wordVectors = new float[n][];
                for (int i = 0; i < n; i++)
                {
                    words[i] = r.ReadString();
                    starts[i] = r.ReadInt32();
                    wordVectors[i] = ReadVector(r);
                }
                all[u] = new UnitVectors(vector, words, starts, wordVectors, context);
            }
            result[name] = all;
        }
        return result;
    }

    private static bool IsCurrent(string indexPath, string hash)
    {
        var path = Path.Combine(indexPath, ManifestFile);
        if (!File.Exists(path) || !System.IO.Directory.Exists(Path.Combine(indexPath, LuceneFolder))) return false;
        try
        {
            var m = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path));
            return m is not null && m.Hash == hash && m.FormatVersion == FormatVersion
                   && (m.Encoders is not { Count: > 0 } || File.Exists(Path.Combine(indexPath, VectorsFile)));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string ContentHash(IReadOnlyList<string> files, IReadOnlyList<EncoderModel> encoders)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"format={FormatVersion};encoders={string.Join(',', encoders.Select(e => e.Name))}\n"));
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

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _reader.Dispose();
        _directory.Dispose();
        foreach (var e in _encoders.Values.Where(e => e.IsValueCreated)) e.Value.Dispose();
    }

    private sealed record Manifest(string Hash, int FormatVersion, IReadOnlyList<string>? Encoders, int Units, DateTimeOffset BuiltAt);
}

/// <summary>What opening the index did, for logs and the benchmark.</summary>
public sealed record IndexStats(int Passages, bool Rebuilt, TimeSpan BuildTime);
