using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Finds names (capitalized spans, lexicon entries), types them by rules and gazetteers, and merges the mentions of one
/// real-world thing into one cluster with a canonical name.
/// </summary>
internal sealed class EntityExtractor(ArticleText doc, Lexicon lex, bool english)
{
    private readonly FrozenLookups look = FrozenLookups.For(lex);
    public readonly List<Mention> Mentions = doc.Scratch.Mentions;
    public readonly List<Cluster> Clusters = doc.Scratch.Clusters;
    /// <summary>Token -> index of the mention ending (starting) there, or -1; all blocks in a row, in reused scratch buffers.</summary>
    private int[] endsAt = [], startsAt = [];
    /// <summary>Where each block's tokens start in <see cref="endsAt"/> and <see cref="startsAt"/>.</summary>
    private int[] blockStart = [];

    /// <summary>For block <paramref name="b"/>, token index -> mention index for the mention's last token (-1 when none).</summary>
    public ReadOnlySpan<int> EndsAt(int b) => endsAt.AsSpan(blockStart[b], doc.Tokens[b].Count);
    public ReadOnlySpan<int> StartsAt(int b) => startsAt.AsSpan(blockStart[b], doc.Tokens[b].Count);

    public void Run()
    {
        for (var b = 0; b < doc.Blocks.Length; b++) ScanBlock(b);
        Cluster();
        blockStart = new int[doc.Blocks.Length];
        var total = 0;
        for (var b = 0; b < doc.Blocks.Length; b++)
        {
            blockStart[b] = total;
            total += doc.Tokens[b].Count;
        }
        (endsAt, startsAt) = doc.Scratch.MentionIndexes(total);
        Array.Fill(endsAt, -1, 0, total);
        Array.Fill(startsAt, -1, 0, total);
        for (var i = 0; i < Mentions.Count; i++)
        {
            var m = Mentions[i];
            if (m.Cluster < 0) continue;
            endsAt[blockStart[m.Block] + m.TokEnd - 1] = i;
            startsAt[blockStart[m.Block] + m.TokStart] = i;
        }
    }

    // ---------------------------------------------------------------- scanning

    private bool IsCapWord(int b, int k)
    {
        var t = doc.Tokens[b][k];
        return t.Kind == TokKind.Word && t.Cap && !IsHyphenAdjective(doc.Span(b, k));
    }

    /// <summary>"Vatican-backed", "Republican-controlled", "Nazi-like": adjectives, not names.</summary>
    internal static bool IsHyphenAdjective(ReadOnlySpan<char> w)
    {
        var h = w.LastIndexOf('-');
        if (h <= 0 || h + 1 >= w.Length || !char.IsLower(w[h + 1])) return false;
        var tail = w[(h + 1)..];
        return tail.EndsWith("ed") || tail is "like" or "style" or "born" or "run" or "era" or "wide" or "speaking" or "friendly" or "made" or "minded" or "owned" or "based" or "backed" or "affiliated" or "linked" or "type" or "free" or "only";
    }

    /// <summary>No name is longer; bounds the work on runs of capitals (headline case, hostile input).</summary>
    private const int MaxNameTokens = 14;

    private static readonly string[] Connectors = ["of", "for", "de", "von", "der", "van", "den", "bin", "al", "el", "la", "le", "du", "da", "di", "dos", "das", "del", "zu", "ibn", "ter", "and", "y", "on", "the"];

    private static bool IsConnector(ReadOnlySpan<char> w)
    {
        foreach (var c in Connectors)
            if (w.SequenceEqual(c)) return true;
        return false;
    }

    /// <summary>A capital at sentence start or in a headline is only a name when the word is not an ordinary word.</summary>
    private bool CanStartName(int b, int k)
    {
        var t = doc.Tokens[b][k];
        if (t.Kind != TokKind.Word || !t.Cap) return false;
        var w = doc.Span(b, k);
        if (look.CommonCaps.Contains(w)) return false;
        var suspicious = t.SentStart || doc.Headline[b] || (k > 0 && doc.Tokens[b][k - 1].Kind == TokKind.Quote && (k == 1 || doc.Tokens[b][k - 2].Kind == TokKind.Punct));
        if (!suspicious) return true;
        if (look.Names.ContainsKey(w) || look.GivenNames.ContainsKey(w) || look.Titles.ContainsKey(w) || look.Demonyms.ContainsKey(w)) return true;
        if (IsAcronym(w)) return true;
        return !doc.SeenLower(w);
    }

