namespace Ingestion.Core.Extraction;

/// <summary>
/// Finds where names are: lexicon entries and runs of capitalised words (with the particles and prepositions names
/// contain), split where one run holds several names ("A and B", "X of the Y"), with leading titles and nationality
/// adjectives taken off as role evidence. What is left of each span goes to the <see cref="MentionTyper"/>.
/// </summary>
internal sealed class SpanScanner(ArticleText doc, LanguageProfile profile, MentionSink sink, MentionTyper typer)
{
    /// <summary>No name is longer; bounds the work on runs of capitals (headline case, hostile input).</summary>
    private const int MaxNameTokens = 14;

    private readonly Gazetteer world = profile.World;

    public void ScanAll()
    {
        // a language that capitalises every noun has a scanner of its own, which asks this one about the lexicon
        if (profile.NounsCapitalized) { new CapitalizedNounScanner(doc, profile, sink, this).ScanAll(); return; }
        for (var b = 0; b < doc.Blocks.Length; b++) ScanBlock(b);
    }

    private bool IsWord(int b, int k, WordSet words) => doc.Tokens[b][k].Kind == TokKind.Word && words.Contains(doc.Span(b, k));

    public bool IsCapWord(int b, int k)
    {
        var t = doc.Tokens[b][k];
        return t.Kind == TokKind.Word && t.Cap;
    }

    /// <summary>Lower-case words that may sit inside a name: particles, prepositions, "and", "the".</summary>
    private bool IsConnector(ReadOnlySpan<char> w) =>
        profile.NameParticles.Contains(w) || profile.ComplementPrepositions.Contains(w) || profile.TopicPrepositions.Contains(w)
        || profile.Coordinators.Contains(w) || profile.DefiniteArticles.Contains(w);

    /// <summary>A capital at sentence start or in a headline is only a name when the word is not an ordinary word.</summary>
    private bool CanStartName(int b, int k)
    {
        var t = doc.Tokens[b][k];
        if (t.Kind != TokKind.Word || !t.Cap) return false;
        var w = doc.Span(b, k);
        if (profile.CommonCaps.Contains(w))
            return (profile.Ordinals.Contains(w) && OrdinalOfEvent(b, k))
                // "New England", "New Brunswick": a place the reference data knows by the two words ("The Gambia" keeps
                // its article out, as the lexicon names it)
                || (k + 1 < doc.Tokens[b].Count && IsCapWord(b, k + 1) && !LanguageProfile.InLowerCase(w, profile.DefiniteArticles) && world.Kinds.TryGetValue(doc.Span(b, k, k + 2), out var kinds) && (kinds & NameKinds.Location) != 0)
                || (profile.ForeignArticles.Contains(w) && !CapitalSaysNothing(b, k) && k + 1 < doc.Tokens[b].Count && IsCapWord(b, k + 1));
        if (!CapitalSaysNothing(b, k)) return true;
        if (world.Names.ContainsKey(w) || profile.GivenNameCues.Contains(w) || profile.Titles.ContainsKey(w) || profile.Demonyms.ContainsKey(w)) return true;
        if (NameShapes.IsAcronym(w)) return true;
        return !doc.SeenLower(w);
    }

    /// <summary>"Second World War", "Third Reich": an ordinal starts the name of the event it numbers.</summary>
    private bool OrdinalOfEvent(int b, int k)
    {
        if (k + 1 >= doc.Tokens[b].Count || !IsCapWord(b, k + 1)) return false;
        var e = CapitalizedRunEnd(b, k + 1);
        return profile.EventHeads.Contains(doc.Span(b, e - 1));
    }

