using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Core.Language;
using MuseBot.Core.Note;

namespace MuseBot.Core.Understanding;

/// <summary>
/// A clause of a sentence, or one cell of a table row: the span a figure belongs to.
/// </summary>
/// <param name="Start">Character offset in the unit's text.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Header">For a row's cell: its column header.</param>
/// <param name="Owners">The compared things this span is about: named in it, else the sentence's subject, else
/// what "it" refers back to.</param>
/// <param name="Periods">The periods this span is about: its own, else the sentence's lead ("In Q4 2025, …").</param>
/// <param name="Continues">It carries on the clause before it with the same measure ("…ranks Acme at 40% on WidgetBench,
/// <b>just behind Zeta at 41%</b>"): the measure named there is its measure too.</param>
/// <param name="ListItem">A bare item of a list of names ("…, WidgetBench, Gadget Eval, …"): part of the list, not a
/// modifier of a figure beside it.</param>
public sealed record Segment(int Start, int End, string? Header, IReadOnlyList<Peer> Owners, IReadOnlyList<Period> Periods, bool Continues = false, bool ListItem = false)
{
    /// <summary>For a row's cell: where its "Header: " begins. The header names what every clause of the cell measures.</summary>
    public int HeaderStart { get; init; } = -1;

    /// <summary>The span, or for a cell's clause, the span with its header in front.</summary>
    public bool Contains(int offset) => (offset >= Start && offset < End) || (HeaderStart >= 0 && offset >= HeaderStart && offset < HeaderStart + Header!.Length + 1);

    /// <summary>Strictly inside the span's own text (a header is shared by all the clauses of its cell).</summary>
    public bool Holds(int offset) => offset >= Start && offset < End;
}

/// <summary>A table: its rows as units and the terms that name it (its section title and headers).</summary>
public sealed class NoteTable(string id, string name, string section, string sectionTitle, IReadOnlyList<string> headers, HashSet<string> nameTerms)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Section { get; } = section;
    public string SectionTitle { get; } = sectionTitle;
    public IReadOnlyList<string> Headers { get; } = headers;
    public HashSet<string> NameTerms { get; } = nameTerms;
    public List<NoteUnit> Rows { get; } = [];
}

/// <summary>
/// An answer unit: a sentence (or one-sentence paragraph, bullet, source line) or a table row, with what the
/// engine knows about it from the note alone: its clauses, figures and dates, the compared things it is about,
/// its terms, and whether it negates.
/// </summary>
public sealed class NoteUnit
{
    public required Passage Passage { get; init; }
    public required int Index { get; init; }
    public string Id => Passage.Id;
    public string Text => Passage.Text;
    public bool IsRow => Passage.Kind == PassageKind.TableRow;
    public required IReadOnlyList<Segment> Segments { get; init; }
    public required IReadOnlyList<Figure> Figures { get; init; }

    /// <summary>For a sentence's figures (by start): the words right after each that say what it measures ("a 1M
    /// <b>context window</b>"); a figure with none, or a row's, is not here.</summary>
    public IReadOnlyDictionary<int, (int From, int To)> Measures { get; init; } = new Dictionary<int, (int From, int To)>();
    public required IReadOnlyList<DateMention> Dates { get; init; }
    public required HashSet<string> Terms { get; init; }

    /// <summary>The unit's words with their offsets and terms.</summary>
    public required IReadOnlyList<Token> Words { get; init; }

    /// <summary>Terms a unit answers for without saying them: its section title, and for rows the table's headers.</summary>
    public required HashSet<string> ContextTerms { get; init; }

    public required bool Negated { get; init; }

    /// <summary>For a row: where its text says one of its cells ("Header: value"): where the header starts, where the
    /// value starts, and where it ends; null for a sentence, or a cell its text does not say.</summary>
    public (int From, int ValueFrom, int To)? SpanOf(string header, string value)
    {
        int from = Text.IndexOf($"{header}: {value}", StringComparison.Ordinal);
        return !IsRow || from < 0 ? null : (from, from + header.Length + 2, from + header.Length + 2 + value.Length);
    }

    /// <summary>For a row: the terms of its label (first cell).</summary>
    public HashSet<string> LabelTerms { get; init; } = [];
    public IReadOnlyList<Peer> Peers { get; internal set; } = [];

    /// <summary>The names of places the unit says ("in Zetaville"): see <see cref="NoteModel"/>'s PlacesIn.</summary>
    public IReadOnlyList<string> Places { get; internal set; } = [];

    /// <summary>A sentence that opens with one of the note's names ("Zeta says it accepts …").</summary>
    public bool OpensWithName { get; internal set; }