    private void ScanBlock(int b)
    {
        var toks = doc.Tokens[b];
        var n = toks.Count;
        var k = 0;
        while (k < n)
        {
            var tk = toks[k];
            if (tk.Kind != TokKind.Word) { k++; continue; }
            // Lower-case words start a lexicon name only in a few entries ("dpa", "the Netherlands"): skip the look-up otherwise.
            if (!tk.Cap && !look.MayStartLowerName(doc.Blocks[b][tk.Start], tk.End - tk.Start)) { k++; continue; }
            var lexLen = MatchLexicon(b, k, out var entry);
            if (lexLen == 0 && (!CanStartName(b, k) || IsHyphenAdjective(doc.Span(b, k)))) { k++; continue; }
            if (lexLen == 0 && !toks[k].Cap) { k++; continue; }
            // "St. Peter's Square", "St. Petersburg": the abbreviation and its full stop belong to the name.
            if (toks[k].Cap && doc.Span(b, k) is "St" && k + 2 < n && doc.Span(b, k + 1) is "." && IsCapWord(b, k + 2) && lexLen == 0)
            {
                var e0 = k + 3;
                while (e0 < n && e0 - k < MaxNameTokens && IsCapWord(b, e0)) e0++;
                if (e0 + 1 < n && toks[e0].Kind == TokKind.Poss && IsCapWord(b, e0 + 1)) { e0 += 2; while (e0 < n && e0 - k < MaxNameTokens && IsCapWord(b, e0)) e0++; }
                var m0 = NewMention(b, k, e0);
                m0.Kind = MentionKind.Typed;
                m0.Type = look.LocationHeads.Contains(doc.Span(b, e0 - 1)) || e0 - k == 3 ? EntityType.Location : EntityType.Organization;
                Mentions.Add(m0);
                k = e0;
                continue;
            }
            // Generic capitalized span.
            var e = k + 1;
            if (toks[k].Cap)
            {
                while (e < n && e - k < MaxNameTokens)
                {
                    if (IsCapWord(b, e)) { e++; continue; }
                    if (toks[e].Kind == TokKind.Word && IsConnector(doc.Span(b, e)) && !doc.Span(b, e).SequenceEqual("the"))
                    {
                        var isOf = doc.Span(b, e) is "of" or "for";
                        // "the Socialist Party of Macron's predecessor": the possessive starts a new phrase.
                        if (isOf && e + 2 < n && toks[e + 2].Kind == TokKind.Poss) break;
                        // a run of particles: "von der Leyen", "of the District", "bin Salman"
                        var j = e + 1;
                        while (j < n && j - e < 3 && toks[j].Kind == TokKind.Word && IsConnector(doc.Span(b, j)) && !(doc.Span(b, j) is "and" or "of" or "for")) j++;
                        var run = doc.Span(b, e, j);
                        var valid = j == e + 1 || isOf ? (j == e + 1 || run.EndsWith(" the", StringComparison.Ordinal)) : !run.Contains("the", StringComparison.Ordinal);
                        if (valid && j < n && IsCapWord(b, j)) { e = j + 1; continue; }
                    }
                    // "Students' Union", "Prosecutor's Office": a possessive inside an organisation's name.
                    if (toks[e].Kind is TokKind.Poss or TokKind.Quote && toks[e].Start == toks[e - 1].End && e + 1 < n && IsCapWord(b, e + 1)
                        && (toks[e].Kind == TokKind.Quote ? doc.Blocks[b][toks[e].Start] is '\'' or '\u2019' && doc.Blocks[b][toks[e].Start - 1] == 's' : true)
                        && PossessiveOrgAhead(b, e - 1, e + 1))
                    { e += 2; continue; }
                    break;
                }
            }
            if (lexLen > 0 && (lexLen >= e - k || !PreferGeneric(b, k, e)))
            {
                AddKnown(b, k, k + lexLen, entry!);
                k += lexLen;
                continue;
            }
            if (doc.TitleCase[b])
            {
                // Headline Case: trust only the lexicon (above) and single words that may join a name from the body.
                if (toks[k].Cap && lexLen == 0) AddUnknown(b, k, k + 1);
                k++;
                continue;
            }
            if (!english)
            {
                // Other languages: only what is reliable — lexicon names and given-name-led person names.
                if (e - k >= 2 && look.GivenNames.ContainsKey(doc.Span(b, k)))
                {
                    var end = Math.Min(e, k + 3);
                    while (end > k + 1 && !toks[end - 1].Cap) end--;
                    AddTyped(b, k, end, EntityType.Person, null, personCue: true);
                    k = end;
                    continue;
                }
                // A capitalized word may be a surname of someone named in full; it is kept only if it joins a person.
                if (toks[k].Cap && !toks[k].SentStart) AddUnknown(b, k, k + 1);
                k++;
                continue;
            }
            ProcessSpan(b, k, e, depth: 0);
            k = e;
        }
    }

    private bool PossessiveOrgAhead(int b, int owner, int next)
    {
        var toks = doc.Tokens[b];
        var ownerWord = doc.Span(b, owner);
        if (look.GivenNames.ContainsKey(ownerWord)) return false;
        var ownerOk = look.OrgHeads.Contains(ownerWord) || look.Titles.ContainsKey(ownerWord) || ownerWord is "People" or "Students" or "Workers" or "Women" or "Children" or "Veterans" or "Farmers";
        if (!ownerOk) return false;
        var j = next;
        while (j < toks.Count && j - next < 4 && IsCapWord(b, j)) j++;
        return j > next && (look.OrgHeads.Contains(doc.Span(b, j - 1)) || look.Keepers.Contains(doc.Span(b, j - 1)));
    }

    private bool PreferGeneric(int b, int s, int e)
    {
        var last = doc.Span(b, e - 1);
        if (look.OrgHeads.Contains(last) || look.EventHeads.Contains(last)) return true;
        for (var i = s + 1; i < e - 1; i++)
        {
            var w = doc.Span(b, i);
            if (w.SequenceEqual("of") || w.SequenceEqual("for")) return ContainsHead(b, s, i);
        }
        return false;
    }

    private bool ContainsHead(int b, int s, int e)
    {
        for (var i = s; i < e; i++)
        {
            var w = doc.Span(b, i);
            if (look.OrgHeads.Contains(w) || look.Keepers.Contains(w)) return true;
        }
        return false;
    }

    private int MatchLexicon(int b, int k, out LexEntry? entry)
    {
        entry = null;
        if (!look.Names.TryGetValue(doc.Span(b, k), out var entries)) return 0;
        var toks = doc.Tokens[b];
        foreach (var en in entries)
        {
            if (k + en.Tokens.Length > toks.Count) continue;
            var ok = true;
            for (var j = 1; j < en.Tokens.Length && ok; j++)
                ok = doc.Span(b, k + j).SequenceEqual(en.Tokens[j]);
            if (!ok) continue;
            // A sentence-initial "May" or "Turkey" is a word; a lexicon single word at sentence start must be capitalized anyway.
            if (en.Tokens.Length == 1 && !toks[k].Cap) continue;
            entry = en;
            return en.Tokens.Length;
        }
        return 0;
    }

