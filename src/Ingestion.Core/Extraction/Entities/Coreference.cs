using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Merges the mentions of one real-world thing into one cluster, in named passes that run in order; each pass joins
/// what the passes before it left apart. Tables and lists come from the article's scratch.
/// </summary>
internal sealed class Coreference(ArticleText doc, LanguageProfile profile, List<Mention> mentions, List<Cluster> clusters)
{
    /// <summary>Pairwise merging is quadratic; real articles have a few dozen names, so hostile inputs are cut off here.</summary>
    private const int MaxPairwise = 300;

    /// <summary>The passes, in the order they run.</summary>
    public static readonly (string Name, Action<Coreference> Run)[] Passes =
    [
        ("known and multi-word names", c => c.KnownAndMultiWordNames()),
        ("shorter full name of a person", c => c.ShorterFullNames()),
        ("a person's name misspelt", c => c.MisspeltPersonNames()),
        ("acronyms", c => c.Acronyms()),
        ("organisation named by its tail", c => c.OrganizationTails()),
        ("event named in its variants", c => c.EventVariants()),
        ("a place by the first word of its name", c => c.PlaceByFirstWord()),
        ("single words", c => c.SingleWords()),
    ];

    /// <summary>One case-insensitive name table per <see cref="EntityType"/>: no key strings to build per mention.</summary>
    private readonly Dictionary<string, Cluster>[] byName = doc.Scratch.ClustersByName;
    /// <summary>Folded word -> the multi-word persons and organisations that have it (at most 8).</summary>
    private readonly Dictionary<string, List<Cluster>> wordIndex = doc.Scratch.ClustersByWord;

    public void Run()
    {
        foreach (var pass in Passes) pass.Run(this);
    }

    /// <summary>Lexicon names under their canonical name; multi-word typed names and events under their surface.</summary>
    private void KnownAndMultiWordNames()
    {
        foreach (var m in mentions)
        {
            if (m.Kind == MentionKind.Known) Get(m.Type, m.Canonical!, m);
            else if (m.Kind == MentionKind.Typed && (m.WordCount >= 2 || m.Type == EntityType.Event)) Get(m.Type, m.Surface, m);
        }
    }

    /// <summary>A person's shorter full form inside a longer one ("Gift Siziba" in "Ostalos Gift Siziba").</summary>
    private void ShorterFullNames()
    {
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
    }

    /// <summary>
    /// "Mahmud Abbas" and "Mahmoud Abbas", "Sebastisn Vettel" and "Sebastian Vettel": two persons whose names differ by a
    /// letter or two in a word of five letters or more are one person misspelt (articles spell a name one way and then
    /// slip; two people so alike in one article are rare).
    /// </summary>
    private void MisspeltPersonNames()
    {
        var persons = LongestFirst(EntityType.Person, skipDropped: true);
        foreach (var small in persons)
        {
            if (small.Dropped) continue;
            foreach (var big in persons)
            {
                if (big == small || big.Dropped || big.Words.Length < small.Words.Length || (big.Words.Length == small.Words.Length && big.Id > small.Id)) continue;
                if (SameNameMisspelt(Folded(big), Folded(small))) { Merge(small, big); break; }
            }
        }
    }

    /// <summary>The small name's words are the big name's last words, equal but for one misspelt word.</summary>
    private static bool SameNameMisspelt(string[] big, string[] small)
    {
        if (small.Length == 0) return false;
        var misspelt = 0;
        for (var j = 1; j <= small.Length; j++)
        {
            string a = big[^j], b = small[^j];
            if (a == b) continue;
            if (++misspelt > 1 || a.Length < 5 || b.Length < 5 || Distance(a, b) > (a.Length >= 8 ? 2 : 1)) return false;
        }
        return misspelt == 1;
    }

