using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MuseBot.Core.Answering;

/// <summary>A tuned number with the one-line reason it has the value it has.</summary>
public sealed record Tuned(double Value, string Reason);

/// <summary>
/// Every threshold of the answer engine, and the fitted answerability models, in one record read from
/// <c>tuning.json</c> (embedded in this assembly). Each threshold carries a one-line reason; the models are
/// written by <c>musebot tune</c>, which fits them on the tuning question sets — never on the validation set.
/// </summary>
public sealed class EngineTuning
{
    public const string ResourceName = "MuseBot.Core.Answering.tuning.json";

    [JsonPropertyName("thresholds")]
    public Dictionary<string, Tuned> Thresholds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The answerability models, by retrieval configuration ("semantic" with encoders, "lexical" without).</summary>
    [JsonPropertyName("answerability")]
    public Dictionary<string, AnswerabilityModel> Answerability { get; init; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public double this[string name] => Thresholds.TryGetValue(name, out var t)
        ? t.Value
        : throw new InvalidOperationException($"tuning.json has no threshold '{name}'.");

    /// <summary>A word in the unit's section title or table headers meets the question a little less than one it says.</summary>
    [JsonIgnore]
    public double ContextMatch => this[nameof(ContextMatch)];

    /// <summary>A question word whose best match in a unit is below this is unmet there.</summary>
    [JsonIgnore]
    public double UnmetBelow => this[nameof(UnmetBelow)];

    /// <summary>A word met only by another word of its stem is a different word when their contextual similarity is below this.</summary>
    [JsonIgnore]
    public double StemCollisionBelow => this[nameof(StemCollisionBelow)];

    /// <summary>Asked whether a claim is verified, a further quote's doubt answers only when the quote leaves less than this share of the claim's own words unmet.</summary>
    [JsonIgnore]
    public double DoubtOfClaimUnmet => this[nameof(DoubtOfClaimUnmet)];

    /// <summary>How many of the best-fused units the answerability model reranks.</summary>
    [JsonIgnore]
    public int Candidates => (int)this[nameof(Candidates)];

    /// <summary>At most this many quotes support one answer.</summary>
    [JsonIgnore]
    public int MaxQuotes => (int)this[nameof(MaxQuotes)];

    /// <summary>A further quote must be at least this likely to answer, relative to the first.</summary>
    [JsonIgnore]
    public double FurtherQuoteRatio => this[nameof(FurtherQuoteRatio)];

    /// <summary>A further quote's doubts flag the answer only when it is at least this likely to answer, relative to the first.</summary>
    [JsonIgnore]
    public double FlagQuoteRatio => this[nameof(FlagQuoteRatio)];

    /// <summary>A part of a multi-part question gets its own quote when another unit meets that part by this much more.</summary>
    [JsonIgnore]
    public double PartGain => this[nameof(PartGain)];

    /// <summary>"Does the note say X?" gets the closest passage without a verdict when the nearest unit leaves this share of X unmet.</summary>
    [JsonIgnore]
    public double NotSaidUnmet => this[nameof(NotSaidUnmet)];

    /// <summary>… and only when the question's most specific word is met at least this well, near the figure.</summary>
    [JsonIgnore]
    public double HeadlineWeakest => this[nameof(HeadlineWeakest)];

    /// <summary>A figure is a headline only when its clause carries at least this share of the question.</summary>
    [JsonIgnore]
    public double HeadlineAttachment => this[nameof(HeadlineAttachment)];

    /// <summary>A question names a whole table when its content words are mostly the table's title and headers.</summary>
    [JsonIgnore]
    public double TableCoverage => this[nameof(TableCoverage)];

    /// <summary>A table's figure is the measure a superlative asks about ("the biggest capacity") when its header
    /// and clause carry at least this share of the question's measure words.</summary>
    [JsonIgnore]
    public double MeasureCoverage => this[nameof(MeasureCoverage)];

    /// <summary>A figure question is refused when the unit the reranker finds likeliest has no figure of the kind asked
    /// and holds at least this share …</summary>
    [JsonIgnore]
    public double FigurelessLikeliest => this[nameof(FigurelessLikeliest)];

    /// <summary>… the best unit with such a figure holds under this share …</summary>
    [JsonIgnore]
    public double FigureUnlikely => this[nameof(FigureUnlikely)];

    /// <summary>… and its figure's clause carries under this share of the question.</summary>
    [JsonIgnore]
    public double FigureAttachedBelow => this[nameof(FigureAttachedBelow)];

    public static EngineTuning Default { get; } = Load();

    public static EngineTuning Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The engine's tuning record ({ResourceName}) is missing from the build.");
        return Parse(stream);
    }

    public static EngineTuning Parse(Stream json) =>
        JsonSerializer.Deserialize<EngineTuning>(json, JsonOptions) ?? throw new InvalidDataException("tuning.json is empty.");

    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
