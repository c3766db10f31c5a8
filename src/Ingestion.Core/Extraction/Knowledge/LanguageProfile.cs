using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingestion.Core.Extraction;

/// <summary>How much of extraction a language gets.</summary>
internal enum ExtractionSupport
{
    /// <summary>Entities and quotes with speakers.</summary>
    Full,
    /// <summary>Entities and speakers, but fewer than the language's articles name (the output says "partial").</summary>
    Partial,
}

/// <summary>What kind of speech cue a word is.</summary>
internal enum SpeechCueKind
{
    /// <summary>A verb whose subject is the speaker ("said", "sagte").</summary>
    Verb,
    /// <summary>A verb whose subject is the speaker and whose object the listener ("X told DW"): the word after it never speaks.</summary>
    ListenerVerb,
    /// <summary>The speaker follows the cue ("according to X", "laut X").</summary>
    SpeakerFollows,
    /// <summary>The speaker precedes the cue ("X zufolge").</summary>
    SpeakerPrecedes,
    /// <summary>A participle that attributes after a comma ("…, adding that …"); no evidence that the word before it is a name.</summary>
    Participle,
}

/// <summary>
/// A form of a speech cue: its lemma, its kind, and the word that must follow it ("according" + "to", "pointed" + "out";
/// alternatives separated by '|': "criticism" + "from|by").
/// </summary>
internal sealed record SpeechCue(string Lemma, SpeechCueKind Kind, string? Next)
{
    public bool Allows(ReadOnlySpan<char> next)
    {
        if (Next is null) return true;
        foreach (var range in Next.AsSpan().Split('|'))
            if (next.SequenceEqual(Next.AsSpan()[range])) return true;
        return false;
    }
}

/// <summary>
/// Everything language-specific the extractor knows, loaded from <c>Data/extraction/&lt;lang&gt;/</c>: closed-class
/// words (<c>words.json</c>), speech verbs, titles, role nouns, nationality adjectives, head words and capitalised
/// non-names. The analyzer asks the profile instead of branching on the language. Immutable; shared across threads.
/// </summary>
internal sealed class LanguageProfile
{
    private static readonly ConcurrentDictionary<string, LanguageProfile?> Cache = new(StringComparer.Ordinal);

    public required string Language { get; init; }
    public required ExtractionSupport Support { get; init; }
    /// <summary>Every noun is capitalised (German): a capitalised span is a name only when the lexicon or a given name says so.</summary>
    public required bool NounsCapitalized { get; init; }
    public required Gazetteer World { get; init; }

    /// <summary>The language's words written in lower case (from its spelling dictionary), in lower case.</summary>
    public required WordSet CommonWords { get; init; }
    /// <summary>The language's words its dictionary writes capitalised (names, places, "Christian"), in lower case.</summary>
    public required WordSet ProperNouns { get; init; }
    /// <summary>
    /// Given names that are evidence of a person in this language: the curated ones, and those of the package lists that
    /// are no ordinary word, nationality, title or place here ("Paris", "China" and "Will" are given names too).
    /// </summary>
    public required WordSet GivenNameCues { get; init; }

    /// <summary>
    /// Languages that capitalise every noun (German): the dictionary's nouns, adjectives and verb forms, which tell an
    /// ordinary capitalised word from a name. Empty for the others.
    /// </summary>
    public required NounLexicon Nouns { get; init; }
    /// <summary>Verb forms of reported speech (German Konjunktiv I: "sei", "habe"): a sentence in them goes on with what the last speaker said.</summary>
    public required WordSet SubjunctiveForms { get; init; }

    /// <summary>The word, or the head of the compound it is ("Umweltschutzorganisation" -> "Organisation"), is in the set.</summary>
    public bool HeadIn(WordSet set, ReadOnlySpan<char> word) => set.Contains(word) || (Nouns.TryHead(word, out var head) && set.Contains(head.Lemma));

    /// <summary>What a name's head word makes the name, by the word or its compound head ("Umweltministerium" is an organisation's).</summary>
    public Model.EntityType? NameHeadKind(ReadOnlySpan<char> word) =>
        HeadKindOf(word) ?? (Nouns.TryHead(word, out var head) && head.Lemma.Length != word.Length ? HeadKindOf(head.Lemma) : null);

    private Model.EntityType? HeadKindOf(ReadOnlySpan<char> word) =>
        OrgHeads.Contains(word) ? Model.EntityType.Organization : EventHeads.Contains(word) ? Model.EntityType.Event
        : LocationHeads.Contains(word) ? Model.EntityType.Location : null;

