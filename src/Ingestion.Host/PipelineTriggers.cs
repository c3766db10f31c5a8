using Azure.Storage.Blobs;
using Ingestion.Pipeline;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Microsoft.Azure.WebJobs;

namespace Ingestion.Host;

/// <summary>
/// The triggers of the standalone host: WebJobs SDK attributes (polling blob scan, queue listener with dequeue
/// counts and poison queues), each a one-line call into the same stage handlers the Functions app uses. Names,
/// paths and queues are the Functions app's (<see cref="FunctionNames"/>, <see cref="StorageNames"/>); the trigger
/// settings come from the same host.json (<see cref="HostJson"/>).
/// </summary>
public sealed class PipelineTriggers(CleanStage clean, ExtractStage extract, PoisonHandler poison)
{
    [FunctionName(FunctionNames.CleanArticle)]
    public Task CleanArticle([BlobTrigger(StorageNames.DropBlobPath, Connection = StorageNames.Connection)] BlobClient blob, string name, CancellationToken cancellationToken) =>
        clean.HandleAsync(name, cancellationToken: cancellationToken);

    [FunctionName(FunctionNames.ExtractArticle)]
    public Task ExtractArticle([QueueTrigger(StorageNames.ExtractQueue, Connection = StorageNames.Connection)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        extract.HandleAsync(message, dequeueCount, cancellationToken);

    [FunctionName(FunctionNames.ExtractArticlePoison)]
    public Task ExtractArticlePoison([QueueTrigger(StorageNames.ExtractPoisonQueue, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        poison.HandleExtractPoisonAsync(message, cancellationToken);

    [FunctionName(FunctionNames.BlobTriggerPoison)]
    public Task BlobTriggerPoison([QueueTrigger(StorageNames.BlobTriggerPoisonQueue, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        poison.HandleBlobPoisonAsync(message, cancellationToken);
}
