using System.Text.RegularExpressions;
using MuseBot.Contracts;
using MuseBot.Core.Language;
using MuseBot.Core.Note;

namespace MuseBot.Core.Understanding;

/// <summary>One of the things a table compares, named by its row label ("Zeta-2.1", "Acme and Omega").</summary>
/// <param name="Group">Which table's rows it belongs to: peers compare within a group only.</param>
/// <param name="Aliases">Lower-case words that name it in prose: its label's distinctive proper nouns and, derived
/// from the prose, the maker that only ever appears beside it ("Acme Inc" for "Acme Widget").</param>
public sealed record Peer(int Group, string Label, IReadOnlyList<string> Aliases)
{
    /// <summary>Those of its aliases that name its maker ("omega" for a row whose cells say "Omega cites …"): who
    /// made it, as the note says it.</summary>
    public IReadOnlyList<string> Makers { get; init; } = [];

    /// <summary>Its maker where that is too common a name in the note to be an alias (the note's subject company): it
    /// names the thing only with what the thing is ("Nimbus's model").</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>What its table's rows are, as the first column's header names them ("model"); null where the header is no one word.</summary>
    public string? Kind { get; init; }

    /// <summary>Its maker as <paramref name="text"/> writes it ("Omega" in "Omega describes Zeta …"); null when the text
    /// names none of its makers.</summary>
    public string? MakerIn(string text) =>
        Makers.Select(m => Regex.Match(text, $@"(?<![\p{{L}}\d]){Regex.Escape(m)}(?![\p{{L}}\d])", RegexOptions.IgnoreCase))
            .Where(x => x.Success).OrderBy(x => x.Index).Select(x => x.Value).FirstOrDefault();

    /// <summary>Every lower-case word that names it: its aliases and its label's words ("zeta", "2.1", "max"), and the
    /// parts of a hyphenated one, which askers write apart ("zeta 2.1" for "zeta-2.1"). Found once, with the peer: the
    /// answer stages ask for them for every unit they weigh.</summary>
    public IReadOnlyList<string> NameWords { get; } = Aliases.Concat(Label.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .SelectMany(w => w.Contains('-') ? w.Split('-', StringSplitOptions.RemoveEmptyEntries).Prepend(w) : [w]).Distinct().ToList();
}

/// <summary>
/// The things the note compares, derived from its tables: the row labels of each table whose first column names
/// things (short labels with proper nouns). A figure that belongs to one peer must never be handed over as
/// another's.
/// </summary>
public sealed partial class Peers
{
    private readonly List<Peer> _all = [];
    private readonly Dictionary<Peer, Regex> _makerCalls = [];
    private readonly Dictionary<Peer, Regex> _ownerPossessives = [];