    /// <summary>For a sentence that opens with a pronoun ("<b>Its</b> 2025 framework argues …"): the terms of the names
    /// the sentence before it in its paragraph says, one of which the pronoun stands for. Empty otherwise.</summary>
    public HashSet<string> AntecedentNameTerms { get; internal set; } = [];
    public NoteTable? Table { get; internal set; }
    public NoteUnit? Previous { get; internal set; }
    public NoteUnit? Next { get; internal set; }

    public Segment SegmentAt(int offset) => Segments.FirstOrDefault(s => s.Holds(offset)) ?? Segments[^1];

    public bool HasTerm(string term) => Terms.Contains(term) || ContextTerms.Contains(term);

    public override string ToString() => $"{Id}: {Text}";
}

/// <summary>
/// The note as the answer engine reads it, derived from the note alone when the engine opens: answer units,
/// tables, the things compared, term statistics, acronyms, the glossary beside the note, and the note's own
/// doubts (<see cref="Hedges"/>).
/// </summary>
public sealed partial class NoteModel
{
    public NoteModel(NoteDocument document, Glossary glossary)
    {
        Document = document;
        Glossary = glossary;
        ProperNouns = Understanding.Peers.ProperNouns(document);
        NameWordsOnlyInNames = Understanding.Peers.NameWordsOnlyInNames(document);
        Peers = new Peers(document, ProperNouns);
        Acronyms = FindAcronyms(document);
        NamePhrases = FindNamePhrases(document);
        // from the note's argument: its numbered sections, not its title or closing source list
        VersionedNames = Versions.OfNote(document.Passages.Where(p => int.TryParse(p.Section, out _)).Select(p => p.Text));

        var withSentences = document.Passages.Where(p => p.Kind == PassageKind.Sentence).Select(p => p.ParentId).ToHashSet();
        var passages = document.Passages
            .Where(p => p.Kind is PassageKind.Sentence or PassageKind.TableRow
                        || (p.Kind == PassageKind.Paragraph && !withSentences.Contains(p.Id) && p.Section != NoteParser.TitleSection))
            .OrderBy(p => p.Order).ToList();

        var units = new List<NoteUnit>();
        var tables = new Dictionary<string, NoteTable>();
        NoteUnit? previous = null;
        foreach (var p in passages)
        {
            var unit = p.Kind == PassageKind.TableRow ? RowUnit(p, units.Count) : SentenceUnit(p, units.Count, previous);
            if (p.Kind == PassageKind.TableRow)
            {
                var tableId = p.Id[..p.Id.LastIndexOf('.')];
                if (!tables.TryGetValue(tableId, out var table))
                {
                    var headers = p.Cells!.Select(c => c.Key).ToList();
                    tables[tableId] = table = new NoteTable(tableId, p.Table ?? "", p.Section, p.SectionTitle, headers,
                        Terms.Of($"{p.SectionTitle} {string.Join(' ', headers)}").ToHashSet(StringComparer.Ordinal));
                }
                table.Rows.Add(unit);
                unit.Table = table;
            }
            if (previous is not null && previous.Passage.ParentId == p.ParentId && p.Kind == PassageKind.Sentence)
            {
                unit.Previous = previous;
                previous.Next = unit;
            }
            units.Add(unit);
            previous = unit;
        }
        Units = units;
        _termsInOrder = new(() => units.Select(u => u.Words.SelectMany(w => w.Terms).ToArray()).ToArray());
        Tables = tables.Values.ToList();
        var places = PlaceNames(units);
        foreach (var u in units) u.Places = u.Words.Select(w => w.Text).Where(places.Contains).Distinct().ToList();
        // a word written with a capital is a name when the note writes it as one elsewhere
        bool WrittenAsName(Token w) => char.IsUpper(w.Text[0]) && ProperNouns.Contains(English.WithoutPossessive(w.Text.ToLowerInvariant()));
        // "Zeta says …": a sentence's capital first word
        foreach (var u in units.Where(u => !u.IsRow && u.Words.Count > 0))
            u.OpensWithName = WrittenAsName(u.Words[0]);
        // "Its 2025 framework …": the names of the sentence before, one of which the pronoun stands for
        foreach (var u in units.Where(u => !u.IsRow && u.Words.Count > 0 && u.Previous is not null && English.OpeningPronouns.Contains(u.Words[0].Text.ToLowerInvariant())))
            u.AntecedentNameTerms = u.Previous!.Words.Where(WrittenAsName).SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);

