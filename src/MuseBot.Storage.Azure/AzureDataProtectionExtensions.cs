using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Internal;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MuseBot.Storage.Azure;

public static class AzureDataProtectionExtensions
{
    /// <summary>How long an instance uses the key ring it read before reading it again. Shorter than the two minutes
    /// after start in which Data Protection re-reads the ring when it meets an unknown key, so that when several
    /// instances start together on an empty ring and each creates a key, every instance knows every key by the time
    /// that window closes (Data Protection's own period is 24 hours).</summary>
    public static readonly TimeSpan KeyRingRefreshPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Keeps the Data Protection key ring in the shared storage account (<see cref="AzureStorageAccount.DataProtectionKeys"/>,
    /// through <see cref="AzureBlobXmlRepository"/>) instead of a local folder, so every instance reads what any
    /// instance protected, and re-reads it every <see cref="KeyRingRefreshPeriod"/>. Needs
    /// <see cref="AzureStorageAccount"/> registered (AddMuseBotStorage with the Azure provider).
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToAzureStorage(this IDataProtectionBuilder builder) =>
        PersistKeysToAzureStorage(builder, KeyRingRefreshPeriod);

    internal static IDataProtectionBuilder PersistKeysToAzureStorage(this IDataProtectionBuilder builder, TimeSpan refreshPeriod)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<AzureStorageAccount>((options, account) => options.XmlRepository = new AzureBlobXmlRepository(account.DataProtectionKeys));
        // Registered after AddDataProtection's own (TryAdd) key manager: this one is resolved.
        builder.Services.AddSingleton<IKeyManager>(sp => new PeriodicallyReloadedKeyManager(
            new XmlKeyManager(sp.GetRequiredService<IOptions<KeyManagementOptions>>(), sp.GetRequiredService<IActivator>(), sp.GetRequiredService<ILoggerFactory>()),
            refreshPeriod));
        return builder;
    }
}

/// <summary>Data Protection's key manager, except that the key ring it hands out is read again after
/// <paramref name="period"/> (its cache expiration token fires then), so keys other instances created are seen.</summary>
internal sealed class PeriodicallyReloadedKeyManager(IKeyManager inner, TimeSpan period) : IKeyManager
{
    public IKey CreateNewKey(DateTimeOffset activationDate, DateTimeOffset expirationDate) => inner.CreateNewKey(activationDate, expirationDate);

    public IReadOnlyCollection<IKey> GetAllKeys() => inner.GetAllKeys();

    public CancellationToken GetCacheExpirationToken()
    {
        // Expires after the period, or earlier when the inner one does (this instance created or revoked a key); the
        // link to the inner token is dropped when this one expires, so nothing piles up on it.
        var expiry = new CancellationTokenSource(period);
        var link = inner.GetCacheExpirationToken().UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), expiry);
        expiry.Token.UnsafeRegister(static s => ((CancellationTokenRegistration)s!).Dispose(), link);
        return expiry.Token;
    }

    public void RevokeKey(Guid keyId, string? reason = null) => inner.RevokeKey(keyId, reason);

    public void RevokeAllKeys(DateTimeOffset revocationDate, string? reason = null) => inner.RevokeAllKeys(revocationDate, reason);
}
