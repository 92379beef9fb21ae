using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>A logistic model over named features, fitted on labelled tuning questions and stored as data.</summary>
public sealed class LogisticModel
{
    [JsonPropertyName("features")] public string[] Features { get; init; } = [];
    [JsonPropertyName("mean")] public double[] Mean { get; init; } = [];
    [JsonPropertyName("scale")] public double[] Scale { get; init; } = [];
    [JsonPropertyName("weights")] public double[] Weights { get; init; } = [];
    [JsonPropertyName("bias")] public double Bias { get; init; }

    /// <summary>The linear score (log-odds).</summary>
    public double Score(double[] features)
    {
        if (features.Length != Weights.Length)
            throw new InvalidOperationException($"A fitted model expects {Weights.Length} features, got {features.Length}: run `musebot tune --write`.");
        double z = Bias;
        for (int i = 0; i < features.Length; i++) z += Weights[i] * (features[i] - Mean[i]) / Scale[i];
        return z;
    }

    public double Probability(double[] features) => 1 / (1 + Math.Exp(-Score(features)));

    /// <summary>A softmax over a question's candidates: how likely each is to be the one that answers.</summary>
    public double[] Softmax(IReadOnlyList<double[]> candidates)
    {
        var s = candidates.Select(Score).ToArray();
        if (s.Length == 0) return s;
        double max = s.Max();
        var e = s.Select(x => Math.Exp(x - max)).ToArray();
        double sum = e.Sum();
        return e.Select(x => x / sum).ToArray();
    }
}

/// <summary>
/// The two fitted models behind one calibrated answer-or-refuse decision: <see cref="Rerank"/> (a conditional
/// logit, softmax over a question's candidates) scores how likely each retrieved unit is to be the one that answers; <see cref="Decide"/> reads the best unit's evidence and the question
/// and gives the probability that the note answers at all. The engine answers at or above <see cref="Threshold"/>.
/// </summary>
public sealed class AnswerabilityModel
{
    [JsonPropertyName("rerank")] public LogisticModel Rerank { get; init; } = new();
    [JsonPropertyName("decide")] public LogisticModel Decide { get; init; } = new();
    [JsonPropertyName("threshold")] public double Threshold { get; init; } = 0.5;

    /// <summary>What it was fitted on and how it scored there, cross-validated, for the record.</summary>
    [JsonPropertyName("fitted")] public string Fitted { get; init; } = "";

    /// <summary>
    /// Ranks a question's candidates and gives the probability that the note answers it. For a figure, a date or a
    /// duration, only a unit whose answer is of the kind asked, for the thing and the period asked, can answer:
    /// such units rank first, and with none the note does not answer (probability 0) — a figure that belongs to
    /// another compared thing or another period is never handed over, whatever the scores say.
    /// </summary>
    public Ranking Rank(QuestionFrame q, IReadOnlyList<double[]> candidates)
    {
        var shares = Rerank.Softmax(candidates);
        var scores = candidates.Select(Rerank.Score).ToArray();
        var admissible = candidates.Select(f => AnswerabilityFeatures.Admissible(q, f)).ToArray();
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(i => admissible[i]).ThenByDescending(i => shares[i]).ToList();
        bool any = admissible.Any(a => a);
        double answerable = !any || order.Count == 0 || Decide.Weights.Length == 0 ? 0
            : Decide.Probability(AnswerabilityFeatures.Decision(q, order.Select(i => (shares[i], scores[i], candidates[i])).ToList()));
        return new Ranking(order, shares, scores, answerable);
    }
}

/// <summary>Candidates in answer order (indexes into the candidate list), their reranker shares and scores, and
/// the probability that the note answers the question.</summary>
public sealed record Ranking(IReadOnlyList<int> Order, double[] Shares, double[] Scores, double Answerable);