        foreach (var u in units)
            foreach (var t in u.Terms.Union(u.ContextTerms)) _df[t] = _df.GetValueOrDefault(t) + 1;
        MaxIdf = Math.Log(1 + units.Count);
        Hedges = new Hedges(this);
        // a name is only ever a name when the note never writes it in lower case ("Acme", not the "Verified" of
        // "GadgetEval Verified", which it also writes as "verified")
        var noteWords = Tokens.Words(string.Join(' ', document.Passages.Select(p => p.Text))).Select(w => Language.English.WithoutPossessive(w.Text)).ToList();
        var lower = noteWords.Where(w => w.Length > 0 && char.IsLower(w[0])).ToHashSet(StringComparer.Ordinal);
        OnlyNames = ProperNouns.Where(n => !lower.Contains(n)).ToHashSet(StringComparer.Ordinal);
        Subject = ProperNouns.Where(n => !n.Any(char.IsDigit) && !Language.English.Months.Contains(n))
            .OrderByDescending(n => Terms.OfWord(n).Select(DocumentFrequency).DefaultIfEmpty(0).Max()).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();
        SubjectName = Subject is null ? null : noteWords.FirstOrDefault(w => w.Equals(Subject, StringComparison.OrdinalIgnoreCase));
        // who leads what, read once from each unit ("Zeta Works under Dana Reed")
        var leaders = units.SelectMany(u => Language.English.LeadersIn(u.Text).Select(l => (Unit: u, l.Led, l.Leader, l.At))).ToList();
        LedTerms = leaders.SelectMany(l => Terms.Of(l.Led)).ToHashSet(StringComparer.Ordinal);
        LedNames = FindLedNames(leaders);
        // what each figure measures, its words before the phrase they govern ("annual run-rate", not "… in Zeta")
        var measures = units.SelectMany(u => u.Measures.Values.Select(m =>
            u.Words.Where(w => w.Start >= m.From && w.End <= m.To).TakeWhile(MeasureWord).Take(4).Select(w => w.Text).ToList())).ToList();
        MeasureAcronyms = FindMeasureAcronyms(measures, Acronyms);
        MeasurePhrases = measures.Select(head => head.Select(w => w.ToLowerInvariant()).ToList())
            .SelectMany(head => Enumerable.Range(0, Math.Max(0, head.Count - 1)).Select(first => string.Join(' ', head.Skip(first))))
            .ToHashSet(StringComparer.Ordinal);
        MeasureUnits = FindMeasureUnits(measures, units.SelectMany(u => u.Words).Select(w => w.Text.ToLowerInvariant()));
        FigurelessMeasureRows = units.Where(u => u.IsRow && u.Figures.Count == 0 && u.Passage.Row is { } label && label.Contains(' ')
                                                 && English.MeasureNouns.Contains(label[(label.LastIndexOf(' ') + 1)..].ToLowerInvariant()))
            .Select(u => u.Passage.Row!.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The words that count a measure ("token" in "a 40k <b>token</b> part window", beside "a 6M part window"): a word
    /// the note writes only between a figure and a measure that it also gives without that word. "how many tokens
    /// can Zeta take?" asks for that measure, which the note does not always say in tokens. Keyed by the word in
    /// lower case, each with the measure it counts.
    /// </summary>
    public IReadOnlyDictionary<string, string> MeasureUnits { get; }

    /// <summary>The labels of table rows, in lower case, that end in a measure noun and give no figure in any cell
    /// ("capacity target"): a thing the note describes, which "what's the capacity target?" asks for by its name.</summary>
    public IReadOnlyList<string> FigurelessMeasureRows { get; }

    private static Dictionary<string, string> FindMeasureUnits(List<List<string>> measures, IEnumerable<string> unitWords)
    {
        var heads = measures.Select(h => h.Select(w => w.ToLowerInvariant()).ToList()).Where(h => h.Count > 0).ToList();
        var whole = heads.Select(h => string.Join(' ', h)).ToHashSet(StringComparer.Ordinal);
        var opens = heads.Where(h => h.Count >= 2 && h[0].All(char.IsLetter)).GroupBy(h => h[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Counted: g.Select(h => string.Join(' ', h.Skip(1))).Distinct(StringComparer.Ordinal).ToList()), StringComparer.Ordinal);
        var uses = unitWords.Where(opens.ContainsKey).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return opens.Where(o => o.Value.Counted is [var counted] && whole.Contains(counted) && uses.GetValueOrDefault(o.Key) == o.Value.Count)
            .ToDictionary(o => o.Key, o => o.Value.Counted[0], StringComparer.Ordinal);
    }

    public NoteDocument Document { get; }
    public Glossary Glossary { get; }
    public Peers Peers { get; }
    public IReadOnlyList<NoteUnit> Units { get; }
    public IReadOnlyList<NoteTable> Tables { get; }

    /// <summary>The table rows a compared thing heads: its label names it, and it is about that thing alone (not a
    /// row that merely mentions it).</summary>
    public IEnumerable<NoteUnit> RowsHeadedBy(Peer peer) =>
        Tables.SelectMany(t => t.Rows).Where(r => r.Peers.Count == 1 && r.Peers[0] == peer && Peers.In(r.Passage.Row ?? "").Contains(peer));

    public Hedges Hedges { get; }

    /// <summary>Whether some unit says these terms one after another, stop words aside ("nimbus", "data", "center"
    /// in "the Nimbus data center"): the note names a thing by them.</summary>
    public bool SaysInOrder(IReadOnlyList<string> terms)
    {
        var asked = terms.ToArray();
        return asked.Length > 0 && _termsInOrder.Value.Any(said => said.AsSpan().IndexOf(asked) >= 0);
    }

    /// <summary>Each unit's terms in order, stop words left out; read once, on the first question that needs them.</summary>
    private readonly Lazy<string[][]> _termsInOrder;

    /// <summary>The terms of what the note says someone leads ("Acme Works under Dana Reed", "the Reed-led reset").</summary>
    public HashSet<string> LedTerms { get; }

    /// <summary>
    /// The name of what each leader leads, keyed by each word of the leader's name in lower case ("Zeta Works under
    /// Dana Reed": "dana" and "reed" → "Zeta Works"): "Reed's team" is that. Only a name (its words capitalized, as
    /// the note writes it) and only a leader the note gives one such name for.
    /// </summary>
    public IReadOnlyDictionary<string, string> LedNames { get; }

    private static Dictionary<string, string> FindLedNames(IEnumerable<(NoteUnit Unit, string Led, string Leader, int At)> leaders)
    {
        var led = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (u, word, leader, at) in leaders)
        {
            if (word.Length == 0 || !char.IsUpper(word[0])) continue;
            // the name ends at the word led ("… Zeta Works under …"): its capitalized words before it
            int start = u.Text.IndexOf(word, at, StringComparison.Ordinal);
            if (start < 0) continue;
            var before = u.Text[..start].TrimEnd().Split(' ');
            var name = new List<string> { word };
            for (int i = before.Length - 1; i >= 0 && before[i].Length > 0 && char.IsUpper(before[i][0]) && before[i].All(c => char.IsLetterOrDigit(c) || c is '-' or '.'); i--)
                name.Insert(0, before[i]);
            foreach (var w in leader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = Language.English.WithoutPossessive(w.ToLowerInvariant());
                if (!led.TryGetValue(key, out var names)) led[key] = names = new HashSet<string>(StringComparer.Ordinal);
                names.Add(string.Join(' ', name));
            }
        }
        return led.Where(l => l.Value.Count == 1).ToDictionary(l => l.Key, l => l.Value.First(), StringComparer.Ordinal);
    }

