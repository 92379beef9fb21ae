using System.Globalization;
using System.Text;
using MuseBot.Core.Commands;

namespace MuseBot.Cli;

/// <summary>
/// Catches input that cannot be a question before it reaches the engine, with a reply that says what to do.
/// Everything else, odd characters included, goes to the engine, which abstains when the note has no answer.
/// </summary>
public static class QuestionGuard
{
    /// <summary>Longer than any real question; the note's longest paragraph is well under this.</summary>
    public const int MaxQuestionChars = 2000;

    /// <summary>Returns the question cleaned of control characters, or null and a friendly reply.</summary>
    public static string? Clean(string? raw, out string? reply)
    {
        reply = null;
        var text = StripControlCharacters(raw ?? "").Trim();
        if (text.Length == 0)
        {
            reply = $"Please type a question about the note, for example: \"{ChatCommands.ExampleQuestions[0]}\". Type `help` for the commands.";
            return null;
        }
        if (text.Length > MaxQuestionChars)
        {
            reply = $"That question is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; please ask in fewer than " +
                    $"{MaxQuestionChars.ToString("N0", CultureInfo.InvariantCulture)} characters, one question at a time.";
            return null;
        }
        if (!HasLetterOrDigit(text))
        {
            reply = $"I could not find any words in that. Ask about the note in plain words, for example: \"{ChatCommands.ExampleQuestions[1]}\".";
            return null;
        }
        return text;
    }

    /// <summary>Control characters become spaces (a pasted tab or newline separates words); an ANSI escape's
    /// parameters go with its ESC.</summary>
    public static string StripControlCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\x1b' && i + 1 < text.Length && text[i + 1] == '[')
            {
                // ESC [ params final-byte: terminal colour codes pasted from a log.
                int j = i + 2;
                while (j < text.Length && text[j] is >= '0' and <= '?') j++;
                if (j < text.Length && text[j] is >= '@' and <= '~') { i = j; sb.Append(' '); continue; }
            }
            if (char.IsControl(c) || c is '\u2028' or '\u2029') sb.Append(' ');
            else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                     && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                sb.Append('\uFFFD'); // a lone surrogate cannot be encoded
            else sb.Append(c);
        }
        return sb.ToString();
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
}