/// <summary>The features the answerability model reads for one (question, unit) pair; all general, none about a note.</summary>
public static partial class AnswerabilityFeatures
{
    public static readonly string[] Names =
    [
        "dense",        // retrieval-model cosine of question and unit
        "dense_z",      // how far that sets the unit apart from the rest
        "context",      // retrieval-model cosine of question and the unit's paragraph or table
        "second",       // alignment-model cosine of question and unit (a second opinion)
        "second_ctx",   // alignment-model cosine of question and the unit's paragraph or table
        "late",         // late-interaction coverage of the question's content
        "late_z",
        "bm25_z",
        "lexical",      // weighted share of the content met by the same words
        "unmet",        // weighted share of the content the unit leaves unmet
        "weakest",      // the worst-met of the question's most specific words
        "unknown",      // weighted share of the content the note never uses anywhere
        "unknown_name", // the question names something (a name, or a word that is not ordinary English) the note never uses
        "type",         // the unit holds the kind of answer asked for (a date, a figure, a name)
        "period",       // the period asked about is the answer's (its clause's, or the unit's)
        "peer",         // the compared thing asked about is the answer's, not another's
        "names",        // share of the question's names the unit says
        "label",        // share of the question's content in the row's label ("Modes", "Capex commitment")
        "factoid",      // the question asks for a figure, a date or a person
        "yesno",        // the question asks yes or no
        "list",         // the question asks which or what are
        "f_attach",     // factoid: how much of the question the answer's own clause carries
        "f_weakest",    // factoid: the worst-met specific word, counting the answer's own clause fully and the rest half
        "slot",         // the thing asked for ("how many GPUs") is met: beside the answer's figure or date for a factoid, in the unit otherwise
        "top",          // the best-fused unit
        "row",          // a table row
        "trailer",      // a line of the note's closing source list, not its argument
        "table_row",    // a table row, for a question that names a table ("per the features grid")
    ];

    public static double[] Of(QuestionFrame q, Candidate c, EngineTuning tuning, Func<string, bool> noteHas)
    {
        var content = q.Focus.Select((f, i) => (f, m: c.Matches[i])).Where(x => !x.f.IsFrame).ToList();
        double total = content.Sum(x => x.f.Weight);
        double lexical = total > 0 ? content.Where(x => x.m.Exact).Sum(x => x.f.Weight) / total : 0;
        double unmet = total > 0 ? content.Where(x => x.m.Score < tuning.UnmetBelow).Sum(x => x.f.Weight) / total : 0;
        double maxWeight = content.Count > 0 ? content.Max(x => x.f.Weight) : 0;
        double weakest = content.Where(x => x.f.Weight >= maxWeight / 2).Select(x => x.m.Score).DefaultIfEmpty(1).Min();
        double unknown = total > 0 ? content.Where(x => !x.f.InNote).Sum(x => x.f.Weight) / total : 0;
        // a name the note never uses ("Zuckerberg", "DeepSeek"): written as a name, and no part of it the note's
        bool unknownName = content.Any(x => x.f.IsName && !x.f.InNote && !x.f.Word.Any(char.IsDigit)
                                            && x.f.Word.Split('-', '/').All(part => Terms.OfWord(part.ToLowerInvariant()).All(t => !noteHas(t))));
        var fit = Fit(q, c);
        // a compared thing's name is said where the unit gives every compared thing asked a clause of its own, though
        // it calls one "it" ("… places it at 52, behind Zeta at 57")
        var names = content.Where(x => x.f.IsName).ToList();
        double namesMet = names.Count == 0 ? 1 : (double)names.Count(x => x.m.Exact || (fit.Peer >= 1 && q.PeerWords.Contains(x.f.Key))) / names.Count;
        var labelTerms = c.Unit.LabelTerms;
        double label = total > 0 && labelTerms.Count > 0 ? content.Where(x => x.f.Terms.Any(labelTerms.Contains)).Sum(x => x.f.Weight) / total : 0;
        bool factoid = q.Type is AnswerType.Quantity or AnswerType.Date or AnswerType.Duration or AnswerType.Person;

        return
        [
            c.Dense, c.DenseZ, c.Context, c.Second, c.SecondContext, c.Late, c.LateZ, c.Bm25Z, lexical, unmet, weakest, unknown, unknownName ? 1 : 0,
            fit.Type, fit.Period, fit.Peer, namesMet, label,
            factoid ? 1 : 0, q.Type == AnswerType.YesNo ? 1 : 0, q.Type == AnswerType.List ? 1 : 0,
            factoid ? fit.Attach : 0, factoid ? fit.Weakest : 0, fit.Slot,
            c.Rank == 0 ? 1 : 0, c.Unit.IsRow ? 1 : 0, int.TryParse(c.Unit.Passage.Section, out _) ? 0 : 1,
            c.Unit.IsRow && q.Focus.Any(f => Language.English.TableNouns.Contains(f.Key)) ? 1 : 0,
        ];
    }

