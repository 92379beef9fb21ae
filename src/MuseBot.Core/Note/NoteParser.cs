using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MuseBot.Contracts;

namespace MuseBot.Core.Note;

/// <summary>
/// Reads a research note: a title line, numbered section headings ("1. Executive Overview"), prose paragraphs,
/// bullet items, pipe tables, and a trailer of source lines. Nothing here knows this note's wording, section
/// count or table count.
/// </summary>
public static partial class NoteParser
{
    public const string TitleSection = "title";
    public const string SourcesSection = "sources";

    private static readonly MarkdownPipeline TablePipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static NoteDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        string title = "";
        var sections = new List<SectionBuilder>();
        var sources = new List<string>();
        SectionBuilder? current = null;

        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;

            if (title.Length == 0 && current is null && !IsHeading(line, 1))
            {
                title = line;
                continue;
            }
            if (IsHeading(line, sections.Count + 1))
            {
                var m = HeadingRegex().Match(line);
                current = new SectionBuilder(sections.Count + 1, m.Groups[2].Value.Trim());
                sections.Add(current);
                continue;
            }
            if (IsSourceLine(line))
            {
                sources.Add(line);
                continue;
            }
            if (IsTableRow(line) && i + 1 < lines.Length && IsSeparator(lines[i + 1].Trim()))
            {
                // A header row plus separator starts a table; it runs until a blank line, a non-row line, or the
                // next header+separator pair (two tables back to back are two tables).
                var block = new List<string> { line, lines[i + 1].Trim() };
                int j = i + 2;
                while (j < lines.Length && IsTableRow(lines[j].Trim())
                       && !(j + 1 < lines.Length && IsSeparator(lines[j + 1].Trim())))
                {
                    block.Add(lines[j].Trim());
                    j++;
                }
                var table = ParseTable(block);
                (current ?? Orphans(sections, ref current)).Tables.Add(table);
                current!.Blocks.Add(table);
                i = j - 1;
                continue;
            }
            var section = current ?? Orphans(sections, ref current);
            section.Paragraphs.Add(line);
            section.Blocks.Add(line);
        }

        return Build(title, sections, sources);
    }

    /// <summary>Prose before the first heading still belongs somewhere: a section 0 would be odd, so the first.</summary>
    private static SectionBuilder Orphans(List<SectionBuilder> sections, ref SectionBuilder? current)
    {
        current = new SectionBuilder(sections.Count + 1, "Overview");
        sections.Add(current);
        return current;
    }

    private static NoteDocument Build(string title, List<SectionBuilder> sections, List<string> sources)
    {
        var passages = new List<Passage>();
        int order = 0;
        if (title.Length > 0)
            passages.Add(new Passage("title", TitleSection, "Title", PassageKind.Paragraph, title, null, order++));

        foreach (var s in sections)
        {
            string sid = s.Number.ToString(CultureInfo.InvariantCulture);
            string sectionPassageId = $"s{sid}";
            var whole = new StringBuilder(s.Title);
            int paragraphNo = 0, tableNo = 0;
            var sectionStart = passages.Count;
            passages.Add(null!); // placeholder for the section passage, filled once its text is known

            foreach (var block in s.Blocks)
            {
                if (block is string paragraph)
                {
                    paragraphNo++;
                    string pid = $"p{sid}.{paragraphNo}";
                    passages.Add(new Passage(pid, sid, s.Title, PassageKind.Paragraph, paragraph, sectionPassageId, order++));
                    var sentences = MergeLead(SentenceSplitter.Split(StripBullet(paragraph)));
                    if (sentences.Count > 1)
                    {
                        for (int k = 0; k < sentences.Count; k++)
                            passages.Add(new Passage($"{pid}.{k + 1}", sid, s.Title, PassageKind.Sentence, sentences[k], pid, order++));
                    }
                    whole.Append('\n').Append(paragraph);
                }
                else if (block is TableInfo table)
                {
                    tableNo++;
                    for (int r = 0; r < table.Rows.Count; r++)
                    {
                        var row = table.Rows[r];
                        var cells = table.Headers.Select((h, c) => new KeyValuePair<string, string>(h, c < row.Count ? row[c] : "")).ToList();
                        string text = string.Join(" · ", cells.Where(c => c.Value.Length > 0).Select(c => $"{c.Key}: {c.Value}"));
                        passages.Add(new Passage($"t{sid}.{tableNo}.{r + 1}", sid, s.Title, PassageKind.TableRow, text, sectionPassageId, order++,
                            table.Name, row.Count > 0 ? row[0] : "", cells));
                        whole.Append('\n').Append(text);
                    }
                }
            }
            passages[sectionStart] = new Passage(sectionPassageId, sid, s.Title, PassageKind.Section, whole.ToString(), null, order++);
        }

        foreach (var line in sources)
            passages.Add(new Passage($"src{passages.Count}", SourcesSection, "Sources", PassageKind.Paragraph, line, null, order++));

        var infos = sections.Select(s => new SectionInfo(s.Number, s.Title, s.Paragraphs, s.Tables)).ToList();
        return new NoteDocument(title, infos, sources, passages);
    }

    /// <summary>A bold-style lead ("In short.") is a label for the sentence after it, not a sentence of its own.</summary>
    private static IReadOnlyList<string> MergeLead(IReadOnlyList<string> sentences)
    {
        if (sentences.Count < 2 || sentences[0].Split(' ').Length > 4 || !sentences[0].EndsWith('.')) return sentences;
        return [$"{sentences[0]} {sentences[1]}", .. sentences.Skip(2)];
    }

    private static string StripBullet(string paragraph) =>
        paragraph.StartsWith("- ", StringComparison.Ordinal) || paragraph.StartsWith("* ", StringComparison.Ordinal) ? paragraph[2..] : paragraph;

    private static TableInfo ParseTable(List<string> block)
    {
        var doc = Markdown.Parse(string.Join('\n', block), TablePipeline);
        var table = doc.Descendants<Table>().FirstOrDefault();
        if (table is null)
            return new TableInfo(SplitRow(block[0]), block.Skip(2).Select(r => (IReadOnlyList<string>)SplitRow(r)).ToList());

        var rows = table.OfType<TableRow>().Select(r => r.OfType<TableCell>().Select(CellText).ToList()).ToList();
        var header = rows.Count > 0 ? rows[0] : [];
        return new TableInfo(header, rows.Skip(1).Select(r => (IReadOnlyList<string>)r).ToList());
    }

    private static string CellText(TableCell cell)
    {
        var sb = new StringBuilder();
        foreach (var inline in cell.Descendants<LiteralInline>())
            sb.Append(inline.Content.ToString());
        foreach (var code in cell.Descendants<CodeInline>())
            sb.Append(code.Content);
        return Regex.Replace(sb.ToString(), @"\s+", " ").Trim();
    }

    private static List<string> SplitRow(string row) =>
        row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    private static bool IsHeading(string line, int expectedNumber)
    {
        var m = HeadingRegex().Match(line);
        return m.Success
               && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == expectedNumber
               && line.Length <= 120
               && !line.EndsWith('.');
    }

    private static bool IsSourceLine(string line) => SourceLineRegex().IsMatch(line);
    private static bool IsTableRow(string line) => line.StartsWith('|') && line.Count(c => c == '|') >= 2;
    private static bool IsSeparator(string line) => SeparatorRegex().IsMatch(line);

    [GeneratedRegex(@"^(\d{1,2})\.\s+(\S.*)$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex SeparatorRegex();

    // "Data sources may include: …", "Sources cited: …", "Sources: …", "Source: …"
    [GeneratedRegex(@"^(data\s+)?sources?\b[^:]{0,40}:\s", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLineRegex();

    private sealed class SectionBuilder(int number, string title)
    {
        public int Number { get; } = number;
        public string Title { get; } = title;
        public List<string> Paragraphs { get; } = [];
        public List<TableInfo> Tables { get; } = [];
        public List<object> Blocks { get; } = [];
    }
}