    /// <summary>
    /// "Stuttgart beat Nuremberg 2-1": in a sports story a city named without "in", "at" or "from" before it is its club.
    /// Countries stay places (national teams are rarer than the countries in match reports).
    /// </summary>
    public bool IsClubByItsCity(int b, int k)
    {
        if (!doc.IsAboutSport(profile)) return false;
        // cities, and regions no dictionary knows as a place ("Bayern"; not "England", "Asia", "Europe" or a country)
        if (!world.Kinds.TryGetValue(doc.Span(b, k), out var kinds) || world.Countries.Contains(doc.Span(b, k))) return false;
        if ((kinds & NameKinds.City) == 0 && ((kinds & NameKinds.Region) == 0 || (kinds & NameKinds.Location) != 0)) return false;
        return k == 0 || doc.Tokens[b][k - 1].Kind != TokKind.Word || !profile.LocativePrepositions.Contains(doc.Span(b, k - 1));
    }

    /// <summary>
    /// "Bayer Leverkusen", "Hertha Berlin", "Ajax Amsterdam": in a sports story a known organisation followed by the city
    /// it plays in, and nothing more, is one club.
    /// </summary>
    private bool ClubWithItsCity(int b, int k, int lexLen, int e, LexEntry entry)
    {
        if (entry.Type != Model.EntityType.Organization || !doc.IsAboutSport(profile)) return false;
        var city = doc.Span(b, k + lexLen, e);
        return world.Kinds.TryGetValue(city, out var kinds) && (kinds & NameKinds.City) != 0;
    }

    /// <summary>At a sentence start, in a headline or after an opening quote, a capital says nothing about a name.</summary>
    public bool CapitalSaysNothing(int b, int k) =>
        doc.Tokens[b][k].SentStart || doc.Headline[b] || (k > 0 && doc.Tokens[b][k - 1].Kind == TokKind.Quote && (k == 1 || doc.Tokens[b][k - 2].Kind == TokKind.Punct));

    /// <summary>
    /// "Physicist Rolf-Dieter Heuer", "Following Mubarak's ouster", "Total World Bank support": an ordinary word
    /// capitalised only because it starts the sentence is no part of the name after it. Kept when the whole span is a
    /// known name or ends in an organisation head, unless what follows the word is itself a lexicon name.
    /// </summary>
    private bool StartsWithSentenceWord(int b, int s, int e)
    {
        if (e - s < 2 || !CapitalSaysNothing(b, s)) return false;
        var w = doc.Span(b, s);
        if (!profile.IsCommonWord(w) || world.GivenNames.ContainsKey(w) || IsNameHead(w)) return false;
        if (world.Kinds.ContainsKey(doc.Span(b, s, e)) || !doc.Tokens[b][s + 1].Cap) return false;
        if (MatchLexicon(b, s + 1, out _) == e - s - 1) return true;
        return !HeadAtEnd(b, s, e);
    }

    /// <summary>Words that head a name themselves ("Ministry of Justice", "North Waziristan", "Lake Chad").</summary>
    private bool IsNameHead(ReadOnlySpan<char> w) =>
        profile.OrgHeads.Contains(w) || profile.KeeperWords.Contains(w) || profile.EventHeads.Contains(w) || profile.LocationLeadWords.Contains(w) || profile.DirectionWords.Contains(w);

