using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// First version: reads text dumps (title line, date, lead, paragraphs) and drops numbered skip links.
/// The cleaner issue replaces this with the full DW rule set.
/// </summary>
public sealed class DwArticleCleaner : IArticleCleaner
{
    public CleanArticle Clean(ArticleInput input)
    {
        var lines = input.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Where(l => !(l.Length > 2 && char.IsDigit(l[0]) && l.Contains(". Skip to", StringComparison.Ordinal)))
            .ToList();
        if (lines.Count == 0) throw new ArticleRejectedException(RejectionKind.NoArticle, "no article text found");
        return new CleanArticle
        {
            Format = input.Format,
            Title = lines[0],
            Body = lines.Skip(1).Select(l => new BodyBlock(BlockKind.Paragraph, l)).ToList(),
        };
    }
}