    /// <param name="properNouns">The note's names (<see cref="ProperNouns"/>), read once by the note model.</param>
    public Peers(NoteDocument document, HashSet<string> properNouns)
    {
        var nameStems = properNouns.Select(VersionStem).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var proseTexts = document.Passages.Where(p => p.Kind is PassageKind.Sentence
                                                     || (p.Kind == PassageKind.Paragraph && !document.Passages.Any(c => c.ParentId == p.Id)))
            .Where(p => p.Section != NoteParser.TitleSection).Select(p => p.Text).ToList();
        var prose = proseTexts.Select(t => Words(t).ToHashSet(StringComparer.Ordinal)).ToList();
        double Share(string word) => prose.Count == 0 ? 0 : (double)prose.Count(s => s.Contains(word)) / prose.Count;

        int group = 0;
        foreach (var table in document.Sections.SelectMany(s => s.Tables))
        {
            group++;
            var rows = table.Rows.Where(r => r.Count > 0 && r[0].Length is > 0 and <= 40 && r[0].Split(' ').Length <= 5).ToList();
            if (rows.Count < 2) continue;
            var labels = rows.Select(r => r[0]).ToList();
            // a versioned name is also called by its stem ("Zeta-2.1" is "zeta" in chat), when no other row's is
            var tokens = labels.ToDictionary(l => l, l => Words(l).SelectMany(t => VersionStem(t) is { } stem ? new[] { t, stem } : [t]).ToList());
            // an alias is a name in the label that tells this row from its peers
            var own = labels.ToDictionary(l => l, l => tokens[l].Where(t => (properNouns.Contains(t) || nameStems.Contains(t)) && !labels.Any(o => o != l && tokens[o].Contains(t))
                                                                         && Share(t) <= MaxAliasShare).ToList());
            // a table compares named things when most of its rows are named by a proper noun of their own
            if (labels.Count(l => own[l].Count > 0) * 3 < labels.Count * 2) continue;
            // the maker the row's own cells name as a source ("Omega Inc cites …" in the Zeta row) and no other row
            // does, if it is rare enough in the note's prose to mean this thing
            var makers = rows.ToDictionary(r => r[0], r => r.Skip(1).SelectMany(c => MakerRegex().Matches(c).Select(m => m.Groups["who"].Value.ToLowerInvariant()))
                .Where(properNouns.Contains).ToHashSet(StringComparer.Ordinal));
            // and the maker the prose has describing this thing and no other ("Omega's model card describes Zeta as …")
            foreach (var text in proseTexts)
                foreach (Match m in ProseMakerRegex().Matches(text))
                {
                    var said = Words(text[(m.Index + m.Length)..]).ToHashSet(StringComparer.Ordinal);
                    var named = labels.Where(l => own[l].Any(said.Contains)).ToList();
                    if (named.Count == 1 && m.Groups["who"].Value.ToLowerInvariant() is var who && properNouns.Contains(who)) makers[named[0]].Add(who);
                }
            // and the name the prose makes the owner of a name only this row has ("Nimbus's Zeta family"): the note's
            // subject, too common in its prose to tell rows apart, is still its own product's maker
            foreach (var text in proseTexts)
                foreach (Match m in PossessorRegex().Matches(text))
                {
                    var owned = m.Groups["what"].Value.ToLowerInvariant();
                    var named = labels.Where(l => tokens[l].Contains(owned)).ToList();
                    if (named.Count == 1 && m.Groups["who"].Value.ToLowerInvariant() is var who && properNouns.Contains(who) && !tokens[named[0]].Contains(who))
                        makers[named[0]].Add(who);
                }
            // a maker no other row has, nor names
            bool OnlyOf(string label, string n) => labels.All(o => o == label || !makers[o].Contains(n) && !tokens[o].Contains(n));
            foreach (var label in labels)
                own[label].AddRange(makers[label].Where(n => Share(n) <= MaxAliasShare && OnlyOf(label, n)));
            // the kind of thing the rows are, as the first column's header names it ("Model"): "Nimbus's model" is the row Nimbus makes
            var kind = table.Headers.Count > 0 && table.Headers[0].Trim() is { Length: > 2 } header && header.All(char.IsLetter) ? header.ToLowerInvariant() : null;
            var added = labels.Where(l => own[l].Count > 0).Select(label => new Peer(group, label, own[label].Distinct().ToList())
            {
                Makers = makers[label].Where(own[label].Contains).ToList(),
                // (the subject's own product is not asked after by its maker: "who built it?" asks for the team)
                Owners = makers[label].Where(n => !own[label].Contains(n) && OnlyOf(label, n)).ToList(),
                Kind = kind,
            }).ToList();
            _all.AddRange(added);
            // the words the note writes after the kind noun, read once per table and only where a row is called by its owner
            if (added.Any(p => p.Owners.Count > 0))
            {
                var compounds = kind is null ? new HashSet<string>(StringComparer.Ordinal) : WordsAfter(kind, proseTexts.Concat(document.Sections.SelectMany(s => s.Tables).SelectMany(t => t.Rows).SelectMany(r => r)));
                // the one row its owner names is the note's new thing: "the new model", with no maker said, is it
                bool onlyOwned = added.Count(p => p.Owners.Count > 0) == 1;
                foreach (var peer in added)
                {
                    if (MakerCall(peer, compounds, onlyOwned) is { } call) _makerCalls[peer] = call;
                    // the owner's possessive, not the first word of another of its names ("Nimbus's Cloud", "Nimbus Cloud")
                    if (peer.Owners.Count > 0)
                    {
                        var named = peer.Owners.SelectMany(o => WordsAfter(o, proseTexts)).Where(properNouns.Contains).Distinct().ToList();
                        var notNamed = named.Count == 0 ? "" : $@"(?!\s+(?:{string.Join('|', named.Select(Regex.Escape))})\b)";
                        _ownerPossessives[peer] = new Regex($@"(?i)(?<![\p{{L}}\d.])(?:{string.Join('|', peer.Owners.Select(Regex.Escape))})(?<s>['’]s)(?![\p{{L}}\d]){notNamed}", RegexOptions.CultureInvariant);
                    }
                }
            }
        }
    }

