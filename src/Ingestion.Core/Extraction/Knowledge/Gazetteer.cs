using System.Globalization;
using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>A known multi-word name: its tokens as they appear, the canonical name and the type.</summary>
internal sealed record LexEntry(string[] Tokens, string Canonical, EntityType Type);

/// <summary>What reference data says a name can be (several at once: "Clinton" is a person and a town).</summary>
[Flags]
internal enum NameKinds : byte
{
    None = 0,
    /// <summary>A person WordNet knows by this name ("Nixon", "Goethe").</summary>
    Person = 1,
    /// <summary>A place WordNet knows (regions, rivers, seas, mountains, cities).</summary>
    Location = 2,
    /// <summary>An organisation or group WordNet knows ("Red Cross", "Hezbollah").</summary>
    Organization = 4,
    /// <summary>A war, revolution or programme WordNet knows.</summary>
    Event = 8,
    /// <summary>A GeoNames populated place of 15,000 people or more, or a capital or first-level seat.</summary>
    City = 16,
    /// <summary>A GeoNames place of 250,000 people or more: a name news use for the place before anything else.</summary>
    BigCity = 32,
    /// <summary>A country's state, province or region (ISO 3166-2: "Helmand", "Borno", "Hessen").</summary>
    Region = 64,
}

/// <summary>
/// What extraction knows about the world, whatever the article's language: countries (CLDR via .NET/ICU), places,
/// organisations and given names, from <c>Data/extraction/world</c>. Loaded once, immutable, shared across threads.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    public static Gazetteer Default => Instance.Value;

    /// <summary>Names keyed by their first token (case-sensitive); each list longest first.</summary>
    public required WordMap<LexEntry[]> Names { get; init; }
    /// <summary>Given name -> 'm', 'f' or 'u': the curated list first, then the package lists (see SOURCES.md).</summary>
    public required WordMap<char> GivenNames { get; init; }
    /// <summary>First words of organisations WordNet knows ("Ford" of "Ford Motor Company", "Harvard" of "Harvard University").</summary>
    public required WordSet OrganizationFirstWords { get; init; }
    /// <summary>The hand-checked given names: evidence of a person even where they are also words or places.</summary>
    public required WordSet CuratedGivenNames { get; init; }
    /// <summary>What WordNet and GeoNames say a name (one word or several, as written) can be.</summary>
    public required WordMap<NameKinds> Kinds { get; init; }
    /// <summary>Canonical names of countries (for role phrases "President of Russia").</summary>
    public required WordSet Countries { get; init; }

    private WordMap<string> renames = WordMap<string>.Empty;

    /// <summary>A country's name as the news names it: CLDR's name renamed where news usage differs, "&amp;" as "and".</summary>
    public string CanonicalCountry(string name) => Canonical(renames, name);

    /// <summary>The name with its letters spelled as English texts spell them when they lack them ("ü" -> "ue"); null when unchanged.</summary>
    private static string? Transliterate(string name, Dictionary<char, string> table)
    {
        System.Text.StringBuilder? sb = null;
        for (var i = 0; i < name.Length; i++)
        {
            if (!table.TryGetValue(name[i], out var with)) { sb?.Append(name[i]); continue; }
            sb ??= new System.Text.StringBuilder(name.Length + 4).Append(name, 0, i);
            sb.Append(with);
        }
        return sb?.ToString();
    }

    private static string Canonical(WordMap<string> renames, string name)
    {
        if (renames.TryGetValue(name, out var renamed)) return renamed;
        name = name.Replace(" & ", " and ", StringComparison.Ordinal);
        return name.StartsWith("St. ", StringComparison.Ordinal) ? "Saint " + name[4..] : name;
    }

    /// <summary>(first char, length) of names that start with a lower-case word ("dpa", "the Netherlands").</summary>
    private bool[] lowerStarts = [];

    /// <summary>False when no name starts with a lower-case word of this first letter and length: the look-up can be skipped.</summary>
    public bool MayStartLowerName(char first, int length) => first >= 128 || length >= 32 || lowerStarts[first * 32 + length];

    /// <summary>
    /// This gazetteer with a language's own names added ("Russland" for "Russia", "Grünen"), and without the one-word
    /// names <paramref name="isOrdinaryWord"/> says are the language's ordinary words ("Bild" is a picture in German).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public Gazetteer WithLanguageNames(IEnumerable<(string Surface, string Canonical, EntityType Type)> languageNames, Func<string, bool> isOrdinaryWord)
    {
        var names = new Dictionary<string, List<LexEntry>>(StringComparer.Ordinal);
        foreach (var key in Names.Keys)
        {
            Names.TryGetValue(key, out var entries);
            var kept = entries.Where(e => e.Tokens.Length > 1 || !isOrdinaryWord(e.Tokens[0])).ToList();
            if (kept.Count > 0) names[key] = kept;
        }
        foreach (var (surface, canonical, type) in languageNames) AddName(names, surface, canonical, type);
        return new Gazetteer
        {
            Names = Freeze(names),
            GivenNames = GivenNames,
            CuratedGivenNames = CuratedGivenNames,
            Kinds = Kinds,
            OrganizationFirstWords = OrganizationFirstWords,
            Countries = Countries,
            renames = renames,
            lowerStarts = LowerStarts(names.Keys),
        };
    }

    private static void AddName(Dictionary<string, List<LexEntry>> names, string surface, string canonical, EntityType type)
    {
        var toks = Tokenizer.WordsOf(surface);
        if (toks.Length == 0) return;
        if (!names.TryGetValue(toks[0], out var list)) names[toks[0]] = list = [];
        if (list.Exists(e => e.Tokens.AsSpan().SequenceEqual(toks))) return;
        list.Add(new LexEntry(toks, canonical, type));
    }

    private static WordMap<LexEntry[]> Freeze(Dictionary<string, List<LexEntry>> names) =>
        new(names.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(e => e.Tokens.Length).ToArray(), StringComparer.Ordinal));

    private static bool[] LowerStarts(IEnumerable<string> keys)
    {
        var lowerStarts = new bool[128 * 32];
        foreach (var key in keys)
            if (key.Length > 0 && !char.IsUpper(key[0]) && key[0] < 128 && key.Length < 32) lowerStarts[key[0] * 32 + key.Length] = true;
        return lowerStarts;
    }

    // loaded once per process: straight to optimised code, as its loops over tens of thousands of rows would crawl in tier 0
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Gazetteer Load()
    {
        var names = new Dictionary<string, List<LexEntry>>(StringComparer.Ordinal);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        void AddName(string surface, string canonical, EntityType type) => Gazetteer.AddName(names, surface, canonical, type);

        var renames = new WordMap<string>(ExtractionData.Rows("world/country-renames.tsv").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal));
        string CanonicalCountry(string name) => Canonical(renames, name);

        // Countries and territories: CLDR English names as the .NET runtime exposes them through ICU.
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try { region = new RegionInfo(culture.Name); }
            catch (ArgumentException) { continue; }
            if (region.TwoLetterISORegionName.Length != 2 || !char.IsLetter(region.TwoLetterISORegionName[0])) continue;
            var canonical = CanonicalCountry(region.EnglishName);
            countries.Add(canonical);
            AddName(canonical, canonical, EntityType.Location);
            if (canonical != region.EnglishName) AddName(region.EnglishName, canonical, EntityType.Location);
        }
        foreach (var row in ExtractionData.Rows("world/country-aliases.tsv"))
        {
            var canonical = CanonicalCountry(row[1]);
            countries.Add(canonical);
            AddName(row[0], canonical, EntityType.Location);
            AddName(canonical, canonical, EntityType.Location);
        }
        foreach (var row in ExtractionData.Rows("world/places.tsv"))
            AddName(row[0], row[0], EntityType.Location);
        foreach (var row in ExtractionData.Rows("world/place-aliases.tsv"))
        {
            AddName(row[1], row[1], EntityType.Location);
            AddName(row[0], row[1], EntityType.Location);
        }
        foreach (var row in ExtractionData.Rows("world/organizations.tsv"))
        {
            AddName(row[0], row[0], EntityType.Organization);
            if (row.Length > 1)
                foreach (var alias in row[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    AddName(alias, row[0], EntityType.Organization);
        }

        var given = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var row in ExtractionData.Rows("world/given-names.tsv"))
            given.TryAdd(row[0], row.Length > 1 && row[1].Length > 0 ? row[1][0] : 'u');
        var curated = new WordSet(given.Keys);
        foreach (var row in ExtractionData.Rows("world/given-names-extra.tsv", optional: true))
            given.TryAdd(row[0], row.Length > 1 && row[1].Length > 0 ? row[1][0] : 'u');

        var kinds = new Dictionary<string, NameKinds>(StringComparer.Ordinal);
        foreach (var row in ExtractionData.Rows("world/wordnet-names.tsv", optional: true))
        {
            var kind = row[1] switch
            {
                "person" => NameKinds.Person,
                "location" => NameKinds.Location,
                "organization" => NameKinds.Organization,
                "event" => NameKinds.Event,
                _ => throw new InvalidOperationException($"world/wordnet-names.tsv: unknown type '{row[1]}'."),
            };
            kinds[row[0]] = kinds.GetValueOrDefault(row[0]) | kind;
        }
        var orgFirstWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, kind) in kinds)
            if ((kind & NameKinds.Organization) != 0 && name.IndexOf(' ') is > 0 and var space) orgFirstWords.Add(name[..space]);
        var transliteration = ExtractionData.Rows("world/transliterations.tsv").ToDictionary(r => r[0][0], r => r[1]);
        void AddKind(string name, NameKinds kind)
        {
            kinds[name] = kinds.GetValueOrDefault(name) | kind;
            // "Düsseldorf" is also written "Duesseldorf" in English texts
            if (Transliterate(name, transliteration) is { } plain) kinds[plain] = kinds.GetValueOrDefault(plain) | kind;
        }
        foreach (var row in ExtractionData.Rows("world/geonames-cities.tsv", optional: true))
        {
            var population = long.Parse(row[2], CultureInfo.InvariantCulture);
            AddKind(row[0], NameKinds.City | (population >= 250_000 ? NameKinds.BigCity : NameKinds.None));
        }
        foreach (var row in ExtractionData.Rows("world/iso-subdivisions.tsv", optional: true))
            AddKind(row[0], NameKinds.Region);

        return new Gazetteer
        {
            Names = Freeze(names),
            GivenNames = new WordMap<char>(given),
            CuratedGivenNames = curated,
            Kinds = new WordMap<NameKinds>(kinds),
            OrganizationFirstWords = new WordSet(orgFirstWords),
            Countries = new WordSet(countries),
            renames = renames,
            lowerStarts = LowerStarts(names.Keys),
        };
    }
}
