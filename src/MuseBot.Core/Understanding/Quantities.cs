using System.Text.RegularExpressions;

namespace MuseBot.Core.Understanding;

/// <summary>What a figure measures, from its own form.</summary>
public enum FigureKind
{
    Money,
    Percent,
    Multiple,
    Count,
    Duration,
    Number,
}

/// <summary>A figure as written in the note ("$12.5B", "40%", "2.5B", "6 months", "tripled").</summary>
/// <param name="Start">Character offset in the text it was found in.</param>
public sealed record Figure(string Text, FigureKind Kind, int Start)
{
    public int End => Start + Text.Length;
}

/// <summary>A date or period as written ("April 8, 2026", "June 2025", "Q4 2025", "2025").</summary>
/// <param name="Period">The period it names.</param>
/// <param name="HasDay">True for a calendar day ("December 16, 2025").</param>
public sealed record DateMention(string Text, int Start, Period Period, bool HasDay, bool HasMonth)
{
    public int End => Start + Text.Length;

    /// <summary>The day of the month, for a calendar day.</summary>
    public int? Day { get; init; }

    /// <summary>The days this date spans: one for a calendar day, a month's, a quarter's or a year's. A date written
    /// without its year ("April 8") is read in <paramref name="yearIfNone"/>.</summary>
    public (DateOnly From, DateOnly To) Days(int yearIfNone)
    {
        int year = Period.Year == 0 ? yearIfNone : Period.Year;
        if (Period.Month is { } m)
            return Day is { } d && d <= DateTime.DaysInMonth(year, m)
                ? (new DateOnly(year, m, d), new DateOnly(year, m, d))
                : (new DateOnly(year, m, 1), new DateOnly(year, m, DateTime.DaysInMonth(year, m)));
        if (Period.Quarter is { } q)
            return (new DateOnly(year, 3 * q - 2, 1), new DateOnly(year, 3 * q, DateTime.DaysInMonth(year, 3 * q)));
        return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }
}

/// <summary>A year, optionally narrowed to a quarter or a month. Year 0 is a quarter asked without its year ("the
/// q4 lift"): any year's.</summary>
public sealed record Period(int Year, int? Quarter, int? Month)
{
    /// <summary>This period says what was asked about <paramref name="asked"/>: same year, and the same quarter or
    /// month when the question narrows it ("Q3 2025" is not answered by "Q4 2025", nor by "2025" as a whole).</summary>
    public bool Answers(Period asked) =>
        (asked.Year == 0 || Year == asked.Year) && (asked.Quarter is null || Quarter == asked.Quarter) && (asked.Month is null || Month == asked.Month);

    public override string ToString() => Month is { } m ? $"{Year}-{m:00}" : Quarter is { } q ? (Year == 0 ? $"Q{q}" : $"Q{q} {Year}") : $"{Year}";
}

/// <summary>
/// Recognises figures and dates in general English: currency, percentages, multiples, scaled counts, durations,
/// calendar dates, quarters and years. A number that is part of a name ("Zeta-2.1", "Widget 3.2", "Gizmo 4 Max",
/// "Q4") is a version, not a figure.
/// </summary>
public static partial class Quantities
{
    public static IReadOnlyList<Figure> FiguresIn(string text)
    {
        var result = new List<Figure>();
        foreach (Match m in FigureRegex().Matches(text))
        {
            var v = m.Value.TrimEnd();
            if (v.Length == 0 || YearRegex().IsMatch(v)) continue;
            if (char.IsDigit(v[0]) && IsVersion(text, m.Index, v)) continue;
            result.Add(new Figure(v, KindOf(v, text[(m.Index + v.Length)..]), m.Index));
        }
        return result;
    }

    public static IReadOnlyList<DateMention> DatesIn(string text)
    {
        var result = new List<DateMention>();
        foreach (Match m in DateRegex().Matches(text))
        {
            int year = int.Parse(YearInDateRegex().Match(m.Value).Value, System.Globalization.CultureInfo.InvariantCulture);
            int? month = m.Groups["month"].Success ? MonthNumber(m.Groups["month"].Value) : null;
            int? quarter = m.Groups["quarter"].Success ? m.Groups["quarter"].Value[0] - '0' : month is { } mo ? (mo - 1) / 3 + 1 : null;
            result.Add(new DateMention(m.Value, m.Index, new Period(year, quarter, month), m.Groups["day"].Success, m.Groups["month"].Success) { Day = DayOf(m) });
        }
        return result;
    }