    private void ProcessSpan(int b, int s, int e, int depth)
    {
        if (s >= e || depth > 8) return;
        var toks = doc.Tokens[b];
        // Leading titles and nationality adjectives: role evidence, not name.
        string? title = null, nationality = null;
        var stripped = false;
        while (s < e)
        {
            var demLen = DemonymAt(b, s, e, out var country);
            if (demLen == 1 && country.Length == 0 && look.GivenNames.ContainsKey(doc.Span(b, s)) && TitleAt(b, s + 1, e) == 0) demLen = 0;
            if (demLen > 0)
            {
                if (s + demLen < e && !HeadAtEnd(b, s, e)) { nationality ??= country; s += demLen; stripped = true; continue; }
                if (s + demLen >= e) return; // a bare nationality adjective: not an entity
            }
            var tLen = TitleAt(b, s, e);
            if (tLen > 0)
            {
                if (s + tLen >= e) return; // a bare title
                if (HeadAtEnd(b, s, e) && tLen == 0) break;
                // "Pope Francis": with a single name after it, this title is part of how the person is named.
                if (s + tLen + 1 == e && doc.Span(b, s) is "Pope") break;
                title = title is null ? doc.Text(b, s, s + tLen) : title + " " + doc.Text(b, s, s + tLen);
                s += tLen;
                stripped = true;
                // "President of Russia": the title takes the following "of X" as its complement.
                if (s + 2 < e && doc.Span(b, s).SequenceEqual("of") && IsCapWord(b, s + 1))
                {
                    var stop = s + 1;
                    while (stop < e && IsCapWord(b, stop)) stop++;
                    var complement = doc.Text(b, s + 1, stop);
                    title += " of " + complement;
                    ProcessSpan(b, s + 1, stop, depth + 1);
                    s = stop;
                }
                continue;
            }
            break;
        }
        if (s < e && !HeadAtEnd(b, s, e))
        {
            // A title further in: "Home Affairs Minister Malusi Gigaba", "Analyst Luis Vicente Leon", "ex-President Park".
            var firstNonCap = s;
            while (firstNonCap < e && doc.Tokens[b][firstNonCap].Cap) firstNonCap++;
            for (var i = e - 2; i >= s; i--)
            {
                if (i > firstNonCap) continue;
                var w = doc.Span(b, i);
                var tl = TitleAt(b, i, e);
                var isRole = tl == 0 && look.RoleNouns.Contains(w) && i == s;
                var isEx = tl == 0 && (w.StartsWith("ex-") || w.StartsWith("Ex-")) && look.Titles.ContainsKey(w[3..]);
                if (tl == 0 && !isRole && !isEx) continue;
                if (w is "Pope" && i + 2 == e) continue;
                var stop = i + Math.Max(tl, 1);
                if (stop >= e) continue;
                var t = doc.Text(b, s, stop);
                title = title is null ? t : title + " " + t;
                s = stop;
                stripped = true;
                break;
            }
        }
        if (s >= e) return;
        // Strip connectors left at the edges.
        while (s < e && !toks[s].Cap) s++;
        while (e > s && !toks[e - 1].Cap) e--;
        if (s >= e) return;

        // Split "A and B" unless the whole is one organisation ("Peace and Security Council").
        var headAtEnd = HeadAtEnd(b, s, e);
        for (var i = s + 1; i < e - 1; i++)
        {
            var w = doc.Span(b, i);
            if (w.SequenceEqual("and") && !headAtEnd)
            {
                ProcessSpan(b, s, i, depth + 1);
                ProcessSpan(b, i + 1, e, depth + 1);
                return;
            }
        }
        for (var i = s + 1; i < e - 1; i++)
        {
            var w = doc.Span(b, i);
            if (w.SequenceEqual("of") || w.SequenceEqual("for") || w.SequenceEqual("on"))
            {
                // "University of Mainz" stays whole; "Anna Berg of the Central Bank" is a person and an organisation.
                if (ContainsHead(b, s, i)) break;
                ProcessSpan(b, s, i, depth + 1);
                ProcessSpan(b, i + 1, e, depth + 1);
                return;
            }
        }
        // After stripping, the rest may be a lexicon name ("Russian President" stripped off "Vladimir Putin" is not, "German Bundestag" is).
        if (stripped || depth > 0)
        {
            var lexLen = MatchLexicon(b, s, out var entry);
            if (lexLen == e - s) { AddKnown(b, s, e, entry!); return; }
        }
        if (e - s >= 2 && !HeadAtEnd(b, s, e) && !look.GivenNames.ContainsKey(doc.Span(b, s)))
        {
            var lexLen = MatchLexicon(b, s + 1, out var entry);
            if (lexLen == e - s - 1 && entry!.Type == EntityType.Organization) { AddKnown(b, s + 1, e, entry); return; }
        }
        Classify(b, s, e, title, nationality);
    }

    private bool HeadAtEnd(int b, int s, int e)
    {
        var last = doc.Span(b, e - 1);
        return e - s >= 2 && (look.OrgHeads.Contains(last) || look.EventHeads.Contains(last));
    }

