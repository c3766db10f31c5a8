namespace Ingestion.StoryCorpus;

/// <summary>A story in one <see cref="Format"/>, with or without its page chrome.</summary>
public static class Renderer
{
    public static string Render(SourceArticle article, Format format, Chrome chrome) => format switch
    {
        Format.TextDump => TextRenderings.TextDump(article, chrome),
        Format.OldTextDump => TextRenderings.OldTextDump(article, chrome),
        Format.CleanText => TextRenderings.CleanText(article),
        Format.AmpText => TextRenderings.AmpText(article, chrome),
        Format.Syndication => TextRenderings.Syndication(article, chrome),
        Format.AmpHtml => HtmlRenderings.Amp(article, chrome),
        Format.NewLayoutHtml => HtmlRenderings.NewLayout(article, chrome),
        Format.OldLayoutHtml => HtmlRenderings.OldLayout(article, chrome),
        Format.Json => FeedRenderings.Json(article, chrome),
        Format.JsonLd => FeedRenderings.JsonLd(article, chrome),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
