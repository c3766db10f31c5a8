using Azure;
using Azure.Data.Tables;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Results;

/// <summary>
/// Keeps the rows one article owns in the cross-article indexes (<c>EntityArticles</c>, <c>SpeakerQuotes</c>) equal to
/// its latest analysis, and the entity ranking in step with them. The index rows sit in other partitions than the
/// article's, so they cannot share a transaction with anything: each one is first recorded in the article's
/// partition of <c>ArticleIndexEntries</c>, then written, and its record removed only after the row is gone. A write
/// interrupted anywhere leaves records that the next run (a replay, a re-drop, a reprocess) finishes from.
/// </summary>
public sealed class CrossArticleIndex(PipelineStorage storage, EntityRanking ranking)
{
    /// <summary>Index rows written at once per article: enough to hide round trips, few enough not to flood storage.</summary>
    private const int Parallelism = 8;

    /// <summary>One index row this article should own, and the record that says so.</summary>
    private sealed record Entry(IndexEntryRow Record, ITableEntity Row);

    /// <param name="previousEntities">
    /// The article's entity rows (key, type) before this analysis. Articles extracted before the records existed have
    /// index rows but no records of them: these become their records, so stale rows still go and rankings count the rest.
    /// </param>
    public async Task ReplaceAsync(ArticleRow article, IReadOnlyList<EntityRow> entities, IReadOnlyList<QuoteRow> quotes,
        IReadOnlyList<(string Key, string Type)> previousEntities, CancellationToken cancellationToken = default)
    {
        var id = article.PartitionKey;
        var wanted = Desired(article, entities, quotes).ToDictionary(e => e.Record.RowKey, StringComparer.Ordinal);
        var recorded = new Dictionary<string, IndexEntryRow>(StringComparer.Ordinal);
        await foreach (var r in storage.IndexEntries.QueryAsync<IndexEntryRow>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken))
            recorded[r.RowKey] = r;
        if (recorded.Count == 0 && previousEntities.Count > 0)
        {
            // Extracted before records existed: record its index rows now (pending, so their rankings count them).
            var legacy = previousEntities.Select(e => Record(id, StorageNames.EntityIndexTable, e.Key, id, e.Type, null)).DistinctBy(r => r.RowKey).ToList();
            await SubmitAsync(legacy.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
            foreach (var r in legacy) recorded[r.RowKey] = r;
        }

        // 1. Record what is about to be written (pending until the rankings count it).
        var fresh = wanted.Values.Where(e => !recorded.ContainsKey(e.Record.RowKey)).Select(e => e.Record).ToList();
        await SubmitAsync(fresh.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);

        // 2. Write every wanted row (upserts: a replay writes the same values), then remove the ones no longer wanted;
        //    a row replaced under the same keys (an entity whose type changed) is not removed.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(wanted.Values, parallel, async (e, ct) =>
            await Table(e.Record.Table).UpsertEntityAsync(e.Row, TableUpdateMode.Replace, ct));
        var stale = recorded.Values.Where(r => !wanted.ContainsKey(r.RowKey)).ToList();
        var kept = wanted.Values.Select(e => (e.Record.Table, e.Record.TargetPartition, e.Record.TargetRow)).ToHashSet();
        await Parallel.ForEachAsync(stale.Where(r => !kept.Contains((r.Table, r.TargetPartition, r.TargetRow))), parallel, async (r, ct) =>
        {
            try
            {
                await Table(r.Table).DeleteEntityAsync(r.TargetPartition, r.TargetRow, ETag.All, ct);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // already gone: an earlier run got this far
            }
        });

        // 3. Mark for a recount every ranking an added, pending, re-storied or removed entity row counts in.
        bool Unsettled(IndexEntryRow r) => !recorded.TryGetValue(r.RowKey, out var old) || old.Pending || old.Story != r.Story;
        var unsettled = wanted.Values.Select(e => e.Record).Where(Unsettled);
        await ranking.MarkDirtyAsync(unsettled.Concat(stale)
            .Where(r => r.Table == StorageNames.EntityIndexTable)
            .Select(r => (r.TargetPartition, r.Type!, r.Entity ?? r.TargetPartition)), cancellationToken);

