namespace MuseBot.Core.Answering;

/// <summary>
/// English function words (stemmed forms included, since question terms are stemmed). Lucene's English stop set
/// is deliberately tiny for search; deciding what a question is about needs the fuller list.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "abov", "above", "after", "again", "against", "all", "am", "an", "and", "ani", "any", "are", "ar", "as",
        "at", "be", "becaus", "because", "been", "befor", "before", "being", "below", "between", "both", "but", "by", "can",
        "could", "did", "do", "doe", "does", "doing", "don't", "down", "dure", "during", "each", "few", "for", "from",
        "further", "go", "goe", "gone", "got", "had", "ha", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most",
        "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "onc", "once", "onli", "only", "or", "other", "our",
        "ours", "ourselv", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "theirs", "them", "themselv", "then", "there", "these", "thei", "they", "thi", "this", "those", "through",
        "to", "too", "under", "until", "up", "veri", "very", "wa", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselv", "yeah",
        "whi", "whose", "let", "let'", "someon", "anyon", "everyon", "thing", "stuff", "right", "now", "yet", "still",
        "us", "use", "ok", "okai", "pleas", "thank", "thx", "hei", "hey", "hi", "hello", "lol", "btw", "fyi", "quick",
        "quickli", "actual", "actualli", "realli", "basic", "basicali", "exactli", "kinda", "sort", "gonna", "wanna",
        "tell", "know", "want", "need", "look", "think", "say", "said", "sai", "make", "made", "give", "gave", "get", "put",
        "'s", "s", "d", "ll", "re", "ve", "t", "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "hasn", "haven",
        "shouldn", "wouldn", "couldn", "can't", "cannot",
    };

    public static bool IsStopWord(string term) => Words.Contains(term);
}
