using Ingestion.Core.Cleaning;
using Ingestion.Core.Extraction;
using Ingestion.Core.Input;
using Ingestion.Core.Json;

namespace Ingestion.Core;

/// <summary>Clean + extract in one call, for offline use (<c>ingest process</c>, benchmarks, evaluation).</summary>
public sealed class ArticleProcessor(IArticleCleaner cleaner, IArticleAnalyzer analyzer)
{
    public static ArticleProcessor CreateDefault() => new(new DwArticleCleaner(), new RuleBasedAnalyzer());

    public IArticleCleaner Cleaner { get; } = cleaner;
    public IArticleAnalyzer Analyzer { get; } = analyzer;

    /// <summary>Processes one file's bytes; the id comes from <paramref name="name"/> as if it were dropped under it.</summary>
    public ArticleDocument Process(string name, ReadOnlySpan<byte> bytes, string? source = null, long maxBytes = ArticleInput.DefaultMaxBytes)
    {
        var input = ArticleInput.Decode(name, bytes, maxBytes);
        var article = Cleaner.Clean(input);
        var analysis = Analyzer.Analyze(article);
        return ArticleDocument.From(ArticleIdentity.IdFromName(name), article, analysis, source ?? name, name);
    }
}
