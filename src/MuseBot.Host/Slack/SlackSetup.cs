namespace MuseBot.Host.Slack;

/// <summary>Slack channel: placeholder until the Slack issue lands.</summary>
public static class SlackSetup
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapSlack(this WebApplication app) => app;
}
