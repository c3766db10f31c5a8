using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Finds names in a language that capitalises every noun (German), where a capital says little. A name is a capitalised
/// word that the dictionary does not know as an ordinary word (<see cref="NounLexicon"/>), a lexicon name, or a
/// capitalised adjective that starts a name ("Deutsche Gesellschaft für Immunologie"); runs of them (with particles:
/// "Lula da Silva") are one span. A person noun just before a span is its title ("Wirtschaftsminister Robert Habeck").
/// What each span is, <see cref="CapitalizedNounTypingRules"/> decide from the words around it; then the mentions of one
/// word agree on one type across the article (<see cref="AgreeOnTypes"/>), as a word keeps its sense within one text.
/// </summary>
internal sealed class CapitalizedNounScanner
{
    /// <summary>No name is longer; bounds the work on runs of capitals.</summary>
    private const int MaxNameTokens = 12;

    private readonly ArticleText doc;
    private readonly LanguageProfile profile;
    private readonly MentionSink sink;
    private readonly SpanScanner spans;
    private readonly MentionTyper typer;
    private readonly NounLexicon nouns;
    /// <summary>Words the article writes as names where a capital means one (inside a sentence): their capital at a sentence start means it too.</summary>
    private readonly HashSet<string> namesInText = new(StringComparer.Ordinal);
    /// <summary>Per block and token, what the dictionary said of it (its look-ups are the scanner's cost): <see cref="WordFacts"/>.</summary>
    private readonly WordFacts[][] facts;

    [Flags]
    private enum WordFacts : byte
    {
        None = 0,
        NameAsked = 1,
        /// <summary>A name word where it stands inside a sentence.</summary>
        Name = 2,
        AdjectiveAsked = 4,
        /// <summary>A capitalised adjective ("Deutschen", "Berliner").</summary>
        Adjective = 8,
        HereAsked = 16,
        /// <summary>A name word where it stands, a sentence start included.</summary>
        NameHere = 32,
    }

    /// <summary>The fact <paramref name="fact"/> of token k, asked of <paramref name="compute"/> once.</summary>
    private bool Fact(int b, int k, WordFacts asked, WordFacts fact, Func<CapitalizedNounScanner, int, int, bool> compute)
    {
        ref var f = ref facts[b][k];
        if ((f & asked) == 0) f |= asked | (compute(this, b, k) ? fact : WordFacts.None);
        return (f & fact) != 0;
    }

    public CapitalizedNounScanner(ArticleText doc, LanguageProfile profile, MentionSink sink, SpanScanner spans)
    {
        (this.doc, this.profile, this.sink, this.spans) = (doc, profile, sink, spans);
        nouns = profile.Nouns;
        facts = new WordFacts[doc.Blocks.Length][];
        for (var b = 0; b < doc.Blocks.Length; b++) facts[b] = new WordFacts[doc.Tokens[b].Count];
        typer = new MentionTyper(doc, profile, sink, CapitalizedNounTypingRules.Ordered) { Scanner = spans };
    }

    public void ScanAll()
    {
        for (var b = 0; b < doc.Blocks.Length; b++)
        {
            var toks = doc.Tokens[b];
            for (var k = 0; k < toks.Count; k++)
                if (IsCapWord(b, k) && !spans.CapitalSaysNothing(b, k) && IsNameWordInText(b, k)) namesInText.Add(doc.Text(b, k));
        }
        var first = sink.Mentions.Count;
        for (var b = 0; b < doc.Blocks.Length; b++) ScanBlock(b);
        AgreeOnTypes(first);
        OneNamePerInflection(first);
    }

