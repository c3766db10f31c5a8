using System.Text.Json.Serialization;
using Ingestion.Core.Cleaning;
using Ingestion.Core.Model;

namespace Ingestion.Core.Stories;

/// <summary>An article's clean text and analysis as one version (or one copy) had them.</summary>
public sealed record ArticleSnapshot(CleanArticle Article, ArticleAnalysis Analysis);

/// <summary>
/// What changed from one version of an article to the next, or from a story's first copy to a later copy: the title,
/// the lead, body blocks (paragraphs and subheadings) added and removed, quotes added and removed. A block or quote
/// counts as the same when its words and spacing-normalised text are equal; an edited paragraph is one removed and
/// one added, so both wordings show.
/// </summary>
public sealed record ArticleChanges
{
    public bool TitleChanged { get; init; }
    public string? TitleBefore { get; init; }
    public string? TitleAfter { get; init; }
    public bool LeadChanged { get; init; }
    public IReadOnlyList<BodyBlock> ParagraphsAdded { get; init; } = [];
    public IReadOnlyList<BodyBlock> ParagraphsRemoved { get; init; } = [];
    public IReadOnlyList<Quote> QuotesAdded { get; init; } = [];
    public IReadOnlyList<Quote> QuotesRemoved { get; init; } = [];
    /// <summary>True when the lists were cut to fit where they are stored (<see cref="Abridge"/>); <see cref="Summary"/> still counts them all.</summary>
    public bool Abridged { get; init; }
    /// <summary>The changes in one line: "title changed, +2 paragraphs, −1 quote".</summary>
    public string Summary { get; init; } = "";

    [JsonIgnore]
    public bool IsEmpty => !TitleChanged && !LeadChanged && ParagraphsAdded.Count == 0 && ParagraphsRemoved.Count == 0
        && QuotesAdded.Count == 0 && QuotesRemoved.Count == 0;

    public static ArticleChanges Between(ArticleSnapshot before, ArticleSnapshot after)
    {
        var titleChanged = Key(before.Article.Title) != Key(after.Article.Title);
        var changes = new ArticleChanges
        {
            TitleChanged = titleChanged,
            TitleBefore = titleChanged ? before.Article.Title : null,
            TitleAfter = titleChanged ? after.Article.Title : null,
            LeadChanged = Key(before.Article.Lead) != Key(after.Article.Lead),
            ParagraphsAdded = Missing(after.Article.Body, before.Article.Body, b => Key(b.Text)),
            ParagraphsRemoved = Missing(before.Article.Body, after.Article.Body, b => Key(b.Text)),
            QuotesAdded = Missing(after.Analysis.Quotes, before.Analysis.Quotes, QuoteKey),
            QuotesRemoved = Missing(before.Analysis.Quotes, after.Analysis.Quotes, QuoteKey),
        };
        return changes with { Summary = changes.Describe() };
    }

    private string Describe()
    {
        var parts = new List<string>();
        if (TitleChanged) parts.Add("title changed");
        if (LeadChanged) parts.Add("lead changed");
        static string Count(int n, string sign, string what) => $"{sign}{n} {what}{(n == 1 ? "" : "s")}";
        if (ParagraphsAdded.Count > 0) parts.Add(Count(ParagraphsAdded.Count, "+", "paragraph"));
        if (ParagraphsRemoved.Count > 0) parts.Add(Count(ParagraphsRemoved.Count, "−", "paragraph"));
        if (QuotesAdded.Count > 0) parts.Add(Count(QuotesAdded.Count, "+", "quote"));
        if (QuotesRemoved.Count > 0) parts.Add(Count(QuotesRemoved.Count, "−", "quote"));
        return parts.Count == 0 ? "no change to title, lead, paragraphs or quotes" : string.Join(", ", parts);
    }

    /// <summary>At most <paramref name="items"/> entries per list, each text cut to <paramref name="chars"/> characters.</summary>
    public ArticleChanges Abridge(int items, int chars)
    {
        string Cut(string s) => s.Length <= chars ? s : s[..chars] + "…";
        return this with
        {
            TitleBefore = TitleBefore is null ? null : Cut(TitleBefore),
            TitleAfter = TitleAfter is null ? null : Cut(TitleAfter),
            ParagraphsAdded = ParagraphsAdded.Take(items).Select(b => b with { Text = Cut(b.Text) }).ToList(),
            ParagraphsRemoved = ParagraphsRemoved.Take(items).Select(b => b with { Text = Cut(b.Text) }).ToList(),
            QuotesAdded = QuotesAdded.Take(items).Select(q => q with { Text = Cut(q.Text) }).ToList(),
            QuotesRemoved = QuotesRemoved.Take(items).Select(q => q with { Text = Cut(q.Text) }).ToList(),
            Abridged = true,
        };
    }

    private static string Key(string? text) => TextTools.NormaliseSpaces(text ?? "");

    private static string QuoteKey(Quote q) => Key(q.Text) + "\u0000" + q.Speaker;

    /// <summary>The items of <paramref name="items"/> that <paramref name="other"/> lacks, counting repeats, in order.</summary>
    private static List<T> Missing<T>(IReadOnlyList<T> items, IReadOnlyList<T> other, Func<T, string> key)
    {
        var available = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in other) available[key(o)] = available.GetValueOrDefault(key(o)) + 1;
        var missing = new List<T>();
        foreach (var item in items)
        {
            var k = key(item);
            if (available.TryGetValue(k, out var n) && n > 0) available[k] = n - 1;
            else missing.Add(item);
        }
        return missing;
    }
}
