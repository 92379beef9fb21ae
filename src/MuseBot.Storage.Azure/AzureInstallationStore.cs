using Azure;
using Azure.Data.Tables;
using MuseBot.Core.Storage;

namespace MuseBot.Storage.Azure;

/// <summary>
/// <see cref="IInstallationStore"/> in the "installations" table: one entity per workspace, so an install completed
/// through any instance is found by every other. The bot token is stored as the host protected it (with the key ring
/// every instance shares, see <see cref="AzureBlobXmlRepository"/>). Installations do not expire: they go when the
/// workspace uninstalls the app.
/// </summary>
public sealed class AzureInstallationStore(AzureStorageAccount account) : IInstallationStore
{
    private const string Row = "installation";

    private static string Partition(string workspaceId) => AzureStorageAccount.TableKey(workspaceId);

    public async Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var entity = new TableEntity(Partition(installation.WorkspaceId), Row)
        {
            ["WorkspaceId"] = installation.WorkspaceId,
            ["TeamId"] = installation.TeamId,
            ["EnterpriseId"] = installation.EnterpriseId,
            ["BotUserId"] = installation.BotUserId,
            ["ProtectedBotToken"] = installation.ProtectedBotToken,
            ["Scopes"] = installation.Scopes,
            ["InstallerUserId"] = installation.InstallerUserId,
            ["InstalledAt"] = installation.InstalledAt.UtcDateTime,
            ["RevokedReason"] = installation.RevokedReason,
        };
        // Replace, not merge: a reinstall drops whatever the last installation had and this one has not (a revocation).
        await account.Installations.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkspaceInstallation?> FindAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        var found = await account.Installations.GetEntityIfExistsAsync<TableEntity>(Partition(workspaceId), Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } e) return null;
        return new WorkspaceInstallation(
            e.GetString("WorkspaceId") ?? workspaceId,
            e.GetString("TeamId"),
            e.GetString("EnterpriseId"),
            e.GetString("BotUserId"),
            e.GetString("ProtectedBotToken") ?? "",
            e.GetString("Scopes") ?? "",
            e.GetString("InstallerUserId"),
            e.GetDateTimeOffset("InstalledAt") ?? DateTimeOffset.UnixEpoch,
            e.GetString("RevokedReason"));
    }

    public async Task<bool> MarkRevokedAsync(string workspaceId, string reason, CancellationToken cancellationToken = default)
    {
        // A merge that requires the entity to exist (If-Match: *): one request, and nothing is created for a workspace
        // that has no installation.
        var patch = new TableEntity(Partition(workspaceId), Row) { ["RevokedReason"] = reason };
        try
        {
            await account.Installations.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await account.Installations.DeleteEntityAsync(Partition(workspaceId), Row, ETag.All, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;   // the SDK answers a missing entity with its 404 rather than an exception
        }
        catch (RequestFailedException e) when (AzureStorageAccount.IsNotFound(e))
        {
            return false;
        }
    }
}