    private int DemonymAt(int b, int s, int e, out string country)
    {
        country = "";
        if (s + 1 < e)
        {
            // "South Korean": the two-word key is built on the stack, as this runs for every multi-word name
            ReadOnlySpan<char> w0 = doc.Span(b, s), w1 = doc.Span(b, s + 1);
            Span<char> two = w0.Length + w1.Length < 128 ? stackalloc char[w0.Length + 1 + w1.Length] : new char[w0.Length + 1 + w1.Length];
            w0.CopyTo(two);
            two[w0.Length] = ' ';
            w1.CopyTo(two[(w0.Length + 1)..]);
            if (look.Demonyms.TryGetValue(two, out var c2)) { country = c2; return 2; }
        }
        var w = doc.Span(b, s);
        if (look.Demonyms.TryGetValue(w, out var c1)) { country = c1; return 1; }
        // "Turkish-German": every hyphen part a nationality.
        if (w.Contains('-'))
        {
            foreach (var range in w.Split('-'))
                if (!look.Demonyms.ContainsKey(w[range])) return 0;
            return 1;
        }
        return 0;
    }

    private int TitleAt(int b, int s, int e)
    {
        if (!look.Titles.TryGetValue(doc.Span(b, s), out var seqs)) return 0;
        foreach (var seq in seqs)
        {
            if (s + seq.Length > e) continue;
            var ok = true;
            for (var j = 1; j < seq.Length && ok; j++) ok = doc.Span(b, s + j).SequenceEqual(seq[j]);
            if (ok) return seq.Length;
        }
        return 0;
    }

