using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MuseBot.Contracts;
using MuseBot.Core.Commands;

namespace MuseBot.Cli;

/// <summary>
/// <c>musebot teams-manifest TEMPLATE [--out FILE]</c>: the Teams app manifest with its prompt starters drawn from the
/// note, the same prompts the Teams welcome and Slack's Messages tab offer (<see cref="NotePrompts"/>). In the
/// template, a command <c>{"type": "prompt", "title": "${{PROMPT_STARTERS:N}}"}</c> stands for the note's first N
/// prompts; every other <c>${{...}}</c> placeholder is left for infra/teams/package.sh to fill.
/// </summary>
public static partial class TeamsManifestCommand
{
    /// <summary>Teams shows a prompt starter's title on a card: keep it short.</summary>
    public const int MaxTitleLength = 60;

    public static int Run(CliContext context)
    {
        var args = context.Arguments;
        if (args.Positionals.Count != 1)
        {
            context.Stderr.WriteLine("musebot teams-manifest: give the template, e.g. musebot teams-manifest infra/teams/manifest.json");
            return CliApp.ExitUsage;
        }
        var template = JsonNode.Parse(File.ReadAllText(args.Positionals[0]), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }) as JsonObject
            ?? throw new InvalidDataException($"{args.Positionals[0]} is not a JSON object.");
        var manifest = Fill(template, context.Services.GetRequiredService<INoteCatalog>());
        var json = manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (args.Value("--out") is { } path) File.WriteAllText(path, json);
        else context.Stdout.Write(json);
        return CliApp.ExitOk;
    }

    /// <summary>The template with each prompt-starter placeholder replaced by the note's prompts.</summary>
    public static JsonObject Fill(JsonObject template, INoteCatalog catalog)
    {
        var manifest = (JsonObject)template.DeepClone();
        foreach (var bot in manifest["bots"] as JsonArray ?? [])
            foreach (var list in bot?["commandLists"] as JsonArray ?? [])
            {
                if (list?["commands"] is not JsonArray commands) continue;
                var filled = new JsonArray();
                foreach (var command in commands)
                {
                    var m = command?["title"]?.GetValueKind() == JsonValueKind.String ? PromptsPlaceholder().Match(command["title"]!.GetValue<string>()) : Match.Empty;
                    if (!m.Success)
                    {
                        filled.Add(command?.DeepClone());
                        continue;
                    }
                    var count = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    foreach (var p in NotePrompts.Suggest(catalog, count, MaxTitleLength))
                        filled.Add(new JsonObject { ["type"] = "prompt", ["title"] = p.Title, ["description"] = p.Message, ["prompt"] = p.Message });
                }
                list["commands"] = filled;
            }
        return manifest;
    }

    [GeneratedRegex(@"^\$\{\{PROMPT_STARTERS:(\d{1,2})\}\}$")]
    private static partial Regex PromptsPlaceholder();
}
