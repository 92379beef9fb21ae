namespace MuseBot.Storage.Azure.Tests;

/// <summary>
/// What the Azure template must hold for several instances to work, read from the source (.ci/run builds and lints
/// it with the Bicep CLI, infra/azure/check.sh; no test talks to Azure).
/// </summary>
public sealed class AzureTemplateTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "infra", "azure");
    private static readonly string Main = File.ReadAllText(Path.Combine(Folder, "main.bicep"));
    private static readonly string Settings = File.ReadAllText(Path.Combine(Folder, "appsettings.bicep"));
    private static readonly string Deploy = File.ReadAllText(Path.Combine(Folder, "deploy.sh"));

    [Fact]
    public void The_shared_store_is_a_storage_account_the_identity_reaches_without_keys()
    {
        Assert.Contains("Microsoft.Storage/storageAccounts@", Main);
        Assert.Contains("allowSharedKeyAccess: false", Main);
        foreach (var role in new[] { "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3" })
            Assert.Contains(role, Main);   // Storage Blob, Queue, Table Data Contributor
        Assert.Contains("Storage__Provider: 'AzureStorage'", Main);
        Assert.Contains("Storage__AccountName: storage.name", Main);
        Assert.DoesNotContain("listKeys", Main);
        Assert.DoesNotContain("AccountKey", Main);
    }

    [Fact]
    public void Secrets_are_Key_Vault_references_the_identity_may_read()
    {
        Assert.Contains("Microsoft.KeyVault/vaults@", Main);
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", Main);   // Key Vault Secrets User
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", Main);
        foreach (var secret in new[] { "MicrosoftAppPassword: keyVaultReference(", "Slack__SigningSecret: keyVaultReference(", "Slack__BotToken: keyVaultReference(", "AzureOpenAI__ApiKey: keyVaultReference(" })
            Assert.Contains(secret, Main);
        Assert.Contains("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", Main);   // Cognitive Services OpenAI User
    }

    [Fact]
    public void Bot_types_instances_index_and_settings_are_as_several_instances_need()
    {
        Assert.DoesNotContain("MultiTenant", Main);
        Assert.Contains("'UserAssignedMSI'", Main);
        Assert.Contains("'SingleTenant'", Main);
        Assert.Contains("param instanceCount int = 2", Main);
        Assert.Contains("capacity: instanceCount", Main);
        Assert.Contains("MuseBot__IndexPath: '/tmp/", Main);   // local to each instance
        Assert.DoesNotContain("/home/data", Main);
        Assert.DoesNotContain("appSettings: [", Main);          // siteConfig.appSettings would replace the list
        Assert.Contains("list('${web.id}/config/appsettings'", Main);
        Assert.Contains("union(currentAppSettings, appSettings)", Settings);
    }

    [Fact]
    public void One_script_deploys_the_template_and_the_code()
    {
        Assert.Contains("az deployment group create", Deploy);
        Assert.Contains("dotnet publish", Deploy);
        Assert.Contains("az webapp deploy", Deploy);
        Assert.Contains("--type zip", Deploy);
        Assert.Contains("healthUrl", Deploy);
    }
}
