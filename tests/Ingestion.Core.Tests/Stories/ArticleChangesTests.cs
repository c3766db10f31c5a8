using Ingestion.Core.Model;
using Ingestion.Core.Stories;

namespace Ingestion.Core.Tests.Stories;

/// <summary>What changed between two versions: titles, leads, paragraphs and quotes added and removed, repeats counted.</summary>
public class ArticleChangesTests
{
    private static ArticleSnapshot Snapshot(string title, string lead, string[] paragraphs, params Quote[] quotes) => new(
        new CleanArticle { Format = ArticleFormat.Text, Title = title, Lead = lead, Body = paragraphs.Select(p => new BodyBlock(BlockKind.Paragraph, p)).ToList() },
        new ArticleAnalysis([], quotes));

    private static Quote Said(string text, string? speaker) => new(text, speaker, "said", QuoteAttribution.Explicit);

    [Fact]
    public void An_update_shows_its_new_title_paragraphs_and_quotes_and_what_it_dropped()
    {
        var before = Snapshot("Talks resume", "The sides met.", ["One.", "Two.", "Two.", "Three."], Said("We will see", "Anna Berg"), Said("No comment", null));
        var after = Snapshot("Talks resume: live updates", "The  sides met.", ["New at the top.", "One.", "Two.", "Three, edited."],
            Said("We will see", "Anna Berg"), Said("No comment", "Jonas Lind"), Said("It is over", "Anna Berg"));

        var changes = ArticleChanges.Between(before, after);

        Assert.True(changes.TitleChanged);
        Assert.Equal(("Talks resume", "Talks resume: live updates"), (changes.TitleBefore, changes.TitleAfter));
        Assert.False(changes.LeadChanged); // spacing is no change
        Assert.Equal(["New at the top.", "Three, edited."], changes.ParagraphsAdded.Select(b => b.Text));
        Assert.Equal(["Two.", "Three."], changes.ParagraphsRemoved.Select(b => b.Text)); // one of the two "Two." went
        Assert.Equal([("No comment", "Jonas Lind"), ("It is over", "Anna Berg")], changes.QuotesAdded.Select(q => (q.Text, q.Speaker!)));
        Assert.Equal([("No comment", (string?)null)], changes.QuotesRemoved.Select(q => (q.Text, q.Speaker)));
        Assert.Equal("title changed, +2 paragraphs, −2 paragraphs, +2 quotes, −1 quote", changes.Summary);
        Assert.False(changes.IsEmpty);
    }

    [Fact]
    public void The_same_content_has_no_changes_and_an_abridged_diff_keeps_its_summary()
    {
        var snapshot = Snapshot("Title", "Lead.", ["A paragraph."], Said("Words", "Anna Berg"));
        var none = ArticleChanges.Between(snapshot, snapshot);
        Assert.True(none.IsEmpty);
        Assert.Equal("no change to title, lead, paragraphs or quotes", none.Summary);

        var many = ArticleChanges.Between(snapshot, Snapshot("Title", "Lead.", Enumerable.Range(0, 30).Select(i => new string('x', 500) + i).ToArray()));
        var abridged = many.Abridge(items: 5, chars: 20);
        Assert.True(abridged.Abridged);
        Assert.Equal(5, abridged.ParagraphsAdded.Count);
        Assert.All(abridged.ParagraphsAdded, b => Assert.Equal(21, b.Text.Length));
        Assert.Equal(many.Summary, abridged.Summary);
        Assert.StartsWith("+30 paragraphs", many.Summary, StringComparison.Ordinal);
    }
}
