using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using MuseBot.Core.Storage;

namespace MuseBot.Storage.Azure;

/// <summary>
/// The storage account every instance shares, and the names of what the bot keeps there (all starting with
/// Storage:Prefix): the "-state" container (conversation state, one blob per conversation), the "-work" queue
/// (Slack work) and container (payloads too large for a queue message), the "-keys" container (the Data Protection
/// key ring every instance encrypts with, one blob per key), and the tables "dedupe", "answers", "feedback",
/// "unanswered", "answered" (a count of answered questions: channel and time only), "failedwork" and "installations". Signed in with the connection string, or with a managed identity
/// (DefaultAzureCredential) when only the account name is configured.
/// </summary>
public sealed class AzureStorageAccount
{
    public AzureStorageAccount(StorageOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var prefix = options.Prefix;
        var blobOptions = Configure(new BlobClientOptions(), options);
        var queueOptions = Configure(new QueueClientOptions(), options);
        var tableOptions = Configure(new TableClientOptions(), options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
                Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
                Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                // Never the connection string itself: it holds the account key.
                throw new InvalidOperationException(
                    $"{StorageOptions.SectionName}:ConnectionString cannot be used ({e.GetType().Name}): it needs AccountName and AccountKey, or UseDevelopmentStorage=true, or explicit BlobEndpoint, QueueEndpoint and TableEndpoint.", e);
            }
            AccountName = Blobs.AccountName;
        }
        else
        {
            var name = options.AccountName!.Trim();
            credential ??= new DefaultAzureCredential();
            Blobs = new BlobServiceClient(new Uri($"https://{name}.blob.{options.EndpointSuffix}"), credential, blobOptions);
            Queues = new QueueServiceClient(new Uri($"https://{name}.queue.{options.EndpointSuffix}"), credential, queueOptions);
            Tables = new TableServiceClient(new Uri($"https://{name}.table.{options.EndpointSuffix}"), credential, tableOptions);
            AccountName = name;
        }
        StateContainer = Blobs.GetBlobContainerClient(prefix + "-state");
        WorkPayloads = Blobs.GetBlobContainerClient(prefix + "-work");
        WorkQueue = Queues.GetQueueClient(prefix + "-work");
        DataProtectionKeys = Blobs.GetBlobContainerClient(prefix + "-keys");
        Dedupe = Tables.GetTableClient(prefix + "dedupe");
        Answers = Tables.GetTableClient(prefix + "answers");
        Feedback = Tables.GetTableClient(prefix + "feedback");
        Unanswered = Tables.GetTableClient(prefix + "unanswered");
        Answered = Tables.GetTableClient(prefix + "answered");
        FailedWork = Tables.GetTableClient(prefix + "failedwork");
        Installations = Tables.GetTableClient(prefix + "installations");
    }

    public StorageOptions Options { get; }

    public string AccountName { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient StateContainer { get; }

    public BlobContainerClient WorkPayloads { get; }

    public QueueClient WorkQueue { get; }

    public BlobContainerClient DataProtectionKeys { get; }

    public TableClient Dedupe { get; }

    public TableClient Answers { get; }

    public TableClient Feedback { get; }

    public TableClient Unanswered { get; }

    public TableClient Answered { get; }

    public TableClient FailedWork { get; }

    public TableClient Installations { get; }

    public IEnumerable<TableClient> AllTables => [Dedupe, Answers, Feedback, Unanswered, Answered, FailedWork, Installations];

    /// <summary>Creates the containers, the queue and the tables if missing (idempotent; every instance does it at start).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await StateContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await WorkPayloads.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await DataProtectionKeys.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await WorkQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var table in AllTables) await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException or HttpRequestException or AggregateException)
        {
            throw new InvalidOperationException(
                $"Cannot use Azure Storage account '{AccountName}' ({Blobs.Uri.GetLeftPart(UriPartial.Authority)}): {FirstLine(e.Message)} "
                + $"Check {StorageOptions.SectionName}:ConnectionString or {StorageOptions.SectionName}:AccountName, and that this app's identity holds the "
                + "Storage Blob, Queue and Table Data Contributor roles on the account.", e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static T Configure<T>(T clientOptions, StorageOptions options) where T : ClientOptions
    {
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = options.Timeout;
        return clientOptions;
    }

    /// <summary>A key as a table PartitionKey or RowKey: those may not hold '/', '\', '#', '?' or control characters,
    /// and the bot's keys (conversation ids, Slack signatures) may. SHA-256, hex, 64 characters.</summary>
    public static string TableKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsNotFound(RequestFailedException e) => e.Status == 404;
}