    /// <summary>Lower-case words the note writes as names.</summary>
    public HashSet<string> ProperNouns { get; }

    /// <summary>Name words the note capitalizes only inside longer names, with those names' other words (see
    /// <see cref="Understanding.Peers.NameWordsOnlyInNames"/>).</summary>
    public IReadOnlyDictionary<string, HashSet<string>> NameWordsOnlyInNames { get; }

    /// <summary>The name the most units say: what the note is about ("acme"), not one thing among others.</summary>
    public string? Subject { get; }

    /// <summary>The <see cref="Subject"/> as the note writes it ("Acme").</summary>
    public string? SubjectName { get; }

    /// <summary>The <see cref="ProperNouns"/> the note never writes in lower case: names and nothing else.</summary>
    public HashSet<string> OnlyNames { get; }

    /// <summary>Names of two words or more that the note writes inside its sentences at least twice, lower-case
    /// ("acme widget", "zeta gadget"): a question that says one means the name, not its words wherever they stand.</summary>
    public IReadOnlyList<string> NamePhrases { get; }

    /// <summary>The names the note writes with a version ("Zeta-2.1", "Gizmo 4"), by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<VersionedName>> VersionedNames { get; }

    /// <summary>Initials of the note's multi-word names ("awc" → "Acme Widget Company").</summary>
    public IReadOnlyDictionary<string, string> Acronyms { get; }

    /// <summary>Initials of what the note's figures measure, in words of three or more parts ("arr" → "annual
    /// run-rate", "wps" → "weekly paying subscribers"): the shorthand a client deck writes for a metric.</summary>
    public IReadOnlyDictionary<string, string> MeasureAcronyms { get; }

    /// <summary>What the note's figures measure, in lower case, each with its tails of two words or more ("family
    /// weekly users", "weekly users"): "what is Zeta's weekly users?" names one, so it asks for the figure.</summary>
    public IReadOnlySet<string> MeasurePhrases { get; }

