namespace MuseBot.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class CommandTests(CliFixture fixture)
{
    [Fact]
    public async Task Explain_shows_how_the_question_was_read_and_ranked()
    {
        var result = await fixture.RunAsync("explain", "whats the contxt window of spark?");
        Assert.Equal(0, result.Exit);
        // the typo is corrected before reading, and each stage shows its numbers
        Assert.Contains("\"what is the context window of spark?\"", result.Stdout);
        Assert.Contains("answerability:", result.Stdout);
        Assert.Contains("dense=", result.Stdout);
        Assert.Contains("262k", result.Stdout);

        var empty = await fixture.RunAsync("explain");
        Assert.Equal(2, empty.Exit);

        // read as a follow-up to the question given after --after, as the chat would
        var followUp = await fixture.RunAsync("explain", "and gpt-5.4?", "--after", "what is spark's context window?");
        Assert.Equal(0, followUp.Exit);
        Assert.Contains("context window", followUp.Stdout.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("1.05M", followUp.Stdout);
    }

    [Fact]
    public async Task Unknown_command_prints_usage_hint_on_stderr_and_exits_2()
    {
        var result = await CliFixture.RunRawAsync(["frobnicate", "now"]);
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains("unknown command 'frobnicate'", result.Stderr);
        Assert.Contains("musebot help", result.Stderr);
        BadInputTests.AssertNoCrashTrace(result);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--top=3")]     // an option of another command
    [InlineData("--seeds")]     // no value
    public async Task Bad_options_are_usage_errors(string option)
    {
        var result = await CliFixture.RunRawAsync(["ask", option]);
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("musebot: ", result.Stderr);
    }

    [Fact]
    public async Task No_arguments_and_help_print_usage()
    {
        foreach (var args in new[] { Array.Empty<string>(), ["help"], ["--help"] })
        {
            var result = await CliFixture.RunRawAsync(args);
            Assert.Equal(0, result.Exit);
            Assert.Contains("ask \"QUESTION\"", result.Stdout);
            Assert.Contains("eval QUESTIONS.json", result.Stdout);
        }
    }

    [Fact]
    public async Task Sections_lists_the_nine_numbered_sections()
    {
        var result = await fixture.RunAsync("sections");
        Assert.Equal(0, result.Exit);
        for (int n = 1; n <= 9; n++) Assert.Contains(result.StdoutLines, l => l.StartsWith($"{n}. ", StringComparison.Ordinal));
        Assert.DoesNotContain(result.StdoutLines, l => l.StartsWith("10. ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_5_prints_section_5()
    {
        var result = await fixture.RunAsync("show", "5");
        Assert.Equal(0, result.Exit);
        Assert.StartsWith("**§5 ", result.Stdout);
        Assert.True(result.StdoutLines.Length > 2);
    }

    [Fact]
    public async Task Show_99_says_which_sections_exist()
    {
        var result = await fixture.RunAsync("show", "99");
        Assert.Equal(0, result.Exit);
        Assert.Contains("There is no section 99", result.Stdout);
        Assert.Contains("1–9", result.Stdout);
    }

    [Fact]
    public async Task Show_without_a_number_is_a_usage_error_with_a_hint()
    {
        var result = await fixture.RunAsync("show", "five");
        Assert.Equal(2, result.Exit);
        Assert.Contains("show N", result.Stdout);
    }

    [Fact]
    public async Task Sources_lists_what_the_note_cites()
    {
        var result = await fixture.RunAsync("sources");
        Assert.Equal(0, result.Exit);
        Assert.Contains("- ", result.Stdout);
    }

    [Fact]
    public async Task Report_on_an_empty_feedback_store_prints_its_sections_without_error()
    {
        var result = await fixture.RunAsync("report", "--top", "5");
        Assert.Equal(0, result.Exit);
        Assert.Contains("unanswered", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Missing_seeds_folder_is_a_clear_configuration_error()
    {
        var missing = Path.Combine(fixture.TempDir, "no-such-seeds");
        var result = await CliFixture.RunRawAsync(["ask", "--seeds", missing, "--index", Path.Combine(fixture.TempDir, "unused"), "--json", "capex?"]);
        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains(missing, result.Stderr);
        Assert.Contains("SeedsPath", result.Stderr);
        BadInputTests.AssertNoCrashTrace(result);
    }

    [Fact]
    public async Task Index_rebuilds_and_prints_passages_and_time()
    {
        var index = Path.Combine(fixture.TempDir, "index-bm25-" + Guid.NewGuid().ToString("N")[..6]);
        var result = await CliFixture.RunRawAsync(["index", "--seeds", fixture.SeedsPath, "--index", index, "--no-semantic"]);
        Assert.Equal(0, result.Exit);
        Assert.Matches(@"^Indexed \d+ passages in \d+ ms", result.Stdout);
        Assert.Contains($"Indexed {fixture.Passages} passages", result.Stdout);
        Assert.True(Directory.EnumerateFileSystemEntries(index).Any());
    }

    [Fact]
    public void Relative_paths_resolve_against_the_repository_root_and_options_win()
    {
        var nested = Path.Combine(fixture.RepoRoot, "src", "MuseBot.Cli");
        var parsed = CliArguments.Parse(["ask", "--index", "elsewhere"], out _)!;
        var config = CliApp.BuildConfiguration(parsed, nested);
        Assert.Equal(Path.Combine(fixture.RepoRoot, "seeds"), config["MuseBot:SeedsPath"]);
        Assert.Equal(Path.Combine(fixture.RepoRoot, "elsewhere"), config["MuseBot:IndexPath"]);

        var outside = Path.GetTempPath();
        var config2 = CliApp.BuildConfiguration(CliArguments.Parse(["ask"], out _)!, outside);
        Assert.Equal(Path.GetFullPath(Path.Combine(outside, "seeds")), config2["MuseBot:SeedsPath"]);
    }
}
