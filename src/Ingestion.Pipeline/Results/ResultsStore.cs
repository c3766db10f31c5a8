using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Results;

/// <summary>
/// Writes an article's entities, quotes and entity-index rows so that the tables hold exactly the latest analysis:
/// upserts in batches of at most 100 per partition, then deletes rows a previous analysis left behind.
/// Replaying it with the same analysis leaves the same rows.
/// </summary>
public sealed class ResultsStore(PipelineStorage storage)
{
    /// <summary>Azure's limit for one entity group transaction.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Index rows written at once per article: enough to hide round trips, few enough not to flood storage.</summary>
    private const int IndexWriteParallelism = 8;

    public async Task ReplaceAsync(ArticleRow article, ArticleAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var id = article.PartitionKey;
        var entityRows = BuildEntityRows(id, analysis);
        var quoteRows = BuildQuoteRows(id, analysis);

        var oldEntityKeys = await ListRowKeysAsync(storage.Entities, id, cancellationToken);
        await SyncPartitionAsync(storage.Entities, id, entityRows, oldEntityKeys, cancellationToken);
        var oldQuoteKeys = await ListRowKeysAsync(storage.Quotes, id, cancellationToken);
        await SyncPartitionAsync(storage.Quotes, id, quoteRows, oldQuoteKeys, cancellationToken);

        // The index is partitioned by entity, so each row is its own partition and cannot join a batch: write them
        // a few at a time instead of one after another (they are the bulk of an article's round trips).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = IndexWriteParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entityRows, parallel, async (row, ct) =>
        {
            var quoteCount = quoteRows.Count(q => q.SpeakerKey is not null && SpeakerKeys(q.Speaker!).Contains(row.RowKey));
            var indexRow = new EntityIndexRow
            {
                PartitionKey = row.RowKey,
                RowKey = id,
                Entity = row.Name,
                Type = row.Type,
                ArticleName = TableKeys.Fit(article.Name)!,
                Title = article.Title,
                Published = article.Published,
                Mentions = row.Mentions,
                QuoteCount = quoteCount,
                Role = row.Role,
            };
            await storage.EntityIndex.UpsertEntityAsync(indexRow, TableUpdateMode.Replace, ct);
        });
        var newKeys = entityRows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        await Parallel.ForEachAsync(oldEntityKeys.Where(k => !newKeys.Contains(k)), parallel, async (stale, ct) =>
            await storage.EntityIndex.DeleteEntityAsync(stale, id, ETag.All, ct));
    }

    internal static List<EntityRow> BuildEntityRows(string id, ArticleAnalysis analysis)
    {
        var rows = new List<EntityRow>(analysis.Entities.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in analysis.Entities)
        {
            var key = TableKeys.EntityKey(entity.Name);
            // Two entities whose names normalise alike (e.g. a person and a place) stay apart.
            for (var n = 2; !used.Add(key); n++) key = TableKeys.EntityKey(entity.Name) + "~" + n;
            rows.Add(new EntityRow
            {
                PartitionKey = id,
                RowKey = key,
                Name = TableKeys.Fit(entity.Name)!,
                Type = entity.Type.ToString().ToLowerInvariant(),
                Aliases = TableKeys.Fit(JsonSerializer.Serialize(entity.Aliases.ToArray(), PipelineJsonContext.Default.StringArray))!,
                Mentions = entity.Mentions,
                Role = TableKeys.Fit(entity.Role),
            });
        }
        return rows;
    }

    internal static List<QuoteRow> BuildQuoteRows(string id, ArticleAnalysis analysis) =>
        analysis.Quotes.Select((quote, i) => new QuoteRow
        {
            PartitionKey = id,
            RowKey = i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            Text = TableKeys.Fit(quote.Text)!,
            TextTruncated = quote.Text.Length > TableKeys.MaxStringChars,
            Speaker = TableKeys.Fit(quote.Speaker),
            SpeakerKey = quote.Speaker is null ? null : TableKeys.EntityKey(quote.Speaker),
            Cue = TableKeys.Fit(quote.Cue),
            Attribution = quote.Attribution.ToString().ToLowerInvariant(),
        }).ToList();

    /// <summary>A group speaker ("Vladimir Putin and Xi Jinping") counts for each of its members.</summary>
    internal static IReadOnlySet<string> SpeakerKeys(string speaker)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { TableKeys.EntityKey(speaker) };
        foreach (var part in speaker.Split([",", " and ", ";", "&"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            keys.Add(TableKeys.EntityKey(part));
        return keys;
    }

    private static async Task<List<string>> ListRowKeysAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            keys.Add(entity.RowKey);
        return keys;
    }

    /// <summary>Upserts <paramref name="rows"/> and deletes the partition's other rows, in transactions of at most 100.</summary>
    private static async Task SyncPartitionAsync<T>(TableClient table, string partition, IReadOnlyCollection<T> rows, IEnumerable<string> oldKeys, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)).ToList();
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in oldKeys.Where(k => !keep.Contains(k)))
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, stale) { ETag = ETag.All }));
        foreach (var chunk in actions.Chunk(MaxBatchSize))
            await table.SubmitTransactionAsync(chunk, cancellationToken);
    }
}
