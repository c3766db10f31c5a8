using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Ties each quote to its speaker: the speech verb next to the quote (after it: "…," X said / said X; before it:
/// X said: "…" / X said that … "…"), the name, pronoun, role or group that is its subject, resolved to a canonical entity.
/// Quotes with no attribution inherit the previous speaker only across a continuation; otherwise null.
/// </summary>
internal sealed class QuoteAttributor(ArticleText doc, EntityExtractor ents, Lexicon lex, bool english)
{
    private const int Window = 40;
    private readonly FrozenLookups look = FrozenLookups.For(lex);
    /// <summary>Person mentions outside quotes, in document order.</summary>
    private readonly List<Mention> personMentions = PersonMentions(ents, doc.Scratch.PersonMentions);
    private string? lastGroup;
    /// <summary>How the speaker phrase being resolved was read: set by the pronoun and role look-ups, explicit otherwise.</summary>
    private QuoteAttribution found;
    private Dictionary<string, Cluster>? personsByName;
    /// <summary>Role and document look-ups scan the article; a budget keeps hostile inputs (thousands of quotes) linear.</summary>
    private int scanBudget = 400;

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

    private Cluster? PersonByName(string name)
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

    /// <summary>The position of the cluster's last mention before <paramref name="pos"/>, or -1.</summary>
    private static long LastMentionBefore(Cluster c, long pos)
    {
        var last = -1L;
        foreach (var m in c.Mentions)
            if (m.Position < pos && m.Position > last) last = m.Position;
        return last;
    }

    public void Run()
    {
        var quotes = doc.Quotes;
        for (var i = 0; i < quotes.Count; i++) Attribute(quotes[i]);
        // Continuations and unattributed quotes next to an attributed one in the same paragraph.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < quotes.Count; i++)
            {
                var q = quotes[i];
                if (q.Attributed) continue;
                QuoteSpan? from = null;
                if (i > 0)
                {
                    var p = quotes[i - 1];
                    if (p.Attributed && p.Speaker is not null && (p.Block == q.Block || (p.ContinuesNext && p.Block + 1 == q.Block) || (q.Open == 0 && p.Block + 1 == q.Block && EndsWithQuote(p)))
                        && (PersonByName(p.Speaker) is not { } sc || NoOtherPersonBetween(p, q, sc)))
                        from = p;
                }
                if (from is null && i + 1 < quotes.Count)
                {
                    var nx = quotes[i + 1];
                    if (nx.Attributed && nx.Speaker is not null && ((q.ContinuesNext && nx.Block == q.Block + 1) || (nx.Block == q.Block && OnlyPunctuationBetween(q, nx))))
                        from = nx;
                }
                if (from is not null)
                {
                    q.Speaker = from.Speaker;
                    q.Cue = from.Cue;
                    q.How = QuoteAttribution.Continued;
                    q.Attributed = true;
                }
            }
        }
        foreach (var q in quotes)
        {
            var words = WordCount(q);
            if (words == 0) q.Drop = true;
            else if (!q.Attributed && words <= 4) q.Drop = true; // scare quotes and coined terms
            else if (IsScareContext(q)) q.Drop = true;
        }
    }

    private int WordCount(QuoteSpan q)
    {
        var toks = doc.Tokens[q.Block];
        var n = 0;
        for (var k = q.Open + 1; k < q.Close && k < toks.Count; k++)
            if (toks[k].Kind is TokKind.Word or TokKind.Number) n++;
        return n;
    }

    private bool EndsWithQuote(QuoteSpan p)
    {
        var toks = doc.Tokens[p.Block];
        // the quote ends the paragraph, or only "he said." follows
        var words = 0;
        for (var k = p.Close + 1; k < toks.Count && words <= 6; k++) if (toks[k].Kind == TokKind.Word) words++;
        return words <= 6;
    }

    private bool OnlyPunctuationBetween(QuoteSpan a, QuoteSpan b)
    {
        var toks = doc.Tokens[a.Block];
        for (var k = a.Close + 1; k < b.Open && k < toks.Count; k++)
            if (toks[k].Kind is TokKind.Word or TokKind.Number) return false;
        return true;
    }

    private bool IsScareContext(QuoteSpan q)
    {
        if (q.Open == 0) return false;
        var prev = doc.Span(q.Block, q.Open - 1);
        if (prev is "so-called" or "dubbed" or "termed" or "term" or "terms" or "word" or "words" or "slogan" or "motto" or "titled" or "entitled" or "hashtag" or "nicknamed" or "as")
            return !q.Attributed || prev is "so-called" or "dubbed" or "nicknamed" or "titled" or "entitled" or "hashtag";
        return false;
    }

    private void Attribute(QuoteSpan q)
    {
        var toks = doc.Tokens[q.Block];
        found = QuoteAttribution.Explicit;
        // Headline style "Name: 'quote'".
        if (q.Open >= 2 && doc.Span(q.Block, q.Open - 1).SequenceEqual(":"))
        {
            var mi = ents.EndsAt(q.Block)[q.Open - 2];
            if (mi >= 0 && IsSpeakerType(mi)) { Set(q, ents.Clusters[ents.Mentions[mi].Cluster].Name, null); return; }
        }
        var quoteText = doc.Blocks[q.Block].AsSpan(q.TextStart, q.TextEnd - q.TextStart).TrimEnd();
        var endsWithComma = quoteText.Length > 0 && quoteText[^1] is ',' or '?' or '!';
        var endsSentence = quoteText.Length > 0 && quoteText[^1] is '.' or '!' or '?' or '\u2026';
        // "… over." Analyst X said …: after a full stop inside the quote, a capitalized word starts a new sentence.
        var newSentenceAfter = endsSentence && q.Close + 1 < toks.Count && toks[q.Close + 1].Kind == TokKind.Word && toks[q.Close + 1].Cap;
        var afterVerb = q.Close < toks.Count && !newSentenceAfter ? FindVerbAfter(q) : -1;
        var beforeColon = q.Open >= 1 && doc.Span(q.Block, q.Open - 1) is ":";
        if (afterVerb >= 0 && (endsWithComma || !beforeColon) && afterVerb - q.Close <= 8)
        {
            if (TrySpeaker(q, afterVerb, after: true)) return;
        }
        // Verbs before the quote, nearest first.
        var stop = Math.Max(0, q.Open - Window);
        for (var k = q.Open - 1; k >= stop; k--)
        {
            var t = toks[k];
            if (t.Kind == TokKind.Quote && t.InQuote < 0 && k != q.Open) { if (IsSentenceBoundaryBefore(q.Block, k)) break; continue; }
            if (t.InQuote >= 0) continue;
            if (t.Kind == TokKind.Punct && doc.Span(q.Block, k) is "." or "!" or "?") break;
            if (t.Kind != TokKind.Word || !IsSpeechVerb(q.Block, k)) continue;
            if (TrySpeaker(q, k, after: false)) return;
            // ", adding that the …": a participle with no subject of its own shares the speaker of the quote before it.
            if (doc.Span(q.Block, k).EndsWith("ing") && PreviousInBlock(q) is { Attributed: true } prev && prev.Speaker is not null)
            { found = QuoteAttribution.Continued; Set(q, prev.Speaker, prev.Cue); return; }
        }
        if (afterVerb >= 0 && TrySpeaker(q, afterVerb, after: true)) return;
        // "X admitted that support suffered. "Quote …"": the sentence before introduces the speaker.
        if (q.Open == 0 || IsSentenceBoundaryBefore(q.Block, q.Open) || (q.Open > 0 && doc.Span(q.Block, q.Open - 1) is "." or "!" or "?"))
        {
            var end = q.Open - 1;
            while (end >= 0 && q.Open - end < Window && toks[end].Kind != TokKind.Punct) end--;
            if (end > 0 && toks[end].Kind == TokKind.Punct && doc.Span(q.Block, end) is "." or ":")
            {
                var hasQuote = false;
                for (var k = end - 1; k >= Math.Max(0, end - Window); k--)
                {
                    var t = toks[k];
                    if (t.Kind == TokKind.Punct && doc.Span(q.Block, k) is "." or "!" or "?") break;
                    if (t.Kind == TokKind.Quote || t.InQuote >= 0) { hasQuote = true; break; }
                    if (t.Kind != TokKind.Word || !IsSpeechVerb(q.Block, k)) continue;
                    var probe = new QuoteSpan { Block = q.Block, Open = end, Close = end };
                    if (TrySpeaker(probe, k, after: false))
                    {
                        q.Speaker = probe.Speaker; q.Cue = probe.Cue; q.How = probe.How;
                        q.Attributed = true;
                        return;
                    }
                }
                _ = hasQuote;
            }
        }
    }

    private QuoteSpan? PreviousInBlock(QuoteSpan q)
    {
        var i = q.Index;
        return i > 0 && doc.Quotes[i - 1].Block == q.Block ? doc.Quotes[i - 1] : null;
    }

    private bool IsSentenceBoundaryBefore(int b, int k) => k > 0 && doc.Span(b, k - 1) is "." or "!" or "?";

    private int FindVerbAfter(QuoteSpan q)
    {
        var toks = doc.Tokens[q.Block];
        var end = Math.Min(toks.Count, q.Close + 1 + 16);
        for (var k = q.Close + 1; k < end; k++)
        {
            var t = toks[k];
            if (t.Kind == TokKind.Quote && (t.Mark || t.DoubleMark)) return -1; // a stray apostrophe ("Iohannis' office") is not a boundary
            if (t.Kind == TokKind.Punct && doc.Span(q.Block, k) is "." or "!" or "?" or ";") return -1;
            if (t.Kind == TokKind.Word && IsSpeechVerb(q.Block, k)) return k;
        }
        return -1;
    }

    private bool IsSpeechVerb(int b, int k)
    {
        var w = doc.Span(b, k);
        if (english)
        {
            if (w is "According") return k + 1 < doc.Tokens[b].Count && doc.Span(b, k + 1) is "to";
            if (!look.SpeechVerbs.ContainsKey(w)) return w is "describing" or "adding" or "calling" or "saying" or "writing" or "accusing" or "warning" or "insisting" or "stressing" or "arguing" or "telling" or "noting";
            if (w is "according") return k + 1 < doc.Tokens[b].Count && doc.Span(b, k + 1) is "to";
            if (w is "points" or "pointed") return k + 1 < doc.Tokens[b].Count && doc.Span(b, k + 1) is "out";
            return true;
        }
        return look.SpeechVerbsDe.ContainsKey(w) || look.SpeechVerbs.ContainsKey(w);
    }

    private void Set(QuoteSpan q, string? speaker, string? cue)
    {
        q.Speaker = speaker;
        q.Cue = cue;
        q.How = speaker is null ? QuoteAttribution.None : found;
        q.Attributed = true;
    }

    private bool TrySpeaker(QuoteSpan q, int verb, bool after)
    {
        var b = q.Block;
        var toks = doc.Tokens[b];
        found = QuoteAttribution.Explicit;
        var cue = doc.Text(b, verb);
        var verbWord = doc.Span(b, verb);
        if (verbWord is "According") verbWord = "according";
        if (verbWord is "Laut") { verbWord = "laut"; cue = "laut"; }
        if (verbWord is "according" or "laut" or "zufolge") cue = verbWord is "according" ? "according to" : cue;
        // "according to X", "laut X": the speaker follows.
        if (verbWord is "according" or "laut" or "Laut")
        {
            var start = verbWord is "according" ? verb + 2 : verb + 1;
            var sp = SpeakerAt(q, b, start, forward: true);
            if (sp is not null) { Set(q, sp, cue); return true; }
            return false;
        }
        if (verbWord is "zufolge")
        {
            var sp = SpeakerEndingAt(q, b, verb - 1);
            if (sp is not null) { Set(q, sp, cue); return true; }
            return false;
        }
        // Inversion right after the quote: "…," said Putin / "…", sagte Merkel / "…", so Merkel.
        if (after)
        {
            var onlyPunct = true;
            for (var k = q.Close + 1; k < verb; k++) if (toks[k].Kind is TokKind.Word or TokKind.Number) onlyPunct = false;
            if (onlyPunct)
            {
                var sp = SpeakerAt(q, b, verb + 1, forward: true);
                if (sp is not null) { Set(q, sp, cue); return true; }
            }
        }
        // "…, says Liebig." — an inverted attribution after a comma.
        if (!after && verb >= 1 && verb + 1 < toks.Count && doc.Span(b, verb - 1) is ",")
        {
            var mi = ents.StartsAt(b)[verb + 1];
            if (mi >= 0 && IsSpeakerType(mi)) { Set(q, ents.Clusters[ents.Mentions[mi].Cluster].Name, cue); return true; }
        }
        // Subject before the verb: skip auxiliaries, adverbs and an appositive ", the former president,".
        var k2 = verb - 1;
        var limit = after ? q.Close : Math.Max(0, verb - Window);
        while (k2 > limit)
        {
            var w = doc.Span(b, k2);
            if (toks[k2].Kind == TokKind.Word && w is "has" or "had" or "have" or "also" or "then" or "later" or "once" or "again" or "previously" or "further" or "was" or "is" or "were" or "would" or "will" or "had" or "recently" or "repeatedly" or "publicly" or "explicitly" or "reportedly" or "hat" or "habe" or "already" or "however")
            { k2--; continue; }
            if (w is ",")
            {
                // appositive: find the previous comma within 12 tokens
                var j = k2 - 1;
                while (j > limit && k2 - j < 14 && doc.Span(b, j) is not ",") j--;
                if (j > limit && doc.Span(b, j) is ",") { k2 = j - 1; continue; }
                if (after && j <= q.Close + 1) { k2--; continue; }
                break;
            }
            break;
        }
        if (k2 > limit || (!after && k2 >= 0 && k2 >= limit))
        {
            var sp = SpeakerEndingAt(q, b, k2);
            if (sp is not null) { Set(q, sp, cue); return true; }
        }
        // The verb's subject is the nearest name before it in the clause.
        if (!after)
        {
            for (var k = verb - 1; k >= Math.Max(0, verb - 12); k--)
            {
                if (toks[k].InQuote >= 0 || toks[k].Kind == TokKind.Quote) break;
                if (doc.Span(b, k) is "." or ";") break;
                var mi = ents.EndsAt(b)[k];
                if (mi >= 0 && IsSpeakerType(mi)) { Set(q, ents.Clusters[ents.Mentions[mi].Cluster].Name, cue); return true; }
            }
        }
        else
        {
            // "…," X said (not adjacent: "…," Roth, who …, said)
            for (var k = q.Close + 1; k < verb; k++)
            {
                var mi = ents.StartsAt(b)[k];
                if (mi >= 0 && IsSpeakerType(mi)) { Set(q, ents.Clusters[ents.Mentions[mi].Cluster].Name, cue); return true; }
            }
        }
        return false;
    }

    /// <summary>Notes how a speaker was resolved when one was.</summary>
    private string? Found(string? speaker, QuoteAttribution how)
    {
        if (speaker is not null) found = how;
        return speaker;
    }

    private bool IsSpeakerType(int mentionIndex)
    {
        var c = ents.Clusters[ents.Mentions[mentionIndex].Cluster];
        return c.Type is EntityType.Person or EntityType.Organization;
    }

    /// <summary>A speaker phrase starting at token k: a name, pronoun, "the Russian leader", "the two leaders".</summary>
    private string? SpeakerAt(QuoteSpan q, int b, int k, bool forward)
    {
        var toks = doc.Tokens[b];
        if (k >= toks.Count) return null;
        var mi = ents.StartsAt(b)[k];
        if (mi >= 0 && IsSpeakerType(mi))
        {
            var m = ents.Mentions[mi];
            if (ents.Clusters[m.Cluster].Type == EntityType.Organization)
            {
                for (var j = m.TokEnd; j < Math.Min(toks.Count, m.TokEnd + 4); j++)
                {
                    var pj = ents.StartsAt(b)[j];
                    if (pj >= 0 && ents.Clusters[ents.Mentions[pj].Cluster].Type == EntityType.Person) return ents.Clusters[ents.Mentions[pj].Cluster].Name;
                    if (toks[j].Kind != TokKind.Word || toks[j].Cap) break;
                }
            }
            return ents.Clusters[m.Cluster].Name;
        }
        // Title + name: "said President Vladimir Putin" — the mention starts after the title.
        // "said opposition leader Friedrich Merz", "according to economist X": a short description, then the name.
        for (var j = k; j < Math.Min(toks.Count, k + 5); j++)
        {
            if (toks[j].Kind != TokKind.Word) break;
            mi = ents.StartsAt(b)[j];
            if (mi >= 0 && IsSpeakerType(mi)) return ents.Clusters[ents.Mentions[mi].Cluster].Name;
            if (doc.Span(b, j) is "who" or "which" or "that" or "and" or "but" or "in" or "on" or "at" or "to") break;
        }
        var w = doc.Span(b, k);
        if (w is "he" or "she" or "er" or "sie") return Pronoun(q, w is "she" or "sie" ? 'f' : 'm');
        if (w is "they") return Found(lastGroup, QuoteAttribution.Pronoun);
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

    /// <summary>A speaker phrase ending at token k (the subject before a verb).</summary>
    private string? SpeakerEndingAt(QuoteSpan q, int b, int k)
    {
        if (k < 0) return null;
        var toks = doc.Tokens[b];
        var mi = ents.EndsAt(b)[k];
        if (mi >= 0 && IsSpeakerType(mi))
        {
            // "Helmut Asche of the University of Mainz told": the person, not the institution.
            var m = ents.Mentions[mi];
            if (ents.Clusters[m.Cluster].Type == EntityType.Organization)
            {
                var j = m.TokStart - 1;
                if (j >= 0 && doc.Span(b, j) is "the") j--;
                if (j >= 1 && doc.Span(b, j) is "of" or "at" or "from" or "with")
                {
                    var pi = ents.EndsAt(b)[j - 1];
                    if (pi >= 0 && ents.Clusters[ents.Mentions[pi].Cluster].Type == EntityType.Person) return ents.Clusters[ents.Mentions[pi].Cluster].Name;
                }
            }
            return ents.Clusters[m.Cluster].Name;
        }
        if (toks[k].Kind != TokKind.Word) return null;
        // "Iohannis' office said", "Merkel's spokesman said": the office speaks for its holder.
        if (doc.Span(b, k) is "office" or "spokesman" or "spokeswoman" or "spokesperson" or "team" or "government" or "camp" && k >= 2
            && (toks[k - 1].Kind == TokKind.Poss || (toks[k - 1].Kind == TokKind.Quote && !toks[k - 1].DoubleMark)))
        {
            var oi = ents.EndsAt(b)[k - 2];
            if (oi >= 0 && IsSpeakerType(oi)) return ents.Clusters[ents.Mentions[oi].Cluster].Name;
        }
        var w = doc.Span(b, k);
        if (w is "he" or "He" or "she" or "She" or "er" or "Er" or "sie" or "Sie") return Pronoun(q, w is "she" or "She" or "sie" or "Sie" ? 'f' : 'm');
        if (w is "they" or "They") return Found(lastGroup, QuoteAttribution.Pronoun);
        // Role phrase: look back up to five words for its determiner.
        for (var s = k; s >= Math.Max(0, k - 5); s--)
        {
            if (toks[s].Kind != TokKind.Word && toks[s].Kind != TokKind.Number) break;
            var ws = doc.Span(b, s);
            if (ws is "the" or "The" or "both" or "Both" or "a" or "A" or "an" or "An" or "his" or "her" or "its" or "their" or "His" or "Her" or "Its" or "Their" || s == 0)
                return RolePhrase(q, b, s, k);
        }
        return null;
    }

    private static readonly string[] DocumentNouns = ["statement", "report", "declaration", "communique", "communiqué", "letter", "document", "resolution", "post", "tweet", "release", "study", "survey"];
    private static readonly string[] OrgNouns = ["ministry", "government", "commission", "court", "party", "office", "council", "agency", "company", "embassy", "army", "military", "police", "administration", "spokesman's office"];

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
            if (look.Demonyms.TryGetValue(w, out var c) && c.Length > 0) country = c;
            if (w is "two" or "both" or "Both") two = true;
        }
        var pos = ArticleText.Position(b, q.Open);
        if (head is "leaders" or "presidents" or "sides" or "men" or "heads" or "ministers" || (two && head.EndsWith('s')))
        {
            var group = LastTwoPersons(pos);
            if (group is not null) lastGroup = group;
            return Found(group, QuoteAttribution.Role);
        }
        if (Array.IndexOf(DocumentNouns, head) >= 0)
        {
            // "the statement said": name the document as the article first introduced it ("joint statement").
            var modifier = FindDocumentModifier(head, pos);
            if (lastGroup is null) _ = LastTwoPersons(pos);
            return Found(modifier is null ? head : modifier + " " + head, QuoteAttribution.Role);
        }
        if (Array.IndexOf(OrgNouns, head) >= 0)
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
            return Found(best?.Name, QuoteAttribution.Role);
        }
        if (look.RoleNouns.Contains(head) || head is "leader" or "chancellor" or "president" or "premier")
        {
            // the person whose role names this country or this title, most recently mentioned
            Cluster? best = null;
            long bestPos = -1;
            foreach (var c in ents.Clusters)
            {
                if (c.Dropped || c.Type != EntityType.Person || c.Role is null) continue;
                var roleOk = country is not null
                    ? c.Role.Contains(country, StringComparison.OrdinalIgnoreCase) && (head is "leader" || c.Role.Contains(head, StringComparison.OrdinalIgnoreCase))
                    : c.Role.Contains(head, StringComparison.OrdinalIgnoreCase);
                if (!roleOk) continue;
                var last = LastMentionBefore(c, pos);
                if (last > bestPos) { bestPos = last; best = c; }
            }
            return Found(best?.Name, QuoteAttribution.Role);
        }
        return null;
    }

    /// <summary>True when no other person is named (outside quotes) between the earlier quote and this one.</summary>
    private bool NoOtherPersonBetween(QuoteSpan prev, QuoteSpan q, Cluster speaker)
    {
        var from = UpperBound(ArticleText.Position(prev.Block, prev.Close < doc.Tokens[prev.Block].Count ? prev.Close : prev.Open));
        var to = UpperBound(ArticleText.Position(q.Block, q.Open));
        for (var i = from; i < to && i - from < 50; i++)
        {
            var m = personMentions[i];
            if (m.Cluster == speaker.Id) continue;
            // "… without Lee." — a name after a preposition is an object, not a new subject for "he".
            if (m.TokStart > 0 && doc.Tokens[m.Block][m.TokStart - 1].Kind == TokKind.Word && doc.Span(m.Block, m.TokStart - 1) is "without" or "with" or "to" or "by" or "for" or "from" or "of" or "about" or "against" or "on" or "at" or "than" or "like" or "under" or "over" or "into" or "toward" or "towards" or "in" or "near" or "inside" or "outside" or "across" or "through" or "around" or "behind" or "after" or "before")
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
                if (toks[k - 1].Kind == TokKind.Word && !toks[k - 1].Cap && mod is not ("the" or "a" or "an" or "this" or "that" or "its" or "their" or "his" or "her"))
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

    /// <summary>he/she: the nearest person mentioned before the quote whose gender does not contradict.</summary>
    private string? Pronoun(QuoteSpan q, char gender)
    {
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
        var idx = UpperBound(ArticleText.Position(q.Block, q.Open)) - 1;
        for (var i = idx; i >= 0 && idx - i < 40; i--)
        {
            var c = ents.Clusters[personMentions[i].Cluster];
            if (c.Gender != 'u' && c.Gender != gender) continue;
            return Found(c.Name, QuoteAttribution.Pronoun);
        }
        return null;
    }
}
