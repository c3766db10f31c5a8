using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Turns the phrase that is a speech verb's subject into an entity: a name, a pronoun ("she"), a role ("the Russian
/// leader", "the minister"), a group ("the two leaders"), a document ("the statement") or an organisation noun
/// ("the ministry"). <see cref="How"/> says which kind of phrase the last resolved speaker came from.
/// </summary>
internal sealed class SpeakerResolver
{
    private readonly ArticleText doc;
    private readonly EntityExtractor ents;
    private readonly LanguageProfile profile;
    /// <summary>Person mentions outside quotes, in document order.</summary>
    private readonly List<Mention> personMentions;
    private Dictionary<string, Cluster>? personsByName;
    /// <summary>The last group resolved ("Putin and Xi"), for a later "they".</summary>
    private string? lastGroup;
    /// <summary>The last document that spoke ("a government report"), for a later "it".</summary>
    private string? lastDocument;
    /// <summary>Role and document look-ups scan the article; a budget keeps hostile inputs (thousands of quotes) linear.</summary>
    private int scanBudget = 400;

    public SpeakerResolver(ArticleText doc, EntityExtractor ents, LanguageProfile profile)
    {
        this.doc = doc;
        this.ents = ents;
        this.profile = profile;
        personMentions = PersonMentions(ents, doc.Scratch.PersonMentions);
    }

    /// <summary>How the last speaker phrase was read: set by the pronoun and role look-ups, explicit otherwise.</summary>
    public QuoteAttribution How { get; set; } = QuoteAttribution.Explicit;

    private static List<Mention> PersonMentions(EntityExtractor ents, List<Mention> list)
    {
        var sorted = true;
        foreach (var m in ents.Mentions)
        {
            if (m.Cluster < 0 || m.InQuote || ents.Clusters[m.Cluster].Type != EntityType.Person) continue;
            sorted &= list.Count == 0 || list[^1].Position <= m.Position;
            list.Add(m);
        }
        // Mentions are found in document order, so this is (nearly) always sorted already; else the stable OrderBy.
        if (!sorted)
        {
            var ordered = list.OrderBy(m => m.Position).ToList();
            list.Clear();
            list.AddRange(ordered);
        }
        return list;
    }

    public Cluster? PersonByName(string name)
    {
        if (personsByName is null)
        {
            personsByName = doc.Scratch.PersonsByName;
            // the first person cluster of each name, as GroupBy(...).First() took it
            foreach (var c in ents.Clusters)
                if (!c.Dropped && c.Type == EntityType.Person) personsByName.TryAdd(c.Name, c);
        }
        return personsByName.GetValueOrDefault(name);
    }

    /// <summary>The name of the person or organisation mentioned at mention index <paramref name="mi"/>, if it is one.</summary>
    public bool IsSpeakerType(int mi)
    {
        var c = ents.Clusters[ents.Mentions[mi].Cluster];
        return c.Type is EntityType.Person or EntityType.Organization;
    }

    public string ClusterName(int mi) => ents.Clusters[ents.Mentions[mi].Cluster].Name;

    private EntityType ClusterType(int mi) => ents.Clusters[ents.Mentions[mi].Cluster].Type;

    /// <summary>A speaker phrase starting at token k: a name, pronoun, "the Russian leader", "the two leaders".</summary>
    public string? SpeakerAt(QuoteSpan q, int b, int k)
    {
        var toks = doc.Tokens[b];
        if (k >= toks.Count) return null;
        if (NamedAfter(b, k) is { } named) return named;
        var w = doc.Span(b, k);
        if (profile.Pronouns.TryGetValue(w, out var gender)) return Pronoun(q, gender);
        // a role phrase "the Russian leader", "the chancellor"
        var end = k;
        while (end < toks.Count && end - k < 5 && toks[end].Kind == TokKind.Word) end++;
        for (var e = end - 1; e > k; e--)
        {
            var r = RolePhrase(q, b, k, e);
            if (r is not null) return r;
        }
        return null;
    }

