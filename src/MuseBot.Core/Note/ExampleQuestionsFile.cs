namespace MuseBot.Core.Note;

/// <summary>
/// <c>examples.tsv</c> beside the note: the questions the bot suggests to a new user (help, the welcome, the web
/// chat's buttons), one per line as <c>who-asks&lt;TAB&gt;question</c>, <c>#</c> for comments. They are about the
/// note, so they live with it, not in code.
/// </summary>
public static class ExampleQuestionsFile
{
    public const string FileName = "examples.tsv";

    /// <summary>The questions in the file, in order; null when there is no file or it has none.</summary>
    public static IReadOnlyList<string>? Load(string seedsPath)
    {
        var path = Path.Combine(seedsPath, FileName);
        if (!File.Exists(path)) return null;
        var questions = File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2, StringSplitOptions.TrimEntries) is [_, var q] ? q : l)
            .Where(q => q.Length > 0)
            .ToList();
        return questions.Count > 0 ? questions : null;
    }
}
