using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Core.Note;
using MuseBot.Core.Retrieval;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Tests;

/// <summary>
/// Nothing in the product's source is about this one note: no name and no figure of the note appears in
/// src/**/*.cs or in an embedded resource (tuning.json, the prompt). What is note-specific is derived from the note
/// when the index is built, or kept in a documented data file beside it in seeds/.
/// </summary>
[Trait("Category", "Slow")] // reads every source file and the embedded resources of the built assemblies (the models included)
public sealed class NoNoteLiteralsTests
{
    /// <summary>Names the product uses for its own reasons: it calls Azure OpenAI, and Slack and Teams call it over an API.</summary>
    private static readonly HashSet<string> ProductNames = new(StringComparer.Ordinal) { "OpenAI", "API" };

    [Fact]
    public void No_name_or_figure_of_the_note_appears_in_the_source_or_its_embedded_resources()
    {
        var root = EngineFixture.FindRepoRoot();
        var seeds = Path.Combine(root, "seeds");
        var note = NoteParser.Parse(string.Join("\n\n", NoteFiles.In(seeds).Select(File.ReadAllText)));
        var vocabulary = new NoteVocabulary(note);
        var literals = Names(note).Concat(Figures(note)).Distinct().ToList();
        Assert.Contains("Hyperion", literals); // the check would be empty if the note's names were not found
        Assert.Contains(literals, l => l.Contains('%'));

        var offenders = new List<string>();
        foreach (var file in SourceFiles(Path.Combine(root, "src")))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
                foreach (var literal in literals)
                {
                    // a name that is also an English word ("Index") counts in prose, not as an identifier (u.Index)
                    var text = file.EndsWith(".cs", StringComparison.Ordinal) && vocabulary.IsEnglishWord(literal) ? Prose(lines[i]) : lines[i];
                    if (Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}$.-]){Regex.Escape(literal)}(?![\p{{L}}\p{{N}}%-])"))
                        offenders.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {literal}");
                }
        }
        Assert.True(offenders.Count == 0, "The note's names or figures in the source:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_a_name_and_a_figure_of_a_note_in_a_line_of_code()
    {
        var note = NoteParser.Parse("Widget Note\n1. Overview\nAnalysts say Zorblax sold $4.2B of widgets, up 17% in 2025.\n");
        var literals = Names(note).Concat(Figures(note)).ToList();
        Assert.Contains("Zorblax", literals);
        Assert.Contains("$4.2B", literals);
        Assert.Contains("17%", literals);
        Assert.DoesNotContain("Analysts", literals); // an ordinary English word is not a name of the note
        Assert.Contains("Zorblax", Names(NoteParser.Parse("N\n1. O\nWe like Zorblax.\n")));
    }

    /// <summary>The comment and the string literals of a line of C#: where prose is.</summary>
    private static string Prose(string line) =>
        string.Join(" ", Regex.Matches(line, @"//.*$|""(?:[^""\\]|\\.)*""").Select(m => m.Value));


    /// <summary>The note's names: words it writes capitalized in mid-sentence or with digits, that are not ordinary
    /// English words or that it never writes in lower case ("Hyperion", "GPT-5.4", "MMMU-Pro", and a company whose
    /// name is also an English word; not "Analysts" or "Modes").</summary>
    private static IEnumerable<string> Names(NoteDocument note)
    {
        var vocabulary = new NoteVocabulary(note);
        var lowercase = note.Passages.SelectMany(p => Regex.Matches(p.Text, @"(?<![\p{L}\p{N}-])\p{Ll}[\p{L}]*").Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        foreach (var p in note.Passages.Where(p => p.Kind is PassageKind.Sentence or PassageKind.Paragraph or PassageKind.TableRow && p.Section != NoteParser.TitleSection))
        {
            var words = Regex.Matches(p.Text, @"[\p{L}\p{N}][\p{L}\p{N}.'’-]*").ToList();
            for (int i = 1; i < words.Count; i++)
            {
                var w = Regex.Replace(words[i].Value, @"(['’]s|[.'’-])$", "");
                bool capitalized = char.IsUpper(w[0]) && !Regex.IsMatch(p.Text[..words[i].Index], @"[.:·|]\s*$");
                bool mixed = w.Any(char.IsDigit) && w.Any(char.IsLetter);
                bool month = Language.English.Months.Contains(w.ToLowerInvariant());
                bool name = !month && (!vocabulary.IsEnglishWord(w) || (capitalized && !lowercase.Contains(w.ToLowerInvariant())));
                if (w.Length >= 3 && (capitalized || mixed) && !ProductNames.Contains(w) && name) yield return w;
            }
        }
    }

    /// <summary>The note's figures with a unit or a decimal ("$72.22B"-like, "81%"-like, "262k"-like, "72.22"-like).</summary>
    private static IEnumerable<string> Figures(NoteDocument note) =>
        note.Passages.Where(p => p.Kind is PassageKind.Sentence or PassageKind.Paragraph or PassageKind.TableRow)
            .SelectMany(p => Quantities.FiguresIn(p.Text))
            .SelectMany(f => new[] { f.Text, Quantities.Digits(f.Text) })
            .Where(t => t.Any(char.IsDigit) && (t.Contains('.') || t.Contains('%') || t.Contains('$') || char.IsLetter(t[^1])))
            .Where(t => t.Length >= 3);

    /// <summary>The product's source and the files embedded in its assemblies (tuning.json, the prompt).</summary>
    private static IEnumerable<string> SourceFiles(string src) =>
        Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => !f.EndsWith(".g.cs", StringComparison.Ordinal)) // generated tables (Unicode data), not written about anything
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) && f.Contains("Answering", StringComparison.Ordinal)
                        || f.Contains($"{Path.DirectorySeparatorChar}Prompts{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
