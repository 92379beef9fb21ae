using System.Text.RegularExpressions;

namespace MuseBot.Core.Storage;

/// <summary>
/// Where the conversation store and the feedback store live. Bound from the "Storage" section (Storage__Provider,
/// Storage__ConnectionString, ...) and checked at start by <see cref="Validate"/>.
/// <list type="bullet">
/// <item><c>Sqlite</c> (default): embedded files under MuseBot:DataPath. One instance, no set-up.</item>
/// <item><c>AzureStorage</c>: blobs, queues and tables of one storage account, shared by every instance
/// (MuseBot.Storage.Azure). Give <see cref="ConnectionString"/> (Azurite's, or an account key's), or
/// <see cref="AccountName"/> to sign in with a managed identity (DefaultAzureCredential).</item>
/// </list>
/// </summary>
public sealed partial class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "Sqlite";
    public const string AzureStorage = "AzureStorage";

    public string Provider { get; set; } = Sqlite;

    /// <summary>An Azure Storage connection string (e.g. Azurite's "UseDevelopmentStorage=true" or one with its endpoints).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account's name, to sign in with DefaultAzureCredential (a managed identity in Azure).</summary>
    public string? AccountName { get; set; }

    /// <summary>With <see cref="AccountName"/>: the endpoint suffix of the cloud ("core.windows.net").</summary>
    public string EndpointSuffix { get; set; } = "core.windows.net";

    /// <summary>Starts the name of every container, queue and table, so several bots (or test runs) can share an
    /// account: lowercase letters and digits, starting with a letter, at most 20 characters.</summary>
    public string Prefix { get; set; } = "musebot";

    /// <summary>How long queued work a worker took stays invisible to the other instances. The worker renews it
    /// while it works, so this is how soon work a dead instance held is handed to another.</summary>
    public int QueueVisibilityTimeoutSeconds { get; set; } = 60;

    /// <summary>How often an idle worker asks the shared queue for work queued on another instance.</summary>
    public int QueuePollMilliseconds { get; set; } = 1000;

    /// <summary>Longest wait for one call to the storage service, and retries of a call that failed transiently.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public int MaxRetries { get; set; } = 3;

    public bool IsAzure => string.Equals(Provider?.Trim(), AzureStorage, StringComparison.OrdinalIgnoreCase);

    public TimeSpan QueueVisibilityTimeout => TimeSpan.FromSeconds(QueueVisibilityTimeoutSeconds);

    public TimeSpan QueuePollInterval => TimeSpan.FromMilliseconds(QueuePollMilliseconds);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public static StorageOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new StorageOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(SectionName), options);
        return options;
    }

    /// <summary>The problems, each a sentence that says what to set; empty when the settings can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var provider = Provider?.Trim() ?? "";
        if (!provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase) && !provider.Equals(AzureStorage, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{SectionName}:Provider '{Provider}' is not one of {Sqlite} (embedded, one instance) or {AzureStorage} (shared by several instances).");
            return problems;
        }
        if (!IsAzure) return problems;

        bool hasConnection = !string.IsNullOrWhiteSpace(ConnectionString), hasAccount = !string.IsNullOrWhiteSpace(AccountName);
        if (!hasConnection && !hasAccount)
            problems.Add($"{SectionName}:Provider is {AzureStorage} but neither {SectionName}:ConnectionString nor {SectionName}:AccountName is set: "
                + $"set {SectionName}__AccountName to the storage account's name (managed identity), or {SectionName}__ConnectionString (e.g. Azurite's).");
        if (hasConnection && hasAccount)
            problems.Add($"{SectionName}:ConnectionString and {SectionName}:AccountName are both set: set one (the connection string names its own account).");
        if (hasAccount && !AccountNamePattern().IsMatch(AccountName!.Trim()))
            problems.Add($"{SectionName}:AccountName '{AccountName}' is not a storage account name (3-24 lowercase letters and digits).");
        if (hasAccount && (string.IsNullOrWhiteSpace(EndpointSuffix) || EndpointSuffix.Contains('/') || EndpointSuffix.Contains(':')))
            problems.Add($"{SectionName}:EndpointSuffix '{EndpointSuffix}' is not a DNS suffix such as core.windows.net.");
        if (hasConnection && !ConnectionString!.Contains('=', StringComparison.Ordinal))
            problems.Add($"{SectionName}:ConnectionString is not a storage connection string (Key=Value;... such as DefaultEndpointsProtocol=...;AccountName=...).");
        if (!PrefixPattern().IsMatch(Prefix ?? ""))
            problems.Add($"{SectionName}:Prefix '{Prefix}' must be 1-20 lowercase letters and digits, starting with a letter (it begins container, queue and table names).");
        if (QueueVisibilityTimeoutSeconds is < 2 or > 3600)
            problems.Add($"{SectionName}:QueueVisibilityTimeoutSeconds must be between 2 and 3600 (got {QueueVisibilityTimeoutSeconds}).");
        if (QueuePollMilliseconds is < 100 or > 60_000)
            problems.Add($"{SectionName}:QueuePollMilliseconds must be between 100 and 60000 (got {QueuePollMilliseconds}).");
        if (TimeoutSeconds is < 1 or > 120)
            problems.Add($"{SectionName}:TimeoutSeconds must be between 1 and 120 (got {TimeoutSeconds}).");
        if (MaxRetries is < 0 or > 10)
            problems.Add($"{SectionName}:MaxRetries must be between 0 and 10 (got {MaxRetries}).");
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new InvalidOperationException("Storage configuration is invalid: " + string.Join(" ", problems));
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$")]
    private static partial Regex PrefixPattern();
}
