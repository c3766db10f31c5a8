using CsCheck;
using Ingestion.Core.Extraction;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Extraction;

public class FuzzTests
{
    private static readonly string[] Pieces =
    [
        "\"", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB", "'", "\u2018", "\u2019", "''", " ", " ", " ", ".", ",", ":", "(", ")", "-",
        "said", "says", "told", "according to", "he", "she", "they", "the", "of", "and", "von", "der", "the two leaders", "the statement",
        "Putin", "Vladimir", "EU", "European Union", "(EU)", "Russian", "President", "Berlin", "Mr.", "A", "Ab", "X-Y", "al-Assad", "'s", "s'",
        "Office", "Party", "Court", "\u2026", "\n", "é", "ß", "Ω", "\uD83D\uDE00", "\u0000", "1", "2022",
    ];

    [Fact]
    public void Random_article_text_never_throws_and_quotes_stay_inside_the_text()
    {
        var analyzer = new RuleBasedAnalyzer();
        var text = Gen.Int[0, Pieces.Length - 1].Array[0, 120].Select(ix => string.Join(" ", ix.Select(i => Pieces[i])));
        Gen.Select(text, text, text, Gen.Int[0, 3].Select(i => i switch { 0 => "en", 1 => "de", 2 => "fr", _ => (string?)null })).Sample((title, lead, body, lang) =>
        {
            var article = new CleanArticle
            {
                Format = ArticleFormat.Text, Language = lang, Title = title, Lead = lead,
                Body = [new BodyBlock(BlockKind.Paragraph, body), new BodyBlock(BlockKind.Heading, lead)],
            };
            var result = analyzer.Analyze(article);
            var all = string.Join("\n", article.TextBlocks());
            return result.Quotes.All(q => q.Text.Length > 0 && all.Contains(q.Text, StringComparison.Ordinal))
                && result.Entities.All(e => e.Name.Length > 0 && e.Mentions > 0);
        }, iter: 3000);
    }
}
