using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Ingestion.Pipeline.Storage;

/// <summary>The pipeline's storage clients, created once per process and shared (they are thread-safe).</summary>
public sealed class PipelineStorage
{
    public PipelineStorage(StorageConnection connection)
    {
        Blobs = connection.CreateBlobServiceClient();
        Queues = connection.CreateQueueServiceClient();
        Tables = connection.CreateTableServiceClient();
        Drop = Blobs.GetBlobContainerClient(StorageNames.DropContainer);
        Clean = Blobs.GetBlobContainerClient(StorageNames.CleanContainer);
        Versions = Blobs.GetBlobContainerClient(StorageNames.VersionsContainer);
        ExtractQueue = Queues.GetQueueClient(StorageNames.ExtractQueue);
        Articles = Tables.GetTableClient(StorageNames.ArticlesTable);
        Entities = Tables.GetTableClient(StorageNames.EntitiesTable);
        Quotes = Tables.GetTableClient(StorageNames.QuotesTable);
        EntityIndex = Tables.GetTableClient(StorageNames.EntityIndexTable);
        SpeakerQuotes = Tables.GetTableClient(StorageNames.SpeakerQuotesTable);
        EntityRanking = Tables.GetTableClient(StorageNames.EntityRankingTable);
        IndexEntries = Tables.GetTableClient(StorageNames.IndexEntriesTable);
        Stories = Tables.GetTableClient(StorageNames.StoriesTable);
        StoryBands = Tables.GetTableClient(StorageNames.StoryBandsTable);
        VersionRows = Tables.GetTableClient(StorageNames.VersionsTable);
    }

    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }
    public BlobContainerClient Drop { get; }
    public BlobContainerClient Clean { get; }
    public BlobContainerClient Versions { get; }
    public QueueClient ExtractQueue { get; }
    public TableClient Articles { get; }
    public TableClient Entities { get; }
    public TableClient Quotes { get; }
    public TableClient EntityIndex { get; }
    public TableClient SpeakerQuotes { get; }
    public TableClient EntityRanking { get; }
    public TableClient IndexEntries { get; }
    public TableClient Stories { get; }
    public TableClient StoryBands { get; }
    public TableClient VersionRows { get; }

    /// <summary>Creates every container, queue and table the pipeline uses; safe to call on every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in StorageNames.Containers)
            await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var queue in StorageNames.Queues)
            await Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in StorageNames.Tables)
            await Tables.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken);
    }
}
