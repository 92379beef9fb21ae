using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MuseBot.Evaluation;

/// <summary>One question of an evaluation set (tests/eval/dev.json); see /work/shared/eval/README.md.</summary>
public sealed record EvalItem(
    string Id,
    string Question,
    string? Kind,
    IReadOnlyList<IReadOnlyList<string>> MustInclude,
    IReadOnlyList<string> MustNotInclude,
    IReadOnlyList<string?> Sections,
    bool ExpectFlag,
    bool ExpectAbstain,
    string? Previous = null);

/// <summary>One line of an `ask --json` run, as the scorer reads it.</summary>
public sealed record EvalAnswer(
    string Question,
    string Text,
    bool Abstained,
    IReadOnlyList<string?> CitedSections,
    IReadOnlyList<string> CitedSectionsRaw,
    bool Flagged,
    IReadOnlyList<string> FlagReasons);

/// <summary>
/// The checks for one item, in score.py's order. A check that does not apply is absent; one that applies but has
/// no gold (cite_hit without gold sections) is present with a null value, as in score.py.
/// </summary>
public sealed class ItemGrade
{
    private readonly List<KeyValuePair<string, object?>> _checks = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Checks => _checks;

    internal void Set(string key, object? value) => _checks.Add(new(key, value));

    public bool Has(string key) => _checks.Any(c => c.Key == key);

    public object? Get(string key) => _checks.FirstOrDefault(c => c.Key == key).Value;

    public bool Missing => Get("missing") is true;
    public bool Correct => Get("correct") is true;

    /// <summary>The item counts as right: correct, flagged when it should be, not flagged when it should not.</summary>
    public bool Right => Correct && Get("flag_hit") is not false && Get("flag_false") is not true;

    /// <summary>Python's repr of the checks dict, for --show-failures.</summary>
    public override string ToString() =>
        "{" + string.Join(", ", _checks.Select(c => $"'{c.Key}': {EvalScorer.PyRepr(c.Value)}")) + "}";
}

/// <summary>A metric: its value over the items it applies to (null = n/a) and how many those are.</summary>
public sealed record EvalMetric(string Name, double? Value, int Count)
{
    /// <summary>"answer_accuracy: 0.950 (n=35)", formatted exactly as score.py does.</summary>
    public string Line => $"{Name}: {(Value is { } v ? EvalScorer.FormatFixed3(v) : "n/a")} (n={Count})";
}

/// <summary>The outcome of scoring a run: the metrics, the per-item grades, and the items line.</summary>
public sealed record EvalReport(IReadOnlyList<EvalMetric> Metrics, IReadOnlyList<(EvalItem Item, ItemGrade Grade, EvalAnswer? Answer)> Results)
{
    public int MissingAnswers => Results.Count(r => r.Grade.Missing);
    public int Right => Results.Count(r => r.Grade.Right);
    public int Wrong => Results.Count - Right;

    public EvalMetric this[string name] => Metrics.First(m => m.Name == name);

    /// <summary>Metrics that miss their bar; false_* metrics are upper bounds, the others lower bounds.</summary>
    public IReadOnlyList<string> BelowThreshold(IReadOnlyDictionary<string, double> minimums) =>
        minimums.Where(kv =>
        {
            var m = Metrics.FirstOrDefault(x => x.Name == kv.Key);
            if (m?.Value is not { } v) return true;
            return kv.Key.StartsWith("false_", StringComparison.Ordinal) ? v > kv.Value : v < kv.Value;
        }).Select(kv => kv.Key).ToList();

