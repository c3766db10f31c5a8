namespace Ingestion.StoryCorpus;

/// <summary>The forms a DW story reaches users' crawlers in (docs: ../shared/notes/dw-pages.md).</summary>
public enum Format
{
    /// <summary>A text browser's dump of the new (2022+) page: skip links, navigation, caption glued to its credit, signature, end-of-article blocks.</summary>
    TextDump,
    /// <summary>A text dump of the old page: its skip links and the language menu above the article.</summary>
    OldTextDump,
    /// <summary>Already-clean text: title, date, lead, paragraphs.</summary>
    CleanText,
    /// <summary>The text of an AMP page: title, date, lead, paragraphs with ad markers between them.</summary>
    AmpText,
    /// <summary>The AMP page itself (&lt;html amp&gt;).</summary>
    AmpHtml,
    /// <summary>The saved page of the new layout: JSON-LD, article header, div.rich-text, figures, tracked widgets.</summary>
    NewLayoutHtml,
    /// <summary>The saved page of the old layout: div.col3, p.intro, div.longText, picture boxes, the info box.</summary>
    OldLayoutHtml,
    /// <summary>An article object from an API: title, teaser, text, date, author.</summary>
    Json,
    /// <summary>A JSON-LD NewsArticle: headline, description, articleBody, datePublished.</summary>
    JsonLd,
    /// <summary>The syndication ("copypaste") feed item: labelled lines, then the full text.</summary>
    Syndication,
}

public static class FormatExtensions
{
    public static string Extension(this Format format) => format switch
    {
        Format.AmpHtml or Format.NewLayoutHtml or Format.OldLayoutHtml => ".html",
        Format.Json or Format.JsonLd => ".json",
        _ => ".txt",
    };
}
