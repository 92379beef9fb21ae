namespace MuseBot.Generative;

/// <summary>
/// The Azure OpenAI deployment that phrases answers. Bound from the "AzureOpenAI" configuration section; when
/// neither an endpoint nor a deployment is set, generative answers are off and the extractive answerer stays.
/// </summary>
public sealed class AzureOpenAIAnswerOptions
{
    public const string SectionName = "AzureOpenAI";

    /// <summary>"https://my-resource.openai.azure.com/".</summary>
    public string? Endpoint { get; set; }

    /// <summary>The chat model deployment's name, as created in the Azure portal.</summary>
    public string? Deployment { get; set; }

    /// <summary>API key; when empty, a managed identity (DefaultAzureCredential) is used.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The whole budget for one answer (every model request and search), after which the extractive answer is sent.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    /// <summary>At most this many passages are sent to the model for one question (initial ones and searches together).</summary>
    public int MaxPassages { get; set; } = 16;

    /// <summary>At most this many characters of passage text are sent for one question.</summary>
    public int MaxPassageCharacters { get; set; } = 6000;

    /// <summary>How many passages go with the question (the extractive engine's best first), leaving room for the model's own searches.</summary>
    public int InitialPassages { get; set; } = 12;

    /// <summary>At most this many characters of passage text go with the question; the rest of <see cref="MaxPassageCharacters"/> is for searches.</summary>
    public int InitialCharacters { get; set; } = 5000;

    /// <summary>
    /// Send each retrieved sentence in its whole paragraph (a paragraph once, not again with its own sentences),
    /// rather than the sentences alone: more context for the same ranking. Table rows go as they are.
    /// </summary>
    public bool Paragraphs { get; set; } = true;

    /// <summary>
    /// A second look before a refusal: when the model says NOT_IN_NOTE, it is sent up to this many more characters of
    /// the note (the passages ranked after those it read, then the rest of the note in its order) and asked once
    /// more, so that a refusal is its judgement on the whole note, not on the best dozen passages. Only refusals pay
    /// for it. 0 turns it off. The default covers the whole of a note of about 25,000 characters.
    /// </summary>
    public int SecondLookCharacters { get; set; } = 24000;

    /// <summary>
    /// When the model says NOT_IN_NOTE but the extractive engine answered with an answerability probability at least
    /// this far above its own threshold, the extractive answer (a quote from the note) is sent; otherwise the refusal.
    /// </summary>
    public double OverruleMargin { get; set; } = 0.27;

    /// <summary>How many times the model may call the note search for one question.</summary>
    public int MaxSearchCalls { get; set; } = 2;

    /// <summary>Upper bound on the tokens of the model's reply.</summary>
    public int MaxAnswerTokens { get; set; } = 500;

    /// <summary>True when the section asks for generative answers at all (an endpoint or a deployment is given).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) || !string.IsNullOrWhiteSpace(Deployment);

    public bool UsesManagedIdentity => string.IsNullOrWhiteSpace(ApiKey);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Throws with a message a person can act on when the settings cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
            throw new InvalidOperationException(
                $"{SectionName}:Endpoint is empty but {SectionName}:Deployment is set: set the endpoint (https://<resource>.openai.azure.com/) or remove the {SectionName} section to use extractive answers.");
        if (!Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException(
                $"{SectionName}:Endpoint '{Endpoint}' is not an absolute http(s) URL: use the form https://<resource>.openai.azure.com/.");
        if (string.IsNullOrWhiteSpace(Deployment))
            throw new InvalidOperationException(
                $"{SectionName}:Deployment is missing: set it to the name of the chat model deployment in your Azure OpenAI resource.");
        if (!(TimeoutSeconds > 0 && TimeoutSeconds <= 120))
            throw new InvalidOperationException($"{SectionName}:TimeoutSeconds must be between 0 and 120 (got {TimeoutSeconds}).");
        if (MaxPassages < 1 || InitialPassages < 1 || InitialPassages > MaxPassages)
            throw new InvalidOperationException(
                $"{SectionName}:MaxPassages ({MaxPassages}) and InitialPassages ({InitialPassages}) must be positive, with InitialPassages ≤ MaxPassages.");
        if (InitialCharacters < 200 || InitialCharacters > MaxPassageCharacters)
            throw new InvalidOperationException(
                $"{SectionName}:InitialCharacters ({InitialCharacters}) must be at least 200 and at most MaxPassageCharacters ({MaxPassageCharacters}).");
        if (!(OverruleMargin >= 0 && OverruleMargin <= 1))
            throw new InvalidOperationException($"{SectionName}:OverruleMargin must be between 0 and 1 (got {OverruleMargin}).");
        if (MaxPassageCharacters < 200)
            throw new InvalidOperationException($"{SectionName}:MaxPassageCharacters must be at least 200 (got {MaxPassageCharacters}).");
        if (SecondLookCharacters < 0 || SecondLookCharacters > 200_000)
            throw new InvalidOperationException($"{SectionName}:SecondLookCharacters must be between 0 (off) and 200000 (got {SecondLookCharacters}).");
        if (MaxSearchCalls < 0 || MaxSearchCalls > 10)
            throw new InvalidOperationException($"{SectionName}:MaxSearchCalls must be between 0 and 10 (got {MaxSearchCalls}).");
        if (MaxAnswerTokens < 50)
            throw new InvalidOperationException($"{SectionName}:MaxAnswerTokens must be at least 50 (got {MaxAnswerTokens}).");
    }
}
