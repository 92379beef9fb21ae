using System.Text.RegularExpressions;
namespace MuseBot.Core.Language;

/// <summary>
/// General English the engine needs to read a question: function words, the words that frame a question or name
/// the kind of answer wanted, chat shorthand. Nothing here is about any one note; what is specific to a note is
/// derived from it at index time or read from the glossary beside it (<see cref="Understanding.Glossary"/>).
/// </summary>
public static partial class English
{
    /// <summary>Function words and conversational filler, lower-case surface forms.</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "myself",
        "more", "most", "least", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "ourselves", "yourself", "yourselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your", "yours", "whose", "let", "lets", "us", "ok", "okay", "please", "pls", "plz", "thanks", "thank",
        "thx", "hey", "hi", "hello", "lol", "btw", "fyi", "quick", "quickly", "actually", "really", "basically",
        "wait", "hmm", "hmmm", "um", "umm", "uh", "oh",
        "exactly", "kinda", "sort", "gonna", "wanna", "also", "yet", "still", "ever", "even", "anything", "something",
        "whats", "what's", "whos", "who's", "hows", "how's", "wheres", "where's", "whens", "when's", "thats", "that's",
        "im", "i'm", "u", "ur", "r", "ya", "yeah", "yes", "yep", "nope", "nah", "pretty", "much", "many", "like", "get", "got",
        "getting", "one", "ones", "thing", "things", "stuff", "someone", "anyone", "everyone", "right", "may", "might",
        "must", "shall", "can't", "cannot", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
        "won't", "hasn't", "haven't", "hadn't", "wouldn't", "couldn't", "shouldn't", "mustn't", "needn't", "ain't",
        "should've", "there's", "it's", "one's", "s", "d", "ll", "re", "ve", "t",
        // the same typed without the apostrophe, as chat does
        "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "wouldnt",
        "couldnt", "shouldnt",
        "whether", "via", "per", "vs", "versus", "etc", "eg", "e.g", "ie", "i.e", "around", "among", "across",
        "within", "without", "upon", "onto", "toward", "towards", "since", "ago", "far", "any", "every", "another",
        "overall", "currently", "today", "tell", "know", "want", "need", "say", "says", "said", "saying", "mention", "mentions",
        "mentioned", "give", "gives", "given", "make", "makes", "made", "put", "go", "goes", "going", "went", "come",
        "look", "see", "think", "wondering", "curious", "client", "clients", "asking", "asked", "ask", "question",
        "answer", "someone's", "guys", "folks", "note", "report", "doc", "document", "paper", "write-up", "writeup", "memo", "analyst", "analysts",
        "author", "authors", "according", "regarding", "wrt", "explain", "eli5",
        // a hedge on the figure asked says how exact the answer may be, not what it is: "roughly how many users?"
        "roughly", "approximately", "approx", "ballpark", "circa",
        // so does a word saying the figure is the reported one, not a forecast: "2025 actual vs the 2026 guide"
        "actual", "actuals",
        // a light verb says nothing of what is asked: "how many months did the rebuild take?"
        "take", "takes", "took", "taken", "taking",
    };

    /// <summary>Whom an answer is for and what it goes into ("for a client <b>deck</b>", "for my <b>boss</b>", "for the
    /// <b>call</b>"): said at a question's end, they ask nothing of the note.</summary>
    public static readonly HashSet<string> AudienceNouns = new(StringComparer.Ordinal)
    {
        "deck", "decks", "slide", "slides", "call", "calls", "meeting", "meetings", "email", "emails", "memo", "memos",
        "presentation", "presentations", "pitch", "client", "clients", "customer", "customers", "boss", "manager", "team",
        "update", "newsletter", "brief", "briefing", "standup", "stand-up", "chat", "thread", "post", "notes", "cheat-sheet",
    };

    /// <summary>Words that ask (wh-words and auxiliaries at the start of a question).</summary>
    public static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "when", "where", "which", "who", "whom", "whose", "why", "how", "does", "do", "did", "is", "are", "was",
        "were", "can", "could", "has", "have", "had", "will", "would", "should",
    };

    /// <summary>Words that set figures or things against each other ("higher", "wins", "beats"): comparing asks which
    /// is more, not about "comparison" itself.</summary>
    public static readonly HashSet<string> ComparingWords = new(StringComparer.Ordinal)
    {
        "compare", "compares", "compared", "comparing", "comparison", "higher", "lower", "bigger", "larger", "smaller",
        "better", "worse", "faster", "slower", "longer", "shorter", "greater", "wins", "win", "winner", "leads", "ahead",
        // "by how many points does Zeta beat Acme?": points count the gap between two scores, and beating is the comparison
        "points", "beat", "beats", "beating",
        // so do the other verbs that say one figure is above or below another ("does the 2026 low end exceed 2025?")
        "exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "outstrip", "outstrips", "outstripped",
        "outperform", "outperforms", "outperformed", "outscore", "outscores", "outscored", "trail", "trails", "trailed", "trailing",
    };

    /// <summary>
    /// Nouns that name the kind of answer wanted rather than what it is about: "what <b>date</b>", "the <b>number</b>",
    /// "what <b>score</b>". They set the answer type; they are not required to appear in the answer's words.
    /// </summary>
    public static readonly HashSet<string> AnswerTypeNouns = new HashSet<string>(StringComparer.Ordinal)
    {
        "date", "day", "month", "year", "number", "numbers", "figure", "figures", "amount", "amounts", "value",
        "values", "score", "scores", "scored", "scoring", "stat", "stats", "metric", "metrics", "name", "names", "kind", "kinds", "type",
        "types", "detail", "details", "info", "information", "fact", "facts", "percentage", "percent", "list",
        "summary", "takeaway", "takeaways", "row", "rows", "column", "columns", "table", "tables", "section", "sections",
        "exact", "specific", "specifically", "range", "result", "results", "size", "sizes", "count",
        // a view asked for ("thoughts on Zeta?") is about Zeta
        "thoughts", "opinion", "opinions", "views",
    }.Union(ComparingWords).ToHashSet(StringComparer.Ordinal);

    /// <summary>Nouns for organisations, singular: "which <b>companies</b> …?" asks for them by name.</summary>
    public static readonly HashSet<string> OrganisationNouns = new(StringComparer.Ordinal)
    {
        "company", "firm", "partner", "customer", "client", "vendor", "supplier", "publisher", "lab", "startup", "brand",
        "organisation", "organization", "bank", "provider", "outlet", "newspaper", "enterprise", "business",
        "investor", "regulator", "university", "agency", "advertiser", "chipmaker", "manufacturer", "government", "insurer",
        "lender", "consultancy", "fund", "retailer", "carrier", "distributor", "contractor", "automaker", "broker",
    };

    /// <summary>Nouns that ask when, as a whole ("any <b>timeline</b>?", "<b>eta</b>?").</summary>
    public static readonly HashSet<string> TimingNouns = new(StringComparer.Ordinal) { "timeline", "timelines", "timing", "eta", "timeframe" };

    /// <summary>Nouns that name an amount of change ("a 3% <b>lift</b>"): a phrase ending in one asks how much.</summary>
    public static readonly HashSet<string> ChangeNouns = new(StringComparer.Ordinal)
    {
        "growth", "increase", "rise", "jump", "lift", "gain", "boost", "uplift", "bump", "improvement", "drop", "decline", "decrease",
    };

    /// <summary>
    /// Verbs and nouns of change. In a question asking for a figure ("by what percent did clicks rise?", "how much did
    /// conversions improve?") they name the kind of figure, a change, the way "percent" does; the note may say it with
    /// another ("a 4% gain"), and the figure's own clause need not repeat the asker's word. Built on
    /// <see cref="ChangeNouns"/>, declared before it, so that a noun of change is never missing from it.
    /// </summary>
    public static readonly HashSet<string> ChangeWords = new(ChangeNouns.Concat(
    [
        "rises", "rose", "risen", "rising", "grow", "grows", "grew", "grown", "growing",
        "increases", "increased", "increasing", "improve", "improves", "improved", "improving",
        "jumps", "jumped", "climb", "climbs", "climbed", "fall", "falls", "fell", "fallen", "drops",
        "dropped", "declines", "declined", "decreased", "shrink", "shrank", "gains",
        "gained", "lifts", "lifted", "boosted", "change", "changed", "move", "moved",
        "bumps", "bumped", "uplifts",
    ]), StringComparer.Ordinal);

    /// <summary>Nouns for how far apart two things are ("the <b>gap</b> between Acme and Zeta on X"): asked of two compared
    /// things, the kind of answer (their two figures), not a word the note must say.</summary>
    public static readonly HashSet<string> DifferenceNouns = new(StringComparer.Ordinal)
    {
        "gap", "gaps", "difference", "differences", "delta", "spread", "margin",
    };

    /// <summary>Words that say two figures differ without saying which way ("how far <b>apart</b>", "by how much does
    /// Zeta <b>edge</b> Acme?").</summary>
    public static readonly HashSet<string> GapVerbs = new(StringComparer.Ordinal) { "apart", "edge", "edges", "edged", "separates", "separate" };

    /// <summary>Verbs that say only that an event took place ("when did the deal <b>happen</b>?"): in a when-question
    /// they ask the event's date, and are no word the note must say.</summary>
    public static readonly HashSet<string> EventVerbs = new(StringComparer.Ordinal)
    {
        "happen", "happens", "happened", "occur", "occurs", "occurred", "transpire", "transpired",
    };

    /// <summary>Verbs that say a thing that goes on began ("X <b>started</b> on May 4?"): a date claimed for the
    /// start is checked against the note's date of the thing, which the note may give as "effective" or "from".</summary>
    public static readonly HashSet<string> BeginningVerbs = new(StringComparer.Ordinal)
    {
        "start", "starts", "started", "begin", "begins", "began", "begun", "commence", "commenced",
    };

    /// <summary>A change said with a verb and its particle ("did clicks <b>go up</b>?", "<b>went down</b>"), whose
    /// words alone are no word of change.</summary>
    public static bool SaysPhrasalChange(string text) => PhrasalChangeRegex().IsMatch(text);

    [GeneratedRegex(@"\b(?:go|goes|going|gone|went|shot|shoot|shooting|ramp|ramps|ramped|ramping|step|stepped|tick|ticked)\s+(?:up|down)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhrasalChangeRegex();

    /// <summary>The word without its possessive ("Zeta's", "Zeta’s" → "Zeta").</summary>
    public static string WithoutPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    /// <summary>A plural noun by its form: "users", "data centers", or one of the irregular plurals.</summary>
    public static bool IsPlural(string word)
    {
        var w = word.ToLowerInvariant().TrimEnd('\'', '’');
        return IrregularPlurals.Contains(w)
               || (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal));
    }

    /// <summary>A regular plural's singular ("regions" → "region", "counterparties" → "counterparty", "taxes" →
    /// "tax"); any other word as it is.</summary>
    public static string Singular(string word)
    {
        var w = word.ToLowerInvariant();
        if (!IsPlural(w) || IrregularPlurals.Contains(w)) return w;
        if (w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)) return w[..^2];
        return w[..^1];
    }

    private static readonly HashSet<string> IrregularPlurals = new(StringComparer.Ordinal)
    {
        "people", "men", "women", "children", "staff", "personnel", "folks", "mice", "geese", "teeth", "feet",
    };

    /// <summary>Nouns for a table: the words right before one name it ("the <b>comparison</b> table").</summary>
    public static readonly HashSet<string> TableNouns = new(StringComparer.Ordinal) { "table", "tables", "grid", "chart", "matrix" };

    /// <summary>What a word of degree after "how" measures ("how <b>fast</b>" → speed), to name what a refusal lacks;
    /// null for a degree that names no one measure ("how good").</summary>
    public static string? MeasureOfDegree(string lowerWord) => lowerWord switch
    {
        "fast" or "quick" or "quickly" => "speed",
        "big" or "large" or "small" or "huge" => "size",
        "far" => "distance",
        "heavy" or "heavily" => "weight",
        "cheap" or "expensive" => "price",
        "often" => "frequency",
        _ => null,
    };

    /// <summary>"how old is …?": an age, a length of time.</summary>
    public static bool AsksAge(string text) => HowOldRegex().IsMatch(text);

    [GeneratedRegex(@"\bhow\s+old\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowOldRegex();

    /// <summary>Whether a superlative asks for the largest (+1) or the smallest (−1) of a set of figures ("which has
    /// the <b>biggest</b> …"); 0 for any other word.</summary>
    public static int SuperlativeDirection(string lowerWord) => lowerWord switch
    {
        "highest" or "largest" or "biggest" or "greatest" or "longest" or "widest" or "most" or "top" or "best"
            or "strongest" or "maximum" or "max" => 1,
        "lowest" or "smallest" or "shortest" or "narrowest" or "least" or "fewest" or "weakest" or "worst"
            or "minimum" or "min" => -1,
        // "top-ranked", "best-performing", "lowest-scoring": a superlative fused with the participle of what it ranks
        _ when lowerWord.IndexOf('-') is > 0 and var hyphen && lowerWord[(hyphen + 1)..] is { Length: > 3 } participle
               && (participle.EndsWith("ed", StringComparison.Ordinal) || participle.EndsWith("ing", StringComparison.Ordinal))
            => SuperlativeDirection(lowerWord[..hyphen]),
        _ => 0,
    };

    /// <summary>Words that ask a place in an order ("who's <b>third</b> on X", "where does X <b>rank</b>", "X's
    /// <b>position</b>"): they say where, not what is measured.</summary>
    public static readonly HashSet<string> PlaceInOrderWords = new(StringComparer.Ordinal)
    {
        "second", "third", "fourth", "fifth", "place", "placed", "places", "spot", "rank", "ranks", "ranked", "ranking",
        "position", "placing", "standing", "stand", "stands", "sit", "sits", "sitting", "land", "lands", "come", "comes",
        "fall", "falls", "overall", "next", "tied", "first",
    };

    /// <summary>Nouns that ask for the top of an order ("who's the GizmoTest <b>leader</b>?"): of no thing named, a
    /// superlative said of the one at the top, not of the measure ("the highest GizmoTest").</summary>
    public static readonly HashSet<string> LeaderNouns = new(StringComparer.Ordinal) { "leader", "leaders" };

    /// <summary>Words of a request to put things in order ("rank the four makers by capacity, high to low"): they say
    /// how to list the things, not what is measured.</summary>
    public static readonly HashSet<string> OrderingWords = new(StringComparer.Ordinal)
    {
        "rank", "ranked", "sort", "sorted", "order", "ordered", "high", "low", "ascending", "descending",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "all", "each",
    };

    /// <summary>Whether a comparative claims more (+1) or less (−1) of a figure ("is Acme <b>ahead of</b> Zeta on …?");
    /// 0 for any other word.</summary>
    public static int ComparativeDirection(string lowerWord) => lowerWord switch
    {
        "ahead" or "higher" or "larger" or "bigger" or "greater" or "longer" or "wider" or "more" or "better" or "stronger"
            or "beat" or "beats" or "outscore" or "outscores" or "outscored" or "lead" or "leads" or "top" or "tops" or "topped"
            or "above" or "exceed" or "exceeds" or "exceeded" or "outperform" or "outperforms" or "outperformed" or "edged" => 1,
        "behind" or "lower" or "smaller" or "shorter" or "narrower" or "less" or "fewer" or "worse" or "weaker" or "below"
            or "trail" or "trails" or "trailed" or "lag" or "lags" or "lagged" => -1,
        _ => 0,
    };

    /// <summary>Putting money into something, in their forms ("how much did Acme <b>pour</b> into Zeta?"): investing,
    /// when "how much" has no noun of its own.</summary>
    public static readonly string[] PuttingIntoVerbs =
    [
        "put", "puts", "putting", "pour", "pours", "poured", "pouring", "pump", "pumps", "pumped", "pumping", "sink", "sinks",
        "sank", "sunk", "sinking", "plow", "plows", "plowed", "plough", "ploughed",
    ];

    /// <summary>Nouns of a figure for a period ahead ("the 2026 spend <b>forecast</b>"): with a period asked, the period
    /// says which figure, whatever the note calls it (a guide, a plan); without one they are what is asked, and a
    /// figure already reported is no forecast.</summary>
    public static readonly HashSet<string> ForecastNouns = new(StringComparer.Ordinal)
        { "forecast", "forecasts", "projection", "projections", "outlook", "estimate", "estimates" };

    /// <summary>Words that say whether a period's figure is reported or expected ("the 2026 <b>guide</b> vs 2025
    /// <b>actual</b>"): each period's own standing, not the thing measured.</summary>
    public static readonly HashSet<string> StandingOfFigure = new(ForecastNouns.Concat(
        ["guide", "guides", "guidance", "guided", "actual", "actuals", "reported", "plan", "planned", "expected", "target"]), StringComparer.Ordinal);

    /// <summary>Verbs of taking in and holding ("how many tokens can it <b>take in</b> / <b>hold</b> at once?"): after "can",
    /// they ask a capacity.</summary>
    public static readonly HashSet<string> IntakeVerbs = new(StringComparer.Ordinal)
        { "take", "hold", "keep", "handle", "fit", "accept", "process", "ingest", "read", "remember", "support", "load", "store", "consume", "manage", "see" };

    /// <summary>Words that ask only how much something counts ("why does it <b>matter</b>?", "why is that
    /// <b>important</b>?"): of the thing the conversation is on, not a topic of their own.</summary>
    public static readonly HashSet<string> SignificanceWords = new(StringComparer.Ordinal)
        { "matter", "matters", "mattered", "important", "importance", "significant", "significance", "relevant", "relevance" };

    /// <summary>What a capacity holds, in general words ("how much <b>text</b> can it take in at once?").</summary>
    public static readonly HashSet<string> HeldContentNouns = new(StringComparer.Ordinal)
        { "text", "data", "content", "information", "info", "input", "context" };

    /// <summary>Paying, spending and investing, in their forms: the money verbs <see cref="MoneyVerbs"/> and
    /// <see cref="OutlayVerbs"/> share.</summary>
    private static readonly string[] PayingVerbs =
        ["pay", "pays", "paid", "paying", "spend", "spends", "spent", "spending", "invest", "invests", "invested", "investing"];

    /// <summary>Verbs that move money ("how much did Acme <b>pay</b>"): in a money question they name the kind of figure,
    /// as "percent" does, not what it is about.</summary>
    public static readonly HashSet<string> MoneyVerbs = new(PayingVerbs.Concat(["cost", "costs", "costing", "costed", "charge", "charges", "charged", "charging", "shell", "shelled", "fork", "forked", "blow", "blew", "blown", "splurge", "splurged"]).Concat(PuttingIntoVerbs), StringComparer.Ordinal);

    /// <summary>Pronouns that open a sentence about something the sentence before it named ("<b>Its</b> framework …",
    /// "<b>They</b> say …").</summary>
    public static readonly HashSet<string> OpeningPronouns = new(StringComparer.Ordinal) { "it", "its", "they", "their", "he", "his", "she", "her" };

    /// <summary>A sentence opens by referring back to what the sentence before it named: with a pronoun ("<b>Its</b>
    /// framework …") or with "the same" ("<b>The same</b> service ranks …").</summary>
    public static bool OpensReferringBack(IReadOnlyList<string> firstWords) =>
        firstWords.Count > 0 && (OpeningPronouns.Contains(firstWords[0].ToLowerInvariant())
                                 || (firstWords.Count > 1 && firstWords[0].Equals("the", StringComparison.OrdinalIgnoreCase) && firstWords[1].Equals("same", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Adverbs that may stand between a wh-word and its verb ("who <b>actually</b> built it?").</summary>
    public static readonly HashSet<string> VerbAdverbs = new(StringComparer.Ordinal)
        { "actually", "really", "exactly", "originally", "initially", "first", "even", "ever", "truly", "just" };

    /// <summary>Chat filler that is often typed in capitals ("OK", "FYI"): still filler, not a name.</summary>
    public static readonly HashSet<string> Interjections = new(StringComparer.Ordinal)
        { "ok", "okay", "hey", "hi", "hello", "lol", "btw", "fyi", "pls", "plz", "thx", "yes", "yeah", "yep", "nope", "im", "u", "ur", "r", "ya" };

    /// <summary>Thanks, greetings and acknowledgements ("thanks!", "hi there", "ok cool", "got it, that helps"): a
    /// message made only of these asks nothing. Each word is one kind; the rest only go with them ("so", "much", "that").</summary>
    private static readonly Dictionary<string, SmallTalk> SmallTalkWords = new(StringComparer.Ordinal)
    {
        ["thanks"] = SmallTalk.Thanks, ["thank"] = SmallTalk.Thanks, ["thx"] = SmallTalk.Thanks, ["ty"] = SmallTalk.Thanks,
        ["tysm"] = SmallTalk.Thanks, ["thankyou"] = SmallTalk.Thanks, ["cheers"] = SmallTalk.Thanks, ["appreciate"] = SmallTalk.Thanks,
        ["appreciated"] = SmallTalk.Thanks, ["ta"] = SmallTalk.Thanks, ["helpful"] = SmallTalk.Thanks, ["helps"] = SmallTalk.Thanks,
        ["hi"] = SmallTalk.Greeting, ["hello"] = SmallTalk.Greeting, ["hey"] = SmallTalk.Greeting, ["hiya"] = SmallTalk.Greeting,
        ["howdy"] = SmallTalk.Greeting, ["yo"] = SmallTalk.Greeting, ["morning"] = SmallTalk.Greeting, ["afternoon"] = SmallTalk.Greeting,
        ["evening"] = SmallTalk.Greeting,
        ["ok"] = SmallTalk.Acknowledgement, ["okay"] = SmallTalk.Acknowledgement, ["k"] = SmallTalk.Acknowledgement,
        ["kk"] = SmallTalk.Acknowledgement, ["cool"] = SmallTalk.Acknowledgement, ["great"] = SmallTalk.Acknowledgement,
        ["nice"] = SmallTalk.Acknowledgement, ["perfect"] = SmallTalk.Acknowledgement, ["awesome"] = SmallTalk.Acknowledgement,
        ["excellent"] = SmallTalk.Acknowledgement, ["brilliant"] = SmallTalk.Acknowledgement, ["gotcha"] = SmallTalk.Acknowledgement,
        ["got"] = SmallTalk.Acknowledgement, ["sure"] = SmallTalk.Acknowledgement, ["alright"] = SmallTalk.Acknowledgement,
        ["noted"] = SmallTalk.Acknowledgement, ["understood"] = SmallTalk.Acknowledgement, ["makes"] = SmallTalk.Acknowledgement,
        ["sense"] = SmallTalk.Acknowledgement, ["interesting"] = SmallTalk.Acknowledgement, ["wow"] = SmallTalk.Acknowledgement,
        ["lol"] = SmallTalk.Acknowledgement, ["fine"] = SmallTalk.Acknowledgement, ["good"] = SmallTalk.Acknowledgement,
        ["right"] = SmallTalk.Acknowledgement, ["yes"] = SmallTalk.Acknowledgement, ["yeah"] = SmallTalk.Acknowledgement,
        ["yep"] = SmallTalk.Acknowledgement, ["bye"] = SmallTalk.Acknowledgement, ["goodbye"] = SmallTalk.Acknowledgement,
    };

    private static readonly HashSet<string> SmallTalkFiller = new(StringComparer.Ordinal)
        { "so", "very", "much", "a", "lot", "you", "u", "that", "this", "it", "there", "all", "again", "for", "the", "info", "answer", "now", "then", "and", "oh", "ah", "man", "mate", "guys", "bot", "thats", "that's", "it's", "its" };

    /// <summary>What a message is when it is only thanks, a greeting or an acknowledgement; <see cref="SmallTalk.None"/>
    /// when it holds anything else (a question word, a word of its own). A question mark is allowed only on a greeting
    /// ("hello?").</summary>
    public static SmallTalk SmallTalkIn(string text)
    {
        var words = SmallTalkWordRegex().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0) return SmallTalk.None;
        var kinds = new List<SmallTalk>();
        foreach (var w in words)
        {
            if (SmallTalkWords.TryGetValue(w, out var kind) || SmallTalkSlip(w) is { } meant && SmallTalkWords.TryGetValue(meant, out kind)) kinds.Add(kind);
            else if (!SmallTalkFiller.Contains(w)) return SmallTalk.None;
        }
        if (kinds.Count == 0) return SmallTalk.None;
        var said = kinds.Contains(SmallTalk.Thanks) ? SmallTalk.Thanks : kinds.Contains(SmallTalk.Acknowledgement) ? SmallTalk.Acknowledgement : SmallTalk.Greeting;
        return text.Contains('?') && said != SmallTalk.Greeting ? SmallTalk.None : said;
    }

    /// <summary>The one word of thanks or acknowledgement of four letters or more that a word is a slip of ("gerat",
    /// "cosl", "hilps"): one edit away, the first letter kept; null for none or several.</summary>
    private static string? SmallTalkSlip(string w) =>
        w.Length < 4 || SmallTalkFiller.Contains(w) ? null
        : Spelling.OnlyOneNear(w, SmallTalkWords.Keys.Where(k => k.Length >= 4));

    /// <summary>The message without thanks or an acknowledgement that opens it and ends at a stop or comma ("got it.
    /// what about the risks?", "nice, and the context window?"), and without the please, thanks, hurry or pressing "tho"
    /// that closes it ("capex 2025 and the 2026 guide pls", "… #? thx", "need it asap", "… tho?"); the message itself
    /// when none does.</summary>
    public static string WithoutSmallTalk(string text)
    {
        // a closer asks nothing, and read as a word of the question it would be weighed as one ("pls" unmet)
        // ("ok thanks" is small talk whole, and stays so)
        if (SmallTalkIn(text) == SmallTalk.None) text = SmallTalkCloserRegex().Replace(text, m => m.Value.Contains('?') ? "?" : "");
        // nor does the form the answer should take ("…, one line", "… numbers side by side")
        text = FormCloserRegex().Replace(text, m => m.Value.Contains('?') ? "?" : "");
        // "any word on when Zeta ships?": a when-question asked for news of it, which is the question itself; "per the
        // write-up, does X …?": the note is what every question asks, and said first it hides the question's form
        text = NoteAsSourceFirstRegex().Replace(NewsOnRegex().Replace(text, "", 1), "", 1);
        // "ok diff topic, how big is …", "new question: who …": saying that the subject changes asks nothing either
        text = TopicChangeRegex().Replace(text, "", 1);
        for (int guard = 0; guard < 4; guard++)
        {
            var m = SmallTalkOpenerRegex().Match(text);
            if (!m.Success || m.Length >= text.Length || SmallTalkIn(m.Groups["talk"].Value) == SmallTalk.None) return text;
            text = text[m.Length..];
        }
        return text;
    }

    [GeneratedRegex(@"[\p{L}\d'’]+")]
    private static partial Regex SmallTalkWordRegex();

    [GeneratedRegex(@"^\s*(?:(?:is\s+there|are\s+there|got|have\s+we\s+got)\s+)?(?:any|some)\s+(?:word|news|info|information|update|updates|idea|clue|hint|guidance)\s+(?:on|about|as\s+to|of|re)\s+(?=(?:when|where|who|how|what|which|whether|if)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NewsOnRegex();

    [GeneratedRegex(@"^\s*(?:(?:ok|okay|so|and|alright|right)\b[\s,]*)?(?:(?:on\s+)?(?:an?\s+)?(?:totally\s+|completely\s+|slightly\s+)?(?:diff|different|new|other|another|unrelated|separate|random|side)\s+(?:topic|q|qn|question|subject|thing)s?|(?:chang|switch)(?:e|es|ed|ing)?\s+(?:the\s+)?(?:topic|subject|gear)s?)\s*[,.:;!—–-]+\s*(?=\w)", RegexOptions.IgnoreCase)]
    private static partial Regex TopicChangeRegex();

    [GeneratedRegex(@"^\s*(?:per|according\s+to|based\s+on|in)\s+(?:the|this)\s+(?:note|write-?up|report|piece|doc|document|research|analysis|author|analyst)(?:['’]s\s+view)?\s*[,:]\s*(?=\w)", RegexOptions.IgnoreCase)]
    private static partial Regex NoteAsSourceFirstRegex();

    [GeneratedRegex(@"^\s*(?<talk>[^,.!;:?]+)[,.!;:]+\s+(?=\S)")]
    private static partial Regex SmallTalkOpenerRegex();

    // what closes a message: please, thanks, hurry ("… pls", "…? thx!", "… lmk", "need it asap"), or a "though" that
    // only presses the question ("so it's a chatbot tho?"), after at least one word
    [GeneratedRegex(@"(?<=[\p{L}\d%#)'’""])[\s,;:.!?—–-]+(?:(?:pls|plz|please|thx|thanks|thank\s+(?:you|u)|ty|tysm|tia|asap|lmk|cheers|tho|though)\b[\s,.!?]*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex SmallTalkCloserRegex();

    // the form asked of the answer, closing a message after a comma or a dash or as its last words: "…, one line", "…, as
    // a one-liner", "…, both numbers", "… numbers side by side" (not "do the agents work side by side?", which asks how
    // they work); a form said with "in" ("… in a sentence", "… in 3 bullets") stays, for the question reader reads it
    // as what a gist is for and may count its items
    [GeneratedRegex(@"(?<=[\p{L}\d%#)'’""])(?:\s*[,—–]\s*(?:(?:in\s+)?(?:one|a\s+single)\s+(?:line|sentence)|(?:as\s+)?a\s+one-?liner|(?:(?:the\s+)?(?:numbers|figures)\s+)?side\s+by\s+side|(?:both|all(?:\s+the)?)\s+(?:numbers|figures))|\s+(?:the\s+)?(?:numbers|figures)\s+side\s+by\s+side)[\s,.!?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex FormCloserRegex();

    /// <summary>Words of degree that follow "how" ("how <b>big</b>", "how <b>long</b>", "how <b>far</b> behind", "how
    /// <b>good</b>"): they ask for an amount or a judgement of whatever the question names, and name the kind of answer.
    /// Any other word after "how" names a measure of its own ("how <b>accurate</b>", "how <b>profitable</b>") that the
    /// note must speak of.</summary>
    public static readonly HashSet<string> DegreeWords = new(StringComparer.Ordinal)
    {
        "much", "many", "big", "bigger", "large", "larger", "small", "smaller", "huge", "long", "far", "fast", "quick",
        "quickly", "soon", "often", "high", "low", "well", "good", "bad", "strong", "weak", "close", "tight",
        "wide", "widely", "broad", "broadly", "deep", "early", "late", "serious", "important", "significant", "likely",
        "confident", "sure", "different", "material", "meaningful", "heavily", "exactly", "precisely", "come",
        // judgements the note makes in its own words ("how smart" is met by an intelligence ranking, "how cheap" by
        // "less compute")
        "smart", "smarter", "intelligent", "capable", "powerful", "impressive", "useful", "helpful", "cheap", "cheaper",
        "efficient", "competitive", "advanced", "safe", "risky",
    };

    /// <summary>Verbs of leading ("who <b>runs</b> Zeta?", "who <b>heads</b> it?"): the note says who leads in other words
    /// than these, "under Dana", "Dana-led", "its chief", so they are met by <see cref="SaysWhoLeads"/>.</summary>
    public static readonly HashSet<string> LeadingVerbs = new(StringComparer.Ordinal)
    {
        "run", "runs", "running", "ran", "lead", "leads", "leading", "led", "head", "heads", "heading", "headed",
        "manage", "manages", "managing", "managed", "oversee", "oversees", "overseeing", "oversaw", "helm", "helms",
    };

    /// <summary>Verbs of making a thing, asked "who built X?", and "behind" as "who is behind X?" asks it: the answer is
    /// what the thing comes from.</summary>
    public static readonly HashSet<string> MakingVerbs = new(StringComparer.Ordinal)
    {
        "make", "makes", "made", "build", "builds", "built", "develop", "develops", "developed", "create", "creates", "created",
        "design", "designs", "designed", "behind",
    };

    /// <summary>Nouns for those who make things, singular and plural: "the <b>team</b> behind Zeta" made it, where "the
    /// model behind Zeta on GizmoTest" ranks below it.</summary>
    public static readonly HashSet<string> MakerNouns = new(StringComparer.Ordinal)
    {
        "people", "persons", "person", "folks", "team", "teams", "lab", "labs", "company", "companies", "firm", "firms",
        "group", "groups", "crew", "org", "orgs", "organization", "organizations", "minds", "brains", "principals", "founders",
        "engineers", "researchers", "names", "guys", "guy", "unit", "division",
    };

    /// <summary>A text says who leads something: "Zeta <b>under Dana</b>", "the <b>Dana-led</b> team", "<b>led by
    /// Dana</b>", "its <b>chief</b>", "its <b>CEO</b> is Dana", "Dana <b>runs</b> it".</summary>
    public static bool SaysWhoLeads(string text) => LeadershipRegex().IsMatch(text);

    /// <summary>Each leader a text names with the thing led, and where the two are said: "Acme Works under Dana Reed"
    /// (Works, Dana Reed), "the Reed-led reset" (reset, Reed), "a plant run by Lee Park" (plant, Lee Park).</summary>
    public static IEnumerable<(string Led, string Leader, int At)> LeadersIn(string text) =>
        // the sentence's full stop is no part of the name ("… under Dana Reed.")
        LeaderRegex().Matches(text).Select(m => (m.Groups["led"].Value, m.Groups["leader"].Value.TrimEnd('.'), m.Index));

    [GeneratedRegex(@"\b(?<led>[\p{L}\d]+)\s+(?:under|(?:led|run|headed|managed|overseen|chaired)\s+by)\s+(?<leader>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)|\b(?<leader>\p{Lu}[\p{L}.]*)-led\s+(?<led>[\p{L}\d]+)")]
    private static partial Regex LeaderRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bunder\s+\p{Lu}|\p{Lu}[\w.]*-led\b|\b(?:led|run|headed|managed|overseen|chaired)\s+by\s+\p{Lu}|\b(?:[Hh]eads?|[Cc]hief|CEO|[Ll]eaders?|[Ll]eadership|runs|leads|manages|oversees|[Cc]hairs?)\b")]
    private static partial System.Text.RegularExpressions.Regex LeadershipRegex();

    /// <summary>Verbs of reporting ("who <b>reported</b> that?", "who <b>said</b> it?") and of noticing ("who
    /// <b>flagged</b> it?", "who <b>spotted</b> that?"): the note says who reported or noticed a thing with its own
    /// verbs of saying or observing, "Acme says", "Acme observed", "according to Acme", so they are met by
    /// <see cref="SaysWhoReports"/>.</summary>
    public static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "report", "reports", "reported", "reporting", "say", "says", "said", "saying", "claim", "claims", "claimed", "state",
        "states", "stated", "disclose", "discloses", "disclosed", "announce", "announces", "announced",
        "flag", "flags", "flagged", "flagging", "notice", "notices", "noticed", "spot", "spots", "spotted", "observe",
        "observes", "observed", "detect", "detects", "detected", "notes", "noted", "find", "finds", "found",
        "raise", "raised", "warn", "warns", "warned",
    };

    /// <summary>A text says who reports a thing: a name before a verb of saying or observing ("<b>Acme says</b>",
    /// "<b>Acme and Zeta both indicate</b>", "<b>Acme's post says</b>", "<b>Kite observed</b>"), or
    /// "<b>according to Acme</b>".</summary>
    public static bool SaysWhoReports(string text) => ReportingRegex().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{Lu}[\w.&-]*(?:['’]s(?:\s+\p{Ll}+){0,2})?(?:\s+(?:and\s+\p{Lu}[\w.&-]*\s+)?(?:both|also|later|explicitly|notably)?)?\s+(?:say|says|said|report|reports|reported|describe|describes|described|indicate|indicates|indicated|notes|noted|states|stated|claim|claims|claimed|disclose|discloses|disclosed|announce|announces|announced|emphasize|emphasizes|cite|cites|tie|ties|observe|observes|observed|flag|flags|flagged|notice|notices|noticed|found|finds|detected|warn|warns|warned)\b|\b[Aa]ccording\s+to\s+\p{Lu}")]
    private static partial System.Text.RegularExpressions.Regex ReportingRegex();

    /// <summary>Prefixes English makes words with ("<b>re</b>doing", "<b>un</b>launched").</summary>
    public static readonly string[] WordPrefixes = ["re", "un", "pre", "mis", "over", "under", "out", "non", "co"];

    /// <summary>Roles and titles a who-question may ask the holder of ("who is Zeta's <b>CEO</b>?", "which <b>spokesperson</b>
    /// …?", "who <b>founded</b> Zeta?"): a note that never speaks of the role names no one in it, whoever else it names.</summary>
    public static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "ceo", "cfo", "cto", "coo", "cmo", "founder", "founders", "cofounder", "cofounders", "co-founder", "co-founders",
        "founded", "cofounded", "co-founded", "president", "chairman", "chairwoman", "chairperson", "director", "directors",
        "officer", "officers", "spokesperson", "spokespeople", "spokesman", "spokeswoman", "journalist", "journalists",
        "reporter", "reporters", "editor", "editors", "analyst", "analysts", "author", "authors",
        "chief", "chiefs", "scientist", "scientists", "vp", "vps", "svp", "evp",
    };

    /// <summary>Nouns that ask for someone's role ("what is Dana's <b>title</b>?"): answered by a role word said of
    /// them, which the note may give without the noun.</summary>
    public static readonly HashSet<string> TitleNouns = new(StringComparer.Ordinal) { "title", "titles" };

    /// <summary>Words that ask for a place ("where is it <b>located</b>?", "which <b>city</b>"): the kind of answer, not a
    /// word the note must say.</summary>
    public static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
        { "located", "based", "headquartered", "situated", "sited", "built", "constructed", "city", "country", "countries", "town", "location" };

    /// <summary>Verbs of position: after "where" they ask where something stands on a measure ("where does it
    /// land on X?"), a figure or rank, not a place.</summary>
    public static readonly HashSet<string> PositionVerbs = new(StringComparer.Ordinal)
        { "rank", "ranks", "ranked", "land", "lands", "landed", "sit", "sits", "sat", "place", "places", "placed",
          "stand", "stands", "stood", "fall", "falls", "fell", "score", "scores", "scored", "come", "comes", "came" };

    /// <summary>Verbs by which a result is given or got ("what does Acme <b>give</b> Zeta on GizmoTest?", "what did Zeta
    /// <b>post</b> on it?"): asked of a measure, they ask for its figure, and are no word the note must say.</summary>
    public static readonly HashSet<string> ResultVerbs = new(StringComparer.Ordinal)
    {
        "give", "gives", "gave", "given", "assign", "assigns", "assigned", "award", "awards", "awarded", "put", "puts",
        "get", "gets", "got", "report", "reports", "reported", "post", "posts", "posted", "score", "scores", "scored",
        "achieve", "achieves", "achieved", "reach", "reaches", "reached", "hit", "hits",
    };

    /// <summary>Words for a part of a whole asked as a figure ("what <b>share</b> of Zeta …?", "what <b>proportion</b>
    /// …"): a percentage, the kind of answer, not a word the note must say. The question reader's percent form reads
    /// the same three after "what".</summary>
    public static readonly HashSet<string> ShareNouns = new(StringComparer.Ordinal) { "share", "proportion", "fraction" };

    /// <summary>Words for a product in general ("Omega's <b>model</b>", "Omega's <b>flagship</b>", "Omega's new
    /// <b>bot</b>"): what a user calls a maker's model when not by its name.</summary>
    public static readonly HashSet<string> ProductNouns = new(StringComparer.Ordinal)
        { "model", "models", "flagship", "flagships", "llm", "llms", "bot", "bots", "chatbot", "chatbots", "assistant", "assistants" };

    /// <summary>Words for persons in general, counted ("how many people …"): the kind of answer, not what is counted.</summary>
    public static readonly HashSet<string> PersonNouns = new(StringComparer.Ordinal)
        { "people", "persons", "folks", "folk", "individuals", "humans" };

    /// <summary>Nouns that are themselves a count of persons ("Zeta's <b>headcount</b>?"): asked for, they want a count
    /// of persons, as "how many people" does.</summary>
    public static readonly HashSet<string> PersonTallyNouns = new(StringComparer.Ordinal) { "headcount", "headcounts", "workforce" };

    /// <summary>Nouns (singular) that count persons: the people themselves, or the roles they are counted in.</summary>
    public static readonly HashSet<string> PersonCountNouns = new(PersonNouns.Select(Singular).Concat(
    [
        "user", "active", "member", "customer", "subscriber", "employee", "staff", "worker", "viewer", "reader", "buyer",
        "shopper", "visitor", "creator", "developer", "account", "player", "student", "patient", "adult", "teen",
        "household", "advertiser", "seller", "merchant", "listener", "fan",
    ]), StringComparer.Ordinal);

    /// <summary>Words that end a company's name ("Omega <b>Inc</b>", "Zeta <b>Group</b>"), in any case.</summary>
    public static readonly HashSet<string> CompanyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "labs", "lab", "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "group", "ltd", "ltd.", "llc",
        "ai", "research", "capital", "partners", "ventures", "holdings", "technologies", "systems", "bank", "media",
    };

    /// <summary>Prepositions that put a name in a place ("<b>in</b> Zetaville", "<b>near</b> the Nimbus river").</summary>
    public static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "in", "at", "near", "outside" };

    /// <summary>Verbs of speaking of something ("does the note <b>mention</b> X?", "<b>talk</b> about", "<b>discuss</b>"), as
    /// against giving it ("does the note <b>give</b> a rating?").</summary>
    public static readonly HashSet<string> MentionVerbs = new(StringComparer.Ordinal)
        { "mention", "mentions", "name", "names", "say", "talk", "discuss", "cover", "covers" };

    /// <summary>Verbs that pass time ("spent nine months on it"): asked how long, they say the duration is asked.</summary>
    public static readonly HashSet<string> TimeSpendingVerbs = new(StringComparer.Ordinal) { "spend", "spends", "spent", "spending", "last", "lasted", "lasts" };

    /// <summary>Nouns that name money itself ("how much <b>money</b>", "how many <b>dollars</b>"): in a money question
    /// they name the kind of figure, as a money verb does, not a measure the note must say.</summary>
    public static readonly HashSet<string> MoneyNouns = new(StringComparer.Ordinal) { "money", "cash", "dollar", "dollars", "bucks", "cheque", "cheques" };

    /// <summary>Verbs of money laid out, in their forms: paying and buying ("paid", "invested", "bought"), and what a
    /// thing bought cost ("what did the stake cost?", "the price of the stake"). One act, whichever the asker and the
    /// note use ("when did Acme buy into Zeta?" is met by "Acme invested $3B in Zeta in June").</summary>
    public static readonly HashSet<string> OutlayVerbs = new(PayingVerbs.Concat(
    [
        "buy", "buys", "bought", "buying", "purchase", "purchases", "purchased", "purchasing", "acquire", "acquires",
        "acquired", "acquiring", "cost", "costs", "costed", "price", "priced",
    ]), StringComparer.Ordinal);

    /// <summary>Verbs of bringing a product out, in their forms: launching, releasing, shipping, unveiling. One act,
    /// whichever the asker and the note use ("was Zeta released in May?" is met by "Zeta launched on May 4").</summary>
    public static readonly HashSet<string> LaunchVerbs = new(StringComparer.Ordinal)
    {
        "launch", "launches", "launched", "launching", "release", "releases", "released", "releasing", "ship", "ships",
        "shipped", "shipping", "debut", "debuts", "debuted", "debuting", "unveil", "unveils", "unveiled", "unveiling",
        "introduce", "introduces", "introduced", "introducing",
    };

    /// <summary>Words of standing first among others, in their forms: leading, being ahead, being the best or on top,
    /// dominating. One standing, whichever the asker uses ("is Zeta the best?" is met by "Zeta is not yet the leader",
    /// "does Acme lead?" by "Acme claims no leadership").</summary>
    public static readonly HashSet<string> FirstPlaceWords = new(StringComparer.Ordinal)
    {
        "lead", "leads", "leading", "leader", "leaders", "leadership", "ahead", "best", "top", "dominant", "dominance",
        "dominate", "dominates", "dominating", "winning",
    };

    /// <summary>The <see cref="FirstPlaceWords"/> that say a standing wherever a text uses them: "best" and "top" are as
    /// often something else in a sentence ("is best understood as", "on top of").</summary>
    private static readonly HashSet<string> FirstPlaceSaid = new(FirstPlaceWords.Except(["best", "top", "winning"]), StringComparer.Ordinal);

    /// <summary>Nouns for what a text asserts ("which <b>claims</b> are unverified?"): asked with a word of doubt and
    /// nothing else, they ask for every claim the text doubts.</summary>
    public static readonly HashSet<string> ClaimNouns = new(StringComparer.Ordinal)
    {
        "claim", "claims", "statement", "statements", "assertion", "assertions", "point", "points", "finding", "findings",
        "part", "parts", "bit", "bits", "thing", "things", "area", "areas", "call", "calls", "piece", "pieces",
    };

    /// <summary>Words that call a claim weak or a guess ("the <b>weakest</b> claims", "what is <b>extrapolated</b>?"),
    /// beside the words of trust and verification a question of confidence uses.</summary>
    public static readonly HashSet<string> DoubtWords = new(StringComparer.Ordinal)
    {
        "weak", "weaker", "weakest", "shaky", "shakier", "shakiest", "extrapolated", "extrapolation", "extrapolations",
        "speculative", "doubtful", "questionable", "unverified", "unconfirmed", "unproven",
    };

    /// <summary>The doubt words that also say a thing does badly ("it is weak at coding"), not only that a claim is doubtful.</summary>
    public static readonly HashSet<string> WeakWords = new(StringComparer.Ordinal) { "weak", "weaker", "weakest" };

    /// <summary>Nouns for a transaction: the money laid out is its size ("how big was the Zeta deal?").</summary>
    public static readonly HashSet<string> TransactionNouns = new(StringComparer.Ordinal)
        { "deal", "deals", "transaction", "transactions", "acquisition", "acquisitions", "investment", "investments", "buyout", "buyouts" };

    /// <summary>A question's words for an outlay: its verbs, and the nouns for a transaction ("what did the Zeta
    /// <b>deal</b> cost?" is met by "Acme invested $3B in Zeta").</summary>
    private static readonly HashSet<string> OutlayAsked = new(OutlayVerbs.Concat(TransactionNouns), StringComparer.Ordinal);

    /// <summary>Verbs by which a judge sets a thing at a standing ("who <b>puts</b> Zeta at 52?" of "Acme <b>places</b> it at
    /// 52"): one act, whichever the question and the note use. Only the forms that are seldom a noun: "places" and
    /// "rates" are as often things ("which places", "a growth rate").</summary>
    private static readonly HashSet<string> PlacingVerbs = new(StringComparer.Ordinal)
        { "rank", "ranks", "ranked", "placed", "puts", "rated" };

    /// <summary>The <see cref="PlacingVerbs"/> a text says, with "places": in a sentence with a judge as its subject it is
    /// the verb.</summary>
    private static readonly HashSet<string> PlacingSaid = new(PlacingVerbs.Append("places"), StringComparer.Ordinal);

    /// <summary>The families of words that name one act or standing: paying (<see cref="OutlayVerbs"/>), launching
    /// (<see cref="LaunchVerbs"/>), standing first (<see cref="FirstPlaceWords"/>), setting at a standing
    /// (<see cref="PlacingVerbs"/>). A question's word of one (Asked) is
    /// met by a unit's word of the same (Said), as a word of its context is.</summary>
    public static readonly IReadOnlyList<(HashSet<string> Asked, HashSet<string> Said)> OneActWords =
        [(OutlayAsked, OutlayVerbs), (LaunchVerbs, LaunchVerbs), (FirstPlaceWords, FirstPlaceSaid), (PlacingVerbs, PlacingSaid)];

    /// <summary>The wh-word that a chat spelling without its vowels stands for ("whn" → "when", "hw" → "how"); null for
    /// any other word.</summary>
    public static string? QuestionWordWithoutVowels(string lowerWord) =>
        WhWords.FirstOrDefault(w => w.Length > lowerWord.Length && new string(w.Where(c => !"aeiou".Contains(c)).ToArray()) == lowerWord);

    private static readonly string[] WhWords = ["what", "when", "where", "which", "who", "why", "how"];

    /// <summary>A question about what is still to happen: "will", "going to", "next", "upcoming", "is … launching".</summary>
    public static bool AsksFuture(string lowerQuestion) => FutureQuestionRegex().IsMatch(lowerQuestion);

    /// <summary>A clause that speaks of what is still to happen: "will", "expects", "plans", "scheduled", "coming".</summary>
    public static bool SpeaksOfFuture(string clause) => FutureClauseRegex().IsMatch(clause);

    /// <summary>A time said without a date ("in coming weeks", "later this year", "soon"): what a note that gives no
    /// date does say of when; null when the text says none.</summary>
    public static Match? VagueTimeIn(string text) => VagueTimeRegex().Match(text) is { Success: true } m ? m : null;

    [GeneratedRegex(@"\b(?:(?:in|over|within)\s+(?:the\s+)?(?:coming|next|following)\s+(?:few\s+)?(?:days|weeks|months|quarters|years)|(?:later|earlier)\s+this\s+(?:year|quarter|month|week)|(?:in\s+)?the\s+(?:near|medium|long)\s+term|(?:very\s+)?soon|shortly|imminently|in\s+due\s+course)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VagueTimeRegex();

    /// <summary>A sentence whose subject points back to the one before it ("Those are vendor claims, …", "It is
    /// households at retail scale."): quoted alone, it does not say what it is about.</summary>
    public static bool OpensWithReference(string sentence) => ReferenceOpeningRegex().IsMatch(sentence);

    [GeneratedRegex(@"^[“""‘']?(?:This|That|These|Those|It|They|Its|Their|Such)\s+\w")]
    private static partial Regex ReferenceOpeningRegex();

    [GeneratedRegex(@"\b(?:will|would|going\s+to|next|upcoming|coming|soon|(?:is|are)\s+(?:[\w.'’-]+\s+){0,5}?\w+ing)\b|['’]ll\b")]
    private static partial Regex FutureQuestionRegex();

    [GeneratedRegex(@"\b(?:will|would|shall|expects?|expected|expecting|plans?|planned|planning|intends?|intended|scheduled|slated|targets?|targeted|guided|guidance|forecasts?|forecast|coming|upcoming|next|later|future|pending)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureClauseRegex();

    /// <summary>Verbs of citing figures ("the benchmarks Omega <b>lists</b>", "the scores it <b>cites</b>"); "give" is
    /// a stop word already.</summary>
    public static readonly HashSet<string> CitingVerbs = new(StringComparer.Ordinal)
        { "list", "lists", "listed", "cite", "cites", "cited", "quote", "quotes", "quoted", "post", "posts", "posted", "publish", "publishes", "published" };

    /// <summary>Nouns for a result in general, of no measure in particular ("Acme's best <b>score</b>", "its weakest
    /// <b>benchmark</b> <b>number</b>"; "its weakest one" says the stop word "one").</summary>
    public static readonly HashSet<string> ResultNouns = new(StringComparer.Ordinal)
    {
        "score", "scores", "result", "results", "number", "numbers", "figure", "figures", "benchmark", "benchmarks",
        "metric", "metrics", "mark", "marks", "showing", "test", "tests", "eval", "evals", "stat", "stats",
    };

    /// <summary>Nouns that name a measure ("the Zeta run <b>rate</b>", "the capex guide <b>range</b>"): "what is the
    /// …" one, or a phrase whose head is one, asks for the figure.</summary>
    public static readonly HashSet<string> MeasureNouns = new(StringComparer.Ordinal)
    {
        "rate", "run-rate", "score", "total", "count", "size", "price", "cost", "margin", "range", "valuation", "stake",
        "budget", "guide", "guidance", "forecast", "target", "headcount", "capacity", "level", "number", "figure",
        "amount", "expense", "expenses", "dividend", "salary", "ranking", "rank",
    };

    /// <summary>Plural nouns that ask for figures in general ("Zeta's <b>numbers</b>", "the key <b>stats</b> on Acme"),
    /// not for one measure.</summary>
    public static readonly HashSet<string> FigureListNouns = new(StringComparer.Ordinal) { "numbers", "figures", "stats", "statistics", "metrics", "datapoints" };

    /// <summary>Words that ask for the whole of an amount ("the <b>total</b> outlay"), not a part of it.</summary>
    public static readonly HashSet<string> WholeWords = new(StringComparer.Ordinal) { "total", "overall", "entire", "whole", "full", "combined", "all-in" };

    /// <summary>Words that say a maker's thing is its current one ("Nimbus's <b>new</b> model"), not another of its things.</summary>
    public static readonly HashSet<string> CurrentWords = new(StringComparer.Ordinal) { "new", "newest", "latest", "brand-new", "current", "own", "ai" };

    /// <summary>Adjectives that only stress what is asked ("the <b>key</b> numbers", "<b>hard</b> figures"): no part of it.</summary>
    public static readonly HashSet<string> EmphasisWords = new(StringComparer.Ordinal) { "key", "main", "top", "important", "headline", "quick", "major", "notable", "core", "hard", "any" };

    /// <summary>Nouns that ask for kinds or parts rather than named things ("which <b>kinds</b> of work", "which
    /// <b>one</b>", "which <b>parts</b> of the story"): their members are kinds, not names.</summary>
    public static readonly HashSet<string> KindNouns = new(StringComparer.Ordinal)
    {
        "kind", "kinds", "type", "types", "sort", "sorts", "category", "categories", "class", "classes", "one", "ones",
        "part", "parts", "aspect", "aspects", "area", "areas", "way", "ways", "form", "forms", "piece", "pieces",
    };

    /// <summary>Prepositions that tie a noun to what it is of ("a stake <b>in</b> Zeta", "a lift <b>of</b> 3 points").</summary>
    public static readonly HashSet<string> GoverningPrepositions = new(StringComparer.Ordinal) { "in", "of", "on", "for", "across", "from" };

    /// <summary>What joins the words of one name ("validates / does-not-validate", "X vs Y", "X &amp; Y").</summary>
    public static readonly HashSet<string> NameJoiners = new(StringComparer.Ordinal) { "/", "-", "–", "vs", "vs.", "versus", "&", "and", "or", "+" };

    /// <summary>Chat shorthand spelled out; general English, not any note's vocabulary.</summary>
    public static readonly IReadOnlyDictionary<string, string> Shorthand = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ppl"] = "people", ["u"] = "you", ["r"] = "are", ["n"] = "and", ["w/"] = "with", ["w/o"] = "without",
        ["yoy"] = "year over year", ["qoq"] = "quarter over quarter", ["vids"] = "videos", ["vid"] = "video",
        ["pics"] = "pictures", ["pic"] = "picture", ["rn"] = "right now", ["bc"] = "because", ["b/c"] = "because",
        ["abt"] = "about", ["thru"] = "through", ["msgs"] = "messages", ["msg"] = "message", ["msging"] = "messaging", ["convo"] = "conversation", ["convos"] = "conversations", ["devs"] = "developers",
        ["dev"] = "developer", ["perf"] = "performance", ["mo"] = "month", ["mos"] = "months", ["yr"] = "year", ["yrs"] = "years",
        ["mgmt"] = "management", ["govt"] = "government", ["tho"] = "though", ["ya"] = "you", ["bn"] = "billion",
        ["mn"] = "million", ["approx"] = "approximately", ["num"] = "number", ["nums"] = "numbers", ["pct"] = "percent",
        ["w"] = "with", ["params"] = "parameters", ["param"] = "parameter", ["wat"] = "what", ["wut"] = "what",
        ["gen"] = "generation", ["rev"] = "revenue", ["avg"] = "average", ["wen"] = "when", ["wats"] = "what's",
        ["cuz"] = "because", ["coz"] = "because", ["amt"] = "amount", ["qtr"] = "quarter", ["qtrs"] = "quarters",
        ["atm"] = "right now", ["len"] = "length", ["mkt"] = "market", ["biz"] = "business", ["bil"] = "billion", ["b4"] = "before", ["eta"] = "date",
        ["pts"] = "points", ["ga"] = "generally available", ["y"] = "why", ["gimme"] = "give me",
        // months as dates abbreviate them ("Feb 2025"); "mar" and "may" are words of their own
        ["jan"] = "january", ["feb"] = "february", ["apr"] = "april", ["jun"] = "june", ["jul"] = "july", ["aug"] = "august",
        ["sep"] = "september", ["sept"] = "september", ["oct"] = "october", ["nov"] = "november", ["dec"] = "december",
    };

    /// <summary>Whether a text says a span of time anywhere ("daily", "per month", "an annual run-rate"): "day",
    /// "week", "month", "quarter" or "year".</summary>
    public static bool SaysSpan(string text, string span) =>
        HowOftenRegex().Matches(text).Any(m => m.Groups[span].Success);

    /// <summary>The span a count is taken over, as a text first says it ("daily", "every day", "per month", "annual"):
    /// the word as written and the span (day, week, month, quarter, year); null when it says none.</summary>
    public static (string Word, string Span)? HowOften(string text)
    {
        var m = HowOftenRegex().Match(text);
        if (!m.Success) return null;
        var span = m.Groups["day"].Success ? "day" : m.Groups["week"].Success ? "week" : m.Groups["month"].Success ? "month"
            : m.Groups["quarter"].Success ? "quarter" : "year";
        var word = span switch { "day" => "daily", "year" => m.Value.StartsWith("annual", StringComparison.OrdinalIgnoreCase) ? "annual" : "yearly", _ => span + "ly" };
        return (word, span);
    }

    [GeneratedRegex(@"\b(?:(?<day>daily|(?:every|each|per|a)\s+day)|(?<week>weekly|(?:every|each|per|a)\s+week)|(?<month>monthly|(?:every|each|per|a)\s+month)|(?<quarter>quarterly|(?:every|each|per|a)\s+quarter)|(?<year>yearly|annual|annually|annualized|(?:every|each|per|a)\s+year))\b", RegexOptions.IgnoreCase)]
    public static partial Regex HowOftenRegex();

    public static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    public static bool IsStopWord(string lowerWord) =>
        StopWords.Contains(lowerWord) || (lowerWord.Contains('’') && StopWords.Contains(lowerWord.Replace('’', '\'')));

    /// <summary>Words that set a claim's scope or strength ("only", "already", "fully", "never"): a claim with one is a
    /// different claim from the same words without it.</summary>
    public static readonly HashSet<string> ScopeWords = new(StringComparer.Ordinal)
    {
        "only", "solely", "exclusively", "just", "already", "fully", "entirely", "completely", "always", "never",
        "all", "every", "none", "guaranteed", "definitely", "certainly", "permanently", "forever",
        "everywhere", "worldwide", "globally", "universally",
    };

    /// <summary>The text ends in a hedge or a comparison that a figure after it is read with ("more than", "about",
    /// "at least", "over"): the figure is a bound or a guess, not a value to confirm.</summary>
    public static bool IsApproximate(string textBefore) => QualifierBefore(textBefore) is not null;

    /// <summary>The words that qualify a figure written right after <paramref name="textBefore"/> ("more than a 1%
    /// gain" → "more than", "nearly 50%" → "nearly"), or null when the figure is given as it is.</summary>
    public static string? QualifierBefore(string textBefore) =>
        QualifierRegex().Match(textBefore) is { Success: true } m ? m.Groups["bound"].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<bound>(?:just\s+)?(?:(?:more|less|fewer|greater|higher|lower|bigger|smaller|larger|better|worse)\s+than|over|under|above|below|about|around|roughly|approximately|nearly|almost|circa|at\s+least|at\s+most|up\s+to|north\s+of|south\s+of|close\s+to|upwards\s+of|some))\s*(?:\b(?:an?)\s+)?$|(?<bound>~)\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex QualifierRegex();

    /// <summary>"the top end of X", "the low end", "the upper bound", "the bottom of the range": one end of a range
    /// asked for. Its "hi" or "lo" group says which end.</summary>
    public static System.Text.RegularExpressions.Match RangeEndAsked(string text) => RangeEndRegex().Match(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?<hi>top|upper|high|higher)|(?<lo>low|lower|bottom))\s*-?\s*(?:end|bound|limit)\b(?:\s+of\b)?|\b(?:(?<hi>ceiling|top)|(?<lo>floor|bottom))\s+of\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RangeEndRegex();

    /// <summary>"a year earlier", "the quarter before", "the prior quarter", "the year-ago figure": a period before
    /// one the answer is given for, named by no date; ending the question or its clause ("the year before the
    /// launch" names what it is before). Its "unit" group is "year" or "quarter".</summary>
    public static System.Text.RegularExpressions.Match EarlierPeriodAsked(string text) => EarlierPeriodRegex().Match(text);

    /// <summary>A text that speaks of a period before another ("up from $1B a year earlier", "tripled year over
    /// year", "the prior-year quarter"): its figure is set against an earlier one.</summary>
    public static bool SpeaksOfAnEarlierPeriod(string text) => EarlierSaidRegex().IsMatch(text);

    /// <summary>… at its very start ("up from $4B", "a year earlier it was …").</summary>
    public static bool OpensWithAnEarlierPeriod(string text) => EarlierSaidRegex().Match(text) is { Success: true } m && text[..m.Index].Trim().Length == 0;

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?:in|for|during)\s+)?(?:(?:a|one|the)\s+(?<unit>year|quarter)\s+(?:earlier|before|prior)|(?:the\s+)?(?:prior|previous|preceding)\s+(?<unit>quarter)|(?:the\s+)?(?<unit>year|quarter)-ago(?:\s+(?:figure|number|level|period|value))?)(?=\s*(?:[?.!,;]|$)|\s+(?:and|or|for|on|of)\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex EarlierPeriodRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?:a|one|the)\s+(?:year|quarter)\s+(?:earlier|before|ago)|(?:prior|previous|preceding)[-\s](?:year|quarter)|(?:year|quarter)[-\s]over[-\s](?:year|quarter)|yoy|qoq|(?:year|quarter)-ago|(?:up|down)\s+from)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex EarlierSaidRegex();

    /// <summary>"how is the 2026 budget split between plants and chips?", "how much of the budget goes to plants?",
    /// "what share of the gain came from Zeta?": a whole asked of by its parts. The span of the whole's words, the
    /// preposition that joins the parts to it, and each part's span; null for any other question. The active form
    /// ("split its budget between …") has the whole after the verb; the passive one, before it.</summary>
    public static SplitAsked? SplitAskedIn(string text)
    {
        if (SplitBetweenRegex().Match(text) is { Success: true } between)
        {
            var whole = between.Groups["whole"];
            var parts = PartsOf(between.Groups["parts"]);
            // "split across the rivals" names no parts to give figures of, only the kind of them
            if (parts.Count < 2) return null;
            return whole.Success && whole.Value.Trim().Length > 0
                ? new SplitAsked(whole.Index, whole.Index + whole.Length, between.Groups["prep"].Value, parts, Between: true)
                : new SplitAsked(0, between.Index, between.Groups["prep"].Value, parts, Between: true);
        }
        // "2026 capex split msl vs core biz?": a split typed with its parts set against each other, the whole before it
        if (SplitVersusRegex().Match(text) is { Success: true } versus && PartsOf(versus.Groups["parts"]) is { Count: >= 2 } sides
            && versus.Groups["whole"].Value.Any(char.IsLetter))
            return new SplitAsked(versus.Groups["whole"].Index, versus.Groups["whole"].Index + versus.Groups["whole"].Length, "between", sides, Between: true);
        // ("of the 2026 budget, how much goes to plants?": the whole fronted before a comma)
        if ((ShareOfRegex().Match(text) is { Success: true } shareOf ? shareOf : FrontedShareOfRegex().Match(text)) is { Success: true } of)
            return new SplitAsked(of.Groups["whole"].Index, of.Groups["whole"].Index + of.Groups["whole"].Length, of.Groups["prep"].Value, PartsOf(of.Groups["parts"]), Between: false);
        // "how much of the 2026 budget is plants versus chips?": the parts set against each other right after a verb of being
        if (ShareVersusRegex().Match(text) is { Success: true } share && PartsOf(share.Groups["parts"]) is { Count: >= 2 } shares)
            return new SplitAsked(share.Groups["whole"].Index, share.Groups["whole"].Index + share.Groups["whole"].Length, "between", shares, Between: true);
        return null;
    }

    /// <summary>The parts listed ("plants, chips and software"), each a span of the text.</summary>
    private static List<(int From, int To)> PartsOf(System.Text.RegularExpressions.Group listed)
    {
        var parts = new List<(int From, int To)>();
        int from = listed.Index;
        foreach (System.Text.RegularExpressions.Match sep in PartSeparatorRegex().Matches(listed.Value).Append(null!))
        {
            int to = sep is null ? listed.Index + listed.Length : listed.Index + sep.Index;
            if (listed.Value[(from - listed.Index)..(to - listed.Index)].Any(char.IsLetterOrDigit)) parts.Add((from, to));
            if (sep is not null) from = listed.Index + sep.Index + sep.Length;
        }
        return parts;
    }

    /// <summary>"what is the Zeta stake worth?", "what's Zeta valued at?", "what does the deal put its value at?",
    /// "Zeta's valuation?": what something is worth, a measure of its own, not what was paid for it. Not the worth of a
    /// transaction ("what was the Zeta deal worth?"), which is its amount.</summary>
    public static bool AsksWorth(string lowerQuestion) =>
        WorthRegex().IsMatch(lowerQuestion) && !TransactionWorthRegex().IsMatch(lowerQuestion) && !WorthPerPeriodRegex().IsMatch(lowerQuestion);

    // "what's the Zeta business worth a year?": worth over a period is what it brings in, not a valuation
    [System.Text.RegularExpressions.GeneratedRegex(@"\bworth\s+(?:(?:a|an|per|each|every)\s+(?:year|month|quarter|annum)|annually|yearly|monthly|quarterly)\b")]
    private static partial System.Text.RegularExpressions.Regex WorthPerPeriodRegex();

    /// <summary>Words that say what something is worth ("valued at $5B", "a $5B valuation", "worth $5B").</summary>
    public static readonly IReadOnlyList<string> WorthWords = ["worth", "value", "valued", "valuation", "valuations", "values"];

    // (or a value something put on it: "what value did the deal put on Zeta?", "what total value was placed on it?")
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:worth|value[sd]?\s+(?:[\w.'’-]+\s+){0,3}?at|value\s+(?:[\w.'’-]+\s+){0,5}?(?:put|puts|putting|placed|places|placing|set|sets|setting)\s+on|valuations?|market\s+(?:value|cap))\b")]
    private static partial System.Text.RegularExpressions.Regex WorthRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:deal|deals|investment|investments|purchase|acquisition|contract|agreement|transaction|buyout|round|check|cheque|offer|package|order|bet)\s+(?:[\w.'’-]+\s+){0,2}?(?:worth|valued\s+at)\b")]
    private static partial System.Text.RegularExpressions.Regex TransactionWorthRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:split|splits|splitting|divide|divides|divided|dividing|divvied|divvy|shared|allocated|allocate|allocates|apportioned|distributed|broken|carved)\s+(?:up\s+|down\s+|out\s+)?(?:(?<whole>(?!(?:up|down|out|between|among|amongst|across)\b)[^?.;!]+?)\s+)?(?<prep>between|among|amongst|across)\s+(?<parts>[^?.;!]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SplitBetweenRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:how\s+much|what\s+(?:share|portion|part|proportion|fraction|percentage|percent|slice|chunk|amount))\s+of\s+(?<whole>[^?.;!]+?)\s+(?:is|was|are|were|will\s+be)\s+(?:on\s+)?(?<parts>[^?.;!]+?\s+(?:vs\.?|versus)\s+[^?.;!]+?)\s*[?.!]*\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ShareVersusRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?<whole>[^?.;!]+?)\s+(?:split|breakdown|broken\s+down|breakout)\s+(?!between|among|amongst|across|up|down|out)(?<parts>[^?.;!]+?\s+(?:vs\.?|versus|/)\s+[^?.;!]+?)\s*[?.!]*\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SplitVersusRegex();

    // "how much" or "what share", and the verb and preposition that join the part asked to its whole
    private const string ShareAsked = @"(?:how\s+much|what\s+(?:share|portion|part|proportion|fraction|percentage|percent|slice|chunk|amount|piece|cut))";
    private const string ShareGoesTo = @"(?:(?:is|was|will\s+be|has\s+been)\s+)?(?:goes|go|went|going|gone|came|comes|come|coming|earmarked|allocated|set\s+aside|tied|is|was|are|were)\s+(?<prep>to|for|from|into|toward|towards)\s+(?<parts>[^?.;!]+)";

    [System.Text.RegularExpressions.GeneratedRegex(@"\b" + ShareAsked + @"\s+of\s+(?<whole>[^?.;!]+?)\s+" + ShareGoesTo, System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ShareOfRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:and\s+|so\s+)?of\s+(?<whole>[^?.;!,]+?)\s*,\s*" + ShareAsked + @"\s+" + ShareGoesTo, System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FrontedShareOfRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(?:,|&|/|\b(?:and|or|vs\.?|versus)\b)\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PartSeparatorRegex();

    /// <summary>"the company", "this firm's": in a note about one company, that company (the note's subject), in a
    /// question as in the note's own sentences.</summary>
    [GeneratedRegex(@"\b(?:the|this)\s+(?:company|firm)(?<s>['’]s)?\b(?!['’-])", RegexOptions.IgnoreCase)]
    public static partial Regex TheCompanyRegex();
}

/// <summary>A whole asked of by its parts (<see cref="English.SplitAskedIn"/>): spans of the question's text.</summary>
/// <param name="Between">Asked as a split among the parts ("split between A and B"), not as the share of one ("how
/// much of X goes to A").</param>
public sealed record SplitAsked(int WholeFrom, int WholeTo, string Preposition, IReadOnlyList<(int From, int To)> Parts, bool Between);

/// <summary>What a message that asks nothing is: see <see cref="English.SmallTalkIn"/>.</summary>
public enum SmallTalk
{
    None,
    Thanks,
    Greeting,
    Acknowledgement,
}
