namespace MuseBot.Host.Web;

/// <summary>The local web chat page: placeholder until the Teams issue lands.</summary>
public static class WebChatSetup
{
    public static WebApplication MapWebChat(this WebApplication app) => app;
}
