using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MuseBot.Core.Storage;

namespace MuseBot.Host.Slack;

/// <summary>A bot token and where it came from: an installation (its workspace id) or configuration (null).</summary>
public sealed record SlackBotToken(string Token, string? InstallationId);

/// <summary>
/// Which bot token answers a workspace: its installation (OAuth, from <see cref="IInstallationStore"/>, the token
/// decrypted with ASP.NET Core Data Protection), else Slack:Workspaces:{team}:BotToken, else Slack:BotToken. A token
/// Slack refuses (invalid_auth, token_revoked, ...) marks its installation, which is then not used again until the
/// workspace reinstalls: nothing retries with a dead token.
/// </summary>
public sealed class SlackTokens(
    IInstallationStore installations,
    IDataProtectionProvider dataProtection,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackTokens> log)
{
    /// <summary>Slack's errors that mean the token itself is no good any more.</summary>
    private static readonly HashSet<string> DeadTokenErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth", "token_revoked", "account_inactive", "not_authed", "token_expired", "team_access_not_granted",
    };

    private readonly IDataProtector _protector = dataProtection.CreateProtector("MuseBot.Slack.BotToken.v1");

    public string Protect(string botToken) => _protector.Protect(botToken);

    public async Task<SlackBotToken?> ForAsync(string? teamId, string? enterpriseId, CancellationToken ct)
    {
        bool installedButUnusable = false;
        foreach (var id in new[] { teamId, enterpriseId })
        {
            if (string.IsNullOrEmpty(id)) continue;
            var installation = await installations.FindAsync(id, ct).ConfigureAwait(false);
            if (installation is null) continue;
            if (installation.RevokedReason is { } reason)
            {
                installedButUnusable = true;
                log.LogWarning("Slack workspace {Workspace}: its installation's token was refused ({Reason}); reinstall the app there", id, reason);
                continue;
            }
            try
            {
                return new SlackBotToken(_protector.Unprotect(installation.ProtectedBotToken), id);
            }
            catch (CryptographicException e)
            {
                // The data-protection keys beside the store were lost or replaced: the token cannot be read again.
                // (With the shared store every instance reads one key ring, in the storage account's "-keys" container.)
                installedButUnusable = true;
                log.LogError("Slack workspace {Workspace}: its stored bot token cannot be decrypted ({Error}); keep the keys with the store ({{MuseBot:DataPath}}/keys, or the shared store's -keys container), or reinstall the app", id, e.Message);
                await installations.MarkRevokedAsync(id, "undecryptable", ct).ConfigureAwait(false);
            }
        }
        var o = options.CurrentValue;
        // A workspace whose installation is dead gets only its own configured token, never another workspace's default.
        var configured = installedButUnusable ? o.WorkspaceTokenFor(teamId) : o.BotTokenFor(teamId);
        return configured is null ? null : new SlackBotToken(configured, null);
    }

    /// <summary>After a call with <paramref name="token"/>: when Slack refused the token itself, marks its installation
    /// and returns true (the work must stop: every other call with it would fail the same way).</summary>
    public async Task<bool> NoteFailureAsync(SlackBotToken token, SlackApiResult result, CancellationToken ct)
    {
        if (result.Ok || result.Error is null || !DeadTokenErrors.Contains(result.Error)) return false;
        if (token.InstallationId is { } id)
        {
            log.LogError("Slack refused the bot token of workspace {Workspace} ({Error}): its installation is marked and not used again until the app is reinstalled there", id, result.Error);
            await installations.MarkRevokedAsync(id, result.Error, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            log.LogError("Slack refused a configured bot token ({Error}): check Slack:BotToken / Slack:Workspaces:{{team}}:BotToken", result.Error);
        }
        return true;
    }

    /// <summary>app_uninstalled / tokens_revoked: the workspace's installation goes. True when one was deleted.</summary>
    public async Task<bool> RemoveAsync(string? teamId, string? enterpriseId, bool enterpriseInstall, CancellationToken ct)
    {
        bool removed = false;
        if (!string.IsNullOrEmpty(teamId)) removed |= await installations.DeleteAsync(teamId, ct).ConfigureAwait(false);
        if (enterpriseInstall && !string.IsNullOrEmpty(enterpriseId)) removed |= await installations.DeleteAsync(enterpriseId, ct).ConfigureAwait(false);
        return removed;
    }
}
