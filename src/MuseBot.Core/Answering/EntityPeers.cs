using System.Text.RegularExpressions;
using MuseBot.Core.Note;

namespace MuseBot.Core.Answering;

/// <summary>
/// Things of the same kind that the note compares: the row labels of each table's first column (the models in a
/// comparison table, the surfaces in a surface table). A figure in a passage that names one peer and not the one
/// asked about belongs to someone else, and must not be handed over.
/// </summary>
public sealed partial class EntityPeers
{
    private readonly List<Peer> _peers = [];

    public sealed record Peer(int Group, string Label, IReadOnlyList<string> Aliases);

    public EntityPeers(NoteDocument document, Func<string, double> aliasShare)
    {
        var properNouns = ProperNouns(document);
        int group = 0;
        foreach (var table in document.Sections.SelectMany(s => s.Tables))
        {
            group++;
            var labels = table.Rows.Where(r => r.Count > 0 && r[0].Length is > 0 and <= 40 && r[0].Split(' ').Length <= 5).Select(r => r[0]).ToList();
            if (labels.Count < 2) continue;
            var tokens = labels.ToDictionary(l => l, Aliases);
            foreach (var label in labels)
            {
                // an alias must tell this row from its peers and be rare enough in the note to mean this thing
                var own = tokens[label].Where(t => properNouns.Contains(t) && labels.Count(l => l != label && tokens[l].Contains(t)) == 0 && aliasShare(t) <= 0.25).ToList();
                if (own.Count == 0) continue;
                _peers.Add(new Peer(group, label, own));
            }
        }
    }

    public IReadOnlyList<Peer> All => _peers;

    /// <summary>Names: words the note writes capitalized in mid-sentence, or with digits ("Gemini", "GPT-5.4", "WhatsApp").</summary>
    public static HashSet<string> ProperNouns(NoteDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        // the title line is in title case: every word looks like a name there
        foreach (var p in document.Passages.Where(p => p.Section != NoteParser.TitleSection
                                                       && p.Kind is Contracts.PassageKind.Sentence or Contracts.PassageKind.TableRow or Contracts.PassageKind.Paragraph))
        {
            var matches = TokenRegex().Matches(p.Text);
            for (int i = 1; i < matches.Count; i++)
            {
                var raw = matches[i].Value;
                var prev = p.Text[..matches[i].Index].TrimEnd();
                bool sentenceStart = prev.EndsWith('.') || prev.EndsWith(':') || prev.EndsWith('·');
                if ((char.IsUpper(raw[0]) && !sentenceStart) || (raw.Any(char.IsDigit) && raw.Any(char.IsLetter)))
                    names.UnionWith(Aliases(raw));
            }
        }
        return names;
    }

    /// <summary>The peers a text names.</summary>
    public IReadOnlyList<Peer> In(string text)
    {
        var words = Aliases(text).ToHashSet(StringComparer.Ordinal);
        return _peers.Where(p => p.Aliases.Any(words.Contains)).ToList();
    }

    public static List<string> Aliases(string text) =>
        TokenRegex().Matches(text).Select(m => m.Value.ToLowerInvariant().TrimEnd('.', '-'))
            .Select(t => t.EndsWith("'s", StringComparison.Ordinal) || t.EndsWith("’s", StringComparison.Ordinal) ? t[..^2] : t)
            .Where(t => t.Length >= 3 && !Generic.Contains(t)).ToList();

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "and", "the", "for", "with", "pro", "preview", "plus", "mini", "max", "ultra", "model", "models", "new", "beta",
    };

    [GeneratedRegex(@"[\p{L}\d][\p{L}\d.'’-]*")]
    private static partial Regex TokenRegex();
}