    private static bool IsAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Length > 10) return false;
        var upper = 0;
        foreach (var c in w)
        {
            if (char.IsUpper(c)) upper++;
            else if (!(char.IsDigit(c) || c is '-' or '&' or '.')) return false;
        }
        return upper >= 2 || (upper == 1 && w.Length >= 2 && char.IsDigit(w[^1]));
    }

    private void Classify(int b, int s, int e, string? title, string? nationality)
    {
        var toks = doc.Tokens[b];
        var len = e - s;
        var first = doc.Span(b, s);
        var last = doc.Span(b, e - 1);
        var prevLower = s > 0 && toks[s - 1].Kind == TokKind.Word && !toks[s - 1].Cap ? doc.Span(b, s - 1) : default;
        var roleNoun = !prevLower.IsEmpty && look.RoleNouns.Contains(prevLower);
        var role = title is not null ? (nationality is { Length: > 0 } && !title.Contains(" of ", StringComparison.Ordinal) ? $"{title} of {nationality}" : title)
            : roleNoun ? prevLower.ToString() : null;
        var speechAfter = e < toks.Count && toks[e].Kind == TokKind.Word && (look.SpeechVerbs.ContainsKey(doc.Span(b, e)) || IsLinkVerbThenSpeech(b, e));
        var personCue = title is not null || roleNoun || look.GivenNames.ContainsKey(first);

        if (len == 1 && look.CommonCaps.Contains(first)) return;
        if ((len == 1 || title is null) && look.Titles.ContainsKey(last) && !look.GivenNames.ContainsKey(first) && (len == 1 || len == 2)) return; // "Executive Secretary": a role
        if (len == 1 && HasInnerCapital(first))
        {
            // MoDem, BioNTech, YouTube: camel-case single words are brands and organisations
            AddTyped(b, s, e, EntityType.Organization, null, false);
            return;
        }
        if (look.EventHeads.Contains(last) && (len >= 2 || last.SequenceEqual("Olympics")))
        {
            AddTyped(b, s, e, EntityType.Event, null, false);
            return;
        }
        if (len >= 2 && (look.LocationHeads.Contains(last) || first is "Lake" or "Mount" or "Mt" or "Cape" or "Isle" or "Gulf") && !HasOrgHead(b, s, e))
        {
            AddTyped(b, s, e, EntityType.Location, null, false); // "Tiananmen Square", "Lake Chad", "Suez Canal"
            return;
        }
        if (len >= 2 && ContainsHead(b, s, e) && HasOrgHead(b, s, e) && !(personCue && look.GivenNames.ContainsKey(first)))
        {
            AddTyped(b, s, e, EntityType.Organization, null, false);
            return;
        }
        if (len == 1 && IsAcronym(first))
        {
            AddTyped(b, s, e, EntityType.Organization, null, false);
            return;
        }
        if (len == 1)
        {
            if (personCue || (speechAfter && !doc.SeenLower(first)))
            {
                AddTyped(b, s, e, EntityType.Person, role, personCue: true);
                return;
            }
            var nextLower = e < toks.Count && toks[e].Kind == TokKind.Word && !toks[e].Cap ? doc.Span(b, e) : default;
            if (nextLower is "family" or "clan" or "brothers" && !doc.SeenLower(first))
            {
                AddTyped(b, s, e, EntityType.Person, null, personCue: true);
                return;
            }
            if ((!prevLower.IsEmpty && look.OrgCueNouns.Contains(prevLower)) || (!nextLower.IsEmpty && look.OrgCueNouns.Contains(nextLower) && !doc.SeenLower(first)))
            {
                AddTyped(b, s, e, EntityType.Organization, null, false, orgCue: true);
                return;
            }
            if (doc.SeenLower(first)) return;
            AddUnknown(b, s, e);
            return;
        }
        // A place inside a multi-word name that is not a person's: "Bayern Munich", "Hertha Berlin" are clubs;
        // "East Jerusalem", "Northern Syria" are places.
        if (!personCue)
        {
            for (var i = s; i < e; i++)
            {
                if (!look.Names.TryGetValue(doc.Span(b, i), out var lexs) || !Array.Exists(lexs, x => x.Tokens.Length == 1 && x.Type == EntityType.Location)) continue;
                var direction = i == s + 1 && first is "North" or "South" or "East" or "West" or "Northern" or "Southern" or "Eastern" or "Western" or "Central" or "Upper" or "Lower" or "Greater";
                AddTyped(b, s, e, direction && len == 2 ? EntityType.Location : EntityType.Organization, null, false);
                return;
            }
        }
        // Several capitalized words with no organisation or event head: a person's name when every word looks like a name.
        var nameLike = true;
        for (var i = s; i < e && nameLike; i++)
        {
            var w = doc.Span(b, i);
            if (!toks[i].Cap) continue;
            if (look.CommonCaps.Contains(w) || look.Demonyms.ContainsKey(w) || look.Keepers.Contains(w)) nameLike = false;
            // "Green Deal", "New Year": a word the article also uses in lower case is not part of a person's name
            else if (!personCue && doc.SeenLower(w)) nameLike = false;
            else if (look.Names.ContainsKey(w) && !look.GivenNames.ContainsKey(w) && i == s && !personCue) nameLike = false;
        }
        if (nameLike && len <= 5)
        {
            AddTyped(b, s, e, EntityType.Person, role, personCue: true);
            return;
        }
        if (personCue && len <= 4)
        {
            AddTyped(b, s, e, EntityType.Person, role, personCue: true);
        }
    }

    private static bool HasInnerCapital(ReadOnlySpan<char> w)
    {
        for (var i = 1; i < w.Length - 1; i++)
            if (char.IsLower(w[i]) && char.IsUpper(w[i + 1])) return !w.Contains('-') && !w.StartsWith("Mc") && !w.StartsWith("Mac");
        return false;
    }

    private bool HasOrgHead(int b, int s, int e)
    {
        for (var i = s; i < e; i++)
            if (look.OrgHeads.Contains(doc.Span(b, i))) return true;
        return false;
    }

    private bool IsLinkVerbThenSpeech(int b, int e)
    {
        var toks = doc.Tokens[b];
        var w = doc.Span(b, e);
        if (!(w is "has" or "had" or "also" or "then" or "later" or "once")) return false;
        return e + 1 < toks.Count && toks[e + 1].Kind == TokKind.Word && look.SpeechVerbs.ContainsKey(doc.Span(b, e + 1));
    }

    private Mention NewMention(int b, int s, int e)
    {
        var m = doc.Scratch.NewMention();
        (m.Block, m.TokStart, m.TokEnd, m.Position) = (b, s, e, ArticleText.Position(b, s));
        m.FirstWord = doc.Text(b, s);
        m.Surface = e - s == 1 ? m.FirstWord : doc.Text(b, s, e);
        m.InQuote = doc.Tokens[b][s].InQuote >= 0;
        return m;
    }

    /// <summary>The mention's token texts, made only for the mentions that give a cluster its words.</summary>
    private string[] Words(Mention m)
    {
        if (m.Words is { } words) return words;
        words = new string[m.WordCount];
        for (var i = 0; i < words.Length; i++) words[i] = doc.Text(m.Block, m.TokStart + i);
        return m.Words = words;
    }

    private void AddKnown(int b, int s, int e, LexEntry entry)
    {
        var m = NewMention(b, s, e);
        m.Kind = MentionKind.Known;
        m.Type = entry.Type;
        m.Canonical = entry.Canonical;
        Mentions.Add(m);
    }

    private void AddTyped(int b, int s, int e, EntityType type, string? role, bool personCue, bool orgCue = false)
    {
        var m = NewMention(b, s, e);
        m.Kind = MentionKind.Typed;
        m.Type = type;
        m.Role = role;
        m.PersonCue = personCue;
        m.OrgCue = orgCue;
        Mentions.Add(m);
    }

    private void AddUnknown(int b, int s, int e)
    {
        var m = NewMention(b, s, e);
        m.Kind = MentionKind.Unknown;
        m.Type = EntityType.Other;
        Mentions.Add(m);
    }

    // ---------------------------------------------------------------- clustering

    internal static string Fold(string s)
    {
        var ascii = true;
        var lower = true;
        foreach (var c in s)
        {
            if (c > 0x7F) { ascii = false; break; }
            if (c is >= 'A' and <= 'Z') lower = false;
        }
        if (ascii) return lower ? s : s.ToLowerInvariant();
        var normalized = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c is '\u2019' or '\u2032' ? '\'' : c is '\u2013' or '\u2010' or '\u2011' ? '-' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Pairwise merging is quadratic; real articles have a few dozen names, so hostile inputs are cut off here.</summary>
    private const int MaxPairwise = 300;

    private void Cluster()
    {
        // One case-insensitive table per type: no key strings to build per mention.
        var byKey = doc.Scratch.ClustersByName;
        Cluster Get(EntityType type, string name, Mention m)
        {
            var table = byKey[(int)type];
            if (!table.TryGetValue(name, out var c))
            {
                c = doc.Scratch.NewCluster();
                (c.Id, c.Type, c.Name, c.Words) = (Clusters.Count, type, name, m.Surface == name ? Words(m) : name.Split(' '));
                Clusters.Add(c);
                table[name] = c;
            }
            Attach(c, m);
            return c;
        }

        // 1. Lexicon names and multi-word typed names.
        foreach (var m in Mentions)
        {
            if (m.Kind == MentionKind.Known) Get(m.Type, m.Canonical!, m);
            else if (m.Kind == MentionKind.Typed && (m.WordCount >= 2 || m.Type == EntityType.Event)) Get(m.Type, m.Surface, m);
        }
        // 2. A person's shorter full form inside a longer one ("Gift Siziba" in "Ostalos Gift Siziba").
        var persons = LongestFirst(EntityType.Person, skipDropped: false);
        foreach (var small in persons)
        {
            if (small.Dropped) continue;
            foreach (var big in persons)
            {
                if (big == small || big.Dropped || big.Words.Length <= small.Words.Length) continue;
                if (ContainsRun(Folded(big), Folded(small))) { Merge(small, big); break; }
            }
        }
        // 3. Acronyms: defined in parentheses after a name, or the initials of an organisation in the article.
        var acronyms = doc.Scratch.Acronyms;
        var byEnd = doc.Scratch.MentionsByEnd;
        foreach (var m in Mentions) if (m.Cluster >= 0) byEnd[ArticleText.Position(m.Block, m.TokEnd)] = m;
        var initials = doc.Scratch.Initials;
        foreach (var c in Clusters)
            if (!c.Dropped && c.Type == EntityType.Organization && c.Words.Length >= 2) initials.TryAdd(Initials(c.Name), c);
        foreach (var m in Mentions)
        {
            if (m.WordCount != 1 || !IsAcronym(m.FirstWord) || m.TokStart < 2 || !doc.Span(m.Block, m.TokStart - 1).SequenceEqual("(")) continue;
            var before = byEnd.GetValueOrDefault(ArticleText.Position(m.Block, m.TokStart - 1));
            if (before is null || Clusters[before.Cluster].Type == EntityType.Person) continue;
            var target = Clusters[before.Cluster];
            if (m.Cluster >= 0 && m.Cluster != target.Id)
            {
                var own = Clusters[m.Cluster];
                if (own.Mentions.TrueForAll(x => x.WordCount == 1)) Merge(own, target);
            }
            else if (m.Cluster < 0) Attach(target, m);
            acronyms.TryAdd(m.FirstWord, target);
        }
        foreach (var m in Mentions)
        {
            if (m.Cluster >= 0 || m.WordCount != 1 || !IsAcronym(m.FirstWord)) continue;
            var word = m.FirstWord;
            var dash = word.IndexOf('-');
            var baseWord = dash > 1 ? word[..dash] : word;
            var target = acronyms.GetValueOrDefault(word) ?? acronyms.GetValueOrDefault(baseWord)
                ?? initials.GetValueOrDefault(word) ?? initials.GetValueOrDefault(baseWord);
            if (target is not null && target.Dropped) target = null;
            if (target is not null) Attach(target, m);
        }
        // 3b. An organisation named in full and by a shorter tail ("Movement for Democratic Change" in "Zimbabwe Movement …").
        var orgs0 = LongestFirst(EntityType.Organization, skipDropped: true);
        foreach (var small in orgs0)
        {
            if (small.Dropped || small.Words.Length < 2) continue;
            foreach (var big in orgs0)
            {
                if (big == small || big.Dropped || big.Words.Length < small.Words.Length) continue;
                if ((big.Words.Length > small.Words.Length && EndsWithRun(Folded(big), Folded(small))) || (big.Id < small.Id && (big.Stem ??= OrgStem(big.Name)) == (small.Stem ??= OrgStem(small.Name))))
                { Merge(small, big); break; }
            }
        }
        // 4. Single words: a surname or given name of a person named in full, else a word of an organisation's name.
        foreach (var c in Clusters)
        {
            if (c.Dropped || c.Words.Length < 2 || c.Type is not (EntityType.Person or EntityType.Organization)) continue;
            foreach (var w in Folded(c))
            {
                if (!wordIndex.TryGetValue(w, out var list)) wordIndex[w] = list = doc.Scratch.ClusterList();
                if (list.Count < 8 && (list.Count == 0 || list[^1] != c)) list.Add(c);
            }
        }
        foreach (var m in Mentions)
        {
            if (m.Cluster >= 0) continue;
            if (m.WordCount != 1 && m.Kind != MentionKind.Unknown) { Get(m.Type, m.Surface, m); continue; }
            var word = FoldWord(m.FirstWord);
            var person = BestPerson(word, m.Position);
            if (person is not null && (m.Type is EntityType.Person or EntityType.Other || m.Kind == MentionKind.Unknown || IsAcronym(m.FirstWord) == false))
            {
                Attach(person, m);
                person.Role ??= m.Role;
                continue;
            }
            if (m.Kind == MentionKind.Typed)
            {
                if (m.Type == EntityType.Organization || m.Type == EntityType.Person) { Get(m.Type, m.Surface, m); continue; }
            }
            var org = wordIndex.TryGetValue(word, out var cands) ? SingleOrganization(cands) : null;
            if (org is not null && !look.OrgHeads.Contains(m.FirstWord)) { Attach(org, m); continue; }
            if (m.Kind == MentionKind.Typed) Get(m.Type, m.Surface, m);
        }
        // 5. Unknown single words that recur with person evidence elsewhere became persons above; the rest is dropped.
        foreach (var c in Clusters)
        {
            if (c.Dropped) continue;
            if (c.Type == EntityType.Person)
            {
                var longest = Longest(c.Mentions, acronymsLast: false);
                c.Name = longest.Surface;
                c.Words = Words(longest);
                c.Gender = lex.GivenNames.TryGetValue(c.Words[0], out var g) ? g : 'u';
                c.Role ??= c.Mentions.Find(x => x.Role is not null)?.Role;
            }
            else if (c.Mentions.TrueForAll(x => x.Kind != MentionKind.Known))
            {
                var longest = Longest(c.Mentions, acronymsLast: true);
                c.Name = longest.Surface;
                c.Words = Words(longest);
                // "US Court of Appeals …" -> "United States Court of Appeals …": the country by its canonical name.
                if (c.Type == EntityType.Organization && c.Words.Length >= 3 && look.Names.TryGetValue(c.Words[0], out var lead)
                    && Array.Find(lead, x => x.Tokens.Length == 1 && x.Type == EntityType.Location) is { } country && lex.Countries.Contains(country.Canonical) && country.Canonical != c.Words[0])
                {
                    c.Name = country.Canonical + c.Name[c.Words[0].Length..];
                    c.Words = c.Name.Split(' ');
                }
            }
        }
    }

    /// <summary>The mention with the most words (acronyms count as none when asked), earliest on ties.</summary>
    private static Mention Longest(List<Mention> mentions, bool acronymsLast)
    {
        Mention best = mentions[0];
        var bestLen = -1;
        foreach (var m in mentions)
        {
            var len = acronymsLast && IsAcronym(m.Surface) ? 0 : m.WordCount;
            if (len > bestLen || (len == bestLen && m.Position < best.Position)) { best = m; bestLen = len; }
        }
        return best;
    }

    /// <summary>Folded word -> the multi-word persons and organisations that have it (at most 8).</summary>
    private readonly Dictionary<string, List<Cluster>> wordIndex = doc.Scratch.ClustersByWord;

    /// <summary>The clusters of a type, most words first (ties in article order, as a stable sort), at most <see cref="MaxPairwise"/>.</summary>
    private List<Cluster> LongestFirst(EntityType type, bool skipDropped)
    {
        var list = doc.Scratch.Pairwise;
        list.Clear();
        foreach (var c in Clusters)
            if (c.Type == type && !(skipDropped && c.Dropped)) list.Add(c);
        // List.Sort is not stable: ties go by Id, which is the order clusters were added in.
        list.Sort(static (a, b) => a.Words.Length != b.Words.Length ? b.Words.Length.CompareTo(a.Words.Length) : a.Id.CompareTo(b.Id));
        if (list.Count > MaxPairwise) list.RemoveRange(MaxPairwise, list.Count - MaxPairwise);
        return list;
    }

    /// <summary>The only live organisation among the candidates, or null when there is none or more than one.</summary>
    private static Cluster? SingleOrganization(List<Cluster> candidates)
    {
        Cluster? found = null;
        foreach (var c in candidates)
        {
            if (c.Dropped || c.Type != EntityType.Organization) continue;
            if (found is not null) return null;
            found = c;
        }
        return found;
    }

    /// <summary>The cluster's name words case- and accent-folded (computed once).</summary>
    private string[] Folded(Cluster c)
    {
        if (c.Folded is { } folded) return folded;
        folded = new string[c.Words.Length];
        for (var i = 0; i < folded.Length; i++) folded[i] = FoldWord(c.Words[i]);
        return c.Folded = folded;
    }

    /// <summary>As <see cref="Fold"/>; ASCII is lowered on the stack and the result kept in the article's string table.</summary>
    private string FoldWord(string s)
    {
        if (s.Length > 256 || !System.Text.Ascii.IsValid(s)) return Fold(s);
        Span<char> lower = stackalloc char[s.Length];
        System.Text.Ascii.ToLower(s, lower, out _);
        return lower.SequenceEqual(s) ? s : doc.Scratch.String(lower);
    }

    private Cluster? BestPerson(string foldedWord, long position)
    {
        Cluster? best = null;
        (int, long) bestScore = (int.MinValue, long.MinValue);
        if (!wordIndex.TryGetValue(foldedWord, out var candidates)) return null;
        foreach (var c in candidates)
        {
            if (c.Dropped || c.Type != EntityType.Person || c.Words.Length < 2 || c.Mentions.Count == 0) continue;
            // A surname match beats a given-name match; then the nearest preceding mention, else the earliest following one.
            var positions = c.Positions ??= SortedPositions(c.Mentions);
            var i = Array.BinarySearch(positions, position);
            if (i < 0) i = ~i - 1;
            var near = i >= 0 ? positions[i] : -positions[0];
            var score = (Folded(c)[^1] == foldedWord ? 1 : 0, near);
            if (score.CompareTo(bestScore) > 0) { bestScore = score; best = c; }
        }
        return best;
    }

    private static long[] SortedPositions(List<Mention> mentions)
    {
        var positions = new long[mentions.Count];
        for (var i = 0; i < positions.Length; i++) positions[i] = mentions[i].Position;
        Array.Sort(positions);
        return positions;
    }

    private static bool EndsWithRun(string[] big, string[] small)
    {
        for (var j = 1; j <= small.Length; j++)
            if (big[^j] != small[^j]) return false;
        return true;
    }

    /// <summary>"Social Democrat Party" and "Social Democratic Party", "Students' Union" and "Students Union".</summary>
    private string OrgStem(string name)
    {
        var folded = FoldWord(name).AsSpan();
        // Each word without apostrophes, less "-ic" or a plural "-s", then a space: at most one char longer than the name.
        Span<char> stem = folded.Length < 256 ? stackalloc char[folded.Length + 1] : new char[folded.Length + 1];
        var n = 0;
        foreach (var range in folded.Split(' '))
        {
            var start = n;
            foreach (var ch in folded[range])
                if (ch != '\'') stem[n++] = ch;
            var w = stem[start..n];
            if (w.IsEmpty) continue;
            if (w.EndsWith("ic")) n -= 2;
            else if (w[^1] == 's' && w.Length > 3) n--;
            stem[n++] = ' ';
        }
        return doc.Scratch.String(stem[..n]);
    }

    private static bool ContainsRun(string[] big, string[] small)
    {
        for (var i = 0; i + small.Length <= big.Length; i++)
        {
            var ok = true;
            for (var j = 0; j < small.Length && ok; j++) ok = big[i + j] == small[j];
            if (ok) return true;
        }
        return false;
    }

    private string Initials(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 64)];
        var n = 0;
        for (var i = 0; i < name.Length && n < buffer.Length; i++)
            if (char.IsUpper(name[i]) && (i == 0 || name[i - 1] is ' ' or '-')) buffer[n++] = name[i];
        return doc.Scratch.String(buffer[..n]);
    }

    private static void Attach(Cluster c, Mention m)
    {
        m.Cluster = c.Id;
        c.Mentions.Add(m);
        if (m.Role is not null && c.Role is null) c.Role = m.Role;
    }

    private static void Merge(Cluster from, Cluster into)
    {
        foreach (var m in from.Mentions) { m.Cluster = into.Id; into.Mentions.Add(m); }
        from.Mentions.Clear();
        from.Dropped = true;
        into.Role ??= from.Role;
    }
}

