namespace MuseBot.Cli.Tests;

/// <summary>The benchmark runs end to end and prints its figures against their targets (it asserts none of them).</summary>
[Collection(CliCollection.Name)]
[Trait("Category", "Slow")] // engine benchmark
public sealed class BenchTests(CliFixture fixture)
{
    [Fact]
    public async Task Bench_prints_every_figure()
    {
        var result = await fixture.RunAsync("bench", fixture.DevSetPath, "--queries", "20");
        Assert.True(result.Exit == 0, result.Stderr);
        foreach (var label in new[] { "first answer (index built)", "p50", "p95", "p99", "questions/s", "peak working set, answering",
                                      "GC heap", "BM25 + encoders", "BM25 only", "index build (forced)", "peak working set, whole run", "[target" })
            Assert.Contains(label, result.Stdout);
        Assert.Matches(@"BM25 only\s+answer_accuracy \d\.\d{3}, abstain_recall \d\.\d{3}", result.Stdout);
        Assert.Matches(@"p95 \d+\.\d ms", result.Stdout);
        // each engine stage's share of the warm latency, from the stage durations the telemetry records
        foreach (var stage in new[] { "read", "encode", "retrieve", "answerability", "compose" })
            Assert.Matches($@"stage {stage}\s+p50 \d+\.\d ms, p95 \d+\.\d ms, mean \d+\.\d ms", result.Stdout);
    }
}
