using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>Turns a decoded input into the article and nothing else.</summary>
public interface IArticleCleaner
{
    /// <summary>
    /// Cleans one article. Throws <see cref="ArticleRejectedException"/> (kind <see cref="RejectionKind.NoArticle"/>
    /// or <see cref="RejectionKind.MalformedJson"/>) when the input holds no article.
    /// </summary>
    CleanArticle Clean(ArticleInput input);
}