/// <summary>Span-keyed views of the lexicon, so lookups do not allocate strings.</summary>
internal sealed class FrozenLookups
{
    private static readonly ConditionalWeakTable<Lexicon, FrozenLookups> Cache = new();

    public required System.Collections.Frozen.FrozenDictionary<string, LexEntry[]>.AlternateLookup<ReadOnlySpan<char>> Names { get; init; }
    public required System.Collections.Frozen.FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Demonyms { get; init; }
    public required System.Collections.Frozen.FrozenDictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> Titles { get; init; }
    public required System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleNouns { get; init; }
    public required System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrgHeads { get; init; }
    public required System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EventHeads { get; init; }
    public required System.Collections.Frozen.FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> GivenNames { get; init; }
    public required System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonCaps { get; init; }
    public required System.Collections.Frozen.FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs { get; init; }
    public required System.Collections.Frozen.FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbsDe { get; init; }
    public required System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Keepers { get; init; }
    public required System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrgCueNouns { get; init; }
    public required System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LocationHeads { get; init; }

    /// <summary>(first char, length) of lexicon names that start with a lower-case word.</summary>
    private bool[] lowerStarts = [];

    public bool MayStartLowerName(char first, int length) => first < 128 && length < 32 ? lowerStarts[first * 32 + length] : true;

