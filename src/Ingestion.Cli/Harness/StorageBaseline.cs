using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Ingestion.Core.Json;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Cli.Harness;

/// <summary>
/// The storage-only baseline: per article, the same blob, queue and table operations the two stages perform
/// (read the drop, write the clean blob and status row, enqueue; dequeue, read the clean blob, list and batch-write
/// the result partitions, write the index and status rows, delete the message) with no cleaning or extraction, on
/// resources of its own in the same storage. Its throughput is what the storage allows the pipeline at best.
/// </summary>
internal sealed class StorageBaseline(StorageConnection connection)
{
    private readonly BlobServiceClient _blobs = connection.CreateBlobServiceClient();
    private readonly QueueServiceClient _queues = connection.CreateQueueServiceClient();
    private readonly TableServiceClient _tables = connection.CreateTableServiceClient();

    /// <returns>Articles per second.</returns>
    public async Task<double> RunAsync(IReadOnlyList<(string Name, byte[] Bytes, Ingestion.Core.Model.ArticleAnalysis Analysis, byte[] CleanJson)> sources, int count, int parallelism, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var drop = _blobs.GetBlobContainerClient("baseline-drop-" + run);
        var clean = _blobs.GetBlobContainerClient("baseline-clean-" + run);
        var queue = _queues.GetQueueClient("baseline-" + run);
        var articles = _tables.GetTableClient("BaselineArticles" + run);
        var entities = _tables.GetTableClient("BaselineEntities" + run);
        var quotes = _tables.GetTableClient("BaselineQuotes" + run);
        var index = _tables.GetTableClient("BaselineIndex" + run);
        await drop.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await clean.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var t in new[] { articles, entities, quotes, index }) await t.CreateIfNotExistsAsync(cancellationToken);

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var source = sources[i % sources.Count];
            var id = $"{i:D16}";
            // Drop and clean stage.
            var blob = drop.GetBlobClient($"{i:D6}-{source.Name}");
            await blob.UploadAsync(new BinaryData(source.Bytes), overwrite: true, ct);
            await blob.GetPropertiesAsync(cancellationToken: ct);
            await blob.DownloadContentAsync(ct);
            await articles.GetEntityIfExistsAsync<ArticleRow>(id, ArticleRow.RowKeyValue, cancellationToken: ct);
            var row = new ArticleRow { PartitionKey = id, Name = blob.Name, Status = ArticleStatus.Received };
            await articles.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
            await clean.GetBlobClient(id + ".json").UploadAsync(new BinaryData(source.CleanJson), overwrite: true, ct);
            row.Status = ArticleStatus.Cleaned;
            await articles.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
            await queue.SendMessageAsync(new ExtractMessage(id, blob.Name, "hash", id + ".json", null).ToJson(), ct);
            // Extract stage.
            var message = (await queue.ReceiveMessageAsync(cancellationToken: ct)).Value;
            await articles.GetEntityIfExistsAsync<ArticleRow>(id, ArticleRow.RowKeyValue, cancellationToken: ct);
            await clean.GetBlobClient(id + ".json").DownloadContentAsync(ct);
            var entityRows = ResultsStore.BuildEntityRows(id, source.Analysis);
            var quoteRows = ResultsStore.BuildQuoteRows(id, source.Analysis);
            await ListAsync(entities, id, ct);
            foreach (var chunk in entityRows.Chunk(ResultsStore.MaxBatchSize))
                await entities.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
            await ListAsync(quotes, id, ct);
            foreach (var chunk in quoteRows.Chunk(ResultsStore.MaxBatchSize))
                await quotes.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
            foreach (var e in entityRows)
                await index.UpsertEntityAsync(new EntityIndexRow { PartitionKey = e.RowKey, RowKey = id, Entity = e.Name, Type = e.Type }, TableUpdateMode.Replace, ct);
            row.Status = ArticleStatus.Extracted;
            await articles.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
            if (message is not null) await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        });
        watch.Stop();

        await drop.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        await clean.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        await queue.DeleteIfExistsAsync(CancellationToken.None);
        foreach (var t in new[] { articles, entities, quotes, index }) await t.DeleteAsync(CancellationToken.None);
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task ListAsync(TableClient table, string partition, CancellationToken ct)
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: ct)) { }
    }

    /// <summary>Clean JSON as the clean stage stores it, for a realistic blob size.</summary>
    public static byte[] CleanJsonOf(Ingestion.Core.Model.CleanArticle article) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(article, IngestionJson.Options);
}
