using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Core.Note;

namespace MuseBot.Core.Answering;

/// <summary>
/// Finds the claims the note itself marks as weaker, from its own language: attributed claims it says are not
/// independently established, risk signals not revalidated, items that need separate work, lower-confidence
/// extrapolations, positioning that is not verified parity. A qualifier that refers back ("Those are Meta
/// claims, …", "those claims were not …") also covers the sentence before it.
/// </summary>
public static partial class ConfidenceTagger
{
    private sealed record Cue(Regex Pattern, Func<Match, string> Reason);

    private static readonly Regex CharacterizedBy = new(@"\b(?<who>[A-Z][\w.-]*)-characteri[sz]ed\b");

    private static readonly Cue[] Cues =
    [
        new(new Regex(@"\b(?<who>[A-Z][\w.-]*)(?:'s|’s)?\s+(?:own\s+)?claims?\b[^.]*\bnot\s+independently\s+(?:established|verified|validated|confirmed)\b|\bnot\s+independently\s+(?:established|verified|validated|confirmed)\b", RegexOptions.IgnoreCase),
            m => m.Groups["who"].Success && m.Groups["who"].Value.Length > 1 && !IsDeterminer(m.Groups["who"].Value)
                ? $"{m.Groups["who"].Value}'s own claim, not independently verified"
                : "A claim the note says is not independently established"),
        new(new Regex(@"\b(?<who>[A-Z][\w.-]*)-characteri[sz]ed\b|\bnot\s+(?:been\s+)?(?:independently\s+)?re-?validated\b", RegexOptions.IgnoreCase),
            m => m.Groups["who"].Success
                ? $"{m.Groups["who"].Value}-characterized signal, not independently revalidated"
                : "Not independently revalidated"),
        new(new Regex(@"\brequires?\s+(?:its|their)\s+own\s+sourcing\b|\b(?:requires?|needs?|for|left\s+for|leaving\s+[^.]*\bfor)\s+separate\s+work\b|\brequires?\s+separate\s+work\b", RegexOptions.IgnoreCase),
            _ => "Requires separate work: the note does not validate this itself"),
        new(new Regex(@"\blower\b[^.]{0,40}\bextrapolations?\b|\blower[- ]confidence\b", RegexOptions.IgnoreCase),
            _ => "Lower confidence: the note says it is less sure of broader extrapolations and long-tail claims"),
        new(new Regex(@"\bnot\s+verified\s+parity\b|\bpositioning,\s+not\s+(?:verified|proven)\b", RegexOptions.IgnoreCase),
            _ => "Competitive positioning, not verified parity"),
        new(new Regex(@"\bneeds?\s+(?:more\s+)?external\s+confirmation\b|\bnot\s+(?:yet\s+)?(?:externally|independently)\s+confirmed\b", RegexOptions.IgnoreCase),
            _ => "Still needs external confirmation"),
    ];

    private static bool IsDeterminer(string w) =>
        w.Equals("those", StringComparison.OrdinalIgnoreCase) || w.Equals("these", StringComparison.OrdinalIgnoreCase)
        || w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("such", StringComparison.OrdinalIgnoreCase)
        || w.Equals("its", StringComparison.OrdinalIgnoreCase) || w.Equals("their", StringComparison.OrdinalIgnoreCase);

    /// <summary>Flags by passage id for every passage that carries one.</summary>
    public static Dictionary<string, IReadOnlyList<ConfidenceFlag>> Tag(NoteDocument document)
    {
        var flags = new Dictionary<string, List<ConfidenceFlag>>();
        void Add(string id, ConfidenceFlag f)
        {
            if (!flags.TryGetValue(id, out var list)) flags[id] = list = [];
            if (!list.Any(x => x.Reason == f.Reason)) list.Add(f);
        }

        // prose: each sentence (or one-sentence paragraph), plus back-references to the previous sentence
        foreach (var paragraph in document.Passages.Where(p => p.Kind == PassageKind.Paragraph))
        {
            var units = document.Passages.Where(p => p.ParentId == paragraph.Id && p.Kind == PassageKind.Sentence).ToList();
            if (units.Count == 0) units = [paragraph];
            for (int i = 0; i < units.Count; i++)
            {
                foreach (var reason in ReasonsIn(units[i].Text))
                {
                    var flag = new ConfidenceFlag(units[i].Section, reason, units[i].Text);
                    Add(units[i].Id, flag);
                    Add(paragraph.Id, flag);
                    if (i > 0 && RefersBack(units[i].Text)) Add(units[i - 1].Id, flag);
                }
            }
        }

        // tables: a column whose header carries the doubt ("What still requires separate work") flags each row
        foreach (var row in document.Passages.Where(p => p.Kind == PassageKind.TableRow && p.Cells is not null))
        {
            foreach (var (header, cell) in row.Cells!)
            {
                if (cell.Length == 0) continue;
                foreach (var reason in ReasonsIn(header).Concat(ReasonsIn(cell)))
                    Add(row.Id, new ConfidenceFlag(row.Section, reason, $"{header}: {cell}"));
            }
        }
        return flags.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ConfidenceFlag>)kv.Value);
    }

    public static IEnumerable<string> ReasonsIn(string text)
    {
        foreach (var cue in Cues)
        {
            var m = cue.Pattern.Match(text);
            if (!m.Success) continue;
            var reason = cue.Reason(m);
            // "not independently revalidated … Meta-characterized risk signals": name who characterized it
            if (reason == "Not independently revalidated" && CharacterizedBy.Match(text) is { Success: true } who)
                reason = $"{who.Groups["who"].Value}-characterized signal, not independently revalidated";
            yield return reason;
        }
    }

    /// <summary>"Those are Meta claims", "That should be read as …", "… those claims were not …".</summary>
    private static bool RefersBack(string sentence) => BackReferenceRegex().IsMatch(sentence);

    [GeneratedRegex(@"^(?:those|these|that|this|such|they|it)\b|\b(?:those|these|such|the)\s+(?:claims?|calls?|signals?|statements?|figures?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BackReferenceRegex();
}