    /// <summary>
    /// The person named in the phrase that follows a cue, else the organisation: "said President Vladimir Putin",
    /// "said GE chairman and CEO Jeff Immelt", "said Bharatiya Janata Party (BJP) president Nitin Gadkari",
    /// "said Mainz's sporting director Christian Heidel", "said spokesman for the group, Sheikh Abdiasis Abu Musab".
    /// </summary>
    private string? NamedAfter(int b, int k)
    {
        var toks = doc.Tokens[b];
        var starts = ents.StartsAt(b);
        string? organization = null;
        var described = false;
        for (var j = k; j < toks.Count && j - k < 14;)
        {
            var mi = starts[j];
            if (mi >= 0)
            {
                var type = ClusterType(mi);
                if (type == EntityType.Person) return ClusterName(mi);
                if (type == EntityType.Organization) organization ??= ClusterName(mi);
                described = true;
                j = ents.Mentions[mi].TokEnd;
                continue;
            }
            var t = toks[j];
            if (t.Kind == TokKind.Word)
            {
                if (profile.ClauseStoppers.Contains(doc.Span(b, j)) && !profile.Coordinators.Contains(doc.Span(b, j))) break;
                described |= !profile.SpeakerDeterminers.Contains(doc.Span(b, j));
                j++;
                continue;
            }
            if (t.Kind == TokKind.Poss) { j++; continue; }
            // "(BJP)": an acronym in brackets
            if (doc.Span(b, j) is "(" && j + 2 < toks.Count && doc.Span(b, j + 2) is ")") { j += 3; continue; }
            // "spokesman for the group, Sheikh X", "the DOSB's vice president, Eberhard Gienger": a description, then the name
            if (doc.Span(b, j) is "," && described && PersonAfterComma(b, j) is { } appositive) return appositive;
            break;
        }
        return organization;
    }

    /// <summary>
    /// The subject a sentence opens with, when it is a person: a name (after a title or description of a few words),
    /// or he/she resolved as a pronoun.
    /// </summary>
    public string? SentenceSubject(QuoteSpan q, int b, int start)
    {
        var toks = doc.Tokens[b];
        for (var j = start; j < toks.Count && j - start < profile.SubjectWindow; j++)
        {
            var mi = ents.StartsAt(b)[j];
            // a genitive ("ein Sieg Nadeschdins") is never the subject
            if (mi >= 0 && ents.Mentions[mi].Inflected) continue;
            if (mi >= 0) return ClusterType(mi) == EntityType.Person ? ClusterName(mi) : null;
            if (toks[j].Kind != TokKind.Word || toks[j].InQuote >= 0) return null;
            var w = doc.Span(b, j);
            if (j == start && profile.Pronouns.TryGetValue(w, out var gender)) return gender is 'm' or 'f' ? Pronoun(q, gender) : null;
            if (profile.ClauseStoppers.Contains(w)) return null;
        }
        return null;
    }

    /// <summary>The person named right after a comma, past a title ("…, Sheikh Abdiasis Abu Musab").</summary>
    private string? PersonAfterComma(int b, int comma)
    {
        var toks = doc.Tokens[b];
        for (var j = comma + 1; j < toks.Count && j - comma <= 3; j++)
        {
            var mi = ents.StartsAt(b)[j];
            if (mi >= 0) return ClusterType(mi) == EntityType.Person ? ClusterName(mi) : null;
            if (toks[j].Kind != TokKind.Word || !profile.Titles.ContainsKey(doc.Span(b, j))) return null;
        }
        return null;
    }

