using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using MuseBot.Contracts;

namespace MuseBot.Generative;

/// <summary>
/// With Azure OpenAI configured, the model decides: every question the input guard lets through goes to the model
/// with the note's best passages (the extractive engine's own first), including the questions the extractive
/// engine would refuse. The model's reply is checked (<see cref="AnswerGroundingValidator"/>) before anything is
/// sent; the model's NOT_IN_NOTE, with the check, decides a refusal. The extractive answer is the hint and the
/// fallback: sent when the model is slow, failing, filtered or ungrounded — and, by the one rule below, when the
/// model refuses what the extractive engine is sure of.
/// </summary>
public sealed partial class GenerativeAnswerEngine : IAnswerEngine, IDisposable
{
    public const string SourceName = "generative";
    public const string PromptResource = "MuseBot.Generative.Prompts.answer.md";
    private const int QuoteChars = 300;

    private readonly ModelContext _context;
    private readonly IPassageSearch _search;
    private readonly Kernel _kernel;
    private readonly AzureOpenAIAnswerOptions _options;
    private readonly ILogger _logger;
    private readonly IDisposable? _owned;

    public GenerativeAnswerEngine(IAnswerEngine extractive, IPassageSearch search, Kernel kernel, AzureOpenAIAnswerOptions options,
        ILogger<GenerativeAnswerEngine>? logger = null, IDisposable? owned = null)
    {
        _context = new ModelContext(extractive, search, options);
        _search = search;
        _kernel = kernel;
        _options = options;
        _logger = logger ?? NullLogger<GenerativeAnswerEngine>.Instance;
        _owned = owned;
    }

    /// <summary>The system prompt, from Prompts/answer.md embedded in this assembly.</summary>
    public static string SystemPrompt { get; } = LoadPrompt();

