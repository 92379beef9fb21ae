using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MuseBot.Host.Slack;

public enum SlackVerification
{
    Valid,
    NotConfigured,
    MissingHeaders,
    MalformedTimestamp,
    Stale,
    BadSignature,
}

/// <summary>
/// Slack's v0 request signature: "v0=" + hex(HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}")), compared in
/// constant time, with the timestamp no further than five minutes from now either way (replays are refused).
/// </summary>
public sealed class SlackRequestVerifier(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public SlackVerification Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body) =>
        Verify(options.CurrentValue.SigningSecret, timestamp, signature, body, time.GetUtcNow());

    public static SlackVerification Verify(string? signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signingSecret)) return SlackVerification.NotConfigured;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SlackVerification.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return SlackVerification.MalformedTimestamp;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxClockSkew) return SlackVerification.Stale;

        if (!signature.StartsWith("v0=", StringComparison.Ordinal) || signature.Length != 3 + 64) return SlackVerification.BadSignature;
        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(signature.AsSpan(3), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return SlackVerification.BadSignature;
        Span<byte> expected = stackalloc byte[32];
        ComputeMac(signingSecret, timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackVerification.Valid : SlackVerification.BadSignature;
    }

    /// <summary>The signature Slack would send for this body (tests and the fake Slack use it too).</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        ComputeMac(signingSecret, timestamp, body, mac);
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    private static void ComputeMac(string signingSecret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
