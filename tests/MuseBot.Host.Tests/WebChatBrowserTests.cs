using MuseBot.Testing;
using Microsoft.Playwright;
using MuseBot.Core.Commands;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>The web chat in a real browser (Debian's chromium, headless) against the real host on 127.0.0.1.</summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Slow")] // browser
public sealed class WebChatBrowserTests(HostFixture hosts)
{
    private const string Chromium = "/usr/bin/chromium";

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), "Debian's chromium is needed: apt-get install -y chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task Typing_a_question_shows_a_cited_answer_and_example_chips_ask_with_one_click()
    {
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
            var outsideRequests = new List<string>();
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(hosts.Local.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                    outsideRequests.Add(request.Url);
            };
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };

            await page.GotoAsync(hosts.Local.BaseAddress.ToString());

            // The welcome arrives through /api/messages and offers the prompts as chips: the example questions, then a section topic.
            var chips = page.Locator(".chip");
            await Assertions.Expect(chips).ToHaveCountAsync(MuseBot.Host.Teams.TeamsAnswerRenderer.WelcomePrompts, new() { Timeout = 30_000 });
            Assert.Equal(TestPaths.ExampleQuestions, (await chips.AllTextContentsAsync()).Take(TestPaths.ExampleQuestions.Count));

            await page.FillAsync("#input", "How much did Meta spend on capex in 2025?");
            await page.ClickAsync("#send");

            var answer = page.Locator(".msg.bot .bubble").Filter(new() { Has = page.Locator(".citations") }).Last;
            await Assertions.Expect(answer).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(answer).ToContainTextAsync("72.22");
            await Assertions.Expect(answer.Locator("sup.cite").First).ToHaveTextAsync("[1]");
            await Assertions.Expect(answer.Locator(".citations li").First).ToContainTextAsync("§");
            // extractive here (no Azure OpenAI): no AI label, and the answer says it quotes the note
            await Assertions.Expect(answer.Locator(".ai-label")).ToHaveCountAsync(0);
            await Assertions.Expect(answer).ToContainTextAsync("Quoted from the note, not AI generated.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "musebot-webchat.png"), FullPage = true });

            // A chip asks its question in one click.
            await chips.Nth(2).ClickAsync();
            await Assertions.Expect(page.Locator(".msg.user .bubble").Last).ToHaveTextAsync(TestPaths.ExampleQuestions[2]);
            await Assertions.Expect(page.Locator(".msg.bot .bubble")).ToHaveCountAsync(3, new() { Timeout = 30_000 });

            // A 👍 goes back to the bot as Teams' feedback invoke.
            var feedback = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/messages", StringComparison.Ordinal) && r.Request.PostData!.Contains("message/submitAction"));
            await answer.Locator(".feedback button").First.ClickAsync();
            Assert.Equal(200, (await feedback).Status);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "musebot-webchat-2.png"), FullPage = true });

            Assert.Empty(outsideRequests);
            Assert.Empty(consoleErrors);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task Bot_text_is_rendered_as_text_not_html()
    {
        var (playwright, browser) = await LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(hosts.Local.BaseAddress.ToString());
            await Assertions.Expect(page.Locator(".chip")).ToHaveCountAsync(MuseBot.Host.Teams.TeamsAnswerRenderer.WelcomePrompts, new() { Timeout = 30_000 });

            var html = await page.EvaluateAsync<string>("() => MuseMarkdown.render('<img src=x onerror=alert(1)> **bold** [1] and [7]\\n\\n**⚠️ Lower confidence (§8): reason**\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |', 1)");

            Assert.DoesNotContain("<img", html);
            Assert.Contains("&lt;img", html);
            Assert.Contains("<strong>bold</strong>", html);
            Assert.Contains("<sup class=\"cite\" data-n=\"1\">[1]</sup>", html);
            Assert.Contains("[7]", html); // no such citation: left as text
            Assert.Contains("<div class=\"flag\" role=\"note\">⚠️ Lower confidence (§8): reason</div>", html);
            Assert.Contains("<td>1</td>", html);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