    /// <summary>Optimal string alignment distance (edits and swaps of neighbours) of two words, 3 when it is more.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2 || a.Length > 40 || b.Length > 40 || a[0] != b[0]) return 3;
        // three rows of the table, on the stack
        Span<int> rows = stackalloc int[3 * (b.Length + 1)];
        Span<int> older = rows[..(b.Length + 1)], prev = rows[(b.Length + 1)..(2 * (b.Length + 1))], cur = rows[(2 * (b.Length + 1))..];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = Math.Min(cur[j], older[j - 2] + 1);
            }
            var t = older; older = prev; prev = cur; cur = t;
        }
        return prev[b.Length];
    }

    /// <summary>Acronyms: defined in parentheses after a name, or the initials of an organisation in the article.</summary>
    private void Acronyms()
    {
        var acronyms = doc.Scratch.Acronyms;
        var byEnd = doc.Scratch.MentionsByEnd;
        foreach (var m in mentions) if (m.Cluster >= 0) byEnd[ArticleText.Position(m.Block, m.TokEnd)] = m;
        var initials = doc.Scratch.Initials;
        foreach (var c in clusters)
        {
            if (c.Dropped || c.Type != EntityType.Organization || c.Words.Length < 2) continue;
            initials.TryAdd(Initials(c.Name), c);
            // "BoJ" for "Bank of Japan": the initials with the small words in, as such acronyms keep them
            initials.TryAdd(InitialsWithConnectors(c.Words), c);
        }
        foreach (var m in mentions)
        {
            if (m.WordCount != 1 || !NameShapes.IsAcronym(m.FirstWord) || m.TokStart < 2 || !doc.Span(m.Block, m.TokStart - 1).SequenceEqual("(")) continue;
            var before = byEnd.GetValueOrDefault(ArticleText.Position(m.Block, m.TokStart - 1));
            if (before is null || clusters[before.Cluster].Type == EntityType.Person) continue;
            var target = clusters[before.Cluster];
            if (m.Cluster >= 0 && m.Cluster != target.Id)
            {
                var own = clusters[m.Cluster];
                if (own.Mentions.TrueForAll(x => x.WordCount == 1)) Merge(own, target);
            }
            else if (m.Cluster < 0) Attach(target, m);
            acronyms.TryAdd(m.FirstWord, target);
        }
        // "NSA" from the lexicon and "National Security Agency" typed from its heads are one agency
        foreach (var c in clusters)
        {
            if (c.Dropped || c.Type != EntityType.Organization || !c.Mentions.TrueForAll(x => x.WordCount == 1 && NameShapes.IsAcronym(x.FirstWord))) continue;
            if (initials.GetValueOrDefault(c.Mentions[0].FirstWord) is { Dropped: false } full && full != c) Merge(c, full);
        }
        foreach (var m in mentions)
        {
            if (m.Cluster >= 0 || m.WordCount != 1 || !NameShapes.IsAcronym(m.FirstWord)) continue;
            var word = m.FirstWord;
            var dash = word.IndexOf('-');
            var baseWord = dash > 1 ? word[..dash] : word;
            var target = acronyms.GetValueOrDefault(word) ?? acronyms.GetValueOrDefault(baseWord)
                ?? initials.GetValueOrDefault(word) ?? initials.GetValueOrDefault(baseWord);
            if (target is not null && target.Dropped) target = null;
            if (target is not null) Attach(target, m);
        }
    }

    /// <summary>An organisation named in full and by a shorter tail ("Movement for Democratic Change" in "Zimbabwe Movement …").</summary>
    private void OrganizationTails()
    {
        var orgs = LongestFirst(EntityType.Organization, skipDropped: true);
        foreach (var small in orgs)
        {
            if (small.Dropped || small.Words.Length < 2) continue;
            foreach (var big in orgs)
            {
                if (big == small || big.Dropped || big.Words.Length < small.Words.Length) continue;
                if ((big.Words.Length > small.Words.Length && EndsWithRun(Folded(big), Folded(small))) || (big.Id < small.Id && (big.Stem ??= OrgStem(big.Name)) == (small.Stem ??= OrgStem(small.Name)))
                    || MembersOf(small, big))
                { Merge(small, big); break; }
            }
        }
    }

    /// <summary>"Social Democrats" and "Social Democratic Party", "Christian Democrats" and "Christian Democratic Union": a body's members by its name.</summary>
    private bool MembersOf(Cluster members, Cluster body)
    {
        if (body.Words.Length != members.Words.Length + 1 || !profile.OrgHeads.Contains(body.Words[^1]) || members.Name[^1] != 's') return false;
        var stem = members.Stem ??= OrgStem(members.Name);
        return (body.Stem ??= OrgStem(body.Name)).StartsWith(stem, StringComparison.Ordinal);
    }

    /// <summary>
    /// "Winter Olympics", "Winter Olympic Games" and "Olympics" are one event: names alike once generic event words
    /// ("Games") and endings go, one the tail of the other.
    /// </summary>
    private void EventVariants()
    {
        var events = LongestFirst(EntityType.Event, skipDropped: true);
        foreach (var small in events)
        {
            if (small.Dropped) continue;
            var s = EventStem(small);
            if (s.Length == 0) continue;
            foreach (var big in events)
            {
                if (big == small || big.Dropped) continue;
                var bs = EventStem(big);
                var same = bs.Length == s.Length && EndsWithRun(bs, s);
                if ((bs.Length > s.Length && EndsWithRun(bs, s)) || (same && big.Id < small.Id)) { Merge(small, big); break; }
            }
        }
    }

    /// <summary>
    /// "Rio" for "Rio de Janeiro", "Golan" for "Golan Heights", "Mediterranean" for "Mediterranean Sea": a one-word place
    /// that starts a longer place named by a feature head or a particle is that place ("Berlin" and "Berlin Wall" are not).
    /// </summary>
    private void PlaceByFirstWord()
    {
        var places = LongestFirst(EntityType.Location, skipDropped: true);
        foreach (var small in places)
        {
            if (small.Dropped || small.Words.Length != 1) continue;
            foreach (var big in places)
            {
                if (big == small || big.Dropped || big.Words.Length < 2 || big.Words[0] != small.Words[0]) continue;
                var second = big.Words[1];
                if (profile.FeatureHeads.Contains(big.Words[^1]) && big.Words.Length == 2 || profile.NameParticles.Contains(second)) { Merge(small, big); break; }
            }
        }
    }

    /// <summary>An event's name words folded, without the generic event words and plural or adjective endings.</summary>
    private string[] EventStem(Cluster c)
    {
        var words = new List<string>(c.Words.Length);
        foreach (var w in Folded(c))
        {
            if (profile.GenericEventWords.Contains(w)) continue;
            var t = w.EndsWith('s') && w.Length > 3 ? w[..^1] : w;
            if (t.EndsWith("ic", StringComparison.Ordinal) && t.Length > 4) t = t[..^2];
            words.Add(t);
        }
        return [.. words];
    }

    /// <summary>Single words: a surname or given name of a person named in full, else a word of an organisation's name.</summary>
    private void SingleWords()
    {
        foreach (var c in clusters)
        {
            if (c.Dropped || c.Words.Length < 2 || c.Type is not (EntityType.Person or EntityType.Organization)) continue;
            foreach (var w in Folded(c))
            {
                Index(w, c);
                // "al-Assad" is also "Assad"
                if (WithoutParticle(w) is { } bare) Index(bare, c);
            }
        }
        foreach (var m in mentions)
        {
            if (m.Cluster >= 0) continue;
            if (m.WordCount != 1 && m.Kind != MentionKind.Unknown) { Get(m.Type, m.Surface, m); continue; }
            var word = doc.FoldWord(m.FirstWord);
            var person = BestPerson(word, m.Position) ?? (m.Type == EntityType.Person && m.Kind == MentionKind.Typed ? MisspeltSurnameOf(word) : null);
            if (person is not null && (m.Type is EntityType.Person or EntityType.Other || m.Kind == MentionKind.Unknown || !NameShapes.IsAcronym(m.FirstWord)))
            {
                Attach(person, m);
                person.Role ??= m.Role;
                continue;
            }
            // "Dortmund" for "Borussia Dortmund": a word of the one organisation that has it
            var org = wordIndex.TryGetValue(word, out var cands) ? SingleOrganization(cands) : null;
            if (org is not null && !profile.OrgHeads.Contains(m.FirstWord) && m.Type is EntityType.Organization or EntityType.Other) { Attach(org, m); continue; }
            if (m.Kind == MentionKind.Typed)
            {
                if (m.Type == EntityType.Organization || m.Type == EntityType.Person) { Get(m.Type, m.Surface, m); continue; }
            }
            if (org is not null && !profile.OrgHeads.Contains(m.FirstWord)) { Attach(org, m); continue; }
            if (m.Kind == MentionKind.Typed) Get(m.Type, m.Surface, m);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void Index(string word, Cluster c)
    {
        if (!wordIndex.TryGetValue(word, out var list)) wordIndex[word] = list = doc.Scratch.ClusterList();
        if (list.Count < 8 && (list.Count == 0 || list[^1] != c)) list.Add(c);
    }

    /// <summary>The word after a name particle joined by a hyphen ("al-assad" -> "assad"), or null.</summary>
    private string? WithoutParticle(string folded)
    {
        var dash = folded.IndexOf('-');
        return dash > 0 && dash + 1 < folded.Length && profile.NameParticles.Contains(folded.AsSpan(0, dash)) ? doc.Scratch.String(folded.AsSpan(dash + 1)) : null;
    }

    private Cluster Get(EntityType type, string name, Mention m)
    {
        var table = byName[(int)type];
        if (!table.TryGetValue(name, out var c))
        {
            c = doc.Scratch.NewCluster();
            (c.Id, c.Type, c.Name, c.Words) = (clusters.Count, type, name, m.Surface == name ? doc.WordsOf(m) : name.Split(' '));
            clusters.Add(c);
            table[name] = c;
        }
        Attach(c, m);
        return c;
    }

    /// <summary>The clusters of a type, most words first (ties in article order, as a stable sort), at most <see cref="MaxPairwise"/>.</summary>
    private List<Cluster> LongestFirst(EntityType type, bool skipDropped)
    {
        var list = doc.Scratch.Pairwise;
        list.Clear();
        foreach (var c in clusters)
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

    /// <summary>The cluster's name words case- and accent-folded, without an initial's full stop ("George W. Bush") (computed once).</summary>
    private string[] Folded(Cluster c)
    {
        if (c.Folded is { } folded) return folded;
        var n = 0;
        foreach (var w in c.Words) if (w != ".") n++;
        folded = new string[n];
        n = 0;
        foreach (var w in c.Words) if (w != ".") folded[n++] = doc.FoldWord(w);
        return c.Folded = folded;
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
            var surname = Folded(c)[^1];
            var score = (surname == foldedWord || WithoutParticle(surname) == foldedWord ? 1 : 0, near);
            if (score.CompareTo(bestScore) > 0) { bestScore = score; best = c; }
        }
        return best;
    }

    /// <summary>"Largarde" for "Christine Lagarde": a lone person's word one slip from the surname of exactly one person named in full.</summary>
    private Cluster? MisspeltSurnameOf(string word)
    {
        Cluster? found = null;
        string[] lone = [word];
        foreach (var c in clusters)
        {
            if (c.Dropped || c.Type != EntityType.Person || c.Words.Length < 2 || !SameNameMisspelt(Folded(c), lone)) continue;
            if (found is not null) return null;
            found = c;
        }
        return found;
    }

    private static long[] SortedPositions(List<Mention> list)
    {
        var positions = new long[list.Count];
        for (var i = 0; i < positions.Length; i++) positions[i] = list[i].Position;
        Array.Sort(positions);
        return positions;
    }

    private static bool EndsWithRun(string[] big, string[] small)
    {
        for (var j = 1; j <= small.Length; j++)
            if (big[^j] != small[^j]) return false;
        return true;
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

    /// <summary>"Social Democrat Party" and "Social Democratic Party", "Students' Union" and "Students Union".</summary>
    private string OrgStem(string name)
    {
        var folded = doc.FoldWord(name).AsSpan();
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

    private string InitialsWithConnectors(string[] words)
    {
        Span<char> buffer = stackalloc char[Math.Min(words.Length, 64)];
        var n = 0;
        foreach (var w in words)
            if (w.Length > 0 && char.IsLetter(w[0]) && n < buffer.Length) buffer[n++] = w[0];
        return doc.Scratch.String(buffer[..n]);
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
