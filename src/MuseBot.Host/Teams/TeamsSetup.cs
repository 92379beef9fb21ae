namespace MuseBot.Host.Teams;

/// <summary>Bot Framework (Teams) channel: placeholder until the Teams issue lands.</summary>
public static class TeamsSetup
{
    public static WebApplicationBuilder AddTeamsBot(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapTeamsBot(this WebApplication app) => app;
}