    /// <summary>
    /// "Zentrale Wahlkommission" and "der Zentralen Wahlkommission", "Wladimir Putin" and "Wladimir Putins": names of
    /// several words that differ only in their endings are one name, written as its shortest form (mostly the nominative).
    /// </summary>
    private void OneNamePerInflection(int first)
    {
        var mentions = sink.Mentions;
        Dictionary<string, string>? shortest = null;
        var keys = new string?[mentions.Count - first];
        for (var i = first; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.WordCount < 2 || m.Kind != MentionKind.Typed) continue;
            var key = keys[i - first] = InflectionKey(m);
            shortest ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (!shortest.TryGetValue(key, out var s) || m.Surface.Length < s.Length) shortest[key] = m.Surface;
        }
        if (shortest is null) return;
        for (var i = first; i < mentions.Count; i++)
            if (keys[i - first] is { } key) mentions[i].Surface = shortest[key];
    }

    /// <summary>The name's words without their endings: nouns as the dictionary's lemma, adjectives without "-e"/"-en"/…, a genitive "-s" off a name.</summary>
    private string InflectionKey(Mention m)
    {
        var sb = new System.Text.StringBuilder(m.Surface.Length);
        for (var k = m.TokStart; k < m.TokEnd; k++)
        {
            var w = doc.Text(m.Block, k);
            if (nouns.TryGet(w, out var noun)) w = noun.Lemma;
            else if (nouns.IsAdjectiveOrVerbForm(w)) w = WithoutEnding(w);
            else if (k == m.TokEnd - 1 && GenitiveBase(w) is { } name) w = name;
            sb.Append(w).Append(' ');
        }
        return sb.ToString();
    }

    private string WithoutEnding(string w)
    {
        foreach (var ending in profile.Nouns.AdjectiveEndings)
            if (w.Length > ending.Length + 3 && w.EndsWith(ending, StringComparison.Ordinal)) return w[..^ending.Length];
        return w;
    }

    private bool IsCapWord(int b, int k) => spans.IsCapWord(b, k);

    private bool IsWord(int b, int k, WordSet words) => k >= 0 && k < doc.Tokens[b].Count && doc.Tokens[b][k].Kind == TokKind.Word && words.Contains(doc.Span(b, k));

    /// <summary>A capitalised word that, where it stands, can only be (part of) a name.</summary>
    private bool IsNameWord(int b, int k) => IsCapWord(b, k) && Fact(b, k, WordFacts.HereAsked, WordFacts.NameHere, static (s, b, k) => s.ClassifyHere(b, k));

    private bool ClassifyHere(int b, int k)
    {
        if (!spans.CapitalSaysNothing(b, k)) return IsNameWordInText(b, k);
        var w = doc.Span(b, k);
        if (profile.CommonCaps.Contains(w) || doc.SeenLower(w)) return false;
        // at a sentence start or in a headline: a word the article names elsewhere, or one the reference data knows
        return namesInText.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) || NameShapes.IsAcronym(w) || profile.GivenNameCues.Contains(w)
            || (!nouns.IsCommonWord(w) && (profile.World.Names.ContainsKey(w) || profile.World.Kinds.ContainsKey(w)))
            || (GenitiveBase(w) is { } name && namesInText.Contains(name));
    }

    private bool IsNameWordInText(int b, int k) => Fact(b, k, WordFacts.NameAsked, WordFacts.Name, static (s, b, k) => s.ClassifyInText(b, k));

    private bool ClassifyInText(int b, int k)
    {
        var w = doc.Span(b, k);
        // most capitalised words are nouns of the dictionary: the one look-up settles them
        if (nouns.TryGet(w, out _) && !NameShapes.IsAcronym(w) && !profile.GivenNameCues.Contains(w)) return false;
        if (profile.CommonCaps.Contains(w) || profile.Titles.ContainsKey(w) || profile.Demonyms.ContainsKey(w) || profile.IsPlaceAdjective(w)) return false;
        if (NameShapes.IsAcronym(w) || profile.GivenNameCues.Contains(w)) return true;
        if (w.Contains('-')) return IsHyphenatedName(w);
        // an English word in a German text ("Ticker", "Podcast") is no name either
        return !nouns.IsCommonWord(w) && !profile.IsCommonWord(w);
    }

    /// <summary>
    /// "Frank-Walter", "Paul-Ehrlich-Institut", "Robert-Koch-Institut": every part but the last a name (a surname after a
    /// given name, whatever word it is; else no noun of the dictionary), the last a name or a head. "Brasilien-Reise" and
    /// "NATO-Partnern" are ordinary words.
    /// </summary>
    private bool IsHyphenatedName(ReadOnlySpan<char> w)
    {
        Span<Range> ranges = stackalloc Range[8];
        var n = w.Split(ranges, '-');
        if (n < 2) return !nouns.IsCommonWord(w);
        if (n == ranges.Length) return false;
        for (var i = 0; i < n; i++)
            if (w[ranges[i]].IsEmpty) return false;
        // "Robert-Koch-": the part after a given name is a surname, whatever word it is
        var givenFirst = profile.GivenNameCues.Contains(w[ranges[0]]);
        for (var i = 0; i < n - 1; i++)
            if (!IsNamePart(w[ranges[i]], afterGivenName: i == 1 && givenFirst)) return false;
        var last = w[ranges[n - 1]];
        return (IsNamePart(last, afterGivenName: n == 2 && givenFirst) && !nouns.IsCommonWord(last)) || ((n >= 3 || givenFirst) && IsHeadWord(last));
    }

    private bool IsNamePart(ReadOnlySpan<char> part, bool afterGivenName) =>
        profile.NameParticles.Contains(part) || char.IsUpper(part[0])
            && (afterGivenName || profile.GivenNameCues.Contains(part) || NameShapes.IsAcronym(part) || !nouns.TryHead(part, out _));

    private bool IsHeadWord(ReadOnlySpan<char> w) => profile.NameHeadKind(w) is not null;

    /// <summary>"Brasiliens" -> "Brasilien", "Habecks" -> "Habeck": the name a genitive -s is on, or null.</summary>
    private string? GenitiveBase(ReadOnlySpan<char> w)
    {
        if (w.Length < 4 || w[^1] != 's' || w[^2] is 's' or 'x' or 'z') return null;
        var name = w[..^1];
        if (namesInText.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name)) return doc.Scratch.String(name);
        return profile.World.Names.TryGetValue(name, out var entries) && Array.Exists(entries, e => e.Tokens.Length == 1) ? doc.Scratch.String(name) : null;
    }

    /// <summary>"Deutschen", "Neurodegenerative", "Berliner": an adjective (or a place's), capitalised.</summary>
    private bool IsCapitalizedAdjective(int b, int k) =>
        IsCapWord(b, k) && Fact(b, k, WordFacts.AdjectiveAsked, WordFacts.Adjective, static (s, b, k) => s.ClassifyAdjective(b, k));

    private bool ClassifyAdjective(int b, int k)
    {
        var w = doc.Span(b, k);
        // "US-amerikanische": capitalised by its prefix, an ordinary adjective
        var dash = w.LastIndexOf('-');
        if (dash >= 0 && dash + 1 < w.Length && char.IsLower(w[dash + 1])) return false;
        return nouns.IsAdjectiveOrVerbForm(w) || profile.Demonyms.ContainsKey(w) || profile.IsPlaceAdjective(w);
    }

    private void ScanBlock(int b)
    {
        var toks = doc.Tokens[b];
        var n = toks.Count;
        var k = 0;
        while (k < n)
        {
            var t = toks[k];
            if (t.Kind != TokKind.Word) { k++; continue; }
            var w = doc.Span(b, k);
            if (!t.Cap && !profile.World.MayStartLowerName(w[0], w.Length)) { k++; continue; }
            var lexLen = spans.MatchLexicon(b, k, out var entry);
            // "Oder …" at a sentence start is the conjunction, not the river
            if (lexLen == 1 && profile.CommonCaps.Contains(w) && spans.CapitalSaysNothing(b, k)) lexLen = 0;
            if (lexLen > 0)
            {
                sink.AddKnown(b, k, k + lexLen, entry!);
                k += lexLen;
                continue;
            }
            if (!t.Cap) { k++; continue; }
            if (!nouns.TryGet(w, out _) && GenitiveBase(w) is { } name)
            {
                // "Brasiliens" is Brazil; "Habecks" joins the Habeck the article names
                if (profile.World.Names.TryGetValue(name, out var entries) && Array.Find(entries, x => x.Tokens.Length == 1) is { } known) sink.AddKnown(b, k, k + 1, known);
                else sink.AddUnknown(b, k, k + 1);
                sink.MarkInflected(name);
                k++;
                continue;
            }
            var end = spans.CapitalSaysNothing(b, k) ? k : CapitalizedAdjectiveNameEnd(b, k);
            if (end > k + 1) { Classify(b, k, end); k = end; continue; }
            end = HeadedComplementEnd(b, k);
            if (end > k + 1) { Classify(b, k, end); k = end; continue; }
            if (IsNameWord(b, k))
            {
                end = NameRunEnd(b, k);
                Classify(b, k, end);
                k = end;
                continue;
            }
            k++;
        }
    }

    /// <summary>
    /// "Deutsche Gesellschaft für Immunologie", "Berliner Charité", "Vereinten Nationen": capitalised adjectives inside a
    /// sentence start a name; it runs through the noun after them and a complement ("für …", "der …"). The end, or
    /// <paramref name="k"/> when no name starts here ("die Betroffenen": a nominalised adjective).
    /// </summary>
    private int CapitalizedAdjectiveNameEnd(int b, int k)
    {
        var toks = doc.Tokens[b];
        if (k + 1 >= toks.Count || !IsCapWord(b, k + 1)) return k;
        var e = k;
        while (e < toks.Count && e - k < 4 && IsCapitalizedAdjective(b, e)) e++;
        if (e == k || e >= toks.Count || !IsCapWord(b, e) || IsCapitalizedAdjective(b, e)) return k;
        var noun = doc.Span(b, e);
        if (profile.CommonCaps.Contains(noun)) return k;
        var end = ComplementEnd(b, e + 1, k);
        // "Kiewer Fachkreisen", "die Neue Welt"? a name needs a head ("Gesellschaft"), a name word ("Charité") or a complement
        return end > e + 1 || IsHeadWord(noun) || IsNameWordInText(b, e) ? end : k;
    }

    /// <summary>"Bundesamt für Migration und Flüchtlinge", "Klinik für Neurologie": an organisation noun with a "für" complement.</summary>
    private int HeadedComplementEnd(int b, int k)
    {
        if (!IsWord(b, k + 1, profile.ComplementPrepositions)) return k;
        if (profile.NameHeadKind(doc.Span(b, k)) != EntityType.Organization || !nouns.IsCommonWord(doc.Span(b, k))) return k;
        var end = ComplementEnd(b, k + 1, k);
        return end > k + 1 ? end : k;
    }

    /// <summary>After a name's noun: a complement preposition ("für") and capitalised words, joined by "und"; the end of the name.</summary>
    private int ComplementEnd(int b, int e, int start)
    {
        var toks = doc.Tokens[b];
        while (e + 1 < toks.Count && e - start < MaxNameTokens && IsWord(b, e, profile.ComplementPrepositions) && IsCapWord(b, e + 1))
        {
            var j = e + 1;
            while (j < toks.Count && j - start < MaxNameTokens && (IsCapWord(b, j) || (IsWord(b, j, profile.Coordinators) && j + 1 < toks.Count && IsCapWord(b, j + 1)))) j++;
            e = j;
        }
        return e;
    }

    /// <summary>The end of a run of name words from <paramref name="k"/>: "Luiz Inácio Lula da Silva", "Belo Horizonte".</summary>
    private int NameRunEnd(int b, int k)
    {
        var toks = doc.Tokens[b];
        // "Belo Horizonte": a place the reference data knows whole, whatever its words are
        for (var known = Math.Min(toks.Count, k + 4); known > k + 1; known--)
            if (IsCapWord(b, known - 1) && profile.World.Kinds.ContainsKey(doc.Span(b, k, known))) return known;
        var e = k + 1;
        while (e < toks.Count && e - k < MaxNameTokens)
        {
            if (IsNameWord(b, e) || (IsCapWord(b, e) && profile.GivenNameCues.Contains(doc.Span(b, e - 1)) && !profile.CommonCaps.Contains(doc.Span(b, e)) && !IsCapitalizedAdjective(b, e)))
            { e++; continue; }
            // "von der Leyen", "da Silva": particles between name words; an article only after another ("Biden der Ukraine" is two names)
            var p = e;
            while (p < toks.Count && p - e < 2 && IsWord(b, p, profile.NameParticles) && !toks[p].Cap && (p > e || !IsWord(b, p, profile.DefiniteArticles))) p++;
            if (p > e && p < toks.Count && IsNameWord(b, p) && !profile.IsPlaceAdjective(doc.Span(b, p))) { e = p + 1; continue; }
            break;
        }
        return e;
    }

    /// <summary>Hands the span to the typing rules, with the person noun before it as its title and a country before that.</summary>
    private void Classify(int b, int s, int e)
    {
        string? title = null, nationality = null;
        if (s > 0 && IsTitleWord(b, s - 1))
        {
            title = nouns.Lemma(doc.Text(b, s - 1));
            nationality = CountryBefore(b, s - 1);
        }
        var before = sink.Mentions.Count;
        typer.Classify(b, s, e, title, nationality);
        // "Frau Merkel": a person, with no role
        if (title is not null && profile.Honorifics.Contains(title) && sink.Mentions.Count > before) sink.Mentions[^1].Role = null;
    }

    private bool IsTitleWord(int b, int k) => IsCapWord(b, k) && profile.IsTitleOrPersonNoun(doc.Span(b, k));

    /// <summary>"der brasilianische Präsident", "Brasiliens Vizepräsident": the country before a title, or null.</summary>
    private string? CountryBefore(int b, int title)
    {
        if (title == 0 || doc.Tokens[b][title - 1].Kind != TokKind.Word) return null;
        var w = doc.Span(b, title - 1);
        if (profile.Demonyms.TryGetValue(w, out var country) && country.Length > 0) return country;
        if (GenitiveBase(w) is { } name && profile.World.Names.TryGetValue(name, out var entries)
            && Array.Find(entries, x => x.Tokens.Length == 1 && x.Type == EntityType.Location) is not null) return name;
        return null;
    }

    /// <summary>
    /// One word, one type: single-word mentions of the same name take the type most of them were given (a cue of a person
    /// or an organisation counts twice), and a name with no cue of its own takes the type of a name it is listed with
    /// ("bei Charkiw und Cherson", "BioNTech/Pfizer und Moderna").
    /// </summary>
    private void AgreeOnTypes(int first)
    {
        var mentions = sink.Mentions;
        var votes = new Dictionary<string, (int Person, int Organization, int Location, int Event)>(StringComparer.Ordinal);
        for (var i = first; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.WordCount != 1 || m.Kind != MentionKind.Typed) continue;
            var weight = m.PersonCue || m.OrgCue ? 2 : 1;
            var v = votes.GetValueOrDefault(m.FirstWord);
            votes[m.FirstWord] = m.Type switch
            {
                EntityType.Person => v with { Person = v.Person + weight },
                EntityType.Organization => v with { Organization = v.Organization + weight },
                EntityType.Location => v with { Location = v.Location + weight },
                EntityType.Event => v with { Event = v.Event + weight },
                _ => v,
            };
        }
        for (var i = first; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.WordCount != 1 || m.Kind == MentionKind.Known || m.Inflected || !votes.TryGetValue(m.FirstWord, out var v)) continue;
            var best = Winner(v);
            if (best is null) continue;
            m.Type = best.Value;
            m.Kind = MentionKind.Typed;
        }
        for (var pass = 0; pass < 2; pass++)
            for (var i = first; i < mentions.Count; i++)
            {
                var m = mentions[i];
                if (m.Kind != MentionKind.Unknown || m.WordCount != 1 || m.Inflected) continue;
                var other = Listed(m, i - 1, first) ?? Listed(m, i + 1, first);
                if (other is null) continue;
                m.Type = other.Type;
                m.Kind = MentionKind.Typed;
            }
    }

    private static EntityType? Winner((int Person, int Organization, int Location, int Event) v)
    {
        var max = Math.Max(Math.Max(v.Person, v.Organization), Math.Max(v.Location, v.Event));
        if (max == 0) return null;
        return v.Person == max ? EntityType.Person : v.Organization == max ? EntityType.Organization : v.Location == max ? EntityType.Location : EntityType.Event;
    }

    /// <summary>The typed mention at <paramref name="j"/> when only "und", "oder", a comma or a slash stands between it and <paramref name="m"/>.</summary>
    private Mention? Listed(Mention m, int j, int first)
    {
        var mentions = sink.Mentions;
        if (j < first || j >= mentions.Count) return null;
        var o = mentions[j];
        if (o.Block != m.Block || o.Kind == MentionKind.Unknown || o.Type is not (EntityType.Location or EntityType.Organization or EntityType.Person)) return null;
        var (from, to) = o.TokStart < m.TokStart ? (o.TokEnd, m.TokStart) : (m.TokEnd, o.TokStart);
        if (to - from is < 1 or > 2) return null;
        for (var k = from; k < to; k++)
        {
            var w = doc.Span(m.Block, k);
            if (!(profile.Coordinators.Contains(w) || w is "," or "/")) return null;
        }
        return o;
    }
}
