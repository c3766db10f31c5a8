using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingestion.Pipeline.Health;

/// <summary>The HTTP answers of the two probes, from <see cref="HealthCheckService"/> reports.</summary>
internal static class HealthAnswer
{
    /// <summary>Readiness: each storage service reachable, queue depths and poison counts, version; 503 when one is not.</summary>
    public static ApiResult Readiness(HealthReport report, string version)
    {
        var queues = report.Entries.TryGetValue(StorageHealthChecks.Queue, out var q) ? q.Data : null;
        int? Depth(string queue) => queues?.GetValueOrDefault(queue) as int?;
        var healthy = report.Status == HealthStatus.Healthy;
        var body = new PipelineHealth(
            healthy ? "healthy" : "unhealthy",
            version,
            new StorageHealth(Service(report, StorageHealthChecks.Blob), Service(report, StorageHealthChecks.Queue), Service(report, StorageHealthChecks.Table)),
            new QueueDepths(Depth(StorageNames.ExtractQueue), Depth(StorageNames.ExtractPoisonQueue), Depth(StorageNames.BlobTriggerPoisonQueue)));
        return new ApiResult(healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
    }

    /// <summary>Liveness: the process answers.</summary>
    public static ApiResult Liveness(HealthReport report, string version)
    {
        var alive = report.Status == HealthStatus.Healthy;
        return new ApiResult(alive ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, new PipelineLiveness(alive ? "alive" : "unhealthy", version));
    }

    private static ServiceHealth Service(HealthReport report, string name)
    {
        var entry = report.Entries[name];
        var reachable = entry.Status == HealthStatus.Healthy;
        return new ServiceHealth(reachable, reachable ? null : entry.Description ?? entry.Exception?.Message);
    }
}
