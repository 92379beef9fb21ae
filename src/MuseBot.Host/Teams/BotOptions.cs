namespace MuseBot.Host.Teams;

/// <summary>
/// The "Bot" configuration section (Bot__ConnectorTimeoutSeconds, ...): how the bot talks to the Bot Framework
/// services. Checked at start with <see cref="Validate"/>.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Answers kept per process (see <see cref="Hosting.CachedAnswerEngine"/>); 0 turns the cache off.</summary>
    public int AnswerCacheSize { get; set; } = 2048;

    /// <summary>
    /// Longest wait for one call to the Bot Connector (a reply, a typing indicator), retries included. Teams resends
    /// an activity it has had no answer to for 15 s, and such a resend is ignored, so waiting longer helps nobody.
    /// </summary>
    public int ConnectorTimeoutSeconds { get; set; } = 15;

    /// <summary>Retries of a connector call that certainly did not arrive (no connection, 429, 503).</summary>
    public int ConnectorRetries { get; set; } = 2;

    /// <summary>Longest wait for the channel's OpenID metadata or signing keys; a token that cannot be checked in
    /// time is refused (401).</summary>
    public int AuthMetadataTimeoutSeconds { get; set; } = 5;

    public TimeSpan ConnectorTimeout => TimeSpan.FromSeconds(ConnectorTimeoutSeconds);
    public TimeSpan AuthMetadataTimeout => TimeSpan.FromSeconds(AuthMetadataTimeoutSeconds);

    public static BotOptions From(IConfiguration configuration)
    {
        var options = new BotOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }

    /// <summary>The problems, each a sentence that says what to set; empty when the settings can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AnswerCacheSize is < 0 or > 1_000_000)
            problems.Add($"{SectionName}:AnswerCacheSize must be between 0 and 1000000 (got {AnswerCacheSize}).");
        if (ConnectorTimeoutSeconds is < 1 or > 60)
            problems.Add($"{SectionName}:ConnectorTimeoutSeconds must be between 1 and 60 (got {ConnectorTimeoutSeconds}).");
        if (ConnectorRetries is < 0 or > 5)
            problems.Add($"{SectionName}:ConnectorRetries must be between 0 and 5 (got {ConnectorRetries}).");
        if (AuthMetadataTimeoutSeconds is < 1 or > 30)
            problems.Add($"{SectionName}:AuthMetadataTimeoutSeconds must be between 1 and 30 (got {AuthMetadataTimeoutSeconds}).");
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new InvalidOperationException("Bot configuration is invalid: " + string.Join(" ", problems));
    }
}
