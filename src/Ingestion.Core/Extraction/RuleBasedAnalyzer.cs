using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>First version: finds quotes in straight or curly double quotes. The extraction issue replaces it.</summary>
public sealed class RuleBasedAnalyzer : IArticleAnalyzer
{
    public ArticleAnalysis Analyze(CleanArticle article)
    {
        var quotes = new List<Quote>();
        foreach (var text in article.TextBlocks())
        {
            var start = -1;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is not ('"' or '\u201C' or '\u201D')) continue;
                if (start < 0) start = i;
                else { quotes.Add(new Quote(text[(start + 1)..i], null, null)); start = -1; }
            }
        }
        return new ArticleAnalysis([], quotes);
    }
}