    /// <summary>Dates a text names without their year ("on April 8", "8 April", "in March"), outside its full dates:
    /// any year's (year 0). A month alone counts only after a word that dates something by it ("in", "since", "early"),
    /// for "march" and "may" are as often other words.</summary>
    public static IReadOnlyList<DateMention> DatesWithoutYearIn(string text, IReadOnlyList<DateMention> dates) =>
        MonthWithoutYearRegex().Matches(text).Where(m => !dates.Any(d => m.Index < d.End && d.Start < m.Index + m.Length))
            .Select(m => MonthNumber(m.Groups["month"].Value) is var month && month > 0
                ? new DateMention(m.Value, m.Index, new Period(0, (month - 1) / 3 + 1, month), m.Groups["day"].Success, true) { Day = DayOf(m) }
                : null)
            .OfType<DateMention>().ToList();

    private static int? DayOf(Match m) =>
        m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    // April 8 · Apr. 8th · 8 April · 8th of April · in March · since June · early May (no year after any of them)
    [GeneratedRegex(@"\b(?:(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?![.,]?\d)|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|(?<=\b(?:in|on|by|during|since|from|until|till|before|after|early|late|mid-?)\s*)(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\b)(?!,?\s+(?:19|20)\d\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthWithoutYearRegex();

    /// <summary>Quarters a question names without their year ("the q4 lift"), outside any of its full dates, with
    /// where each stands.</summary>
    public static IReadOnlyList<(Period Period, int From, int To)> QuartersWithoutYearIn(string text, IReadOnlyList<DateMention> dates) =>
        BareQuarterRegex().Matches(text).Where(m => !dates.Any(d => m.Index >= d.Start && m.Index < d.End))
            .Select(m => (new Period(0, m.Groups["q"].Value[0] - '0', null), m.Index, m.Index + m.Length)).ToList();

    [GeneratedRegex(@"\b[qQ](?<q>[1-4])\b")]
    private static partial Regex BareQuarterRegex();

    /// <summary>The periods a text names ("Q4 2025", "December 2025", "2026").</summary>
    public static IReadOnlyList<Period> PeriodsIn(string text) => DatesIn(text).Select(d => d.Period).Distinct().ToList();

    private static int MonthNumber(string name) =>
        Array.FindIndex(Language.English.Months, m => m.StartsWith(name.TrimEnd('.').ToLowerInvariant()[..Math.Min(3, name.TrimEnd('.').Length)], StringComparison.Ordinal)) + 1;

    /// <summary>The digits of a figure, for comparing "$12.5B" with "12.5" or "40%" with "40 percent".</summary>
    public static string Digits(string figure) => new(figure.Where(c => char.IsDigit(c) || c == '.').ToArray());

    /// <summary>
    /// A figure's value in one unit per kind, to compare a bound with: money and counts in ones ("$1.5B" →
    /// 1.5e9), durations in days ("8 weeks" → 56), percentages as written; a range gives both ends, low first.
    /// </summary>
    public static IReadOnlyList<double> Magnitudes(string figure)
    {
        double scale = Scale(figure);
        var numbers = Numbers(figure);
        // "a year", "an hour": one of the unit
        if (numbers.Count == 0 && ArticleRegex().IsMatch(figure)) return [scale];
        return numbers.Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture) * scale).Order().ToList();
    }

    /// <summary>What one of a figure's numbers stands for: days for a duration, 1e9 for "B"/"bn"/"billion" and so
    /// on, 1 for a figure written without a scale ("40%", "40 percent", "52").</summary>
    public static double Scale(string figure)
    {
        if (DurationDays().Match(figure) is { Success: true } d) return DaysIn(d.Value.ToLowerInvariant());
        return ScaleAfterNumber().Match(figure) is { Success: true } m
            ? m.Groups["s"].Value.ToLowerInvariant() switch
            {
                "t" or "trillion" => 1e12,
                "b" or "bn" or "billion" => 1e9,
                "m" or "million" => 1e6,
                _ => 1e3,
            }
            : 1;
    }