    private void ScanBlock(int b)
    {
        var toks = doc.Tokens[b];
        var n = toks.Count;
        var k = 0;
        while (k < n)
        {
            var tk = toks[k];
            if (tk.Kind != TokKind.Word) { k++; continue; }
            // "#LoveWins", "#OffeneTür": a hashtag is a slogan, not a name
            if (k > 0 && toks[k - 1].Kind == TokKind.Punct && doc.Span(b, k - 1) is "#" && toks[k - 1].End == tk.Start) { k++; continue; }
            // Lower-case words start a lexicon name only in a few entries ("dpa", "the Netherlands"): skip the look-up otherwise.
            if (!tk.Cap && !world.MayStartLowerName(doc.Blocks[b][tk.Start], tk.End - tk.Start)) { k++; continue; }
            var lexLen = MatchLexicon(b, k, out var entry);
            if (lexLen == 0 && !CanStartName(b, k)) { k++; continue; }
            if (lexLen == 0 && !toks[k].Cap) { k++; continue; }
            // "St. Peter's Square", "St. Petersburg": the abbreviation and its full stop belong to the name.
            if (lexLen == 0 && toks[k].Cap && profile.SaintAbbreviations.Contains(doc.Span(b, k)) && k + 2 < n && doc.Span(b, k + 1) is "." && IsCapWord(b, k + 2))
            {
                k = ScanSaintName(b, k);
                continue;
            }
            // Generic capitalized span.
            var e = k + 1;
            if (toks[k].Cap) e = CapitalizedRunEnd(b, k);
            if (lexLen > 0 && lexLen < e - k && ClubWithItsCity(b, k, lexLen, e, entry!))
            {
                sink.AddTyped(b, k, e, Model.EntityType.Organization, null, personCue: false, orgCue: true);
                k = e;
                continue;
            }
            if (lexLen > 0 && (lexLen >= e - k || !PreferGeneric(b, k, e)))
            {
                if (lexLen == 1 && entry!.Type == Model.EntityType.Location && IsClubByItsCity(b, k)) sink.AddTyped(b, k, k + 1, Model.EntityType.Organization, null, personCue: false, orgCue: true);
                else sink.AddKnown(b, k, k + lexLen, entry!);
                k += lexLen;
                continue;
            }
            if (doc.TitleCase[b])
            {
                // Headline Case: trust only the lexicon (above) and single words that may join a name from the body.
                if (toks[k].Cap && lexLen == 0) sink.AddUnknown(b, k, k + 1);
                k++;
                continue;
            }
            ProcessSpan(b, k, e, depth: 0);
            k = e;
        }
    }

    /// <summary>"St. Peter's Square" is a place, "St. Mary's Hospital" an institution: the mention ends after the run.</summary>
    private int ScanSaintName(int b, int k)
    {
        var toks = doc.Tokens[b];
        var n = toks.Count;
        var e0 = k + 3;
        while (e0 < n && e0 - k < MaxNameTokens && IsCapWord(b, e0)) e0++;
        if (e0 + 1 < n && toks[e0].Kind == TokKind.Poss && IsCapWord(b, e0 + 1)) { e0 += 2; while (e0 < n && e0 - k < MaxNameTokens && IsCapWord(b, e0)) e0++; }
        sink.AddTyped(b, k, e0, profile.LocationHeads.Contains(doc.Span(b, e0 - 1)) || e0 - k == 3 ? Model.EntityType.Location : Model.EntityType.Organization, null, personCue: false);
        return e0;
    }

