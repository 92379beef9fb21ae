namespace MuseBot.Contracts;

/// <summary>The note's structure, for the browse commands (sections, show N, sources).</summary>
public interface INoteCatalog
{
    /// <summary>The note's title line.</summary>
    string Title { get; }

    /// <summary>The numbered sections, in order.</summary>
    IReadOnlyList<SectionInfo> Sections { get; }

    /// <summary>The closing trailer lines ("Data sources may include: …", "Sources cited: …").</summary>
    IReadOnlyList<string> Sources { get; }

    /// <summary>Questions to suggest to a new user: the examples file beside the note, else drawn from its sections.</summary>
    IReadOnlyList<string> ExampleQuestions { get; }

    /// <summary>The note's date as people write it ("June 1, 1999"): the latest date the note itself reports, as a
    /// note without a dateline is as of then; null when it reports none.</summary>
    string? Date => null;
}

/// <summary>A numbered section of the note.</summary>
/// <param name="Number">1-based section number as printed in the note.</param>
/// <param name="Title">Heading text without the number.</param>
/// <param name="Paragraphs">Its prose paragraphs and bullet items, verbatim.</param>
/// <param name="Tables">Its tables.</param>
public sealed record SectionInfo(int Number, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<TableInfo> Tables)
{
    public string Id => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A table: header cells and rows of cells, verbatim.</summary>
public sealed record TableInfo(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The table's name: its first header cell.</summary>
    public string Name => Headers.Count > 0 ? Headers[0] : "";
}