    /// <summary>"Berliner", "Kiewer": the adjective of a place the reference data knows, its name with an ending.</summary>
    public bool IsPlaceAdjective(ReadOnlySpan<char> word)
    {
        foreach (var suffix in PlaceAdjectiveSuffixes)
        {
            if (word.Length < suffix.Length + 3 || !word.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var place = word[..^suffix.Length];
            if (World.Kinds.ContainsKey(place) || World.Names.ContainsKey(place)) return true;
        }
        return false;
    }

    /// <summary>A title or a noun that names a person ("General", "Wirtschaftsminister", "CDU-Chef").</summary>
    public bool IsTitleOrPersonNoun(ReadOnlySpan<char> word) => Titles.ContainsKey(word) || Nouns.IsPersonNoun(word, out _);

    /// <summary>True when the word is only ever a common word of the language: its lower-case form is one, and no proper noun is written so.</summary>
    public bool IsCommonWord(ReadOnlySpan<char> word)
    {
        if (CommonWords.Count == 0 || word.Length == 0 || word.Length > 64) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return CommonWords.Contains(lower) && !ProperNouns.Contains(lower);
    }

    /// <summary>True when the word's lower-case form is a word of the language ("Rose", "Bush", "Mars" too).</summary>
    public bool HasCommonForm(ReadOnlySpan<char> word) => InLowerCase(word, CommonWords);

    /// <summary>True when the word in lower case is in <paramref name="set"/> ("Le" in the name particles).</summary>
    public static bool InLowerCase(ReadOnlySpan<char> word, WordSet set)
    {
        if (set.Count == 0 || word.Length == 0 || word.Length > 64) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return set.Contains(lower);
    }

    // ------------------------------------------------------------ scanning names
    /// <summary>Abbreviations whose full stop does not end a sentence ("Mr.", "Dr.").</summary>
    public required WordSet Abbreviations { get; init; }
    /// <summary>Capitalised words that end a run of names ("Sergei Lavrov Monday", "Edmonton UTC"): weekdays, time zones.</summary>
    public required WordSet RunBreakers { get; init; }
    /// <summary>Other languages' articles that start names quoted in this one ("Die Welt", "Le Figaro").</summary>
    public required WordSet ForeignArticles { get; init; }
    /// <summary>Ordinals that start the name of a numbered event ("Second World War").</summary>
    public required WordSet Ordinals { get; init; }
    /// <summary>Month abbreviations that are no name before a date ("Jan. 20").</summary>
    public required WordSet DateWords { get; init; }
    /// <summary>Lower-case words inside names ("von der Leyen", "bin Salman").</summary>
    public required WordSet NameParticles { get; init; }
    /// <summary>Prepositions that join a head to its complement inside a name ("University of Mainz").</summary>
    public required WordSet ComplementPrepositions { get; init; }
    /// <summary>"President of Russia": the preposition that joins a title to the country or body it is held in.</summary>
    public required WordSet TitleComplementPrepositions { get; init; }
    /// <summary>Prepositions of topic inside organisation names ("Committee on Foreign Relations").</summary>
    public required WordSet TopicPrepositions { get; init; }
    /// <summary>Coordinating conjunctions that split "A and B" unless the whole is one organisation.</summary>
    public required WordSet Coordinators { get; init; }
    public required WordSet DefiniteArticles { get; init; }
    public required WordSet IndefiniteArticles { get; init; }
    /// <summary>"St" of "St. Peter's Square": the abbreviation and its full stop belong to the name.</summary>
    public required WordSet SaintAbbreviations { get; init; }
    /// <summary>Abbreviations and hyphen prefixes, as the tokenizer takes them.</summary>
    public required TokenizerRules Tokenizing { get; init; }
    /// <summary>Titles that stay part of how a person is named when one name follows ("Pope Francis").</summary>
    public required WordSet TitlesKeptWithName { get; init; }
    /// <summary>Hyphenated adjectives built on a name ("Vatican-backed", "Munich-based"): suffixes and whole tails. The
    /// tokenizer splits them off (<see cref="Tokenizing"/>), so the name before the hyphen is a mention of its own.</summary>
    public required string[] HyphenAdjectiveSuffixes { get; init; }
    public required WordSet HyphenAdjectiveTails { get; init; }
    /// <summary>Owners in a possessive organisation name ("Students' Union", "People's Party").</summary>
    public required WordSet PossessiveOrgOwners { get; init; }
    /// <summary>Surname prefixes that make inner capitals ordinary ("McDonald"), not a brand.</summary>
    public required string[] SurnamePrefixes { get; init; }

    // ------------------------------------------------------------ typing names
    public required WordMap<string> Demonyms { get; init; }
    /// <summary>Person titles keyed by first token; values are the token sequences, longest first.</summary>
    public required WordMap<string[][]> Titles { get; init; }
    /// <summary>Lower-case nouns that describe a person ("spokesman Tahir Della", "the chancellor said"); case-insensitive.</summary>
    public required WordSet RoleNouns { get; init; }
    /// <summary>
    /// Every noun for a kind of person ("farmer", "superintendent"; generated from WordNet), asked only right before a name:
    /// capitalised at a sentence start ("Farmer Markus Fischer said") or before a given name and a surname ("Police
    /// Superintendent Shekhar Prabhudessai"); case-insensitive.
    /// </summary>
    public required WordSet PersonNouns { get; init; }
    /// <summary>Role nouns that name a relation, not an office ("his counterpart X" holds the office of the man before).</summary>
    public required WordSet RelationalRoleNouns { get; init; }
    /// <summary>Role nouns that fit any office ("the Russian leader" is whoever holds an office of Russia).</summary>
    public required WordSet GenericRoleNouns { get; init; }
    /// <summary>Endings of past-tense verbs: a name right after one is its object ("replaced Lucien Favre").</summary>
    public required string[] PastSuffixes { get; init; }
    /// <summary>Endings of participles that share the speaker of the quote before ("…, adding that").</summary>
    public required string[] ParticipleSuffixes { get; init; }
    public required WordSet OrgHeads { get; init; }
    /// <summary>Heads of a country's state bodies: "the German Ministry of Labour" is named "Ministry of Labour".</summary>
    public required WordSet StateBodyHeads { get; init; }
    /// <summary>Heads that after a nationality alone name no one body ("German TV", "Japanese Cabinet").</summary>
    public required WordSet GenericHeads { get; init; }
    /// <summary>Heads of ministries: named without the country even when the head ends the name ("Syrian Foreign Ministry").</summary>
    public required WordSet MinistryHeads { get; init; }
    public required WordSet EventHeads { get; init; }
    /// <summary>Capitalised words that are never names alone (function words, weekdays, months).</summary>
    public required WordSet CommonCaps { get; init; }
    /// <summary>Last words of treaties, laws and plans ("Lisbon Treaty"): names, but of none of the kinds extracted.</summary>
    public required WordSet WorkHeads { get; init; }
    /// <summary>Last words that make a capitalised name a place ("Tiananmen Square").</summary>
    public required WordSet LocationHeads { get; init; }
    /// <summary>Heads of natural features ("Sea", "Heights", "River"): "Golan" is the "Golan Heights".</summary>
    public required WordSet FeatureHeads { get; init; }
    /// <summary>First words that make a capitalised name a place ("Lake Chad", "Mount Everest").</summary>
    public required WordSet LocationLeadWords { get; init; }
    /// <summary>Compass words that make "North Korea" a place rather than a club named after one.</summary>
    public required WordSet DirectionWords { get; init; }
    /// <summary>Words that keep "X of Y" together as one name ("University of Mainz", "Republic of Korea").</summary>
    public required WordSet KeeperWords { get; init; }
    /// <summary>Words any event's name may have or lack ("games" of "Winter Olympic Games"), folded.</summary>
    public required WordSet GenericEventWords { get; init; }
    /// <summary>Single words that name events by themselves.</summary>
    public required WordSet SingleWordEvents { get; init; }
    /// <summary>Lower-case nouns next to a single capitalised word that make it an organisation ("news agency Xinhua").</summary>
    public required WordSet OrgCueNouns { get; init; }
    /// <summary>Nouns of settled places: "the town of X", "X province", "Gebiet Donezk" (German: as compound heads too) name a place.</summary>
    public required WordSet PlaceNouns { get; init; }
    /// <summary>Endings of adjectives of place ("Sicilian", "Breton"): such a word before a place noun names no place.</summary>
    public required string[] AdjectiveSuffixes { get; init; }
    /// <summary>Endings of age words in an appositive ("Ranjan, a 34-year-old").</summary>
    public required string[] AgeSuffixes { get; init; }
    /// <summary>Prepositions after which an unknown name is a place ("in Locri", "bei Bachmut").</summary>
    public required WordSet PlacePrepositions { get; init; }
    /// <summary>Lower-case nouns of bodies after a name ("the Islah party", "the UIL Trasporti union").</summary>
    public required WordSet OrgNounsAfter { get; init; }
    /// <summary>What only a body owns ("Walmart's workforce", "X's shares"): the owner of one, named by a single word, is an organisation.</summary>
    public required WordSet OrganizationPossessions { get; init; }
    /// <summary>Nouns of media after a name ("Mother Jones magazine").</summary>
    public required WordSet MediaNouns { get; init; }
    /// <summary>Nouns after a single capitalised word that make it a family name ("the Assad family").</summary>
    public required WordSet FamilyNouns { get; init; }
    /// <summary>Words of sports stories ("Bundesliga", "striker", "relegation"); <see cref="SportsCueCount"/> of them (or scores) make one.</summary>
    public required WordSet SportsCues { get; init; }
    public required int SportsCueCount { get; init; }
    /// <summary>Prepositions of place: "in Stuttgart" is the city even in a match report.</summary>
    public required WordSet LocativePrepositions { get; init; }
    /// <summary>Prepositions that make a name after an article a place ("auf der Krim", "im Amazonas").</summary>
    public required WordSet PlaceArticlePrepositions { get; init; }
    /// <summary>Endings that make a place's adjective of its name ("Berlin" -> "Berliner").</summary>
    public required string[] PlaceAdjectiveSuffixes { get; init; }
    /// <summary>Titles that give no role ("Frau", "Herr").</summary>
    public required WordSet Honorifics { get; init; }
    /// <summary>The word that joins a title to its country in a role ("President of Russia", "Präsident von Brasilien").</summary>
    public required string RoleJoiner { get; init; }
    /// <summary>Words between a name and a speech verb that still make the name the verb's subject ("X has said").</summary>
    public required WordSet VerbsBeforeSpeech { get; init; }

    // ------------------------------------------------------------ attributing quotes
    public required WordMap<SpeechCue> SpeechCues { get; init; }
    /// <summary>How many words into a sentence its subject may stand (German puts it after the verb: "Diesen Preis sieht der Soldat Andrij").</summary>
    public required int SubjectWindow { get; init; }
    /// <summary>A speaker described but never named is given as described ("ein Militärexperte") rather than as no one.</summary>
    public required bool DescribesUnnamedSpeakers { get; init; }
    /// <summary>Prepositions between an impersonal cue and its source ("hieß es aus dem Ministerium").</summary>
    public required WordSet SourcePrepositions { get; init; }
    /// <summary>Auxiliaries and adverbs skipped between a speech verb and its subject ("X has also said").</summary>
    public required WordSet Auxiliaries { get; init; }
    /// <summary>Personal pronouns -> 'm', 'f', 'p' (plural) or 'n' ("it": a document or an organisation).</summary>
    public required WordMap<char> Pronouns { get; init; }
    /// <summary>Words that start a role phrase ("the Russian leader", "both leaders").</summary>
    public required WordSet SpeakerDeterminers { get; init; }
    /// <summary>Determiners that are not a document's modifier ("the statement" vs "joint statement").</summary>
    public required WordSet DocumentDeterminers { get; init; }
    /// <summary>Words that end the description before a name after a cue ("said opposition leader X").</summary>
    public required WordSet ClauseStoppers { get; init; }
    /// <summary>"X of the University of Mainz said": the person before the institution speaks.</summary>
    public required WordSet AffiliationPrepositions { get; init; }
    /// <summary>A name after one of these is an object, not a new subject for "he".</summary>
    public required WordSet ObjectPrepositions { get; init; }
    /// <summary>"Merkel's spokesman said": nouns whose possessor is the speaker.</summary>
    public required WordSet SpeakerForNouns { get; init; }
    public required WordSet DocumentNouns { get; init; }
    /// <summary>"the ministry said": nouns resolved to the organisation named with them.</summary>
    public required WordSet OrganizationNouns { get; init; }
    /// <summary>"the two leaders said": plural nouns resolved to the last two persons.</summary>
    public required WordSet GroupNouns { get; init; }
    public required WordSet PairWords { get; init; }
    /// <summary>Words before a quote that make it a label, not someone's words ("so-called", "the slogan").</summary>
    public required WordSet ScareCues { get; init; }
    /// <summary>Scare cues that drop a quote even when it has a speaker.</summary>
    public required WordSet StrongScareCues { get; init; }

    /// <summary>The profile for an article language ("en", "en-GB", "de"), or null when extraction has none for it.</summary>
    public static LanguageProfile? For(string? language)
    {
        var code = (language ?? "en").ToLowerInvariant();
        var dash = code.IndexOf('-');
        if (dash > 0) code = code[..dash];
        return Cache.GetOrAdd(code, static c => ExtractionData.Exists($"{c}/words.json") ? Load(c) : null);
    }


    // loaded once per language and process: straight to optimised code (see Gazetteer.Load)
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static LanguageProfile Load(string code)
    {
        WordsFile words;
        using (var stream = ExtractionData.Open($"{code}/words.json"))
            words = JsonSerializer.Deserialize(stream, WordsFileJson.Default.WordsFile) ?? throw new InvalidOperationException($"{code}/words.json is empty.");
        if (words.Language != code) throw new InvalidOperationException($"{code}/words.json says it is for '{words.Language}'.");

        var titles = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var row in ExtractionData.Rows($"{code}/titles.tsv", optional: true))
        {
            var toks = Tokenizer.WordsOf(row[0]);
            if (toks.Length == 0) continue;
            if (!titles.TryGetValue(toks[0], out var list)) titles[toks[0]] = list = [];
            list.Add(toks);
        }
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        var nouns = NounLexicon.Load(code, words.CommonNounSuffixes, words.PersonNounSuffixes, words.AdjectiveEndings);
        var world = LanguageNames(code, nouns);
        foreach (var row in ExtractionData.Rows($"{code}/demonyms.tsv", optional: true))
            demonyms[row[0]] = row.Length > 1 && row[1].Length > 0 ? world.CanonicalCountry(row[1]) : "";
        var cues = new Dictionary<string, SpeechCue>(StringComparer.Ordinal);
        foreach (var row in ExtractionData.Rows($"{code}/speech-verbs.tsv", optional: true))
        {
            var kind = row.Length > 2 && row[2].Length > 0 ? ParseKind(row[2], code) : SpeechCueKind.Verb;
            cues[row[0]] = new SpeechCue(row.Length > 1 && row[1].Length > 0 ? row[1] : row[0], kind, row.Length > 3 && row[3].Length > 0 ? row[3] : null);
        }

        // a language with no word list of its own may borrow one: German texts are full of English words ("Ticker", "Podcast")
        var wordsOf = ExtractionData.Exists($"{code}/common-words.txt") || words.LoanwordsFrom is null ? code : words.LoanwordsFrom;
        var commonWords = SharedWordSet($"{wordsOf}/common-words.txt");
        var properNouns = SharedWordSet($"{wordsOf}/proper-nouns.txt");
        var directions = Set(words.DirectionWords);
        var commonCaps = new WordSet(ExtractionData.Lines($"{code}/common-caps.txt", optional: true));
        var titleMap = new WordMap<string[][]>(titles.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(t => t.Length).ToArray(), StringComparer.Ordinal));
        var demonymMap = new WordMap<string>(demonyms);
        var givenNameCues = new List<string>();
        foreach (var name in world.GivenNames.Keys)
        {
            // a borrowed word list says nothing of names: "Maxim" and "Will" are given names in a German text; a German noun
            // or adjective ("Krone", "Braun") is no evidence
            if (!world.CuratedGivenNames.Contains(name) && (IsNotAPersonCue(name, world, wordsOf == code ? commonWords : WordSet.Empty, commonCaps, titleMap, demonymMap, directions) || nouns.IsDictionaryWord(name))) continue;
            givenNameCues.Add(name);
        }

