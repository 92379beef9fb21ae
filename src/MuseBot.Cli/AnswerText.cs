using System.Text;
using MuseBot.Contracts;

namespace MuseBot.Cli;

/// <summary>An answer as a person reads it in a terminal: the text, then flags, then the citations.</summary>
public static class AnswerText
{
    /// <summary>Quotes under each citation line are cut to this, on a word boundary.</summary>
    public const int QuoteChars = 160;

    public static string Render(Answer answer)
    {
        var sb = new StringBuilder(answer.Text.TrimEnd());
        sb.AppendLine();
        if (answer.Flags.Count > 0)
        {
            sb.AppendLine();
            foreach (var f in answer.Flags) sb.AppendLine(AnswerFormatting.FlagLine(f));
        }
        if (answer.Citations.Count > 0)
        {
            sb.AppendLine();
            for (int i = 0; i < answer.Citations.Count; i++)
            {
                var c = answer.Citations[i];
                sb.AppendLine(AnswerFormatting.CitationLine(i + 1, c));
                sb.AppendLine($"    “{AnswerFormatting.Shorten(c.Quote, QuoteChars)}”");
            }
        }
        return sb.ToString();
    }
}