    /// <summary>The numbers written in a figure, without thousands separators ("$1,200M-$1,500M" → 1200, 1500).</summary>
    public static IReadOnlyList<string> Numbers(string figure) =>
        NumberInFigure().Matches(figure).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal)).ToList();

    private static double DaysIn(string unit) => unit[..3] switch
    {
        "sec" => 1.0 / 86400, "min" => 1.0 / 1440, "hou" => 1.0 / 24, "day" => 1, "wee" => 7, "mon" => 30, "qua" => 91, _ => 365,
    };

    [GeneratedRegex(@"\b(?:second|minute|hour|day|week|month|quarter|year)", RegexOptions.IgnoreCase)]
    private static partial Regex DurationDays();

    [GeneratedRegex(@"^an?\s", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleRegex();

    // the scale written right after a number: "$1.5B", "2 bn", "12 billion", "128k"
    [GeneratedRegex(@"\d\s?(?<s>trillion|billion|million|thousand|bn|[tbmk])\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScaleAfterNumber();

    [GeneratedRegex(@"\d(?:[\d,]*\d)?(?:\.\d+)?")]
    private static partial Regex NumberInFigure();

    private static FigureKind KindOf(string v, string after)
    {
        var lower = v.ToLowerInvariant();
        if (lower.StartsWith('$') || lower.Contains('€') || lower.Contains('£')) return FigureKind.Money;
        if (lower.EndsWith('%') || lower.Contains("percent")) return FigureKind.Percent;
        if (lower.EndsWith('x') || lower.EndsWith('×') || lower.Contains("fold") || lower is "doubled" or "tripled" or "quadrupled"
            || lower.Contains("order of magnitude")) return FigureKind.Multiple;
        if (DurationAfterRegex().IsMatch(after) || DurationAfterRegex().IsMatch(" " + lower.Split(' ', '-').Last())) return FigureKind.Duration;
        if (ScaleRegex().IsMatch(lower)) return FigureKind.Count;
        return FigureKind.Number;
    }

    /// <summary>"Zeta-2.1", "X-2", "Q4": digits glued to letters; "Widget 3.2", "Gizmo 4 Max": a name's version.</summary>
    private static bool IsVersion(string text, int start, string v)
    {
        if (HasUnitRegex().IsMatch(v)) return false;
        if (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-')) return true;
        var before = text[..start].TrimEnd();
        // "from day 1", "phase 2", "step 3": a place in a sequence, not an amount
        if (SequenceNounRegex().IsMatch(before)) return true;
        var after = text[(start + v.Length)..];
        bool afterName = before.Length > 0 && PrecedingCapitalRegex().IsMatch(before);
        bool versionish = v.Contains('.') || VersionFollowerRegex().IsMatch(after);
        return afterName && versionish;
    }

    // $12.5B · $15B-$18B · 40% · 4.2% · 2.5M · 128k · 10x · 20 percent · tripled · an order of magnitude · 6 months
    [GeneratedRegex(@"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred)[\s-](?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?)\b|(?:[$€£]\s?)?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:%|percent\b|per\s?cent\b|[BMKT]\b|bn\b|billion\b|million\b|trillion\b|thousand\b|k\b|x\b|×|-fold\b))?(?:\s?[-–]\s?(?:[$€£]\s?)?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:%|[BMKT]\b|bn\b|billion\b|million\b|k\b))?)?|\b(?:doubled|tripled|quadrupled|(?:two|three|four|five|ten)-?fold|(?:an?\s+)?order of magnitude)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FigureRegex();

    [GeneratedRegex(@"\b(?:day|week|month|year|phase|step|stage|round|tier|part|chapter|section|page|item|season|episode|gen|generation|no\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex SequenceNounRegex();

    [GeneratedRegex(@"^(?:19|20)\d\d$")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearInDateRegex();

    [GeneratedRegex(@"[%$€£×]|\d[BMKTkx]\b|bn\b|billion|million|trillion|thousand|percent|fold", RegexOptions.IgnoreCase)]
    private static partial Regex HasUnitRegex();

    [GeneratedRegex(@"[BMKT]$|bn$|billion$|million$|trillion$|thousand$|k$", RegexOptions.IgnoreCase)]
    private static partial Regex ScaleRegex();

    [GeneratedRegex(@"^\s*-?(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationAfterRegex();

    [GeneratedRegex(@"\b[A-Z][\w-]*$")]
    private static partial Regex PrecedingCapitalRegex();

    [GeneratedRegex(@"^(\s+[A-Z]|['’]s\b|\s+(at|as|and|is|was)\b)")]
    private static partial Regex VersionFollowerRegex();

    // April 8, 2026 · Apr. 8 2026 · 8 April 2026 · June 2025 · Q4 2025 · 2025
    [GeneratedRegex(@"\b(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s+(?<day>\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?:19|20)\d{2}\b|\b(?<day>\d{1,2})\s+(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?:19|20)\d{2}\b|\bQ(?<quarter>[1-4])\s+(?:19|20)\d{2}\b|\bH[12]\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateRegex();

    /// <summary>
    /// How far apart two figures of one kind and scale are, written as they are ("$30B-$40B" and "$12.5B" →
    /// "$17.5B-$27.5B"): a range against one figure gives a range. Null when either is not one figure or range of
    /// money or a count (percentages differ by points, said elsewhere), their units differ, or both are ranges (whose
    /// difference would be wider than either says).
    /// </summary>
    public static string? Difference(string a, string b)
    {
        if (FiguresIn(a) is not [var fa] || FiguresIn(b) is not [var fb] || fa.Kind != fb.Kind
            || fa.Kind is not (FigureKind.Money or FigureKind.Count or FigureKind.Number)) return null;
        string Unit(string figure) => UnitAfterRegex().Match(figure).Value.Trim();
        string Prefix(string figure) => new(figure.TakeWhile(c => !char.IsDigit(c)).ToArray());
        if (Scale(a) != Scale(b) || Unit(a) != Unit(b) || Prefix(a) != Prefix(b)) return null;
        var (x, y) = (Magnitudes(a), Magnitudes(b));
        if (x.Count > 1 && y.Count > 1) return null;
        double scale = Scale(a);
        int decimals = Numbers(a).Concat(Numbers(b)).Max(n => n.Contains('.') ? n.Length - n.IndexOf('.') - 1 : 0);
        string Write(double v) => Prefix(a) + Math.Round(Math.Abs(v) / scale, decimals).ToString(System.Globalization.CultureInfo.InvariantCulture) + Unit(a);
        var ends = x.SelectMany(p => y.Select(q => p - q)).Distinct().Order().ToList();
        if (ends.Any(d => d < 0) && ends.Any(d => d > 0)) return null;
        return ends.Count == 1 ? Write(ends[0]) : $"{Write(ends.MinBy(Math.Abs))}-{Write(ends.MaxBy(Math.Abs))}";
    }

    /// <summary>The two ends of a figure written as a range ("$4B-$5B", "4–5%", "10 to 12 months"), each with the
    /// unit the range shares ("4%", "5%"); null for a single figure.</summary>
    public static (string Low, string High)? RangeEnds(string figure)
    {
        var m = RangeRegex().Match(figure);
        if (!m.Success) return null;
        string low = m.Groups["lo"].Value.Trim(), high = m.Groups["hi"].Value.Trim();
        // "4-5%": the low end takes the unit the high end carries
        var unit = UnitAfterRegex().Match(high).Value;
        if (unit.Length > 0 && !low.EndsWith(unit, StringComparison.Ordinal)) low += unit;
        if (high.StartsWith('$') && !low.StartsWith('$')) low = "$" + low;
        return (low, high);
    }

    [GeneratedRegex(@"^(?<lo>\$?\d[\d.,]*\s*[A-Za-z%]*)\s*(?:-|–|—|to)\s*(?<hi>\$?\d[\d.,]*.*)$")]
    private static partial Regex RangeRegex();

    [GeneratedRegex(@"(?<=\d)\s*[A-Za-z%]+$")]
    private static partial Regex UnitAfterRegex();
}
