using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MuseBot.Host.Slack;

namespace MuseBot.Slack.Tests;

/// <summary>infra/slack/manifest.yaml declares what the host does: the agent surface, the scopes the install asks
/// for, the events it handles; and the OAuth settings are checked at start.</summary>
public sealed class SlackManifestTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "infra", "slack", "manifest.yaml"));

    /// <summary>The "- item" entries of a YAML list under <paramref name="key"/> (comments dropped).</summary>
    private static List<string> ListUnder(string key)
    {
        int start = Array.FindIndex(Lines, l => Regex.IsMatch(l, $@"^\s*{Regex.Escape(key)}:\s*(#.*)?$"));
        Assert.True(start >= 0, $"no '{key}:' in the manifest");
        var items = new List<string>();
        for (int i = start + 1; i < Lines.Length; i++)
        {
            var m = Regex.Match(Lines[i], @"^\s*-\s*([^\s#]+)");
            if (m.Success) items.Add(m.Groups[1].Value);
            else if (Lines[i].Trim().Length > 0 && !Lines[i].TrimStart().StartsWith('#')) break;
        }
        return items;
    }

    [Fact]
    public void The_manifest_declares_the_agent_surface_not_the_deprecated_assistant_view()
    {
        Assert.Contains(Lines, l => Regex.IsMatch(l, @"^  agent_view:\s*$"));
        Assert.Contains(Lines, l => Regex.IsMatch(l, @"^    agent_description: \S"));
        Assert.DoesNotContain(Lines, l => Regex.IsMatch(l, @"^\s*assistant_view:"));
        Assert.Contains(Lines, l => Regex.IsMatch(l, @"^\s*messages_tab_enabled: true"));
        var description = Lines.Single(l => l.TrimStart().StartsWith("agent_description:", StringComparison.Ordinal));
        Assert.InRange(description.Length, 30, 300 + 24);   // Slack's schema: at most 300 characters
    }

    [Fact]
    public void The_install_asks_for_exactly_the_scopes_the_manifest_declares()
    {
        Assert.Equal(ListUnder("bot").Order(), SlackInstallEndpoints.BotScopes.Order());
    }

    [Fact]
    public void The_manifest_subscribes_to_the_events_the_host_handles()
    {
        Assert.Equal(
            new[] { "app_context_changed", "app_home_opened", "app_mention", "app_uninstalled", "message.im", "tokens_revoked" },
            ListUnder("bot_events").Order());
        Assert.Contains(ListUnder("redirect_urls"), u => u.EndsWith(SlackInstallEndpoints.CallbackPath, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "https://bot.example.com", "Slack:ClientSecret")]
    [InlineData("secret", null, "Slack:RedirectBaseUrl")]
    [InlineData("secret", "http://bot.example.com", "Slack:RedirectBaseUrl")]
    [InlineData("secret", "not a url", "Slack:RedirectBaseUrl")]
    public void OAuth_settings_are_checked_at_start(string? secret, string? redirect, string named)
    {
        var options = new SlackOptions { SigningSecret = "s", ClientId = "1.2", ClientSecret = secret, RedirectBaseUrl = redirect };
        var result = new SlackOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
    }

    [Fact]
    public void OAuth_alone_is_enough_without_a_configured_token_and_loopback_http_is_allowed_for_trials()
    {
        var options = new SlackOptions { SigningSecret = "s", ClientId = "1.2", ClientSecret = "x", RedirectBaseUrl = "http://127.0.0.1:3978" };
        Assert.Equal(ValidateOptionsResult.Success, new SlackOptionsValidator().Validate(null, options));
        Assert.Equal("http://127.0.0.1:3978/api/slack/oauth/callback", options.RedirectUri);
        var neither = new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s" });
        Assert.Contains("/api/slack/install", neither.FailureMessage);
    }
}
