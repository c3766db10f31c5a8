using System.Collections.Frozen;
using AngleSharp.Dom;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning.Layouts;

/// <summary>The selectors of <c>layouts/old.json</c>.</summary>
internal sealed record OldLayoutSelectors(
    Sel Column, Sel Headline, Sel Kicker, Sel Intro, Sel Body, Sel PictureBox, Sel PictureImage, Sel PictureCaption,
    Sel Gallery, Sel InfoList, Sel InfoLabel);

/// <summary>The old layout's chrome as it shows in text dumps of its pages.</summary>
internal sealed record OldLayoutTextDump(string[] SkipLinks, string[] LanguageMenu);

/// <summary><c>layouts/old.json</c>.</summary>
internal sealed record OldLayoutFile(
    string Layout, string Description, SeenInUse Seen, PageTitleFormat PageTitle, OldLayoutSelectors Selectors,
    WidgetRule[] DroppedBlocks, OldLayoutTextDump TextDump) : ILayoutFile
{
    public IEnumerable<WidgetRule> Rules => DroppedBlocks;
}

/// <summary>
/// DW's old layout (to ~2022/23): the div.col3 that holds the h1, h4.artikel kicker, p.intro lead, div.longText
/// body, div.picBox pictures, ul.smallList info box (date, authors, permalink); in text dumps, its skip links and
/// language menu. Selectors, dropped blocks and chrome: <c>layouts/old.json</c>.
/// </summary>
internal static class OldLayout
{
    public static OldLayoutFile File { get; } = LayoutFile.Load<OldLayoutFile>("old");

    private static readonly OldLayoutSelectors S = File.Selectors;

    /// <summary>"Inhalt", "Navigation", … "Choose from 30 Languages": the skip links of old-layout dumps.</summary>
    public static FrozenSet<string> SkipLinks { get; } = Normalised(File.TextDump.SkipLinks);

    /// <summary>Language names (and native spellings) of the language menu.</summary>
    public static FrozenSet<string> LanguageMenu { get; } = Normalised(File.TextDump.LanguageMenu);

    private static FrozenSet<string> Normalised(string[] lines) =>
        lines.Select(TextTools.NormaliseSpaces).Where(l => l.Length > 0).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // what the slicer searches the raw page for
    private static readonly string ColumnClass = S.Column.RawClassAttribute;
    private static readonly string HeadlineOpen = S.Headline.RawOpenTag;
    private static readonly string ColumnOpen = S.Column.RawOpenTag;
    private static readonly string InfoListClass = S.InfoList.RawClassAttribute;
    private static readonly string InfoListClose = S.InfoList.RawCloseTag;

    /// <summary>For <see cref="PageSlicer"/>: from the column that holds the h1 to the end of its info box, or (-1, -1).</summary>
    public static (int Start, int End) Region(string html)
    {
        var c = html.IndexOf(ColumnClass, StringComparison.Ordinal);
        while (c >= 0)
        {
            var h1 = html.IndexOf(HeadlineOpen, c, StringComparison.Ordinal);
            var next = html.IndexOf(ColumnClass, c + 1, StringComparison.Ordinal);
            if (h1 >= 0 && (next < 0 || h1 < next))
            {
                var start = html.LastIndexOf(ColumnOpen, c, StringComparison.Ordinal);
                var list = html.IndexOf(InfoListClass, h1, StringComparison.Ordinal);
                var end = list < 0 ? -1 : html.IndexOf(InfoListClose, list, StringComparison.Ordinal);
                return start < 0 || end < 0 ? (-1, -1) : (start, end + InfoListClose.Length);
            }
            c = next;
        }
        return (-1, -1);
    }

    public static ArticleDraft? TryRead(IDocument doc, PageFacts page, UiCatalog cat, UiLanguage? ui)
    {
        IElement? col = null;
        foreach (var c in Dom.All(doc.Body, S.Column))
            if (Dom.First(c, S.Headline) is not null && (Dom.First(c, S.Body) is not null || Dom.First(c, S.Intro) is not null)) { col = c; break; }
        if (col is null) return null;
        var draft = new ArticleDraft { Language = page.Language };
        draft.Title = HtmlArticleReader.Text(Dom.First(col, S.Headline)!);
        if (Dom.First(col, S.Kicker) is { } k) draft.Kicker = HtmlArticleReader.Text(k);
        if (Dom.First(col, S.Intro) is { } intro) draft.Lead = HtmlArticleReader.Text(intro);

        foreach (var box in Dom.All(col, S.PictureBox))
        {
            if (Dom.Ancestor(box, S.Gallery) is not null) continue;
            var img = Dom.First(box, S.PictureImage);
            var alt = img?.GetAttribute("title") ?? img?.GetAttribute("alt") ?? "";
            var credit = Credits.SplitParenthesised(TextTools.NormaliseSpaces(alt), cat)?.Credit;
            var text = Dom.First(box, S.PictureCaption) is { } p ? HtmlArticleReader.Text(p) : "";
            if (HtmlArticleReader.CaptionOf(text, credit ?? "", cat) is { } cap) draft.Captions.Add(cap);
            draft.Remove(RemovalRules.Caption);
        }
        if (Dom.First(col, S.Body) is { } body) Body(body, draft, cat, ui);
        InfoBox(Dom.First(doc.Body, S.InfoList), draft, cat, ui);
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
                    HtmlArticleReader.AddListItems(draft, e, cat, ui);
                    break;
                case "blockquote":
                    HtmlArticleReader.AddBlock(draft, BlockKind.Paragraph, HtmlArticleReader.Text(e), cat, ui);
                    break;
                default:
                    if (WidgetRule.First(File.DroppedBlocks, e) is { } rule) draft.Remove(rule);
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
            if (Dom.First(li, S.InfoLabel) is not { } strong) continue;
            var labelText = HtmlArticleReader.Text(strong);
            var label = labelText.TrimEnd(':', ' ');
            var all = HtmlArticleReader.Text(li);
            var value = TextTools.NormaliseSpaces(all.AsSpan(Math.Min(all.Length, labelText.Length)));
            if (cat.InfoDateLabels.Contains(label)) draft.Published ??= DateReader.ReadAny(value, ui, cat);
            else if (cat.InfoAuthorLabels.Contains(label)) draft.AddAuthors(TextTools.SplitNames(value) ?? (value.Length is > 0 and < 80 ? [value] : []));
            else if (cat.InfoPermalinkLabels.Contains(label) && DwSite.HasPermalink(value)) draft.Permalink ??= value;
        }
    }
}
