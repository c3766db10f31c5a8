using Ingestion.Core.Cleaning.Layouts;
using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>Options for <see cref="DwArticleCleaner"/>.</summary>
public sealed record CleanerOptions
{
    /// <summary>When the page shows only a relative time ("46 minutes ago"), it is resolved against this instant; null leaves the date null.</summary>
    public DateTimeOffset? BaseTime { get; init; }
}

/// <summary>
/// Turns any DW article input (text dump, saved HTML page of either layout, AMP page, syndication feed item, JSON) into
/// the article and nothing else. Rules are data (<c>Data/cleaning</c>); this class only routes to the reader for the
/// input's shape. Throws only <see cref="ArticleRejectedException"/>.
/// </summary>
public sealed class DwArticleCleaner : IArticleCleaner
{
    private readonly CleanerOptions _options;

    public DwArticleCleaner() : this(new CleanerOptions()) { }

    public DwArticleCleaner(CleanerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public CleanArticle Clean(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cat = UiCatalog.Default;
        try
        {
            var draft = input.Format switch
            {
                ArticleFormat.Json => JsonArticleReader.Read(input.Text, cat, _options.BaseTime),
                ArticleFormat.Html => HtmlArticleReader.Read(input.Text, cat, _options.BaseTime),
                _ => TextDumpLayout.Read(input.Text, cat, _options.BaseTime),
            };
            return draft.Build(input.Format);
        }
        catch (ArticleRejectedException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // hostile input must never surface as anything but a rejection
            throw new ArticleRejectedException(RejectionKind.NoArticle, $"the input could not be read as an article ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
