using System.Globalization;
using System.Text.RegularExpressions;

namespace MuseBot.Core.Language;

/// <summary>
/// Numbers said in words, as dictation and chat write them ("twenty twenty six", "five point four", "seventy two
/// billion", "q four"), written as the digits a note prints. Only where the words can be nothing but a number: a
/// decimal, a year, a two-word number, or a number word before a scale or unit ("ten x", "three percent"). A lone
/// "one" or "two" stays a word ("the google one", "two-track").
/// </summary>
public static partial class SpokenNumbers
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9,
    };

    private static readonly Dictionary<string, int> Teens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>The text with its spoken numbers in digits; the rest as it was.</summary>
    public static string InDigits(string text)
    {
        // "five point four", "one point oh five": a whole number, "point", then digits said one by one
        text = DecimalRegex().Replace(text, m => $"{Number(m.Groups["int"].Value)}.{string.Concat(m.Groups["frac"].Value.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Digit))}");
        // "twenty twenty six", "nineteen ninety", "twenty oh nine", "two thousand and twenty five": a year
        text = YearRegex().Replace(text, m => (Number(m.Groups["c"].Value) * 100 + Number(m.Groups["y"].Value)).ToString(CultureInfo.InvariantCulture));
        text = ThousandsYearRegex().Replace(text, m => (2000 + Number(m.Groups["y"].Value)).ToString(CultureInfo.InvariantCulture));
        // "seventy two", "twenty-four": two number words are a number wherever they stand
        text = CompoundRegex().Replace(text, m => Number(m.Value).ToString(CultureInfo.InvariantCulture));
        // "ten x", "fifty billion", "three percent": one number word before a scale or a unit
        text = ScaledRegex().Replace(text, m => Number(m.Groups["n"].Value).ToString(CultureInfo.InvariantCulture) + (m.Groups["x"].Success ? "x" : ""));
        // "q four": a quarter
        return QuarterRegex().Replace(text, m => m.Groups["q"].Value + Number(m.Groups["n"].Value).ToString(CultureInfo.InvariantCulture));
    }

    private static int Digit(string word) => word.Equals("oh", StringComparison.OrdinalIgnoreCase) ? 0 : Units[word];

    /// <summary>The value of one to two number words below a hundred ("seventy two", "twenty-four", "nine").</summary>
    private static int Number(string words) =>
        words.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Sum(w =>
            Units.TryGetValue(w, out var u) ? u : Teens.TryGetValue(w, out var t) ? t : Tens.TryGetValue(w, out var d) ? d : 0);

    private const string Unit = "zero|one|two|three|four|five|six|seven|eight|nine";

    /// <summary>The counts from two to ten as words, for patterns that read a small count ("which three X", "ten days").</summary>
    public const string TwoToTen = "two|three|four|five|six|seven|eight|nine|ten";
    private const string Teen = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string Ten = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string UpToNinetyNine = $@"(?:(?:{Ten})(?:[\s-]+(?:{Unit}))?|{Teen}|{Unit})";

    [GeneratedRegex($@"\b(?<int>{UpToNinetyNine})\s+point\s+(?<frac>(?:oh|{Unit})(?:[\s-]+(?:oh|{Unit}))*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalRegex();

    [GeneratedRegex($@"\b(?<c>twenty|nineteen)[\s-]+(?<y>(?:{Ten})(?:[\s-]+(?:{Unit}))?|{Teen}|oh[\s-]+(?:{Unit}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearRegex();

    [GeneratedRegex($@"\btwo\s+thousand(?:\s+and)?\s+(?<y>{UpToNinetyNine})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThousandsYearRegex();

    [GeneratedRegex($@"\b(?:{Ten})[\s-]+(?:{Unit})\b", RegexOptions.IgnoreCase)]
    private static partial Regex CompoundRegex();

    [GeneratedRegex($@"\b(?<n>{Ten}|{Teen}|{Unit})(?:\s*(?<x>x)\b|(?=\s*(?:times|percent|per\s+cent|%|k|hundred|thousand|million|billion|trillion|bn|b|m)\b))", RegexOptions.IgnoreCase)]
    private static partial Regex ScaledRegex();

    [GeneratedRegex(@"\b(?<q>q)\s+(?<n>one|two|three|four)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterRegex();
}
