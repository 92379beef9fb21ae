using System.Text.RegularExpressions;

namespace MuseBot.Core.Understanding;

/// <summary>A name with a version or number written after it ("Zeta-2.1", "Gizmo 4", "Acme Widget 3.2").</summary>
/// <param name="Key">The name's last word (or hyphenated words), lower case and without hyphens: "gizmo", "widgetbench".</param>
/// <param name="Version">The version as written: "2.1", "4".</param>
/// <param name="Written">The whole name as written, with the capitalised words before it: "Acme Widget 3.2".</param>
public sealed record VersionedName(string Key, string Version, string Written, int Start, int End);

/// <summary>
/// Versioned names: the note's are read when it opens, a question's when it is asked, so that a question about a
/// version the note never names ("Zeta-3", where the note has Zeta-2.1) is not answered from the one it does. A
/// version is a number with a point ("2.1"), or a single digit after a capitalised name ("Gizmo 4"): a larger whole
/// number after a name is more often a score or a count ("Rank 12"), and a month's day ("April 8") is a date.
/// </summary>
public static partial class Versions
{
    /// <summary>The note's versioned names: each name's key with the versions and written forms the note gives it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<VersionedName>> OfNote(IEnumerable<string> texts) =>
        texts.SelectMany(t => In(t, capitalised: true)).GroupBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<VersionedName>)g.DistinctBy(v => v.Written).ToList(), StringComparer.Ordinal);

    /// <summary>The versioned names a question uses that the note has under that name only in other versions ("zeta 3"
    /// where the note has Zeta-2.1). A version that begins one of the note's at a point is that one ("zeta 2" for
    /// Zeta-2.1, "gizmo 4" for Gizmo 4.6).</summary>
    public static IReadOnlyList<VersionedName> Unknown(string question, IReadOnlyDictionary<string, IReadOnlyList<VersionedName>> note) =>
        In(question, capitalised: false)
            .Where(v => note.TryGetValue(v.Key, out var known) && !known.Any(k => Same(v.Version, k.Version)))
            .ToList();

    private static bool Same(string asked, string known) =>
        asked.Equals(known, StringComparison.OrdinalIgnoreCase) || known.StartsWith(asked + ".", StringComparison.Ordinal);

    /// <param name="capitalised">Only names written with a capital (the note's); a question may be typed in lower case.</param>
    private static IEnumerable<VersionedName> In(string text, bool capitalised)
    {
        foreach (Match m in VersionedRegex().Matches(text))
        {
            var name = m.Groups["name"].Value;
            var version = m.Groups["version"].Value;
            if (capitalised && !char.IsUpper(name[0])) continue;
            if (Language.English.Months.Contains(name.ToLowerInvariant()) || name.Length < 2) continue;
            // a whole number of two digits or more is a score or a count, not a version (a one-letter name such as the
            // "Q" of "Q 4" is skipped above)
            if (!version.Contains('.') && version.TakeWhile(char.IsDigit).Count() > 1) continue;
            var lead = LeadRegex().Match(text[..m.Index]);
            // the capitalised words before the name belong to it ("Acme Widget 3.2"), but not a sentence's first
            // function word ("The Kite Lamp 2")
            var leading = lead.Success && capitalised ? string.Join(' ', lead.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .SkipWhile(w => Language.English.IsStopWord(w.ToLowerInvariant()))) : "";
            var written = (leading.Length > 0 ? leading + " " : "") + m.Value;
            yield return new VersionedName(name.Replace("-", "").ToLowerInvariant(), version, written.Trim(), m.Index, m.Index + m.Length);
        }
    }

    // a name (one word, or words joined by hyphens), a space or hyphen, then the version: digits with points, and a
    // letter or two run into them ("4o", not the "x", "k", "m", "b" or "t" of a multiple or an amount); not a share, an
    // amount or a multiple ("40%", "3B", "2x"), nor more digits
    [GeneratedRegex(@"(?<![\p{L}\d.-])(?<name>\p{L}[\p{L}]*(?:-\p{L}[\p{L}]*)*)[-\s](?<version>\d+(?:\.\d+)*(?-i:(?![xkmbt]\b)[a-z]{0,2}))(?![\p{L}\d%]|\.\d|\s*(?:%|percent|[BMKT]\b|bn\b|billion|million|x\b|×))", RegexOptions.IgnoreCase)]
    private static partial Regex VersionedRegex();

    [GeneratedRegex(@"(?:\p{Lu}[\p{L}]*\s+){1,2}$")]
    private static partial Regex LeadRegex();
}
