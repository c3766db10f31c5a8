using System.Collections.Frozen;
using System.Text.Json;

namespace Ingestion.Core.Cleaning;

/// <summary>DW's UI strings for one language, as read from <c>Data/cleaning/ui/&lt;lang&gt;.json</c>.</summary>
internal sealed class UiLanguage
{
    public required string Code { get; init; }
    public string[] SkipLinks { get; init; } = [];
    public string[] ImageCredit { get; init; } = [];
    public string[] Ads { get; init; } = [];
    public string[] EndOfArticle { get; init; } = [];
    public string[] DropLines { get; init; } = [];
    public string[] DropPrefixes { get; init; } = [];
    /// <summary>Month names, index 0 = January; each entry holds the forms separated by '|'.</summary>
    public string[] Months { get; init; } = [];
    public string[] RelativeMarkers { get; init; } = [];
    public string[] MinuteUnits { get; init; } = [];
    public string[] HourUnits { get; init; } = [];
    public string[] DayUnits { get; init; } = [];
    public string[] InfoDate { get; init; } = [];
    public string[] InfoAuthor { get; init; } = [];
    public string[] InfoPermalink { get; init; } = [];
    /// <summary>Info-box labels whose lines are dropped whole (keywords, topic pages, print).</summary>
    public string[] InfoDrop { get; init; } = [];
    public string[] Stopwords { get; init; } = [];
    /// <summary>Labels of a byline run into the article's last paragraph ("Author:", "Interview:") and of its editor ("Editor:").</summary>
    public string[] BylineAuthors { get; init; } = [];
    public string[] BylineEditors { get; init; } = [];
    public FrozenDictionary<string, int> MonthIndex { get; init; } = FrozenDictionary<string, int>.Empty;
}

/// <summary>What an old-layout info-box label introduces.</summary>
internal enum InfoKind { Date, Author, Permalink, Drop }

/// <summary>Thresholds that decide line kinds; data, so they can be tuned without touching the algorithm.</summary>
internal sealed record CleaningThresholds(
    int MaxHeadingWords, int MaxHeadingChars, int MaxTitleChars, int MaxAltTextChars, int MaxCaptionWords,
    int MinArticleWords, int FallbackMinChars, double FallbackMaxLinkDensity);

/// <summary>
/// Every DW UI string, loaded once from the embedded data tables and merged into lookup sets. The cleaner's rules
/// ask this catalog ("is this line an ad marker?"), so adding a language is adding a JSON file. What belongs to one
/// page layout rather than to a language is in <c>Data/cleaning/layouts</c> (<see cref="Layouts.DwLayouts"/>).
/// </summary>
internal sealed class UiCatalog
{
    public static UiCatalog Default { get; } = Load();

    public required FrozenDictionary<string, UiLanguage> Languages { get; init; }
    /// <summary>Normalised line -> language, for the numbered skip links at the top of new-layout pages.</summary>
    public required FrozenDictionary<string, string> SkipLinkLanguage { get; init; }
    public required FrozenSet<string> AdMarkers { get; init; }
    public required string[] AdMarkerList { get; init; }
    public required FrozenSet<string> DropLines { get; init; }
    public required PrefixIndex DropPrefixes { get; init; }
    /// <summary>The entries of <see cref="DropPrefixes"/> that start a video player's notice (the line is media).</summary>
    public required FrozenSet<string> VideoNotices { get; init; }
    public required PrefixIndex EndOfArticle { get; init; }
    /// <summary>The end-of-article strings themselves, longest first, for chrome run into the last paragraph.</summary>
    public required string[] EndOfArticleStrings { get; init; }
    /// <summary>Longest entry of <see cref="DropLines"/> and <see cref="AdMarkers"/>: longer lines skip the set lookups.</summary>
    public required int MaxExactLineLength { get; init; }
    /// <summary>Credit labels longest first, so "Foto:" does not shadow "Fotografi:".</summary>
    public required string[] CreditLabels { get; init; }
    public required string[] CreditHints { get; init; }
    public required CleaningThresholds Thresholds { get; init; }
    public required FrozenSet<string> InfoDateLabels { get; init; }
    public required FrozenSet<string> InfoAuthorLabels { get; init; }
    public required FrozenSet<string> InfoPermalinkLabels { get; init; }
    public required FrozenSet<string> InfoDropLabels { get; init; }
    /// <summary>Every info-box label of every language → what it introduces (one lookup per candidate label).</summary>
    public required FrozenDictionary<string, InfoKind> InfoLabels { get; init; }
    /// <summary>Every language's byline labels (author and interviewer labels; editor labels), longest first.</summary>
    public required string[] BylineAuthorLabels { get; init; }
    public required string[] BylineEditorLabels { get; init; }
    public required int MaxInfoLabelLength { get; init; }
    /// <summary>Lower-case stopword → the languages it belongs to, for <see cref="LanguageGuesser"/>.</summary>
    public required FrozenDictionary<string, int[]> StopwordLanguages { get; init; }
    /// <summary>Language codes in a fixed order; <see cref="StopwordLanguages"/> holds indexes into it.</summary>
    public required string[] LanguageCodes { get; init; }

