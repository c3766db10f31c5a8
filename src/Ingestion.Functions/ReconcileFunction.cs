using Ingestion.Pipeline.Stages;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary>Every five minutes: re-run dropped blobs that no trigger delivered (e.g. an Event Grid event dropped after its retries).</summary>
public sealed class ReconcileFunction(Reconciler reconciler)
{
    [Function("ReconcileArticles")]
    public Task<Reconciler.Report> Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciler.RunAsync(cancellationToken: cancellationToken);
}
