using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MuseBot.Cli.Tests;

/// <summary>The real executable, as the eval hook runs it: questions piped in, JSON lines out, logs on stderr.</summary>
[Collection(CliCollection.Name)]
[Trait("Category", "Slow")] // child process
public sealed class ProcessTests(CliFixture fixture)
{
    [Fact]
    public async Task Piped_questions_give_clean_json_on_stdout_and_logs_on_stderr()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "musebot.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = fixture.TempDir,
        };
        foreach (var a in new[] { dll, "ask", "--json", "--seeds", fixture.SeedsPath, "--index", fixture.IndexPath, "--data", fixture.DataPath })
            psi.ArgumentList.Add(a);
        psi.Environment["Logging__LogLevel__Default"] = "Information";

        using var p = Process.Start(psi)!;
        try
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            string[] questions = ["What date did Meta launch Muse Spark?", "", "¿Qué es Muse Spark? 🤔", "What is Meta's 2027 revenue guidance?"];
            foreach (var q in questions) await p.StandardInput.WriteLineAsync(q);
            p.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await p.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, p.ExitCode);
            var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            var asked = questions.Where(q => q.Length > 0).ToArray();
            for (int i = 0; i < lines.Length; i++) AskTests.AssertContractLine(lines[i], asked[i]);
            var errors = await stderr;
            Assert.Contains("index", errors, StringComparison.OrdinalIgnoreCase); // the open-index log line went to stderr
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }
}
