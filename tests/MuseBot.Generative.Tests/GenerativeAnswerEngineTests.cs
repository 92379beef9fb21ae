using System.Diagnostics;
using System.Net;
using MuseBot.Contracts;

namespace MuseBot.Generative.Tests;

/// <summary>The generative engine against a fake Azure OpenAI on 127.0.0.1 that answers from a script.</summary>
[Collection(NoteCollection.Name)]
public sealed class GenerativeAnswerEngineTests(NoteFixture note) : IAsyncLifetime
{
    private const string CapexQuestion = "What capex range does the note give for 2026?";

    private FakeAzureOpenAI _fake = null!;
    private readonly ListLoggerProvider _logs = new();

    public async Task InitializeAsync() => _fake = await FakeAzureOpenAI.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private GenerativeAnswerEngine NewEngine(Action<AzureOpenAIAnswerOptions>? configure = null, IAnswerEngine? extractive = null)
    {
        var options = new AzureOpenAIAnswerOptions { Endpoint = _fake.Endpoint, Deployment = FakeAzureOpenAI.Deployment, ApiKey = FakeAzureOpenAI.ApiKey };
        configure?.Invoke(options);
        return GenerativeAnswerEngine.Create(options, extractive ?? note.Engine.Answers, note.Engine.Search, TestSupport.Logging(_logs));
    }

    private Task<Answer> Extractive(string question) => note.Engine.Answers.AnswerAsync(new Question(question));

    private string GenerativeLog => Assert.Single(_logs.Lines, l => l.Contains("Generative answer", StringComparison.Ordinal));

    [Fact]
    public async Task A_grounded_answer_passes_through_with_its_citations_and_the_notes_flags()
    {
        string? citedId = null;
        _fake.ThenReply(req =>
        {
            var (id, _) = req.SentPassages().Containing("$115B");
            citedId = id;
            return $"Prior company disclosure frames 2026 capex at $115B-$135B [{id}]. The launch alone does not validate the full vendor mosaic, so treat it as continued infrastructure intensity.";
        }, promptTokens: 1234, completionTokens: 56);
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.True(answer.Source == GenerativeAnswerEngine.SourceName, string.Join("\n", _logs.Lines));
        Assert.False(answer.Abstained);
        Assert.NotNull(citedId);
        Assert.StartsWith("Prior company disclosure frames 2026 capex at $115B-$135B [1].", answer.Text);
        Assert.DoesNotContain("vendor mosaic", answer.Text); // uncited sentence dropped
        Assert.Contains("[1]", answer.Text[answer.Text.IndexOf('>')..]); // the quote follows, with its marker
        var citation = Assert.Single(answer.Citations);
        Assert.Contains("$115B-$135B", citation.Quote);
        Assert.Equal(note.Engine.Search.FlagsFor(citedId!), answer.Flags);
        Assert.Contains("tokens 1234 prompt + 56 completion", GenerativeLog);
    }

