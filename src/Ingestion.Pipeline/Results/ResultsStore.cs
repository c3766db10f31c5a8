using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Results;

/// <summary>
/// Writes an article's entities and quotes (its own partitions of <c>ArticleEntities</c> and <c>ArticleQuotes</c>) and
/// its rows in the cross-article indexes so that the tables hold exactly the latest analysis: upserts in batches of
/// at most 100 per partition, then deletes of rows a previous analysis left behind. Replaying it with the same
/// analysis leaves the same rows.
/// </summary>
public sealed class ResultsStore(PipelineStorage storage, CrossArticleIndex index)
{
    /// <summary>Azure's limit for one entity group transaction.</summary>
    public const int MaxBatchSize = 100;

    public async Task ReplaceAsync(ArticleRow article, ArticleAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var id = article.PartitionKey;
        var entityRows = BuildEntityRows(id, analysis);
        var quoteRows = BuildQuoteRows(id, analysis);
        var previous = await ListRowsAsync(storage.Entities, id, ["RowKey", "Type"], cancellationToken);
        await SyncPartitionAsync(storage.Entities, id, entityRows, previous.Select(e => e.RowKey), cancellationToken);
        var previousQuotes = await ListRowsAsync(storage.Quotes, id, ["RowKey"], cancellationToken);
        await SyncPartitionAsync(storage.Quotes, id, quoteRows, previousQuotes.Select(q => q.RowKey), cancellationToken);
        await index.ReplaceAsync(article, entityRows, quoteRows, previous.Select(e => (e.RowKey, e.GetString("Type") ?? "")).ToList(), cancellationToken);
    }

    /// <summary>Removes every result row of the article (its content is gone or failed): no query finds it afterwards.</summary>
    public Task ClearAsync(ArticleRow article, CancellationToken cancellationToken = default) =>
        ReplaceAsync(article, ArticleAnalysis.Empty, cancellationToken);

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

    private static async Task<List<TableEntity>> ListRowsAsync(TableClient table, string partition, string[] select, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
            rows.Add(entity);
        return rows;
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
