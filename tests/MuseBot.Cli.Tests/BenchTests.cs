namespace MuseBot.Cli.Tests;

/// <summary>The benchmark runs end to end and prints its figures (it asserts none of them).</summary>
[Collection(CliCollection.Name)]
public sealed class BenchTests(CliFixture fixture)
{
    [Fact]
    public async Task Bench_prints_every_figure()
    {
        var result = await fixture.RunAsync("bench", fixture.DevSetPath, "--queries", "20");
        Assert.True(result.Exit == 0, result.Stderr);
        foreach (var label in new[] { "index build (forced)", "index open (warm)", "p50", "p95", "p99", "queries/s", "peak working set", "GC heap", "BM25 only", "fused" })
            Assert.Contains(label, result.Stdout);
        Assert.Matches(@"BM25 only\s+answer_accuracy \d\.\d{3}, citation_hit \d\.\d{3}", result.Stdout);
    }
}