    /// <summary>The words other than small ones the texts write right after a noun or its plural ("model strategy").</summary>
    private static HashSet<string> WordsAfter(string noun, IEnumerable<string> texts)
    {
        var after = new Regex($@"(?i)\b{Regex.Escape(noun)}s?\s+(?<next>\p{{L}}[\p{{L}}-]*)", RegexOptions.CultureInvariant);
        return texts.SelectMany(t => after.Matches(t).Select(m => m.Groups["next"].Value.ToLowerInvariant()))
            .Where(w => !Language.English.IsStopWord(w)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A name in more than this share of the prose is the note's subject company, not a way to tell peers apart.</summary>
    private const double MaxAliasShare = 0.4;

    public IReadOnlyList<Peer> All => _all;

    /// <summary>The words of the compared things' names, in lower case (<see cref="Peer.NameWords"/> of them all); read
    /// once, when first asked for.</summary>
    public IReadOnlySet<string> NameWords => _nameWords ??= _all.SelectMany(p => p.NameWords).ToHashSet(StringComparer.Ordinal);
    private HashSet<string>? _nameWords;

    /// <summary>The peers a text names.</summary>
    public IReadOnlyList<Peer> In(string text)
    {
        var list = Words(text).ToList();
        var words = list.ToHashSet(StringComparer.Ordinal);
        // a name typed with a space where the note has a hyphen or nothing ("zeta 2.1", "gadget eval") names it too
        for (int i = 0; i + 1 < list.Count; i++)
        {
            words.Add($"{list[i]}-{list[i + 1]}");
            words.Add(list[i] + list[i + 1]);
        }
        // a possessive typed without its apostrophe ("zetas score") names Zeta too
        foreach (var w in words.Where(w => w.Length > 3 && w.EndsWith('s')).ToList()) words.Add(w[..^1]);
        return _all.Where(p => p.Aliases.Any(words.Contains) || CalledByMaker(p, text)).ToList();
    }

    /// <summary>A thing called by its maker and what it is, where the maker is no alias of it (the note's subject,
    /// too common in the note to name one row): "Nimbus's new model", "the Nimbus model"; or by the maker's
    /// possessive alone where a clause ends ("… compared with Nimbus's?"); or, where it is the only such thing of its
    /// table, as "the new model" with no maker said. Built once per such thing.</summary>
    /// <param name="compounds">The words the note writes after the kind noun ("model strategy"): there it is no
    /// name of the thing ("Nimbus's model strategy").</param>
    private static Regex? MakerCall(Peer p, IReadOnlySet<string> compounds, bool onlyOwned)
    {
        const string NewWords = @"new|newest|latest|brand[\s-]new";
        if (p.Owners is not { Count: > 0 } makers) return null;
        // the kind noun, or "one" standing for it ("Nimbus's new one"), as the head of its phrase
        // (a kind that is a word for a product is called by any such word said new: "Nimbus's new bot" is its new model,
        // where "Nimbus's bot" may be another of its products)
        var others = p.Kind is not null && English.ProductNouns.Contains(p.Kind) ? English.ProductNouns.Where(n => !n.EndsWith('s') && n != p.Kind).ToList() : [];
        var saidNew = others.Count == 0 ? "" : $@"|(?<=\b(?:{NewWords})\s+)(?:{string.Join('|', others.Select(Regex.Escape))})s?";
        var kind = p.Kind is null ? "one" : $"(?:{Regex.Escape(p.Kind)}s?|one{saidNew})";
        var notCompound = compounds.Count == 0 ? "" : $@"(?!\s+(?:{string.Join('|', compounds.Select(Regex.Escape))})\b)";
        var unnamedNew = onlyOwned && p.Kind is not null ? $@"|(?<![\p{{L}}\d])(?:the|this|their|its)\s+(?:{NewWords})\s+{Regex.Escape(p.Kind)}\b{notCompound}" : "";
        return new Regex($@"(?i)(?<![\p{{L}}\d])(?:{string.Join('|', makers.Select(Regex.Escape))})(?:(?:['’]s)?\s+(?:[\p{{L}}-]+\s+){{0,2}}?{kind}\b{notCompound}|['’]s(?=\s*(?:[?.!,;]|$))){unnamedNew}",
            RegexOptions.CultureInvariant);
    }

    /// <summary>The text with each thing called by its maker ("Nimbus's new model", "the new model") called by its
    /// label instead ("Acme One"), so that what the question asks is looked for where the note names it.
    /// Only where the words between say which of the maker's things it is (none, or "new", "latest"): "Nimbus's
    /// bigger future models" are others, and "Nimbus is number one" calls nothing.</summary>
    public string WithMakerCallsNamed(string text)
    {
        foreach (var (peer, call) in _makerCalls)
            text = call.Replace(text, m =>
            {
                var words = m.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 2 && !words[1..^1].All(w => English.CurrentWords.Contains(w.ToLowerInvariant()))) return m.Value;
                return peer.Label + (m.Value.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || m.Value.EndsWith("’s", StringComparison.OrdinalIgnoreCase) ? "'s" : "");
            });
        return text;
    }

    /// <summary>
    /// "Nimbus's score vs Omega's on the picture test?", "is Omega's ahead of Nimbus's?": set against another compared
    /// thing, the possessive of the owner of one of them (the note's subject, too common in the note to be its alias)
    /// names its own thing. The text with such a possessive called by its thing's label; unchanged where it sets
    /// nothing against another. (Only the possessive: "is Zeta the easiest rival for Nimbus to beat?" sets the
    /// companies against each other.)
    /// </summary>
    public string WithOwnersCompared(string text)
    {
        if (_ownerPossessives.Count == 0 || !Tokens.Words(text).Any(w => ComparisonCues.Contains(w.Text.ToLowerInvariant()))) return text;
        foreach (var (peer, possessive) in _ownerPossessives)
            if (In(text) is var named && !named.Contains(peer) && named.Any(o => o.Group == peer.Group))
                text = possessive.Replace(text, m => peer.Label + m.Groups["s"].Value);
        return text;
    }

    private static readonly HashSet<string> ComparisonCues =
        new(English.ComparingWords.Concat(["vs", "versus", "than", "against", "behind", "stack"]), StringComparer.Ordinal);

    private bool CalledByMaker(Peer p, string text) => _makerCalls.TryGetValue(p, out var call) && call.IsMatch(text);

    /// <summary>Names: words the note writes capitalized in mid-sentence, or with digits ("Zeta", "Zeta-2.1", "GadgetEval"),
    /// and the capitalized parts of a hyphenated name that the note never writes in lower case on their own ("gadget"
    /// of "Gadget-Pro").</summary>
    public static HashSet<string> ProperNouns(NoteDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var parts = new HashSet<string>(StringComparer.Ordinal);
        var lower = new HashSet<string>(StringComparer.Ordinal);
        // the title line is in title case: every word looks like a name there
        foreach (var p in document.Passages.Where(p => p.Section != NoteParser.TitleSection && p.Kind != PassageKind.Section))
        {
            var matches = TokenRegex().Matches(p.Text);
            for (int i = 1; i < matches.Count; i++)
            {
                var raw = matches[i].Value;
                if ((char.IsUpper(raw[0]) && !OpensSentence(p.Text, matches[i].Index)) || (raw.Any(char.IsDigit) && raw.Any(char.IsLetter)))
                    names.UnionWith(Words(raw));
                // a capitalized part of a hyphenated name is that name as typed without its hyphen ("zeta" of "Zeta-Pro")
                if (raw.Contains('-'))
                    parts.UnionWith(raw.Split('-').Where(x => x.Length > 0 && char.IsUpper(x[0])).SelectMany(Words));
            }
            foreach (Match m in matches)
                if (char.IsLower(m.Value[0]) && !m.Value.Contains('-')) lower.Add(m.Value.ToLowerInvariant());
        }
        // … unless the note also writes it on its own in lower case, as a word ("Bench" of "Gadget-Bench", "bench tests")
        names.UnionWith(parts.Where(x => !lower.Contains(x)));
        return names;
    }

    /// <summary>
    /// The note's name words that it capitalizes only inside longer names ("grand" of "Zeta's Grand Prize", "core"
    /// of "Acme Core Suite"), each with the other words of those names. Typed in lower case beside none of them ("a
    /// grand total", "the core business"), such a word is the English word, not a name.
    /// </summary>
    public static Dictionary<string, HashSet<string>> NameWordsOnlyInNames(NoteDocument document)
    {
        var companions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var alone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in document.Passages.Where(p => p.Section != NoteParser.TitleSection && p.Kind != PassageKind.Section))
        {
            var matches = TokenRegex().Matches(p.Text);
            bool Capital(int i) => i >= 0 && i < matches.Count && char.IsUpper(matches[i].Value[0]);
            // a capitalized token and the next are one name's words when only a space stands between them
            bool JoinedToNext(int i) => Capital(i) && Capital(i + 1)
                                        && string.IsNullOrWhiteSpace(p.Text[(matches[i].Index + matches[i].Length)..matches[i + 1].Index]);
            string Word(int i) => Language.English.WithoutPossessive(matches[i].Value.ToLowerInvariant().TrimEnd('.'));
            for (int i = 0; i < matches.Count; i++)
            {
                if (!Capital(i) || matches[i].Value.Contains('-')) continue;
                var neighbours = new[] { (At: i - 1, Joined: JoinedToNext(i - 1)), (At: i + 1, Joined: JoinedToNext(i)) }
                    .Where(n => n.Joined).Select(n => n.At).ToList();
                if (neighbours.Count == 0)
                {
                    // a capital at a sentence's start says nothing; on its own elsewhere, the word is a name by itself
                    if (i > 0 && !OpensSentence(p.Text, matches[i].Index)) alone.Add(Word(i));
                    continue;
                }
                var word = Word(i);
                if (!companions.TryGetValue(word, out var set)) companions[word] = set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var j in neighbours) set.Add(Word(j));
            }
        }
        foreach (var word in alone) companions.Remove(word);
        return companions;
    }