    /// <summary>A candidate that can give the answer: any for a description; for a figure, date or duration, one of
    /// the kind asked, that says every name the question uses, belonging to the compared thing asked about (when the
    /// question names one), for the period asked (when it names one).</summary>
    public static bool Admissible(QuestionFrame q, double[] features)
    {
        double F(string name) => features[Array.IndexOf(Names, name)];
        // a place: only a unit that names one, and every name the question uses, can say where that is
        if (q.Type == AnswerType.Place) return F("type") > 0 && F("names") >= 1;
        if (q.Type is not (AnswerType.Quantity or AnswerType.Date or AnswerType.Duration)) return true;
        // every name the question uses is in the unit: a figure for something it does not name is someone else's
        return F("type") > 0 && F("names") >= 1 && F("peer") >= (q.Peers.Count > 0 ? 1 : 0.5) && F("period") >= (q.Periods.Count > 0 ? 1 : 0.5);
    }

    /// <summary>
    /// For a figure or a span asked ("what % tamper awareness did the lab measure?"), the candidate the reranker finds
    /// likeliest when it cannot give one of the kind asked: it holds at least <see cref="EngineTuning.FigurelessLikeliest"/>
    /// of the share, while the best candidate that can holds under <see cref="EngineTuning.FigureUnlikely"/> and its
    /// figure's clause carries under <see cref="EngineTuning.FigureAttachedBelow"/> of the question. The note speaks of
    /// the thing asked there, without the figure; the other unit's figure belongs to something else. Null otherwise.
    /// </summary>
    public static int? FigurelessLikeliest(QuestionFrame q, IReadOnlyList<double[]> candidates, IReadOnlyList<double> shares,
                                           double[] best, double bestShare, EngineTuning tuning)
    {
        // "what don't we know about how much demand Zeta creates?": a figure asked inside another question asks what the
        // note says of it, which the likeliest unit may well say
        if (q.Type is not (AnswerType.Quantity or AnswerType.Duration) || candidates.Count == 0 || FigureAskedInsideRegex().IsMatch(q.Text)
            || !Admissible(q, best)) return null;
        int likeliest = Enumerable.Range(0, candidates.Count).MaxBy(i => shares[i]);
        return Admissible(q, candidates[likeliest]) || shares[likeliest] < tuning.FigurelessLikeliest || bestShare >= tuning.FigureUnlikely
               || best[Array.IndexOf(Names, "f_attach")] >= tuning.FigureAttachedBelow ? null : likeliest;
    }

