using Ingestion.Core.Extraction;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Extraction;

internal static class AnalyzerTestKit
{
    private static readonly RuleBasedAnalyzer Analyzer = new();

    public static ArticleAnalysis Analyze(string? title, params string[] paragraphs) => AnalyzeIn("en", title, paragraphs);

    public static ArticleAnalysis AnalyzeIn(string language, string? title, params string[] paragraphs) => Analyzer.Analyze(new CleanArticle
    {
        Format = ArticleFormat.Text,
        Language = language,
        Title = title,
        Lead = paragraphs.Length > 0 ? paragraphs[0] : "",
        Body = paragraphs.Skip(1).Select(p => new BodyBlock(BlockKind.Paragraph, p)).ToList(),
    });

    public static Quote Single(this ArticleAnalysis a, string containing) =>
        Assert.Single(a.Quotes, q => q.Text.Contains(containing, StringComparison.Ordinal));

    public static Entity Entity(this ArticleAnalysis a, string name) =>
        Assert.Single(a.Entities, e => e.Name == name);
}
