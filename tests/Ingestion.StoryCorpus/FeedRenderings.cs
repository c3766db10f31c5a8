using System.Globalization;
using System.Text.Json;
using Ingestion.Core.Model;

namespace Ingestion.StoryCorpus;

/// <summary>The JSON forms of a story: an API's article object, and a JSON-LD NewsArticle.</summary>
internal static class FeedRenderings
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string BodyText(SourceArticle a) => string.Join("\n\n", a.Body.Select(b => b.Text));

    public static string Json(SourceArticle a, Chrome chrome)
    {
        var o = new Dictionary<string, object?>
        {
            ["id"] = long.Parse(chrome.FeedId, CultureInfo.InvariantCulture),
            ["title"] = a.Title,
            ["teaser"] = a.Lead,
            ["text"] = BodyText(a),
            ["date"] = a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:30:00Z",
            ["author"] = a.Authors.Count > 0 ? string.Join(", ", a.Authors) : null,
            ["language"] = a.Language,
            ["url"] = $"https://www.dw.com/{a.Language}/a-{chrome.FeedId}",
        };
        if (chrome.On)
        {
            o["kicker"] = a.Kicker;
            o["permalink"] = "https://p.dw.com/p/" + chrome.Permalink;
            o["image"] = new Dictionary<string, string?> { ["caption"] = chrome.CaptionFor(a).Text, ["credit"] = chrome.CaptionFor(a).Credit };
        }
        return JsonSerializer.Serialize(o, Indented);
    }

    public static string JsonLd(SourceArticle a, Chrome chrome)
    {
        var o = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = a.Title,
            ["description"] = a.Lead,
            ["articleBody"] = BodyText(a),
            ["datePublished"] = a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:30:00.000Z",
            ["inLanguage"] = a.Language,
            ["author"] = a.Authors.Select(n => new Dictionary<string, string> { ["@type"] = "Person", ["name"] = n }).ToArray(),
        };
        if (chrome.On) o["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = "Deutsche Welle" };
        return JsonSerializer.Serialize(o, Indented);
    }
}
