using Microsoft.Playwright;
using MuseBot.Cli;
using MuseBot.Contracts;
using MuseBot.Core.Feedback;

namespace MuseBot.Cli.Tests;

/// <summary>`musebot report --html` opened from its file in Debian's chromium (headless): the rates, the chart's
/// series and points, the tables, and a question written as HTML shown as text, not run.</summary>
[Trait("Category", "Slow")] // browser
public sealed class ReportHtmlBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musebot-report-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_html_report_opens_in_chromium_with_its_rates_chart_and_tables()
    {
        var now = DateTimeOffset.UtcNow;
        using (var store = SqliteFeedbackStore.InDataFolder(_folder))
        {
            for (int i = 0; i < 3; i++) await store.RecordAnsweredAsync(new AnsweredRecord("slack", now.AddDays(-i).AddMinutes(-1)));
            await store.RecordUnansweredAsync(new UnansweredRecord("slack", "<script>document.title='pwned'</script>Stock price?", now.AddDays(-1)));
            await store.RecordFeedbackAsync(new FeedbackRecord("msteams", "capex?", false, ["§7 Infrastructure Signal"], "h", now.AddDays(-2)));
            await store.RecordFeedbackAsync(new FeedbackRecord("msteams", "modes?", true, ["§2 Launch"], "h", now.AddMinutes(-5)));
            var html = Path.Combine(_folder, "out", "report.html");
            var output = new StringWriter();
            Assert.Equal(0, await ReportCommand.RunAsync(store, output, 5, html, now, CancellationToken.None));
            Assert.Contains("HTML report written to", output.ToString());

            Assert.True(File.Exists(Chromium), "Debian's chromium is needed: apt-get install -y chromium");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 900, Height = 1200 } });
            var requests = new List<string>();
            page.Request += (_, r) => requests.Add(r.Url);
            await page.GotoAsync(new Uri(html).AbsoluteUri);

            Assert.Equal("MuseBot report", await page.TitleAsync());   // the question's <script> did not run
            Assert.Equal("4", await page.InnerTextAsync("#questions"));
            Assert.Equal("75%", await page.InnerTextAsync("#answered-rate"));
            Assert.Equal("25%", await page.InnerTextAsync("#refused-rate"));
            Assert.Equal(3, await page.Locator("#chart polyline.series").CountAsync());
            Assert.Equal(3, await page.Locator("#chart circle").CountAsync());   // one refusal, one 👍, one 👎 on their days
            var box = await page.Locator("#chart").BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 80 }, $"the chart is drawn ({box?.Width}×{box?.Height})");
            Assert.Contains("<script>document.title='pwned'</script>Stock price?", await page.InnerTextAsync("#refused-week"));
            var sections = await page.InnerTextAsync("#sections");
            Assert.Contains("§7 Infrastructure Signal", sections);
            Assert.Contains("§2 Launch", sections);
            Assert.All(requests, url => Assert.StartsWith("file://", url));   // self-contained: nothing fetched
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "musebot-report.png"), FullPage = true });
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a file may still be held */ }
    }
}