    /// <summary>Whether the word at <paramref name="index"/> opens a sentence, a label's value or a table cell, where a
    /// capital says nothing about a name.</summary>
    private static bool OpensSentence(string text, int index)
    {
        // the last character before it that is not a space, read in place: this runs for every capital of the note
        int i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i >= 0 && text[i] is '.' or ':' or '·';
    }

    /// <summary>The letters before a version ("zeta" of "zeta-2.1"); null for any other word.</summary>
    private static string? VersionStem(string word) =>
        VersionedRegex().Match(word) is { Success: true } m ? m.Groups["stem"].Value : null;

    [GeneratedRegex(@"^(?<stem>\p{L}{3,})-\d")]
    private static partial Regex VersionedRegex();

    /// <summary>Lower-case words of a text, possessives and trailing dots removed, short and generic words left out.</summary>
    public static IEnumerable<string> Words(string text) =>
        TokenRegex().Matches(text).Select(m => m.Value.ToLowerInvariant().TrimEnd('.', '-'))
            .Select(Language.English.WithoutPossessive)
            .Where(t => t.Length >= 3 && !Generic.Contains(t));

    /// <summary>Words that qualify a product name rather than name it.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "and", "the", "for", "with", "pro", "preview", "plus", "mini", "max", "ultra", "model", "models", "new", "beta",
    };

    [GeneratedRegex(@"[\p{L}\d][\p{L}\d.'’-]*")]
    private static partial Regex TokenRegex();

    /// <summary>A name's possessive before a capitalised word ("Nimbus's Zeta"): who owns what the next word names.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?<who>\p{Lu}[\p{L}\d.-]{2,})['’]s\s+(?<what>\p{Lu}[\p{L}\d.-]*)")]
    private static partial Regex PossessorRegex();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<who>\p{Lu}[\p{L}\d.-]{2,})\s+(?:cites|says|reports|claims|describes|states|calls|touts|reports)\b")]
    private static partial Regex MakerRegex();

    /// <summary>A maker describing its product in prose, itself or through its own document ("Omega describes",
    /// "Omega's model card describes"); what it describes follows.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?<who>\p{Lu}[\p{L}\d.-]{2,})(?:['’]s(?:\s+\p{Ll}[\p{L}-]*){1,2})?\s+(?:describes|positions|calls|touts|bills)\b")]
    private static partial Regex ProseMakerRegex();
}
