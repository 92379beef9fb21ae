using MuseBot.Contracts;

namespace MuseBot.Core.Note;

/// <summary>One note, read into its structure and cut into passages at several grains.</summary>
public sealed class NoteDocument : INoteCatalog
{
    public NoteDocument(string title, IReadOnlyList<SectionInfo> sections, IReadOnlyList<string> sources, IReadOnlyList<Passage> passages)
    {
        Title = title;
        Sections = sections;
        Sources = sources;
        Passages = passages;
    }

    public string Title { get; }
    public IReadOnlyList<SectionInfo> Sections { get; }
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Set from the examples file beside the note when there is one (<see cref="ExampleQuestionsFile"/>);
    /// otherwise one question per opening section, in the note's own words.</summary>
    public IReadOnlyList<string> ExampleQuestions
    {
        get => _examples ??= Sections.Take(3).Select(s => $"What does the note say about {s.Title.TrimEnd('.')}?").ToList();
        internal set => _examples = value;
    }

    private IReadOnlyList<string>? _examples;

    /// <summary>The latest date the note reports (in its paragraphs and table rows).</summary>
    public string? Date => (_date ??= Commands.NotePrompts.LatestDate(Sections.SelectMany(s =>
        s.Paragraphs.Concat(s.Tables.SelectMany(t => t.Rows.SelectMany(r => r))))) ?? "") is { Length: > 0 } d ? d : null;

    private string? _date;

    /// <summary>Every passage: sections, paragraphs, sentences, table rows, title and trailer.</summary>
    public IReadOnlyList<Passage> Passages { get; }
}

/// <summary>An indexed unit of the note.</summary>
/// <param name="Id">Stable id: s{n} section, p{n}.{i} paragraph, p{n}.{i}.{j} sentence, t{n}.{k}.{r} table row.</param>
/// <param name="Section">Section id ("1".."9", "title", "sources").</param>
/// <param name="SectionTitle">Section title.</param>
/// <param name="Kind">The grain.</param>
/// <param name="Text">Verbatim text; for rows "Header: cell · Header: cell".</param>
/// <param name="ParentId">The paragraph of a sentence, the section of a paragraph or row; null for sections.</param>
/// <param name="Table">For rows: the table's first header cell.</param>
/// <param name="Row">For rows: the row's first cell.</param>
/// <param name="Cells">For rows: header → cell, in column order.</param>
/// <param name="Order">Document order, for keeping quotes in reading order.</param>
public sealed record Passage(
    string Id,
    string Section,
    string SectionTitle,
    PassageKind Kind,
    string Text,
    string? ParentId,
    int Order,
    string? Table = null,
    string? Row = null,
    IReadOnlyList<KeyValuePair<string, string>>? Cells = null)
{
    public Citation ToCitation() => new(Section, SectionTitle, Kind, Text, Table, Row);
}
