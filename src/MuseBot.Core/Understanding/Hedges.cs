using System.Text.RegularExpressions;
using MuseBot.Contracts;

namespace MuseBot.Core.Understanding;

/// <summary>
/// The note's own doubts, found from general English hedge cues rather than from any note's phrases: a claim the
/// note says is not verified (and whose claim it is), a signal characterized by the party that made it, work the
/// note says still has to be done, and stated lower confidence or extrapolation. A cue covers its own sentence; a
/// sentence that refers back ("Those are …", "those claims …") covers the sentence before it too; a table column
/// whose header carries a cue covers that column's cells. In a sentence that contrasts two claims ("high on X, but
/// lower on Y"), a cue on one side covers that side only.
/// </summary>
public sealed partial class Hedges
{
    private readonly Dictionary<string, List<Hedge>> _byUnit = new(StringComparer.Ordinal);

    /// <summary>A doubt the note states about a unit.</summary>
    /// <param name="Header">For a row: the column the doubt is about; null when it is about the whole row.</param>
    /// <param name="Span">For a sentence that contrasts two claims: the side the doubt is about; null for all of it.</param>
    /// <param name="OnlyWhereAsked">The span is one clause the doubt repeats words of, which a question must reach to
    /// be about it (a side of a contrast is doubted even where the question reaches neither side: "how sure is it?").</param>
    public sealed record Hedge(ConfidenceFlag Flag, string? Header, (int Start, int End)? Span = null, bool OnlyWhereAsked = false);

    public Hedges(NoteModel note)
    {
        foreach (var unit in note.Units)
        {
            if (unit.IsRow)
            {
                foreach (var (header, cell) in unit.Passage.Cells!.Where(c => c.Value.Length > 0))
                {
                    foreach (var reason in ReasonsIn(header, null).Concat(ReasonsIn(cell, null)))
                        Add(unit.Id, new Hedge(new ConfidenceFlag(unit.Passage.Section, reason, $"{header}: {cell}"), header));
                }
                continue;
            }
            foreach (var (reason, cue) in Cues(unit.Text, unit.Previous?.Text))
            {
                var flag = new ConfidenceFlag(unit.Passage.Section, reason, unit.Text);
                Add(unit.Id, new Hedge(flag, null, SideOf(unit.Text, cue)));
                if (unit.Previous is not null && RefersBackRegex().IsMatch(unit.Text)) Add(unit.Previous.Id, ClauseReferredTo(unit.Previous.Text, unit.Text) is { } clause ? new Hedge(flag, null, clause, OnlyWhereAsked: true) : new Hedge(flag, null));
            }
        }
    }

    /// <summary>The doubts about a unit; for a row, only those about <paramref name="header"/> or the whole row
    /// when a column is given; for a sentence, only those about the side of a contrast where the words asked are
    /// (<paramref name="asked"/>: their offsets in the unit's text), when they are all on the other side, and those
    /// about one clause only where a word asked is in it.</summary>
    public IReadOnlyList<ConfidenceFlag> For(string unitId, IReadOnlyCollection<string>? headers = null, IReadOnlyCollection<int>? asked = null) =>
        _byUnit.TryGetValue(unitId, out var list)
            ? list.Where(h => headers is null || h.Header is null || headers.Contains(h.Header))
                .Where(h => h.Span is not { } side || asked is null || (asked.Count == 0 && !h.OnlyWhereAsked) || asked.Any(o => o >= side.Start && o < side.End))
                .Select(h => h.Flag).DistinctBy(f => f.Reason).ToList()
            : [];

    /// <summary>The side of a contrast ("…, but …", "… whereas …") that holds <paramref name="cue"/>, when the
    /// sentence has one contrast and the cue sits on one side of it; null otherwise.</summary>
    private static (int Start, int End)? SideOf(string text, Regex cue)
    {
        var contrasts = ContrastRegex().Matches(text);
        var cues = cue.Matches(text);
        if (contrasts.Count != 1 || cues.Count == 0) return null;
        // a cue is where it ends: "confidence is high on X, but lower on Y" doubts Y
        int at = contrasts[0].Index;
        if (cues.All(c => c.Index + c.Length > at + contrasts[0].Length)) return (at, text.Length);
        if (cues.All(c => c.Index + c.Length <= at)) return (0, at);
        return null;
    }

    /// <summary>"A exposes fast modes, and its Deep mode is positioned as an answer to B. That should be read as
    /// positioning, not parity.": of the clauses the sentence before joins, the one whose words the doubt repeats
    /// ("positioned") is what it doubts, when exactly one does; null (all of it) otherwise. Names are not counted: a
    /// doubt that names its claimant says whose claim it is, not which.</summary>
    private static (int Start, int End)? ClauseReferredTo(string before, string doubt)
    {
        var joins = ClauseJoinRegex().Matches(before);
        if (joins.Count == 0) return null;
        var bounds = joins.Select(j => j.Index).Prepend(0).Append(before.Length).ToList();
        var clauses = bounds.Zip(bounds.Skip(1), (from, to) => (Start: from, End: to)).ToList();
        var doubted = Terms.Of(string.Join(' ', Tokens.Words(doubt).Where(w => !char.IsUpper(w.Text[0])).Select(w => w.Text))).ToHashSet(StringComparer.Ordinal);
        var termsOf = clauses.Select(c => Terms.Of(before[c.Start..c.End]).ToHashSet(StringComparer.Ordinal)).ToList();
        // a word every clause says tells them apart no better than none
        var everywhere = termsOf.Skip(1).Aggregate(new HashSet<string>(termsOf[0], StringComparer.Ordinal), (all, t) => { all.IntersectWith(t); return all; });
        var sharing = clauses.Where((c, i) => termsOf[i].Any(t => doubted.Contains(t) && !everywhere.Contains(t))).ToList();
        return sharing is [var only] ? only : null;
    }

