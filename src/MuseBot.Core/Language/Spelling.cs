namespace MuseBot.Core.Language;

/// <summary>How far apart two spellings are: the measure typo reading is built on, for the note's words and for the
/// general English of chat alike.</summary>
public static class Spelling
{
    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped.</summary>
    public static int Distance(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) > cap) return cap + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int rowMin = int.MaxValue;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > cap) return cap + 1;
        }
        return d[a.Length, b.Length];
    }

    /// <summary>The one candidate of <paramref name="w"/>'s first letter one edit from it; null for none or several.</summary>
    public static string? OnlyOneNear(string w, IEnumerable<string> candidates) =>
        candidates.Where(c => c[0] == w[0] && Distance(w, c, 1) == 1).Distinct().Take(2).ToList() is [var only] ? only : null;
}
