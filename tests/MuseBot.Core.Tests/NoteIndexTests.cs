using MuseBot.Core;

namespace MuseBot.Core.Tests;

public class NoteIndexTests
{
    [Fact]
    public void The_index_is_opened_when_the_seeds_are_unchanged_and_rebuilt_when_they_change()
    {
        var root = Path.Combine(Path.GetTempPath(), "musebot-index-test-" + Guid.NewGuid().ToString("N"));
        var seeds = Directory.CreateDirectory(Path.Combine(root, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "note.txt"), "Widget Note\n1. Summary\nAcme sold 3.5M widgets in Q2 2026.\n");
        var options = new MuseBotOptions { SeedsPath = seeds, IndexPath = Path.Combine(root, "index"), SemanticSearch = false };
        try
        {
            using (var first = MuseBotEngine.Open(options)) Assert.True(first.Index.Stats.Rebuilt);
            using (var second = MuseBotEngine.Open(options)) Assert.False(second.Index.Stats.Rebuilt);
            File.AppendAllText(Path.Combine(seeds, "note.txt"), "Acme also sold 1M gadgets.\n");
            using var third = MuseBotEngine.Open(options);
            Assert.True(third.Index.Stats.Rebuilt);
            Assert.Contains(third.Search.Search("gadgets", 3), h => h.Citation.Quote.Contains("gadgets"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Missing_seeds_fail_with_a_message_that_says_what_to_do()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new MuseBotOptions { SeedsPath = "/nonexistent/seeds" }.Validate());
        Assert.Contains("SeedsPath", ex.Message);
    }
}
