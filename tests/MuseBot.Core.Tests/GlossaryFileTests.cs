using System.Text.RegularExpressions;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Tests;

/// <summary>
/// The glossary beside the note rewrites a reader's words into the note's own before a question is read. An entry
/// whose shorthand the note itself uses would rewrite the note's own wording in every question that quotes it, and
/// one whose meaning is not the note's wording would lead retrieval nowhere; both are data mistakes a new entry can
/// make, so the shipped glossary is checked against the shipped note.
/// </summary>
public sealed class GlossaryFileTests
{
    private static readonly string Seeds = Path.Combine(EngineFixture.FindRepoRoot(), "seeds");

    private static string NoteText() => string.Join("\n\n", NoteFiles.In(Seeds).Select(File.ReadAllText));

    [Fact]
    public void Every_line_is_an_entry_of_shorthand_and_meaning()
    {
        var lines = File.ReadAllLines(Path.Combine(Seeds, Glossary.FileName)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@"^[^\t]+\t[^\t]+$", l));
        Assert.Equal(Glossary.Load(Seeds).Count, lines.Count);
    }

    [Fact]
    public void No_shorthand_is_a_word_the_note_itself_uses()
    {
        var note = NoteText();
        // spelling the shorthand out leaves the note's own text as it is
        Assert.Equal(note, Glossary.Load(Seeds).Expand(note));
    }

    [Fact]
    public void Every_meaning_is_said_in_the_note_words()
    {
        var words = Regex.Matches(NoteText().ToLowerInvariant(), @"[\p{L}\p{N}]+").Select(m => m.Value).ToHashSet();
        var unsaid = Glossary.Load(Seeds).Meanings
            .Where(meaning => Regex.Matches(meaning.ToLowerInvariant(), @"[\p{L}\p{N}]+").Any(m => !words.Contains(m.Value))).ToList();
        Assert.Empty(unsaid);
    }
}