    /// <summary>The end of the run of capitalised words from <paramref name="k"/>, through particles and possessive organisation names.</summary>
    private int CapitalizedRunEnd(int b, int k)
    {
        var toks = doc.Tokens[b];
        var n = toks.Count;
        var e = k + 1;
        while (e < n && e - k < MaxNameTokens)
        {
            if (IsCapWord(b, e))
            {
                // "Sergei Lavrov Monday", "Edmonton UTC": a weekday or time zone ends the name
                if (profile.RunBreakers.Contains(doc.Span(b, e))) break;
                e++;
                continue;
            }
            // "George W. Bush", "P. Chidambaram": an initial's full stop stays inside the name
            if (IsInitialStop(b, e) && (e - 1 == k || profile.GivenNameCues.Contains(doc.Span(b, e - 2)) || profile.Titles.ContainsKey(doc.Span(b, e - 2)) || IsInitialStop(b, e - 2))
                && e + 1 < n && IsCapWord(b, e + 1) && !profile.CommonCaps.Contains(doc.Span(b, e + 1)) && !profile.IsCommonWord(doc.Span(b, e + 1)))
            { e += 2; continue; }
            if (toks[e].Kind == TokKind.Word && IsConnector(doc.Span(b, e)) && !profile.DefiniteArticles.Contains(doc.Span(b, e)))
            {
                var isOf = profile.ComplementPrepositions.Contains(doc.Span(b, e));
                // "the Socialist Party of Macron's predecessor": the possessive starts a new phrase.
                if (isOf && e + 2 < n && toks[e + 2].Kind == TokKind.Poss) break;
                // a run of particles: "von der Leyen", "of the District", "bin Salman"
                var j = e + 1;
                while (j < n && j - e < 3 && toks[j].Kind == TokKind.Word && IsConnector(doc.Span(b, j))
                       && !(IsWord(b, j, profile.Coordinators) || IsWord(b, j, profile.ComplementPrepositions))) j++;
                var valid = j == e + 1 || (isOf ? EndsWithArticle(b, j) : !ContainsArticle(b, e, j));
                if (valid && j < n && IsCapWord(b, j) && !profile.RunBreakers.Contains(doc.Span(b, j))) { e = j + 1; continue; }
            }
            // "Paris St. Germain": a saint's abbreviation and its full stop inside a run of names
            if (toks[e].Kind == TokKind.Punct && doc.Span(b, e) is "." && profile.SaintAbbreviations.Contains(doc.Span(b, e - 1))
                && toks[e].Start == toks[e - 1].End && e + 1 < n && IsCapWord(b, e + 1)) { e += 2; continue; }
            // "Standard & Poor's", "Marks & Spencer": an ampersand between capitalised words
            if (toks[e].Kind == TokKind.Punct && doc.Span(b, e) is "&" && e + 1 < n && IsCapWord(b, e + 1)) { e += 2; continue; }
            // "Students' Union", "Prosecutor's Office": a possessive inside an organisation's name.
            if (toks[e].Kind is TokKind.Poss or TokKind.Quote && toks[e].Start == toks[e - 1].End && e + 1 < n && IsCapWord(b, e + 1)
                && (toks[e].Kind != TokKind.Quote || (doc.Blocks[b][toks[e].Start] is '\'' or '\u2019' && doc.Blocks[b][toks[e].Start - 1] == 's'))
                && PossessiveOrgAhead(b, e - 1, e + 1))
            { e += 2; continue; }
            break;
        }
        return e;
    }

    /// <summary>Token <paramref name="e"/> is the full stop of a one-letter capital before it ("W.").</summary>
    private bool IsInitialStop(int b, int e)
    {
        var toks = doc.Tokens[b];
        return e >= 1 && toks[e].Kind == TokKind.Punct && doc.Span(b, e) is "." && toks[e - 1].Kind == TokKind.Word && toks[e - 1].End - toks[e - 1].Start == 1
            && toks[e - 1].Cap && toks[e].Start == toks[e - 1].End;
    }

    private bool EndsWithArticle(int b, int j) => profile.DefiniteArticles.Contains(doc.Span(b, j - 1));

    private bool ContainsArticle(int b, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (profile.DefiniteArticles.Contains(doc.Span(b, i))) return true;
        return false;
    }

    private bool PossessiveOrgAhead(int b, int owner, int next)
    {
        var toks = doc.Tokens[b];
        var ownerWord = doc.Span(b, owner);
        if (profile.GivenNameCues.Contains(ownerWord)) return false;
        var ownerOk = profile.OrgHeads.Contains(ownerWord) || profile.Titles.ContainsKey(ownerWord) || profile.PossessiveOrgOwners.Contains(ownerWord);
        if (!ownerOk) return false;
        var j = next;
        while (j < toks.Count && j - next < 4 && IsCapWord(b, j)) j++;
        return j > next && (profile.OrgHeads.Contains(doc.Span(b, j - 1)) || profile.KeeperWords.Contains(doc.Span(b, j - 1)));
    }

