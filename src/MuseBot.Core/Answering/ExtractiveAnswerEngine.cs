using System.Text;
using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Core.Note;
using MuseBot.Core.Retrieval;

namespace MuseBot.Core.Answering;

/// <summary>
/// Answers from the note's own words, with no network: finds the sentences and table rows that answer, puts the
/// answer first (a figure, a date, "No", a list), quotes the support with citations, carries the note's own
/// doubts as flags, and says plainly when the note does not answer.
/// </summary>
public sealed partial class ExtractiveAnswerEngine : IAnswerEngine
{
    private readonly NoteIndex _index;
    private readonly List<Unit> _units;
    private readonly Dictionary<string, Unit> _unitById;
    private readonly List<TableUnits> _tables;
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    private readonly EntityPeers _peers;
    private readonly double _maxIdf;
    private readonly HashSet<string> _nameStems;
    private readonly HashSet<string> _lowercaseStems;
    private readonly HashSet<string> _peerStems;
    private readonly Dictionary<EntityPeers.Peer, HashSet<string>> _peerAliasStems;
    private readonly Dictionary<string, string> _acronyms;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[]> _wordVectors = new(StringComparer.Ordinal);

    /// <summary>Scoring knobs, exposed for the benchmark and tests; defaults are the tuned values.</summary>
    public EngineTuning Tuning { get; init; } = new();