    /// <summary>
    /// "Veronica Yates, the director of Child Rights International Network, which signed …, told": the first person of
    /// the clause followed by a comma is the one the appositive describes, the verb's subject.
    /// </summary>
    public string? AppositiveSubject(int b, int from, int verb)
    {
        var toks = doc.Tokens[b];
        var starts = ents.StartsAt(b);
        for (var j = from; j < verb; j++)
        {
            var mi = starts[j];
            if (mi < 0) continue;
            var m = ents.Mentions[mi];
            if (ClusterType(mi) == EntityType.Person && m.TokEnd < toks.Count && doc.Span(b, m.TokEnd) is ",") return ClusterName(mi);
            return null; // the first name of the clause is not a person with an appositive
        }
        return null;
    }

    /// <summary>A speaker phrase ending at token k (the subject before a verb).</summary>
    public string? SpeakerEndingAt(QuoteSpan q, int b, int k)
    {
        if (k < 0) return null;
        var toks = doc.Tokens[b];
        var mi = ents.EndsAt(b)[k];
        if (mi >= 0 && IsSpeakerType(mi))
        {
            // "Helmut Asche of the University of Mainz told": the person, not the institution.
            var m = ents.Mentions[mi];
            if (ClusterType(mi) == EntityType.Organization)
            {
                var j = m.TokStart - 1;
                if (j >= 0 && profile.DefiniteArticles.Contains(doc.Span(b, j))) j--;
                if (j >= 1 && profile.AffiliationPrepositions.Contains(doc.Span(b, j)))
                {
                    var pi = ents.EndsAt(b)[j - 1];
                    if (pi >= 0 && ClusterType(pi) == EntityType.Person) return ClusterName(pi);
                }
            }
            return ClusterName(mi);
        }
        if (toks[k].Kind != TokKind.Word) return null;
        // "Iohannis' office said", "Merkel's spokesman said": the office speaks for its holder.
        if (profile.SpeakerForNouns.Contains(doc.Span(b, k)) && k >= 2
            && (toks[k - 1].Kind == TokKind.Poss || (toks[k - 1].Kind == TokKind.Quote && !toks[k - 1].DoubleMark)))
        {
            var oi = ents.EndsAt(b)[k - 2];
            if (oi >= 0 && IsSpeakerType(oi)) return ClusterName(oi);
        }
        var w = doc.Span(b, k);
        if (profile.Pronouns.TryGetValue(w, out var gender)) return Pronoun(q, gender);
        // Role phrase: look back up to five words for its determiner.
        for (var s = k; s >= Math.Max(0, k - 5); s--)
        {
            if (toks[s].Kind != TokKind.Word && toks[s].Kind != TokKind.Number) break;
            if (profile.SpeakerDeterminers.Contains(doc.Span(b, s)) || s == 0)
                return RolePhrase(q, b, s, k);
        }
        return null;
    }

