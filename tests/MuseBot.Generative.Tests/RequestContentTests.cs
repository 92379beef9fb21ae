using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core;

namespace MuseBot.Generative.Tests;

/// <summary>What leaves the machine: the question, note passages with ids, the instructions — and nothing else.</summary>
[Collection(NoteCollection.Name)]
public sealed class RequestContentTests(NoteFixture note) : IAsyncLifetime
{
    private FakeAzureOpenAI _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeAzureOpenAI.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task The_request_carries_question_passages_and_instructions_and_no_secret()
    {
        // composed as Host does it, from configuration that also holds other channels' secrets
        var secrets = new Dictionary<string, string?>
        {
            ["AzureOpenAI:ApiKey"] = FakeAzureOpenAI.ApiKey,
            ["MicrosoftAppPassword"] = "bot-password-Q9v~secret",
            ["Slack:SigningSecret"] = "8f14e45fceea167a5a36dedd4bea2543",
            ["Slack:BotToken"] = "xoxb-0000-1111-secret-token",
            ["ConnectionStrings:Feedback"] = "Data Source=/var/lib/musebot/feedback.db;Password=dbpass",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(secrets)
        {
            ["AzureOpenAI:Endpoint"] = _fake.Endpoint,
            ["AzureOpenAI:Deployment"] = FakeAzureOpenAI.Deployment,
            ["MuseBot:SeedsPath"] = note.Options.SeedsPath,
            ["MuseBot:IndexPath"] = note.Options.IndexPath,
            ["MuseBot:SemanticSearch"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMuseBotEngine(configuration);
        services.AddSingleton(note.Engine); // the index is already open: share it (not disposed by the container)
        services.AddGenerativeAnswers(configuration);
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IAnswerEngine>();
        Assert.IsType<GenerativeAnswerEngine>(engine);

        const string question = "How does the note frame Meta's 2026 capex?";
        _fake.ThenToolCall("Hyperion data center").ThenReply(req => $"It frames 2026 capex at $115B-$135B [{req.SentPassages().Containing("$115B").Id}].");
        var answer = await engine.AnswerAsync(new Question(question, PreviousQuestion: "When did Spark launch?"));
        Assert.Equal(GenerativeAnswerEngine.SourceName, answer.Source);

        Assert.Equal(2, _fake.Requests.Count);
        foreach (var request in _fake.Requests)
        {
            Assert.Matches(@"^/openai/deployments/gpt-test/chat/completions$", request.Path);
            Assert.Matches(@"[?&]api-version=\d{4}-\d{2}-\d{2}", request.Query);
            Assert.Equal(FakeAzureOpenAI.ApiKey, request.Headers["api-key"]); // the key travels in its header only
            foreach (var secret in secrets.Values)
                Assert.DoesNotContain(secret!, request.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Bearer", request.Body, StringComparison.Ordinal);

            // the instructions, the question (and the previous one), and passages that are the note's own words
            Assert.Equal(GenerativeAnswerEngine.SystemPrompt, request.ContentOf("system"));
            var user = request.ContentOf("user");
            Assert.Contains($"<question>\n{question}\n</question>", user);
            Assert.Contains("<previous_question>\nWhen did Spark launch?\n</previous_question>", user);
            var passages = request.SentPassages();
            Assert.NotEmpty(passages);
            foreach (var (id, quote) in passages)
            {
                Assert.True(note.Engine.Index.TryGet(id, out var passage), $"{id} is not a passage of the note");
                Assert.StartsWith(quote, passage.Text, StringComparison.Ordinal);
            }
            Assert.Equal(user, GenerativeAnswerEngine.UserMessage(
                new Question(question, "When did Spark launch?"),
                Regex.Matches(user, @"^\[([^\]\s]+)\] ", RegexOptions.Multiline).Select(m => Hit(m.Groups[1].Value))));

            // the only tool is the note search; nothing else rides along
            var tool = Assert.Single(request.Json["tools"]!.AsArray());
            Assert.Equal("note-search", (string?)tool!["function"]!["name"]);
            Assert.Null(request.Json["user"]);
            Assert.All(request.Messages, m => Assert.Contains((string?)m!["role"], new[] { "system", "user", "assistant", "tool" }));
        }

        // the tool result carries passages of the note too
        Assert.NotEmpty(_fake.Requests[1].SentPassages(toolResultsOnly: true));
    }

    private RetrievedPassage Hit(string id) => new(id, note.Engine.Index.Get(id).ToCitation(), 0);
}