    [GeneratedRegex(@"^\W*(?:what|which|who|why|where)\b.*\bhow\s+(?:much|many|long|big|fast)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FigureAskedInsideRegex();

    /// <summary>The unit's answer is of the very kind asked (money for money), not merely a figure.</summary>
    public static bool KindFits(double[] features) => features[Array.IndexOf(Names, "type")] >= 1;

    /// <summary>What the decision model reads: the best unit's likelihood and evidence, and the question's own traits.</summary>
    public static readonly string[] DecisionNames =
    [
        "p_best",       // the reranker's share for the best unit (softmax over the candidates)
        "p_margin",     // how far ahead of the second it is
        "s_best",       // the reranker's raw score for the best unit: how good it looks in absolute terms
        "lexical", "unmet", "weakest", "unknown", "unknown_name", "type", "period", "peer", "names", "label",
        "factoid", "yesno", "list", "f_attach", "f_weakest", "slot", "dense", "late",
        "precise",      // the question asks for a precise detail ("exact", "specifically", "breakdown")
        "nf_weakest",   // not a factoid: the worst-met specific word of the question in the best unit
        "nf_unmet",     // not a factoid: the share of the question the best unit leaves unmet
    ];

    /// <summary>Which way each candidate feature may push (+1 evidence for, -1 against, 0 free): more of the question
    /// met never makes a unit less likely, whatever quirk a tuning set has.</summary>
    public static readonly int[] Signs = Names.Select(SignOf).ToArray();

    public static readonly int[] DecisionSigns = DecisionNames.Select(SignOf).ToArray();

    private static int SignOf(string name) => name switch
    {
        "unmet" or "unknown" or "unknown_name" or "nf_unmet" or "precise" => -1,
        "factoid" or "yesno" or "list" or "row" or "trailer" => 0,
        _ => 1,
    };

    /// <summary>The decision features, from the reranked candidates (best first) and their candidate features.</summary>
    public static double[] Decision(QuestionFrame q, IReadOnlyList<(double P, double Score, double[] Features)> ranked)
    {
        var best = ranked[0];
        double margin = ranked.Count > 1 ? best.P - ranked[1].P : best.P;
        double F(string name) => best.Features[Array.IndexOf(Names, name)];
        double other = 1 - F("factoid");
        // a precise detail asked ("the exact 2025 capex") counts against answering unless the best unit gives a figure
        // that fits it whole, every word of the question met: that is the very detail
        double precise = q.Precise ? 1 - F("factoid") * F("f_attach") * F("weakest") : 0;
        return [best.P, margin, best.Score, .. DecisionNames.Skip(3).SkipLast(3).Select(F), precise, other * F("weakest"), other * F("unmet")];
    }

    public readonly record struct AnswerFit(double Type, double Attach, double Weakest, double Period, double Peer, double Slot);

    /// <summary>How the unit's best answer of the question's type fits it: type, attachment, period and peer.</summary>
    public static AnswerFit Fit(QuestionFrame q, Candidate c)
    {
        var unit = c.Unit;
        double unitPeriod = FigureAttachment.PeriodFit(q.Periods, unit.Dates.Select(d => d.Period).ToList());
        double unitPeer = q.Peers.Count == 0 ? 1 : unit.Peers.Any(q.Peers.Contains) ? 1
            : unit.Peers.Any(p => q.Peers.Any(x => x.Group == p.Group)) ? 0 : 0.5;
        // the thing asked for, met anywhere in the unit (the worst-met slot word)
        double unitSlot = q.Focus.Select((f, i) => (f, i)).Where(x => x.f.IsSlot).Select(x => c.Matches[x.i].Score).DefaultIfEmpty(1).Min();
        Attached? best = q.Type switch
        {
            AnswerType.Quantity or AnswerType.Duration => FigureAttachment.Figures(q, unit, c.Matches).FirstOrDefault(f => q.Type != AnswerType.Duration || f.KindFits),
            AnswerType.Date => FigureAttachment.Dates(q, unit, c.Matches) is [var d, ..] ? d : null,
            _ => null,
        };
        return q.Type switch
        {
            AnswerType.Quantity or AnswerType.Duration or AnswerType.Date when best is null => new AnswerFit(0, 0, 0, unitPeriod, unitPeer, 0),
            AnswerType.Quantity or AnswerType.Duration or AnswerType.Date =>
                new AnswerFit(best!.KindFits ? 1 : 0.5, best.Attachment, best.Weakest, best.PeriodFits, best.OwnerFits, best.Slot),
            AnswerType.Person => new AnswerFit(unit.OpensWithName || unit.Words.Skip(1).Any(w => char.IsUpper(w.Text[0])) ? 1 : 0, c.Late, 0, unitPeriod, unitPeer, unitSlot),
            // a place the question does not itself name ("where is Zeta?" is not answered by "Zeta")
            AnswerType.Place => new AnswerFit(unit.Places.Any(p => !q.Focus.Any(f => f.Key == FocusWord.KeyOf(p))) ? 1 : 0, c.Late, 0, unitPeriod, unitPeer, unitSlot),
            // "did Acme launch in March 2026?" read with its date as the claim: a unit that dates an event can settle it
            AnswerType.YesNo when q.StatedDates.Count > 0 => new AnswerFit(unit.Dates.Any(d => d.HasMonth) ? 1 : 0, c.Late, 0, unitPeriod, unitPeer, unitSlot),
            _ => new AnswerFit(1, c.Late, 0, unitPeriod, unitPeer, unitSlot),
        };
    }
}