    /// <summary>Resolves "the Russian leader", "the chancellor", "the two leaders", "the statement", "the ministry".</summary>
    private string? RolePhrase(QuoteSpan q, int b, int s, int e)
    {
        if (--scanBudget < 0) return null;
        var head = doc.Text(b, e).ToLowerInvariant();
        string? country = null;
        var two = false;
        for (var i = s; i < e; i++)
        {
            var w = doc.Span(b, i);
            if (profile.Demonyms.TryGetValue(w, out var c) && c.Length > 0) country = c;
            if (profile.PairWords.Contains(w)) two = true;
        }
        var pos = ArticleText.Position(b, q.Open);
        if (profile.GroupNouns.Contains(head) || (two && head.EndsWith('s')))
        {
            var group = LastTwoPersons(pos);
            if (group is not null) lastGroup = group;
            return Found(group, QuoteAttribution.Role);
        }
        if (profile.DocumentNouns.Contains(head))
        {
            // "heißt es in dem Bericht": a language that capitalises nouns names the document as written
            if (profile.NounsCapitalized) head = doc.Text(b, e);
            if (lastGroup is null) _ = LastTwoPersons(pos);
            // "a pamphlet said", "a government report said": a document first named here is named as written
            if (IsIndefinite(doc.Span(b, s))) return Found(lastDocument = doc.Text(b, s, e + 1), QuoteAttribution.Role);
            // "the statement said": name the document as the article first introduced it ("joint statement").
            var modifier = FindDocumentModifier(head, pos);
            return Found(lastDocument = modifier is null ? head : modifier + " " + head, QuoteAttribution.Role);
        }
        if (profile.OrganizationNouns.Contains(head))
        {
            Cluster? best = null;
            long bestPos = -1;
            foreach (var c in ents.Clusters)
            {
                if (c.Dropped || c.Type != EntityType.Organization) continue;
                if (!c.Name.Contains(head, StringComparison.OrdinalIgnoreCase)) continue;
                var last = LastMentionBefore(c, pos);
                if (last > bestPos) { bestPos = last; best = c; }
            }
            // "the company said": the last organisation named before, when no name holds the noun
            if (best is null && profile.OrgCueNouns.Contains(head)) best = LastOrganizationBefore(pos);
            if (best is not null) return Found(best.Name, QuoteAttribution.Role);
            // "the official committee said", "Police said": a body the article never names is named as it describes it
            var from = profile.DefiniteArticles.Contains(doc.Span(b, s)) || profile.DefiniteArticles.Contains(LowerFirst(doc.Span(b, s))) ? s + 1 : s;
            if (from > e) return null;
            var description = doc.Text(b, from, e + 1);
            // a capital only because the sentence starts here is not the body's
            if (doc.Tokens[b][from].SentStart && profile.IsCommonWord(doc.Span(b, from))) description = char.ToLowerInvariant(description[0]) + description[1..];
            return Found(description, QuoteAttribution.Role);
        }
        if (profile.RoleNouns.Contains(head) || profile.Nouns.IsPersonNoun(doc.Span(b, e), out _))
        {
            // the person whose role names this country or this title, most recently mentioned; in a headline, the one the
            // article goes on to name ("German ISAF general calls … 'a crime'" — "Brigadier General Josef Blotz has …")
            var headline = doc.Headline[b];
            var best = PersonInRole(head, country, pos, headline);
            if (best is null && country is not null) best = PersonInRole(head, null, pos, headline);
            if (best is null && profile.DescribesUnnamedSpeakers) best = PersonReferredBack(b, s, e, q);
            if (best is not null || !profile.DescribesUnnamedSpeakers) return Found(best?.Name, QuoteAttribution.Role);
            // never named: the speaker as the article describes them ("ein Militärexperte", "der Taxifahrer" -> "Taxifahrer")
            return Found(Description(b, s, e), QuoteAttribution.Role);
        }
        return null;
    }

    /// <summary>The phrase from token <paramref name="s"/> to <paramref name="e"/>, without a definite article first; null unless it starts with a determiner or is the noun alone.</summary>
    private string? Description(int b, int s, int e)
    {
        if (s != e && !profile.SpeakerDeterminers.Contains(doc.Span(b, s))) return null;
        var from = profile.DefiniteArticles.Contains(doc.Span(b, s)) || profile.DefiniteArticles.Contains(LowerFirst(doc.Span(b, s))) ? s + 1 : s;
        return doc.Text(b, Math.Min(from, e), e + 1);
    }

    /// <summary>How many paragraphs back "der Neurologe" may refer to the person last named.</summary>
    private const int ReferBackBlocks = 3;

    /// <summary>
    /// "…, sagt der Neurologe": a role noun after a definite article names the person last mentioned, when that person was
    /// named in the last few paragraphs and the noun's gender does not contradict theirs; null otherwise.
    /// </summary>
    private Cluster? PersonReferredBack(int b, int s, int e, QuoteSpan q)
    {
        if (!profile.DefiniteArticles.Contains(doc.Span(b, s)) && !profile.DefiniteArticles.Contains(LowerFirst(doc.Span(b, s)))) return null;
        profile.Nouns.IsPersonNoun(doc.Span(b, e), out var nounGender);
        var gender = char.ToLowerInvariant(nounGender);
        var idx = UpperBound(ArticleText.Position(q.Block, q.Open)) - 1;
        if (idx < 0 || personMentions[idx].Block < q.Block - ReferBackBlocks) return null;
        var c = ents.Clusters[personMentions[idx].Cluster];
        return gender is 'm' or 'f' && c.Gender != 'u' && c.Gender != gender ? null : c;
    }

