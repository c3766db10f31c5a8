using System.Text.Json;
using AngleSharp.Dom;

namespace Ingestion.Core.Cleaning;

/// <summary>What the page says about itself outside the article: lang, JSON-LD, &lt;title&gt;, canonical URL.</summary>
internal sealed class PageFacts
{
    public string? Language;
    public string? LdHeadline;
    public DateOnly? LdPublished;
    public List<string> LdAuthors = [];
    public string? LdDescription;
    public string? PageTitle;
    public DateOnly? PageTitleDate;

    public static PageFacts Read(IDocument doc, UiCatalog cat)
    {
        var f = new PageFacts();
        f.Language = LanguageGuesser.FromCode(doc.DocumentElement?.GetAttribute("lang"));
        var canonical = Dom.First(doc.Head, new Sel("link", Attr: "rel", Value: "canonical"))?.GetAttribute("href") ?? Dom.First(doc.Head, new Sel("meta", Attr: "property", Value: "og:url"))?.GetAttribute("content");
        f.Language ??= DwSite.LanguageOfUrl(canonical);
        foreach (var s in Dom.All(doc, new Sel("script", Attr: "type", Value: "application/ld+json")))
        {
            try
            {
                using var json = JsonDocument.Parse(s.TextContent, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true });
                if (FindNews(json.RootElement) is not { } news) continue;
                f.LdHeadline ??= JsonArticleReader.Str(news, ["headline", "name"]) is { } h ? TextTools.NormaliseSpaces(h) : null;
                f.LdPublished ??= DateReader.ReadAny(JsonArticleReader.Str(news, ["datePublished", "dateCreated"]), null, cat);
                f.LdDescription ??= JsonArticleReader.Str(news, ["description"]);
                if (f.LdAuthors.Count == 0 && news.TryGetProperty("author", out var a)) f.LdAuthors.AddRange(HtmlArticleReader.AuthorNames(a));
                f.Language ??= LanguageGuesser.FromCode(JsonArticleReader.Str(news, ["inLanguage"]));
            }
            catch (JsonException)
            {
                // a broken JSON-LD block is the page's problem; the markup still has the article
            }
        }
        var title = Dom.First(doc.Head, new Sel("title")) is { } t ? TextTools.NormaliseSpaces(t.TextContent) : null;
        if (title is { Length: > 0 })
        {
            if (Layouts.PageTitle.Read(title) is { } pt)
            {
                f.PageTitle = pt.Title;
                f.PageTitleDate = DateReader.ReadAny(pt.DateText, cat.Get(f.Language), cat);
            }
            else f.PageTitle = title;
        }
        return f;
    }

    /// <summary>A JSON-LD article: at the root, in an array, or in an @graph.</summary>
    private static JsonElement? FindNews(JsonElement root) => JsonSearch.First(root, limit: 1000, IsArticle, e => e.TryGetProperty("@graph", out var g) ? [g] : []);

    private static bool IsArticle(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var type)) return false;
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [type.GetString() ?? ""];
        return types.Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t == "BlogPosting");
    }
}
