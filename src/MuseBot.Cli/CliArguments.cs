using System.Globalization;

namespace MuseBot.Cli;

/// <summary>The parsed command line: a command, its positional arguments and its options.</summary>
public sealed class CliArguments
{
    /// <summary>Options that take a value, and the commands that accept them (null = every command).</summary>
    private static readonly Dictionary<string, string[]?> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--seeds"] = null,
        ["--index"] = null,
        ["--data"] = null,
        ["--retrieval-model"] = null,
        ["--alignment-model"] = null,
        ["--out"] = ["eval", "teams-manifest"],
        ["--min"] = ["eval"],
        ["--top"] = ["report"],
        ["--html"] = ["report"],
        ["--queries"] = ["bench"],
        ["--typos"] = ["eval"],
        ["--folds"] = ["tune"],
        ["--features"] = ["tune"],
        ["--after"] = ["explain"],
    };

    private static readonly Dictionary<string, string[]?> FlagOptions = new(StringComparer.Ordinal)
    {
        ["--no-semantic"] = null,
        ["--json"] = ["ask"],
        ["--show-failures"] = ["eval"],
        ["--by-kind"] = ["eval"],
        ["--context"] = ["eval"],
        ["--after-unrelated"] = ["eval"],
        ["--write"] = ["tune"],
    };

    public static readonly IReadOnlyList<string> Commands = ["ask", "eval", "index", "explain", "sections", "show", "sources", "report", "bench", "tune", "teams-manifest", "help"];

    private CliArguments(string command) => Command = command;

    public string Command { get; }
    public List<string> Positionals { get; } = [];
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public List<string> Minimums { get; } = [];
    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public bool Has(string flag) => Flags.Contains(flag);
    public string? Value(string option) => Values.GetValueOrDefault(option);

    /// <summary>Parses <paramref name="args"/>; on a usage error returns null and a message saying what to fix.</summary>
    public static CliArguments? Parse(string[] args, out string? error)
    {
        error = null;
        if (args.Length == 0) return new CliArguments("help");
        var command = args[0].ToLowerInvariant() switch
        {
            "-h" or "--help" or "-?" or "/?" => "help",
            var c => c,
        };
        if (!Commands.Contains(command))
        {
            error = $"unknown command '{Printable(args[0])}'.";
            return null;
        }
        var parsed = new CliArguments(command);
        bool optionsEnded = false;
        for (int i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (!optionsEnded && a == "--")
            {
                optionsEnded = true;
                continue;
            }
            if (optionsEnded || !a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                parsed.Positionals.Add(a);
                continue;
            }
            if (a == "--help") return new CliArguments("help");
            string name = a, inlineValue = "";
            bool hasInline = false;
            int eq = a.IndexOf('=');
            if (eq > 2)
            {
                name = a[..eq];
                inlineValue = a[(eq + 1)..];
                hasInline = true;
            }
            if (ValueOptions.TryGetValue(name, out var valueCommands))
            {
                if (valueCommands is not null && !valueCommands.Contains(command))
                {
                    error = $"'{name}' does not apply to '{command}'.";
                    return null;
                }
                string? value = hasInline ? inlineValue : i + 1 < args.Length ? args[++i] : null;
                if (string.IsNullOrWhiteSpace(value))
                {
                    error = $"'{name}' needs a value.";
                    return null;
                }
                if (name is "--top" or "--queries" or "--folds" && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000))
                {
                    error = $"'{name}' needs a whole number from 1 to 100000, not '{Printable(value)}'.";
                    return null;
                }
                if (name == "--min") parsed.Minimums.Add(value);
                else parsed.Values[name] = value;
            }
            else if (FlagOptions.TryGetValue(name, out var flagCommands) && !hasInline)
            {
                if (flagCommands is not null && !flagCommands.Contains(command))
                {
                    error = $"'{name}' does not apply to '{command}'.";
                    return null;
                }
                parsed.Flags.Add(name);
            }
            else
            {
                error = $"unknown option '{Printable(a)}' (put '--' before a question that starts with '--').";
                return null;
            }
        }
        return parsed;
    }

    /// <summary>Text safe to echo in an error message: control characters shown as '?', long text cut.</summary>
    public static string Printable(string text)
    {
        var s = new string(text.Take(60).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 60 ? s + "…" : s;
    }
}
