using System.Diagnostics;
using MuseBot.Evaluation;

namespace MuseBot.Cli.Tests;

/// <summary>The C# port of score.py prints exactly what score.py prints.</summary>
[Trait("Category", "Slow")] // python3 score.py as a child process
public sealed class ScorerTests
{
    internal static string EvalDir => Path.Combine(AppContext.BaseDirectory, "Eval");
    internal static string ScorePy => Path.Combine(EvalDir, "score.py");

    internal static string RunPython(params string[] args)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("python3 did not finish in 60 s");
        }
        return stdout.Result;
    }

    private static string Port(string questions, string answers, bool showFailures, Dictionary<string, double>? mins, out int exit)
    {
        var items = EvalScorer.LoadQuestions(questions);
        var report = EvalScorer.Score(items, EvalScorer.LoadAnswers(File.ReadLines(answers), TextWriter.Null));
        using var w = new StringWriter { NewLine = "\n" };
        exit = report.WriteTo(w, showFailures, mins);
        return w.ToString();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fixture_scores_the_same_as_score_py(bool showFailures)
    {
        var q = Path.Combine(EvalDir, "fixture-questions.json");
        var a = Path.Combine(EvalDir, "fixture-answers.jsonl");
        var expected = showFailures ? RunPython(ScorePy, q, a, "--show-failures") : RunPython(ScorePy, q, a);
        var actual = Port(q, a, showFailures, null, out _);
        Assert.Equal(expected, actual);
        // The fixture exercises what it is meant to: a rounding tie, missing answers, right and wrong items.
        Assert.Contains("false_abstain_rate: 0.062 (n=16)", actual);
        Assert.Contains("missing_answers: 2", actual);
        Assert.Contains("items: 12 right, 9 wrong", actual);
    }

    [Fact]
    public void Minimums_fail_like_score_py()
    {
        var q = Path.Combine(EvalDir, "fixture-questions.json");
        var a = Path.Combine(EvalDir, "fixture-answers.jsonl");
        var expected = RunPython(ScorePy, q, a, "--min", "answer_accuracy=0.9", "--min", "false_flag_rate=0.05", "--min", "citation_hit=0.5");
        var actual = Port(q, a, false, new() { ["answer_accuracy"] = 0.9, ["false_flag_rate"] = 0.05, ["citation_hit"] = 0.5 }, out var exit);
        Assert.Equal(expected, actual);
        Assert.Equal(1, exit);
        Assert.EndsWith("below threshold: answer_accuracy, false_flag_rate\n", actual);
    }

    [Fact]
    public void Norm_matches_python_on_unicode_edge_cases()
    {
        string[] samples =
        [
            "Meta’s “Muse” Spark — $115B–$135B", "ＦＵＬＬＷＩＤＴＨ ７２.２２", "ﬁnal ligature", "x²  and\t\ttabs\n\nnewlines",
            "**bold** _under_score_", "İstanbul", "\u00a0nbsp\u2009thin\u3000ideographic ", "①②③ ㎒ ½", "minus \u2212 5",
            "Ⅻ ﹏ ＿", "e\u0301 decomposed composes", "u\u0308\u0304 twice", "ﬀ\u0301", "ÄÖÜ ß Σ",
        ];
        var script = "import sys,json; sys.path.insert(0, sys.argv[1]); from score import norm, section_id; " +
                     "[print(json.dumps(norm(s))) for s in json.loads(sys.argv[2])]";
        var pyOut = RunPython("-c", script, EvalDir, System.Text.Json.JsonSerializer.Serialize(samples))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonSerializer.Deserialize<string>(l)).ToArray();
        Assert.Equal(pyOut, samples.Select(EvalScorer.Norm).ToArray());
    }

    [Fact]
    public void Section_ids_match_python()
    {
        string[] samples = ["7", "§7", " § 7 Infra", "title", "Sources", "12abc", "", "  "];
        var script = "import sys,json; sys.path.insert(0, sys.argv[1]); from score import section_id; " +
                     "[print(json.dumps(section_id(s))) for s in json.loads(sys.argv[2])]";
        var pyOut = RunPython("-c", script, EvalDir, System.Text.Json.JsonSerializer.Serialize(samples))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonSerializer.Deserialize<string>(l)).ToArray();
        Assert.Equal(pyOut, samples.Select(EvalScorer.SectionId).ToArray());
    }

    [Fact]
    public void Three_decimals_round_like_python()
    {
        double[] values = [13.0 / 16, 1.0 / 16, 1.0 / 80, 2.0 / 3, 0.0005, 0.0015, 0.9995, 1.0, 0.0, 35.0 / 40, 19.0 / 32];
        var script = "import sys,json; [print(f'{v:.3f}') for v in json.loads(sys.argv[1])]";
        var pyOut = RunPython("-c", script, System.Text.Json.JsonSerializer.Serialize(values))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(pyOut, values.Select(EvalScorer.FormatFixed3).ToArray());
    }
}
