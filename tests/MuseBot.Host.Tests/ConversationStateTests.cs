using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using MuseBot.Core.Storage;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>
/// Conversation state lives in the conversation store on disk, not in the process: a follow-up is understood after a
/// restart, and every conversation is a row that expires (the memory benchmark in tests/MuseBot.LoadTest measures
/// that the process stays flat).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ConversationStateTests(HostFixture hosts)
{
    private static async Task<string> AskAsync(RealHost host, string conversation, string text)
    {
        using var client = host.CreateLoopbackClient();
        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, Activities.WebChat("message", host.BaseAddress, conversation, text))));
        return (string)reply["text"]!;
    }

    [Fact]
    public async Task A_follow_up_is_understood_after_a_restart()
    {
        const string first = "what's Spark's Intelligence Index score?";
        const string followUp = "and Gemini's?";
        var withContext = "context-" + Guid.NewGuid();
        await AskAsync(hosts.Local, withContext, first);
        var expected = await AskAsync(hosts.Local, withContext, followUp);
        var alone = await AskAsync(hosts.Local, "alone-" + Guid.NewGuid(), followUp);
        Assert.NotEqual(expected, alone); // the follow-up depends on the previous question

        var conversation = "restart-" + Guid.NewGuid();
        await AskAsync(hosts.Local, conversation, first);
        await using var restarted = new RealHost(HostFixture.BaseSettings(HostFixture.IndexPath, hosts.DataPath("local")));
        Assert.Equal(expected, await AskAsync(restarted, conversation, followUp));
    }

    [Fact]
    public async Task Each_conversation_is_a_row_in_the_store_with_an_expiry()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        for (int i = 0; i < 20; i++) await AskAsync(hosts.Local, $"rows-{marker}-{i}", "what modes does spark have?");

        using var connection = new SqliteConnection($"Data Source={Path.Combine(hosts.DataPath("local"), ConversationStoreOptions.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MIN(expires_at), MAX(expires_at) FROM state WHERE key LIKE $k";
        command.Parameters.AddWithValue("$k", $"%rows-{marker}-%");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(20, reader.GetInt64(0));
        var now = DateTimeOffset.UtcNow;
        // The default expiry: a day after the conversation was last written.
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), now.AddHours(23), now.AddHours(25));
    }
}