    public ExtractiveAnswerEngine(NoteIndex index)
    {
        _index = index;
        var passages = index.Document.Passages;
        var sentenceParents = passages.Where(p => p.Kind == PassageKind.Sentence).Select(p => p.ParentId).ToHashSet();
        _units = passages
            .Where(p => p.Kind is PassageKind.Sentence or PassageKind.TableRow
                        || (p.Kind == PassageKind.Paragraph && !sentenceParents.Contains(p.Id) && p.Section != NoteParser.TitleSection))
            .OrderBy(p => p.Order)
            .Select(p => new Unit(p, index.Analyze(p.Text).ToHashSet(StringComparer.Ordinal), index.EmbeddingOf(p.Id))
            {
                LabelTerms = p.Kind == PassageKind.TableRow ? index.Analyze(p.Row ?? "") : [],
            })
            .ToList();
        _tables = _units.Where(u => u.Passage.Kind == PassageKind.TableRow)
            .GroupBy(u => u.Passage.Id[..u.Passage.Id.LastIndexOf('.')])
            .Select(rows =>
            {
                var headers = rows.First().Passage.Cells!.Select(c => c.Key).ToList();
                return new TableUnits(rows.ToList(),
                    index.Analyze($"{rows.First().Passage.SectionTitle} {string.Join(' ', headers)}").ToHashSet(StringComparer.Ordinal),
                    headers.Skip(1).Select(h => (h, index.Analyze(h).Where(t => !StopWords.IsStopWord(t)).ToList())).ToList());
            })
            .ToList();
        _unitById = _units.ToDictionary(u => u.Passage.Id);
        foreach (var u in _units)
            foreach (var t in u.Terms.Union(u.ContextTerms(index))) _df[t] = _df.GetValueOrDefault(t) + 1;
        _maxIdf = Math.Log(1 + _units.Count);

        _nameStems = EntityPeers.ProperNouns(index.Document).SelectMany(n => index.Analyze(n)).ToHashSet(StringComparer.Ordinal);
        _lowercaseStems = _units.SelectMany(u => WordTokenRegex().Matches(u.Passage.Text).Select(m => m.Value))
            .Where(w => char.IsLower(w[0])).SelectMany(w => index.Analyze(w)).ToHashSet(StringComparer.Ordinal);
        _acronyms = Acronyms(index.Document);
        _peers = new EntityPeers(index.Document, alias =>
        {
            int count = _units.Count(u => EntityPeers.Aliases(u.Passage.Text).Contains(alias));
            return count > Tuning.SubjectMinPassages ? (double)count / _units.Count : 0; // a short note's names are all "frequent"
        });
        _peerAliasStems = _peers.All.ToDictionary(p => p, p => p.Aliases.SelectMany(a => index.Analyze(a)).ToHashSet(StringComparer.Ordinal));
        _peerStems = _peerAliasStems.Values.SelectMany(x => x).ToHashSet(StringComparer.Ordinal);
        Unit? previous = null;
        foreach (var u in _units)
        {
            var own = _peers.In(u.Passage.Text);
            // "Artificial Analysis places it at 52": "it" is the subject of the sentence before
            var inherited = previous is not null && previous.Passage.ParentId == u.Passage.ParentId && u.Passage.Kind == PassageKind.Sentence
                            && StandaloneItRegex().IsMatch(u.Passage.Text)
                ? previous.Peers : [];
            u.Peers = own.Concat(inherited).Distinct().ToList();
            u.Previous = previous?.Passage.ParentId == u.Passage.ParentId ? previous : null;
            if (u.Previous is not null) u.Previous.Next = u;
            previous = u;
        }
    }

    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Answer(question));
    }

    private Answer Answer(Question question)
    {
        var asked = question.Text ?? "";
        var cleaned = QueryAnalysis.Clean(asked);
        if (cleaned.Length == 0)
            return Refuse(asked, "Ask me something about the note — for example: *" + Commands.ChatCommands.ExampleQuestions[0] + "*");
        if (cleaned.Length > QueryAnalysis.MaxQuestionChars)
            return Refuse(asked, $"That message is too long for one question ({cleaned.Length:N0} characters). Ask in a sentence or two — for example: *{Commands.ChatCommands.ExampleQuestions[1]}*");
        if (!cleaned.Any(char.IsLetterOrDigit))
            return Refuse(asked, "I answer questions about the research note in words — for example: *" + Commands.ChatCommands.ExampleQuestions[0] + "*");
        if (!LooksLatin(cleaned))
            return Refuse(asked, "I can only read questions in English, and the note is in English. Try asking in English — for example: *" + Commands.ChatCommands.ExampleQuestions[0] + "*");

        var text = WithContext(Normalize(cleaned), question.PreviousQuestion is null ? null : Normalize(QueryAnalysis.Clean(question.PreviousQuestion)));
        var corrected = _index.Vocabulary.Correct(text);
        var kind = QueryAnalysis.Classify(corrected);
        var terms = ContentTerms(corrected);
        if (terms.Count == 0)
            return Refuse(asked, "I didn't catch a question about the note there. Try one like: *" + Commands.ChatCommands.ExampleQuestions[2] + "*");

        var queryVector = QueryVector(corrected);
        var ranked = Rank(corrected, terms, kind, queryVector);
        if (ranked.Count == 0)
            return NotInNote(asked, corrected, null);

        var best = ranked[0];
        if (NothingNear(best) || MissingSlot(corrected, ranked) is not null)
            return NotInNote(asked, corrected, best);

        // the answer must be about what was named ("Opus 4.6's GDPval"): a close passage that has the names and is
        // not about another of the compared things, or nothing
        if (best.LacksNames || best.Conflicting)
        {
            var named = ranked.Take(12).FirstOrDefault(c => !c.LacksNames && !c.Conflicting && c.Score >= best.Score * Tuning.NamedAlternativeRatio);
            if (named is null) return NotInNote(asked, corrected, best);
            ranked.Remove(named);
            ranked.Insert(0, named);
            best = named;
        }

        // a figure or date must be attached to what was asked, not merely share the sentence with it
        if (kind is QuestionKind.Number or QuestionKind.When)
        {
            // each part of a multi-part question ("… in 2026? And where does it rank?") is checked on its own terms
            var parts = QuestionPartRegex().Split(corrected).Select(ContentTerms).Where(t => t.Count >= 2).Append(terms).Distinct().ToList();
            var attached = ranked.Take(6).Where(c => c.Score >= best.Score * 0.6)
                .FirstOrDefault(c => parts.Any(part => Attachment(c, part, kind) >= Tuning.MinAttachment))
                // no shared words beside any figure: a paraphrase ("pour into buildout" for "capex") may still mean the figure's clause
                ?? ranked.Take(6).Where(c => c.Score >= best.Score * 0.6).FirstOrDefault(c => ClauseMeansQuestion(c, corrected, queryVector, kind));
            if (attached is null) return NotInNote(asked, corrected, best);
            if (attached != best)
            {
                ranked.Remove(attached);
                ranked.Insert(0, attached);
                best = attached;
            }
        }

        var table = kind is QuestionKind.List or QuestionKind.General || QueryAnalysis.MentionsTable(corrected) ? WholeTable(terms, ranked) : null;
        var column = table is null ? ColumnAcrossPeers(corrected, terms) : null;
        if (column is not null) return ComposeColumn(asked, column.Value.Header, column.Value.Rows);
        var chosen = table ?? Select(ranked, terms, _peers.In(corrected));
        return Compose(asked, corrected, kind, terms, chosen, table is not null);
    }

    /// <summary>How the engine read a question and ranked passages, for the note's maintainers (`musebot explain`).</summary>
    public string Explain(string question, int top = 25)
    {
        var corrected = _index.Vocabulary.Correct(Normalize(QueryAnalysis.Clean(question)));
        var kind = QueryAnalysis.Classify(corrected);
        var terms = ContentTerms(corrected);
        var sb = new StringBuilder($"corrected: {corrected}\nkind: {kind}\nterms: {string.Join(", ", terms.Select(t => $"{t}({Idf(t):F1}{(_df.ContainsKey(t) ? "" : ",missing")})"))}\n");
        sb.Append($"peers asked: {string.Join(", ", _peers.In(corrected).Select(p => p.Label))}\n");
        sb.Append($"names: {string.Join(", ", NamedTerms(corrected))}\n");
        foreach (var c in Rank(corrected, terms, kind, QueryVector(corrected)).Take(top))
            sb.Append($"{(c.LacksNames ? "N" : "-")}{(c.Conflicting ? "C" : "-")} {c.Score:F3} cos={c.Cosine:F3} cov={c.Coverage:F2} bm={c.Bm25:F2} att={Attachment(c, terms, kind):F2} {c.Unit.Passage.Id} [{string.Join(",", c.Matched)}] {c.Unit.Passage.Text[..Math.Min(90, c.Unit.Passage.Text.Length)]}\n");
        return sb.ToString();
    }

    // ---------- ranking ----------

    private float[]? QueryVector(string query) => _index.HasEmbeddings ? _index.Embed(query) : null;

    private List<Candidate> Rank(string query, IReadOnlyList<string> terms, QuestionKind kind, float[]? qv)
    {
        var bm25 = _index.SearchBm25(query, 80).Where(h => _unitById.ContainsKey(h.Id)).ToList();
        double maxBm = bm25.Count > 0 ? bm25.Max(h => h.Score) : 1;
        var bmById = bm25.ToDictionary(h => h.Id, h => h.Score / maxBm);

        var questionPeers = _peers.In(query);
        // names always; years and figures only when a figure or date is asked for ("the big 3" is not a figure)
        var namedInQuestion = NamedTerms(query);
        var requiredNames = terms.Where(t => (namedInQuestion.Contains(t) && InNote(t) && !IsSubject(t, Tuning.RequiredNameShare))
                                             || (kind is QuestionKind.Number or QuestionKind.When && YearOrNumberRegex().IsMatch(t) && !_nameStems.Contains(t))).ToList();
        double totalWeight = terms.Sum(Idf);
        var result = new List<Candidate>();
        foreach (var u in _units)
        {
            double cos = qv is not null && u.Embedding is not null ? SentenceEmbedder.Cosine(qv, u.Embedding) : 0;
            double bm = bmById.GetValueOrDefault(u.Passage.Id);
            // a passage that names an asked-about thing another way ("Anthropic" for Claude's row) matches its name
            var viaPeer = questionPeers.Where(u.Peers.Contains).SelectMany(p => _peerAliasStems[p]).ToHashSet();
            var matched = terms.Where(t => Matches(u, t) || viaPeer.Contains(t)).ToList();
            double coverage = totalWeight > 0 ? matched.Sum(Idf) / totalWeight : 0;
            if (cos < 0.05 && bm == 0 && coverage == 0) continue;

            double score = Tuning.CosineWeight * cos + Tuning.CoverageWeight * coverage + Tuning.Bm25Weight * bm;
            if (kind == QuestionKind.Number && u.HasNumber) score += Tuning.TypeBonus;
            if (kind == QuestionKind.When && u.HasDate) score += Tuning.TypeBonus;
            // "does the note say X?" is usually answered by what the note says X is not
            if (kind == QuestionKind.YesNo && u.HasNegation) score += AsksWhatNoteClaims(query) ? Tuning.TypeBonus * 2 : Tuning.TypeBonus / 2;
            if (u.Passage.Section == NoteParser.SourcesSection && !SourcesRegex().IsMatch(query)) score -= 0.3;
            if (u.Passage.Kind == PassageKind.TableRow)
            {
                // a short row label the question names ("Modes", "Capex commitment") is a precise hit; a label that is
                // itself a long sentence is prose squeezed into a table and no more precise than the prose
                if ((u.Passage.Row ?? "").Split(' ').Length > 6) score -= 2 * Tuning.TypeBonus;
                else if (u.LabelTerms.Any(t => terms.Contains(t) || Variants(t).Any(terms.Contains))) score += Tuning.LabelBonus;
            }

            // a name the question uses (a benchmark, a company, a product) must be in the passage that answers
            bool namesMissing = requiredNames.Any(n => !Matches(u, n) && !viaPeer.Contains(n) && !(u.Previous is not null && u.Peers.Count > 0 && StandaloneItRegex().IsMatch(u.Passage.Text) && Matches(u.Previous, n)));
            if (namesMissing)
            {
                if (kind is QuestionKind.Number or QuestionKind.When) continue;
                score *= 0.75;
            }
            // a figure asked of one of the things a table compares must be that thing's, not the company's at large
            if (kind is QuestionKind.Number or QuestionKind.When && questionPeers.Count > 0 && !questionPeers.Any(u.Peers.Contains)) continue;
            bool conflict = Conflicts(u, questionPeers);
            if (conflict)
            {
                if (kind is QuestionKind.Number or QuestionKind.When) continue;
                score *= 0.6;
            }
            result.Add(new Candidate(u, score, cos, coverage, bm, matched) { LacksNames = namesMissing, Conflicting = conflict });
        }
        result.Sort((a, b) => b.Score.CompareTo(a.Score));
        return result;
    }

    /// <summary>The passage names a peer of something asked about, and not the thing asked about.</summary>
    private static bool Conflicts(Unit u, IReadOnlyList<EntityPeers.Peer> asked)
    {
        foreach (var group in asked.Select(p => p.Group).Distinct())
        {
            var askedInGroup = asked.Where(p => p.Group == group).ToList();
            var unitInGroup = u.Peers.Where(p => p.Group == group).ToList();
            if (unitInGroup.Count > 0 && !unitInGroup.Any(askedInGroup.Contains)) return true;
        }
        return false;
    }

    /// <summary>
    /// The question's terms that are names of the note's: written as a name (capitalized after the first word, or
    /// with digits), or a word the note only ever writes as a name ("reuters"); "the new lab" is not "News Corp" or
    /// "Labs", because the note also writes "new" and "lab" as ordinary words.
    /// </summary>
    private HashSet<string> NamedTerms(string query)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var tokens = WordTokenRegex().Matches(query).Select(m => m.Value).ToList();
        for (int i = 0; i < tokens.Count; i++)
        {
            var raw = tokens[i].TrimEnd('?', '.', ',', '!');
            bool writtenAsName = (i > 0 && char.IsUpper(raw[0])) || (raw.Any(char.IsDigit) && raw.Any(char.IsLetter));
            foreach (var t in _index.Analyze(raw))
                if (_nameStems.Contains(t) && (writtenAsName || !_lowercaseStems.Contains(t))) result.Add(t);
        }
        return result;
    }

    /// <summary>Nothing in the note is near the question, by words or by meaning.</summary>
    private bool NothingNear(Candidate best) => best.Coverage < Tuning.MinCoverage && best.Cosine < Tuning.MinCosine;

    /// <summary>
    /// The word that names what is asked for ("how many GPUs", "what countries", "hallucination rate", "in GW"),
    /// when the note never uses it nor anything close to it in the best passages: then the note does not say.
    /// </summary>
    private string? MissingSlot(string query, List<Candidate> ranked)
    {
        var near = ranked.Take(3).SelectMany(c => EntityPeers.Aliases(c.Unit.Passage.Text)).Where(w => !StopWords.IsStopWord(w)).Distinct().ToList();
        foreach (Match m in SlotRegex().Matches(query.ToLowerInvariant()))
        {
            foreach (var g in new[] { "a", "b", "c", "d", "e", "f" })
            {
                var word = m.Groups[g].Value;
                if (word.Length < 2 || StopWords.IsStopWord(word) || Filler.Contains(word) || AnswerTypeWords.Contains(word) || word.Any(char.IsDigit)) continue;
                var stems = _index.Analyze(word);
                if (stems.Count == 0 || stems.All(t => StopWords.IsStopWord(t) || Filler.Contains(t) || InNote(t))) continue;
                if (!_index.HasEmbeddings) return word;
                var v = WordVector(word);
                if (!near.Any(n => SentenceEmbedder.Cosine(v, WordVector(n)) >= Tuning.WordSimilarity)) return word;
            }
        }
        return null;
    }

    private float[] WordVector(string word) => _wordVectors.GetOrAdd(word, w => _index.Embed(w));

    /// <summary>How much of what was asked sits next to a figure (or date) in the candidate.</summary>
    /// <summary>Whether the clause around one of the candidate's figures means what the question asks, by embedding.</summary>
    private bool ClauseMeansQuestion(Candidate c, string query, float[]? q, QuestionKind kind)
    {
        if (q is null || kind != QuestionKind.Number || c.Unit.Passage.Kind == PassageKind.TableRow) return false;
        var text = c.Unit.Passage.Text;
        // words of the question the note uses elsewhere ("revenue") name something the note can tell apart:
        // the clause must say them or a near synonym, or it is about something else ("capex")
        var distinct = WordTokenRegex().Matches(query).Select(m => m.Value.ToLowerInvariant())
            .Where(w => w.Length >= 3 && !StopWords.IsStopWord(w) && !Filler.Contains(w) && !AnswerTypeWords.Contains(w) && !w.Any(char.IsDigit))
            .Where(w => _index.Analyze(w) is [var t] && InNote(t) && !IsSubject(t, Tuning.SubjectShare) && !_peerStems.Contains(t))
            .Distinct().ToList();
        foreach (var f in FigureMatches(text))
        {
            var (from, to) = ClauseSpan(text, f);
            var clause = text[from..to].Trim();
            var v = _clauseVectors.GetOrAdd(clause, _index.Embed);
            if (SentenceEmbedder.Cosine(q, v) < Tuning.ClauseSimilarity) continue;
            var clauseWords = WordTokenRegex().Matches(clause).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3 && !StopWords.IsStopWord(w)).ToList();
            var clauseTerms = _index.Analyze(clause).ToHashSet();
            bool allSaid = distinct.All(w => _index.Analyze(w).All(t => clauseTerms.Contains(t) || Variants(t).Any(clauseTerms.Contains))
                                            || clauseWords.Any(x => SentenceEmbedder.Cosine(WordVector(w), WordVector(x)) >= Tuning.ClauseWordSimilarity));
            if (allSaid) return true;
        }
        return false;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, float[]> _clauseVectors = new(StringComparer.Ordinal);

    private double Attachment(Candidate c, IReadOnlyList<string> terms, QuestionKind kind)
    {
        var focus = terms.Where(t => InNote(t) && !YearOrNumberRegex().IsMatch(t) && !IsSubject(t, Tuning.SubjectShare) && !_peerStems.Contains(t)).ToList();
        if (focus.Count == 0) return 1;
        double total = focus.Sum(Idf);
        var text = c.Unit.Passage.Text;
        if (c.Unit.Passage.Kind == PassageKind.TableRow) // a row keeps its header and label with the figure
        {
            bool hasFigure = kind == QuestionKind.When ? DateRegex().IsMatch(text) : Figures(text, "").Count > 0;
            return hasFigure ? focus.Where(t => Matches(c.Unit, t)).Sum(Idf) / total : 0;
        }

        var words = WordTokenRegex().Matches(text).Select(m => (m.Value, m.Index)).ToList();
        double best = 0;
        var figures = kind == QuestionKind.When ? DateRegex().Matches(text).ToList() : FigureMatches(text);
        int window = kind == QuestionKind.When ? Tuning.AttachmentWindow * 2 : Tuning.AttachmentWindow;
        if (kind == QuestionKind.When)
            return figures.Count > 0 ? focus.Where(t => Matches(c.Unit, t)).Sum(Idf) / total : 0;
        // the figure's clause: between the commas, semicolons or dashes around it, at most a dozen words each way
        foreach (Match f in figures)
        {
            var (from, to) = ClauseSpan(text, f);
            var clause = words.Where(w => w.Index >= from && w.Index < to).ToList();
            int at = clause.FindIndex(w => w.Index >= f.Index);
            if (at < 0) at = clause.Count - 1;
            var span = string.Join(' ', clause.Skip(Math.Max(0, at - window)).Take(2 * window + 1).Select(w => w.Value));
            var windowTerms = _index.Analyze(span).ToHashSet();
            // a term beside the figure counts fully; one elsewhere in the passage (the source, "Anthropic describes
            // …") is already checked as a name and weighs half; one missing from the passage weighs fully against
            bool Near(string t) => windowTerms.Contains(t) || Variants(t).Any(windowTerms.Contains);
            double near = focus.Where(Near).Sum(Idf);
            double weight = focus.Sum(t => Near(t) || !Matches(c.Unit, t) ? Idf(t) : Idf(t) / 2);
            best = Math.Max(best, near / weight);
        }
        return best;
    }

    // ---------- choosing what to quote ----------

    private List<Candidate> Select(List<Candidate> ranked, IReadOnlyList<string> terms, IReadOnlyList<EntityPeers.Peer> askedPeers)
    {
        var chosen = new List<Candidate> { ranked[0] };
        var covered = new HashSet<string>(ranked[0].Matched);
        double total = terms.Sum(Idf);
        // "how does Spark compare with GPT-5.4": each thing compared gets its own evidence
        if (askedPeers.Count >= 2)
        {
            foreach (var peer in askedPeers.Where(p => askedPeers.Count(q => q.Group == p.Group) >= 2))
            {
                if (chosen.Any(c => c.Unit.Peers.Contains(peer))) continue;
                var own = ranked.Take(30).Where(c => c.Unit.Peers.Contains(peer) && (c.Unit.Passage.Row == peer.Label || c.Matched.Any(t => !_peerStems.Contains(t))))
                    .OrderByDescending(c => c.Unit.Passage.Row == peer.Label) // the peer's own row in its comparison table
                    .ThenByDescending(c => c.Matched.Where(t => !_peerStems.Contains(t)).Sum(Idf)).ThenByDescending(c => c.Score).FirstOrDefault();
                if (own is not null && chosen.Count < Tuning.MaxQuotes + 1) { chosen.Add(own); covered.UnionWith(own.Matched); }
            }
        }
        foreach (var c in ranked.Skip(1).Take(12))
        {
            if (chosen.Count >= Tuning.MaxQuotes) break;
            if (c.Score < ranked[0].Score * Tuning.SecondQuoteRatio) break;
            double gain = c.Matched.Where(t => !covered.Contains(t)).Sum(Idf) / Math.Max(total, 1e-9);
            // the sentence right after the answer, nearly as relevant, usually finishes its thought
            bool followsTop = ranked[0].Unit.Next == c.Unit && c.Score >= ranked[0].Score * Tuning.NextSentenceRatio;
            if (gain < Tuning.MinGain && !followsTop) continue;
            if (chosen.Any(x => x.Unit.Passage.Text == c.Unit.Passage.Text)) continue;
            chosen.Add(c);
            covered.UnionWith(c.Matched);
        }
        return chosen;
    }

    /// <summary>
    /// "How does Spark's context window compare with its rivals?": the question names a column of a comparison table
    /// and compares, so every row's cell in that column is the answer.
    /// </summary>
    private (string Header, List<Passage> Rows)? ColumnAcrossPeers(string query, IReadOnlyList<string> terms)
    {
        if (!ComparisonRegex().IsMatch(query)) return null;
        foreach (var table in _tables)
        {
            if (!_peers.All.Any(p => table.Rows.Any(r => r.Peers.Contains(p)))) continue;
            foreach (var (header, headerTerms) in table.Headers)
                if (headerTerms.Count > 0 && headerTerms.All(terms.Contains))
                    return (header, table.Rows.Select(r => r.Passage).ToList());
        }
        return null;
    }

    private Answer ComposeColumn(string asked, string header, List<Passage> rows)
    {
        var sb = new StringBuilder($"**{header}** — from the table in §{rows[0].Section} {rows[0].SectionTitle}:\n");
        var citations = new List<Citation>();
        foreach (var r in rows)
        {
            var cell = r.Cells!.First(c => c.Key == header).Value;
            citations.Add(r.ToCitation());
            sb.Append($"- **{r.Row}**: {cell} [{citations.Count}]\n");
        }
        var flags = rows.SelectMany(r => _index.FlagsFor(r.Id)).DistinctBy(f => (f.Reason, f.Section)).ToList();
        return new Answer(asked, sb.ToString().TrimEnd(), false, citations, flags, header);
    }

    /// <summary>"What's on the watchlist?": the question names a table (its section or headers), not one row.</summary>
    private List<Candidate>? WholeTable(IReadOnlyList<string> terms, List<Candidate> ranked)
    {
        double total = terms.Sum(Idf);
        List<Candidate>? best = null;
        double bestCover = 0;
        foreach (var table in _tables)
        {
            double cover = terms.Where(table.NameTerms.Contains).Sum(Idf) / Math.Max(total, 1e-9);
            // one row named in the question is a row question, not a table question
            bool rowNamed = table.Rows.Any(r => r.LabelTerms.Any(terms.Contains));
            if (rowNamed || cover < Tuning.TableCoverage || cover <= bestCover) continue;
            bestCover = cover;
            best = table.Rows.Select(r => ranked.FirstOrDefault(c => c.Unit == r) ?? new Candidate(r, 0, 0, cover, 0, [])).ToList();
        }
        return best;
    }

    // ---------- composing the reply ----------

    private Answer Compose(string asked, string query, QuestionKind kind, IReadOnlyList<string> terms, List<Candidate> chosen, bool wholeTable)
    {
        var citations = new List<Citation>();
        var flags = new List<ConfidenceFlag>();
        var qualifiers = new List<Passage>();
        foreach (var c in chosen)
        {
            citations.Add(c.Unit.Passage.ToCitation());
            // a doubt on a supporting quote far below the answer's own would flag an answer that does not rest on it
            if (!wholeTable && c != chosen[0] && c.Score < chosen[0].Score * Tuning.FlagScoreRatio) continue;
            foreach (var f in _index.FlagsFor(c.Unit.Passage.Id))
            {
                if (flags.Any(x => x.Reason == f.Reason && x.Section == f.Section)) continue;
                flags.Add(f);
                // the qualifier sits in another sentence ("Those are Meta claims, …"): quote it too, in the note's words
                if (!wholeTable && f.Quote != c.Unit.Passage.Text && _units.FirstOrDefault(u => u.Passage.Text == f.Quote) is { } q
                    && chosen.All(x => x.Unit != q) && qualifiers.All(x => x != q.Passage))
                    qualifiers.Add(q.Passage);
            }
        }

        var sb = new StringBuilder();
        string? headline = null;
        var top = chosen[0];
        if (wholeTable)
        {
            var t = top.Unit.Passage;
            headline = $"{t.Table} — {chosen.Count} items";
            sb.Append($"From the table in §{t.Section} {t.SectionTitle}:\n");
            for (int i = 0; i < chosen.Count; i++)
            {
                var p = chosen[i].Unit.Passage;
                var rest = p.Cells!.Skip(1).Where(c => c.Value.Length > 0).Select(c => c.Value).FirstOrDefault() ?? "";
                sb.Append($"- **{p.Row}**: {rest} [{i + 1}]\n");
            }
        }
        else
        {
            headline = Headline(top, kind, terms, query);
            if (headline is not null) sb.Append(headline).Append("\n\n");
            for (int i = 0; i < chosen.Count; i++)
            {
                var unit = chosen[i].Unit;
                // "… is not enterprise code copilots. It is everyday personal tasks …": the sentence that says what
                // it is instead belongs with the one that says what it is not
                if (i == 0 && unit.Next is { } next && unit.Passage.Kind == PassageKind.Sentence && ContinuationRegex().IsMatch(next.Passage.Text)
                    && chosen.All(c => c.Unit != next))
                {
                    citations[0] = new Citation(unit.Passage.Section, unit.Passage.SectionTitle, PassageKind.Paragraph, $"{unit.Passage.Text} {next.Passage.Text}");
                    sb.Append($"“{unit.Passage.Text} {next.Passage.Text}” [1]\n");
                    continue;
                }
                sb.Append(Quote(unit.Passage)).Append($" [{i + 1}]\n");
            }
            foreach (var q in qualifiers)
            {
                citations.Add(q.ToCitation());
                sb.Append("The note qualifies this: ").Append(Quote(q)).Append($" [{citations.Count}]\n");
            }
        }
        return new Answer(asked, sb.ToString().TrimEnd(), false, citations, flags, headline);
    }

    private static string Quote(Passage p) =>
        p.Kind == PassageKind.TableRow ? $"“{p.Row}” — {string.Join(" · ", p.Cells!.Skip(1).Where(c => c.Value.Length > 0).Select(c => $"{c.Key}: {c.Value}"))}" : $"“{p.Text}”";

    private string? Headline(Candidate top, QuestionKind kind, IReadOnlyList<string> terms, string query)
    {
        var p = top.Unit.Passage;
        if (kind == QuestionKind.YesNo)
            return top.Unit.HasNegation ? "**No** — the note says otherwise:" : null;

        // a table row whose column the question names: that cell is the answer
        if (p.Kind == PassageKind.TableRow && p.Cells is not null)
        {
            var cell = p.Cells.Skip(1).Select(c => (c, cover: _index.Analyze(c.Key).Count(terms.Contains))).Where(x => x.cover > 0)
                .OrderByDescending(x => x.cover).Select(x => x.c).FirstOrDefault();
            if (cell.Value is { Length: > 0 }) return $"**{cell.Value}**";
        }
        if (kind == QuestionKind.When)
        {
            var dates = DateRegex().Matches(p.Text).Select(m => m.Value).Distinct().ToList();
            if (dates.Count == 1) return $"**{dates[0]}**";
        }
        if (kind == QuestionKind.General && top.Unit.HasNumber
            && terms.Any(t => NamedTerms(query).Contains(t) && !_peerStems.Contains(t) && !IsSubject(t, Tuning.RequiredNameShare))
            && ClosestFigure(p.Text, terms.Where(t => !_peerStems.Contains(t)).ToList(), query) is { } named)
            return $"**{named}**";
        if (kind == QuestionKind.Number)
        {
            var figures = Figures(p.Text, query);
            if (figures.Count == 1) return $"**{figures[0]}**";
            if (figures.Count > 1 && ClosestFigure(p.Text, terms, query) is { } closest) return $"**{closest}**";
        }
        return null;
    }

    private Answer NotInNote(string asked, string query, Candidate? nearest)
    {
        var sb = new StringBuilder("The note does not say — it has nothing on that.");
        if (nearest is not null && nearest.Cosine >= Tuning.NearestCosine)
        {
            // point to the place, without its figures: a number next to "does not say" reads as an answer
            var p = nearest.Unit.Passage;
            var about = nearest.Unit.Peers.Where(x => !_peers.In(query).Contains(x)).Select(x => x.Label).Distinct().ToList();
            sb.Append($"\n\nThe nearest it comes is {p.ToCitation().Label}");
            sb.Append(about.Count > 0 ? $", which is about {string.Join(" and ", about)} — not what you asked." : ", which does not answer this.");
        }
        sb.Append("\n\nType `sections` to see what the note covers.");
        return new Answer(asked, sb.ToString(), true, [], []);
    }

    private static Answer Refuse(string asked, string message) => new(asked, message, true, [], []);

    // ---------- helpers ----------

    /// <summary>Chat shorthand and the note's own acronyms spelled out ("ppl" → "people", "MSL" → "Meta Superintelligence Labs").</summary>
    private string Normalize(string text) =>
        ShorthandRegex().Replace(text, m =>
        {
            var w = m.Value;
            if (Shorthand.TryGetValue(w.ToLowerInvariant(), out var full)) return full;
            if (w.Length >= 3 && _acronyms.TryGetValue(w.ToLowerInvariant(), out var name) && !_index.Vocabulary.Contains(w)) return name;
            return w;
        });

    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["ppl"] = "people", ["u"] = "you", ["r"] = "are", ["n"] = "and", ["w"] = "with", ["fb"] = "Facebook", ["ig"] = "Instagram",
        ["insta"] = "Instagram", ["yoy"] = "year over year", ["vids"] = "videos", ["vid"] = "video", ["pics"] = "pictures", ["pic"] = "picture",
        ["rn"] = "right now", ["bc"] = "because", ["abt"] = "about", ["thru"] = "through", ["msgs"] = "messages", ["msg"] = "message",
        ["devs"] = "developers", ["dev"] = "developer", ["perf"] = "performance", ["info"] = "information", ["mo"] = "month",
        ["yr"] = "year", ["yrs"] = "years", ["mgmt"] = "management", ["govt"] = "government", ["b/c"] = "because", ["pls"] = "please",
        ["plz"] = "please", ["tho"] = "though", ["wrt"] = "with respect to", ["oai"] = "OpenAI", ["goog"] = "Google",
    };

    /// <summary>Initials of the note's multi-word names: "Meta Superintelligence Labs" → "msl".</summary>
    private static Dictionary<string, string> Acronyms(NoteDocument document)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in document.Passages.Where(p => p.Kind is PassageKind.Sentence or PassageKind.Paragraph))
            foreach (Match m in MultiWordNameRegex().Matches(p.Text))
            {
                var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var initials = new string(words.Select(w => char.ToLowerInvariant(w[0])).ToArray());
                if (initials.Length >= 3) result.TryAdd(initials, m.Value);
            }
        return result;
    }

    /// <summary>
    /// Of several figures in a sentence, the one sitting closest to what was asked ("$72.22B" for 2025 capex in
    /// "Meta spent $72.22B on capex in 2025 and guided 2026 capex to $115B-$135B"); null when none stands out.
    /// </summary>
    private string? ClosestFigure(string text, IReadOnlyList<string> terms, string query)
    {
        var words = WordTokenRegex().Matches(text).Select(m => (m.Value, m.Index, Terms: _index.Analyze(m.Value))).ToList();
        var wanted = terms.Where(t => InNote(t) && !IsSubject(t, Tuning.SubjectShare)).ToList();
        var scored = new List<(string Figure, double Score)>();
        foreach (var f in FigureMatches(text))
        {
            var v = f.Value.Trim();
            if (Regex.IsMatch(query, $@"(?<![\d.]){Regex.Escape(v)}(?![\d.])")) continue;
            int at = words.FindIndex(w => w.Index >= f.Index);
            if (at < 0) continue;
            // a figure belongs to the words of its own clause: "57.7% on SWE-Bench Pro, 75.0% on OSWorld-Verified"
            var (from, to) = ClauseSpan(text, f);
            double score = 0;
            foreach (var t in wanted)
            {
                int distance = int.MaxValue;
                for (int i = 0; i < words.Count; i++)
                    if (words[i].Index >= from && words[i].Index < to && words[i].Terms.Any(x => x == t || Variants(t).Contains(x)))
                        distance = Math.Min(distance, Math.Abs(i - at));
                if (distance != int.MaxValue) score += Idf(t) / (1 + distance);
            }
            scored.Add((v, score));
        }
        var ordered = scored.OrderByDescending(x => x.Score).ToList();
        return ordered.Count > 0 && ordered[0].Score > 0 && (ordered.Count == 1 || ordered[0].Score > ordered[1].Score * 1.2) ? ordered[0].Figure : null;
    }

    /// <summary>The figures in a text that are not years and not already in the question.</summary>
    private static List<string> Figures(string text, string query) =>
        FigureMatches(text).Select(m => m.Value.Trim()).Where(v => !WordNumberRegex().IsMatch(v)
            && !Regex.IsMatch(query, $@"(?<![\d.]){Regex.Escape(v)}(?![\d.])", RegexOptions.IgnoreCase)).Distinct().ToList();

    /// <summary>
    /// Numbers that state a quantity: not years, and not the version in a name ("Gemini 3.1 Pro", "GPT-5.4",
    /// "Llama 4 Maverick", "ARC-AGI-2"), which would otherwise read as a score.
    /// </summary>
    private static List<Match> FigureMatches(string text)
    {
        var result = new List<Match>();
        foreach (Match m in FigureRegex().Matches(text))
        {
            var v = m.Value.Trim();
            if (v.Length == 0 || YearRegex().IsMatch(v)) continue;
            if (char.IsDigit(v[0]) && !HasUnitRegex().IsMatch(v))
            {
                int start = m.Index;
                if (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-')) continue; // GPT-5.4, AGI-2, Q4
                var before = text[..start].TrimEnd();
                var after = text[(m.Index + m.Length)..];
                bool afterName = before.Length > 0 && PrecedingCapitalRegex().IsMatch(before);
                bool versionish = v.Contains('.') || VersionFollowerRegex().IsMatch(after);
                if (afterName && versionish) continue;
            }
            result.Add(m);
        }
        return result;
    }

    private string WithContext(string text, string? previous)
    {
        if (string.IsNullOrWhiteSpace(previous)) return text;
        var prev = QueryAnalysis.Clean(previous);
        // a follow-up is short and leans on the last question: "and Gemini's?", "what about Claude"
        if (!FollowUpRegex().IsMatch(text) && ContentTerms(text).Count > 2) return text;
        var newPeers = _peers.In(text);
        if (newPeers.Count > 0)
        {
            foreach (var old in _peers.In(prev).Where(o => newPeers.Any(n => n.Group == o.Group) && !newPeers.Contains(o)))
                foreach (var alias in old.Aliases)
                    prev = Regex.Replace(prev, $@"\b{Regex.Escape(alias)}(['’]s)?\b", "", RegexOptions.IgnoreCase);
        }
        var stripped = FollowUpRegex().Replace(text, "").Trim().TrimEnd('?');
        return $"{prev.TrimEnd('?')} {stripped}?";
    }

    private List<string> ContentTerms(string text) =>
        _index.Analyze(HowPhraseRegex().Replace(text, " ")).Where(t => !Filler.Contains(t) && !StopWords.IsStopWord(t)).Distinct().ToList();

    /// <summary>A question term matches a passage exactly or as a near stem ("spend"/"spent", "rebuild"/"rebuilt").</summary>
    private bool Matches(Unit u, string term)
    {
        if (u.Terms.Contains(term) || u.ContextTerms(_index).Contains(term)) return true;
        foreach (var v in Variants(term))
            if (u.Terms.Contains(v) || u.ContextTerms(_index).Contains(v)) return true;
        return false;
    }

    private readonly Dictionary<string, string[]> _variants = new(StringComparer.Ordinal);

    private string[] Variants(string term)
    {
        lock (_variants)
        {
            if (_variants.TryGetValue(term, out var v)) return v;
            v = term.Length < 4 || term.Any(char.IsDigit) ? [] : _df.Keys.Where(k => k != term && NearStem(term, k)).ToArray();
            return _variants[term] = v;
        }
    }

    private static bool NearStem(string a, string b)
    {
        // "weak" / "weaker", "rebuild" / "rebuilt", "spend" / "spent"
        if (a.Length >= 4 && b.Length > a.Length && b.Length - a.Length <= 2 && b.StartsWith(a, StringComparison.Ordinal)) return true;
        if (b.Length < 5 || Math.Abs(a.Length - b.Length) > 1) return false;
        int common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common]) common++;
        return common >= Math.Min(a.Length, b.Length) - 1 && common >= 4;
    }

    private double Idf(string term) =>
        _df.TryGetValue(term, out var df) ? Math.Log(1 + (double)_units.Count / df)
        : Variants(term).Length > 0 ? Variants(term).Max(v => Math.Log(1 + (double)_units.Count / _df[v]))
        : _maxIdf;

    private bool InNote(string term) => _df.ContainsKey(term) || Variants(term).Length > 0;

    private double Share(string term) => (double)_df.GetValueOrDefault(term) / _units.Count;

    /// <summary>
    /// The note's own subject ("Meta", "Muse"): a term in more than <paramref name="share"/> of the passages, and in
    /// enough of them that a short note's every word does not count.
    /// </summary>
    private bool IsSubject(string term, double share) => Share(term) > share && _df.GetValueOrDefault(term) > Tuning.SubjectMinPassages;

    private static bool LooksLatin(string text)
    {
        int letters = 0, latin = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch)) continue;
            letters++;
            if (ch < 0x250) latin++;
        }
        return letters == 0 || latin * 2 >= letters;
    }

    /// <summary>Words that frame a question rather than carry its content (already stemmed).</summary>
    /// <summary>Words that name the kind of answer wanted ("what date", "which year"), not what it is about.</summary>
    private static readonly HashSet<string> AnswerTypeWords = new(StringComparer.Ordinal)
    {
        "date", "day", "days", "month", "months", "year", "years", "time", "times", "number", "numbers", "amount", "figure",
        "figures", "name", "names", "kind", "kinds", "type", "types", "way", "ways", "reason", "reasons", "part", "parts",
        "point", "points", "thing", "things", "one", "ones", "percentage", "percent", "share", "level", "value",
    };

    private static readonly char[] ClauseBreaks = [',', ';', ':', '—', '(', ')'];

    /// <summary>The clause a figure sits in: between the commas, semicolons, colons, dashes or brackets around it.</summary>
    private static (int From, int To) ClauseSpan(string text, Match figure)
    {
        int from = text.LastIndexOfAny(ClauseBreaks, Math.Max(0, figure.Index - 1)) + 1;
        int to = text.IndexOfAny(ClauseBreaks, figure.Index + figure.Length);
        return (from, to < 0 ? text.Length : to);
    }

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "note", "say", "said", "tell", "doe", "mean", "accord", "report", "per", "what", "whats", "which", "how", "much",
        "mani", "kind", "thing", "about", "explain", "describ", "give", "know", "want", "pleas", "hey", "hi", "thank",
        "anyth", "someth", "actual", "realli", "just", "also", "like", "get", "put", "lol", "ok", "okai", "pl", "can", "could",
        "would", "should", "did", "do", "is", "ar", "wa", "were", "been", "question", "answer", "u", "me", "i",
        "score", "number", "figur", "stat", "metric", "result", "amount", "row", "tabl", "column", "list", "section",
    };

    /// <summary>A table's rows with the terms that name it (its section title and headers) and its headers' terms.</summary>
    private sealed record TableUnits(List<Unit> Rows, HashSet<string> NameTerms, List<(string Header, List<string> Terms)> Headers);

    private sealed class Unit(Passage passage, HashSet<string> terms, float[]? embedding)
    {
        private HashSet<string>? _context;

        /// <summary>For rows: the terms of the row label (first cell).</summary>
        public IReadOnlyList<string> LabelTerms { get; init; } = [];
        public Passage Passage { get; } = passage;
        public HashSet<string> Terms { get; } = terms;
        public float[]? Embedding { get; } = embedding;
        public IReadOnlyList<EntityPeers.Peer> Peers { get; set; } = [];
        public Unit? Previous { get; set; }
        public Unit? Next { get; set; }
        public bool HasNumber { get; } = FigureMatches(passage.Text).Count > 0;
        public bool HasDate { get; } = DateRegex().IsMatch(passage.Text);
        public bool HasNegation { get; } = NegationRegex().IsMatch(passage.Text);

        /// <summary>Terms a passage answers for without repeating them: its table's headers and section title.</summary>
        public HashSet<string> ContextTerms(NoteIndex index) =>
            _context ??= index.Analyze(Passage.Kind == PassageKind.TableRow ? $"{Passage.SectionTitle}" : Passage.SectionTitle).ToHashSet();
    }

    private sealed record Candidate(Unit Unit, double Score, double Cosine, double Coverage, double Bm25, IReadOnlyList<string> Matched)
    {
        /// <summary>A name the question uses (a benchmark, a source) is not in this passage.</summary>
        public bool LacksNames { get; init; }

        /// <summary>The passage names another of the things compared, not the one asked about.</summary>
        public bool Conflicting { get; init; }
    }

    [GeneratedRegex(@"[\p{L}/]+")]
    private static partial Regex ShorthandRegex();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}\b")]
    private static partial Regex MultiWordNameRegex();

    // a: how many/much X · b: what/which X · c: X rate/score/… · d: the measure itself · e: in X?
    [GeneratedRegex(@"\bhow\s+(?:many|much)\s+(?<a>[a-z][\w-]*)|\b(?:what|which)(?:\s+(?:is|are|was|were))?\s+(?:the\s+)?(?<b>[a-z][\w-]*)|\b(?<c>[a-z][\w-]*)\s+(?<d>rate|score|count|capacity|location|price|pricing|cost|speed|size|headcount|salary|budget|valuation|latency|revenue|sales|profit|income|margin)\b|\bin\s+(?<e>[a-z]+)\s*\??\s*$|\b(?<e>located|location|headquartered|based)\b|\bwho(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?<f>[a-z][\w-]*)")]
    private static partial Regex SlotRegex();

    [GeneratedRegex(@"\bhow\s+(long|much|many|big|large|high|far|fast|close|often|soon)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowPhraseRegex();

    [GeneratedRegex(@"\b(compare[sd]?|comparison|versus|vs\.?|against|rivals?|competitors?|peers?|others)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonRegex();

    [GeneratedRegex(@"[?;!]+\s*|\.\s+|\s+and\s+(?=(?:what|where|how|who|which|when|why)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionPartRegex();

    private static bool AsksWhatNoteClaims(string query) => NoteClaimRegex().IsMatch(query);

    [GeneratedRegex(@"\b(note|report|analyst|author|it|they|meta)\s+(say|says|said|claim|claims|state|states|argue|argues|suggest|suggests|call|calls|conclude|concludes|think|thinks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoteClaimRegex();

    [GeneratedRegex(@"^(It|Instead|Rather|But)\b")]
    private static partial Regex ContinuationRegex();

    [GeneratedRegex(@"\bit\b", RegexOptions.IgnoreCase)]
    private static partial Regex StandaloneItRegex();

    [GeneratedRegex(@"\$?\d(?:[\d,]*\d)?(\.\d+)?\s?(%|percent\b|[BMK]\b|bn\b|billion\b|million\b|k\b|x\b|×)?(?:[-–]\$?\d(?:[\d,]*\d)?(\.\d+)?(%|[BMK]\b|bn\b)?)?|\b(one|two|three|four|five|six|seven|eight|nine|ten|order of magnitude)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FigureRegex();

    [GeneratedRegex(@"\b(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(tember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\.?(\s+\d{1,2}(st|nd|rd|th)?)?,?\s+\d{4}\b|\bQ[1-4]\s+\d{4}\b|\b(19|20)\d{2}\b")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"\b(not|no|never|none|neither|nor|without|only|n['’]t|cannot)\b|-only\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegationRegex();

    [GeneratedRegex(@"^(19|20)\d\d$")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"[%$×xBMKk]|bn|billion|million|percent", RegexOptions.IgnoreCase)]
    private static partial Regex HasUnitRegex();

    [GeneratedRegex(@"\b[A-Z][\w-]*$")]
    private static partial Regex PrecedingCapitalRegex();

    [GeneratedRegex(@"^(\s+[A-Z]|['’]s\b|\s+(at|as|and|is|was)\b)")]
    private static partial Regex VersionFollowerRegex();

    [GeneratedRegex(@"^[a-z ]+$", RegexOptions.IgnoreCase)]
    private static partial Regex WordNumberRegex();

    [GeneratedRegex(@"^\d+(\.\d+)?[a-z]?$|^(19|20)\d\d$")]
    private static partial Regex YearOrNumberRegex();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.'’%$-]*")]
    private static partial Regex WordTokenRegex();

    [GeneratedRegex(@"\bsources?\b|\bcit(e|es|ed|ing)\b|\bdata\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourcesRegex();

    [GeneratedRegex(@"^(and|what about|how about|and what about|same for|ok and|what of|and for)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpRegex();
}

/// <summary>The engine's scoring weights and thresholds.</summary>
public sealed record EngineTuning
{
    public double CosineWeight { get; init; } = 0.5;
    public double CoverageWeight { get; init; } = 0.35;
    public double Bm25Weight { get; init; } = 0.15;
    public double TypeBonus { get; init; } = 0.05;
    public double LabelBonus { get; init; } = 0.08;
    public double MinCoverage { get; init; } = 0.15;
    public double MinCosine { get; init; } = 0.25;
    public double MinAttachment { get; init; } = 0.6;
    public int AttachmentWindow { get; init; } = 12;
    public int MaxQuotes { get; init; } = 3;
    public double SecondQuoteRatio { get; init; } = 0.6;
    public double MinGain { get; init; } = 0.15;
    public double TableCoverage { get; init; } = 0.5;
    public double NearestCosine { get; init; } = 0.3;
    public double WordSimilarity { get; init; } = 0.6;
    public double FlagScoreRatio { get; init; } = 0.85;
    public double ClauseSimilarity { get; init; } = 0.5;
    public double ClauseWordSimilarity { get; init; } = 0.5;
    public double NextSentenceRatio { get; init; } = 0.75;
    public double NamedAlternativeRatio { get; init; } = 0.6;
    public double RequiredNameShare { get; init; } = 0.08;
    public double SubjectShare { get; init; } = 0.2;
    public int SubjectMinPassages { get; init; } = 8;
}
