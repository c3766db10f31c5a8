using Azure;
using Azure.Data.Tables;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingestion.Pipeline.Health;

/// <summary>
/// Readiness is storage: one probe per service, run in parallel by <see cref="HealthCheckService"/>, each bounded by
/// <see cref="ProbeTimeout"/> so one hung service cannot hold the answer. Liveness has no probe: a process that
/// answers is alive (a host whose trigger listener died stops itself, see StopOnListenerFailure).
/// </summary>
public static class StorageHealthChecks
{
    public const string Ready = "ready";
    public const string Live = "live";
    public const string Blob = "blob", Queue = "queue", Table = "table";

    /// <summary>Longer than a healthy call (milliseconds), shorter than a probe's patience (load balancers wait ~10 s).</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddStorageHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<BlobHealthCheck>(Blob, tags: [Ready], timeout: ProbeTimeout)
            .AddCheck<QueueHealthCheck>(Queue, tags: [Ready], timeout: ProbeTimeout)
            .AddCheck<TableHealthCheck>(Table, tags: [Ready], timeout: ProbeTimeout);
        return services;
    }

    /// <summary>What a failed probe says: "503 ServerBusy", or the exception's type and first line.</summary>
    internal static string Describe(Exception e) =>
        e is RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : e.GetType().Name + ": " + e.Message.Split('\n')[0];

    internal static bool IsStorageFailure(Exception e) => e is RequestFailedException or HttpRequestException or AggregateException;
}

/// <summary>The drop container answers.</summary>
internal sealed class BlobHealthCheck(PipelineStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.Drop.ExistsAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (StorageHealthChecks.IsStorageFailure(e))
        {
            return HealthCheckResult.Unhealthy(StorageHealthChecks.Describe(e), e);
        }
    }
}

/// <summary>The status table answers a one-row query.</summary>
internal sealed class TableHealthCheck(PipelineStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var page = storage.Articles.QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
            await page.MoveNextAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (StorageHealthChecks.IsStorageFailure(e))
        {
            return HealthCheckResult.Unhealthy(StorageHealthChecks.Describe(e), e);
        }
    }
}

/// <summary>Every pipeline queue answers; their approximate depths are the result's data (null where unreadable).</summary>
internal sealed class QueueHealthCheck(PipelineStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var depths = await Task.WhenAll(StorageNames.Queues.Select(q => DepthAsync(q, cancellationToken)));
        var data = StorageNames.Queues.Zip(depths).ToDictionary(x => x.First, x => (object)x.Second.Depth!);
        return depths.FirstOrDefault(d => d.Error is not null).Error is { } error
            ? HealthCheckResult.Unhealthy(error, data: data)
            : HealthCheckResult.Healthy(data: data);
    }

    private async Task<(int? Depth, string? Error)> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return ((await storage.Queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount, null);
        }
        catch (Exception e) when (StorageHealthChecks.IsStorageFailure(e))
        {
            return (null, StorageHealthChecks.Describe(e));
        }
    }
}