    private Cluster? PersonInRole(string head, string? country, long pos, bool forward)
    {
        Cluster? best = null;
        long bestPos = forward ? long.MaxValue : -1;
        foreach (var c in ents.Clusters)
        {
            if (c.Dropped || c.Type != EntityType.Person || c.Role is null) continue;
            var roleOk = country is not null
                ? c.Role.Contains(country, StringComparison.OrdinalIgnoreCase) && (profile.GenericRoleNouns.Contains(head) || c.Role.Contains(head, StringComparison.OrdinalIgnoreCase))
                : c.Role.Contains(head, StringComparison.OrdinalIgnoreCase);
            if (!roleOk) continue;
            if (forward)
            {
                var first = FirstMentionAfter(c, pos);
                if (first >= 0 && first < bestPos) { bestPos = first; best = c; }
                continue;
            }
            var last = LastMentionBefore(c, pos);
            if (last > bestPos) { bestPos = last; best = c; }
        }
        return best;
    }

    private static long FirstMentionAfter(Cluster c, long pos)
    {
        var first = -1L;
        foreach (var m in c.Mentions)
            if (m.Position > pos && (first < 0 || m.Position < first)) first = m.Position;
        return first;
    }

    private static string LowerFirst(ReadOnlySpan<char> w) => w.IsEmpty ? "" : char.ToLowerInvariant(w[0]) + w[1..].ToString();

    private bool IsIndefinite(ReadOnlySpan<char> w) => profile.IndefiniteArticles.Contains(w);

    /// <summary>The organisation mentioned last before <paramref name="pos"/>, outside quotes.</summary>
    private Cluster? LastOrganizationBefore(long pos)
    {
        Cluster? best = null;
        long bestPos = -1;
        foreach (var c in ents.Clusters)
        {
            if (c.Dropped || c.Type != EntityType.Organization) continue;
            var last = LastMentionBefore(c, pos);
            if (last > bestPos) { bestPos = last; best = c; }
        }
        return best;
    }

    /// <summary>The position of the cluster's last mention before <paramref name="pos"/>, or -1.</summary>
    private static long LastMentionBefore(Cluster c, long pos)
    {
        var last = -1L;
        foreach (var m in c.Mentions)
            if (m.Position < pos && m.Position > last) last = m.Position;
        return last;
    }

    /// <summary>True when no other person is named (outside quotes) between the earlier quote and this one.</summary>
    public bool NoOtherPersonBetween(QuoteSpan prev, QuoteSpan q, Cluster speaker)
    {
        var from = UpperBound(ArticleText.Position(prev.Block, prev.Close < doc.Tokens[prev.Block].Count ? prev.Close : prev.Open));
        var to = UpperBound(ArticleText.Position(q.Block, q.Open));
        for (var i = from; i < to && i - from < 50; i++)
        {
            var m = personMentions[i];
            if (m.Cluster == speaker.Id) continue;
            // "… without Lee." — a name after a preposition is an object, not a new subject for "he".
            if (m.TokStart > 0 && doc.Tokens[m.Block][m.TokStart - 1].Kind == TokKind.Word && profile.ObjectPrepositions.Contains(doc.Span(m.Block, m.TokStart - 1)))
                continue;
            return false;
        }
        return true;
    }

    private string? FindDocumentModifier(string noun, long before)
    {
        string? found = null;
        for (var b = 0; b < doc.Blocks.Length; b++)
        {
            var toks = doc.Tokens[b];
            for (var k = 1; k < toks.Count; k++)
            {
                if (ArticleText.Position(b, k) >= before) return found;
                if (!doc.Span(b, k).Equals(noun, StringComparison.OrdinalIgnoreCase)) continue;
                var mod = doc.Span(b, k - 1);
                if (toks[k - 1].Kind == TokKind.Word && !toks[k - 1].Cap && !profile.DocumentDeterminers.Contains(mod))
                    found = mod.ToString();
            }
        }
        return found;
    }