    public static FrozenLookups For(Lexicon lex) => Cache.GetValue(lex, static l => Build(l));

    private static FrozenLookups Build(Lexicon l)
    {
        var table = new bool[128 * 32];
        foreach (var key in l.Names.Keys)
            if (key.Length > 0 && !char.IsUpper(key[0]) && key[0] < 128 && key.Length < 32) table[key[0] * 32 + key.Length] = true;
        var built = BuildCore(l);
        built.lowerStarts = table;
        return built;
    }

    private static FrozenLookups BuildCore(Lexicon l) => new()
    {
        Names = l.Names.GetAlternateLookup<ReadOnlySpan<char>>(),
        Demonyms = l.Demonyms.GetAlternateLookup<ReadOnlySpan<char>>(),
        Titles = l.Titles.GetAlternateLookup<ReadOnlySpan<char>>(),
        RoleNouns = l.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>(),
        OrgHeads = l.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>(),
        EventHeads = l.EventHeads.GetAlternateLookup<ReadOnlySpan<char>>(),
        GivenNames = l.GivenNames.GetAlternateLookup<ReadOnlySpan<char>>(),
        CommonCaps = l.CommonCaps.GetAlternateLookup<ReadOnlySpan<char>>(),
        SpeechVerbs = l.SpeechVerbsEn.GetAlternateLookup<ReadOnlySpan<char>>(),
        SpeechVerbsDe = l.SpeechVerbsDe.GetAlternateLookup<ReadOnlySpan<char>>(),
        Keepers = KeeperWords.GetAlternateLookup<ReadOnlySpan<char>>(),
        OrgCueNouns = OrgCues.GetAlternateLookup<ReadOnlySpan<char>>(),
        LocationHeads = LocHeads.GetAlternateLookup<ReadOnlySpan<char>>(),
    };

