using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>Finds the entities and direct quotes of a clean article.</summary>
public interface IArticleAnalyzer
{
    ArticleAnalysis Analyze(CleanArticle article);
}