    private string? LastTwoPersons(long pos)
    {
        var idx = UpperBound(pos) - 1;
        string? a = null, b2 = null;
        for (var i = idx; i >= 0 && idx - i < 60; i--)
        {
            var name = ents.Clusters[personMentions[i].Cluster].Name;
            if (a is null) a = name;
            else if (name != a) { b2 = name; break; }
        }
        if (a is null || b2 is null) return null;
        return string.CompareOrdinal(a, b2) < 0 ? $"{a} and {b2}" : $"{b2} and {a}";
    }

    private int UpperBound(long pos)
    {
        int lo = 0, hi = personMentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (personMentions[mid].Position < pos) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>he/she: the nearest person mentioned before the quote whose gender does not contradict; they: the last group.</summary>
    private string? Pronoun(QuoteSpan q, char gender)
    {
        if (gender == 'p') return Found(lastGroup, QuoteAttribution.Pronoun);
        if (gender == 'n') return Found(lastDocument ?? LastOrganizationBefore(ArticleText.Position(q.Block, q.Open))?.Name, QuoteAttribution.Pronoun);
        var qi = q.Index;
        for (var p = qi - 1; p >= 0 && p >= qi - 3; p--)
        {
            var prev = doc.Quotes[p];
            if (prev.Block < q.Block - 1) break;
            if (!prev.Attributed || prev.Speaker is null) continue;
            var c = PersonByName(prev.Speaker);
            if (c is not null && (c.Gender == 'u' || c.Gender == gender) && NoOtherPersonBetween(prev, q, c)) return Found(c.Name, QuoteAttribution.Pronoun);
            break;
        }
        // the nearest person who was a subject ("Schubert replaced Favre …, and he …" is Schubert), else the nearest
        var idx = UpperBound(ArticleText.Position(q.Block, q.Open)) - 1;
        Cluster? nearest = null;
        for (var i = idx; i >= 0 && idx - i < 40; i--)
        {
            var c = ents.Clusters[personMentions[i].Cluster];
            if (c.Gender != 'u' && c.Gender != gender) continue;
            if (!IsObjectLike(personMentions[i])) return Found(c.Name, QuoteAttribution.Pronoun);
            nearest ??= c;
        }
        return Found(nearest?.Name, QuoteAttribution.Pronoun);
    }

    /// <summary>
    /// A mention inside a prepositional phrase ("pressure on coach Stale Solbakken", "of the prophet Mohammad", "with Lee")
    /// or right after a past-tense verb ("replaced Lucien Favre") is an object, not the subject a later "he" refers to.
    /// </summary>
    private bool IsObjectLike(Mention m)
    {
        var toks = doc.Tokens[m.Block];
        for (var k = m.TokStart - 1; k >= 0 && m.TokStart - k <= 3; k--)
        {
            var t = toks[k];
            if (t.Kind != TokKind.Word || t.Cap) return false;
            var w = doc.Span(m.Block, k);
            if (profile.ObjectPrepositions.Contains(w)) return true;
            if (k == m.TokStart - 1 && !profile.SpeechCues.ContainsKey(w) && profile.PastSuffixes.Length > 0 && EndsWithAny(w, profile.PastSuffixes)) return true;
            if (profile.Coordinators.Contains(w) || profile.SpeechCues.ContainsKey(w)) return false;
        }
        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> w, string[] suffixes)
    {
        foreach (var s in suffixes)
            if (w.Length > s.Length + 2 && w.EndsWith(s, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Notes how a speaker was resolved when one was.</summary>
    private string? Found(string? speaker, QuoteAttribution how)
    {
        if (speaker is not null) How = how;
        return speaker;
    }
}
