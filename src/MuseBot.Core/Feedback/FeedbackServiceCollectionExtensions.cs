using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MuseBot.Contracts;

namespace MuseBot.Core.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFeedbackStore"/> as one <see cref="SqliteFeedbackStore"/> per process, in
    /// "{MuseBot:DataPath}/feedback.db" (default "data", relative to the working directory). Idempotent, so every
    /// channel that needs the store may call it.
    /// </summary>
    public static IServiceCollection AddFeedbackStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ =>
        {
            // Read when first resolved, so configuration added after registration (tests, hosts) still counts.
            var dataPath = configuration[$"{MuseBotOptions.SectionName}:{nameof(MuseBotOptions.DataPath)}"];
            if (dataPath is not null && string.IsNullOrWhiteSpace(dataPath))
                throw new InvalidOperationException("MuseBot:DataPath is empty: set it to a writable folder for the feedback database.");
            return SqliteFeedbackStore.InDataFolder(dataPath ?? new MuseBotOptions().DataPath);
        });
        services.TryAddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<SqliteFeedbackStore>());
        return services;
    }
}
