using System.Security.Cryptography;
using System.Text;

namespace MuseBot.Core.Feedback;

/// <summary>The only form in which a user id reaches the feedback store: SHA-256, hex.</summary>
public static class FeedbackUserHash
{
    /// <summary>Hash of "{channel}:{workspace}:{user}", so the same id in two workspaces stays two people.</summary>
    public static string Of(string channel, string? workspace, string userId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}:{workspace}:{userId}"));
        return Convert.ToHexStringLower(bytes);
    }
}