    private static UiCatalog Load()
    {
        var langs = new Dictionary<string, UiLanguage>(StringComparer.Ordinal);
        foreach (var json in DataFiles.ReadAll("ui"))
        {
            using var doc = JsonDocument.Parse(json);
            var lang = ReadLanguage(doc.RootElement);
            langs[lang.Code] = lang;
        }
        using var common = JsonDocument.Parse(DataFiles.Read("common.json"));
        var c = common.RootElement;

        var skip = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var drop = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var prefixes = new List<string>();
        var ends = new List<string>();
        var credits = new HashSet<string>(StringComparer.Ordinal);
        var infoDate = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var infoAuthor = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var infoPerma = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var infoDrop = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in langs.Values.OrderBy(l => l.Code, StringComparer.Ordinal))
        {
            foreach (var s in l.SkipLinks) skip.TryAdd(s, l.Code);
            ads.UnionWith(l.Ads);
            drop.UnionWith(l.DropLines);
            prefixes.AddRange(l.DropPrefixes);
            ends.AddRange(l.EndOfArticle);
            credits.UnionWith(l.ImageCredit);
            infoDate.UnionWith(l.InfoDate);
            infoAuthor.UnionWith(l.InfoAuthor);
            infoPerma.UnionWith(l.InfoPermalink);
            infoDrop.UnionWith(l.InfoDrop);
        }
        var codes = langs.Keys.Order(StringComparer.Ordinal).ToArray();
        var stop = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var li = 0; li < codes.Length; li++)
            foreach (var word in langs[codes[li]].Stopwords)
            {
                var w = word.ToLowerInvariant();
                if (!stop.TryGetValue(w, out var list)) stop[w] = list = [];
                if (!list.Contains(li)) list.Add(li);
            }
        var infoLabels = new Dictionary<string, InfoKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var x in infoDrop) infoLabels.TryAdd(x, InfoKind.Drop);
        foreach (var x in infoPerma) infoLabels[x] = InfoKind.Permalink;
        foreach (var x in infoAuthor) infoLabels[x] = InfoKind.Author;
        foreach (var x in infoDate) infoLabels[x] = InfoKind.Date;
        drop.UnionWith(Strings(c, "dropLines"));
        var videoNotices = Strings(c, "videoNotices");
        prefixes.AddRange(videoNotices);
        prefixes.AddRange(Strings(c, "dropPrefixes"));
        var t = c.GetProperty("thresholds");
        return new UiCatalog
        {
            Languages = langs.ToFrozenDictionary(StringComparer.Ordinal),
            SkipLinkLanguage = skip.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            AdMarkers = ads.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            AdMarkerList = [.. ads.OrderByDescending(a => a.Length)],
            DropLines = drop.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            DropPrefixes = new PrefixIndex(prefixes),
            VideoNotices = videoNotices.ToFrozenSet(StringComparer.Ordinal),
            EndOfArticle = new PrefixIndex(ends),
            EndOfArticleStrings = [.. ends.Distinct(StringComparer.Ordinal).OrderByDescending(x => x.Length)],
            MaxExactLineLength = Math.Max(drop.Max(x => x.Length), ads.Max(x => x.Length)),
            CreditLabels = [.. credits.OrderByDescending(x => x.Length)],
            CreditHints = Strings(c, "creditHints"),
            InfoDateLabels = infoDate.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            InfoAuthorLabels = infoAuthor.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            InfoPermalinkLabels = infoPerma.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            InfoDropLabels = infoDrop.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            InfoLabels = infoLabels.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            BylineAuthorLabels = [.. langs.Values.SelectMany(l => l.BylineAuthors).Distinct(StringComparer.Ordinal).OrderByDescending(x => x.Length)],
            BylineEditorLabels = [.. langs.Values.SelectMany(l => l.BylineEditors).Distinct(StringComparer.Ordinal).OrderByDescending(x => x.Length)],
            MaxInfoLabelLength = infoLabels.Keys.Max(k => k.Length),
            StopwordLanguages = stop.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            LanguageCodes = codes,
            Thresholds = new CleaningThresholds(
                t.GetProperty("maxHeadingWords").GetInt32(), t.GetProperty("maxHeadingChars").GetInt32(),
                t.GetProperty("maxTitleChars").GetInt32(), t.GetProperty("maxAltTextChars").GetInt32(),
                t.GetProperty("maxCaptionWords").GetInt32(), t.GetProperty("minArticleWords").GetInt32(), t.GetProperty("fallbackMinChars").GetInt32(),
                t.GetProperty("fallbackMaxLinkDensity").GetDouble()),
        };
    }

    private static UiLanguage ReadLanguage(JsonElement e)
    {
        var months = Strings(e, "months");
        var monthIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < months.Length; i++)
            foreach (var form in months[i].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                monthIndex.TryAdd(form, i + 1);
        var rel = e.TryGetProperty("relative", out var r) ? r : default;
        var info = e.TryGetProperty("info", out var inf) ? inf : default;
        var byline = e.TryGetProperty("byline", out var by) ? by : default;
        return new UiLanguage
        {
            Code = e.GetProperty("language").GetString() ?? "",
            SkipLinks = Strings(e, "skipLinks"),
            ImageCredit = Strings(e, "imageCredit"),
            Ads = Strings(e, "ads"),
            EndOfArticle = Strings(e, "endOfArticle"),
            DropLines = Strings(e, "dropLines"),
            DropPrefixes = Strings(e, "dropPrefixes"),
            Months = months,
            MonthIndex = monthIndex.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            RelativeMarkers = Strings(rel, "markers"),
            MinuteUnits = Strings(rel, "minute"),
            HourUnits = Strings(rel, "hour"),
            DayUnits = Strings(rel, "day"),
            InfoDate = Strings(info, "date"),
            InfoAuthor = Strings(info, "author"),
            InfoPermalink = Strings(info, "permalink"),
            InfoDrop = Strings(info, "drop"),
            Stopwords = Strings(e, "stopwords"),
            BylineAuthors = Strings(byline, "authors"),
            BylineEditors = Strings(byline, "editors"),
        };
    }

    private static string[] Strings(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var a) || a.ValueKind != JsonValueKind.Array) return [];
        var list = new List<string>(a.GetArrayLength());
        foreach (var x in a.EnumerateArray())
            if (x.GetString() is { Length: > 0 } s) list.Add(TextTools.NormaliseSpaces(s));
        return [.. list];
    }

    public UiLanguage? Get(string? code) => code is not null && Languages.TryGetValue(code, out var l) ? l : null;

    /// <summary>The credit label at which <paramref name="line"/> splits into caption and credit, or -1.</summary>
    /// <remarks>Every label ends with a colon, so only the line's colons are candidates: the last label wins.</remarks>
    public (int Index, int Length) FindCreditLabel(string line)
    {
        var s = line.AsSpan();
        for (var p = s.LastIndexOfAny(':', '：'); p >= 0; p = p == 0 ? -1 : s[..p].LastIndexOfAny(':', '：'))
        {
            var head = s[..(p + 1)];
            foreach (var label in CreditLabels)
                if (head.EndsWith(label, StringComparison.Ordinal)) return (p + 1 - label.Length, label.Length);
        }
        return (-1, 0);
    }
}
