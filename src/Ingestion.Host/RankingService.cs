using Ingestion.Pipeline;
using Ingestion.Pipeline.Results;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.Host;

/// <summary>Recounts the entities marked dirty every <see cref="PipelineOptions.RankingInterval"/> (the Functions app: a timer).</summary>
internal sealed class RankingService(EntityRanking ranking, IOptions<PipelineOptions> options, ILogger<RankingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RankingInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ranking.SweepAsync(stoppingToken);
            }
            // As the reconciler: anything but shutdown is logged and retried at the next tick, never allowed to stop the host.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Entity ranking sweep failed; retrying at the next interval");
            }
        }
    }
}