        // 4. Settle: records of removed rows go, pending records of kept rows stop being pending.
        var settle = stale.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All))
            .Concat(wanted.Values.Where(e => Unsettled(e.Record))
                .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Settled(e.Record))));
        await SubmitAsync(settle, cancellationToken);
    }

    private static IEnumerable<Entry> Desired(ArticleRow article, IReadOnlyList<EntityRow> entities, IReadOnlyList<QuoteRow> quotes)
    {
        var id = article.PartitionKey;
        var name = TableKeys.Fit(article.Name)!;
        var title = TableKeys.Fit(article.Title);
        foreach (var entity in entities)
        {
            var row = new EntityIndexRow
            {
                PartitionKey = entity.RowKey,
                RowKey = id,
                Entity = entity.Name,
                Type = entity.Type,
                ArticleName = name,
                Title = title,
                Published = article.Published,
                Mentions = entity.Mentions,
                QuoteCount = quotes.Count(q => q.Speaker is not null && SpeakerKeys.Of(q.Speaker).Contains(entity.RowKey)),
                Role = entity.Role,
                Story = article.StoryId,
                DuplicateOf = article.DuplicateOf,
            };
            yield return new Entry(Record(id, StorageNames.EntityIndexTable, row.PartitionKey, row.RowKey, row.Type, row.Entity, article.StoryId), row);
        }
        foreach (var quote in quotes)
        {
            if (quote.Speaker is null) continue;
            foreach (var key in SpeakerKeys.Of(quote.Speaker))
            {
                var row = new SpeakerQuoteRow
                {
                    PartitionKey = key,
                    RowKey = SpeakerQuoteRow.TimelineKey(article.Published, id, quote.RowKey),
                    Speaker = quote.Speaker,
                    ArticleId = id,
                    ArticleName = name,
                    Title = title,
                    Published = article.Published,
                    Position = quote.RowKey,
                    Text = quote.Text,
                    TextTruncated = quote.TextTruncated,
                    Cue = quote.Cue,
                    Attribution = quote.Attribution,
                    Story = article.StoryId,
                    DuplicateOf = article.DuplicateOf,
                };
                yield return new Entry(Record(id, StorageNames.SpeakerQuotesTable, row.PartitionKey, row.RowKey, null, null, article.StoryId), row);
            }
        }
    }

    private static IndexEntryRow Record(string id, string table, string partition, string row, string? type, string? entity, string? story = null) => new()
    {
        PartitionKey = id,
        RowKey = IndexEntryRow.EntryKey(table, partition, row, type),
        Table = table,
        TargetPartition = partition,
        TargetRow = row,
        Type = type,
        Entity = entity,
        Pending = true,
        Story = story,
    };

    private static IndexEntryRow Settled(IndexEntryRow r) => new()
    {
        PartitionKey = r.PartitionKey, RowKey = r.RowKey, Table = r.Table, TargetPartition = r.TargetPartition,
        TargetRow = r.TargetRow, Type = r.Type, Entity = r.Entity, Pending = false, Story = r.Story,
    };

    private TableClient Table(string name) => name switch
    {
        StorageNames.EntityIndexTable => storage.EntityIndex,
        StorageNames.SpeakerQuotesTable => storage.SpeakerQuotes,
        _ => throw new InvalidOperationException($"'{name}' is not a cross-article index"),
    };

    /// <summary>The records live in one partition: transactions of at most 100.</summary>
    private async Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var chunk in actions.Chunk(ResultsStore.MaxBatchSize))
            await storage.IndexEntries.SubmitTransactionAsync(chunk, cancellationToken);
    }
}