    /// <summary>Last words that make a capitalized name a place.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> LocHeads = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["Square", "Street", "Avenue", "Boulevard", "Bridge", "Airport", "Station", "Cathedral", "Basilica", "Mosque", "Park", "River", "Lake",
         "Mountain", "Mountains", "Island", "Islands", "Valley", "Bay", "Sea", "Ocean", "Strait", "Canal", "Desert", "Peninsula", "Coast",
         "Province", "Region", "County", "District", "Oblast", "Gate", "Wall", "Stadium", "Arena"], StringComparer.Ordinal);

    /// <summary>Words that keep "X of Y" together as one name ("University of Mainz", "Republic of Korea").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> KeeperWords = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["Republic", "Kingdom", "States", "Museum", "Sea", "Gulf", "Bay", "Isle", "Islands", "Cape", "Mount", "Lake", "Appeals", "Plan", "Day",
         "Minister", "Ministry", "Secretary", "Bank", "University", "Office", "Department", "Court", "House", "Palace", "Square", "Street",
         "Principle", "Treaty", "Act", "Law", "Agreement", "Accord", "Declaration", "Convention", "Protocol", "Doctrine", "Strait", "Straits"],
        StringComparer.Ordinal);

    /// <summary>Lower-case nouns right before a single capitalized word that make it an organisation ("news agency Xinhua").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> OrgCues = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["agency", "company", "firm", "ally", "partner", "group", "broadcaster", "newspaper", "daily", "weekly", "bank", "carmaker", "automaker", "giant", "maker",
         "manufacturer", "channel", "network", "station", "magazine", "website", "outlet", "party", "organization", "organisation", "insurer",
         "retailer", "airline", "conglomerate", "institute", "tabloid", "portal", "startup", "lender", "broker", "brokerage", "operator", "club", "movement"],
        StringComparer.Ordinal);
}
