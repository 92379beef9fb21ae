using Microsoft.Extensions.Options;

namespace MuseBot.Host.Slack;

/// <summary>
/// The "Slack" configuration section (environment variables: Slack__SigningSecret, Slack__BotToken,
/// Slack__Workspaces__T0123__BotToken, Slack__ApiBaseUrl). No signing secret = Slack is off.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>The app's signing secret (Basic Information → App Credentials). Empty: the Slack endpoints answer 404.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (xoxb-…) of the default workspace: used for any team without its own entry.</summary>
    public string? BotToken { get; set; }

    /// <summary>Per-workspace bot tokens, keyed by team id (T…), for an app installed in several workspaces.</summary>
    public Dictionary<string, SlackWorkspaceOptions> Workspaces { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Slack's Web API base; configurable so tests can point it at a listener on 127.0.0.1.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Work waiting in the durable queue; when that many are waiting, Slack gets a 503 and retries later.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Replies answered at once.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Tries of one piece of work (each try already retries its Web API call) before it is given up on
    /// and logged; with the delays between tries, 10 covers a Slack outage of about 40 minutes.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Retries of a Web API call answered with 429 or a 5xx.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Longest wait honoured from a Retry-After header, in seconds.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>The app's client id (Basic Information → App Credentials): set it, with <see cref="ClientSecret"/> and
    /// <see cref="RedirectBaseUrl"/>, to let workspaces install the app at /api/slack/install (OAuth v2).</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's client secret, for oauth.v2.access.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The host's public base URL (https://bot.example.com): Slack sends installers back to
    /// {RedirectBaseUrl}/api/slack/oauth/callback, which must be listed under the app's Redirect URLs.</summary>
    public string? RedirectBaseUrl { get; set; }

    /// <summary>Slack's authorize page; configurable for tests.</summary>
    public string AuthorizeUrl { get; set; } = DefaultAuthorizeUrl;

    public const string DefaultAuthorizeUrl = "https://slack.com/oauth/v2/authorize";

    /// <summary>How long an install link's state stays valid, in minutes (it is also good only once).</summary>
    public int InstallStateMinutes { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>Workspaces can install the app through OAuth (a client id is set).</summary>
    public bool InstallEnabled => Enabled && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Where Slack sends the installer back after the authorize page.</summary>
    public string RedirectUri => (RedirectBaseUrl ?? "").TrimEnd('/') + SlackInstallEndpoints.CallbackPath;

    /// <summary>The explicitly configured token of one workspace (Slack:Workspaces:{team}:BotToken), without the default.</summary>
    public string? WorkspaceTokenFor(string? teamId)
    {
        if (string.IsNullOrEmpty(teamId)) return null;
        foreach (var (id, w) in Workspaces)
            if (string.Equals(id, teamId, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(w.BotToken))
                return w.BotToken;
        return null;
    }

    /// <summary>The bot token for a workspace: its own entry, else the default one; null when neither is set.</summary>
    public string? BotTokenFor(string? teamId)
    {
        if (!string.IsNullOrEmpty(teamId))
        {
            if (Workspaces.TryGetValue(teamId, out var ws) && !string.IsNullOrWhiteSpace(ws.BotToken)) return ws.BotToken;
            // The binder may have built the dictionary with the default (case-sensitive) comparer.
            foreach (var (id, w) in Workspaces)
                if (string.Equals(id, teamId, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(w.BotToken))
                    return w.BotToken;
        }
        return string.IsNullOrWhiteSpace(BotToken) ? null : BotToken;
    }

    public Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);

    /// <summary>The longest one Web API call can take with its retries (15 s per try, the longest Retry-After
    /// between tries): a worker's lease on its work must outlast it, or a second worker would answer again.</summary>
    public TimeSpan LongestCall => TimeSpan.FromSeconds((MaxRetries + 1) * (SlackSetup.WebApiTimeout.TotalSeconds + MaxRetryDelaySeconds));
}

public sealed class SlackWorkspaceOptions
{
    public string? BotToken { get; set; }
}

/// <summary>Checked at start (ValidateOnStart): a host with broken Slack settings refuses to start, saying why.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            errors.Add($"Slack:ApiBaseUrl '{options.ApiBaseUrl}' is not an absolute http(s) URL; leave it unset for {SlackOptions.DefaultApiBaseUrl}.");
        bool anyToken = !string.IsNullOrWhiteSpace(options.BotToken) || options.Workspaces.Values.Any(w => !string.IsNullOrWhiteSpace(w.BotToken));
        if (!anyToken && !options.InstallEnabled)
            errors.Add("Slack:SigningSecret is set but no bot token is: set Slack:BotToken (Slack__BotToken) to the app's xoxb- token, or Slack:Workspaces:{team_id}:BotToken per workspace, or Slack:ClientId, Slack:ClientSecret and Slack:RedirectBaseUrl so that workspaces install the app at /api/slack/install.");
        if (options.InstallEnabled)
        {
            if (string.IsNullOrWhiteSpace(options.ClientSecret))
                errors.Add("Slack:ClientId is set but Slack:ClientSecret (Slack__ClientSecret) is not: copy it from the app's Basic Information → App Credentials.");
            if (!Uri.TryCreate(options.RedirectBaseUrl, UriKind.Absolute, out var redirect)
                || !(redirect.Scheme == Uri.UriSchemeHttps || (redirect.Scheme == Uri.UriSchemeHttp && redirect.IsLoopback))
                || !string.IsNullOrEmpty(redirect.Query) || !string.IsNullOrEmpty(redirect.Fragment))
                errors.Add($"Slack:RedirectBaseUrl '{options.RedirectBaseUrl}' must be the host's public https base URL (e.g. https://bot.example.com); Slack sends installers back to it + {SlackInstallEndpoints.CallbackPath}.");
            if (!Uri.TryCreate(options.AuthorizeUrl, UriKind.Absolute, out var authorize) || (authorize.Scheme != Uri.UriSchemeHttps && authorize.Scheme != Uri.UriSchemeHttp))
                errors.Add($"Slack:AuthorizeUrl '{options.AuthorizeUrl}' is not an absolute http(s) URL; leave it unset for {SlackOptions.DefaultAuthorizeUrl}.");
            if (options.InstallStateMinutes is < 1 or > 60)
                errors.Add($"Slack:InstallStateMinutes must be between 1 and 60 (got {options.InstallStateMinutes}).");
        }
        foreach (var (team, ws) in options.Workspaces)
            if (string.IsNullOrWhiteSpace(ws.BotToken))
                errors.Add($"Slack:Workspaces:{team}:BotToken is empty: set it or remove the workspace.");
        if (options.QueueCapacity is < 1 or > 100_000)
            errors.Add($"Slack:QueueCapacity must be between 1 and 100000 (got {options.QueueCapacity}).");
        if (options.Workers is < 1 or > 64)
            errors.Add($"Slack:Workers must be between 1 and 64 (got {options.Workers}).");
        if (options.MaxAttempts is < 1 or > 100)
            errors.Add($"Slack:MaxAttempts must be between 1 and 100 (got {options.MaxAttempts}).");
        if (options.MaxRetries is < 1 or > 10)
            errors.Add($"Slack:MaxRetries must be between 1 and 10 (got {options.MaxRetries}).");
        if (options.MaxRetryDelaySeconds is < 1 or > 600)
            errors.Add($"Slack:MaxRetryDelaySeconds must be between 1 and 600 (got {options.MaxRetryDelaySeconds}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
