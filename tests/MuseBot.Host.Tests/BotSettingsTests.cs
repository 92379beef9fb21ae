using Microsoft.Extensions.Configuration;
using MuseBot.Host.Hosting;
using MuseBot.Host.Teams;

namespace MuseBot.Host.Tests;

public sealed class BotSettingsTests
{
    private const string AppId = "6f3b2c7e-1d2a-4b8e-9c1f-2a3b4c5d6e7f";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static BotSettings Settings(string type, string id, string password, string tenant) =>
        BotSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = type, ["MicrosoftAppId"] = id, ["MicrosoftAppPassword"] = password, ["MicrosoftAppTenantId"] = tenant,
        }).Build());

    [Theory]
    [InlineData("MultiTenant", "", "", "")]
    [InlineData("", "", "", "")]
    [InlineData("MultiTenant", AppId, "secret", "")]
    [InlineData("SingleTenant", AppId, "secret", Tenant)]
    [InlineData("UserAssignedMSI", AppId, "", Tenant)]
    public void Valid_settings_pass(string type, string id, string password, string tenant) =>
        Assert.Empty(Settings(type, id, password, tenant).Problems());

    [Theory]
    [InlineData("MultiTenant", AppId, "", "", "without MicrosoftAppPassword")]
    [InlineData("SingleTenant", AppId, "secret", "", "MicrosoftAppTenantId is empty")]
    [InlineData("MultiTenant", "", "secret", "", "MicrosoftAppId is empty")]
    [InlineData("MultiTenant", "my-bot", "secret", "", "is not a GUID")]
    [InlineData("Anonymous", "", "", "", "is not one of")]
    public void Invalid_settings_say_what_to_set(string type, string id, string password, string tenant, string expected)
    {
        var settings = Settings(type, id, password, tenant);
        var error = Assert.Throws<InvalidOperationException>(settings.Validate);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Empty_app_id_is_local_mode() => Assert.True(Settings("MultiTenant", "", "", "").LocalMode);

    [Fact]
    public void Relative_MuseBot_paths_resolve_against_the_solution_folder_from_the_project_folder_too()
    {
        var projectFolder = Path.Combine(TestPaths.RepoRoot, "src", "MuseBot.Host");
        Assert.Equal(TestPaths.RepoRoot, MuseBotPaths.BaseDirectory(projectFolder, projectFolder));
        Assert.Equal(TestPaths.RepoRoot, MuseBotPaths.BaseDirectory(TestPaths.RepoRoot, projectFolder));
        var outside = Path.GetTempPath();
        Assert.Equal(outside, MuseBotPaths.BaseDirectory(outside, outside));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MuseBot:SeedsPath"] = "seeds", ["MuseBot:IndexPath"] = "/abs/index",
        }).Build();
        MuseBotPaths.ResolveInPlace(configuration, TestPaths.RepoRoot);
        Assert.Equal(TestPaths.Seeds, configuration["MuseBot:SeedsPath"]);
        Assert.Equal("/abs/index", configuration["MuseBot:IndexPath"]);
    }
}

/// <summary>The reliability settings are checked at start: a host with one out of range does not start, and says which.</summary>
public sealed class ReliabilitySettingsTests
{
    [Theory]
    [InlineData("Bot:ConnectorTimeoutSeconds", "0", "Bot:ConnectorTimeoutSeconds must be between 1 and 60")]
    [InlineData("Bot:AuthMetadataTimeoutSeconds", "300", "Bot:AuthMetadataTimeoutSeconds must be between 1 and 30")]
    [InlineData("Conversations:DedupeWindowMinutes", "1", "Conversations:DedupeWindowMinutes must be between 10 and 10080")]
    [InlineData("Conversations:StateExpiryMinutes", "-5", "Conversations:StateExpiryMinutes must be between 1 and 525600")]
    public void An_out_of_range_setting_stops_the_host_with_its_name(string key, string value, string expected)
    {
        var root = Path.Combine(Path.GetTempPath(), "musebot-settings-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = Infrastructure.HostFixture.BaseSettings(Path.Combine(root, "index"), Path.Combine(root, "data"));
        settings[key] = value;
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => new RealHost(settings));
            Assert.Contains(expected, string.Join(" | ", Chain(error).Select(e => e.Message)));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new BotOptions().Problems());
        Assert.Empty(new MuseBot.Core.Storage.ConversationStoreOptions().Problems());
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a) foreach (var inner in a.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
