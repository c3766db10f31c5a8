namespace Ingestion.Core.Model;

/// <summary>
/// Every name <see cref="CleanArticle.Removed"/> can count, each said once. The names are part of the output
/// contract (<c>"removed": {rule: count}</c> in <c>ingest process</c> and the clean blob): the cleaner, the layout
/// data files (<c>Data/cleaning/layouts/*.json</c>, checked against <see cref="All"/> when they load) and the tests
/// refer to these constants, never to the strings.
/// </summary>
public static class RemovalRules
{
    // ---- the page header (text dumps) --------------------------------------------------------------------------
    /// <summary>"1. Skip to content", "Zum Inhalt springen": the numbered skip links at the top of a page.</summary>
    public const string SkipLink = "skip-link";
    /// <summary>The page's &lt;title&gt; line ("Headline | Section | DW | 19.01.2020") at the top of a dump.</summary>
    public const string PageTitle = "page-title";
    /// <summary>The date line under the headline (its value becomes <c>published</c>).</summary>
    public const string Date = "date";
    /// <summary>The author line between headline and date (its names become <c>authors</c>).</summary>
    public const string Authors = "authors";
    /// <summary>"Live TV", "In focus", topic lists: navigation above the kicker and headline.</summary>
    public const string HeaderNavigation = "header-navigation";

    // ---- media -------------------------------------------------------------------------------------------------
    /// <summary>An image caption with its credit (it moves to <c>captions</c>).</summary>
    public const string Caption = "caption";
    /// <summary>The image's alt text on its own line above the caption.</summary>
    public const string AltText = "alt-text";
    /// <summary>A credit line ("Image: dpa") with no caption text before it.</summary>
    public const string ImageCredit = "image-credit";
    /// <summary>The title line of a video or picture (a heading-like line right after the media).</summary>
    public const string MediaTitle = "media-title";
    /// <summary>"To view this video please enable JavaScript …", "This browser does not support the video element."</summary>
    public const string VideoNotice = "video-notice";
    /// <summary>"02:49": a video or audio duration.</summary>
    public const string VideoDuration = "video-duration";
    /// <summary>A picture box inside the old layout's body text (its caption is read separately).</summary>
    public const string Picture = "picture";
    /// <summary>A picture gallery: gallery title, slide titles and slide texts.</summary>
    public const string Gallery = "gallery";

    // ---- page chrome inside the article ------------------------------------------------------------------------
    /// <summary>"Advertisement", "Anzeige", "Reklama": an ad marker line (also when glued to the date).</summary>
    public const string AdMarker = "ad-marker";
    /// <summary>A whole line of page chrome ("Share", "Print", "DW.COM").</summary>
    public const string Navigation = "navigation";
    /// <summary>A line that starts with page chrome ("Read more:", "Edited by:", "© 2022 Deutsche Welle").</summary>
    public const string BoilerplateLine = "boilerplate-line";
    /// <summary>"https://p.dw.com/p/3WRPd": the permalink line (its value becomes <c>permalink</c>).</summary>
    public const string Permalink = "permalink";
    /// <summary>"es/msh (AP, AFP, Reuters)": the agency signature (it moves to <c>signature</c>).</summary>
    public const string Signature = "signature";
    /// <summary>Old-layout info-box lines ("Date 19.01.2020", "Author Ben Knight", "Keywords …").</summary>
    public const string InfoBox = "info-box";
    /// <summary>The old layout's language menu ("Albanian Shqip Amharic አማርኛ …").</summary>
    public const string LanguageMenu = "language-menu";
    /// <summary>"Send us your feedback", "Mehr zum Thema" and every line after it.</summary>
    public const string EndOfArticle = "end-of-article";

    // ---- syndication feed items --------------------------------------------------------------------------------
    /// <summary>A labelled field line ("Id 123", "Title …", "Full text").</summary>
    public const string FeedLabel = "feed-label";
    /// <summary>"Short title …", "Short teaser …": the shorter copies of title and teaser.</summary>
    public const string FeedShortVariant = "feed-short-variant";
    /// <summary>Other lines before the feed item's text.</summary>
    public const string FeedHeader = "feed-header";

    // ---- HTML widgets (selectors in the layout files) ----------------------------------------------------------
    /// <summary>A component DW marks with <c>data-tracking-name</c> (teasers, related content).</summary>
    public const string TrackedWidget = "tracked-widget";
    /// <summary>An ad slot in the body.</summary>
    public const string Ad = "ad";
    /// <summary>A video player or an embed.</summary>
    public const string VideoOrEmbed = "video-or-embed";
    /// <summary>Feedback and sharing widgets.</summary>
    public const string PageWidget = "page-widget";
    /// <summary>An embed (tweet, blockquote) with no text of its own.</summary>
    public const string EmptyEmbed = "empty-embed";
    /// <summary>Any other box inside the old layout's body text.</summary>
    public const string EmbeddedBox = "embedded-box";
    /// <summary>Body markup nested deeper than the reader walks.</summary>
    public const string TooDeep = "too-deep";
    /// <summary>Tags beyond the nesting limit dropped before parsing (their text is kept).</summary>
    public const string NestingTooDeep = "nesting-too-deep";

    /// <summary>Every rule name that can appear in <see cref="CleanArticle.Removed"/>.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        SkipLink, PageTitle, Date, Authors, HeaderNavigation,
        Caption, AltText, ImageCredit, MediaTitle, VideoNotice, VideoDuration, Picture, Gallery,
        AdMarker, Navigation, BoilerplateLine, Permalink, Signature, InfoBox, LanguageMenu, EndOfArticle,
        FeedLabel, FeedShortVariant, FeedHeader,
        TrackedWidget, Ad, VideoOrEmbed, PageWidget, EmptyEmbed, EmbeddedBox, TooDeep, NestingTooDeep,
    };
}
