namespace MuseBot.Host.Teams;

/// <summary>
/// The Bot Framework settings, under the SDK's own keys (MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword,
/// MicrosoftAppTenantId), checked at start so a misconfiguration stops the host with a message a person can act on.
/// </summary>
public sealed record BotSettings(string AppType, string AppId, string AppPassword, string TenantId)
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>No app id: no channel authentication. For the web chat, the Emulator and tests on this machine.</summary>
    public bool LocalMode => AppId.Length == 0;

    public static BotSettings From(IConfiguration configuration) => new(
        (configuration["MicrosoftAppType"] ?? "").Trim(),
        (configuration["MicrosoftAppId"] ?? "").Trim(),
        configuration["MicrosoftAppPassword"] ?? "",
        (configuration["MicrosoftAppTenantId"] ?? "").Trim());

    /// <summary>The problems, each a sentence that says what to set; empty when the settings can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var type = AppType.Length == 0 ? MultiTenant : AppType;
        if (!type.Equals(MultiTenant, StringComparison.OrdinalIgnoreCase)
            && !type.Equals(SingleTenant, StringComparison.OrdinalIgnoreCase)
            && !type.Equals(UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
            problems.Add($"MicrosoftAppType '{AppType}' is not one of {MultiTenant}, {SingleTenant}, {UserAssignedMsi}.");

        if (LocalMode)
        {
            if (AppPassword.Length > 0)
                problems.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty: set the app id too (or clear both for local mode).");
            return problems;
        }

        if (!Guid.TryParse(AppId, out _))
            problems.Add($"MicrosoftAppId '{AppId}' is not a GUID: use the Azure Bot's Microsoft App ID.");
        var isMsi = type.Equals(UserAssignedMsi, StringComparison.OrdinalIgnoreCase);
        if (!isMsi && AppPassword.Length == 0)
            problems.Add($"MicrosoftAppId is set without MicrosoftAppPassword: a {type} bot needs its client secret (or clear MicrosoftAppId for local mode).");
        if ((isMsi || type.Equals(SingleTenant, StringComparison.OrdinalIgnoreCase)) && TenantId.Length == 0)
            problems.Add($"MicrosoftAppTenantId is empty: a {type} bot needs its Microsoft Entra tenant id.");
        if (TenantId.Length > 0 && !Guid.TryParse(TenantId, out _))
            problems.Add($"MicrosoftAppTenantId '{TenantId}' is not a GUID.");
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new InvalidOperationException("Bot Framework configuration is invalid: " + string.Join(" ", problems));
    }
}
