using Ingestion.Pipeline.Results;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary>Every minute: recount the entities whose articles changed (the extract stage only marks them).</summary>
public sealed class RankEntitiesFunction(EntityRanking ranking)
{
    [Function("RankEntities")]
    public Task<int> Run([TimerTrigger("0 */1 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        ranking.SweepAsync(cancellationToken);
}
