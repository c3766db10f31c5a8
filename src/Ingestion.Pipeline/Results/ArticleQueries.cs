using System.Text.Json;
using Azure.Data.Tables;
using Ingestion.Core.Model;
using Ingestion.Core.Stories;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Stories;
using Ingestion.Pipeline.Versions;

namespace Ingestion.Pipeline.Results;

/// <summary>Read side of the tables: what the HTTP API and <c>ingest status</c> show. Filters only via CreateQueryFilter.</summary>
public sealed class ArticleQueries(PipelineStorage storage, ArticleRepository articles, StoryStore stories, VersionStore versions)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public async Task<ArticleView?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await articles.GetAsync(id, cancellationToken);
        if (row is null) return null;

        var entities = new List<Entity>();
        var partition = TableClient.CreateQueryFilter($"PartitionKey eq {id}");
        await foreach (var e in storage.Entities.QueryAsync<EntityRow>(partition, cancellationToken: cancellationToken))
            entities.Add(ToEntity(e));
        var quotes = new List<Quote>();
        await foreach (var q in storage.Quotes.QueryAsync<QuoteRow>(partition, cancellationToken: cancellationToken))
            quotes.Add(ToQuote(q));

        return new ArticleView
        {
            Id = row.PartitionKey,
            Name = row.Name,
            Status = row.Status,
            Title = row.Title,
            Published = row.Published,
            Language = row.Language,
            Format = row.Format,
            Fallback = row.Fallback,
            Partial = row.Partial,
            ContentHash = row.ContentHash,
            SizeBytes = row.SizeBytes,
            Attempts = row.Attempts,
            Error = ErrorOf(row),
            Timings = new ArticleTimings(row.ReceivedAt, row.CleanedAt, row.ExtractedAt, row.FailedAt, row.CleanMs, row.ExtractMs),
            CleanBlob = row.CleanBlob,
            Story = row.StoryId,
            DuplicateOf = row.DuplicateOf,
            Similarity = row.Similarity,
            Copies = row.StoryId is { } story ? Others(await stories.CopiesAsync(story, cancellationToken), row.PartitionKey) : [],
            // Mentions first: the main actors lead the list, as in `ingest process`.
            Entities = entities.OrderByDescending(e => e.Mentions).ThenBy(e => e.Name, StringComparer.Ordinal).ToList(),
            Quotes = quotes,
        };
    }

    /// <summary>
    /// One page of articles, optionally of one status, in article-id order (the table's key order). Pass the
    /// returned continuation to get the next page.
    /// </summary>
    public async Task<ArticlePage> ListAsync(string? status, string? continuation, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var filter = status is null ? null : TableClient.CreateQueryFilter($"Status eq {status}");
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await foreach (var page in storage.Articles.QueryAsync<ArticleRow>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            var items = page.Values.Select(ToSummary).ToList();
            return new ArticlePage(items, page.ContinuationToken);
        }
        return new ArticlePage([], null);
    }

    /// <summary>
    /// Stories that mention an entity (by any spelling that normalises to its key), with its quotes in each: a later copy
    /// is listed only when no earlier article of its story (the first copy, as a rule) mentions the entity too
    /// (<see cref="CopyFolding"/>), and each item names the story's other articles. A page may so hold fewer than
    /// <paramref name="pageSize"/> items; follow the continuation.
    /// </summary>
    public async Task<EntityArticles> EntityArticlesAsync(string name, string? continuation, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var key = TableKeys.EntityKey(name);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key}");
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await foreach (var page in storage.EntityIndex.QueryAsync<EntityIndexRow>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            var mentions = new List<EntityMention>();
            var folding = new CopyFolding(storage, stories);
            foreach (var row in page.Values)
            {
                if (row.DuplicateOf is not null && row.Story is { } story && await folding.MentionedEarlierAsync(key, story, row.RowKey, cancellationToken))
                    continue; // the story is listed under an earlier article of it
                var quotes = new List<Quote>();
                if (row.QuoteCount > 0)
                {
                    var quoteFilter = TableClient.CreateQueryFilter($"PartitionKey eq {row.RowKey}");
                    await foreach (var q in storage.Quotes.QueryAsync<QuoteRow>(quoteFilter, cancellationToken: cancellationToken))
                        if (q.Speaker is not null && SpeakerKeys.Of(q.Speaker).Contains(key))
                            quotes.Add(ToQuote(q));
                }
                var copies = row.Story is { } itsStory ? Others(await folding.CopiesAsync(itsStory, cancellationToken), row.RowKey) : [];
                mentions.Add(new EntityMention(row.RowKey, row.ArticleName, row.Title, row.Published, row.Type, row.Mentions, row.Role, quotes,
                    row.Story, row.DuplicateOf, copies));
            }
            var display = page.Values.Count > 0 ? page.Values[0].Entity : name;
            return new EntityArticles(display, key, mentions, page.ContinuationToken);
        }
        return new EntityArticles(name, key, [], null);
    }

    /// <summary>The story's articles but <paramref name="self"/>.</summary>
    private static List<StoryCopy> Others(IEnumerable<StoryCopyRow> copies, string self) =>
        copies.Where(c => c.ArticleId != self).Select(c => new StoryCopy(c.ArticleId, c.Name, c.Title, c.Published, c.Format, c.Similarity, c.First)).ToList();

    /// <summary>
    /// An article's versions, oldest first, each with what changed against the one before; for a later copy of a
    /// story, also how it differs from the first copy as that one started the story. Null for an unknown article.
    /// </summary>
    public async Task<ArticleHistory?> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await articles.GetAsync(id, cancellationToken);
        if (row is null) return null;
        var rows = await versions.ListAsync(id, cancellationToken);
        var current = row.Status == ArticleStatus.Extracted && row.ContentHash is { } hash && row.ReceivedAt is { } received ? VersionRow.KeyOf(received, hash) : null;
        var list = rows.Select((v, i) => new ArticleVersion(i + 1, v.ContentHash, v.ReceivedAt, v.ExtractedAt, v.Title, v.Published, v.Paragraphs,
            v.EntityCount, v.QuoteCount, v.StoryId, v.DuplicateOf, v.Similarity, v.RowKey == current, VersionStore.ChangesOf(v))).ToList();

        CopyDifferences? copyOf = null;
        if (row.DuplicateOf is { } original && row.StoryId is { } story && current is not null)
        {
            var mine = rows.FirstOrDefault(v => v.RowKey == current);
            var founding = await stories.GetAsync(story, cancellationToken);
            var theirs = founding is null ? null : (await versions.ListAsync(original, cancellationToken)).FirstOrDefault(v => v.ContentHash == founding.ContentHash);
            var changes = mine is null || theirs is null || await versions.ReadAsync(theirs, cancellationToken) is not { } before || await versions.ReadAsync(mine, cancellationToken) is not { } after
                ? null : ArticleChanges.Between(before, after);
            copyOf = new CopyDifferences(original, founding?.OriginalName ?? original, founding?.Title, row.Similarity ?? 0, changes);
        }
        return new ArticleHistory(row.PartitionKey, row.Name, list, copyOf);
    }

    private static Entity ToEntity(EntityRow e) => new(
        e.Name,
        Enum.TryParse<EntityType>(e.Type, ignoreCase: true, out var type) ? type : EntityType.Other,
        JsonSerializer.Deserialize(e.Aliases, PipelineJsonContext.Default.StringArray) ?? [],
        e.Mentions,
        e.Role);

    /// <summary>Rows written before quotes said how they were attributed read as explicit when they name a speaker.</summary>
    private static Quote ToQuote(QuoteRow q) => new(q.Text, q.Speaker, q.Cue,
        Enum.TryParse<QuoteAttribution>(q.Attribution, ignoreCase: true, out var how) ? how
        : q.Speaker is null ? QuoteAttribution.None : QuoteAttribution.Explicit);

    private static ArticleSummary ToSummary(ArticleRow row) => new(
        row.PartitionKey, row.Name, row.Status, row.Title, row.Published, row.Language, row.EntityCount, row.QuoteCount,
        ErrorOf(row), row.ReceivedAt, row.Timestamp, row.StoryId, row.DuplicateOf, row.Similarity);

    private static ArticleError? ErrorOf(ArticleRow row) =>
        row.Status == ArticleStatus.Failed ? new ArticleError(row.ErrorStage, row.ErrorKind, row.ErrorMessage) : null;
}
