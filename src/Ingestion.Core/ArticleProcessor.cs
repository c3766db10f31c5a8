using Ingestion.Core.Cleaning;
using Ingestion.Core.Extraction;
using Ingestion.Core.Input;
using Ingestion.Core.Json;
using Ingestion.Core.Stories;

namespace Ingestion.Core;

/// <summary>Clean + extract in one call, for offline use (<c>ingest process</c>, benchmarks, evaluation).</summary>
public sealed class ArticleProcessor(IArticleCleaner cleaner, IArticleAnalyzer analyzer)
{
    public static ArticleProcessor CreateDefault() => new(new DwArticleCleaner(), new RuleBasedAnalyzer());

    public IArticleCleaner Cleaner { get; } = cleaner;
    public IArticleAnalyzer Analyzer { get; } = analyzer;

    /// <summary>
    /// Processes one file's bytes; the id comes from <paramref name="name"/> as if it were dropped under it. With
    /// <paramref name="stories"/>, the article is placed in a story of the run (copies of an earlier article name it).
    /// </summary>
    public ArticleDocument Process(string name, ReadOnlySpan<byte> bytes, string? source = null, long maxBytes = ArticleInput.DefaultMaxBytes, StoryIndex? stories = null)
    {
        var id = ArticleIdentity.IdFromName(name);
        var input = ArticleInput.Decode(name, bytes, maxBytes);
        var article = Cleaner.Clean(input);
        var analysis = Analyzer.Analyze(article);
        var story = stories?.Assign(id, StorySketch.Of(article));
        return ArticleDocument.From(id, article, analysis, source ?? name, name) with { DuplicateOf = story?.DuplicateOf, Similarity = story?.Similarity };
    }
}
