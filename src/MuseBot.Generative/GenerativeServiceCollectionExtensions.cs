using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core;

namespace MuseBot.Generative;

public static class GenerativeServiceCollectionExtensions
{
    /// <summary>
    /// When the "AzureOpenAI" section is configured, answers are phrased by the model (grounded and checked,
    /// falling back to extractive); otherwise this registers nothing and extractive answers stay. Call after
    /// AddMuseBotEngine. The section is validated here, at start, with a message that says what to fix.
    /// </summary>
    public static IServiceCollection AddGenerativeAnswers(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new AzureOpenAIAnswerOptions();
        configuration.GetSection(AzureOpenAIAnswerOptions.SectionName).Bind(options);
        if (!options.IsConfigured) return services;
        options.Validate();

        services.AddSingleton(options);
        services.AddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<MuseBotEngine>();
            return GenerativeAnswerEngine.Create(options, engine.Answers, engine.Search, sp.GetService<ILoggerFactory>());
        });
        services.RemoveAll<IAnswerEngine>();
        services.AddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<GenerativeAnswerEngine>());
        return services;
    }
}
