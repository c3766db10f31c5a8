using Azure.Storage.Queues.Models;

namespace Ingestion.Functions;

/// <summary>Queue stage; the dequeue count bounds retries before the message goes to the poison queue.</summary>
public sealed class ExtractArticleFunction(ExtractStage extract)
{
    [Function(FunctionNames.ExtractArticle)]
    public Task<StageOutcome> Run(
        [QueueTrigger(StorageNames.ExtractQueue, Connection = StorageNames.Connection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        extract.HandleAsync(message.Body.ToString(), message.DequeueCount, cancellationToken);
}
