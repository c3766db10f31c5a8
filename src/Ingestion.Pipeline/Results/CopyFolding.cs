using Azure.Data.Tables;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Stories;

namespace Ingestion.Pipeline.Results;

/// <summary>
/// How one answer shows a story once: its articles stand in a fixed order (the first copy, then the others as they
/// came, <see cref="StoryStore.CopiesAsync"/>), and a later article is left out wherever an earlier one of the same
/// story already says the same (mentions the entity, has the quote). A story whose first copy has since left it (been
/// overwritten with another story, or failed) is so still shown once, under its next article. Reads are made only for
/// later copies, and each story's articles and each article's quotes are read once per answer.
/// </summary>
internal sealed class CopyFolding(PipelineStorage storage, StoryStore stories)
{
    private readonly Dictionary<string, List<StoryCopyRow>> _copies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(string?, string)>> _quotes = new(StringComparer.Ordinal);

    /// <summary>The story's articles in their order.</summary>
    public async Task<List<StoryCopyRow>> CopiesAsync(string story, CancellationToken cancellationToken)
    {
        if (!_copies.TryGetValue(story, out var copies))
            _copies[story] = copies = await stories.CopiesAsync(story, cancellationToken);
        return copies;
    }

    /// <summary>True when an article of the story before <paramref name="articleId"/> has a row of its own, for the story, in the entity's partition.</summary>
    public async Task<bool> MentionedEarlierAsync(string entityKey, string story, string articleId, CancellationToken cancellationToken)
    {
        foreach (var earlier in await EarlierAsync(story, articleId, cancellationToken))
        {
            var row = await storage.EntityIndex.GetEntityIfExistsAsync<EntityIndexRow>(entityKey, earlier.ArticleId, select: [nameof(EntityIndexRow.Story)], cancellationToken: cancellationToken);
            if (row.HasValue && row.Value!.Story == story) return true;
        }
        return false;
    }

    /// <summary>True when an article of the story before <paramref name="articleId"/> has the same quote by the same speaker.</summary>
    public async Task<bool> QuotedEarlierAsync(string story, string articleId, string? speaker, string text, CancellationToken cancellationToken)
    {
        foreach (var earlier in await EarlierAsync(story, articleId, cancellationToken))
        {
            if (!_quotes.TryGetValue(earlier.ArticleId, out var quotes))
            {
                _quotes[earlier.ArticleId] = quotes = [];
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {earlier.ArticleId}");
                await foreach (var q in storage.Quotes.QueryAsync<QuoteRow>(filter, select: [nameof(QuoteRow.Speaker), nameof(QuoteRow.Text)], cancellationToken: cancellationToken))
                    quotes.Add((q.Speaker, q.Text));
            }
            if (quotes.Contains((speaker, text))) return true;
        }
        return false;
    }

    /// <summary>The story's articles that come before <paramref name="articleId"/> (all of them if it is no longer in the story).</summary>
    private async Task<IEnumerable<StoryCopyRow>> EarlierAsync(string story, string articleId, CancellationToken cancellationToken) =>
        (await CopiesAsync(story, cancellationToken)).TakeWhile(c => c.ArticleId != articleId);
}