    [Fact]
    public async Task The_model_can_search_the_note_again_and_cite_what_it_found()
    {
        string? foundId = null;
        _fake.ThenToolCall("Artificial Analysis Intelligence Index")
             .ThenReply(req =>
             {
                 var fromTool = req.SentPassages(toolResultsOnly: true);
                 var (id, quote) = fromTool.Containing("Intelligence Index");
                 foundId = id;
                 var capex = req.SentPassages().Containing("$115B");
                 return $"Prior disclosure frames 2026 capex at $115B-$135B [{capex.Id}]. {TestSupport.Echo(id, quote)}";
             });
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal(GenerativeAnswerEngine.SourceName, answer.Source);
        Assert.Equal(2, _fake.Requests.Count);
        var first = _fake.Requests[0];
        Assert.Equal("note-search", (string?)first.Json["tools"]![0]!["function"]!["name"]);
        Assert.DoesNotContain(foundId!, first.SentPassages().Keys); // it came from the search, not the first retrieval
        var toolMessage = Assert.Single(_fake.Requests[1].Messages, m => (string?)m!["role"] == "tool");
        Assert.False(string.IsNullOrEmpty((string?)toolMessage!["tool_call_id"]));
        Assert.Equal(2, answer.Citations.Count);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("Intelligence Index", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Searches_are_bounded_and_the_last_request_forbids_tools()
    {
        _fake.ThenToolCall("capex").ThenToolCall("capex 2026").ThenToolCall("capex again").ThenToolCall("and again");
        using var engine = NewEngine(o => o.MaxSearchCalls = 2);

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal(3, _fake.Requests.Count);
        Assert.Equal("none", (string?)_fake.Requests[2].Json["tool_choice"]);
        Assert.Equal("extractive", answer.Source); // it never answered: the extractive answer goes out
    }

    [Fact]
    public async Task Citing_a_passage_that_was_not_retrieved_falls_back_to_extractive()
    {
        _fake.ThenReply(req =>
        {
            var unsent = note.Engine.Index.Passages.First(p => !req.SentPassages().ContainsKey(p.Id) && p.Text.Contains("Meta", StringComparison.Ordinal));
            return TestSupport.Echo(unsent.Id, unsent.Text);
        });
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal(await Extractive(CapexQuestion), answer, AnswerComparer.Instance);
        Assert.Contains("was not among the passages sent", GenerativeLog);
    }

    [Fact]
    public async Task A_number_absent_from_the_passages_falls_back_to_extractive()
    {
        _fake.ThenReply(req => $"Meta guides 2026 capex to $150B [{req.SentPassages().Containing("$115B").Id}].");
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal("extractive", answer.Source);
        Assert.Equal(await Extractive(CapexQuestion), answer, AnswerComparer.Instance);
        Assert.Contains("150", GenerativeLog);
    }

    [Fact]
    public async Task Throttling_with_Retry_After_falls_back_at_once_without_waiting_or_retrying()
    {
        _fake.ThenError(HttpStatusCode.TooManyRequests, "429", "Requests to the ChatCompletions_Create Operation have exceeded the rate limit.", retryAfterSeconds: 30);
        // a budget (20 s) shorter than the Retry-After and longer than the bound below: waiting out either fails it
        using var engine = NewEngine(o => o.TimeoutSeconds = 20);

        var clock = Stopwatch.StartNew();
        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal("extractive", answer.Source);
        Assert.False(answer.Abstained);
        Assert.Single(_fake.Requests); // no retry inside the budget
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(16), $"took {clock.Elapsed}");   // room for a loaded CI machine
        Assert.Contains("throttled (429), Retry-After 30 s not waited for", GenerativeLog);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Server_errors_fall_back_to_extractive(HttpStatusCode status)
    {
        _fake.ThenError(status, "ServerError", "The server had an error while processing your request.");
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal("extractive", answer.Source);
        Assert.Contains($"HTTP {(int)status}", GenerativeLog);
    }

    [Fact]
    public async Task A_model_that_does_not_reply_in_time_falls_back_within_the_budget()
    {
        _fake.ThenDelay(TimeSpan.FromSeconds(20), "too late");
        using var engine = NewEngine(o => o.TimeoutSeconds = 1);

        var clock = Stopwatch.StartNew();
        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal("extractive", answer.Source);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));   // the 1 s budget, not the 20 s reply; room for a loaded CI machine
        Assert.Contains("Timeout", GenerativeLog);
    }

    [Fact]
    public async Task A_prompt_rejected_by_the_content_filter_falls_back()
    {
        _fake.ThenError(HttpStatusCode.BadRequest, "content_filter",
            "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.");
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal("extractive", answer.Source);
        Assert.Contains("content_filter", GenerativeLog);
    }

    [Fact]
    public async Task A_reply_cut_by_the_content_filter_falls_back()
    {
        _fake.ThenFinish("content_filter", null);
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal("extractive", answer.Source);
        Assert.Contains("content filter", GenerativeLog);
    }

    [Fact]
    public async Task The_model_saying_the_note_does_not_cover_it_is_an_abstention()
    {
        _fake.ThenReply(AnswerGroundingValidator.AbstainToken);
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Equal(GenerativeAnswerEngine.SourceName, answer.Source);
    }

    [Fact]
    public async Task A_question_the_extractive_engine_refuses_still_reaches_the_model_which_decides()
    {
        string? citedId = null;
        _fake.ThenReply(req =>
        {
            var (id, quote) = req.SentPassages().Containing("$115B");
            citedId = id;
            return TestSupport.Echo(id, quote, 40);
        });
        using var engine = NewEngine(extractive: new AbstainingAnswerEngine());

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Single(_fake.Requests);
        Assert.False(answer.Abstained, answer.Text);
        Assert.Equal(GenerativeAnswerEngine.SourceName, answer.Source);
        Assert.True(answer.PhrasedByModel);
        Assert.Contains("$115B", answer.Text);
        Assert.Equal("Grounded", answer.Model!.Outcome);
        Assert.Contains("extractive refused", GenerativeLog);
    }

    [Fact]
    public async Task The_real_extractive_engine_refusing_does_not_keep_the_question_from_the_model()
    {
        const string refused = "How many GPUs did Meta use to train Spark?";
        Assert.True((await Extractive(refused)).Abstained);
        _fake.ThenReply(AnswerGroundingValidator.AbstainToken).ThenReply(AnswerGroundingValidator.AbstainToken);
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(refused));

