using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// Saved HTML pages. AngleSharp parses; one small layout type per DW page generation picks the parts by named
/// selectors (<see cref="NewLayout"/>, <see cref="OldLayout"/>); AMP pages are read as text; anything else gets a
/// text-density fallback flagged <c>Fallback</c>. Every walk over the tree is iterative.
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

        ArticleDraft? draft = NewLayout.TryRead(doc, page, cat, ui, baseTime)
            ?? OldLayout.TryRead(doc, page, cat, ui);
        if (draft is null && doc.DocumentElement is { } root && (root.HasAttribute("amp") || root.HasAttribute("⚡")) && doc.Body is { } ampBody)
        {
            draft = TextDumpReader.Read(BlockText(ampBody, cat), cat, baseTime, page.Language);
            draft.Language ??= page.Language;
        }
        if (draft is null && !allowFallback) return null;
        draft ??= Fallback.Read(doc, page, cat, ui);

        draft.Language ??= page.Language;
        draft.Title ??= page.LdHeadline ?? page.PageTitle;
        draft.Language ??= LanguageGuesser.Guess(draft.Body.Select(b => b.Text).Prepend(draft.Lead).Prepend(draft.Title ?? ""), cat);
        draft.Published ??= page.LdPublished ?? page.PageTitleDate;
        if (draft.Authors.Count == 0) draft.AddAuthors(page.LdAuthors);
        draft.Permalink ??= page.Permalink;
        draft.Remove("nesting-too-deep", flattened);
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

    /// <summary>The body as text lines (AMP pages go through the text rules).</summary>
    private static string BlockText(IElement body, UiCatalog cat)
    {
        var sb = new StringBuilder();
        foreach (var (_, t) in Blocks(body, cat, new ArticleDraft())) sb.Append(t).Append("\n\n");
        return sb.ToString();
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
        if (LineRules.IsEndOfArticle(text, cat)) { draft.Remove("end-of-article"); return; }
        draft.AddBlock(kind, text);
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
    public string? Permalink;
    public bool IsDw;

    public static PageFacts Read(IDocument doc, UiCatalog cat)
    {
        var f = new PageFacts();
        f.Language = LanguageGuesser.FromCode(doc.DocumentElement?.GetAttribute("lang"));
        var canonical = Dom.First(doc.Head, new Sel("link", Attr: "rel", Value: "canonical"))?.GetAttribute("href") ?? Dom.First(doc.Head, new Sel("meta", Attr: "property", Value: "og:url"))?.GetAttribute("content");
        f.Language ??= LanguageGuesser.FromUrl(canonical);
        f.IsDw = canonical?.Contains("dw.com", StringComparison.OrdinalIgnoreCase) == true;
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
                if (news.TryGetProperty("publisher", out var pub) && pub.ValueKind == JsonValueKind.Object
                    && JsonArticleReader.Str(pub, ["name"])?.Contains("Deutsche Welle", StringComparison.OrdinalIgnoreCase) == true) f.IsDw = true;
            }
            catch (JsonException)
            {
                // a broken JSON-LD block is the page's problem; the markup still has the article
            }
        }
        var title = Dom.First(doc.Head, new Sel("title")) is { } t ? TextTools.NormaliseSpaces(t.TextContent) : null;
        if (title is { Length: > 0 })
        {
            if (LineRules.PageTitle(title) is { } pt)
            {
                f.IsDw = true;
                f.PageTitle = pt.Title;
                f.PageTitleDate = DateReader.ReadAny(pt.DateText, cat.Get(f.Language), cat);
            }
            else f.PageTitle = title;
        }
        return f;
    }

    private static JsonElement? FindNews(JsonElement root)
    {
        var queue = new Queue<JsonElement>();
        queue.Enqueue(root);
        var seen = 0;
        while (queue.Count > 0 && seen++ < 1000)
        {
            var e = queue.Dequeue();
            if (e.ValueKind == JsonValueKind.Array) { foreach (var x in e.EnumerateArray()) queue.Enqueue(x); continue; }
            if (e.ValueKind != JsonValueKind.Object) continue;
            if (e.TryGetProperty("@type", out var type))
            {
                var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [type.GetString() ?? ""];
                if (types.Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t == "BlogPosting")) return e;
            }
            if (e.TryGetProperty("@graph", out var g)) queue.Enqueue(g);
        }
        return null;
    }
}

