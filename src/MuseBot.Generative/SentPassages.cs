using System.Text;
using MuseBot.Contracts;

namespace MuseBot.Generative;

/// <summary>
/// The passages sent to the model for one question, initially or through its searches: the only passages an
/// answer may cite. Caps what is sent (count and characters) so a question costs a bounded number of tokens.
/// </summary>
public sealed class SentPassages(int maxPassages, int maxCharacters)
{
    private readonly object _gate = new();
    private readonly List<RetrievedPassage> _sent = [];
    private int _characters;

    public IReadOnlyList<RetrievedPassage> All
    {
        get { lock (_gate) return _sent.ToList(); }
    }

    public int Characters
    {
        get { lock (_gate) return _characters; }
    }

    public bool Contains(string id)
    {
        lock (_gate) return _sent.Any(p => p.Id == id);
    }

    public RetrievedPassage? Find(string id)
    {
        lock (_gate) return _sent.FirstOrDefault(p => p.Id == id);
    }

    /// <summary>
    /// Adds the candidates that fit in what is left of the budget, in order; a passage too long for what is left
    /// is skipped so a shorter one after it can still go. Returns those added now (not ones sent before).
    /// </summary>
    public IReadOnlyList<RetrievedPassage> Take(IEnumerable<RetrievedPassage> candidates, int limit, int? characterLimit = null)
    {
        var added = new List<RetrievedPassage>();
        var cap = Math.Min(maxCharacters, characterLimit ?? maxCharacters);
        lock (_gate)
        {
            foreach (var p in candidates)
            {
                if (added.Count >= limit || _sent.Count >= maxPassages) break;
                if (_sent.Any(s => s.Id == p.Id)) continue;
                var length = p.Citation.Quote.Length;
                if (_characters + length > cap) continue;
                _sent.Add(p);
                _characters += length;
                added.Add(p);
            }
        }
        return added;
    }

    /// <summary>
    /// Adds passages beyond the question's own budget, for the one second look before a refusal: those not sent yet,
    /// in order, up to <paramref name="characterLimit"/> more characters (a longer one is skipped, as in
    /// <see cref="Take"/>). Returns those added.
    /// </summary>
    public IReadOnlyList<RetrievedPassage> Extend(IEnumerable<RetrievedPassage> candidates, int characterLimit)
    {
        var added = new List<RetrievedPassage>();
        int characters = 0;
        lock (_gate)
        {
            foreach (var p in candidates)
            {
                if (_sent.Any(s => s.Id == p.Id)) continue;
                var length = p.Citation.Quote.Length;
                if (characters + length > characterLimit) continue;
                _sent.Add(p);
                _characters += length;
                characters += length;
                added.Add(p);
            }
        }
        return added;
    }

    /// <summary>How passages appear to the model: id in brackets, where in the note, then the note's words.</summary>
    public static string Render(IEnumerable<RetrievedPassage> passages)
    {
        var sb = new StringBuilder();
        foreach (var p in passages)
        {
            sb.Append('[').Append(p.Id).Append("] ").Append(p.Citation.Label).Append('\n');
            sb.Append(p.Citation.Quote).Append("\n\n");
        }
        return sb.ToString().TrimEnd();
    }
}