        Assert.Equal(2, _fake.Requests.Count); // the question, then the second look before the refusal stands
        Assert.All(_fake.Requests, r => Assert.Contains(refused, r.ContentOf("user")));
        Assert.True(answer.Abstained);
        Assert.False(answer.PhrasedByModel);
    }

    [Fact]
    public async Task A_refusal_that_quotes_what_the_note_does_say_keeps_the_passage_its_marker_points_to()
    {
        // the extractive engine refuses an exact date and quotes the words the note says when in
        const string exact = "whats the exact date spark hits whatsapp?";
        var extractive = await Extractive(exact);
        Assert.True(extractive.Abstained);
        Assert.NotEmpty(extractive.Citations);
        _fake.ThenReply(AnswerGroundingValidator.AbstainToken).ThenReply(AnswerGroundingValidator.AbstainToken);
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(exact));

        Assert.True(answer.Abstained);
        Assert.Contains("[1]", answer.Text);
        Assert.Equal(extractive.Citations, answer.Citations);
    }

    [Fact]
    public async Task Input_the_guard_turns_away_never_reaches_the_model()
    {
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question("Сколько Meta потратила в 2025 году?"));

        Assert.True(answer.Abstained);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task When_the_model_refuses_without_reading_the_rest_a_confident_extractive_answer_is_sent_as_a_quote()
    {
        // the rule: answerability at least OverruleMargin above the engine's threshold → the extractive quote stands
        var hint = await new ModelContext(note.Engine.Answers, note.Engine.Search, new AzureOpenAIAnswerOptions()).HintAsync(new Question(CapexQuestion), default);
        Assert.True(hint.Answerability >= hint.Threshold + 0.01, $"{hint.Answerability} vs {hint.Threshold}");
        var margin = hint.Answerability!.Value - hint.Threshold!.Value;

        // the model refused having read only the question's passages (no second look): the rule applies
        _fake.ThenReply(AnswerGroundingValidator.AbstainToken);
        using (var lenient = NewEngine(o => { o.OverruleMargin = margin - 0.005; o.SecondLookCharacters = 0; }))
        {
            var answer = await lenient.AnswerAsync(new Question(CapexQuestion));
            Assert.False(answer.Abstained);
            Assert.Equal("extractive", answer.Source);
            Assert.False(answer.PhrasedByModel);
            Assert.Equal((await Extractive(CapexQuestion)).Text, answer.Text);
            Assert.Equal("Abstained", answer.Model!.Outcome);
        }

        _fake.ThenReply(AnswerGroundingValidator.AbstainToken);
        using (var strict = NewEngine(o => { o.OverruleMargin = margin + 0.005; o.SecondLookCharacters = 0; }))
        {
            var answer = await strict.AnswerAsync(new Question(CapexQuestion));
            Assert.True(answer.Abstained);
            Assert.Equal(GenerativeAnswerEngine.SourceName, answer.Source);
            Assert.DoesNotContain("$115B", answer.Text);
        }

        // a refusal after the second look, the rest of the note read, stands even against a confident extractive answer
        _fake.ThenReply(AnswerGroundingValidator.AbstainToken).ThenReply(AnswerGroundingValidator.AbstainToken);
        using (var afterSecondLook = NewEngine(o => o.OverruleMargin = margin - 0.005))
        {
            var answer = await afterSecondLook.AnswerAsync(new Question(CapexQuestion));
            Assert.True(answer.Abstained, answer.Text);
            Assert.Equal(GenerativeAnswerEngine.SourceName, answer.Source);
            Assert.Equal(2, answer.Model!.Requests);
        }

        // a second look that fails leaves the model's first, partial reading: the rule applies again
        _fake.ThenReply(AnswerGroundingValidator.AbstainToken).ThenError(HttpStatusCode.ServiceUnavailable, "ServerError", "busy");
        using (var failedSecondLook = NewEngine(o => o.OverruleMargin = margin - 0.005))
        {
            var answer = await failedSecondLook.AnswerAsync(new Question(CapexQuestion));
            Assert.False(answer.Abstained);
            Assert.Equal("extractive", answer.Source);
        }
    }

    [Fact]
    public async Task A_rejected_reply_to_a_question_the_extractive_engine_refuses_is_a_refusal_not_a_guess()
    {
        _fake.ThenReply(req => $"Meta guides 2026 capex to $150B [{req.SentPassages().Containing("$115B").Id}].");
        using var engine = NewEngine(extractive: new AbstainingAnswerEngine());

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.True(answer.Abstained);
        Assert.DoesNotContain("150", answer.Text);
        Assert.Equal("Rejected", answer.Model!.Outcome);
    }

    [Fact]
    public async Task Passages_sent_are_capped_by_count_and_characters()
    {
        _fake.ThenToolCall("Meta").ThenToolCall("Spark").ThenReply(AnswerGroundingValidator.AbstainToken).ThenReply(AnswerGroundingValidator.AbstainToken);
        using var engine = NewEngine(o => { o.MaxPassages = 6; o.InitialPassages = 4; o.InitialCharacters = 1500; o.MaxPassageCharacters = 2000; o.SecondLookCharacters = 2500; });

        await engine.AnswerAsync(new Question("What does the note say about Meta, Muse Spark, capex and glasses?"));

        Assert.Equal(4, _fake.Requests.Count);
        int Characters(IEnumerable<string> ids) => ids.Sum(id => note.Engine.Index.Get(id).Text.Length);
        var question = _fake.Requests[2].SentPassages(); // the question and both searches
        Assert.InRange(question.Count, 1, 6);
        Assert.True(Characters(question.Keys) <= 2000, $"{Characters(question.Keys)} characters sent");
        var secondLook = _fake.Requests[3].SentPassages().Keys.Except(question.Keys).ToList();
        Assert.NotEmpty(secondLook);
        Assert.True(Characters(secondLook) <= 2500, $"{Characters(secondLook)} characters sent on the second look");
    }

    [Fact]
    public async Task A_refusal_stands_only_after_a_second_look_at_the_rest_of_the_note()
    {
        // the question's own passages lack the answer; the second look brings the rest of the note, and the model answers from it
        string? firstIds = null, citedId = null;
        _fake.ThenReply(req => { firstIds = string.Join(",", req.SentPassages().Keys); return AnswerGroundingValidator.AbstainToken; })
            .ThenReply(req =>
            {
                var (id, quote) = req.SentPassages().Where(p => !firstIds!.Split(',').Contains(p.Key)).First() is var p ? (p.Key, p.Value) : default;
                citedId = id;
                return TestSupport.Echo(id, quote);
            });
        using var engine = NewEngine();

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal(2, _fake.Requests.Count);
        var second = _fake.Requests[1];
        // the refusal is in the history, then one more user message with passages only, and no tool may be called
        Assert.Contains(second.Messages, m => (string?)m!["role"] == "assistant" && RecordedRequest.MessageText(m!).Contains(AnswerGroundingValidator.AbstainToken));
        Assert.Contains("had not been given", second.ContentOf("user"));
        Assert.Equal("none", (string?)second.Json["tool_choice"]);
        // within the default budget the note is read whole: every paragraph and row, once
        var read = second.SentPassages().Keys.ToHashSet();
        var whole = note.Engine.Index.Model.Units.Select(u => u.Passage.Kind == PassageKind.Sentence && u.Passage.ParentId is { } parent ? parent : u.Id).ToHashSet();
        Assert.Subset(read, whole);
        Assert.False(answer.Abstained, answer.Text);
        Assert.Equal(GenerativeAnswerEngine.SourceName, answer.Source);
        Assert.Equal(Assert.Single(answer.Citations), note.Engine.Index.Get(citedId!).ToCitation());
        Assert.Equal(2, answer.Model!.Requests);
        Assert.Contains("a second look at", GenerativeLog);
    }

    [Fact]
    public async Task A_second_look_that_fails_leaves_the_models_refusal()
    {
        _fake.ThenReply(AnswerGroundingValidator.AbstainToken).ThenError(HttpStatusCode.InternalServerError, "ServerError", "The server had an error.");
        using var engine = NewEngine(extractive: new AnsweringAnswerEngine(note.Engine.Search));

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        // the model read the best passages and found nothing: that refusal stands, not the unsure extractive answer
        Assert.Equal(2, _fake.Requests.Count);
        Assert.True(answer.Abstained, answer.Text);
        Assert.Equal("Abstained", answer.Model!.Outcome);
        Assert.Contains("failed (HTTP 500", GenerativeLog);
    }

    [Fact]
    public async Task Without_a_second_look_the_first_refusal_stands()
    {
        _fake.ThenReply(AnswerGroundingValidator.AbstainToken);
        using var engine = NewEngine(o => o.SecondLookCharacters = 0);

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Single(_fake.Requests);
        Assert.True(answer.Abstained);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_failure_that_falls_back()
    {
        _fake.ThenReply("unused");
        using var engine = NewEngine(o => o.ApiKey = "wrong-key");

        var answer = await engine.AnswerAsync(new Question(CapexQuestion));

        Assert.Equal("extractive", answer.Source);
        Assert.Contains("HTTP 401", GenerativeLog);
    }
}

/// <summary>Answers compared by what a user sees (records compare lists by reference).</summary>
internal sealed class AnswerComparer : IEqualityComparer<Answer>
{
    public static readonly AnswerComparer Instance = new();

    public bool Equals(Answer? x, Answer? y) =>
        x is not null && y is not null && x.Text == y.Text && x.Abstained == y.Abstained && x.Source == y.Source
        && x.Citations.SequenceEqual(y.Citations) && x.Flags.SequenceEqual(y.Flags);

    public int GetHashCode(Answer obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
}
