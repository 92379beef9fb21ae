using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Core.Language;

namespace MuseBot.Core.Commands;

/// <summary>A reply to a browse command, as Markdown every channel can render.</summary>
/// <param name="Name">The command ("help", "sections", "show", "sources").</param>
/// <param name="Markdown">The reply.</param>
public sealed record CommandReply(string Name, string Markdown);

/// <summary>
/// The chat commands every channel shares: help, sections, show N, sources. Anything else is a question and
/// gets null here, so the channel asks the answer engine.
/// </summary>
public sealed partial class ChatCommands(INoteCatalog catalog)
{
    /// <summary>Questions to suggest to a new user, from the note's catalog.</summary>
    public IReadOnlyList<string> ExampleQuestions => catalog.ExampleQuestions;

    public CommandReply? TryHandle(string text)
    {
        var t = (text ?? "").Trim().TrimStart('/').Trim();
        var m = CommandRegex().Match(t);
        if (!m.Success) return null;
        var word = m.Groups[1].Value.ToLowerInvariant();
        var arg = m.Groups[2].Value.Trim();
        return word switch
        {
            "help" or "?" when arg.Length == 0 => Help(),
            "sections" or "contents" or "toc" when arg.Length == 0 => SectionList(),
            "sources" when arg.Length == 0 => SourceList(),
            "show" or "section" when arg.Length == 0 || NumberRegex().IsMatch(arg) => Show(arg),
            _ => null,
        };
    }

    /// <summary>The reply to thanks, a greeting or an acknowledgement: a short one, and an example when it helps
    /// to know what to ask next.</summary>
    public string SmallTalkReply(SmallTalk kind)
    {
        var example = ExampleQuestions.Count > 0 ? $" For example: *{ExampleQuestions[0]}*" : "";
        return kind switch
        {
            SmallTalk.Thanks => "You're welcome. Ask me anything else about the note.",
            SmallTalk.Greeting => $"Hi! I answer questions about the research note **{catalog.Title}**, quoting it and citing the section.{example} Type `help` for the commands.",
            _ => $"Anything else about the note?{example}",
        };
    }

    public CommandReply Help()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"I answer questions about the research note **{catalog.Title}**, quoting it and citing the section.");
        sb.AppendLine();
        sb.AppendLine("Ask in your own words, for example:");
        foreach (var q in ExampleQuestions) sb.AppendLine($"- {q}");
        sb.AppendLine();
        sb.AppendLine("Commands: `help` · `sections` (the note's sections) · `show 5` (one section with its tables) · `sources` (what the note cites).");
        sb.Append("When the note marks a claim as weaker I flag it with ⚠️; when the note does not say, I tell you so.");
        return new CommandReply("help", sb.ToString());
    }

    public CommandReply SectionList()
    {
        var sb = new StringBuilder($"**{catalog.Title}**\n\n");
        foreach (var s in catalog.Sections)
        {
            var tables = s.Tables.Count switch { 0 => "", 1 => " (1 table)", var n => $" ({n} tables)" };
            sb.AppendLine($"{s.Number}. {s.Title}{tables}");
        }
        sb.Append("\nType `show N` to read one.");
        return new CommandReply("sections", sb.ToString());
    }

    public CommandReply SourceList()
    {
        if (catalog.Sources.Count == 0)
            return new CommandReply("sources", "The note lists no sources.");
        var sb = new StringBuilder("What the note cites:\n");
        foreach (var line in catalog.Sources)
        {
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                sb.AppendLine().AppendLine($"**{line[..colon].Trim()}**");
                foreach (var item in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    sb.AppendLine($"- {item.TrimEnd('.')}");
            }
            else sb.AppendLine().AppendLine(line);
        }
        return new CommandReply("sources", sb.ToString().TrimEnd());
    }

    public CommandReply Show(string arg)
    {
        var range = $"1–{catalog.Sections.Count}";
        var n = ParseSectionNumber(arg);
        if (n is null)
            return new CommandReply("show", $"Which section? Type `show N` with N from {range}, or `sections` for the list.");
        var section = catalog.Sections.FirstOrDefault(s => s.Number == n);
        if (section is null)
            return new CommandReply("show", $"There is no section {n}: the note has sections {range}. Type `sections` for the list.");
        return new CommandReply("show", RenderSection(section));
    }

    public static string RenderSection(SectionInfo section)
    {
        var sb = new StringBuilder($"**§{section.Number} {section.Title}**\n");
        foreach (var p in section.Paragraphs) sb.AppendLine().AppendLine(p);
        foreach (var t in section.Tables)
        {
            sb.AppendLine();
            sb.AppendLine("| " + string.Join(" | ", t.Headers.Select(Escape)) + " |");
            sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", t.Headers.Count)));
            foreach (var row in t.Rows) sb.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        }
        return sb.ToString().TrimEnd();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|");

    private static int? ParseSectionNumber(string arg)
    {
        var m = NumberRegex().Match(arg);
        return m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    [GeneratedRegex(@"^(help|\?|sections|contents|toc|sources|show|section)\b\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CommandRegex();

    [GeneratedRegex(@"^§?\s*(\d{1,3})\s*$")]
    private static partial Regex NumberRegex();
}
