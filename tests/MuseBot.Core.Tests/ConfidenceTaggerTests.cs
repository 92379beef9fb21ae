using MuseBot.Core.Answering;
using MuseBot.Core.Note;

namespace MuseBot.Core.Tests;

public class ConfidenceTaggerTests
{
    private const string Note = """
        Widget Note
        1. Claims
        Acme says its widget is twice as fast as rivals. Those are Acme claims, not independently established proof.
        Acme shipped 2M widgets in 2025.
        | Topic | What this supports | What still requires separate work |
        |---|---|---|
        | Supply | Demand is real. | Exact supplier volumes. |
        2. Outlook
        Confidence is high on shipments but lower on broader extrapolations.
        """;

    [Fact]
    public void A_qualifier_in_the_next_sentence_flags_the_claim_before_it_too()
    {
        var doc = NoteParser.Parse(Note);
        var flags = ConfidenceTagger.Tag(doc);
        var claim = doc.Passages.Single(p => p.Kind == MuseBot.Contracts.PassageKind.Sentence && p.Text.StartsWith("Acme says its widget", StringComparison.Ordinal));
        Assert.Contains(flags[claim.Id], f => f.Reason.Contains("Acme's own claim", StringComparison.Ordinal) && f.Section == "1");
    }

    [Fact]
    public void Plain_facts_are_not_flagged()
    {
        var doc = NoteParser.Parse(Note);
        var flags = ConfidenceTagger.Tag(doc);
        var fact = doc.Passages.Single(p => p.Text == "Acme shipped 2M widgets in 2025.");
        Assert.False(flags.ContainsKey(fact.Id));
    }

    [Fact]
    public void A_column_header_that_needs_separate_work_flags_its_rows()
    {
        var doc = NoteParser.Parse(Note);
        var flags = ConfidenceTagger.Tag(doc);
        var row = doc.Passages.Single(p => p.Row == "Supply");
        Assert.Contains(flags[row.Id], f => f.Reason.StartsWith("Requires separate work", StringComparison.Ordinal));
    }

    [Fact]
    public void Stated_lower_confidence_on_extrapolations_is_flagged()
    {
        var doc = NoteParser.Parse(Note);
        var flags = ConfidenceTagger.Tag(doc);
        var p = doc.Passages.Single(x => x.Text.StartsWith("Confidence is high", StringComparison.Ordinal));
        Assert.Contains(flags[p.Id], f => f.Reason.StartsWith("Lower confidence", StringComparison.Ordinal) && f.Section == "2");
    }
}