    /// <summary>A longer capitalised run beats a lexicon name inside it when the run is an organisation or event ("Bank of England").</summary>
    private bool PreferGeneric(int b, int s, int e)
    {
        var last = doc.Span(b, e - 1);
        // "Milan Nedic", "Florence Hartmann": a town that is also a given name, before a surname, names a person
        if (e - s == 2 && IsGivenNameSurname(b, s)) return true;
        // "Bank of England", "Munich Security Conference", "Berlin Wall", "Lisbon Treaty"
        if (profile.OrgHeads.Contains(last) || profile.EventHeads.Contains(last) || profile.LocationHeads.Contains(last) || profile.WorkHeads.Contains(last)) return true;
        for (var i = s + 1; i < e - 1; i++)
            if (profile.ComplementPrepositions.Contains(doc.Span(b, i))) return ContainsHead(b, s, i);
        return false;
    }

    /// <summary>
    /// Tokens <paramref name="s"/> and the next are a given name (also a town's: "Milan", "Florence") and a word that
    /// can only be a surname: no place, no lexicon name, no English word or dictionary proper noun ("Paris Louvre").
    /// </summary>
    public bool IsGivenNameSurname(int b, int s)
    {
        if (s + 1 >= doc.Tokens[b].Count || !IsCapWord(b, s + 1)) return false;
        ReadOnlySpan<char> w = doc.Span(b, s), last = doc.Span(b, s + 1);
        return world.GivenNames.ContainsKey(w) && !world.Countries.Contains(w) && !profile.DirectionWords.Contains(w) && !profile.SaintAbbreviations.Contains(w)
            && !world.Names.ContainsKey(last) && !world.Kinds.ContainsKey(last)
            && !profile.HasCommonForm(last) && !LanguageProfile.InLowerCase(last, profile.ProperNouns);
    }

    /// <summary>An organisation head or a keeper word in tokens [s, e).</summary>
    public bool ContainsHead(int b, int s, int e)
    {
        for (var i = s; i < e; i++)
        {
            var w = doc.Span(b, i);
            if (profile.OrgHeads.Contains(w) || profile.KeeperWords.Contains(w)) return true;
        }
        return false;
    }

