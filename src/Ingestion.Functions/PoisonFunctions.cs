using Azure.Storage.Queues.Models;

namespace Ingestion.Functions;

/// <summary>Poison queues become visible 'failed' statuses with the reason, never silent losses.</summary>
public sealed class PoisonFunctions(PoisonHandler poison)
{
    [Function(FunctionNames.ExtractArticlePoison)]
    public Task ExtractArticlePoison(
        [QueueTrigger(StorageNames.ExtractPoisonQueue, Connection = StorageNames.Connection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        poison.HandleExtractPoisonAsync(message.Body.ToString(), cancellationToken);

    [Function(FunctionNames.BlobTriggerPoison)]
    public Task BlobTriggerPoison(
        [QueueTrigger(StorageNames.BlobTriggerPoisonQueue, Connection = StorageNames.Connection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        poison.HandleBlobPoisonAsync(message.Body.ToString(), cancellationToken);
}
