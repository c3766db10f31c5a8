using Azure.Storage.Blobs;

namespace Ingestion.Functions;

/// <summary>Blob stage. Event Grid source: the only blob trigger source Flex Consumption supports.</summary>
public sealed class CleanArticleFunction(CleanStage clean)
{
    [Function(FunctionNames.CleanArticle)]
    public Task<StageOutcome> Run(
        [BlobTrigger(StorageNames.DropBlobPath, Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Connection)] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        clean.HandleAsync(name, cancellationToken: cancellationToken);
}
