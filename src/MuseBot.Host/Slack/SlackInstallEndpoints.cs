using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MuseBot.Core.Storage;
using MuseBot.Contracts;

namespace MuseBot.Host.Slack;

/// <summary>
/// Installing the app into a workspace with Slack's OAuth v2: <see cref="InstallPath"/> sends the browser to Slack's
/// authorize page with the bot scopes and a state that is signed (Data Protection), expires, is good once (the dedupe
/// store) and is tied to the browser that asked (a cookie); <see cref="CallbackPath"/> checks it, exchanges the code
/// with oauth.v2.access and stores the installation with its bot token encrypted. Both answer 404 while no
/// Slack:ClientId is set.
/// </summary>
public static class SlackInstallEndpoints
{
    public const string InstallPath = "/api/slack/install";
    public const string CallbackPath = "/api/slack/oauth/callback";
    public const string StateCookie = "musebot_slack_oauth_state";

    /// <summary>The bot scopes the app asks for; infra/slack/manifest.yaml declares the same (a test holds them equal).</summary>
    public static readonly IReadOnlyList<string> BotScopes = ["app_mentions:read", "assistant:write", "chat:write", "commands", "im:history"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(InstallPath, (Func<HttpContext, IResult>)Install);
        app.MapGet(CallbackPath, (Func<HttpContext, Task<IResult>>)CallbackAsync);
    }

    private static ITimeLimitedDataProtector StateProtector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MuseBot.Slack.OAuthState.v1").ToTimeLimitedDataProtector();

    private static TimeSpan StateLifetime(IServiceProvider services, SlackOptions options)
    {
        // Good once: the dedupe store remembers a used state for its window, so the state must not outlive it.
        var window = services.GetRequiredService<ConversationStoreOptions>().DedupeWindow;
        var lifetime = TimeSpan.FromMinutes(options.InstallStateMinutes);
        return lifetime < window ? lifetime : window;
    }

    private static IResult Install(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        if (!options.InstallEnabled) return Results.NotFound();
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        var lifetime = StateLifetime(services, options);
        var state = StateProtector(services).Protect(nonce, lifetime);
        http.Response.Cookies.Append(StateCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,   // sent on Slack's top-level redirect back to the callback
            Path = CallbackPath,
            MaxAge = lifetime,
        });
        var url = QueryHelpers.AddQueryString(options.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = options.ClientId,
            ["scope"] = string.Join(',', BotScopes),
            ["user_scope"] = "",
            ["redirect_uri"] = options.RedirectUri,
            ["state"] = state,
        });
        return Results.Redirect(url);
    }

    private static async Task<IResult> CallbackAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        if (!options.InstallEnabled) return Results.NotFound();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackInstallEndpoints).FullName!);
        var query = http.Request.Query;
        var restart = $"<a href=\"{InstallPath}\">Start the install again</a>.";
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = CallbackPath });

        if (query["error"].ToString() is { Length: > 0 } slackError)
        {
            log.LogInformation("A Slack install was not completed: {Error}", slackError);
            return Page(StatusCodes.Status400BadRequest, "MuseBot was not installed",
                $"Slack said: {WebUtility.HtmlEncode(slackError)} (the install was cancelled or refused). {restart}");
        }

        // The state: signed by this host, not expired, from this browser, and not used before.
        string? nonce = null;
        try
        {
            if (query["state"].ToString() is { Length: > 0 } state) nonce = StateProtector(services).Unprotect(state);
        }
        catch (CryptographicException)
        {
            nonce = null;
        }
        var cookie = http.Request.Cookies[StateCookie];
        if (nonce is null || cookie is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(cookie)))
        {
            log.LogWarning("Refused a Slack install callback: its state is missing, forged, expired or from another browser");
            MuseBotTelemetry.RecordAuthFailure(SlackResponder.ChannelName, "InstallStateInvalid");
            return Page(StatusCodes.Status400BadRequest, "This install link is not valid",
                $"It has expired, was opened in another browser, or was not made by this server. {restart}");
        }
        if (!await services.GetRequiredService<IDedupeStore>().TryBeginAsync("slack:oauth-state:" + nonce, http.RequestAborted))
        {
            log.LogWarning("Refused a Slack install callback: its state was already used");
            MuseBotTelemetry.RecordAuthFailure(SlackResponder.ChannelName, "InstallStateReused");
            return Page(StatusCodes.Status400BadRequest, "This install link was already used", restart);
        }
        var code = query["code"].ToString();
        if (code.Length == 0)
            return Page(StatusCodes.Status400BadRequest, "MuseBot was not installed", $"Slack sent no code. {restart}");

        var access = await services.GetRequiredService<SlackWebApiClient>()
            .OAuthV2AccessAsync(options.ClientId!, options.ClientSecret!, code, options.RedirectUri, http.RequestAborted);
        if (!access.Ok)
        {
            log.LogError("Slack refused the install's code exchange (oauth.v2.access): {Error}", access.Error);
            return Page(StatusCodes.Status502BadGateway, "MuseBot was not installed",
                $"Slack refused to complete the install ({WebUtility.HtmlEncode(access.Error)}). {restart}");
        }

        var tokens = services.GetRequiredService<SlackTokens>();
        var workspaceId = access.IsEnterpriseInstall && access.EnterpriseId is { } e ? e : access.TeamId ?? access.EnterpriseId!;
        await services.GetRequiredService<IInstallationStore>().SaveAsync(new WorkspaceInstallation(
            workspaceId, access.TeamId, access.EnterpriseId, access.BotUserId, tokens.Protect(access.AccessToken!),
            access.Scope ?? "", access.InstallerUserId, services.GetRequiredService<TimeProvider>().GetUtcNow()), CancellationToken.None);
        log.LogInformation("MuseBot installed in Slack workspace {Workspace} by {Installer} (scopes {Scopes})", workspaceId, access.InstallerUserId, access.Scope);
        return Page(StatusCodes.Status200OK, "MuseBot is installed",
            $"MuseBot is now in {(access.TeamName is { Length: > 0 } name ? WebUtility.HtmlEncode(name) : "your workspace")}. Open its Messages tab in Slack, or mention @musebot in a channel it was invited to.");
    }

    private static IResult Page(int status, string title, string htmlBody) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>"
        + $"<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{htmlBody}</p></body></html>",
        "text/html; charset=utf-8", Encoding.UTF8, status);
}