/// <summary>DW's React layout (2022+): article &gt; header (kicker, h1, authors, date, lead), div.rich-text body, figcaptions.</summary>
internal static class NewLayout
{
    // selectors as named data
    private static readonly Sel Article = new("article");
    private static readonly Sel RichText = new("div", "rich-text");
    private static readonly Sel Header = new("header");
    private static readonly Sel Headline = new("h1");
    private static readonly Sel KickerTracked = new(Attr: "data-tracking-name", Value: "content-detail-kicker");
    private static readonly Sel KickerClass = new(Class: "kicker");
    private static readonly Sel AuthorName = new(Class: "author");
    private static readonly Sel Publication = new(Class: "publication");
    private static readonly Sel Time = new("time");
    private static readonly Sel LeadParagraph = new("p");
    private static readonly Sel Caption = new("figcaption");
    private static readonly Sel CreditSmall = new("small");
    private static readonly Sel CreditClass = new(Class: "copyright");
    private static readonly Sel PermalinkBox = new(Class: "copy-button-wrapper");

    public static ArticleDraft? TryRead(IDocument doc, PageFacts page, UiCatalog cat, UiLanguage? ui, DateTimeOffset? baseTime)
    {
        IElement? article = null;
        foreach (var a in Dom.All(doc.Body, Article))
            if (Dom.First(a, RichText) is not null || Dom.First(Dom.First(a, Header), Headline) is not null) { article = a; break; }
        if (article is null) return null;
        var draft = new ArticleDraft { Language = page.Language };
        var header = Dom.First(article, Header);
        draft.Title = page.LdHeadline ?? (Dom.First(header ?? article, Headline) is { } h1 ? HtmlArticleReader.Text(h1) : null);
        if (Dom.First(header ?? article, KickerTracked, KickerClass) is { } k)
        {
            var parts = k.Children.Select(HtmlArticleReader.Text).Where(x => x.Length > 0).ToList();
            draft.Kicker = parts.Count > 0 ? string.Join(" | ", parts) : HtmlArticleReader.Text(k);
        }
        draft.AddAuthors(page.LdAuthors);
        if (draft.Authors.Count == 0) draft.AddAuthors(Dom.All(header, AuthorName).Select(HtmlArticleReader.Text));
        draft.Published = page.LdPublished;
        if (draft.Published is null && Dom.First(Dom.First(header, Publication) ?? header, Time) is { } time)
            draft.Published = DateReader.ReadLine(HtmlArticleReader.Text(time), ui, cat, baseTime).Date;
        draft.Published ??= page.PageTitleDate;
        if (Dom.First(header, LeadParagraph) is { } lead) draft.Lead = HtmlArticleReader.Text(lead);
        else if (page.LdDescription is not null) draft.Lead = TextTools.NormaliseSpaces(page.LdDescription);

        foreach (var fc in Dom.All(article, Caption))
        {
            var credit = Dom.First(fc, CreditSmall, CreditClass);
            var text = credit is null ? HtmlArticleReader.Text(fc) : TextWithout(fc, credit);
            if (HtmlArticleReader.CaptionOf(text, credit is null ? null : HtmlArticleReader.Text(credit), cat) is { } cap) draft.Captions.Add(cap);
            draft.Remove("caption");
        }

        if (Dom.First(article, RichText) is { } rich) Body(rich, draft, cat, ui);
        if (Dom.First(Dom.First(article, PermalinkBox), new Sel("span")) is { } perma && perma.TextContent.Contains("p.dw.com", StringComparison.Ordinal))
            draft.Permalink = perma.TextContent.Trim();
        return draft;
    }

    private static string TextWithout(IElement e, IElement skip)
    {
        var sb = new StringBuilder();
        foreach (var n in e.ChildNodes)
            if (n != skip) sb.Append(n is IElement el ? HtmlArticleReader.Text(el) : n.TextContent).Append(' ');
        return TextTools.NormaliseSpaces(sb.ToString());
    }

