namespace MuseBot.Host.Web;

/// <summary>
/// The local web chat: a static page in wwwroot (no CDN, nothing outside this machine) that talks to the same bot
/// through /api/messages with deliveryMode expectReplies.
/// </summary>
public static class WebChatSetup
{
    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }
}
