using Azure;
using Azure.Data.Tables;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Results;

/// <summary>
/// Entities ranked by the number of articles they appear in, per type (<c>EntityRanking</c>). A count is never
/// incremented: it is recounted from the entity's partition of <c>EntityArticles</c>, so at-least-once writers cannot
/// drift it; copies of one story count once (<see cref="CountAsync"/>). The extract stage only marks an entity dirty (<see cref="MarkDirtyAsync"/>, one
/// transaction per type); <see cref="SweepAsync"/> recounts the dirty ones every few seconds, so a hundred articles
/// naming one person cost one recount, not a hundred racing ones. Concurrent recounts are ordered by ETags.
/// </summary>
public sealed class EntityRanking(PipelineStorage storage)
{
    private const int MaxAttempts = 8;

    /// <summary>Recounts at once in a sweep.</summary>
    private const int Parallelism = 8;

    /// <summary>Records that these entities' articles changed (upserts: marking twice is marking once, and renews the ETag).</summary>
    public async Task MarkDirtyAsync(IEnumerable<(string Key, string Type, string Entity)> entities, CancellationToken cancellationToken = default)
    {
        foreach (var type in entities.DistinctBy(e => (e.Key, e.Type)).GroupBy(e => e.Type))
            foreach (var chunk in type.Chunk(ResultsStore.MaxBatchSize))
                await storage.EntityRanking.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new EntityRankRow { PartitionKey = e.Type, RowKey = EntityRankRow.DirtyKey(e.Key), Entity = e.Entity, Key = e.Key, Type = e.Type })), cancellationToken);
    }

    /// <summary>
    /// Recounts every dirty entity, then clears its mark unless it was marked again meanwhile (its ETag changed):
    /// that one is recounted by the next sweep. Returns how many were recounted.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var dirty = new List<EntityRankRow>();
        foreach (var type in Enum.GetNames<Core.Model.EntityType>())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {type.ToLowerInvariant()} and RowKey lt {EntityRankRow.RankStart}");
            await foreach (var row in storage.EntityRanking.QueryAsync<EntityRankRow>(filter, cancellationToken: cancellationToken))
                dirty.Add(row);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(dirty, parallel, async (mark, ct) =>
        {
            await RecountAsync(mark.Key, mark.Type, mark.Entity, ct);
            try
            {
                await storage.EntityRanking.DeleteEntityAsync(mark.PartitionKey, mark.RowKey, mark.ETag, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // marked again while we counted (412), or cleared by a concurrent sweep (404)
            }
        });
        return dirty.Count;
    }

    public async Task RecountAsync(string key, string type, string entity, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            // State first, count second: whoever changes the index after our read also recounts after it, and
            // either our write or theirs then fails its ETag check and counts again.
            var state = await storage.EntityRanking.GetEntityIfExistsAsync<EntityRankRow>(type, EntityRankRow.StateKey(key), cancellationToken: cancellationToken);
            var count = await CountAsync(key, type, cancellationToken);
            var actions = Changes(state.HasValue ? state.Value : null, key, type, entity, count.Stories, count.Rows - count.Stories);
            if (actions.Count == 0) return;
            try
            {
                await storage.EntityRanking.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404 && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(10, 50 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The index rows naming the entity with this type, and the stories among them: copies of one story count once
    /// (rows written before stories existed are each a story of their own).
    /// </summary>
    private async Task<(int Rows, int Stories)> CountAsync(string key, string type, CancellationToken cancellationToken)
    {
        var rows = 0;
        var stories = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and Type eq {type}");
        await foreach (var row in storage.EntityIndex.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey", nameof(EntityIndexRow.Story)], cancellationToken: cancellationToken))
        {
            rows++;
            stories.Add(row.GetString(nameof(EntityIndexRow.Story)) ?? "article|" + row.RowKey);
        }
        return (rows, stories.Count);
    }

    /// <summary>The rank and state rows' changes as one transaction (empty when nothing changed).</summary>
    private static List<TableTransactionAction> Changes(EntityRankRow? state, string key, string type, string entity, int count, int copies)
    {
        var actions = new List<TableTransactionAction>(3);
        if (state is null ? count == 0 : state.Articles == count && state.Copies == copies && state.Entity == entity)
            return actions;
        if (state is not null && state.Articles != count)
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(type, EntityRankRow.RankKey(state.Articles, key)), ETag.All));
        if (count == 0)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, state!, state!.ETag));
            return actions;
        }
        EntityRankRow Row(string rowKey) => new() { PartitionKey = type, RowKey = rowKey, Entity = entity, Key = key, Type = type, Articles = count, Copies = copies };
        var next = Row(EntityRankRow.StateKey(key));
        actions.Add(state is null
            ? new TableTransactionAction(TableTransactionActionType.Add, next)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, state.ETag));
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(EntityRankRow.RankKey(count, key))));
        return actions;
    }
}
