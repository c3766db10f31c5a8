using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Ties each quote to its speaker: the speech cue next to the quote (after it: "…," X said / said X; before it:
/// X said: "…" / X said that … "…" / according to X), whose subject <see cref="SpeakerResolver"/> turns into an entity.
/// Quotes with no cue of their own inherit the speaker of the quote they continue when nothing intervenes; labels
/// and coined terms ("so-called …") are dropped.
/// </summary>
internal sealed class QuoteAttributor(ArticleText doc, EntityExtractor ents, LanguageProfile profile)
{
    private const int Window = 40;
    private readonly SpeakerResolver speakers = new(doc, ents, profile);

    public void Run()
    {
        var quotes = doc.Quotes;
        for (var i = 0; i < quotes.Count; i++) Attribute(quotes[i]);
        InheritFromNeighbours(quotes);
        InheritRepeatedHeadlineQuotes(quotes);
        foreach (var q in quotes)
        {
            var words = WordCount(q);
            if (words == 0) q.Drop = true;
            else if (!q.Attributed && words <= 4) q.Drop = true; // scare quotes and coined terms
            else if (IsScareContext(q)) q.Drop = true;
        }
    }

    /// <summary>Continuations and unattributed quotes next to an attributed one in the same paragraph.</summary>
    private void InheritFromNeighbours(List<QuoteSpan> quotes)
    {
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
                        && (speakers.PersonByName(p.Speaker) is not { } sc || speakers.NoOtherPersonBetween(p, q, sc)))
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
    }

    /// <summary>"Women's World Cup gender tests 'ridiculous'": a headline quote the body repeats has the body's speaker.</summary>
    private void InheritRepeatedHeadlineQuotes(List<QuoteSpan> quotes)
    {
        Dictionary<string, QuoteSpan>? bodyQuotes = null;
        foreach (var q in quotes)
        {
            if (q.Attributed || !doc.Headline[q.Block]) continue;
            bodyQuotes ??= AttributedBodyQuotes(quotes);
            if (!bodyQuotes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Bare(q), out var later)) continue;
            q.Speaker = later.Speaker;
            q.Cue = later.Cue;
            q.How = QuoteAttribution.Continued;
            q.Attributed = true;
        }
    }

    /// <summary>The attributed quotes outside headlines by their bare text (the first of each), so a look-up is one hash.</summary>
    private Dictionary<string, QuoteSpan> AttributedBodyQuotes(List<QuoteSpan> quotes)
    {
        var byText = new Dictionary<string, QuoteSpan>(StringComparer.OrdinalIgnoreCase);
        foreach (var q in quotes)
            if (q.Attributed && q.Speaker is not null && !doc.Headline[q.Block]) byText.TryAdd(Bare(q).ToString(), q);
        return byText;
    }

    /// <summary>A quote's text without the punctuation at its ends.</summary>
    private ReadOnlySpan<char> Bare(QuoteSpan q) =>
        doc.Blocks[q.Block].AsSpan(q.TextStart, q.TextEnd - q.TextStart).Trim().Trim(".,;:!?\u2026");

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
        if (profile.ScareCues.Contains(prev))
            return !q.Attributed || profile.StrongScareCues.Contains(prev);
        return false;
    }

    private void Attribute(QuoteSpan q)
    {
        var toks = doc.Tokens[q.Block];
        speakers.How = QuoteAttribution.Explicit;
        // Headline style "Name: 'quote'".
        if (q.Open >= 2 && doc.Span(q.Block, q.Open - 1).SequenceEqual(":"))
        {
            var mi = ents.EndsAt(q.Block)[q.Open - 2];
            if (mi >= 0 && speakers.IsSpeakerType(mi)) { Set(q, speakers.ClusterName(mi), null); return; }
        }
        var quoteText = doc.Blocks[q.Block].AsSpan(q.TextStart, q.TextEnd - q.TextStart).TrimEnd();
        var endsWithComma = quoteText.Length > 0 && quoteText[^1] is ',' or '?' or '!';
        var endsSentence = quoteText.Length > 0 && quoteText[^1] is '.' or '!' or '?' or '\u2026';
        // "… over." Analyst X said …: after a full stop inside the quote, a capitalized word starts a new sentence.
        var newSentenceAfter = endsSentence && q.Close + 1 < toks.Count && toks[q.Close + 1].Kind == TokKind.Word && toks[q.Close + 1].Cap;
        var afterVerb = q.Close < toks.Count && !newSentenceAfter ? FindVerbAfter(q) : -1;
        var beforeColon = q.Open >= 1 && doc.Span(q.Block, q.Open - 1) is ":";
        if (afterVerb >= 0 && (endsWithComma || !beforeColon) && (afterVerb - q.Close <= 8 || QuoteEndsWithComma(q)))
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
            if (IsParticiple(doc.Span(q.Block, k)))
            {
                if (PreviousInBlock(q) is { Attributed: true } prev && prev.Speaker is not null)
                {
                    speakers.How = QuoteAttribution.Continued;
                    Set(q, prev.Speaker, prev.Cue);
                    return;
                }
                // "He was frustrated …, describing it as a "tragedy"": the participle's subject is the sentence's
                if (speakers.SentenceSubject(q, q.Block, SentenceStart(q.Block, k)) is { } subject) { Set(q, subject, doc.Text(q.Block, k)); return; }
            }
        }
        if (afterVerb >= 0 && TrySpeaker(q, afterVerb, after: true)) return;
        // "Georgieva begins her speeches with the remark: "…"": a colon hands the sentence's subject the quote.
        if (beforeColon && speakers.SentenceSubject(q, q.Block, SentenceStart(q.Block, q.Open - 1)) is { } introduced) { Set(q, introduced, ":"); return; }
        // "X admitted that support suffered. "Quote …"": the sentence before introduces the speaker.
        var startsSentence = q.Open == 0 || IsSentenceBoundaryBefore(q.Block, q.Open) || (q.Open > 0 && doc.Span(q.Block, q.Open - 1) is "." or "!" or "?");
        if (startsSentence) SpeakerOfSentenceBefore(q);
        if (!q.Attributed && startsSentence && WordCount(q) >= MinStandaloneWords) SubjectOfSentenceBefore(q);
        if (!q.Attributed && profile.SubjunctiveForms.Count > 0) SpeakerOfReportedSpeech(q);
    }

    /// <summary>How many sentences back reported speech is followed to its speaker.</summary>
    private const int ReportedSentences = 5;

    /// <summary>
    /// Reported speech: "Zudem sagte Habeck, es gebe eine Chance … Das Abkommen dürfe nicht … "Jetzt schauen wir …"". A quote
    /// with no cue of its own, after sentences in the mood of reported speech (German Konjunktiv I: "gebe", "dürfe"), goes
    /// on with what the speaker of the last speech verb or quote in the paragraph said.
    /// </summary>
    private void SpeakerOfReportedSpeech(QuoteSpan q)
    {
        var b = q.Block;
        var toks = doc.Tokens[b];
        // the quote's own sentence names nobody else ("Aber: "…"", "Es werde ein Abstecher, der "…" haben werde.")
        var start = q.Open > 0 ? SentenceStart(b, q.Open - 1) : 0;
        var end = q.Close;
        while (end < toks.Count && doc.Span(b, end) is not ("." or "!" or "?")) end++;
        if (NamesSomeone(b, start, q.Open) || NamesSomeone(b, Math.Min(q.Close + 1, toks.Count), end)) return;
        for (var n = 0; n < ReportedSentences && start > 0; n++)
        {
            var e = start - 1;
            start = SentenceStart(b, e);
            for (var k = e; k >= start; k--)
            {
                var t = toks[k];
                if (t.InQuote >= 0 && doc.Quotes[t.InQuote] is { Attributed: true, Speaker: not null } said)
                { speakers.How = QuoteAttribution.Continued; Set(q, said.Speaker, said.Cue); return; }
                if (t.InQuote >= 0 || t.Kind != TokKind.Word || !IsSpeechVerb(b, k)) continue;
                var probe = new QuoteSpan { Block = b, Index = q.Index, Open = e, Close = e };
                var speaker = TrySpeaker(probe, k, after: false) ? probe.Speaker : k + 1 < toks.Count ? speakers.SpeakerAt(probe, b, k + 1) : null;
                if (speaker is null) continue;
                speakers.How = QuoteAttribution.Continued;
                Set(q, speaker, doc.Text(b, k));
                return;
            }
            if (!InReportedSpeech(b, start, e)) return;
        }
    }

    /// <summary>A person or organisation is named outside quotes in tokens [from, to).</summary>
    private bool NamesSomeone(int b, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (doc.Tokens[b][k].InQuote < 0 && ents.StartsAt(b)[k] is >= 0 and var mi && speakers.IsSpeakerType(mi)) return true;
        return false;
    }

    /// <summary>The sentence [from, to] has a verb in the mood of reported speech.</summary>
    private bool InReportedSpeech(int b, int from, int to)
    {
        for (var k = from; k <= to; k++)
            if (doc.Tokens[b][k].Kind == TokKind.Word && doc.Tokens[b][k].InQuote < 0 && profile.SubjunctiveForms.Contains(doc.Span(b, k))) return true;
        return false;
    }

    /// <summary>A quote of this many words that stands as its own sentence can belong to the sentence before's subject.</summary>
    private const int MinStandaloneWords = 6;

    /// <summary>
    /// "Yehia Ag Mohamed Ali is … He can remember those times well. "Back then …"": a quote with no cue of its own,
    /// after a sentence whose subject is a person (or he/she) and which holds no quote, is that person's.
    /// </summary>
    private void SubjectOfSentenceBefore(QuoteSpan q)
    {
        var b = q.Block;
        int end;
        if (q.Open > 0) end = q.Open - 1;
        else
        {
            if (b == 0 || doc.Headline[b - 1]) return;
            b--;
            end = doc.Tokens[b].Count - 1;
        }
        if (end < 0) return;
        var toks = doc.Tokens[b];
        var start = SentenceStart(b, end);
        for (var k = start; k <= end; k++)
            if (toks[k].Kind == TokKind.Quote || toks[k].InQuote >= 0) return;
        if (speakers.SentenceSubject(q, b, start) is { } subject) Set(q, subject, null);
    }

    /// <summary>The first token of the sentence that holds token <paramref name="k"/>.</summary>
    private int SentenceStart(int b, int k)
    {
        var j = k;
        while (j > 0 && !(doc.Tokens[b][j - 1].Kind == TokKind.Punct && doc.Span(b, j - 1) is "." or "!" or "?")) j--;
        return j;
    }

    private void SpeakerOfSentenceBefore(QuoteSpan q)
    {
        var toks = doc.Tokens[q.Block];
        var end = q.Open - 1;
        while (end >= 0 && q.Open - end < Window && toks[end].Kind != TokKind.Punct) end--;
        if (end <= 0 || toks[end].Kind != TokKind.Punct || doc.Span(q.Block, end) is not ("." or ":")) return;
        for (var k = end - 1; k >= Math.Max(0, end - Window); k--)
        {
            var t = toks[k];
            if (t.Kind == TokKind.Punct && doc.Span(q.Block, k) is "." or "!" or "?") break;
            if (t.Kind == TokKind.Quote || t.InQuote >= 0) break;
            if (t.Kind != TokKind.Word || !IsSpeechVerb(q.Block, k)) continue;
            var probe = new QuoteSpan { Block = q.Block, Open = end, Close = end };
            if (TrySpeaker(probe, k, after: false))
            {
                q.Speaker = probe.Speaker; q.Cue = probe.Cue; q.How = probe.How;
                q.Attributed = true;
                return;
            }
        }
    }

    private bool IsParticiple(ReadOnlySpan<char> w)
    {
        foreach (var suffix in profile.ParticipleSuffixes)
            if (w.EndsWith(suffix, StringComparison.Ordinal)) return true;
        return false;
    }

    private bool QuoteEndsWithComma(QuoteSpan q)
    {
        var text = doc.Blocks[q.Block].AsSpan(q.TextStart, q.TextEnd - q.TextStart).TrimEnd();
        return text.Length > 0 && text[^1] == ',';
    }

    /// <summary>The first token of the clause that ends before <paramref name="k"/>: after a sentence end or a quote.</summary>
    private int ClauseStart(int b, int k)
    {
        var toks = doc.Tokens[b];
        var j = k - 1;
        while (j > 0 && k - j < Window && toks[j - 1].InQuote < 0 && toks[j - 1].Kind != TokKind.Quote && doc.Span(b, j - 1) is not ("." or "!" or "?" or ";")) j--;
        return Math.Max(0, j);
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
        // "…," then the attribution to the end of the sentence, however long its appositive
        var end = Math.Min(toks.Count, q.Close + 1 + (QuoteEndsWithComma(q) ? Window : 16));
        for (var k = q.Close + 1; k < end; k++)
        {
            var t = toks[k];
            if (t.Kind == TokKind.Quote && (t.Mark || t.DoubleMark)) return -1; // a stray apostrophe ("Iohannis' office") is not a boundary
            if (t.Kind == TokKind.Punct && doc.Span(q.Block, k) is "." or "!" or "?" or ";") return -1;
            if (t.Kind == TokKind.Word && IsSpeechVerb(q.Block, k)) return k;
        }
        return -1;
    }

    /// <summary>A speech cue, with the word it needs after it ("according" + "to", "pointed" + "out").</summary>
    private bool IsSpeechVerb(int b, int k)
    {
        if (!profile.SpeechCues.TryGetValue(doc.Span(b, k), out var cue)) return false;
        return cue.Next is null || (k + 1 < doc.Tokens[b].Count && cue.Allows(doc.Span(b, k + 1)));
    }

    private void Set(QuoteSpan q, string? speaker, string? cue)
    {
        q.Speaker = speaker;
        q.Cue = cue;
        q.How = speaker is null ? QuoteAttribution.None : speakers.How;
        q.Attributed = true;
    }

    private bool TrySpeaker(QuoteSpan q, int verb, bool after)
    {
        var b = q.Block;
        var toks = doc.Tokens[b];
        speakers.How = QuoteAttribution.Explicit;
        var cueInfo = profile.SpeechCues.TryGetValue(doc.Span(b, verb), out var found) ? found : null;
        var cue = cueInfo is { Kind: SpeechCueKind.SpeakerFollows or SpeechCueKind.SpeakerPrecedes } ? cueInfo.Lemma : doc.Text(b, verb);
        // "according to X", "laut X": the speaker follows.
        if (cueInfo?.Kind == SpeechCueKind.SpeakerFollows)
        {
            var from = verb + 1 + (cueInfo.Next is null ? 0 : 1);
            // "hieß es aus dem Ministerium": the source after its preposition; "so sagt der Chef": after the verb
            if (from < toks.Count && profile.SourcePrepositions.Contains(doc.Span(b, from))) from++;
            else if (from + 1 < toks.Count && profile.SpeechCues.TryGetValue(doc.Span(b, from), out var verbAfter) && verbAfter.Kind == SpeechCueKind.Verb) from++;
            var sp = speakers.SpeakerAt(q, b, from);
            if (sp is not null) { Set(q, sp, cue); return true; }
            return false;
        }
        // "X zufolge": the speaker precedes.
        if (cueInfo?.Kind == SpeechCueKind.SpeakerPrecedes)
        {
            var sp = speakers.SpeakerEndingAt(q, b, verb - 1);
            if (sp is not null) { Set(q, sp, cue); return true; }
            return false;
        }
        var listener = cueInfo?.Kind == SpeechCueKind.ListenerVerb;
        // Inversion right after the quote: "…," said Putin / "…", sagte Merkel / "…", so Merkel ("…," told DW is not one).
        if (after && !listener)
        {
            var onlyPunct = true;
            for (var k = q.Close + 1; k < verb; k++) if (toks[k].Kind is TokKind.Word or TokKind.Number) onlyPunct = false;
            if (onlyPunct)
            {
                var sp = speakers.SpeakerAt(q, b, verb + 1);
                if (sp is not null) { Set(q, sp, cue); return true; }
            }
        }
        // "…, says Liebig." — an inverted attribution after a comma. Not when the name runs straight into the quote:
        // in "X, the author of a book, said the company "will not be doomed"" the company is what the quote is about.
        if (!after && !listener && verb >= 1 && verb + 1 < toks.Count && doc.Span(b, verb - 1) is ","
            && !(q.Open > verb + 1 && q.Open < toks.Count && toks[q.Open].Kind == TokKind.Quote && toks[q.Open - 1].Kind == TokKind.Word))
        {
            var mi = ents.StartsAt(b)[verb + 1];
            if (mi >= 0 && speakers.IsSpeakerType(mi)) { Set(q, speakers.ClusterName(mi), cue); return true; }
            // "…, sagt der Neurologe." — a role phrase in the same place
            if (mi < 0 && profile.SpeakerDeterminers.Contains(doc.Span(b, verb + 1)) && speakers.SpeakerAt(q, b, verb + 1) is { } role) { Set(q, role, cue); return true; }
        }
        // "…," Veronica Yates, the director of X, which …, told DW: the name opening the attribution speaks.
        if (after && QuoteEndsWithComma(q) && q.Close + 1 < verb)
        {
            var first = ents.StartsAt(b)[q.Close + 1];
            if (first >= 0 && speakers.IsSpeakerType(first) && ents.Mentions[first].TokEnd < toks.Count && doc.Span(b, ents.Mentions[first].TokEnd) is ",")
            { Set(q, speakers.ClusterName(first), cue); return true; }
        }
        // "Veronica Yates, the director of X, which …, told DW": the person an appositive describes is the subject.
        if (!after && verb >= 1 && doc.Span(b, verb - 1) is "," && speakers.AppositiveSubject(b, ClauseStart(b, verb), verb) is { } described)
        { Set(q, described, cue); return true; }
        // Subject before the verb: skip auxiliaries, adverbs and an appositive ", the former president,".
        var k2 = verb - 1;
        var limit = after ? q.Close : Math.Max(0, verb - Window);
        while (k2 > limit)
        {
            var w = doc.Span(b, k2);
            if (toks[k2].Kind == TokKind.Word && profile.Auxiliaries.Contains(w)) { k2--; continue; }
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
            var sp = speakers.SpeakerEndingAt(q, b, k2);
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
                if (mi >= 0 && speakers.IsSpeakerType(mi)) { Set(q, speakers.ClusterName(mi), cue); return true; }
            }
        }
        else
        {
            // "…," X said (not adjacent: "…," Roth, who …, said)
            for (var k = q.Close + 1; k < verb; k++)
            {
                var mi = ents.StartsAt(b)[k];
                if (mi >= 0 && speakers.IsSpeakerType(mi)) { Set(q, speakers.ClusterName(mi), cue); return true; }
            }
        }
        return false;
    }
}
