using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace MuseBot.Storage.Azure;

public static class AzureDataProtectionExtensions
{
    /// <summary>
    /// Keeps the Data Protection key ring in the shared storage account (<see cref="AzureStorageAccount.DataProtectionKeys"/>,
    /// through <see cref="AzureBlobXmlRepository"/>) instead of a local folder, so every instance reads what any
    /// instance protected. Needs <see cref="AzureStorageAccount"/> registered (AddMuseBotStorage with the Azure provider).
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToAzureStorage(this IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<AzureStorageAccount>((options, account) => options.XmlRepository = new AzureBlobXmlRepository(account.DataProtectionKeys));
        return builder;
    }
}
