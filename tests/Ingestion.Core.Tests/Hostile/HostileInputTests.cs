using Ingestion.Core.Input;

namespace Ingestion.Core.Tests.Hostile;

/// <summary>
/// Every hostile input ends as an article or as a clear <see cref="ArticleRejectedException"/>: never another
/// exception, never a hang. (Time is bounded generously here; speed is measured by `ingest bench`, not asserted.)
/// </summary>
public class HostileInputTests
{
    public static TheoryData<string> Names => new(HostileCorpus.Files.Keys);

    [Fact]
    public void The_corpus_has_at_least_forty_files() => Assert.True(HostileCorpus.Files.Count >= 40);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_hostile_input_is_processed_or_rejected_with_a_reason(string name)
    {
        var bytes = HostileCorpus.Files[name]();
        var processor = ArticleProcessor.CreateDefault();

        var outcome = await Task.Run(() =>
        {
            try
            {
                var document = processor.Process(name, bytes);
                return (Document: (Json.ArticleDocument?)document, Error: (ArticleRejectedException?)null);
            }
            catch (ArticleRejectedException e)
            {
                return (Document: null, Error: e);
            }
        }).WaitAsync(TimeSpan.FromSeconds(60));

        if (outcome.Error is { } error)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal); // a reason, not a stack trace
        }
        else
        {
            var doc = outcome.Document!;
            Assert.True(!string.IsNullOrWhiteSpace(doc.Title) || doc.Body.Count > 0 || doc.Lead.Length > 0, "an accepted input must yield some article text");
            Assert.All(doc.Quotes, q => Assert.False(string.IsNullOrEmpty(q.Text)));
        }
    }

    [Theory]
    [InlineData("empty.txt", RejectionKind.Empty)]
    [InlineData("whitespace.txt", RejectionKind.Empty)]
    [InlineData("image.png", RejectionKind.Binary)]
    [InlineData("archive.zip", RejectionKind.Binary)]
    [InlineData("photo.jpg", RejectionKind.Binary)]
    [InlineData("article.txt.gz", RejectionKind.Binary)]
    [InlineData("invalid-utf8.txt", RejectionKind.InvalidEncoding)]
    [InlineData("latin1.txt", RejectionKind.InvalidEncoding)]
    [InlineData("huge-64mb.txt", RejectionKind.TooLarge)]
    [InlineData("broken.json", RejectionKind.MalformedJson)]
    [InlineData("only-navigation.txt", RejectionKind.NoArticle)]
    public void Known_bad_inputs_are_rejected_with_the_right_kind(string name, RejectionKind kind)
    {
        var e = Assert.Throws<ArticleRejectedException>(() => ArticleProcessor.CreateDefault().Process(name, HostileCorpus.Files[name]()));
        Assert.Equal(kind, e.Kind);
    }

    [Theory]
    [InlineData("utf16le-bom.txt")]
    [InlineData("utf16be-bom.txt")]
    [InlineData("utf32-bom.txt")]
    [InlineData("utf8-bom.txt")]
    [InlineData("crlf.txt")]
    [InlineData("text-named.html")]
    public void Encodings_and_line_endings_do_not_change_the_article(string name)
    {
        var doc = ArticleProcessor.CreateDefault().Process(name, HostileCorpus.Files[name]());
        Assert.Equal("Ministers meet in Berlin", doc.Title);
        Assert.Contains(doc.Body.Select(b => b.Text).Append(doc.Lead), t => t.Contains("discuss the budget", StringComparison.Ordinal));
    }
}