    // where a sentence joins clauses (", and its X is …", "; "); a list's ", and C" parts it too, and a doubt that
    // repeats the words of one list item alone is about that item
    [GeneratedRegex(@",\s+(?:and|while|whereas|but)\s+|;\s+")]
    private static partial Regex ClauseJoinRegex();

    // a contrast between two claims of one sentence
    [GeneratedRegex(@"[,;]\s*yet\b|\b(?:but|whereas)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastRegex();

    public bool Any(string unitId) => _byUnit.ContainsKey(unitId);

    private void Add(string id, Hedge hedge)
    {
        if (!_byUnit.TryGetValue(id, out var list)) _byUnit[id] = list = [];
        if (!list.Any(x => x.Flag.Reason == hedge.Flag.Reason && x.Header == hedge.Header)) list.Add(hedge);
    }

    /// <summary>The reasons a text gives to doubt what it (or, referring back, the sentence before) says.</summary>
    public static IEnumerable<string> ReasonsIn(string text, string? previous) => Cues(text, previous).Select(c => c.Reason);

    /// <summary>Each reason with the cue that gives it.</summary>
    private static IEnumerable<(string Reason, Regex Cue)> Cues(string text, string? previous)
    {
        var who = Claimant(text) ?? (previous is not null && RefersBackRegex().IsMatch(text) ? Claimant(previous) : null);
        if (CharacterizedRegex().Match(text) is { Success: true } c)
            yield return ($"{c.Groups["who"].Value}-characterized; the note says it was not independently revalidated", CharacterizedRegex());
        else if (UnverifiedRegex().IsMatch(text))
            yield return (who is null ? "the note says this is not independently verified" : $"{who}'s own claim; the note says it is not independently verified", UnverifiedRegex());
        if (SeparateWorkRegex().IsMatch(text)) yield return ("the note says this needs separate work it has not done", SeparateWorkRegex());
        if (ConfirmationRegex().IsMatch(text)) yield return ("the note says this still needs external confirmation", ConfirmationRegex());
        if (LowerConfidenceRegex().IsMatch(text)) yield return (LowerConfidenceReason, LowerConfidenceRegex());
    }

    private const string LowerConfidenceReason = "the note says its confidence is lower here";

    /// <summary>The reason states a lower confidence only, not that the claim is unverified or still to be worked.</summary>
    public static bool IsLowerConfidence(string reason) => reason == LowerConfidenceReason;

    /// <summary>Whose claim a sentence reports: "Those are Acme claims", "Acme's own claims", "Acme says".</summary>
    private static string? Claimant(string text)
    {
        var m = ClaimantRegex().Match(text);
        if (!m.Success) return null;
        var who = m.Groups["who"].Value;
        return Determiners.Contains(who.ToLowerInvariant()) ? null : who;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "those", "these", "the", "such", "its", "their", "this", "that", "some", "many", "other", "our",
    };

    [GeneratedRegex(@"\b(?<who>[A-Z][\w.]*)-characteri[sz]ed\b")]
    private static partial Regex CharacterizedRegex();

    [GeneratedRegex(@"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:independently\s+|externally\s+|separately\s+|fully\s+)?(?:verified|validated|revalidated|re-validated|established|confirmed|proven|audited|substantiated)\b|\b(?:unverified|unconfirmed|unvalidated|unaudited|unsubstantiated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnverifiedRegex();

    [GeneratedRegex(@"\b(?:requires?|required|needs?|needed)\s+(?:its|their)\s+own\b|\bseparate\s+(?:work|sourcing|diligence|analysis)\b|\b(?:requires?|needs?)\s+(?:further|more|additional)\s+(?:work|sourcing|diligence|analysis)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeparateWorkRegex();

    [GeneratedRegex(@"\bneeds?\s+(?:more\s+|further\s+|additional\s+)?(?:external\s+|independent\s+|third-party\s+)?(?:confirmation|verification|validation)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConfirmationRegex();

    [GeneratedRegex(@"\b(?:lower|less|low|limited|reduced)\s+(?:confidence|certainty)\b|\bconfidence\b[^.]{0,80}\blower\b|\bextrapolations?\b|\bspeculative\b|\bless\s+(?:sure|certain)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LowerConfidenceRegex();

    [GeneratedRegex(@"\b(?<who>[A-Z][\w.]*)(?:['’]s)?\s+(?:own\s+)?(?:claims?|materials|assertions?)\b|\b(?<who>[A-Z][\w.]*)\s+(?:says|said|claims|asserts|reports|describes)\b")]
    private static partial Regex ClaimantRegex();

    /// <summary>"Those are …", "That should be read as …", "… those claims were not …".</summary>
    [GeneratedRegex(@"^(?:those|these|that|this|such|they|it)\b|\b(?:those|these|such|the)\s+(?:claims?|calls?|signals?|statements?|figures?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefersBackRegex();
}
