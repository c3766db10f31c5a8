using System.Text;
using Ingestion.Core.Cleaning.Layouts;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// Speed: a saved DW page is 70–330 KB, mostly scripts, styles and navigation, and parsing all of it costs far more
/// than the article. When the raw page shows a known DW layout's article region (<see cref="NewLayout.Region"/>,
/// <see cref="OldLayout.Region"/>: found by the selectors of the layout file), this builds a small page from the parts
/// the layout readers use (the &lt;html&gt; tag, &lt;title&gt;, canonical link, JSON-LD, and that region) with plain
/// string search. The markup itself is still parsed by AngleSharp; when the slice does not read as an article the
/// reader parses the whole page.
/// </summary>
internal static class PageSlicer
{
    public static string? Slice(string html)
    {
        var (start, end) = NewLayout.Region(html);
        if (start < 0) (start, end) = OldLayout.Region(html);
        if (start < 0) return null;
        var sb = new StringBuilder(end - start + 4096);
        Head(html, start, sb);
        sb.Append("<body>");
        AppendWithoutScripts(html, start, end, sb);
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Head(string html, int limit, StringBuilder sb)
    {
        var h = html.IndexOf("<html", StringComparison.Ordinal);
        if (h >= 0 && h < limit && html.IndexOf('>', h) is var gt and > 0) sb.Append(html, h, gt - h + 1);
        else sb.Append("<html>");
        sb.Append("<head>");
        CopyElement(html, "<title", "</title>", limit, sb, null);
        CopyElement(html, "<link", ">", limit, sb, "canonical");
        CopyElement(html, "<script", "</script>", limit, sb, "ld+json");
        // JSON-LD may also stand after the article
        CopyElement(html, "<script", "</script>", html.Length, sb, "ld+json", from: limit);
        sb.Append("</head>");
    }

    private static void CopyElement(string html, string open, string close, int limit, StringBuilder sb, string? mustContain, int from = 0)
    {
        var i = from;
        while ((i = html.IndexOf(open, i, StringComparison.Ordinal)) >= 0 && i < limit)
        {
            var tagEnd = html.IndexOf('>', i);
            if (tagEnd < 0) return;
            var end = close == ">" ? tagEnd + 1 : html.IndexOf(close, tagEnd, StringComparison.Ordinal);
            if (end < 0) return;
            if (close != ">") end += close.Length;
            if (mustContain is null || html.AsSpan(i, tagEnd - i).Contains(mustContain, StringComparison.Ordinal))
            {
                sb.Append(html, i, end - i);
                if (mustContain is null) return;
            }
            i = end;
        }
    }

    /// <summary>Elements the readers never look at, cut from the slice: scripts, styles, inline icons, image sources, comments.</summary>
    private static readonly (string Open, string Close)[] Skipped =
    [
        ("<script", "</script>"), ("<style", "</style>"), ("<svg", "</svg>"), ("<source", ">"), ("<!--", "-->"), ("<noscript", "</noscript>"),
    ];

    /// <summary>Copies the region without the <see cref="Skipped"/> elements.</summary>
    private static void AppendWithoutScripts(string html, int start, int end, StringBuilder sb)
    {
        var i = start;
        while (i < end)
        {
            var lt = html.IndexOf('<', i, end - i);
            if (lt < 0) { sb.Append(html, i, end - i); return; }
            sb.Append(html, i, lt - i);
            var close = (string?)null;
            foreach (var (open, c) in Skipped)
                if (string.CompareOrdinal(html, lt, open, 0, open.Length) == 0) { close = c; break; }
            if (close is null)
            {
                sb.Append('<');
                i = lt + 1;
                continue;
            }
            var e = html.IndexOf(close, lt + 1, StringComparison.Ordinal);
            if (e < 0 || e >= end) return;
            i = e + close.Length;
        }
    }
}