    public double MaxIdf { get; }

    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);

    /// <summary>How many units use a term (in their words, section title or table headers).</summary>
    public int DocumentFrequency(string term) => _df.GetValueOrDefault(term);

    public bool InNote(string term) => _df.ContainsKey(term);

    /// <summary>ln(1 + N/df); a term the note never uses weighs as much as the rarest one.</summary>
    public double Idf(string term) => _df.TryGetValue(term, out var df) ? Math.Log(1 + (double)Units.Count / df) : MaxIdf;

    /// <summary>The share of units that use a term: the note's own subject ("Meta") is in most of them.</summary>
    public double Share(string term) => (double)_df.GetValueOrDefault(term) / Math.Max(1, Units.Count);

    // ---- units ----

    private NoteUnit SentenceUnit(Passage p, int index, NoteUnit? previous)
    {
        var text = p.Text;
        var dates = Quantities.DatesIn(text);
        // a day in a date ("April 8, 2026") is part of the date, not a figure
        var figures = Quantities.FiguresIn(text).Where(f => !dates.Any(d => f.Start >= d.Start && f.Start < d.End)).ToList();
        var spans = Clauses(text, figures, dates);
        var named = Peers.In(text);
        // "the trade press places it at 7": "it" is what the sentence before was about
        IReadOnlyList<Peer> before = previous is not null && previous.Passage.ParentId == p.ParentId ? previous.Peers : [];
        // the subject: what the sentence names before its first figure
        var firstFigure = figures.Count > 0 ? figures[0].Start : text.Length;
        var lead = Peers.In(text[..firstFigure]);
        var leadPeriods = spans.Where(s => !figures.Any(f => s.From <= f.Start && f.Start < s.To)).SelectMany(s => Quantities.PeriodsIn(text[s.From..s.To])).Distinct().ToList();

        var segments = new List<Segment>();
        bool leadless = false;
        foreach (var s in spans)
        {
            var piece = text[s.From..s.To];
            var own = Peers.In(piece);
            // a clause that opens on a contrast with a subject of its own ("…, while prior disclosure frames 2025
            // capex at $3B") is not about the sentence's subject, nor is what is coordinated with it
            bool ownSubject = OwnSubjectContrastRegex().IsMatch(piece) || (s.Coordinated && leadless);
            var owners = own.Count > 0 ? own : StandaloneItRegex().IsMatch(piece) && before.Count > 0 ? before : ownSubject ? [] : lead;
            leadless = own.Count == 0 && ownSubject;
            var periods = Quantities.PeriodsIn(piece);
            // "…, behind Zeta at 9 and Omega at 8": a comparison goes on with the measure of the clause before; so do
            // figures set after a clause that has none ("… nearly matching Zeta in speed, 40% versus 41% on
            // GizmoTest"): they are that clause's figures
            // … and so does a date set after one by a word or two ("…, effective May 4, 2026 in most regions"): when
            // that clause's event took place
            bool appositive = segments.Count > 0
                              && (figures.Any(f => f.Start == s.From) || dates.Any(d => d.Start >= s.From && d.Start < s.To && Tokens.Words(text[s.From..d.Start]).Count <= 2))
                              && !figures.Any(f => segments[^1].Holds(f.Start)) && !dates.Any(d => segments[^1].Holds(d.Start));
            bool continues = segments.Count > 0 && (ComparativeRegex().IsMatch(piece) || appositive || (s.Coordinated && segments[^1].Continues));
            bool listItem = !figures.Any(f => f.Start >= s.From && f.Start < s.To) && ListItemRegex().IsMatch(piece);
            segments.Add(new Segment(s.From, s.To, null, owners, periods.Count > 0 ? periods : leadPeriods, continues, listItem));
        }
        var inherited = named.Count == 0 && StandaloneItRegex().IsMatch(text) ? before : [];
        var words = Tokens.Words(text);

        return new NoteUnit
        {
            Passage = p,
            Index = index,
            Segments = segments,
            Figures = figures,
            // a verb of multiplying ("… tripled year over year") measures its clause's subject, not the words after it
            Measures = figures.Where(f => !f.Text.All(char.IsLetter)).Select(f => (f.Start, Span: MeasuredSpan(text, words, f.End))).Where(x => x.Span is not null)
                .ToDictionary(x => x.Start, x => x.Span!.Value),
            Dates = dates,
            Terms = Terms.Of(text).ToHashSet(StringComparer.Ordinal),
            Words = words,
            ContextTerms = Terms.Of(p.SectionTitle).ToHashSet(StringComparer.Ordinal),
            Negated = NegationRegex().IsMatch(text),
            Peers = named.Count > 0 ? named : inherited,
        };
    }

    private NoteUnit RowUnit(Passage p, int index)
    {
        // the row's text is "Header: cell · Header: cell"; each clause of a cell ("WidgetBench 12, GadgetEval 40%")
        // is a segment owned by the row's label, with its header as its lead
        var owners = Peers.In(p.Row ?? "");
        var segments = new List<Segment>();
        var figures = FiguresOutsideDates(p.Text);
        var dates = Quantities.DatesIn(p.Text);
        int at = 0;
        foreach (var (header, cell) in p.Cells!.Where(c => c.Value.Length > 0))
        {
            var piece = $"{header}: {cell}";
            int start = p.Text.IndexOf(piece, at, StringComparison.Ordinal);
            if (start < 0) continue;
            int cellStart = start + header.Length + 2;
            var cellFigures = figures.Where(f => f.Start >= cellStart && f.Start < start + piece.Length).Select(f => f with { Start = f.Start - cellStart }).ToList();
            var cellDates = dates.Where(d => d.Start >= cellStart && d.Start < start + piece.Length).Select(d => d with { Start = d.Start - cellStart }).ToList();
            foreach (var span in Clauses(cell, cellFigures, cellDates))
            {
                var text = cell[span.From..span.To];
                segments.Add(new Segment(cellStart + span.From, cellStart + span.To, header, owners, Quantities.PeriodsIn(text)) { HeaderStart = start });
            }
            at = start + piece.Length;
        }
        if (segments.Count == 0) segments.Add(new Segment(0, p.Text.Length, null, owners, []));
        var headers = string.Join(' ', p.Cells!.Select(c => c.Key));
        return new NoteUnit
        {
            Passage = p,
            Index = index,
            Segments = segments,
            Figures = figures,
            Dates = dates,
            Terms = Terms.Of(p.Text).ToHashSet(StringComparer.Ordinal),
            Words = Tokens.Words(p.Text),
            LabelTerms = Terms.Of(p.Row ?? "").ToHashSet(StringComparer.Ordinal),
            ContextTerms = Terms.Of($"{p.SectionTitle} {headers}").ToHashSet(StringComparer.Ordinal),
            // a cell negates by its own words, or by its header ("What it does not yet show: Zeta")
            Negated = p.Cells!.Skip(1).Any(c => c.Value.Length > 0 && (NegationRegex().IsMatch(c.Value) || NegationRegex().IsMatch(c.Key))),
            Peers = owners,
        };
    }

    /// <summary>
    /// The note's names of places: a name ("Zetaville") that stands after "in", "at", "near" … ("built in Zetaville")
    /// wherever the note says it. A name the note also uses another way ("a stake in Zeta", "Zeta said") is a company or
    /// a product, so is one a company word ends ("in Omega Inc"), and a month or a period is a time ("in June", "in Q4").
    /// </summary>
    private static HashSet<string> PlaceNames(IReadOnlyList<NoteUnit> units)
    {
        var located = new HashSet<string>(StringComparer.Ordinal);
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in units)
            for (int i = 0; i < u.Words.Count; i++)
            {
                var w = u.Words[i].Text;
                if (!char.IsUpper(w[0]) || w.Any(char.IsDigit) || Language.English.Months.Contains(w.ToLowerInvariant())) continue;
                // "a stake in Omega Inc": a name that a company word ends is a company
                bool company = i + 1 < u.Words.Count && Language.English.CompanyWords.Contains(u.Words[i + 1].Text);
                int before = i - 1;
                if (before > 0 && u.Words[before].Text.Equals("the", StringComparison.OrdinalIgnoreCase)) before--;
                (!company && before >= 0 && Language.English.PlacePrepositions.Contains(u.Words[before].Text.ToLowerInvariant()) ? located : elsewhere).Add(w);
            }
        located.ExceptWith(elsewhere);
        return located;
    }

    /// <summary>
    /// Clause spans: between commas, semicolons, colons, dashes and brackets; a span that holds two figures is split
    /// again at a coordinating word between them ("spent $12.5B on capex in 2025 and guided 2026 capex to $15B").
    /// </summary>
    /// <param name="Coordinated">The span follows a coordinating word that split it from the one before.</param>
    private readonly record struct Span(int From, int To, bool Coordinated);

    private static List<Span> Clauses(string text, IReadOnlyList<Figure> figures, IReadOnlyList<DateMention> dates)
    {
        var spans = new List<(int From, int To)>();
        int start = 0;
        foreach (Match m in ClauseBreakRegex().Matches(text))
        {
            if (dates.Any(d => m.Index > d.Start && m.Index < d.End)) continue; // "April 8, 2026" is one date
            if (m.Index > start) spans.Add((start, m.Index));
            start = m.Index + m.Length;
        }
        if (start < text.Length) spans.Add((start, text.Length));

        var result = new List<Span>();
        foreach (var (from, to) in spans)
        {
            int cut = from;
            bool coordinated = false;
            foreach (Match c in CoordinatorRegex().Matches(text[from..to]))
            {
                int at = from + c.Index;
                bool before = figures.Any(f => f.Start >= cut && f.Start < at);
                bool after = figures.Any(f => f.Start >= at + c.Length && f.Start < to);
                if (!before || !after) continue;
                result.Add(new Span(cut, at, coordinated));
                cut = at + c.Length;
                coordinated = true;
            }
            result.Add(new Span(cut, to, coordinated));
        }
        return result.Where(s => text[s.From..s.To].Trim().Length > 0).Select(s => Trim(text, s)).ToList();
    }

    private static List<Figure> FiguresOutsideDates(string text)
    {
        var dates = Quantities.DatesIn(text);
        return Quantities.FiguresIn(text).Where(f => !dates.Any(d => f.Start >= d.Start && f.Start < d.End)).ToList();
    }

    private static Span Trim(string text, Span span)
    {
        int from = span.From, to = span.To;
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
        return span with { From = from, To = to };
    }

    /// <summary>Initials of multi-word capitalized names: "Acme Widget Company" → "awc"; two initials ("Gizmo
    /// Test" → "gt") only for a name the note says at least twice, once at least inside a sentence (a sentence's
    /// capitalized first word makes two-word "names", "Against Zeta", whose initials would shadow a real one).</summary>
    private static Dictionary<string, string> FindAcronyms(NoteDocument document)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string Initials, string Name), (int Total, int Inside)>();
        foreach (var p in document.Passages.Where(p => p.Kind is PassageKind.Sentence or PassageKind.Paragraph && p.Section != NoteParser.TitleSection))
            foreach (Match m in MultiWordNameRegex().Matches(p.Text))
            {
                var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var initials = new string(words.Select(w => char.ToLowerInvariant(w[0])).ToArray());
                if (initials.Length >= 3) result.TryAdd(initials, m.Value);
                else
                {
                    bool inside = InsideSentence(p.Text, m.Index);
                    var (total, within) = pairs.GetValueOrDefault((initials, m.Value));
                    pairs[(initials, m.Value)] = (total + 1, within + (inside ? 1 : 0));
                }
            }
        foreach (var group in pairs.Where(x => x.Value.Total >= 2 && x.Value.Inside >= 1).GroupBy(x => x.Key.Initials))
            result.TryAdd(group.Key, group.OrderByDescending(x => x.Value.Total).ThenBy(x => x.Key.Name, StringComparer.Ordinal).First().Key.Name);
        return result;
    }

    /// <summary>
    /// The initials of each figure's measure (the content words right after it) and of each tail of it three parts
    /// long or more, a hyphenated word giving one part per piece: "$1B annual run-rate" → "arr", "3M weekly paying
    /// subscribers" → "wps". Only measures in lower-case words (a name's initials are <see cref="Acronyms"/>), and
    /// only initials that stand for one measure and no name.
    /// </summary>
    private static Dictionary<string, string> FindMeasureAcronyms(IEnumerable<List<string>> measures, IReadOnlyDictionary<string, string> names)
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var head in measures.Where(h => !h.Any(w => w.Any(char.IsUpper))))
            for (int first = 0; first < head.Count; first++)
            {
                var words = head.Skip(first).ToList();
                var parts = words.SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).ToList();
                if (parts.Count < 3) break;
                var initials = new string(parts.Select(x => x[0]).ToArray());
                if (names.ContainsKey(initials)) continue;
                if (!found.TryGetValue(initials, out var spelled)) found[initials] = spelled = new(StringComparer.Ordinal);
                spelled.Add(string.Join(' ', words));
            }
        return found.Where(f => f.Value.Count == 1).ToDictionary(f => f.Key, f => f.Value.Single(), StringComparer.Ordinal);
    }

    private static bool MeasureWord(Token w) => !Language.English.IsStopWord(w.Text.ToLowerInvariant()) && !Language.English.NameJoiners.Contains(w.Text.ToLowerInvariant())
                                                && w.Text.All(c => char.IsLetter(c) || c == '-');

    private static List<string> FindNamePhrases(NoteDocument document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in document.Passages.Where(p => p.Kind == PassageKind.Sentence && p.Section != NoteParser.TitleSection))
            foreach (Match m in NamePhraseRegex().Matches(p.Text))
                // a sentence's capitalised first word is no part of a name ("Against Zeta")
                if (InsideSentence(p.Text, m.Index) && m.Value.ToLowerInvariant() is var name)
                    counts[name] = counts.GetValueOrDefault(name) + 1;
        return counts.Where(c => c.Value >= 2).Select(c => c.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a match at <paramref name="index"/> stands inside a sentence, not at its start (where any
    /// word is capitalised).</summary>
    private static bool InsideSentence(string text, int index) => index > 0 && !text[..index].TrimEnd().EndsWith('.');

    [GeneratedRegex(@"\b\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){1,3}\b")]
    private static partial Regex NamePhraseRegex();

    [GeneratedRegex(@"\s*[;:()—–]\s*|,(?!\d)\s*|\s+-\s+")]
    private static partial Regex ClauseBreakRegex();

    [GeneratedRegex(@"\s+(?:and|while|whereas|but|versus|vs\.?)\s+")]
    private static partial Regex CoordinatorRegex();

    // "while prior disclosure frames …": a contrast that opens a clause with its own subject; not one that goes on
    // with the sentence's ("while also stating …", "while trailing …", "although still behind …")
    [GeneratedRegex(@"^\W*(?:while|whereas|although|though)\s+(?!also\b|still\b|not\b|only\b|being\b|in\b|at\b|on\b|with\b)(?:the\s+|its\s+|their\s+|a\s+|an\s+)?[\p{L}][\p{L}-]*(?<!ing|ed)\b(?!\s+(?:at|to|by|on|in)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OwnSubjectContrastRegex();

    [GeneratedRegex(@"^(?:just\s+|slightly\s+|well\s+|far\s+|narrowly\s+)?(?:behind|ahead\s+of|versus|vs\.?|compared\s+(?:with|to)|than|below|above|trailing|against)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComparativeRegex();

    // a name or two, nothing else: "WidgetBench", "Gadget Eval", "and GizmoTest"
    [GeneratedRegex(@"^(?:and\s+|or\s+)?[\p{Lu}\d][\w.’'-]*(?:\s+[\p{Lu}\d][\w.’'-]*){0,3}\.?$")]
    private static partial Regex ListItemRegex();

    [GeneratedRegex(@"\b(?:it|its)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StandaloneItRegex();

    /// <summary>
    /// The words right after a figure that say what it measures: a run of content words ("context window", "revenue
    /// run-rate") and the phrase they govern ("stake <b>in Zeta</b>", "lift <b>in views</b>"), up to a comma, a
    /// conjunction or another figure. Null when a figure is not followed by one ("$3B for a stake", "40% versus 41%").
    /// </summary>
    private static (int From, int To)? MeasuredSpan(string text, IReadOnlyList<Token> words, int figureEnd)
    {
        int at = words.Count(w => w.Start < figureEnd), end = figureEnd;
        bool Next(Func<Token, bool> takes)
        {
            if (at >= words.Count || !string.IsNullOrWhiteSpace(text[end..words[at].Start]) || !takes(words[at])) return false;
            end = words[at++].End;
            return true;
        }
        static bool Content(Token w) => !Language.English.IsStopWord(w.Text.ToLowerInvariant()) && !Language.English.NameJoiners.Contains(w.Text.ToLowerInvariant())
                                        && !w.Text.Any(char.IsDigit) && w.Text[0] != '$';
        int heads = 0;
        while (heads < 4 && Next(Content)) heads++;
        if (heads == 0) return null;
        // the phrase the head governs, when one follows the preposition
        int headEnd = end, tail = 0;
        if (Next(w => Language.English.GoverningPrepositions.Contains(w.Text.ToLowerInvariant())))
            while (tail < 3 && Next(Content)) tail++;
        return (figureEnd, tail > 0 ? end : headEnd);
    }

    /// <summary>Where the text's denials begin ("not", "rather than", "lacks", …): what one denies follows it.</summary>
    public static IEnumerable<int> Negations(string text) => NegationRegex().Matches(text).Select(m => m.Index);

    [GeneratedRegex(@"\b(?:not|no|never|none|neither|nor|without|cannot|n['’]t|rather\s+than|instead\s+of|far\s+from|lacks?|lacking|fails?\s+to|falls?\s+short|stops?\s+short|rules?\s+out|precludes?|limits?\s+any|unlikely)\b|-only\b|\bonly\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegationRegex();

    // a word of the name may be a possessive ("Acme's Widget Test")
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:['’]s)?(?:\s+[A-Z][a-z]+(?:['’]s)?){0,2}\s+[A-Z][a-z]+\b")]
    private static partial Regex MultiWordNameRegex();
}