        return new LanguageProfile
        {
            CommonWords = commonWords,
            ProperNouns = properNouns,
            GivenNameCues = new WordSet(givenNameCues),
            Nouns = nouns,
            SubjunctiveForms = new WordSet(ExtractionData.Lines($"{code}/subjunctive-forms.txt", optional: true)),
            Language = code,
            Support = words.Support,
            NounsCapitalized = words.NounsCapitalized,
            World = world,
            Abbreviations = Set(words.Abbreviations),
            RunBreakers = Set(words.RunBreakers),
            Ordinals = Set(words.Ordinals),
            ForeignArticles = Set(words.ForeignArticles),
            DateWords = Set(words.DateWords),
            NameParticles = Set(words.NameParticles),
            ComplementPrepositions = Set(words.ComplementPrepositions),
            TopicPrepositions = Set(words.TopicPrepositions),
            TitleComplementPrepositions = Set(words.TitleComplementPrepositions),
            Coordinators = Set(words.Coordinators),
            DefiniteArticles = Set(words.DefiniteArticles),
            IndefiniteArticles = Set(words.IndefiniteArticles),
            SaintAbbreviations = Set(words.SaintAbbreviations),
            Tokenizing = new TokenizerRules(Set(words.Abbreviations), Set(words.HyphenPrefixes), Set(words.HyphenAdjectiveTails), words.HyphenAdjectiveSuffixes),
            TitlesKeptWithName = Set(words.TitlesKeptWithName),
            HyphenAdjectiveSuffixes = words.HyphenAdjectiveSuffixes,
            HyphenAdjectiveTails = Set(words.HyphenAdjectiveTails),
            PossessiveOrgOwners = Set(words.PossessiveOrgOwners),
            SurnamePrefixes = words.SurnamePrefixes,
            Demonyms = demonymMap,
            Titles = titleMap,
            RoleNouns = new WordSet(ExtractionData.Lines($"{code}/role-nouns.txt", optional: true), StringComparer.OrdinalIgnoreCase),
            PersonNouns = new WordSet(ExtractionData.Lines($"{code}/person-nouns.txt", optional: true), StringComparer.OrdinalIgnoreCase),
            GenericRoleNouns = Set(words.GenericRoleNouns),
            RelationalRoleNouns = Set(words.RelationalRoleNouns),
            StateBodyHeads = Set(words.StateBodyHeads),
            MinistryHeads = Set(words.MinistryHeads),
            GenericHeads = Set(words.GenericHeads),
            ParticipleSuffixes = words.ParticipleSuffixes,
            PastSuffixes = words.PastSuffixes,
            OrgHeads = new WordSet(ExtractionData.Lines($"{code}/org-heads.txt", optional: true)),
            EventHeads = new WordSet(ExtractionData.Lines($"{code}/event-heads.txt", optional: true)),
            CommonCaps = commonCaps,
            LocationHeads = Set(words.LocationHeads),
            WorkHeads = Set(words.WorkHeads),
            LocationLeadWords = Set(words.LocationLeadWords),
            FeatureHeads = Set(words.FeatureHeads),
            DirectionWords = directions,
            KeeperWords = Set(words.KeeperWords),
            SingleWordEvents = Set(words.SingleWordEvents),
            GenericEventWords = Set(words.GenericEventWords),
            OrgCueNouns = Set(words.OrgCueNouns),
            FamilyNouns = Set(words.FamilyNouns),
            PlaceNouns = Set(words.PlaceNouns),
            MediaNouns = Set(words.MediaNouns),
            OrgNounsAfter = Set(words.OrgNounsAfter),
            OrganizationPossessions = Set(words.OrganizationPossessions),
            PlacePrepositions = Set(words.PlacePrepositions),
            AdjectiveSuffixes = words.AdjectiveSuffixes,
            AgeSuffixes = words.AgeSuffixes,
            VerbsBeforeSpeech = Set(words.VerbsBeforeSpeech),
            SportsCues = Set(words.SportsCues),
            SportsCueCount = words.SportsCueCount,
            LocativePrepositions = Set(words.LocativePrepositions),
            PlaceArticlePrepositions = Set(words.PlaceArticlePrepositions),
            PlaceAdjectiveSuffixes = words.PlaceAdjectiveSuffixes,
            Honorifics = Set(words.Honorifics),
            RoleJoiner = words.RoleJoiner,
            SourcePrepositions = Set(words.SourcePrepositions),
            DescribesUnnamedSpeakers = words.DescribesUnnamedSpeakers,
            SubjectWindow = words.SubjectWindow,
            SpeechCues = new WordMap<SpeechCue>(cues),
            Auxiliaries = Set(words.Auxiliaries),
            Pronouns = new WordMap<char>(words.Pronouns.ToDictionary(kv => kv.Key, kv => kv.Value.Length > 0 ? kv.Value[0] : 'u', StringComparer.Ordinal)),
            SpeakerDeterminers = Set(words.SpeakerDeterminers),
            DocumentDeterminers = Set(words.DocumentDeterminers),
            ClauseStoppers = Set(words.ClauseStoppers),
            AffiliationPrepositions = Set(words.AffiliationPrepositions),
            ObjectPrepositions = Set(words.ObjectPrepositions),
            SpeakerForNouns = Set(words.SpeakerForNouns),
            // the head of a role phrase is asked in lower case; German writes these nouns capitalised
            DocumentNouns = new WordSet(words.DocumentNouns, StringComparer.OrdinalIgnoreCase),
            OrganizationNouns = new WordSet(words.OrganizationNouns, StringComparer.OrdinalIgnoreCase),
            GroupNouns = new WordSet(words.GroupNouns, StringComparer.OrdinalIgnoreCase),
            PairWords = Set(words.PairWords),
            ScareCues = Set(words.ScareCues),
            StrongScareCues = Set(words.StrongScareCues),
        };
    }

    /// <summary>
    /// The world's names and the language's own (<c>names.tsv</c>, hand-written; <c>names-cldr.tsv</c>, CLDR), less the
    /// world's one-word names that are ordinary words here. A language with neither file shares <see cref="Gazetteer.Default"/>.
    /// </summary>
    private static Gazetteer LanguageNames(string code, NounLexicon nouns)
    {
        var rows = ExtractionData.Rows($"{code}/names.tsv", optional: true).Concat(ExtractionData.Rows($"{code}/names-cldr.tsv", optional: true)).ToList();
        var world = Gazetteer.Default;
        if (rows.Count == 0 && nouns.IsEmpty) return world;
        var names = rows.Select(r => (r[0], r.Length > 1 && r[1].Length > 0 ? world.CanonicalCountry(r[1]) : r[0], ParseType(r.Length > 2 ? r[2] : "", code)));
        return world.WithLanguageNames(names, w => nouns.TryGet(w, out _) && !NameShapes.IsAcronym(w));
    }

    private static Model.EntityType ParseType(string type, string code) => type switch
    {
        "location" => Model.EntityType.Location,
        "organization" => Model.EntityType.Organization,
        "person" => Model.EntityType.Person,
        "event" => Model.EntityType.Event,
        _ => throw new InvalidOperationException($"{code}/names.tsv: unknown type '{type}'."),
    };

    /// <summary>A package given name that is also a word, nationality, title, compass word or place is no evidence of a person.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool IsNotAPersonCue(string name, Gazetteer world, WordSet commonWords, WordSet commonCaps, WordMap<string[][]> titles, WordMap<string> demonyms, WordSet directions)
    {
        if (InLowerCase(name, commonWords) || commonCaps.Contains(name) || titles.ContainsKey(name) || demonyms.ContainsKey(name) || directions.Contains(name)) return true;
        if (world.Names.TryGetValue(name, out var entries) && Array.Exists(entries, e => e.Tokens.Length == 1)) return true;
        return world.Kinds.TryGetValue(name, out var kinds) && (kinds & (NameKinds.Location | NameKinds.City | NameKinds.Organization)) != 0 && (kinds & NameKinds.Person) == 0;
    }

    private static WordSet Set(string[] words) => words.Length == 0 ? WordSet.Empty : new WordSet(words);

    private static readonly ConcurrentDictionary<string, WordSet> WordLists = new(StringComparer.Ordinal);

    /// <summary>A word list file as a set, loaded once however many profiles read it.</summary>
    private static WordSet SharedWordSet(string path) => WordLists.GetOrAdd(path, static p => new WordSet(ExtractionData.Lines(p, optional: true)));

    private static SpeechCueKind ParseKind(string kind, string code) => kind switch
    {
        "verb" => SpeechCueKind.Verb,
        "listener-verb" => SpeechCueKind.ListenerVerb,
        "speaker-follows" => SpeechCueKind.SpeakerFollows,
        "speaker-precedes" => SpeechCueKind.SpeakerPrecedes,
        "participle" => SpeechCueKind.Participle,
        _ => throw new InvalidOperationException($"{code}/speech-verbs.tsv: unknown cue kind '{kind}'."),
    };

    /// <summary>The shape of <c>words.json</c>; a list a language does not need may be left out.</summary>
    // plain setters: source-generated reading sets every init-only property, absent ones to null over their defaults
    internal sealed class WordsFile
    {
        public string Language { get; set; } = "";
        public ExtractionSupport Support { get; set; } = ExtractionSupport.Partial;
        public bool NounsCapitalized { get; set; }
        public string[] Abbreviations { get; set; } = [];
        public string[] NameParticles { get; set; } = [];
        public string[] RunBreakers { get; set; } = [];
        public string[] Ordinals { get; set; } = [];
        public string[] ForeignArticles { get; set; } = [];
        public string[] DateWords { get; set; } = [];
        public string[] ComplementPrepositions { get; set; } = [];
        public string[] TopicPrepositions { get; set; } = [];
        public string[] TitleComplementPrepositions { get; set; } = [];
        public string[] Coordinators { get; set; } = [];
        public string[] DefiniteArticles { get; set; } = [];
        public string[] IndefiniteArticles { get; set; } = [];
        public string[] SaintAbbreviations { get; set; } = [];
        public string[] HyphenPrefixes { get; set; } = [];
        public string[] TitlesKeptWithName { get; set; } = [];
        public string[] HyphenAdjectiveSuffixes { get; set; } = [];
        public string[] HyphenAdjectiveTails { get; set; } = [];
        public string[] PossessiveOrgOwners { get; set; } = [];
        public string[] SurnamePrefixes { get; set; } = [];
        public string[] LocationLeadWords { get; set; } = [];
        public string[] FeatureHeads { get; set; } = [];
        public string[] LocationHeads { get; set; } = [];
        public string[] WorkHeads { get; set; } = [];
        public string[] DirectionWords { get; set; } = [];
        public string[] KeeperWords { get; set; } = [];
        public string[] SingleWordEvents { get; set; } = [];
        public string[] GenericEventWords { get; set; } = [];
        public string[] OrgCueNouns { get; set; } = [];
        public string[] FamilyNouns { get; set; } = [];
        public string[] PlaceNouns { get; set; } = [];
        public string[] MediaNouns { get; set; } = [];
        public string[] OrgNounsAfter { get; set; } = [];
        public string[] OrganizationPossessions { get; set; } = [];
        public string[] PlacePrepositions { get; set; } = [];
        public string[] PlaceArticlePrepositions { get; set; } = [];
        public string[] PlaceAdjectiveSuffixes { get; set; } = [];
        public string[] Honorifics { get; set; } = [];
        public string RoleJoiner { get; set; } = "of";
        public string[] SourcePrepositions { get; set; } = [];
        public bool DescribesUnnamedSpeakers { get; set; }
        public string? LoanwordsFrom { get; set; }
        public int SubjectWindow { get; set; } = 5;
        public string[] CommonNounSuffixes { get; set; } = [];
        public string[] PersonNounSuffixes { get; set; } = [];
        public string[] AdjectiveEndings { get; set; } = [];
        public string[] AdjectiveSuffixes { get; set; } = [];
        public string[] AgeSuffixes { get; set; } = [];
        public string[] VerbsBeforeSpeech { get; set; } = [];
        public string[] SportsCues { get; set; } = [];
        public int SportsCueCount { get; set; } = int.MaxValue;
        public string[] LocativePrepositions { get; set; } = [];
        public string[] Auxiliaries { get; set; } = [];
        public string[] GenericRoleNouns { get; set; } = [];
        public string[] RelationalRoleNouns { get; set; } = [];
        public string[] StateBodyHeads { get; set; } = [];
        public string[] MinistryHeads { get; set; } = [];
        public string[] GenericHeads { get; set; } = [];
        public string[] ParticipleSuffixes { get; set; } = [];
        public string[] PastSuffixes { get; set; } = [];
        public Dictionary<string, string> Pronouns { get; set; } = [];
        public string[] SpeakerDeterminers { get; set; } = [];
        public string[] DocumentDeterminers { get; set; } = [];
        public string[] ClauseStoppers { get; set; } = [];
        public string[] AffiliationPrepositions { get; set; } = [];
        public string[] ObjectPrepositions { get; set; } = [];
        public string[] SpeakerForNouns { get; set; } = [];
        public string[] DocumentNouns { get; set; } = [];
        public string[] OrganizationNouns { get; set; } = [];
        public string[] GroupNouns { get; set; } = [];
        public string[] PairWords { get; set; } = [];
        public string[] ScareCues { get; set; } = [];
        public string[] StrongScareCues { get; set; } = [];
    }
}

/// <summary>Source-generated reading of <c>words.json</c> (no reflection at start-up).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LanguageProfile.WordsFile))]
internal sealed partial class WordsFileJson : JsonSerializerContext;
