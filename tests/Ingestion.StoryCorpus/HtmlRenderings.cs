using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Ingestion.Core.Model;

namespace Ingestion.StoryCorpus;

/// <summary>The saved pages of a story: the new layout, the old layout and AMP, with every text HTML-encoded.</summary>
internal static class HtmlRenderings
{
    private static string E(string text) => WebUtility.HtmlEncode(text);

    public static string NewLayout(SourceArticle a, Chrome chrome)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"").Append(a.Language).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(a.Title)).Append(" – DW – ").Append(a.Published.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)).Append("</title>");
        if (chrome.On)
        {
            var ld = new Dictionary<string, object>
            {
                ["@context"] = "https://schema.org", ["@type"] = "NewsArticle", ["headline"] = a.Title, ["description"] = a.Lead,
                ["datePublished"] = a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:30:00.000Z",
                ["author"] = a.Authors.Select(n => new Dictionary<string, string> { ["@type"] = "Person", ["name"] = n }).ToArray(),
                ["inLanguage"] = a.Language,
            };
            sb.Append("<script type=\"application/ld+json\">").Append(JsonSerializer.Serialize(ld).Replace("</", "<\\/", StringComparison.Ordinal)).Append("</script>");
            sb.Append("<style>.sc-gYMRRK{display:block}</style>");
        }
        sb.Append("</head><body><div id=\"root\">");
        if (chrome.On)
            sb.Append("<header data-tracking-name=\"header\"><nav><a href=\"/en/live-tv/s-100825\">Live TV</a><a href=\"/en/audio\">Latest audio</a><a href=\"/en/videos\">Latest videos</a></nav></header>");
        sb.Append("<main><article><div class=\"content-area\"><header>");
        sb.Append("<div class=\"kicker\" data-tracking-name=\"content-detail-kicker\"><span><a href=\"/en/s-1\">").Append(E(a.Kicker)).Append("</a></span></div>");
        sb.Append("<h1>").Append(E(a.Title)).Append("</h1>");
        if (a.Authors.Count > 0)
            sb.Append("<div class=\"author-details\">").AppendJoin("<span class=\"separator\"> | </span>", a.Authors.Select(n => "<span class=\"author\">" + E(n) + "</span>")).Append("</div>");
        sb.Append("<div class=\"time-area\"><span class=\"publication\"><time>").Append(TextRenderings.LongDate(a.Published)).Append("</time></span></div>");
        if (a.Lead.Length > 0) sb.Append("<p class=\"teaser-text\">").Append(E(a.Lead)).Append("</p>");
        sb.Append("</header>");
        if (chrome.On)
        {
            sb.Append("<section data-tracking-name=\"sharing-icons-inline\"><a href=\"https://www.facebook.com/sharer\">Share</a></section>");
            var caption = chrome.CaptionFor(a);
            sb.Append("<figure><img alt=\"").Append(E(chrome.AltText)).Append("\" src=\"/image.jpg\"><figcaption><p>").Append(E(caption.Text))
                .Append("</p><small>Image: ").Append(E(caption.Credit ?? "")).Append("</small></figcaption></figure>");
        }
        sb.Append("<div class=\"rich-text\">");
        var n = 0;
        foreach (var block in a.Body)
        {
            sb.Append(block.Kind == BlockKind.Heading ? "<h2>" : "<p>").Append(E(block.Text)).Append(block.Kind == BlockKind.Heading ? "</h2>" : "</p>");
            if (!chrome.On || block.Kind != BlockKind.Paragraph) continue;
            if (++n == 2) sb.Append("<div class=\"advertisement\"><span data-slot-id=\"rich-text-ad-1\">Advertisement</span></div>");
            if (n == 4 && chrome.Video)
                sb.Append("<div class=\"vjs-wrapper\"><h3>").Append(E(chrome.VideoTitle)).Append("</h3><p>To view this video please enable JavaScript</p></div>");
            if (n == 5) sb.Append("<div data-tracking-name=\"rich-text-teaser\"><a href=\"/en/x/a-1\">").Append(E(chrome.RelatedTitle)).Append("</a></div>");
        }
        sb.Append("</div>");
        if (chrome.On)
            sb.Append("<p>").Append(E(chrome.Signature)).Append("</p><div class=\"copy-button-wrapper\"><span>https://p.dw.com/p/").Append(chrome.Permalink).Append("</span></div>");
        sb.Append("</div></article>");
        if (chrome.On)
            sb.Append("<section data-tracking-name=\"related-content\"><h2>Related topics</h2><a href=\"/en/s-2\">").Append(E(a.Kicker)).Append("</a></section>")
              .Append("<section class=\"feedback\"><h2>Send us your feedback</h2></section>");
        sb.Append("</main>");
        if (chrome.On) sb.Append("<footer>© 2024 Deutsche Welle | Privacy Policy | Accessibility Statement | Legal notice | Contact</footer>");
        return sb.Append("</div></body></html>").ToString();
    }

    public static string OldLayout(SourceArticle a, Chrome chrome)
    {
        var date = a.Published.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"").Append(a.Language).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(a.Title)).Append(" | ").Append(E(a.Kicker)).Append("| DW | ").Append(date).Append("</title></head><body>");
        if (chrome.On)
            sb.Append("<div id=\"header\"><ul id=\"navigation\"><li><a href=\"/en/\">Home</a></li><li><a href=\"/en/top-stories/s-9097\">Top stories</a></li></ul>")
              .Append("<div class=\"langMenu\">Albanian Shqip Amharic አማርኛ Arabic العربية Bengali বাংলা</div></div>");
        sb.Append("<div id=\"bodyContent\"><div class=\"col3\"><h4 class=\"artikel\">").Append(E(a.Kicker)).Append("</h4><h1>").Append(E(a.Title)).Append("</h1>");
        if (a.Lead.Length > 0) sb.Append("<p class=\"intro\">").Append(E(a.Lead)).Append("</p>");
        sb.Append("<div class=\"longText\">");
        if (chrome.On)
        {
            var caption = chrome.CaptionFor(a);
            sb.Append("<div class=\"picBox\"><img alt=\"").Append(E(caption.Text)).Append(" (").Append(E(caption.Credit ?? "")).Append(")\" src=\"/image.jpg\"><p>")
              .Append(E(caption.Text)).Append("</p></div>");
        }
        var n = 0;
        foreach (var block in a.Body)
        {
            sb.Append(block.Kind == BlockKind.Heading ? "<p><strong>" + E(block.Text) + "</strong></p>" : "<p>" + E(block.Text) + "</p>");
            if (chrome.On && block.Kind == BlockKind.Paragraph && ++n == 2)
                sb.Append("<p><strong>Read more: </strong><a href=\"/en/x/a-2\">").Append(E(chrome.RelatedTitle)).Append("</a></p>");
        }
        if (chrome.On) sb.Append("<p>").Append(E(chrome.Signature)).Append("</p>");
        sb.Append("</div><div class=\"col1 dim\"><ul class=\"smallList\"><li><strong>Date</strong> ").Append(date).Append("</li>");
        if (a.Authors.Count > 0) sb.Append("<li><strong>Author</strong> ").Append(E(string.Join(", ", a.Authors))).Append("</li>");
        sb.Append("<li><strong>Keywords</strong> <a href=\"/search\">").Append(E(a.Kicker)).Append("</a></li>");
        sb.Append("<li><strong>Permalink</strong> https://p.dw.com/p/").Append(chrome.Permalink).Append("</li></ul></div></div>");
        if (chrome.On)
            sb.Append("<div class=\"col3\"><h2>Audios and videos on the topic</h2><div class=\"gallery\"><h2>").Append(E(chrome.VideoTitle)).Append("</h2></div></div>")
              .Append("<div id=\"footer\">© 2020 Deutsche Welle | Privacy Policy | Legal notice | Contact</div>");
        return sb.Append("</div></body></html>").ToString();
    }

    public static string Amp(SourceArticle a, Chrome chrome)
    {
        var sb = new StringBuilder("<!doctype html><html amp lang=\"").Append(a.Language).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(a.Title)).Append("</title><script async src=\"https://cdn.ampproject.org/v0.js\"></script></head><body>");
        if (chrome.On) sb.Append("<header><a href=\"https://www.dw.com\">DW</a></header>");
        sb.Append("<main><h1>").Append(E(a.Title)).Append("</h1><p>").Append(TextRenderings.LongDate(a.Published)).Append("</p>");
        if (a.Lead.Length > 0) sb.Append("<p>").Append(E(a.Lead)).Append("</p>");
        sb.Append("<p>Advertisement</p>");
        var n = 0;
        foreach (var block in a.Body)
        {
            sb.Append(block.Kind == BlockKind.Heading ? "<h2>" : "<p>").Append(E(block.Text)).Append(block.Kind == BlockKind.Heading ? "</h2>" : "</p>");
            if (chrome.On && block.Kind == BlockKind.Paragraph && ++n % 4 == 0) sb.Append("<p>Advertisement</p>");
        }
        if (chrome.On) sb.Append("<p>").Append(E(chrome.Signature)).Append("</p>");
        return sb.Append("</main></body></html>").ToString();
    }
}
