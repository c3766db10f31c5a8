using System.Text;
using CsCheck;
using Ingestion.Core.Cleaning;
using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Hostile;

/// <summary>Whatever a user drops, the cleaner answers with an article or an <see cref="ArticleRejectedException"/>.</summary>
public class GeneratedInputTests
{
    private static readonly string[] Pieces =
    [
        "<div>", "</div>", "<p>", "</p>", "<article>", "<header><h1>", "</h1></header>", "<div class=\"rich-text\">", "<div class=\"col3\">",
        "<h1>", "<div class=\"longText\">", "<ul class=\"smallList\"><li><strong>Date</strong> 19.01.2020</li></ul>", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
        "</script>", "{", "}", "[", "]", "\"title\":", "\"text\":", ",", "\n", "\n\n", "1. Skip to content", "Image:", "Bild:", "(dpa/AP)", "es/msh (AP, AFP)",
        "Advertisement", "February 4, 2022", "46 minutes ago", "Send us your feedback", "Id 123", "Title ", "Full text", "\u00a0", "\"", "''", "a", "The minister said that ",
        "١٣ أبريل ٢٠١٧", "„Zitat“", "<!--", "-->", "<svg>", "&amp;", "\u200b",
    ];

    private static readonly Gen<string> Inputs = Gen.Int[0, Pieces.Length - 1].Array[0, 60].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    [Theory]
    [InlineData(ArticleFormat.Text)]
    [InlineData(ArticleFormat.Html)]
    [InlineData(ArticleFormat.Json)]
    public void Random_inputs_give_an_article_or_a_rejection(ArticleFormat format)
    {
        var cleaner = new DwArticleCleaner();
        Inputs.Sample(text =>
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            try
            {
                var a = cleaner.Clean(new ArticleInput("x", text, format));
                Assert.True(a.Title is not null || a.Lead.Length > 0 || a.Body.Count > 0);
                foreach (var b in a.Body) Assert.False(string.IsNullOrWhiteSpace(b.Text));
            }
            catch (ArticleRejectedException e)
            {
                // an internal failure is wrapped as "could not be read": that would be a bug, not a verdict on the input
                Assert.True(e.InnerException is null or System.Text.Json.JsonException, $"internal failure on {text}: {e.InnerException}");
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }, iter: 300);
    }

    [Fact]
    public void Rejections_of_internal_failures_keep_the_cause()
    {
        // JSON nested deeper than the reader allows is malformed input, not a crash
        var deep = new StringBuilder().Append('[', 5000).Append(']', 5000).ToString();
        var e = Assert.Throws<ArticleRejectedException>(() => new DwArticleCleaner().Clean(new ArticleInput("x.json", deep, ArticleFormat.Json)));
        Assert.Equal(RejectionKind.MalformedJson, e.Kind);
    }

    [Fact]
    public void Every_credit_label_ends_with_a_colon_so_body_words_are_never_split()
    {
        foreach (var l in UiCatalog.Default.CreditLabels) Assert.True(l.EndsWith(':') || l.EndsWith('：'), l);
        // "Imagine" (Romanian credit word without colon) must not split an English sentence
        Assert.Null(Credits.SplitLabelled("Imagine a world where the minister said nothing at all.", UiCatalog.Default));
    }
}

public class NavigationOnlyTests
{
    [Fact]
    public void A_topic_menu_is_not_an_article()
    {
        var text = "Germany\nWorld\nBusiness\nScience\nEnvironment\nCulture\nSports\nLive TV\nIn focus\nUkraine war\nClimate crisis\nGerman elections";
        var e = Assert.Throws<ArticleRejectedException>(() => new DwArticleCleaner().Clean(new ArticleInput("x.txt", text, ArticleFormat.Text)));
        Assert.Equal(RejectionKind.NoArticle, e.Kind);
    }
}