    /// <summary>Prints what score.py prints; returns its exit code (1 when a minimum is missed, else 0).</summary>
    public int WriteTo(TextWriter output, bool showFailures = false, IReadOnlyDictionary<string, double>? minimums = null)
    {
        foreach (var m in Metrics) output.WriteLine(m.Line);
        if (MissingAnswers > 0) output.WriteLine($"missing_answers: {MissingAnswers}");
        if (showFailures)
        {
            foreach (var (item, grade, answer) in Results)
            {
                bool bad = grade.Missing || !grade.Correct || grade.Get("flag_hit") is false || grade.Get("flag_false") is true;
                if (!bad) continue;
                output.WriteLine($"--- {item.Id} [{item.Kind ?? "None"}] {item.Question}");
                output.WriteLine($"    checks: {grade}");
                if (answer is null) continue;
                var text = answer.Text.Length > 400 ? answer.Text[..400] : answer.Text;
                output.WriteLine($"    answer: {EvalScorer.PyRepr(text)}");
                output.WriteLine($"    cited: [{string.Join(", ", answer.CitedSectionsRaw)}] flags: [{string.Join(", ", answer.FlagReasons.Select(r => EvalScorer.PyRepr(r)))}]");
            }
        }
        output.WriteLine($"items: {Right} right, {Wrong} wrong");
        var failed = minimums is null ? [] : BelowThreshold(minimums);
        if (failed.Count == 0) return 0;
        output.WriteLine("below threshold: " + string.Join(", ", failed));
        return 1;
    }
}

/// <summary>
/// A port of /work/shared/eval/score.py: the same normalisation, the same checks per item and the same metric
/// definitions, so `musebot eval` and the tests print what the external scorer prints.
/// </summary>
public static partial class EvalScorer
{
    /// <summary>The metric names in score.py's print order.</summary>
    public static readonly IReadOnlyList<string> MetricNames =
    [
        "answer_accuracy", "citation_hit", "citation_precision", "abstain_recall",
        "false_abstain_rate", "flag_recall", "false_flag_rate", "overall_accuracy",
    ];

    private static readonly Lazy<Dictionary<int, string>> Nfkc = new(LoadNfkc);
    private static readonly Lazy<Dictionary<int, char>> Compositions = new(LoadCompositions);

    // ---- normalisation ----

    /// <summary>score.py's norm(): NFKC, lower case, dashes and curly quotes folded, '*' dropped, '_' → ' ',
    /// whitespace runs → one space (not trimmed).</summary>
    public static string Norm(string? text)
    {
        var s = NormalizeNfkc(text ?? "");
        s = PyLower(s);
        var sb = new StringBuilder(s.Length);
        bool inSpace = false;
        foreach (var ch0 in s)
        {
            var ch = ch0 switch
            {
                >= '\u2010' and <= '\u2015' or '\u2212' => '-',
                '\u2018' or '\u2019' => '\'',
                '\u201c' or '\u201d' => '"',
                '_' => ' ',
                _ => ch0,
            };
            if (ch == '*') continue;
            if (IsPySpace(ch))
            {
                if (!inSpace) sb.Append(' ');
                inSpace = true;
                continue;
            }
            inSpace = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Python's str.strip() with no argument.</summary>
    public static string PyStrip(string s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsPySpace(s[a])) a++;
        while (b > a && IsPySpace(s[b - 1])) b--;
        return s[a..b];
    }

    /// <summary>The key questions and answers are matched by: norm(question).strip().</summary>
    public static string QuestionKey(string? question) => PyStrip(Norm(question));

    /// <summary>Python's str.isspace() for one UTF-16 unit (all such characters are in the BMP).</summary>
    public static bool IsPySpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' => true,
        >= '\x1c' and <= '\x1f' => true,
        '\x85' or '\xa0' or '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        >= '\u2000' and <= '\u200a' => true,
        _ => false,
    };

    /// <summary>NFKC from tables generated with Python's unicodedata (see NfkcTable.g.cs): the repo runs in
    /// invariant-globalization mode, where string.Normalize is a no-op. Each code point is mapped to its NFKC
    /// form, then adjacent canonical pairs are composed (e + U+0301 → é). Not done: reordering of several
    /// combining marks, Hangul jamo composition; neither occurs in the note or in answers.</summary>
    public static string NormalizeNfkc(string s) => ComposePairs(MapCompatibility(s));

