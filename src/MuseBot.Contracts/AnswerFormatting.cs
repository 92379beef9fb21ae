namespace MuseBot.Contracts;

/// <summary>The rendering decisions every channel shares, so Teams, Slack, web and the command line agree.</summary>
public static class AnswerFormatting
{
    /// <summary>Order: the answer text first, then flag warnings, then the citations.</summary>
    public const string FlagIcon = "⚠️";

    /// <summary>"⚠️ Lower confidence (§2): the note says this is not independently verified".</summary>
    public static string FlagLine(ConfidenceFlag flag) =>
        flag.SectionNumber is { } n
            ? $"{FlagIcon} Lower confidence (§{n}): {flag.Reason}"
            : $"{FlagIcon} Lower confidence: {flag.Reason}";

    /// <summary>"[1] §7 Infrastructure Signal, …; table "Infra question", row "Capex commitment"".</summary>
    public static string CitationLine(int oneBasedIndex, Citation citation) => $"[{oneBasedIndex}] {citation.Label}";

    /// <summary>Trims a quote for channels with tight limits, on a word boundary, with an ellipsis.</summary>
    public static string Shorten(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var cut = text.LastIndexOf(' ', Math.Max(0, maxChars - 1));
        return (cut > maxChars / 2 ? text[..cut] : text[..(maxChars - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }
}