    public int MatchLexicon(int b, int k, out LexEntry? entry)
    {
        entry = null;
        if (!world.Names.TryGetValue(doc.Span(b, k), out var entries)) return 0;
        var toks = doc.Tokens[b];
        foreach (var en in entries)
        {
            if (k + en.Tokens.Length > toks.Count) continue;
            var ok = true;
            for (var j = 1; j < en.Tokens.Length && ok; j++)
                ok = doc.Span(b, k + j).SequenceEqual(en.Tokens[j]);
            if (!ok) continue;
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
            // "Christian Wulff" is a name; "the Christian community" is not
            if (demLen == 1 && country.Length == 0 && s + 1 < e && profile.GivenNameCues.Contains(doc.Span(b, s)) && TitleAt(b, s + 1, e) == 0) demLen = 0;
            if (demLen > 0)
            {
                // "German Institute for International and Security Affairs": a nationality inside an organisation's name stays;
                // "the German Ministry of Labour" is the ministry of a country, named without it
                if (s + demLen < e && ((country.Length > 0 && HasMinistryHead(b, s + demLen, e)) || (!HeadAtEnd(b, s, e) && !NamesAnInstitution(b, s + demLen, e)))) { nationality ??= country; s += demLen; stripped = true; continue; }
                if (s + demLen >= e) return; // a bare nationality adjective: not an entity
                // "German TV", "Japanese Cabinet": a nationality and a generic head alone name no one body
                if (s + demLen + 1 == e && profile.GenericHeads.Contains(doc.Span(b, e - 1))) return;
            }
            if (StartsWithSentenceWord(b, s, e)) { s++; continue; }
            var tLen = TitleAt(b, s, e);
            if (tLen > 0)
            {
                if (s + tLen >= e) return; // a bare title
                if (HeadAtEnd(b, s, e)) break; // "Premier League", "Senate Foreign Relations Committee": the title names the body
                // "Pope Francis": with a single name after it, this title is part of how the person is named.
                if (s + tLen + 1 == e && profile.TitlesKeptWithName.Contains(doc.Span(b, s))) break;
                title = title is null ? doc.Text(b, s, s + tLen) : title + " " + doc.Text(b, s, s + tLen);
                s += tLen;
                stripped = true;
                // "President of Russia": the title takes the following "of X" as its complement.
                if (s + 2 < e && IsWord(b, s, profile.TitleComplementPrepositions) && IsCapWord(b, s + 1))
                {
                    var stop = s + 1;
                    while (stop < e && IsCapWord(b, stop)) stop++;
                    var complement = doc.Text(b, s + 1, stop);
                    title += " " + doc.Text(b, s) + " " + complement;
                    ProcessSpan(b, s + 1, stop, depth + 1);
                    s = stop;
                }
                continue;
            }
            break;
        }
        if (s < e && !HeadAtEnd(b, s, e))
        {
            var inner = InnerTitleEnd(b, s, e);
            if (inner > s)
            {
                var t = doc.Text(b, s, inner);
                title = title is null ? t : title + " " + t;
                s = inner;
                stripped = true;
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
            if (IsWord(b, i, profile.Coordinators) && (!headAtEnd || EndsInPlaceOrHead(b, s, i)) && !AndInComplement(b, s, i))
            {
                ProcessSpan(b, s, i, depth + 1);
                ProcessSpan(b, i + 1, e, depth + 1);
                return;
            }
        }
        for (var i = s + 1; i < e - 1; i++)
        {
            if (IsWord(b, i, profile.ComplementPrepositions) || IsWord(b, i, profile.TopicPrepositions))
            {
                // "University of Mainz" stays whole; "Anna Berg of the Central Bank" is a person and an organisation.
                if (ContainsHead(b, s, i)) break;
                ProcessSpan(b, s, i, depth + 1);
                ProcessSpan(b, i + 1, e, depth + 1);
                return;
            }
        }
        // "US Justice Department", "UN Food and Agriculture Organization": a country's or a body's acronym before the name of
        // one of its bodies is named on its own ("London School of Economics" and "Seoul National University" stay whole)
        if (e - s >= 3 && NameShapes.IsAcronym(doc.Span(b, s)) && MatchLexicon(b, s, out var owner) == 1 && owner is not null
            && (HasStateBodyHead(b, s + 1, e) || owner.Type == Model.EntityType.Organization) && HasOrgHead(b, s + 1, e))
        {
            sink.AddKnown(b, s, s + 1, owner);
            ProcessSpan(b, s + 1, e, depth + 1);
            return;
        }
        // After stripping, the rest may be a lexicon name ("Russian President" stripped off "Vladimir Putin" is not, "German Bundestag" is).
        if (stripped || depth > 0)
        {
            var lexLen = MatchLexicon(b, s, out var entry);
            if (lexLen == e - s) { sink.AddKnown(b, s, e, entry!); return; }
        }
        if (e - s >= 2 && !HeadAtEnd(b, s, e) && !profile.GivenNameCues.Contains(doc.Span(b, s)))
        {
            var lexLen = MatchLexicon(b, s + 1, out var entry);
            if (lexLen == e - s - 1 && entry!.Type == Model.EntityType.Organization) { sink.AddKnown(b, s + 1, e, entry); return; }
        }
        // "head of the National Electro-mobility Platform Henning Kagermann": a person's name run onto a body's name
        if (PersonNameInside(b, s, e) is var split and > 0)
        {
            // "Public Relations Manager Michael Summer": what ends in a title is the person's role, no name of its own
            var last = doc.Span(b, split - 1);
            if (!profile.Titles.ContainsKey(last) && !profile.RoleNouns.Contains(last)) ProcessSpan(b, s, split, depth + 1);
            ProcessSpan(b, split, e, depth + 1);
            return;
        }
        typer.Classify(b, s, e, title, nationality);
    }

    /// <summary>
    /// Where a person's name starts inside a run of capitals ("… Platform Henning Kagermann", "Trump Steven Spielberg"):
    /// a given name after a word that is no name (an ordinary word, a head, a place), with a surname after it; 0 when none.
    /// </summary>
    private int PersonNameInside(int b, int s, int e)
    {
        for (var i = s + 1; i + 1 < e; i++)
        {
            var w = doc.Span(b, i);
            if (!profile.GivenNameCues.Contains(w) || !IsCapWord(b, i + 1)) continue;
            var before = doc.Span(b, i - 1);
            if (!doc.Tokens[b][i - 1].Cap || world.GivenNames.ContainsKey(before) || IsInitialStop(b, i - 1)) continue;
            var known = world.Names.TryGetValue(before, out var entries) && Array.Exists(entries, x => x.Tokens.Length == 1);
            if (profile.IsCommonWord(before) || profile.OrgHeads.Contains(before) || profile.KeeperWords.Contains(before) || known) return i;
        }
        return 0;
    }

    /// <summary>
    /// A title further in: "Home Affairs Minister Malusi Gigaba", "Analyst Luis Vicente Leon".
    /// The token after the title, or <paramref name="s"/> when there is none.
    /// </summary>
    private int InnerTitleEnd(int b, int s, int e)
    {
        var toks = doc.Tokens[b];
        var firstNonCap = s;
        while (firstNonCap < e && toks[firstNonCap].Cap) firstNonCap++;
        for (var i = e - 2; i >= s; i--)
        {
            if (i > firstNonCap) continue;
            var w = doc.Span(b, i);
            var tl = TitleAt(b, i, e);
            var isRole = tl == 0 && ((i == s && (profile.RoleNouns.Contains(w) || IsPersonNounBeforeName(b, s))) || IsPersonNounBeforeGivenName(b, i));
            if (tl == 0 && !isRole) continue;
            if (profile.TitlesKeptWithName.Contains(w) && i + 2 == e) continue;
            var stop = i + Math.Max(tl, 1);
            if (stop >= e) continue;
            return stop;
        }
        return s;
    }

    /// <summary>
    /// "Farmer Markus Fischer", "Superintendent Shekhar Prabhudessai": a noun for a kind of person, capitalised only
    /// because it starts the sentence, describes the name after it when that is a name's word ("Opposition Green" is
    /// no role and a name). Not a given name itself ("Marine Le Pen").
    /// </summary>
    private bool IsPersonNounBeforeName(int b, int s)
    {
        var w = doc.Span(b, s);
        if (!CapitalSaysNothing(b, s) || !profile.PersonNouns.Contains(w) || world.GivenNames.ContainsKey(w)) return false;
        var next = doc.Span(b, s + 1);
        return world.GivenNames.ContainsKey(next) || !profile.IsCommonWord(next);
    }

    /// <summary>
    /// "Police Superintendent Shekhar Prabhudessai", "Peel Region Sergeant Matt Bertram": a noun for a kind of person
    /// right before a given name and a surname ends the title before the person, wherever it stands in the span.
    /// </summary>
    private bool IsPersonNounBeforeGivenName(int b, int i)
    {
        var w = doc.Span(b, i);
        if (!profile.PersonNouns.Contains(w) || world.GivenNames.ContainsKey(w) || i + 2 >= doc.Tokens[b].Count || !IsCapWord(b, i + 1) || !IsCapWord(b, i + 2))
            return false;
        // only a word that is nothing but a given name: not "Red Cross", "Force India"
        var next = doc.Span(b, i + 1);
        return world.GivenNames.ContainsKey(next) && !profile.IsCommonWord(next) && !world.Kinds.ContainsKey(next);
    }

    /// <summary>"Real Madrid and Manchester City": the part before "and" is a name of its own when it ends in a place or a head.</summary>
    private bool EndsInPlaceOrHead(int b, int s, int and)
    {
        if (and - s < 1) return false;
        var last = doc.Span(b, and - 1);
        if (profile.OrgHeads.Contains(last) || NameShapes.IsAcronym(last)) return true;
        // "Kofi Annan and the Nobel Peace Prize": a person's name before "and"
        if (and - s >= 2 && profile.GivenNameCues.Contains(doc.Span(b, s))) return true;
        if (MatchLexicon(b, s, out var known) == and - s && known is not null) return true;
        if (world.Names.TryGetValue(last, out var entries) && Array.Exists(entries, x => x.Tokens.Length == 1 && x.Type == Model.EntityType.Location)) return true;
        return world.Kinds.TryGetValue(last, out var kinds) && (kinds & NameKinds.BigCity) != 0;
    }

    private bool HasOrgHead(int b, int s, int e)
    {
        for (var i = s; i < e; i++)
            if (profile.OrgHeads.Contains(doc.Span(b, i))) return true;
        return false;
    }

    /// <summary>"the Syrian Foreign Ministry": a ministry is named without its country ("Foreign Ministry").</summary>
    private bool HasMinistryHead(int b, int s, int e)
    {
        for (var i = s; i < e; i++)
            if (profile.MinistryHeads.Contains(doc.Span(b, i))) return true;
        return false;
    }

    private bool HasStateBodyHead(int b, int s, int e)
    {
        for (var i = s; i < e; i++)
            if (profile.StateBodyHeads.Contains(doc.Span(b, i))) return true;
        return false;
    }

    /// <summary>An organisation head in [s, e) that is no state body's ("Institute", "Association"; not "Ministry").</summary>
    private bool NamesAnInstitution(int b, int s, int e)
    {
        var found = false;
        for (var i = s; i < e; i++)
        {
            var w = doc.Span(b, i);
            if (profile.StateBodyHeads.Contains(w)) return false;
            found |= profile.OrgHeads.Contains(w);
        }
        return found;
    }

    /// <summary>"Institute for International and Security Affairs": the "and" joins the complement of a head before it.</summary>
    private bool AndInComplement(int b, int s, int and)
    {
        for (var j = s + 1; j < and; j++)
            if (IsWord(b, j, profile.ComplementPrepositions) && ContainsHead(b, s, j)) return true;
        return false;
    }

    public bool HeadAtEnd(int b, int s, int e)
    {
        var last = doc.Span(b, e - 1);
        return e - s >= 2 && (profile.OrgHeads.Contains(last) || profile.EventHeads.Contains(last));
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
            if (profile.Demonyms.TryGetValue(two, out var c2)) { country = c2; return 2; }
        }
        var w = doc.Span(b, s);
        if (profile.Demonyms.TryGetValue(w, out var c1)) { country = c1; return 1; }
        // "Turkish-German": every hyphen part a nationality.
        if (w.Contains('-'))
        {
            foreach (var range in w.Split('-'))
                if (!profile.Demonyms.ContainsKey(w[range])) return 0;
            return 1;
        }
        return 0;
    }

    public int TitleAt(int b, int s, int e)
    {
        var w = doc.Span(b, s);
        if (!profile.Titles.TryGetValue(w, out var seqs))
        {
            // "Brigadier-General", "Co-CEO", "Ex-President": a word of two hyphened parts ending in a one-word title is a
            // title (not "Port-au-Prince", "el-Sheikh")
            var dash = w.LastIndexOf('-');
            return dash > 0 && dash + 1 < w.Length && char.IsUpper(w[0]) && w.IndexOf('-') == dash
                && profile.Titles.TryGetValue(w[(dash + 1)..], out var tail) && Array.Exists(tail, t => t.Length == 1) ? 1 : 0;
        }
        foreach (var seq in seqs)
        {
            if (s + seq.Length > e) continue;
            var ok = true;
            for (var j = 1; j < seq.Length && ok; j++) ok = doc.Span(b, s + j).SequenceEqual(seq[j]);
            if (ok) return seq.Length;
        }
        return 0;
    }
}