    /// <summary>The rich-text children in order; content blocks kept, tracked widgets, ads, videos and embeds counted and dropped.</summary>
    private static void Body(IElement rich, ArticleDraft draft, UiCatalog cat, UiLanguage? ui)
    {
        var stack = new Stack<(IElement El, int Depth)>();
        for (var i = rich.Children.Length - 1; i >= 0; i--) stack.Push((rich.Children[i], 0));
        while (stack.Count > 0)
        {
            var (e, depth) = stack.Pop();
            var name = e.LocalName;
            if (Drop(e) is { } rule) { draft.Remove(rule); continue; }
            switch (name)
            {
                case "p":
                    HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, HtmlArticleReader.Text(e), cat, ui);
                    break;
                case "h2" or "h3" or "h4" or "h5":
                    HtmlArticleReader.AddBlock(draft, BlockKind.Heading, HtmlArticleReader.Text(e), cat, ui);
                    break;
                case "ul" or "ol":
                    foreach (var li in e.Children)
                        if (li.LocalName == "li") HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, HtmlArticleReader.Text(li), cat, ui);
                    break;
                case "blockquote":
                    var q = HtmlArticleReader.Text(e);
                    if (q.Length == 0 || Dom.HasClass(e, "twitter-tweet") && q.Length < 20) { draft.Remove("empty-embed"); break; }
                    HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, q, cat, ui);
                    break;
                case "figure":
                    break; // captions were read from figcaption
                case "table":
                    foreach (var row in Dom.All(e, new Sel("tr")))
                        HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, HtmlArticleReader.Text(row), cat, ui);
                    break;
                default:
                    if (depth >= 32) { draft.Remove("too-deep"); break; }
                    for (var i = e.Children.Length - 1; i >= 0; i--) stack.Push((e.Children[i], depth + 1));
                    break;
            }
        }
    }

    /// <summary>Widgets inside the body: tracked components, ads, video players, embeds.</summary>
    private static string? Drop(IElement e)
    {
        if (e.HasAttribute("data-tracking-name")) return "tracked-widget";
        if (e.GetAttribute("class") is null) return null;
        if (Dom.HasClass(e, "advertisement") || Dom.HasClass(e, "rich-text-ad") || e.LocalName == "span" && e.HasAttribute("data-slot-id")) return "ad";
        if (Dom.HasClass(e, "vjs-wrapper") || Dom.HasClass(e, "video") || Dom.HasClass(e, "embed") && !Dom.HasClass(e, "rich-text")) return "video-or-embed";
        if (Dom.HasClass(e, "feedback") || Dom.HasClass(e, "sharing-icons-inline")) return "page-widget";
        return null;
    }
}

/// <summary>DW's old layout (to ~2022/23): .col3 h1, p.intro, div.longText, div.picBox, ul.smallList.</summary>
internal static class OldLayout
{
    private static readonly Sel Column = new("div", "col3");
    private static readonly Sel LongText = new("div", "longText");
    private static readonly Sel Intro = new("p", "intro");
    private static readonly Sel KickerSel = new("h4", "artikel");
    private static readonly Sel Headline = new("h1");
    private static readonly Sel PictureBox = new("div", "picBox");
    private static readonly Sel Gallery = new(Class: "gallery");
    private static readonly Sel InfoList = new("ul", "smallList");

    public static ArticleDraft? TryRead(IDocument doc, PageFacts page, UiCatalog cat, UiLanguage? ui)
    {
        IElement? col = null;
        foreach (var c in Dom.All(doc.Body, Column))
            if (Dom.First(c, Headline) is not null && (Dom.First(c, LongText) is not null || Dom.First(c, Intro) is not null)) { col = c; break; }
        if (col is null) return null;
        var draft = new ArticleDraft { Language = page.Language };
        draft.Title = HtmlArticleReader.Text(Dom.First(col, Headline)!);
        if (Dom.First(col, KickerSel) is { } k) draft.Kicker = HtmlArticleReader.Text(k);
        if (Dom.First(col, Intro) is { } intro) draft.Lead = HtmlArticleReader.Text(intro);

        foreach (var box in Dom.All(col, PictureBox))
        {
            if (Dom.Ancestor(box, Gallery) is not null) continue;
            var img = Dom.First(box, new Sel("img"));
            var alt = img?.GetAttribute("title") ?? img?.GetAttribute("alt") ?? "";
            var credit = Credits.SplitParenthesised(TextTools.NormaliseSpaces(alt), cat)?.Credit;
            var text = Dom.First(box, new Sel("p")) is { } p ? HtmlArticleReader.Text(p) : "";
            if (HtmlArticleReader.CaptionOf(text, credit ?? "", cat) is { } cap) draft.Captions.Add(cap);
            draft.Remove("caption");
        }
        if (Dom.First(col, LongText) is { } body) Body(body, draft, cat, ui);
        InfoBox(Dom.First(doc.Body, InfoList), draft, cat, ui);
        return draft;
    }

