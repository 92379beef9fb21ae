using System.Globalization;
using System.Text;
using MuseBot.Core.Commands;

namespace MuseBot.Core.Conversation;

/// <summary>
/// What a person typed, made safe to read, and the input that cannot be a question about the note, caught before it
/// reaches the engine, with one wording for every channel (Teams, Slack, the web chat, the command line).
/// </summary>
public static class QuestionGuard
{
    /// <summary>Longer than any real question; the note's longest paragraph is well under this.</summary>
    public const int MaxQuestionChars = 2000;

    /// <summary>
    /// The text cleaned for reading: control and format characters become spaces (a pasted tab or newline separates
    /// words, an ANSI colour code pasted from a log disappears), a lone surrogate becomes U+FFFD (it cannot be stored
    /// or sent anywhere as UTF-8), runs of spaces collapse.
    /// </summary>
    public static string Clean(string? raw)
    {
        var text = raw ?? "";
        var sb = new StringBuilder(Math.Min(text.Length, MaxQuestionChars * 2));
        bool space = false;
        void Append(char c)
        {
            if (c == ' ') { space = sb.Length > 0; return; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\x1b' && i + 1 < text.Length && text[i + 1] == '[')
            {
                // ESC [ parameters final-byte: a terminal colour code.
                int j = i + 2;
                while (j < text.Length && text[j] is >= '0' and <= '?') j++;
                if (j < text.Length && text[j] is >= '@' and <= '~') { i = j; Append(' '); continue; }
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Append(c);
                Append(text[++i]);
            }
            else if (char.IsSurrogate(c)) Append('\uFFFD');
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) Append(' ');
            else Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A lone surrogate replaced by U+FFFD; everything else kept. For text that is stored or sent as it is.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        int i = 0;
        for (; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            break;
        }
        if (i >= text.Length) return text;
        var sb = new StringBuilder(text.Length);
        for (int j = 0; j < text.Length; j++)
        {
            var c = text[j];
            if (char.IsHighSurrogate(c) && j + 1 < text.Length && char.IsLowSurrogate(text[j + 1])) { sb.Append(c).Append(text[++j]); }
            else sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return sb.ToString();
    }

    /// <summary>Null when <paramref name="cleaned"/> (the output of <see cref="Clean"/>) can go to the engine;
    /// otherwise what to tell the person instead, as Markdown.</summary>
    /// <param name="examples">Questions to suggest in the reply (the note's examples); none is fine.</param>
    public static string? Refusal(string cleaned, IReadOnlyList<string>? examples = null)
    {
        string Example(int i) => examples is { Count: > 0 } ? $", for example: \"{examples[Math.Min(i, examples.Count - 1)]}\"" : "";
        if (cleaned.Length == 0)
            return $"Please type a question about the note{Example(0)}. Type `help` for the commands.";
        if (cleaned.Length > MaxQuestionChars)
            return $"That message is too long for me ({cleaned.Length.ToString("N0", CultureInfo.InvariantCulture)} characters): please ask one question in fewer than " +
                   $"{MaxQuestionChars.ToString("N0", CultureInfo.InvariantCulture)} characters.";
        if (!HasLetterOrDigit(cleaned))
            return $"I could not find any words in that. Ask about the note in plain words{Example(1)}.";
        if (!MostlyLatinLetters(cleaned))
            return $"I can only read questions in English, and the note is in English. Try asking in English{Example(0)}.";
        return null;
    }

    private static bool HasLetterOrDigit(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text, i)) return true;
            if (char.IsHighSurrogate(text[i])) i++;
        }
        return false;
    }

    /// <summary>At least half the letters are Latin (below U+0250): the rule the engine applies, so a question the
    /// guard lets through is one the engine reads.</summary>
    private static bool MostlyLatinLetters(string text)
    {
        int letters = 0, latin = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c < 0x250) latin++;
        }
        return letters == 0 || latin * 2 >= letters;
    }
}
