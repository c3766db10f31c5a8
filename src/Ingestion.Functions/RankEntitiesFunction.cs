using Ingestion.Pipeline.Results;

namespace Ingestion.Functions;

/// <summary>On <see cref="TimerSchedules.RankEntities"/> (every minute): recount the entities whose articles changed (the extract stage only marks them).</summary>
public sealed class RankEntitiesFunction(EntityRanking ranking)
{
    [Function(FunctionNames.RankEntities)]
    public Task<int> Run([TimerTrigger(TimerSchedules.RankEntities)] TimerInfo timer, CancellationToken cancellationToken) =>
        ranking.SweepAsync(cancellationToken);
}
