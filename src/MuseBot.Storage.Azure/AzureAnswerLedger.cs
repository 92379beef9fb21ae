using System.Text.Json;
using Azure.Data.Tables;
using MuseBot.Core.Conversation;
using MuseBot.Core.Storage;

namespace MuseBot.Storage.Azure;

/// <summary><see cref="IAnswerLedger"/> in the "answers" table: one entity per sent answer, keyed by (channel,
/// conversation) and the id it was sent with, so a 👍/👎 clicked through any instance finds its question.</summary>
public sealed class AzureAnswerLedger(AzureStorageAccount account, TimeProvider time, TimeSpan retention) : IAnswerLedger
{
    private static string Partition(string channel, string conversation) => AzureStorageAccount.TableKey(channel + "\n" + conversation);

    public async Task RememberAsync(AnsweredMessage answered, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var entity = new TableEntity(Partition(answered.Channel, answered.Conversation), AzureStorageAccount.TableKey(answered.MessageId))
        {
            ["Channel"] = answered.Channel,
            ["Conversation"] = Cut(answered.Conversation),
            ["MessageId"] = Cut(answered.MessageId),
            ["Question"] = Cut(answered.Question),
            ["Citations"] = Cut(JsonSerializer.Serialize(answered.Citations)),
            ["ExpiresAt"] = (time.GetUtcNow() + retention).UtcDateTime,
        };
        await account.Answers.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AnsweredMessage?> FindAsync(string channel, string conversation, string messageId, CancellationToken cancellationToken = default)
    {
        var found = await account.Answers.GetEntityIfExistsAsync<TableEntity>(Partition(channel, conversation), AzureStorageAccount.TableKey(messageId),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } entity) return null;
        if ((entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue) <= time.GetUtcNow()) return null;
        List<string> citations;
        try
        {
            citations = JsonSerializer.Deserialize<List<string>>(entity.GetString("Citations") ?? "[]") ?? [];
        }
        catch (JsonException)
        {
            citations = [];   // cut at the size limit: the question still counts
        }
        return new AnsweredMessage(channel, conversation, messageId, entity.GetString("Question") ?? "", citations);
    }

    /// <summary>A string property holds at most 64 KB (32K UTF-16 characters).</summary>
    internal static string Cut(string text) => text.Length <= 16_000 ? text : text[..16_000];
}