    /// <summary>
    /// Builds the engine on a Semantic Kernel with the Azure OpenAI chat connector. The connector's own retries
    /// are off when it is given an HttpClient, which is what keeps a 429 with a long Retry-After inside the budget.
    /// </summary>
    public static GenerativeAnswerEngine Create(AzureOpenAIAnswerOptions options, IAnswerEngine extractive, IPassageSearch search,
        ILoggerFactory? loggerFactory = null, HttpMessageHandler? handler = null)
    {
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        var httpClient = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // the per-answer budget cancels first; this only stops a request that outlives its answer
            Timeout = options.Timeout + TimeSpan.FromSeconds(2),
        };
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(loggerFactory);
        var endpoint = options.Endpoint!.Trim();
        var deployment = options.Deployment!.Trim();
        if (options.UsesManagedIdentity)
            builder.AddAzureOpenAIChatCompletion(deployment, endpoint, new DefaultAzureCredential(), httpClient: httpClient);
        else
            builder.AddAzureOpenAIChatCompletion(deployment, endpoint, options.ApiKey!.Trim(), httpClient: httpClient);
        return new GenerativeAnswerEngine(extractive, search, builder.Build(), options, loggerFactory.CreateLogger<GenerativeAnswerEngine>(), httpClient);
    }

    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        AnswerProgress.Report("Searching the note…");
        var hint = await _context.HintAsync(question, cancellationToken).ConfigureAwait(false);
        // Empty, oversized, non-English or wordless input: the guard's friendly reply, no model.
        if (!hint.Askable) return hint.Answer;

        var stats = new TurnStats();
        var clock = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.Timeout);
        try
        {
            var (reply, sent) = await AskModelAsync(question, hint, stats, budget.Token, cancellationToken).ConfigureAwait(false);
            var byId = sent.All.ToDictionary(p => p.Id);
            var check = AnswerGroundingValidator.Validate(reply, byId);
            var (answer, path) = check.Verdict switch
            {
                GroundingVerdict.Grounded => (Compose(question, check, byId), "model's answer sent"),
                GroundingVerdict.Abstained => Refusal(question, hint, stats.ReadTheRest),
                _ => Fallback(question, hint),
            };
            var call = LogTurn(check.Verdict.ToString(), path, check.Reason, check.DroppedSentences, stats, sent, clock.Elapsed, hint);
            // the follow-up as the extractive engine read it stays what the conversation remembers
            return answer with { Model = call, ReadAs = hint.Answer.ReadAs };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var (answer, path) = Fallback(question, hint);
            return answer with { Model = LogTurn("Timeout", path, $"no reply within {_options.TimeoutSeconds:0.#} s", 0, stats, null, clock.Elapsed, hint) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var (answer, path) = Fallback(question, hint);
            return answer with { Model = LogTurn("ModelError", path, Describe(ex), 0, stats, null, clock.Elapsed, hint) };
        }
    }

    /// <summary>
    /// The model says the note does not answer. The one rule: when the model said so after its second look at the rest
    /// of the note, its refusal stands — it has read what the extractive engine read and more. When it said so having
    /// read only the question's passages (the second look off, or failed), and the extractive engine answered with an
    /// answerability probability at least <see cref="AzureOpenAIAnswerOptions.OverruleMargin"/> (0.27) above its own
    /// decision threshold, the extractive answer is sent — a quote from the note, labelled as one, which the model may
    /// have missed; otherwise the refusal. The margin is where the extractive engine's false answers end on the tuning
    /// sets (`eval tests/eval/tuning.json --by-kind`: at 0.90 and above, 3% of the absent questions are answered, and
    /// 27% of the answerable ones; none reaches 0.95).
    /// </summary>
    private (Answer, string) Refusal(Question question, ExtractiveHint hint, bool afterSecondLook)
    {
        if (!afterSecondLook && hint.ConfidentBy(_options.OverruleMargin))
            return (hint.Answer with { Source = "extractive" }, "the model said NOT_IN_NOTE; the confident extractive answer sent");
        var text = hint.Answer.Abstained ? hint.Answer.Text : "The note does not say.\n\nType `sections` to see what the note covers.";
        // the extractive refusal may quote what the note does say ("No date — the note says …"): its markers keep their passages
        var citations = hint.Answer.Abstained ? hint.Answer.Citations : [];
        return (new Answer(question.Text, text, true, citations, []) { Source = SourceName }, "the model said NOT_IN_NOTE; refusal sent");
    }

    /// <summary>The model could not be used: the extractive engine's own decision stands, answer or refusal.</summary>
    private static (Answer, string) Fallback(Question question, ExtractiveHint hint) =>
        (hint.Answer, hint.Answer.Abstained ? "extractive refusal sent" : "extractive answer sent");

    /// <summary>Sends the question and passages, lets the model search a bounded number of times, returns its last words.</summary>
    private async Task<(string? Reply, SentPassages Sent)> AskModelAsync(Question question, ExtractiveHint hint, TurnStats stats, CancellationToken token, CancellationToken caller)
    {
        var sent = _context.Initial(hint);
        stats.Sent = sent;
        AnswerProgress.Report($"Reading {Plural(sent.All.Count, "passage")} from {Sections(sent.All)}…");

        var plugin = new NoteSearchPlugin(_search, sent, _options.MaxSearchCalls);
        var kernel = _kernel.Clone();
        kernel.Plugins.AddFromObject(plugin, NoteSearchPlugin.PluginName);
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var history = new ChatHistory(SystemPrompt);
        history.AddUserMessage(UserMessage(question, sent.All));

        // At most MaxSearchCalls + 1 requests: the last one may not call the tool, so it has to answer.
        for (int round = 0; ; round++)
        {
            bool maySearch = round < _options.MaxSearchCalls && plugin.Calls < _options.MaxSearchCalls;
            var settings = new AzureOpenAIPromptExecutionSettings
            {
                Temperature = 0,
                MaxTokens = _options.MaxAnswerTokens,
                FunctionChoiceBehavior = maySearch ? FunctionChoiceBehavior.Auto(autoInvoke: false) : FunctionChoiceBehavior.None(),
            };
            var reply = await chat.GetChatMessageContentAsync(history, settings, kernel, token).ConfigureAwait(false);
            stats.Requests++;
            stats.AddUsage(reply.Metadata);
            if (reply.Metadata?.TryGetValue("FinishReason", out var finish) == true && IsContentFilter(finish))
                throw new ContentFilteredException();

            var calls = FunctionCallContent.GetFunctionCalls(reply).ToList();
            if (calls.Count == 0 || !maySearch)
            {
                var content = reply.Content;
                if (IsRefusal(content, sent))
                    content = await SecondLookAsync(chat, kernel, history, reply, hint, sent, stats, token, caller).ConfigureAwait(false);
                var cited = AnswerGroundingValidator.CitedIds(content).Select(sent.Find).OfType<RetrievedPassage>().ToList();
                if (cited.Count > 0) AnswerProgress.Report($"Checking the figures against {Sections(cited)}…");
                return (content, sent);
            }

            // the model's query is its own text: not shown
            AnswerProgress.Report("Searching the note again…");
            history.Add(reply);
            foreach (var call in calls)
            {
                var result = call.PluginName == NoteSearchPlugin.PluginName && call.FunctionName == NoteSearchPlugin.FunctionName
                    ? await call.InvokeAsync(kernel, token).ConfigureAwait(false)
                    : new FunctionResultContent(call, "Unknown tool: the only tool is note-search.");
                history.Add(result.ToChatMessage());
            }
            stats.Searches = plugin.Calls;
        }
    }

    private static bool IsRefusal(string? reply, SentPassages sent) =>
        AnswerGroundingValidator.Validate(reply, sent.All.ToDictionary(p => p.Id)).Verdict == GroundingVerdict.Abstained;

    /// <summary>
    /// The model found no answer in the passages it read: before that stands as a refusal, it reads the rest of the
    /// note (<see cref="AzureOpenAIAnswerOptions.SecondLookCharacters"/>) and is asked once more, without tools. Only
    /// refusals pay for this request. If it fails or the budget runs out, the model's first reading stands: it read the
    /// best passages and found nothing, which is still a refusal (or, by the one rule, the confident extractive answer).
    /// </summary>
    private async Task<string?> SecondLookAsync(IChatCompletionService chat, Kernel kernel, ChatHistory history, ChatMessageContent refusal,
        ExtractiveHint hint, SentPassages sent, TurnStats stats, CancellationToken token, CancellationToken caller)
    {
        if (_options.SecondLookCharacters == 0) return refusal.Content;
        var more = sent.Extend(_context.Rest(hint), _options.SecondLookCharacters);
        if (more.Count == 0)
        {
            // nothing the budget can add: what the model read is all there is to read
            stats.ReadTheRest = true;
            return refusal.Content;
        }

        AnswerProgress.Report($"Reading {Plural(more.Count, "more passage")} of the note…");
        stats.SecondLook = more.Count;
        history.Add(refusal);
        history.AddUserMessage(SecondLookMessage(more));
        var settings = new AzureOpenAIPromptExecutionSettings
        {
            Temperature = 0,
            MaxTokens = _options.MaxAnswerTokens,
            FunctionChoiceBehavior = FunctionChoiceBehavior.None(),
        };
        try
        {
            var reply = await chat.GetChatMessageContentAsync(history, settings, kernel, token).ConfigureAwait(false);
            stats.Requests++;
            stats.AddUsage(reply.Metadata);
            if (reply.Metadata?.TryGetValue("FinishReason", out var finish) == true && IsContentFilter(finish))
                throw new ContentFilteredException();
            stats.ReadTheRest = true;
            return reply.Content;
        }
        catch (Exception ex) when (!caller.IsCancellationRequested)
        {
            stats.SecondLookFailure = ex is OperationCanceledException ? "no reply within the budget" : Describe(ex);
            return refusal.Content;
        }
    }

    /// <summary>The second look's user message: the further passages, then the same question to answer from all of them.</summary>
    public static string SecondLookMessage(IEnumerable<RetrievedPassage> passages) =>
        "More passages from the note, which you had not been given:\n<passages>\n" + SentPassages.Render(passages) +
        "\n</passages>\n\nAnswer the question above from all the passages you now have, by the same rules, or reply exactly " +
        AnswerGroundingValidator.AbstainToken + ".";

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    /// <summary>"§2, §7 and §9": where passages come from, in the note's words only.</summary>
    private static string Sections(IEnumerable<RetrievedPassage> passages)
    {
        var names = passages.Select(p => p.Citation.SectionNumber is { } n ? $"§{n}" : p.Citation.Title)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return names.Count switch
        {
            0 => "the note",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
        };
    }

    /// <summary>
    /// The user message: passages, then the question inside delimiters it cannot close (angle brackets in the
    /// user's text are replaced), so the model can tell data from instructions.
    /// </summary>
    public static string UserMessage(Question question, IEnumerable<RetrievedPassage> passages)
    {
        var sb = new StringBuilder();
        sb.Append("Passages from the note:\n<passages>\n").Append(SentPassages.Render(passages)).Append("\n</passages>\n\n");
        if (!string.IsNullOrWhiteSpace(question.PreviousQuestion))
            sb.Append("<previous_question>\n").Append(Neutralize(question.PreviousQuestion)).Append("\n</previous_question>\n");
        sb.Append("<question>\n").Append(Neutralize(question.Text)).Append("\n</question>");
        return sb.ToString();
    }

    private static string Neutralize(string userText) => userText.Replace('<', '‹').Replace('>', '›').Trim();

    /// <summary>The checked reply in the Answer contract: [n] markers into Citations, quotes after, flags from the note's tags.</summary>
    private Answer Compose(Question question, GroundingResult check, IReadOnlyDictionary<string, RetrievedPassage> byId)
    {
        var marker = check.CitedIds.Select((id, i) => (id, n: i + 1)).ToDictionary(x => x.id, x => x.n);
        var sb = new StringBuilder();
        foreach (var line in check.Lines)
            sb.AppendLine(string.Join(" ", line.Select(s => WithMarkers(s, marker))));
        sb.AppendLine();
        foreach (var id in check.CitedIds)
            sb.Append("> \"").Append(AnswerFormatting.Shorten(byId[id].Citation.Quote, QuoteChars)).Append("\" [").Append(marker[id]).Append("]\n");

        var citations = check.CitedIds.Select(id => byId[id].Citation).ToList();
        var flags = check.CitedIds.SelectMany(_context.FlagsFor)
            .DistinctBy(f => (f.Section, f.Reason)).ToList();
        return new Answer(question.Text, sb.ToString().TrimEnd(), false, citations, flags) { Source = SourceName };
    }

    private static string WithMarkers(GroundedSentence sentence, IReadOnlyDictionary<string, int> marker)
    {
        var marks = string.Concat(sentence.CitedIds.Select(id => $"[{marker[id]}]"));
        var text = sentence.Text;
        return text.Length > 0 && ".!?".Contains(text[^1]) ? $"{text[..^1]} {marks}{text[^1]}" : $"{text} {marks}";
    }

    private ModelCall LogTurn(string outcome, string path, string? reason, int dropped, TurnStats stats, SentPassages? sent, TimeSpan elapsed, ExtractiveHint hint)
    {
        sent ??= stats.Sent;
        MuseBotTelemetry.RecordModelCall(outcome, stats.Requests, stats.PromptTokens, stats.CompletionTokens, elapsed);
        var level = outcome is nameof(GroundingVerdict.Grounded) or nameof(GroundingVerdict.Abstained) ? LogLevel.Information : LogLevel.Warning;
        _logger.Log(level,
            "Generative answer {Outcome} ({Path}) in {Ms} ms: {Requests} model request(s), {Searches} search(es), {Passages} passages / {Chars} chars sent, tokens {PromptTokens} prompt + {CompletionTokens} completion, {Dropped} uncited sentence(s) dropped{SecondLook}, extractive {Extractive} at {Answerability}{Reason}",
            outcome, path, (long)elapsed.TotalMilliseconds, stats.Requests, stats.Searches,
            sent?.All.Count ?? 0, sent?.Characters ?? 0, stats.PromptTokens, stats.CompletionTokens, dropped,
            stats.SecondLook == 0 ? "" : $", a second look at {stats.SecondLook} more passages{(stats.SecondLookFailure is { } f ? $" failed ({f}); the first reading stands" : "")}",
            hint.Answer.Abstained ? "refused" : "answered", hint.Answerability is { } p ? p.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "n/a",
            reason is null ? "" : $"; {reason}");
        return new ModelCall(outcome, elapsed, stats.PromptTokens, stats.CompletionTokens, stats.Requests);
    }

    // "content_filter" on the wire; the connector surfaces it as ChatFinishReason.ContentFilter
    private static bool IsContentFilter(object? finishReason) =>
        finishReason?.ToString()?.Replace("_", "", StringComparison.Ordinal).Equals("contentfilter", StringComparison.OrdinalIgnoreCase) == true;

    private static string Describe(Exception ex) => ex switch
    {
        ContentFilteredException => "the model's content filter stopped the reply",
        HttpOperationException { StatusCode: HttpStatusCode.TooManyRequests } h => $"throttled (429){RetryAfter(h)}",
        HttpOperationException { StatusCode: HttpStatusCode.BadRequest } h when h.ResponseContent?.Contains("content_filter", StringComparison.OrdinalIgnoreCase) == true
            => "the content filter rejected the prompt (400 content_filter)",
        HttpOperationException { StatusCode: { } code } => $"HTTP {(int)code} {code}",
        HttpOperationException h => $"no response: {h.InnerException?.GetType().Name ?? h.GetType().Name}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private static string RetryAfter(HttpOperationException ex) =>
        ex.InnerException is System.ClientModel.ClientResultException { } cre
        && cre.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var after) == true
            ? $", Retry-After {after} s not waited for"
            : "";

    private static string LoadPrompt()
    {
        using var stream = typeof(GenerativeAnswerEngine).Assembly.GetManifestResourceStream(PromptResource)
            ?? throw new InvalidOperationException($"The prompt resource {PromptResource} is missing from {typeof(GenerativeAnswerEngine).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }

    public void Dispose() => _owned?.Dispose();

    private sealed class ContentFilteredException() : Exception("content filtered");

    private sealed class TurnStats
    {
        public int Requests;
        public int Searches;
        public int SecondLook;
        public string? SecondLookFailure;
        /// <summary>The model has read everything the second look could send: its refusal is final.</summary>
        public bool ReadTheRest;
        public long PromptTokens;
        public long CompletionTokens;
        public SentPassages? Sent;

        public void AddUsage(IReadOnlyDictionary<string, object?>? metadata)
        {
            if (metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage u)
            {
                PromptTokens += u.InputTokenCount;
                CompletionTokens += u.OutputTokenCount;
            }
        }
    }
}
