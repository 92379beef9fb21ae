using MuseBot.Contracts;
using MuseBot.Core.Note;

namespace MuseBot.Core.Tests;

public class NoteParserTests
{
    private static NoteDocument RepoNote() =>
        NoteParser.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(EngineFixture.FindRepoRoot(), "seeds"), "*.txt").Single()));

    [Fact]
    public void Reads_title_numbered_sections_and_trailer()
    {
        var note = RepoNote();
        Assert.StartsWith("Meta’s Muse Reset", note.Title);
        Assert.Equal(Enumerable.Range(1, 9), note.Sections.Select(s => s.Number));
        Assert.Equal("Infrastructure Signal, Not Full Supply-Chain Validation", note.Sections[6].Title);
        Assert.Equal(2, note.Sources.Count);
        Assert.All(note.Sources, s => Assert.DoesNotContain(note.Sections.SelectMany(x => x.Paragraphs), p => p == s));
    }

    [Fact]
    public void Back_to_back_tables_are_two_tables_and_rows_keep_their_headers()
    {
        var note = RepoNote();
        var first = note.Sections[0];
        Assert.Equal(2, first.Tables.Count);
        Assert.Equal("Dimension", first.Tables[0].Name);
        Assert.Equal("What the launch validates", first.Tables[1].Name);
        Assert.Equal(4, first.Tables[0].Rows.Count);

        var row = note.Passages.Single(p => p.Kind == PassageKind.TableRow && p.Row == "Capex commitment");
        Assert.Equal("7", row.Section);
        Assert.Equal("Infra question", row.Table);
        Assert.Contains("What still requires separate work: Exact cadence", row.Text);
    }

    [Fact]
    public void Passages_come_at_every_grain_with_their_section()
    {
        var note = RepoNote();
        foreach (var kind in new[] { PassageKind.Section, PassageKind.Paragraph, PassageKind.Sentence, PassageKind.TableRow })
            Assert.Contains(note.Passages, p => p.Kind == kind);
        var sentence = note.Passages.First(p => p.Kind == PassageKind.Sentence && p.Text.Contains("$72.22B on capex"));
        Assert.Equal("7", sentence.Section);
        Assert.DoesNotContain(note.Passages, p => p.Kind == PassageKind.Sentence && p.Text is "3." or "5%");
    }

    [Fact]
    public void Another_note_with_other_sections_and_tables_parses_without_code_changes()
    {
        const string other = """
            Acme Widgets: A Short Note
            1. Summary
            Acme sold 3.5M widgets in Q2 2026. Margins were 12%, per the company.
            | Region | Units | Comment |
            |---|---|---|
            | EMEA | 1.2M | Flat |
            | APAC | 2.3M | Up |
            2. Risks
            - Supply is tight.
            Sources cited: Acme filings
            """;
        var note = NoteParser.Parse(other);
        Assert.Equal("Acme Widgets: A Short Note", note.Title);
        Assert.Equal(["Summary", "Risks"], note.Sections.Select(s => s.Title));
        Assert.Single(note.Sections[0].Tables);
        Assert.Contains(note.Passages, p => p.Row == "APAC" && p.Text.Contains("Units: 2.3M"));
        Assert.Contains(note.Passages, p => p.Kind == PassageKind.Sentence && p.Text == "Margins were 12%, per the company.");
        Assert.Equal(["Sources cited: Acme filings"], note.Sources);
    }

    [Theory]
    [InlineData("Meta invested $14.3B for a 49% stake. It grew 3.5% in the U.S. market. Done.", 3)]
    [InlineData("Spark reaches e.g. Maverick-level capability. Next sentence.", 2)]
    public void Sentences_split_on_ends_not_on_decimals_or_abbreviations(string text, int expected) =>
        Assert.Equal(expected, SentenceSplitter.Split(text).Count);
}
