namespace Ingestion.Functions;

/// <summary>On <see cref="TimerSchedules.Reconcile"/> (every five minutes): re-run dropped blobs that no trigger delivered (e.g. an Event Grid event dropped after its retries).</summary>
public sealed class ReconcileFunction(Reconciler reconciler)
{
    [Function(FunctionNames.ReconcileArticles)]
    public Task<Reconciler.Report> Run([TimerTrigger(TimerSchedules.Reconcile)] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciler.RunAsync(cancellationToken: cancellationToken);
}
