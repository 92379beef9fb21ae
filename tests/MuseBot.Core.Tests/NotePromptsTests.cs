using MuseBot.Contracts;
using MuseBot.Core.Commands;
using MuseBot.Core.Note;
using MuseBot.Core.Storage;
using MuseBot.Core.Storage.Sqlite;

namespace MuseBot.Core.Tests;

/// <summary>The prompts and the welcome line every surface offers, from the note's catalog; the installation store.</summary>
public sealed class NotePromptsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-prompts-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { } catch (IOException) { }
    }

    private sealed class Catalog(IReadOnlyList<string> examples, params string[] sections) : INoteCatalog
    {
        public string Title => "A Note";
        public IReadOnlyList<SectionInfo> Sections { get; } = sections.Select((t, i) => new SectionInfo(i + 1, t, [], [])).ToList();
        public IReadOnlyList<string> Sources { get; } = [];
        public IReadOnlyList<string> ExampleQuestions => examples;
    }

    [Fact]
    public void Examples_come_first_then_section_topics_spread_through_the_note()
    {
        var catalog = new Catalog(["q1?", "q2?"], "One", "Two", "Three", "Four", "Five", "Six");
        var prompts = NotePrompts.Suggest(catalog, 4);
        Assert.Equal(["q1?", "q2?", "What does the note say about Three?", "What does the note say about Five?"], prompts.Select(p => p.Message));
        Assert.Equal(["q1?", "q2?", "Three", "Five"], prompts.Select(p => p.Title));

        // No examples: all from the sections; fewer sections than slots: each once; never more than asked for.
        Assert.Equal(["Two", "Four"], NotePrompts.Suggest(new Catalog([], "One", "Two", "Three", "Four", "Five"), 2).Select(p => p.Title));
        Assert.Equal(["One", "Two"], NotePrompts.Suggest(new Catalog([], "One", "Two"), 4).Select(p => p.Title));
        Assert.Equal(["q1?"], NotePrompts.Suggest(new Catalog(["q1?", "q2?", "q3?"], "One"), 1).Select(p => p.Message));
        Assert.Empty(NotePrompts.Suggest(new Catalog([]), 4));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_and_the_message_is_kept_whole()
    {
        var question = "How much did the company spend on its data centres in the year the note covers, roughly?";
        var prompt = Assert.Single(NotePrompts.Suggest(new Catalog([question]), 1, maxTitleLength: 30));
        Assert.Equal(question, prompt.Message);
        Assert.True(prompt.Title.Length <= 30, prompt.Title);
        Assert.EndsWith("…", prompt.Title);
        Assert.StartsWith(prompt.Title.TrimEnd('…'), question);
    }

    [Fact]
    public void The_date_is_the_latest_one_the_note_reports_in_any_common_form()
    {
        Assert.Equal("March 3, 2024", NotePrompts.LatestDate(["Launched on March 3, 2024.", "In 2023 it was smaller; on Jan. 5 2024 it grew."]));
        Assert.Equal("May 1, 2024", NotePrompts.LatestDate(["On 1 May 2024 …", "March 3, 2024", "due 2024-04-30"]));
        Assert.Equal("June 30, 2025", NotePrompts.LatestDate(["2025-06-30 filing"]));
        Assert.Null(NotePrompts.LatestDate(["In 2025 capex rose.", "Q4 2025 results", "February 30, 2024"]));

        // The repo's note: a date it reports, and the welcome line carries it with the title.
        var note = NoteParser.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(EngineFixture.FindRepoRoot(), "seeds"), "*.txt").Single()));
        Assert.NotNull(note.Date);
        var line = NotePrompts.KnowsLine(note);
        Assert.Contains(note.Title, line);
        Assert.Contains($"(as of {note.Date})", line);
        Assert.DoesNotContain("\n", line);
        Assert.DoesNotContain("as of", NotePrompts.KnowsLine(new Catalog([])));
    }

    [Fact]
    public async Task Installations_are_stored_replaced_marked_and_deleted()
    {
        using var db = ConversationDatabase.InDataFolder(_folder, TimeProvider.System);
        IInstallationStore store = new SqliteInstallationStore(db);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_782_770_000_000);
        await store.SaveAsync(new WorkspaceInstallation("T1", "T1", "E1", "U0BOT", "protected-1", "chat:write", "U0ME", at));
        Assert.Equal(new WorkspaceInstallation("T1", "T1", "E1", "U0BOT", "protected-1", "chat:write", "U0ME", at), await store.FindAsync("T1"));
        Assert.True(await store.MarkRevokedAsync("T1", "invalid_auth"));
        Assert.Equal("invalid_auth", (await store.FindAsync("T1"))!.RevokedReason);
        Assert.False(await store.MarkRevokedAsync("T9", "invalid_auth"));

        // A reinstall replaces it, revocation cleared; a second store on the same file sees it (it is on disk).
        await store.SaveAsync(new WorkspaceInstallation("T1", "T1", null, "U0BOT2", "protected-2", "chat:write,commands", null, at.AddDays(1)));
        var again = await new SqliteInstallationStore(db).FindAsync("T1");
        Assert.Equal(("protected-2", (string?)null, (string?)null), (again!.ProtectedBotToken, again.RevokedReason, again.EnterpriseId));

        Assert.True(await store.DeleteAsync("T1"));
        Assert.False(await store.DeleteAsync("T1"));
        Assert.Null(await store.FindAsync("T1"));
    }
}
