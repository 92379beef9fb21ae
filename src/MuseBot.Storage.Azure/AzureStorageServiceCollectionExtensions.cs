using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core.Storage;

namespace MuseBot.Storage.Azure;

public static class AzureStorageServiceCollectionExtensions
{
    /// <summary>
    /// Reads and checks the "Storage" section (a bad value stops the host or the CLI with its message). With
    /// Storage:Provider=AzureStorage, registers the shared store: <see cref="IWorkQueue"/>, <see cref="IDedupeStore"/>,
    /// <see cref="IConversationStateStore"/>, <see cref="IAnswerLedger"/>, <see cref="IFeedbackStore"/>,
    /// <see cref="IInstallationStore"/> and <see cref="IConversationStoreMaintenance"/> on Azure Storage. With Sqlite
    /// (the default) it registers nothing, and the embedded store's registrations apply. Call before AddFeedbackStore,
    /// AddConversationTurns and the Slack channel's registrations (they only add what is not registered yet). The Data
    /// Protection key ring is the host's to place: <see cref="AzureDataProtectionExtensions.PersistKeysToAzureStorage"/>.
    /// </summary>
    public static IServiceCollection AddMuseBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = StorageOptions.From(configuration);
        options.Validate();
        services.TryAddSingleton(options);
        if (!options.IsAzure) return services;

        var conversations = new ConversationStoreOptions();
        configuration.GetSection(ConversationStoreOptions.SectionName).Bind(conversations);
        conversations.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new AzureStorageAccount(options));
        services.AddSingleton(sp => new AzureDedupeStore(sp.GetRequiredService<AzureStorageAccount>(), sp.GetRequiredService<TimeProvider>(), conversations.DedupeWindow));
        services.AddSingleton<IDedupeStore>(sp => sp.GetRequiredService<AzureDedupeStore>());
        services.AddSingleton(sp => new AzureConversationStateStore(sp.GetRequiredService<AzureStorageAccount>(), sp.GetRequiredService<TimeProvider>(), conversations.StateExpiry));
        services.AddSingleton<IConversationStateStore>(sp => sp.GetRequiredService<AzureConversationStateStore>());
        services.AddSingleton<IAnswerLedger>(sp => new AzureAnswerLedger(sp.GetRequiredService<AzureStorageAccount>(), sp.GetRequiredService<TimeProvider>(), conversations.AnswerRetention));
        services.AddSingleton(sp => new AzureFeedbackStore(sp.GetRequiredService<AzureStorageAccount>()));
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<AzureFeedbackStore>());
        services.AddSingleton<IInstallationStore>(sp => new AzureInstallationStore(sp.GetRequiredService<AzureStorageAccount>()));
        services.AddSingleton<IWorkQueue>(sp => new AzureWorkQueue(sp.GetRequiredService<AzureStorageAccount>(), sp.GetRequiredService<AzureDedupeStore>(),
            sp.GetService<WorkQueueSettings>() ?? new WorkQueueSettings(1000, options.QueueVisibilityTimeout), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AzureWorkQueue>>()));
        services.AddSingleton<IConversationStoreMaintenance>(sp => new AzureStoreMaintenance(sp.GetRequiredService<AzureStorageAccount>(),
            sp.GetRequiredService<AzureConversationStateStore>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