    private static void Body(IElement longText, ArticleDraft draft, UiCatalog cat, UiLanguage? ui)
    {
        foreach (var e in longText.Children)
        {
            switch (e.LocalName)
            {
                case "p":
                    var t = HtmlArticleReader.Text(e);
                    // "<p><strong>Subheading</strong></p>": the old layout's subheadings
                    var strongOnly = e.Children.Length == 1 && e.Children[0].LocalName is "strong" or "b" && HtmlArticleReader.Text(e.Children[0]).Length == t.Length;
                    HtmlArticleReader.AddBlock(draft, strongOnly && LineRules.IsHeadingLike(t, cat) ? BlockKind.Heading : BlockKind.Paragraph, t, cat, ui);
                    break;
                case "h2" or "h3" or "h4":
                    HtmlArticleReader.AddBlock(draft, BlockKind.Heading, HtmlArticleReader.Text(e), cat, ui);
                    break;
                case "ul" or "ol":
                    foreach (var li in e.Children)
                        if (li.LocalName == "li") HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, HtmlArticleReader.Text(li), cat, ui);
                    break;
                case "blockquote":
                    HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, HtmlArticleReader.Text(e), cat, ui);
                    break;
                default:
                    draft.Remove(Dom.HasClass(e, "picBox") ? "picture" : Dom.HasClass(e, "gallery") || Dom.First(e, Gallery) is not null ? "gallery" : "embedded-box");
                    break;
            }
        }
    }

    /// <summary>ul.smallList: "Date 19.01.2020", "Author Ben Knight", "Permalink https://p.dw.com/p/3WRPd".</summary>
    private static void InfoBox(IElement? list, ArticleDraft draft, UiCatalog cat, UiLanguage? ui)
    {
        if (list is null) return;
        foreach (var li in list.Children)
        {
            if (Dom.First(li, new Sel("strong")) is not { } strong) continue;
            var labelText = HtmlArticleReader.Text(strong);
            var label = labelText.TrimEnd(':', ' ');
            var all = HtmlArticleReader.Text(li);
            var value = TextTools.NormaliseSpaces(all.AsSpan(Math.Min(all.Length, labelText.Length)));
            if (cat.InfoDateLabels.Contains(label)) draft.Published ??= DateReader.ReadAny(value, ui, cat);
            else if (cat.InfoAuthorLabels.Contains(label)) draft.AddAuthors(TextTools.SplitNames(value) ?? (value.Length is > 0 and < 80 ? [value] : []));
            else if (cat.InfoPermalinkLabels.Contains(label) && value.Contains("p.dw.com", StringComparison.Ordinal)) draft.Permalink ??= value;
        }
    }
}

/// <summary>Readability-style fallback for pages that are not recognisably DW: the densest text container wins.</summary>
internal static class Fallback
{
    public static ArticleDraft Read(IDocument doc, PageFacts page, UiCatalog cat, UiLanguage? ui)
    {
        var draft = new ArticleDraft { Language = page.Language, Fallback = true };
        var th = cat.Thresholds;
        var scores = new Dictionary<IElement, double>();
        foreach (var p in Dom.All(doc.Body, new Sel("p")).Concat(Dom.All(doc.Body, new Sel("pre"))))
        {
            var t = HtmlArticleReader.Text(p);
            if (t.Length < 25) continue;
            var score = 1 + t.Count(c => c is ',' or '،' or '，') + Math.Min(t.Length / 100, 3);
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + score;
                if (parent.ParentElement is { } gp) scores[gp] = scores.GetValueOrDefault(gp) + score / 2;
            }
        }
        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (e, s) in scores)
        {
            var text = HtmlArticleReader.Text(e);
            var adjusted = s * (1 - HtmlArticleReader.LinkDensity(e, text.Length));
            if (adjusted > bestScore) { bestScore = adjusted; best = e; }
        }
        best ??= doc.Body;
        if (best is null) return draft;
        var lines = new List<Line>();
        foreach (var (kind, text) in HtmlArticleReader.Blocks(best, cat, draft))
        {
            lines.Add(new Line(text, true));
        }
        draft.Language ??= LanguageGuesser.Guess(lines.Select(l => l.Text), cat);
        ui ??= cat.Get(draft.Language);
        LineRules.Classify(lines, 0, cat, ui, draft);
        LineRules.Assemble(lines, 0, cat, draft);
        draft.Title = Dom.First(doc.Body, new Sel("h1")) is { } h1 && HtmlArticleReader.Text(h1) is { Length: > 0 } h ? h : page.LdHeadline ?? page.PageTitle;
        if (draft.Body.Count > 0 && draft.Title is not null && TextDumpReader.TitleKey(draft.Body[0].Text) == TextDumpReader.TitleKey(draft.Title)) draft.Body.RemoveAt(0);
        if (draft.Body.Count > 1 && draft.Body[0].Kind == BlockKind.Paragraph) { draft.Lead = draft.Body[0].Text; draft.Body.RemoveAt(0); }
        var chars = draft.Lead.Length;
        foreach (var b in draft.Body) chars += b.Text.Length;
        if (chars < th.FallbackMinChars)
            throw new Input.ArticleRejectedException(Input.RejectionKind.NoArticle, $"no article found: the page is not a recognisable DW article and its densest text block holds only {chars} characters");
        return draft;
    }
}
