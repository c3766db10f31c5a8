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
        var body = new
        {
            status = healthy ? "healthy" : "unhealthy",
            version,
            storage = new
            {
                blob = Service(report, StorageHealthChecks.Blob),
                queue = Service(report, StorageHealthChecks.Queue),
                table = Service(report, StorageHealthChecks.Table),
            },
            queues = new
            {
                extract = Depth(StorageNames.ExtractQueue),
                extractPoison = Depth(StorageNames.ExtractPoisonQueue),
                blobTriggerPoison = Depth(StorageNames.BlobTriggerPoisonQueue),
            },
        };
        return new ApiResult(healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
    }

    /// <summary>Liveness: the process answers.</summary>
    public static ApiResult Liveness(HealthReport report, string version) =>
        new(report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            new { status = report.Status == HealthStatus.Healthy ? "alive" : "unhealthy", version });

    private static object Service(HealthReport report, string name)
    {
        var entry = report.Entries[name];
        var reachable = entry.Status == HealthStatus.Healthy;
        return new { reachable, error = reachable ? null : entry.Description ?? entry.Exception?.Message };
    }
}
