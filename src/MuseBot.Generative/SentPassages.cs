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
        lock (_gate)
            return Add(candidates, Math.Min(limit, maxPassages - _sent.Count), Math.Min(maxCharacters, characterLimit ?? maxCharacters) - _characters);
    }

    /// <summary>
    /// Adds passages beyond the question's own budget, for the one second look before a refusal: those not sent yet,
    /// in order, up to <paramref name="characterLimit"/> more characters (a longer one is skipped, as in
    /// <see cref="Take"/>). Returns those added.
    /// </summary>
    public IReadOnlyList<RetrievedPassage> Extend(IEnumerable<RetrievedPassage> candidates, int characterLimit)
    {
        lock (_gate) return Add(candidates, int.MaxValue, characterLimit);
    }

    /// <summary>Adds up to <paramref name="count"/> passages not sent yet, within <paramref name="characters"/> more characters. Under the lock.</summary>
    private List<RetrievedPassage> Add(IEnumerable<RetrievedPassage> candidates, int count, int characters)
    {
        var added = new List<RetrievedPassage>();
        foreach (var p in candidates)
        {
            if (added.Count >= count) break;
            if (_sent.Any(s => s.Id == p.Id)) continue;
            var length = p.Citation.Quote.Length;
            if (length > characters) continue;
            _sent.Add(p);
            _characters += length;
            characters -= length;
            added.Add(p);
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
