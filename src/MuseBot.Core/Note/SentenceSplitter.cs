using System.Text.RegularExpressions;

namespace MuseBot.Core.Note;

/// <summary>Splits prose into sentences without breaking "4.2%", "U.S.", "e.g." or "Inc.".</summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "inc", "corp", "co", "ltd", "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "u.s", "u.k", "approx", "est", "fig",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var result = new List<string>();
        int start = 0;
        foreach (Match m in BoundaryRegex().Matches(text))
        {
            int end = m.Index + 1; // keep the punctuation
            var candidate = text[start..end];
            var lastWord = LastWordRegex().Match(candidate).Groups[1].Value.TrimEnd('.');
            if (Abbreviations.Contains(lastWord) || (lastWord.Length == 1 && char.IsUpper(lastWord[0])))
                continue;
            AddTrimmed(result, candidate);
            start = m.Index + m.Length;
        }
        AddTrimmed(result, text[start..]);
        return result;
    }

    private static void AddTrimmed(List<string> result, string s)
    {
        s = s.Trim();
        if (s.Length > 0) result.Add(s);
    }

    // End punctuation (optionally closing quote) followed by space and an upper-case letter, digit or opening quote.
    [GeneratedRegex(@"[.!?][""'”’)]?\s+(?=[A-Z0-9""'“‘(])")]
    private static partial Regex BoundaryRegex();

    [GeneratedRegex(@"([\w.]+)[.!?][""'”’)]?$")]
    private static partial Regex LastWordRegex();
}
