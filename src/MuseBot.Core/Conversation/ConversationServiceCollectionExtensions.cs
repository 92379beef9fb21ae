using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using MuseBot.Core.Storage;
using MuseBot.Core.Storage.Sqlite;

namespace MuseBot.Core.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConversationTurns"/> and the conversation store it and the channels use:
    /// <see cref="IDedupeStore"/>, <see cref="IConversationStateStore"/>, <see cref="IAnswerLedger"/> and
    /// <see cref="IConversationStoreMaintenance"/>, in "{MuseBot:DataPath}/conversations.db" unless a shared store
    /// registered its own first (Storage:Provider=AzureStorage, MuseBot.Storage.Azure). The "Conversations" settings
    /// are checked here, so a bad value stops the host at start with its message. Call after the engine and the
    /// feedback store are registered.
    /// </summary>
    public static IServiceCollection AddConversationTurns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ConversationStoreOptions();
        configuration.GetSection(ConversationStoreOptions.SectionName).Bind(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var dataPath = configuration[$"{MuseBotOptions.SectionName}:{nameof(MuseBotOptions.DataPath)}"];
            if (dataPath is not null && string.IsNullOrWhiteSpace(dataPath))
                throw new InvalidOperationException("MuseBot:DataPath is empty: set it to a writable folder for the conversation store.");
            return ConversationDatabase.InDataFolder(dataPath ?? new MuseBotOptions().DataPath, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<IDedupeStore>(sp => new SqliteDedupeStore(sp.GetRequiredService<ConversationDatabase>(), options.DedupeWindow));
        services.TryAddSingleton<IConversationStateStore>(sp => new SqliteConversationStateStore(sp.GetRequiredService<ConversationDatabase>(), options.StateExpiry));
        services.TryAddSingleton<IAnswerLedger>(sp => new SqliteAnswerLedger(sp.GetRequiredService<ConversationDatabase>(), options.AnswerRetention));
        services.TryAddSingleton<IConversationStoreMaintenance>(sp => new SqliteStoreMaintenance(sp.GetRequiredService<ConversationDatabase>()));
        services.TryAddSingleton(sp => new ConversationTurns(
            sp.GetRequiredService<IAnswerEngine>(),
            sp.GetRequiredService<ChatCommands>(),
            sp.GetService<IFeedbackStore>(),
            sp.GetRequiredService<IAnswerLedger>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConversationTurns>>()));
        return services;
    }
}
