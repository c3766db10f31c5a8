using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ingestion.Core.Cleaning.Layouts;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// Saved HTML pages. AngleSharp parses; one small layout type per DW page generation picks the parts by the named
/// selectors of its layout file (<see cref="NewLayout"/>, <see cref="OldLayout"/>, <see cref="AmpLayout"/>);
/// anything else gets a text-density fallback flagged <c>Fallback</c> (<see cref="DensityFallback"/>). Every walk
/// over the tree is iterative.
/// </summary>
internal static class HtmlArticleReader
{
    // position tracking, comments and raw text (style, iframe) are never read: the parser skips them
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false, DisableElementPositionTracking = true, SkipComments = true, SkipRawText = true };

    [ThreadStatic] private static HtmlParser? _parser;

    /// <summary>One parser per thread: building one (and its configuration) costs more than parsing a small page.</summary>
    private static HtmlParser Parser => _parser ??= new HtmlParser(ParserOptions);

    public static ArticleDraft Read(string html, UiCatalog cat, DateTimeOffset? baseTime)
    {
        if (PageSlicer.Slice(html) is { } slice)
        {
            var fast = ReadParsed(slice, cat, baseTime, allowFallback: false);
            if (fast is not null) return fast;
        }
        return ReadParsed(html, cat, baseTime, allowFallback: true)!;
    }

    private static ArticleDraft? ReadParsed(string html, UiCatalog cat, DateTimeOffset? baseTime, bool allowFallback)
    {
        html = NestingGuard.Limit(html, out var flattened);
        var parser = Parser;
        using var doc = parser.ParseDocument(html);
        var page = PageFacts.Read(doc, cat);
        var ui = cat.Get(page.Language);

        var draft = NewLayout.TryRead(doc, page, cat, ui, baseTime)
            ?? OldLayout.TryRead(doc, page, cat, ui)
            ?? AmpLayout.TryRead(doc, page, cat, baseTime);
        if (draft is null && !allowFallback) return null;
        draft ??= DensityFallback.Read(doc, page, cat, ui);

        draft.Language ??= page.Language;
        draft.Title ??= page.LdHeadline ?? page.PageTitle;
        draft.Language ??= LanguageGuesser.Guess(draft.Body.Select(b => b.Text).Prepend(draft.Lead).Prepend(draft.Title ?? ""), cat);
        draft.Published ??= page.LdPublished ?? page.PageTitleDate;
        if (draft.Authors.Count == 0) draft.AddAuthors(page.LdAuthors);
        draft.Remove(RemovalRules.NestingTooDeep, flattened);
        return draft;
    }

    /// <summary>An HTML fragment (a JSON field holding markup): its blocks through the text line rules.</summary>
    public static ArticleDraft ReadFragment(string html, UiCatalog cat, string? language)
    {
        var parser = Parser;
        using var doc = parser.ParseDocument("<html><body>" + NestingGuard.Limit(html, out _) + "</body></html>");
        var draft = new ArticleDraft { Language = language };
        var lines = new List<Line>();
        foreach (var (kind, text) in Blocks(doc.Body!, cat, draft)) lines.Add(new Line(text, true));
        draft.Language ??= LanguageGuesser.Guess(lines.Select(l => l.Text), cat);
        var ui = cat.Get(draft.Language);
        LineRules.Classify(lines, 0, cat, ui, draft);
        LineRules.Assemble(lines, 0, cat, draft);
        return draft;
    }

    /// <summary>Markup in a text field ("&lt;b&gt;Title&lt;/b&gt;") as plain text.</summary>
    public static string PlainText(string s)
    {
        if (!s.Contains('<') && !s.Contains('&')) return TextTools.NormaliseSpaces(s);
        var parser = Parser;
        using var doc = parser.ParseDocument("<html><body>" + NestingGuard.Limit(s, out _) + "</body></html>");
        return Text(doc.Body!);
    }

    private static readonly HashSet<string> Invisible = new(StringComparer.Ordinal) { "script", "style", "noscript", "template", "svg", "button", "iframe", "select", "textarea", "head", "object", "video", "audio", "canvas" };

    /// <summary>The element's visible text, normalised, without recursion.</summary>
    [ThreadStatic] private static StringBuilder? _textBuffer;
    [ThreadStatic] private static Stack<INode>? _textStack;

    public static string Text(IElement e)
    {
        // one buffer and stack per thread: Text runs once per paragraph and never re-enters itself
        var sb = _textBuffer ??= new StringBuilder(1024);
        var stack = _textStack ??= new Stack<INode>(64);
        sb.Clear();
        stack.Clear();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.NodeType == NodeType.Text) { sb.Append(n.TextContent); continue; }
            if (n is IElement el)
            {
                if (Invisible.Contains(el.LocalName)) continue;
                if (el.LocalName == "br") { sb.Append(' '); continue; }
            }
            else if (n.NodeType != NodeType.Document) continue;
            var kids = n.ChildNodes;
            for (var i = kids.Length - 1; i >= 0; i--) stack.Push(kids[i]);
        }
        var text = TextTools.NormaliseSpaces(sb.ToString());
        if (sb.Capacity > 64 * 1024) _textBuffer = null; // do not keep a huge page's buffer alive
        return text;
    }

    /// <summary>Link text share of an element's text: navigation is mostly links.</summary>
    public static double LinkDensity(IElement e, int textLength)
    {
        if (textLength == 0) return 1;
        var links = 0;
        foreach (var a in Dom.All(e, new Sel("a"))) links += Text(a).Length;
        return (double)links / textLength;
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal) { "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "td", "dd", "dt" };

    /// <summary>Block-level texts in document order (p, headings, list items, captions), iteratively.</summary>
    public static IEnumerable<(BlockKind Kind, string Text)> Blocks(IElement root, UiCatalog cat, ArticleDraft draft)
    {
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (Invisible.Contains(e.LocalName)) continue;
            if (BlockTags.Contains(e.LocalName) && !HasBlockChild(e))
            {
                var t = Text(e);
                if (t.Length > 0) yield return (e.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? BlockKind.Heading : BlockKind.Paragraph, t);
                continue;
            }
            var kids = e.ChildNodes;
            for (var i = kids.Length - 1; i >= 0; i--) if (kids[i] is IElement k) stack.Push(k);
        }
    }

    private static bool HasBlockChild(IElement e)
    {
        foreach (var n in e.ChildNodes)
            if (n is IElement c && (BlockTags.Contains(c.LocalName) || c.LocalName is "div" or "ul" or "ol" or "section" or "table")) return true;
        return false;
    }

    /// <summary>Names from JSON-LD author values: a string, {"name": …}, or an array of those.</summary>
    public static IEnumerable<string> AuthorNames(JsonElement a)
    {
        switch (a.ValueKind)
        {
            case JsonValueKind.String:
                var s = a.GetString() ?? "";
                foreach (var part in s.Split(['|', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) yield return part;
                break;
            case JsonValueKind.Object:
                if (a.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } name) yield return name;
                break;
            case JsonValueKind.Array:
                foreach (var x in a.EnumerateArray())
                    if (x.ValueKind == JsonValueKind.String && x.GetString() is { Length: > 0 } xs) yield return xs;
                    else if (x.ValueKind == JsonValueKind.Object && x.TryGetProperty("name", out var xn) && xn.GetString() is { Length: > 0 } xname) yield return xname;
                break;
        }
    }

    /// <summary>Adds one block of body text unless a line rule (ad marker, "Read more:", signature…) claims it.</summary>
    public static void AddBlock(ArticleDraft draft, BlockKind kind, string text, UiCatalog cat, UiLanguage? ui)
    {
        if (text.Length == 0) return;
        var line = new Line(text, true);
        if (LineRules.RuleFor(line, cat, ui, draft) is { } rule) { draft.Remove(rule); return; }
        if (LineRules.IsEndOfArticle(text, cat)) { draft.Remove(RemovalRules.EndOfArticle); return; }
        draft.AddBlock(kind, text);
    }

    /// <summary>Each &lt;li&gt; of a list as a paragraph of its own.</summary>
    public static void AddListItems(ArticleDraft draft, IElement list, UiCatalog cat, UiLanguage? ui)
    {
        foreach (var li in list.Children)
            if (li.LocalName == "li") AddBlock(draft, BlockKind.Paragraph, Text(li), cat, ui);
    }

    /// <summary>figcaption / picBox caption: the caption text with the credit ("Bild: …", "(dpa)") split off.</summary>
    public static Caption? CaptionOf(string text, string? credit, UiCatalog cat)
    {
        if (credit is not null)
        {
            var c = credit.Trim();
            var (i, len) = cat.FindCreditLabel(c);
            if (i == 0) c = c[len..].Trim();
            return text.Length == 0 ? null : new Caption(text, c.Length == 0 ? null : c);
        }
        if (Credits.SplitLabelled(text, cat) is { } cap) return cap.Text.Length == 0 ? null : cap;
        return text.Length == 0 ? null : new Caption(text, null);
    }
}
