using System.Text;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// HTML tree construction checks the stack of open elements for every start tag, so 100,000 nested &lt;div&gt;s cost
/// O(n²) inside the parser. Before parsing, one linear scan measures the nesting; only when it exceeds the limit are the
/// tags beyond it dropped (their text stays). Real pages nest a few dozen levels deep.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 1024;

    /// <summary>Tags that do not open a level: void elements and elements with optional end tags.</summary>
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype",
        // elements whose end tag is optional close themselves when a sibling starts: they never nest deeply
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
    };

    public static string Limit(string html, out int dropped)
    {
        dropped = 0;
        if (MaxNesting(html) <= MaxDepth) return html;
        var sb = new StringBuilder(html.Length);
        var depth = 0;
        var skippedOpen = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) { sb.Append(html, i, html.Length - i); break; }
            sb.Append(html, i, lt - i);
            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0) { sb.Append(html, lt, html.Length - lt); break; }
            var tag = html.AsSpan(lt, gt - lt + 1);
            var kind = Kind(tag);
            var keep = true;
            if (kind == 1)
            {
                if (depth >= MaxDepth) { keep = false; skippedOpen++; dropped++; }
                else depth++;
            }
            else if (kind == -1)
            {
                if (skippedOpen > 0) { keep = false; skippedOpen--; }
                else if (depth > 0) depth--;
            }
            if (keep) sb.Append(tag);
            i = gt + 1;
        }
        return sb.ToString();
    }

    private static int MaxNesting(string html)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var gt = html.IndexOf('>', i + 1);
            if (gt < 0) break;
            var k = Kind(html.AsSpan(i, gt - i + 1));
            if (k == 1 && ++depth > max) max = depth;
            else if (k == -1 && depth > 0) depth--;
            i = gt + 1;
        }
        return max;
    }

    /// <summary>1: a start tag that opens an element; -1: an end tag; 0: anything else.</summary>
    private static int Kind(ReadOnlySpan<char> tag)
    {
        if (tag.Length < 3) return 0;
        if (tag[1] == '/') return -1;
        if (!char.IsAsciiLetter(tag[1]) || tag[^2] == '/') return 0;
        var end = 1;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-')) end++;
        var name = tag[1..end];
        return Void.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) ? 0 : 1;
    }
}
