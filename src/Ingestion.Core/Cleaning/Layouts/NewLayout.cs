using System.Text;
using AngleSharp.Dom;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning.Layouts;

/// <summary>The selectors of <c>layouts/new.json</c>.</summary>
internal sealed record NewLayoutSelectors(
    Sel Article, Sel Body, Sel Header, Sel Headline, Sel[] Kicker, Sel Author, Sel Publication, Sel Time, Sel Lead,
    Sel Caption, Sel[] Credit, Sel PermalinkBox, Sel PermalinkText, Sel Tweet);

/// <summary><c>layouts/new.json</c>.</summary>
internal sealed record NewLayoutFile(
    string Layout, string Description, SeenInUse Seen, PageTitleFormat PageTitle, NewLayoutSelectors Selectors,
    int MinTweetChars, WidgetRule[] DroppedWidgets) : ILayoutFile
{
    public IEnumerable<WidgetRule> Rules => DroppedWidgets;
}

/// <summary>
/// DW's React layout (2022+): article &gt; header (kicker, h1, authors, date, lead), div.rich-text body,
/// figcaptions; tracked widgets, ads, videos and embeds in the body are dropped. Selectors and widgets: <c>layouts/new.json</c>.
/// </summary>
internal static class NewLayout
{
    public static NewLayoutFile File { get; } = LayoutFile.Load<NewLayoutFile>("new");

    private static readonly NewLayoutSelectors S = File.Selectors;

    /// <summary>Wrapper elements in the body are walked this deep; real pages nest a few levels.</summary>
    private const int MaxBodyDepth = 32;

    // what the slicer searches the raw page for
    private static readonly string ArticleOpen = S.Article.RawOpenTag;
    private static readonly string ArticleClose = S.Article.RawCloseTag;
    private static readonly string BodyClass = S.Body.RawClass;

    /// <summary>For <see cref="PageSlicer"/>: the article element that holds the body, as (start, end) in the raw page, or (-1, -1).</summary>
    public static (int Start, int End) Region(string html)
    {
        var a = html.IndexOf(ArticleOpen, StringComparison.Ordinal);
        while (a >= 0)
        {
            var close = html.IndexOf(ArticleClose, a, StringComparison.Ordinal);
            if (close < 0) return (-1, -1);
            var body = html.IndexOf(BodyClass, a, close - a, StringComparison.Ordinal);
            if (body >= 0) return (a, close + ArticleClose.Length);
            a = html.IndexOf(ArticleOpen, close, StringComparison.Ordinal);
        }
        return (-1, -1);
    }

    public static ArticleDraft? TryRead(IDocument doc, PageFacts page, UiCatalog cat, UiLanguage? ui, DateTimeOffset? baseTime)
    {
        IElement? article = null;
        foreach (var a in Dom.All(doc.Body, S.Article))
            if (Dom.First(a, S.Body) is not null || Dom.First(Dom.First(a, S.Header), S.Headline) is not null) { article = a; break; }
        if (article is null) return null;
        var draft = new ArticleDraft { Language = page.Language };
        var header = Dom.First(article, S.Header);
        draft.Title = page.LdHeadline ?? (Dom.First(header ?? article, S.Headline) is { } h1 ? HtmlArticleReader.Text(h1) : null);
        if (Dom.First(header ?? article, S.Kicker) is { } k)
        {
            var parts = k.Children.Select(HtmlArticleReader.Text).Where(x => x.Length > 0).ToList();
            draft.Kicker = parts.Count > 0 ? string.Join(" | ", parts) : HtmlArticleReader.Text(k);
        }
        draft.AddAuthors(page.LdAuthors);
        if (draft.Authors.Count == 0) draft.AddAuthors(Dom.All(header, S.Author).Select(HtmlArticleReader.Text));
        draft.Published = page.LdPublished;
        if (draft.Published is null && Dom.First(Dom.First(header, S.Publication) ?? header, S.Time) is { } time)
            draft.Published = DateReader.ReadLine(HtmlArticleReader.Text(time), ui, cat, baseTime).Date;
        draft.Published ??= page.PageTitleDate;
        if (Dom.First(header, S.Lead) is { } lead) draft.Lead = HtmlArticleReader.Text(lead);
        else if (page.LdDescription is not null) draft.Lead = TextTools.NormaliseSpaces(page.LdDescription);

        foreach (var fc in Dom.All(article, S.Caption))
        {
            var credit = Dom.First(fc, S.Credit);
            var text = credit is null ? HtmlArticleReader.Text(fc) : TextWithout(fc, credit);
            if (HtmlArticleReader.CaptionOf(text, credit is null ? null : HtmlArticleReader.Text(credit), cat) is { } cap) draft.Captions.Add(cap);
            draft.Remove(RemovalRules.Caption);
        }

        if (Dom.First(article, S.Body) is { } rich) Body(rich, draft, cat, ui);
        if (Dom.First(Dom.First(article, S.PermalinkBox), S.PermalinkText) is { } perma && DwSite.HasPermalink(perma.TextContent))
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

    /// <summary>The rich-text children in order; content blocks kept, the layout's dropped widgets counted and dropped.</summary>
    private static void Body(IElement rich, ArticleDraft draft, UiCatalog cat, UiLanguage? ui)
    {
        var stack = new Stack<(IElement El, int Depth)>();
        for (var i = rich.Children.Length - 1; i >= 0; i--) stack.Push((rich.Children[i], 0));
        while (stack.Count > 0)
        {
            var (e, depth) = stack.Pop();
            if (WidgetRule.First(File.DroppedWidgets, e) is { } rule) { draft.Remove(rule); continue; }
            switch (e.LocalName)
            {
                case "p":
                    HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, HtmlArticleReader.Text(e), cat, ui);
                    break;
                case "h2" or "h3" or "h4" or "h5":
                    HtmlArticleReader.AddBlock(draft, BlockKind.Heading, HtmlArticleReader.Text(e), cat, ui);
                    break;
                case "ul" or "ol":
                    HtmlArticleReader.AddListItems(draft, e, cat, ui);
                    break;
                case "blockquote":
                    var q = HtmlArticleReader.Text(e);
                    if (q.Length == 0 || S.Tweet.Matches(e) && q.Length < File.MinTweetChars) { draft.Remove(RemovalRules.EmptyEmbed); break; }
                    HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, q, cat, ui);
                    break;
                case "figure":
                    break; // captions were read from figcaption
                case "table":
                    foreach (var row in Dom.All(e, new Sel("tr")))
                        HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, HtmlArticleReader.Text(row), cat, ui);
                    break;
                default:
                    if (depth >= MaxBodyDepth) { draft.Remove(RemovalRules.TooDeep); break; }
                    for (var i = e.Children.Length - 1; i >= 0; i--) stack.Push((e.Children[i], depth + 1));
                    break;
            }
        }
    }
}
