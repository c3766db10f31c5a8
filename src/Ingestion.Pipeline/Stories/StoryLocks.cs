using Azure;
using Azure.Data.Tables;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Stories;

/// <summary>
/// Locks on LSH bands, one row per band (<see cref="StoryLockRow"/>), taken all at once or not at all: an article
/// adds every lock it needs in parallel; if another article holds one, it gives back what it got and tries again after
/// a random pause, so two articles never wait on each other (no deadlock) and only articles sharing a band wait at all.
/// A lock whose holder died expires after <see cref="Lease"/>; a replay of the holder takes its own locks over at once.
/// </summary>
public sealed class StoryLocks(PipelineStorage storage)
{
    /// <summary>How long a lock holds without its holder: far longer than choosing a story takes (milliseconds).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Past this, taking the locks is given up (the queue delivers the message again later).</summary>
    public static readonly TimeSpan Patience = Lease * 2;

    public async Task<HeldLocks> AcquireAsync(IReadOnlyList<string> bands, string owner, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        for (var attempt = 1; ; attempt++)
        {
            var taken = await Task.WhenAll(bands.Select(band => TryTakeAsync(band, owner, cancellationToken)));
            var held = new HeldLocks(storage, bands.Zip(taken).Where(t => t.Second is not null).Select(t => (t.First, t.Second!.Value)).ToList());
            if (held.Count == bands.Count) return held;
            await held.DisposeAsync();
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"the story bands of article {owner} stayed locked by other articles for {Patience.TotalSeconds:0} s");
            await Task.Delay(Random.Shared.Next(10, 40) * Math.Min(attempt, 10), cancellationToken);
        }
    }

    /// <summary>The lock's ETag once this owner holds it, or null when another live owner does.</summary>
    private async Task<ETag?> TryTakeAsync(string band, string owner, CancellationToken cancellationToken)
    {
        var row = new StoryLockRow { PartitionKey = band, Owner = owner, ExpiresAt = DateTimeOffset.UtcNow + Lease };
        try
        {
            return (await storage.StoryBands.AddEntityAsync(row, cancellationToken)).Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var current = await storage.StoryBands.GetEntityIfExistsAsync<StoryLockRow>(band, StoryLockRow.RowKeyValue, cancellationToken: cancellationToken);
            if (!current.HasValue) return null; // released meanwhile: the next attempt adds it
            if (current.Value!.Owner != owner && current.Value.ExpiresAt > DateTimeOffset.UtcNow) return null;
            try
            {
                return (await storage.StoryBands.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
            }
            catch (RequestFailedException taken) when (taken.Status is 404 or 412)
            {
                return null; // someone else took it over first
            }
        }
    }
}

/// <summary>
/// Locks an owner holds; disposing releases them, best effort and whatever the outcome of the work (a lock taken over
/// meanwhile is left to its new holder, and one that cannot be deleted expires).
/// </summary>
public sealed class HeldLocks(PipelineStorage storage, IReadOnlyList<(string Band, ETag ETag)> locks) : IAsyncDisposable
{
    public int Count => locks.Count;

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(locks.Select(async l =>
        {
            try
            {
                await storage.StoryBands.DeleteEntityAsync(l.Band, StoryLockRow.RowKeyValue, l.ETag);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
            {
                // taken over after expiring (404, 412), or storage is failing: then the lock expires on its own
            }
        }));
    }
}
