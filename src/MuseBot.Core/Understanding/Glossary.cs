using System.Text.RegularExpressions;

namespace MuseBot.Core.Understanding;

/// <summary>
/// Shorthand readers use for the note's names ("acw" → "Acme Widget"), read from <c>glossary.tsv</c> beside the note:
/// what cannot be derived from the note itself lives there as data, not in code.
/// </summary>
public sealed class Glossary
{
    public const string FileName = "glossary.tsv";

    private readonly List<(Regex Pattern, string Meaning)> _entries = [];

    public Glossary(IEnumerable<(string Shorthand, string Meaning)> entries)
    {
        // longest first, so "capital expenditures" wins over "capital expenditure"
        foreach (var (shorthand, meaning) in entries.OrderByDescending(e => e.Shorthand.Length))
            // whole, or the first part of an English compound ("gen-ai-driven"), not of a longer name ("fb-2"); two
            // things joined by "and" that stand for one ("plants and gear" for capex) are two after "between", which
            // sets them apart ("how is it divided between plants and gear?")
            _entries.Add((new Regex($@"{(shorthand.Contains(" and ", StringComparison.Ordinal) ? @"(?<!\bbetween\s+(?:the\s+)?)" : "")}(?<![\w-]){Regex.Escape(shorthand)}(?:['’]s)?(?:(?![\w-])|(?=-(?:driven|based|powered|enabled|generated|related|native|first|led|style|like|focused|heavy|only)\b))",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), meaning));
    }

    public static Glossary Empty { get; } = new([]);

    public int Count => _entries.Count;

    /// <summary>What each shorthand stands for, in the note's words.</summary>
    public IEnumerable<string> Meanings => _entries.Select(e => e.Meaning);

    /// <summary>Reads <c>glossary.tsv</c> from the seeds folder; no file, no entries.</summary>
    public static Glossary Load(string seedsPath)
    {
        var path = Path.Combine(seedsPath, FileName);
        if (!File.Exists(path)) return Empty;
        var entries = new List<(string, string)>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0) entries.Add((parts[0], parts[1]));
        }
        return new Glossary(entries);
    }

    /// <summary>The text with every shorthand spelled out; a possessive stays possessive ("acw's" → "Acme Widget's").</summary>
    public string Expand(string text)
    {
        foreach (var (pattern, meaning) in _entries)
            text = pattern.Replace(text, m => m.Value.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || m.Value.EndsWith("’s", StringComparison.OrdinalIgnoreCase)
                ? meaning + "'s" : meaning);
        return text;
    }
}
