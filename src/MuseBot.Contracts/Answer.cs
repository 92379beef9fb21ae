namespace MuseBot.Contracts;

/// <summary>A question as a channel hands it to the engine.</summary>
/// <param name="Text">What the user typed, mention already stripped.</param>
/// <param name="PreviousQuestion">The previous question in the same conversation or thread, for follow-ups
/// such as "and Zeta's?"; null when there is none.</param>
public sealed record Question(string Text, string? PreviousQuestion = null);

/// <summary>The structured reply every channel renders in its own way.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Text">The reply as a person reads it, Markdown: the answer first, then the supporting
/// quotes, each followed by a marker such as [1] that points into <see cref="Citations"/> (1-based).</param>
/// <param name="Abstained">True when the note does not answer the question.</param>
/// <param name="Citations">The passages the answer rests on, in marker order.</param>
/// <param name="Flags">The note's own doubts about what the answer rests on.</param>
/// <param name="Headline">The short direct answer (a figure, a date, "No", a list), when one could be extracted.</param>
public sealed record Answer(
    string Question,
    string Text,
    bool Abstained,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<ConfidenceFlag> Flags,
    string? Headline = null)
{
    /// <summary>The answerer that produced this reply: "extractive" (the note's own words, quoted), "generative"
    /// (the model's decision: its checked wording, or its refusal), "command", ...; logged with every answer.</summary>
    public string Source { get; init; } = "extractive";

    /// <summary>What the language model did for this reply, when one was asked (also when its reply was not used).</summary>
    public ModelCall? Model { get; init; }

    /// <summary>A follow-up as the engine read it, with what it took from the previous question ("what is the
    /// WidgetBench score of Zeta?" for "and Zeta?"): the conversation remembers this for the next follow-up, so a
    /// chain of them ("and Zeta?", "and Nimbus?") keeps the measure the first one asked. Null when it was read alone.</summary>
    public string? ReadAs { get; init; }

    /// <summary>Worded by a language model (and checked against the note): the only replies labelled AI generated.</summary>
    public bool PhrasedByModel => Source == "generative" && !Abstained;
}

/// <summary>One question's exchange with the language model, for the record and the log.</summary>
/// <param name="Outcome">"Grounded", "Abstained", "Rejected", "Timeout", "ModelError".</param>
/// <param name="Latency">From the first request to the checked reply (what the model added to the answer's time).</param>
/// <param name="PromptTokens">Prompt tokens over every request, as the service counted them.</param>
/// <param name="CompletionTokens">Completion tokens over every request.</param>
/// <param name="Requests">Requests made (one, plus one per search the model asked for).</param>
public sealed record ModelCall(string Outcome, TimeSpan Latency, long PromptTokens, long CompletionTokens, int Requests);

/// <summary>Where in the note a quote comes from.</summary>
/// <param name="Section">Section id: "1".."9" for numbered sections, or a word such as "title" or "sources".</param>
/// <param name="Title">The section's title ("Infrastructure Signal, Not Full Supply-Chain Validation").</param>
/// <param name="Kind">What the quote is.</param>
/// <param name="Quote">The supporting text, verbatim from the note.</param>
/// <param name="Table">For table rows: the table, named by its first header cell ("Infra question").</param>
/// <param name="Row">For table rows: the row label, its first cell ("Capex commitment").</param>
public sealed record Citation(string Section, string Title, PassageKind Kind, string Quote, string? Table = null, string? Row = null)
{
    /// <summary>The section number when the section is numbered.</summary>
    public int? SectionNumber => int.TryParse(Section, out var n) ? n : null;

    /// <summary>"§7 Infrastructure Signal, Not Full Supply-Chain Validation".</summary>
    public string SectionLabel => SectionNumber is { } n ? $"§{n} {Title}" : Title;

    /// <summary>"§7 Infrastructure Signal, …; table "Infra question", row "Capex commitment"".</summary>
    public string Label => Table is null ? SectionLabel : $"{SectionLabel}; table \"{Table}\", row \"{Row}\"";
}

/// <summary>A claim the note itself marks as weaker, with the note's reason.</summary>
/// <param name="Section">Section id, as in <see cref="Citation.Section"/>.</param>
/// <param name="Reason">Short reason in plain words ("Acme's own claim; the note says it is not independently verified").</param>
/// <param name="Quote">The note's words that carry the doubt.</param>
public sealed record ConfidenceFlag(string Section, string Reason, string Quote)
{
    public int? SectionNumber => int.TryParse(Section, out var n) ? n : null;
}

public enum PassageKind
{
    Section,
    Paragraph,
    Sentence,
    TableRow,
}
