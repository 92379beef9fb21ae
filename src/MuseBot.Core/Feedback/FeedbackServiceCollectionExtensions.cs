using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MuseBot.Core.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Registers the feedback store (IFeedbackStore): placeholder until the Slack/feedback issue lands.</summary>
    public static IServiceCollection AddFeedbackStore(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
