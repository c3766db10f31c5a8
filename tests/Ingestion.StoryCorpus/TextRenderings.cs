using System.Globalization;
using System.Text;
using Ingestion.Core.Model;

namespace Ingestion.StoryCorpus;

/// <summary>The plain-text forms of a story: text dumps of both page layouts, AMP text, clean text, the feed item.</summary>
internal static class TextRenderings
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string LongDate(DateOnly date) => date.ToString("MMMM d, yyyy", English);

    public static string TextDump(SourceArticle a, Chrome chrome)
    {
        var sb = new StringBuilder();
        if (chrome.On)
        {
            sb.Append("1. Skip to content\n  2. Skip to main menu\n  3. Skip to more DW sites\n");
            if (chrome.Navigation) sb.Append("Live TV\nLatest audio\nLatest videos\nIn focus\n");
            sb.Append('\n').Append(a.Kicker).Append("\n\n");
        }
        sb.Append(a.Title).Append("\n\n");
        if (chrome.On && a.Authors.Count > 0) sb.Append(string.Join(" | ", a.Authors)).Append('\n');
        sb.Append(LongDate(a.Published)).Append("\n\n");
        if (a.Lead.Length > 0) sb.Append(a.Lead).Append("\n\n");
        if (chrome.On)
        {
            var caption = chrome.CaptionFor(a);
            sb.Append(chrome.AltText).Append('\n').Append(caption.Text).Append("Image: ").Append(caption.Credit).Append("\n\n");
        }
        var n = 0;
        foreach (var block in a.Body)
        {
            sb.Append(block.Text).Append("\n\n");
            if (chrome.On && block.Kind == BlockKind.Paragraph && ++n == 3 && chrome.Video)
                sb.Append(chrome.VideoTitle).Append("\nTo view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video\n\n");
        }
        if (chrome.On)
        {
            sb.Append(chrome.Signature);
            sb.Append("\n\nSend us your feedback\n\nRelated topics\n\n").Append(a.Kicker).Append("\n\nShow more stories\n");
        }
        return sb.ToString();
    }

    public static string OldTextDump(SourceArticle a, Chrome chrome)
    {
        var sb = new StringBuilder();
        sb.Append(a.Title).Append(" | ").Append(a.Kicker).Append("| DW | ").Append(a.Published.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  1. Inhalt\n  2. Navigation\n  3. Weitere Inhalte\n  4. Metanavigation\n  5. Suche\n  6. Choose from 30 Languages\n\n\n");
        if (chrome.Navigation) sb.Append("DW.COM in 30 languages\n\n");
        sb.Append(a.Title).Append("\n\n");
        if (a.Lead.Length > 0) sb.Append(a.Lead).Append("\n\n");
        var n = 0;
        foreach (var block in a.Body)
        {
            sb.Append(block.Text).Append("\n\n");
            if (block.Kind == BlockKind.Paragraph && ++n == 2)
                sb.Append("Read more: ").Append(chrome.RelatedTitle).Append("\n\n");
        }
        sb.Append(chrome.Signature).Append("\n\n");
        sb.Append("Date ").Append(a.Published.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).Append('\n');
        if (a.Authors.Count > 0) sb.Append("Author ").Append(string.Join(", ", a.Authors)).Append('\n');
        sb.Append("Permalink https://p.dw.com/p/").Append(chrome.Permalink).Append("\n\n");
        sb.Append("Print this page\n\n© 2020 Deutsche Welle | Privacy Policy | Legal notice | Contact\n");
        return sb.ToString();
    }

    public static string CleanText(SourceArticle a)
    {
        var sb = new StringBuilder();
        sb.Append(a.Title).Append("\n\n").Append(LongDate(a.Published)).Append("\n\n");
        if (a.Lead.Length > 0) sb.Append(a.Lead).Append("\n\n");
        foreach (var block in a.Body) sb.Append(block.Text).Append("\n\n");
        return sb.ToString();
    }

    public static string AmpText(SourceArticle a, Chrome chrome)
    {
        var sb = new StringBuilder();
        sb.Append(a.Title).Append('\n').Append(LongDate(a.Published)).Append('\n');
        if (a.Lead.Length > 0) sb.Append(a.Lead).Append('\n');
        sb.Append("Advertisement\n");
        var n = 0;
        foreach (var block in a.Body)
        {
            sb.Append(block.Text).Append('\n');
            if (chrome.On && block.Kind == BlockKind.Paragraph && ++n % 4 == 0) sb.Append("Advertisement\n");
        }
        if (chrome.On) sb.Append(chrome.Signature).Append('\n');
        return sb.ToString();
    }

    public static string Syndication(SourceArticle a, Chrome chrome)
    {
        var sb = new StringBuilder();
        sb.Append(chrome.On ? "DW.COM\n\nItem 1\n" : "");
        sb.Append("Id ").Append(chrome.FeedId).Append('\n');
        sb.Append("Date ").Append(a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("Title ").Append(a.Title).Append('\n');
        sb.Append("Short title ").Append(Shorten(a.Title, 60)).Append('\n');
        if (a.Lead.Length > 0)
        {
            sb.Append("Teaser ").Append(a.Lead).Append('\n');
            sb.Append("Short teaser ").Append(Shorten(a.Lead, 120)).Append('\n');
        }
        sb.Append("Full text\n\n");
        foreach (var block in a.Body) sb.Append(block.Text).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>The feed's short variants: whole words up to about <paramref name="max"/> characters.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > 0 ? cut : max)];
    }
}
