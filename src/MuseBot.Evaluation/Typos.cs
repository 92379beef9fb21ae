using System.Text.RegularExpressions;
using MuseBot.Core.Language;

namespace MuseBot.Evaluation;

/// <summary>
/// A question set with one slip of the keyboard in each question, the way chat users type: two letters swapped, one
/// dropped, one doubled or one struck wrong, in a word of four letters or more that is not a stop word. Seeded, so a
/// run can be repeated and two builds compared on the same slips; `eval --typos SEED` scores it beside the clean set.
/// </summary>
public static partial class Typos
{
    private const string Struck = "aeiourstnl";

    public static IReadOnlyList<EvalItem> Apply(IReadOnlyList<EvalItem> items, int seed)
    {
        var random = new Random(seed);
        return items.Select(item => item with { Question = Slip(item.Question, random) }).ToList();
    }

    /// <summary>The question with one word mistyped; unchanged when it has no word to mistype.</summary>
    public static string Slip(string question, Random random)
    {
        var words = WordRegex().Matches(question).Where(m => !English.IsStopWord(m.Value.ToLowerInvariant())).ToList();
        if (words.Count == 0) return question;
        var word = words[random.Next(words.Count)];
        var w = word.Value;
        int i = random.Next(1, w.Length - 1); // the first and last letters are rarely the slip
        string typed = random.Next(4) switch
        {
            0 => w[..i] + w[i + 1] + w[i] + w[(i + 2)..],
            1 => w[..i] + w[(i + 1)..],
            2 => w[..i] + w[i] + w[i..],
            _ => w[..i] + Struck.Where(c => c != char.ToLowerInvariant(w[i])).ElementAt(random.Next(Struck.Length - 1)) + w[(i + 1)..],
        };
        return question[..word.Index] + typed + question[(word.Index + w.Length)..];
    }

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex WordRegex();
}
