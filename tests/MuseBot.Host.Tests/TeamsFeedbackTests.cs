using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using MuseBot.Core.Feedback;
using MuseBot.Host.Tests.Infrastructure;

namespace MuseBot.Host.Tests;

/// <summary>
/// 👍/👎 in Teams and the web chat land on the question of the answer they were given on (by the reply's activity
/// id), also after many answers and after a restart; a click on an answer the bot does not know stores nothing; the
/// user is stored only as <see cref="FeedbackUserHash"/>.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TeamsFeedbackTests(HostFixture hosts)
{
    private static readonly string[] Questions =
    [
        "How much did Meta spend on capex in 2025?",
        "what modes does spark have?",
        "what's Spark's Intelligence Index score?",
        "Does the note say Meta has closed the frontier-model gap?",
        "who leads Meta Superintelligence Labs?",
        "What date did Meta launch Muse Spark?",
        "What is the weather in Paris tomorrow?",
    ];

    private const string Tenant = "72f988bf-0000-0000-0000-000000000000";

    private static JsonObject Click(Uri serviceUrl, string conversation, string replyToId, string reaction, string clicker)
    {
        var invoke = Activities.WebChat("invoke", serviceUrl, conversation);
        invoke["channelId"] = "msteams";
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = replyToId;
        invoke["from"] = new JsonObject { ["id"] = "29:clicker", ["aadObjectId"] = clicker };
        invoke["conversation"]!["tenantId"] = Tenant;
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = "{\"feedbackText\":\"\"}" },
        };
        return invoke;
    }

    /// <summary>The rows one clicker left (found by their hash: every test has its own clicker).</summary>
    private static List<(string Question, int Helpful, string UserHash)> Rows(string dataPath, string clicker)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, SqliteFeedbackStore.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT question, helpful, user_hash FROM feedback WHERE user_hash = $u ORDER BY id";
        command.Parameters.AddWithValue("$u", FeedbackUserHash.Of("msteams", Tenant, clicker));
        using var reader = command.ExecuteReader();
        var rows = new List<(string, int, string)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        return rows;
    }

    [Fact]
    public async Task A_thumbs_down_on_the_first_of_seven_answers_is_stored_with_the_first_question_also_after_a_restart()
    {
        var clicker = Guid.NewGuid().ToString();
        var conversation = "feedback-" + Guid.NewGuid().ToString("N");
        var ids = new List<string?>();
        using (var client = hosts.Local.CreateLoopbackClient())
        {
            foreach (var q in Questions)
            {
                var message = Activities.WebChat("message", hosts.Local.BaseAddress, conversation, q);
                message["channelId"] = "msteams";
                message["conversation"]!["tenantId"] = Tenant;
                var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, message)));
                ids.Add((string?)reply["id"]);
            }
            Assert.NotNull(ids[0]);   // answers (not "the note does not say") take feedback, so they have an id
            using var response = await Activities.PostAsync(client, Click(hosts.Local.BaseAddress, conversation, ids[0]!, "dislike", clicker));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var row = Assert.Single(Rows(hosts.DataPath("local"), clicker));
        Assert.Equal(Questions[0], row.Question);
        Assert.Equal(0, row.Helpful);
        Assert.Equal(64, row.UserHash.Length);   // FeedbackUserHash, not a 16-character one of its own

        // A click on a later answer (the next one that took feedback: a follow-up may be "the note does not say"),
        // arriving at another host process on the same data folder (a restart).
        var later = Enumerable.Range(1, ids.Count - 2).First(i => ids[i] is not null);
        await using var restarted = new RealHost(HostFixture.BaseSettings(HostFixture.IndexPath, hosts.DataPath("local")));
        using (var client = restarted.CreateLoopbackClient())
        {
            using var response = await Activities.PostAsync(client, Click(restarted.BaseAddress, conversation, ids[later]!, "like", clicker));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal([(Questions[0], 0), (Questions[later], 1)], Rows(hosts.DataPath("local"), clicker).Select(r => (r.Question, r.Helpful)));
    }

    [Fact]
    public async Task A_click_on_an_answer_the_bot_does_not_know_stores_nothing()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        using var client = hosts.Local.CreateLoopbackClient();
        var before = await CountAsync(hosts.DataPath("local"));

        using var response = await Activities.PostAsync(client, Click(hosts.Local.BaseAddress, "fresh-" + marker, "no-such-reply-" + marker, "dislike", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await CountAsync(hosts.DataPath("local")));
        Assert.Contains(hosts.Local.Logs, l => l.Contains("does not remember", StringComparison.Ordinal) && l.Contains("no-such-reply-" + marker, StringComparison.Ordinal));
    }

    private static async Task<long> CountAsync(string dataPath)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, SqliteFeedbackStore.FileName)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM feedback";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>The turn's store failing does not cost the user the answer they already have.</summary>
[Collection(HostCollection.Name)]
public sealed class FeedbackStoreFailureTests(HostFixture hosts)
{
    [Fact]
    public async Task An_unanswered_question_the_store_cannot_record_is_still_answered_without_an_apology()
    {
        using var client = hosts.FaultyStore.CreateLoopbackClient();
        var activity = Activities.TeamsMessage("What is the weather in Paris tomorrow?", hosts.Connector.ServiceUrl, "personal", mentionBot: false, expectReplies: true);

        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, activity)));

        Assert.NotEqual(MuseBot.Host.Teams.AdapterWithErrorHandler.ErrorReply, (string?)reply["text"]);
        Assert.Contains(hosts.FaultyStore.Logs, l => l.StartsWith("Error: Could not record an unanswered question", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_and_Slack_give_the_same_guidance_for_an_overlong_question()
    {
        using var client = hosts.Local.CreateLoopbackClient();
        var activity = Activities.TeamsMessage(string.Concat(Enumerable.Repeat("capex ", 1000)), hosts.Connector.ServiceUrl, "personal", mentionBot: false, expectReplies: true);

        var reply = Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, activity)));

        // The same sentence the Slack test expects.
        Assert.Contains("too long for me (5,999 characters): please ask one question in fewer than 2,000 characters", (string)reply["text"]!);
    }
}
