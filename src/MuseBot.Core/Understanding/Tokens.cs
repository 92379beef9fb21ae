using System.Text.RegularExpressions;

namespace MuseBot.Core.Understanding;

/// <summary>A word of a text, where it starts, and its analyzed terms.</summary>
public sealed record Token(string Text, int Start, IReadOnlyList<string> Terms)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// One way to cut text into words, shared by the note model, the question reader and the encoders, so that a word's
/// offset means the same thing everywhere: words keep their inner punctuation ("Zeta-2.1", "acme.com", "Acme’s",
/// "$12.5B", and an ampersand between letters, "R&amp;D"); every other non-space character is a token of its own.
/// </summary>
public static partial class Tokens
{
    /// <summary>Words and single punctuation marks, in order.</summary>
    public static IEnumerable<(string Text, int Start)> Segments(string text) =>
        SegmentRegex().Matches(text).Select(m => (m.Value, m.Index));

    /// <summary>The words of a text (punctuation left out) with their terms.</summary>
    public static List<Token> Words(string text) =>
        Segments(text).Where(s => char.IsLetterOrDigit(s.Text[0]) || s.Text[0] == '$')
            .Select(s => new Token(s.Text, s.Start, Terms.OfWord(s.Text.ToLowerInvariant()))).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}$]+(?:['’.,\-/][\p{L}\p{N}]+|(?<=\p{L})&\p{L}+)*%?|[^\s\p{L}\p{N}]")]
    private static partial Regex SegmentRegex();
}
