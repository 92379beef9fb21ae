using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MuseBot.Cli.Tests;

/// <summary>
/// The Teams app manifest as infra/teams/package.sh builds it (`musebot teams-manifest`, then its placeholders
/// filled) passes Microsoft's official schema for its version, bundled offline in the npm package
/// @microsoft/app-manifest 1.1.2, and carries prompt starters per scope drawn from the note.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class TeamsManifestTests(CliFixture fixture)
{
    private string Template => Path.Combine(fixture.RepoRoot, "infra", "teams", "manifest.json");

    /// <summary>What package.sh does after `musebot teams-manifest`: the ${{...}} placeholders filled.</summary>
    private static string FillPlaceholders(string json) => json
        .Replace("${{BOT_ID}}", "0b6cf2a1-3c4d-4e5f-8a9b-0c1d2e3f4a5b", StringComparison.Ordinal)
        .Replace("${{APP_VERSION}}", "1.0.0", StringComparison.Ordinal)
        .Replace("${{DEVELOPER_NAME}}", "MuseBot", StringComparison.Ordinal)
        .Replace("${{DEVELOPER_URL}}", "https://example.com/musebot", StringComparison.Ordinal);

    private async Task<string> BuildAsync()
    {
        var result = await fixture.RunAsync("teams-manifest", Template);
        Assert.True(result.Exit == 0, result.Stderr);
        var json = FillPlaceholders(result.Stdout);
        Assert.DoesNotContain("${{", json);
        return json;
    }

    /// <summary>node infra/teams/validate-manifest.mjs FILE: exit code and output.</summary>
    private (int Exit, string Output) Validate(string manifestJson)
    {
        var tools = Path.Combine(fixture.RepoRoot, "infra", "teams");
        Assert.True(Directory.Exists(Path.Combine(tools, "node_modules", "@microsoft", "app-manifest")),
            "The Teams manifest schema is not installed: run `npm install --prefix infra/teams` (.ci/run does; it pins @microsoft/app-manifest 1.1.2).");
        var file = Path.Combine(fixture.TempDir, "manifest-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        Directory.CreateDirectory(fixture.TempDir);
        File.WriteAllText(file, manifestJson);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(tools, "validate-manifest.mjs"));
        start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the schema validation did not finish in 60 s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    [Trait("Category", "Slow")] // node as a child process
    public async Task The_packaged_manifest_passes_the_official_schema_bundled_in_app_manifest()
    {
        var json = await BuildAsync();
        var (exit, output) = Validate(json);
        Assert.True(exit == 0, output);
        Assert.Contains("v1.30", output);

        // The check is not vacuous: a permission the schema does not know, or a prompt title over its limit, fails it.
        var broken = JsonNode.Parse(json)!.AsObject();
        broken["permissions"] = new JsonArray("readEverything");
        var (brokenExit, brokenOutput) = Validate(broken.ToJsonString());
        Assert.Equal(1, brokenExit);
        Assert.Contains("permissions", brokenOutput);
    }

    [Fact]
    public async Task Each_scope_has_its_own_prompt_starters_from_the_note_and_no_unused_permissions()
    {
        var manifest = JsonNode.Parse(await BuildAsync())!.AsObject();
        Assert.Equal("1.30", manifest["manifestVersion"]!.GetValue<string>());   // prompt starters (type "prompt") need 1.27+
        Assert.Null(manifest["permissions"]);   // the bot uses neither identity nor messageTeamMembers

        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        var scopes = lists.Select(l => string.Join(',', l!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()))).ToList();
        Assert.Equal(["personal", "team", "groupChat"], scopes);
        foreach (var list in lists)
        {
            var prompts = list!["commands"]!.AsArray().Where(c => c?["type"]?.GetValue<string>() == "prompt").ToList();
            Assert.InRange(prompts.Count, 3, 6);
            // The note's example questions first (seeds/examples.tsv), then its section topics.
            var examples = MuseBot.Core.Note.ExampleQuestionsFile.Load(fixture.SeedsPath)!;
            Assert.Equal(examples.Take(prompts.Count), prompts.Take(examples.Count).Select(p => p!["prompt"]!.GetValue<string>()));
            Assert.All(prompts, p => Assert.InRange(p!["title"]!.GetValue<string>().Length, 1, MuseBot.Cli.TeamsManifestCommand.MaxTitleLength));
        }
        var personal = lists[0]!["commands"]!.AsArray().Where(c => c?["type"]?.GetValue<string>() == "prompt").ToList();
        Assert.Equal(6, personal.Count);
        // The rest are the note's section topics: each title is (the start of) one of its numbered headings.
        var headings = File.ReadAllLines(Directory.EnumerateFiles(fixture.SeedsPath, "*.txt").Single())
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\d+\. (.+)$")).Where(m => m.Success).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.NotEmpty(headings);
        Assert.All(personal.Skip(3), p => Assert.Contains(headings, h => h.StartsWith(p!["title"]!.GetValue<string>().TrimEnd('…'), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Teams_manifest_without_a_template_is_a_usage_error()
    {
        var result = await fixture.RunAsync("teams-manifest");
        Assert.Equal(2, result.Exit);
        Assert.Contains("infra/teams/manifest.json", result.Stderr);
    }
}
