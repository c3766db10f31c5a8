using System.Text.Json;
using Ingestion.Core.Input;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// JSON input: an object with article fields (title/headline, teaser/lead/description, text/body/articleBody, date,
/// author), a syndication item, or a JSON-LD NewsArticle (also inside @graph or an array). Text that holds HTML is read
/// as HTML; plain text goes through the same line rules as text dumps.
/// </summary>
internal static class JsonArticleReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ArticleDraft Read(string text, UiCatalog cat, DateTimeOffset? baseTime)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            throw new ArticleRejectedException(RejectionKind.MalformedJson,
                $"the file is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): {e.Message}", e);
        }
        using (doc)
        {
            var article = FindArticle(doc.RootElement)
                ?? throw new ArticleRejectedException(RejectionKind.NoArticle, "no article found: the JSON holds no object with article fields (title, text, body, articleBody …)");
            return FromObject(article, cat, baseTime);
        }
    }

    /// <summary>Breadth-first, bounded: the first object that has a title or body field.</summary>
    private static JsonElement? FindArticle(JsonElement root) =>
        JsonSearch.First(root, limit: 10_000,
            e => Str(e, TitleKeys) is not null || Str(e, BodyKeys) is not null || Arr(e, BodyKeys) is not null,
            e => e.EnumerateObject().Select(p => p.Value).Where(v => v.ValueKind is JsonValueKind.Object or JsonValueKind.Array));

    private static readonly string[] TitleKeys = ["title", "headline", "name"];
    private static readonly string[] LeadKeys = ["teaser", "lead", "description", "summary", "abstract", "intro"];
    private static readonly string[] BodyKeys = ["text", "body", "articleBody", "fullText", "full_text", "content"];
    private static readonly string[] DateKeys = ["datePublished", "published", "date", "publicationDate", "pubDate", "lastModifiedDate"];
    private static readonly string[] AuthorKeys = ["author", "authors", "byline"];
    private static readonly string[] LangKeys = ["inLanguage", "language", "lang", "languageCode"];

    private static ArticleDraft FromObject(JsonElement o, UiCatalog cat, DateTimeOffset? baseTime)
    {
        var bodyText = Str(o, BodyKeys);
        if (bodyText is null && Arr(o, BodyKeys) is { } parts) bodyText = string.Join("\n\n", parts);
        var lang = LanguageGuesser.FromCode(Str(o, LangKeys)) ?? DwSite.LanguageOfUrl(Str(o, ["url", "@id", "link", "canonicalUrl"]));
        ArticleDraft draft;
        if (bodyText is not null && bodyText.Contains('<') && bodyText.Contains("</", StringComparison.Ordinal))
            draft = HtmlArticleReader.ReadFragment(bodyText, cat, lang);
        else
        {
            draft = new ArticleDraft();
            if (bodyText is not null)
            {
                var lines = LineRules.Split(bodyText);
                lang ??= LanguageGuesser.Guess(lines.Select(l => l.Text), cat);
                var ui = cat.Get(lang);
                LineRules.Classify(lines, 0, cat, ui, draft);
                LineRules.Assemble(lines, 0, cat, draft);
            }
        }
        draft.Language ??= lang ?? LanguageGuesser.Guess([Str(o, TitleKeys) ?? "", Str(o, LeadKeys) ?? ""], cat);
        draft.Title = Str(o, TitleKeys) is { } t ? HtmlArticleReader.PlainText(t) : draft.Title;
        if (Str(o, LeadKeys) is { } lead) draft.Lead = HtmlArticleReader.PlainText(lead);
        if (draft.Lead.Length == 0 && draft.Body.Count > 1 && draft.Body[0].Kind == Model.BlockKind.Paragraph)
        {
            draft.Lead = draft.Body[0].Text;
            draft.Body.RemoveAt(0);
        }
        var ui2 = cat.Get(draft.Language);
        draft.Published = DateReader.ReadAny(Str(o, DateKeys), ui2, cat) ?? draft.Published;
        if (o.TryGetProperty("author", out var a) || o.TryGetProperty("authors", out a) || o.TryGetProperty("byline", out a))
            draft.AddAuthors(HtmlArticleReader.AuthorNames(a));
        return draft;
    }

    internal static string? Str(JsonElement o, string[] keys)
    {
        foreach (var k in keys)
            foreach (var p in o.EnumerateObject())
                if (p.Name.Equals(k, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } s)
                    return s;
        return null;
    }

    private static List<string>? Arr(JsonElement o, string[] keys)
    {
        foreach (var k in keys)
            foreach (var p in o.EnumerateObject())
                if (p.Name.Equals(k, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Array)
                {
                    var list = new List<string>();
                    foreach (var x in p.Value.EnumerateArray())
                        if (x.ValueKind == JsonValueKind.String) list.Add(x.GetString()!);
                        else if (x.ValueKind == JsonValueKind.Object && Str(x, ["text", "value", "content"]) is { } s) list.Add(s);
                    return list.Count > 0 ? list : null;
                }
        return null;
    }
}