    private static string ComposePairs(string s)
    {
        var pairs = Compositions.Value;
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (i > 0 && !char.IsSurrogate(c))
            {
                var last = sb is null ? s[i - 1] : sb[^1];
                if (!char.IsSurrogate(last) && pairs.TryGetValue((last << 16) | c, out var composed))
                {
                    sb ??= new StringBuilder(s, 0, i, s.Length);
                    sb[^1] = composed;
                    continue;
                }
            }
            sb?.Append(c);
        }
        return sb?.ToString() ?? s;
    }

    private static string MapCompatibility(string s)
    {
        StringBuilder? sb = null;
        var map = Nfkc.Value;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            int width = 1;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                width = 2;
            }
            if (map.TryGetValue(cp, out var mapped))
            {
                sb ??= new StringBuilder(s, 0, i, s.Length + 16);
                sb.Append(mapped);
            }
            else sb?.Append(s, i, width);
            i += width - 1;
        }
        return sb?.ToString() ?? s;
    }

    /// <summary>Python's str.lower(): Unicode lower case, with İ → i̇ as Python's full case mapping has it.</summary>
    private static string PyLower(string s) => s.ToLowerInvariant().Replace("\u0130", "i\u0307", StringComparison.Ordinal);

    private static Dictionary<int, string> LoadNfkc()
    {
        var map = new Dictionary<int, string>(5000);
        foreach (var entry in NfkcTable.Data.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = entry.IndexOf(':');
            int cp = int.Parse(entry.AsSpan(0, colon), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var sb = new StringBuilder();
            foreach (var hex in entry[(colon + 1)..].Split(' '))
                sb.Append(char.ConvertFromUtf32(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            map[cp] = sb.ToString();
        }
        return map;
    }

    private static Dictionary<int, char> LoadCompositions()
    {
        var map = new Dictionary<int, char>(1000);
        foreach (var entry in NfkcTable.Compositions.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var halves = entry.Split(':');
            var pair = halves[0].Split(' ');
            int first = int.Parse(pair[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int second = int.Parse(pair[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            map[(first << 16) | second] = (char)int.Parse(halves[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        return map;
    }

    // ---- section ids ----

    /// <summary>score.py's section_id(): "§7", 7, "7 Title" → "7"; "Title" → "title"; null → null.</summary>
    public static string? SectionId(string? value)
    {
        if (value is null) return null;
        var s = PyStrip(PyStrip(value).TrimStart('§'));
        var m = LeadingDigits().Match(s);
        return m.Success ? m.Groups[1].Value : PyLower(s);
    }

    /// <summary>section_id() of a JSON value, with Python's str() of that value.</summary>
    public static string? SectionId(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => SectionId(PyStr(value)),
    };

    /// <summary>Python's str() of a value json.loads produced (for scalars; containers approximately).</summary>
    private static string PyStr(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        JsonValueKind.Number when v.TryGetInt64(out var l) && !v.GetRawText().Contains('.') && !v.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase) => l.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => PyRepr(v.GetDouble()),
        _ => v.GetRawText(),
    };

    /// <summary>Python truthiness of a JSON value.</summary>
    private static bool Truthy(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => v.GetString()!.Length > 0,
        JsonValueKind.Number => v.GetDouble() != 0,
        JsonValueKind.Array => v.GetArrayLength() > 0,
        JsonValueKind.Object => v.EnumerateObject().Any(),
        _ => false,
    };

    [GeneratedRegex(@"^(\d+)")]
    private static partial Regex LeadingDigits();

    // ---- loading ----

    /// <summary>Reads a question set: a JSON array of items.</summary>
    public static IReadOnlyList<EvalItem> LoadQuestions(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{path} is not a JSON array of questions.");
        var items = new List<EvalItem>();
        foreach (var it in doc.RootElement.EnumerateArray())
        {
            if (it.ValueKind != JsonValueKind.Object || !it.TryGetProperty("question", out var q) || q.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{path}: every item needs a \"question\" string.");
            items.Add(new EvalItem(
                Id: it.TryGetProperty("id", out var id) ? PyStr(id) : "",
                Question: q.GetString()!,
                Kind: it.TryGetProperty("kind", out var kind) && kind.ValueKind != JsonValueKind.Null ? PyStr(kind) : null,
                MustInclude: Array(it, "must_include").Select(g => (IReadOnlyList<string>)StringsOf(g)).ToList(),
                MustNotInclude: Array(it, "must_not_include").Select(PyStr).ToList(),
                Sections: Array(it, "sections").Select(SectionId).ToList(),
                ExpectFlag: it.TryGetProperty("expect_flag", out var f) && Truthy(f),
                ExpectAbstain: it.TryGetProperty("expect_abstain", out var a) && Truthy(a),
                Previous: it.TryGetProperty("previous", out var previous) && previous.ValueKind == JsonValueKind.String ? previous.GetString() : null));
        }
        return items;
    }

    /// <summary>Reads `ask --json` lines; later lines for the same question win, as in score.py. Lines that are
    /// not JSON objects are reported to <paramref name="errors"/> and skipped.</summary>
    public static Dictionary<string, EvalAnswer> LoadAnswers(IEnumerable<string> lines, TextWriter? errors = null)
    {
        var answers = new Dictionary<string, EvalAnswer>(StringComparer.Ordinal);
        int n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = PyStrip(raw);
            if (line.Length == 0) continue;
            EvalAnswer answer;
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors?.WriteLine($"answers line {n} is not a JSON object");
                    continue;
                }
                answer = ParseAnswer(doc.RootElement);
            }
            catch (JsonException e)
            {
                errors?.WriteLine($"answers line {n} is not JSON: {e.Message}");
                continue;
            }
            answers[QuestionKey(answer.Question)] = answer;
        }
        return answers;
    }

    public static EvalAnswer ParseAnswer(JsonElement obj)
    {
        string Str(string name) => obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? PyStr(v) : "";
        var citations = obj.TryGetProperty("citations", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).ToList() : [];
        var sections = citations.Select(x => x.TryGetProperty("section", out var s) ? s : default).ToList();
        var flags = obj.TryGetProperty("flags", out var f) ? f : default;
        return new EvalAnswer(
            Question: Str("question"),
            Text: Str("answer"),
            Abstained: obj.TryGetProperty("abstained", out var a) && Truthy(a),
            CitedSections: sections.Select(s => s.ValueKind == JsonValueKind.Undefined ? null : SectionId(s)).ToList(),
            CitedSectionsRaw: sections.Select(s => s.ValueKind == JsonValueKind.Undefined ? "None" : PyReprJson(s)).ToList(),
            Flagged: flags.ValueKind != JsonValueKind.Undefined && Truthy(flags),
            FlagReasons: flags.ValueKind == JsonValueKind.Array
                ? flags.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object && x.TryGetProperty("reason", out var r) && r.ValueKind != JsonValueKind.Null ? PyStr(r) : "").ToList()
                : []);
    }

    private static IEnumerable<JsonElement> Array(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static List<string> StringsOf(JsonElement v) =>
        v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(PyStr).ToList() : [PyStr(v)];

    // ---- grading ----

    /// <summary>score.py's grade(): the checks for one item given its answer (null = no answer line).</summary>
    public static ItemGrade Grade(EvalItem item, EvalAnswer? answer)
    {
        var r = new ItemGrade();
        if (answer is null)
        {
            r.Set("missing", true);
            return r;
        }
        var text = Norm(answer.Text);
        var abstained = answer.Abstained;
        var cited = answer.CitedSections.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        var gold = item.Sections.ToHashSet();

        if (item.ExpectAbstain)
        {
            bool abstainOk = abstained;
            bool noInvented = !item.MustNotInclude.Any(s => text.Contains(Norm(s), StringComparison.Ordinal));
            r.Set("abstain_ok", abstainOk);
            r.Set("no_invented", noInvented);
            r.Set("correct", abstainOk && noInvented);
        }
        else
        {
            r.Set("false_abstain", abstained);
            bool groupsOk = item.MustInclude.All(g => g.Any(alt => text.Contains(Norm(alt), StringComparison.Ordinal)));
            bool noneBad = !item.MustNotInclude.Any(s => text.Contains(Norm(s), StringComparison.Ordinal));
            bool contentOk = groupsOk && noneBad;
            r.Set("content_ok", contentOk);
            bool? citeHit = gold.Count > 0 ? cited.Any(gold.Contains) : null;
            r.Set("cite_hit", citeHit);
            double? precision = cited.Count > 0 && gold.Count > 0
                ? (double)cited.Count(gold.Contains) / cited.Count
                : gold.Count > 0 ? 0.0 : null;
            r.Set("cite_precision", precision);
            r.Set("correct", contentOk && !abstained && citeHit is not false);
        }
        if (item.ExpectFlag) r.Set("flag_hit", answer.Flagged);
        else if (!item.ExpectAbstain) r.Set("flag_false", answer.Flagged);
        return r;
    }

    /// <summary>Grades every item against the answers (matched by normalised question) and computes the metrics.</summary>
    public static EvalReport Score(IReadOnlyList<EvalItem> items, IReadOnlyDictionary<string, EvalAnswer> answers)
    {
        var results = items.Select(it =>
        {
            var a = answers.GetValueOrDefault(QuestionKey(it.Question));
            return (it, Grade(it, a), a);
        }).ToList();

        EvalMetric Rate(string name, string key, Func<EvalItem, bool>? subset = null)
        {
            var vals = results.Where(x => x.Item2.Has(key) && x.Item2.Get(key) is not null && (subset is null || subset(x.it)))
                .Select(x => x.Item2.Get(key)!).ToList();
            if (vals.Count == 0) return new EvalMetric(name, null, 0);
            if (vals[0] is double)
            {
                double sum = 0;
                foreach (var v in vals) sum += (double)v;
                return new EvalMetric(name, sum / vals.Count, vals.Count);
            }
            return new EvalMetric(name, (double)vals.Count(v => v is true) / vals.Count, vals.Count);
        }

        var metrics = new List<EvalMetric>
        {
            Rate("answer_accuracy", "correct", it => !it.ExpectAbstain),
            Rate("citation_hit", "cite_hit"),
            Rate("citation_precision", "cite_precision"),
            Rate("abstain_recall", "abstain_ok"),
            Rate("false_abstain_rate", "false_abstain"),
            Rate("flag_recall", "flag_hit"),
            Rate("false_flag_rate", "flag_false"),
            Rate("overall_accuracy", "correct"),
        };
        return new EvalReport(metrics, results);
    }

    /// <summary>Parses "--min" arguments ("answer_accuracy=0.9").</summary>
    public static bool TryParseMinimum(string text, out string metric, out double value)
    {
        metric = "";
        value = 0;
        var parts = text.Split('=');
        if (parts.Length != 2 || parts[0].Length == 0) return false;
        metric = parts[0];
        return double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    // ---- Python formatting ----

    /// <summary>Python's f"{v:.3f}": the exact binary value rounded half-to-even (double.ToString("F3") rounds
    /// ties away from zero, e.g. 0.8125).</summary>
    public static string FormatFixed3(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return v.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
        bool negative = v < 0 || (v == 0 && double.IsNegative(v));
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(v));
        int exp = (int)((bits >> 52) & 0x7FF);
        long frac = bits & 0xFFFFFFFFFFFFFL;
        BigInteger mantissa = exp == 0 ? frac : frac | (1L << 52);
        int shift = (exp == 0 ? 1 : exp) - 1075; // value = mantissa * 2^shift
        BigInteger numerator = mantissa * 1000, denominator = BigInteger.One;
        if (shift >= 0) numerator <<= shift; else denominator <<= -shift;
        var q = BigInteger.DivRem(numerator, denominator, out var rem);
        var twice = rem * 2;
        if (twice > denominator || (twice == denominator && !q.IsEven)) q += 1;
        var digits = q.ToString(CultureInfo.InvariantCulture).PadLeft(4, '0');
        return (negative ? "-" : "") + digits[..^3] + "." + digits[^3..];
    }

    /// <summary>Python's repr() of the values a grade holds (bool, None, float, str).</summary>
    public static string PyRepr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => PyRepr(d),
        string s => PyRepr(s),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string PyRepr(double d)
    {
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E'))
        {
            // 1E-05 → 1e-05
            var parts = r.Split('E');
            var e = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return $"{parts[0]}e{(e < 0 ? "-" : "+")}{Math.Abs(e):00}";
        }
        return r.Contains('.') ? r : r + ".0";
    }

    private static string PyRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f) sb.Append($"\\x{(int)c:x2}");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    private static string PyReprJson(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => PyRepr(v.GetString()!),
        JsonValueKind.Null => "None",
        _ => PyStr(v),
    };
}
