using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core.Commands;

namespace MuseBot.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the answer engine from the "MuseBot" configuration section: <see cref="IAnswerEngine"/>,
    /// <see cref="INoteCatalog"/>, <see cref="IPassageSearch"/> and <see cref="ChatCommands"/>. Options are
    /// validated when the engine is first resolved; resolve <see cref="MuseBotEngine"/> at start to fail fast
    /// and to build the index before the first question.
    /// </summary>
    public static IServiceCollection AddMuseBotEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new MuseBotOptions();
        configuration.GetSection(MuseBotOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton(sp => MuseBotEngine.Open(options, sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => sp.GetRequiredService<MuseBotEngine>().Answers);
        services.AddSingleton(sp => sp.GetRequiredService<MuseBotEngine>().Catalog);
        services.AddSingleton(sp => sp.GetRequiredService<MuseBotEngine>().Search);
        services.AddSingleton(sp => sp.GetRequiredService<MuseBotEngine>().Commands);
        return services;
    }
}
