using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MuseBot.Contracts;

namespace MuseBot.Cli;

/// <summary>The `ask --json` contract (/work/shared/eval/README.md): one JSON object per question, on one line.</summary>
public static class AnswerJson
{
    // Readable non-ASCII (quotes, dashes, §); control characters, U+2028/2029 and quotes are still escaped,
    // so an object never spans two lines.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The answer as one JSON line (no newline). <paramref name="question"/> is echoed as asked so that
    /// scorers can match lines to their questions.</summary>
    public static string ToLine(Answer answer, string question)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("question", question);
            w.WriteString("answer", answer.Text);
            w.WriteBoolean("abstained", answer.Abstained);
            w.WriteStartArray("citations");
            foreach (var c in answer.Citations)
            {
                w.WriteStartObject();
                WriteSection(w, c.Section);
                w.WriteString("title", c.Title);
                w.WriteString("kind", KindName(c.Kind));
                w.WriteString("quote", c.Quote);
                if (c.Table is not null) w.WriteString("table", c.Table);
                if (c.Row is not null) w.WriteString("row", c.Row);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("flags");
            foreach (var f in answer.Flags)
            {
                w.WriteStartObject();
                WriteSection(w, f.Section);
                w.WriteString("reason", f.Reason);
                w.WriteString("quote", f.Quote);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // beyond the contract: which answerer replied, and what the model cost when one was asked
            w.WriteString("source", answer.Source);
            if (answer.Model is { } model)
            {
                w.WriteStartObject("model");
                w.WriteString("outcome", model.Outcome);
                w.WriteNumber("latency_ms", Math.Round(model.Latency.TotalMilliseconds, 1));
                w.WriteNumber("prompt_tokens", model.PromptTokens);
                w.WriteNumber("completion_tokens", model.CompletionTokens);
                w.WriteNumber("requests", model.Requests);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string KindName(PassageKind kind) => kind switch
    {
        PassageKind.Paragraph => "paragraph",
        PassageKind.Sentence => "sentence",
        PassageKind.TableRow => "table-row",
        PassageKind.Section => "section",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Numbered sections as numbers (7), the rest as their string id ("title", "sources").</summary>
    private static void WriteSection(Utf8JsonWriter w, string section)
    {
        if (int.TryParse(section, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) w.WriteNumber("section", n);
        else w.WriteString("section", section);
    }
}
