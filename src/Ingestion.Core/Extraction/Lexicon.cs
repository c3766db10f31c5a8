using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>A known multi-word name: its tokens as they appear, the canonical name and the type.</summary>
internal sealed record LexEntry(string[] Tokens, string Canonical, EntityType Type);

/// <summary>
/// Everything extraction knows as data: countries (CLDR via .NET/ICU), places, organisations, titles, names, speech verbs.
/// Loaded once from embedded resources (<c>Data/extraction</c>), immutable afterwards, so safe to share across threads.
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    public static Lexicon Default => Instance.Value;

    /// <summary>Names keyed by their first token (case-sensitive); each list longest first.</summary>
    public required FrozenDictionary<string, LexEntry[]> Names { get; init; }
    /// <summary>Nationality adjective -> country ("" when it names no single country: "European").</summary>
    public required FrozenDictionary<string, string> Demonyms { get; init; }
    /// <summary>Person titles keyed by first token; values are the token sequences, longest first.</summary>
    public required FrozenDictionary<string, string[][]> Titles { get; init; }
    public required FrozenSet<string> RoleNouns { get; init; }
    public required FrozenSet<string> OrgHeads { get; init; }
    public required FrozenSet<string> EventHeads { get; init; }
    /// <summary>Given name -> 'm' or 'f'.</summary>
    public required FrozenDictionary<string, char> GivenNames { get; init; }
    public required FrozenSet<string> CommonCaps { get; init; }
    /// <summary>Speech verb form -> lemma, per language ("en", "de").</summary>
    public required FrozenDictionary<string, string> SpeechVerbsEn { get; init; }
    public required FrozenDictionary<string, string> SpeechVerbsDe { get; init; }
    /// <summary>Canonical names of countries (for role phrases "President of Russia").</summary>
    public required FrozenSet<string> Countries { get; init; }

    private static readonly Dictionary<string, string> CountryRenames = new(StringComparer.Ordinal)
    {
        ["Vatican City"] = "Vatican",
        ["Palestinian Territories"] = "Palestine",
        ["Congo - Kinshasa"] = "Democratic Republic of the Congo",
        ["Congo - Brazzaville"] = "Republic of the Congo",
        ["Hong Kong SAR China"] = "Hong Kong",
        ["Macao SAR China"] = "Macao",
        ["Myanmar (Burma)"] = "Myanmar",
        ["Czech Republic"] = "Czechia",
        ["Türkiye"] = "Turkey",
    };

    private static string CanonicalCountry(string name)
    {
        if (CountryRenames.TryGetValue(name, out var renamed)) return renamed;
        name = name.Replace(" & ", " and ", StringComparison.Ordinal);
        return name.StartsWith("St. ", StringComparison.Ordinal) ? "Saint " + name[4..] : name;
    }

    private static Lexicon Load()
    {
        var names = new Dictionary<string, List<LexEntry>>(StringComparer.Ordinal);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        void AddName(string surface, string canonical, EntityType type)
        {
            var toks = Tokenizer.WordsOf(surface);
            if (toks.Length == 0) return;
            if (!names.TryGetValue(toks[0], out var list)) names[toks[0]] = list = [];
            if (list.Exists(e => e.Tokens.AsSpan().SequenceEqual(toks))) return;
            list.Add(new LexEntry(toks, canonical, type));
        }

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
        foreach (var row in Rows("country-aliases.tsv"))
        {
            var canonical = CanonicalCountry(row[1]);
            countries.Add(canonical);
            AddName(row[0], canonical, EntityType.Location);
            AddName(canonical, canonical, EntityType.Location);
        }
        foreach (var row in Rows("places.tsv"))
            AddName(row[0], row[0], EntityType.Location);
        foreach (var row in Rows("organizations.tsv"))
        {
            AddName(row[0], row[0], EntityType.Organization);
            if (row.Length > 1)
                foreach (var alias in row[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    AddName(alias, row[0], EntityType.Organization);
        }

        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows("demonyms.tsv"))
        {
            var country = row.Length > 1 && row[1].Length > 0 ? CanonicalCountry(row[1]) : "";
            demonyms[row[0]] = country;
        }

        var titles = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var row in Rows("titles.tsv"))
        {
            var toks = Tokenizer.WordsOf(row[0]);
            if (toks.Length == 0) continue;
            if (!titles.TryGetValue(toks[0], out var list)) titles[toks[0]] = list = [];
            list.Add(toks);
        }

        var given = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var row in Rows("given-names.tsv"))
            given.TryAdd(row[0], row.Length > 1 && row[1].Length > 0 ? row[1][0] : 'u');

        var en = new Dictionary<string, string>(StringComparer.Ordinal);
        var de = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows("speech-verbs.tsv"))
            (row[1] == "de" ? de : en)[row[0]] = row.Length > 2 ? row[2] : row[0];

        return new Lexicon
        {
            Names = names.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(e => e.Tokens.Length).ToArray(), StringComparer.Ordinal),
            Demonyms = demonyms.ToFrozenDictionary(StringComparer.Ordinal),
            Titles = titles.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(t => t.Length).ToArray(), StringComparer.Ordinal),
            RoleNouns = Lines("role-nouns.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            OrgHeads = Lines("org-heads.txt").ToFrozenSet(StringComparer.Ordinal),
            EventHeads = Lines("event-heads.txt").ToFrozenSet(StringComparer.Ordinal),
            GivenNames = given.ToFrozenDictionary(StringComparer.Ordinal),
            CommonCaps = Lines("common-caps.txt").ToFrozenSet(StringComparer.Ordinal),
            SpeechVerbsEn = en.ToFrozenDictionary(StringComparer.Ordinal),
            SpeechVerbsDe = de.ToFrozenDictionary(StringComparer.Ordinal),
            Countries = countries.ToFrozenSet(StringComparer.Ordinal),
        };
    }

    private static List<string> Lines(string file)
    {
        // The csproj names resources Ingestion.Core.Data.<RecursiveDir><file>; RecursiveDir keeps the OS separator.
        var wanted = "Ingestion.Core.Data.extraction." + file;
        var assembly = typeof(Lexicon).Assembly;
        var name = Array.Find(assembly.GetManifestResourceNames(), n => n.Replace('/', '.').Replace('\\', '.') == wanted)
            ?? throw new InvalidOperationException($"Embedded resource {wanted} is missing.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var result = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            result.Add(line.TrimEnd());
        }
        return result;
    }

    private static IEnumerable<string[]> Rows(string file) =>
        Lines(file).Select(l => l.Split('\t')).Where(r => r[0].Length > 0);
}
