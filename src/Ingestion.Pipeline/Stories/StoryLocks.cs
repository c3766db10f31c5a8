using Azure;
using Azure.Data.Tables;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Stories;

/// <summary>
/// Locks on LSH bands, one row per band (<see cref="StoryLockRow"/>). An article first adds all the locks it needs at
/// once (one round trip: the usual case, when no other article shares a band). If another article holds one, it
/// gives back what it got and takes them one by one in key order, waiting at each: articles sharing bands (copies of
/// one story arriving together) then queue on the first band they share and never wait on each other in a circle, and
/// only articles that share a band wait at all. A lock whose holder died expires after <see cref="Lease"/>; a replay
/// of the holder takes its own locks over at once.
/// </summary>
public sealed class StoryLocks(PipelineStorage storage)
{
    /// <summary>How long a lock holds without its holder: far longer than choosing a story takes (milliseconds).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Past this, taking the locks is given up (the queue delivers the message again later).</summary>
    public static readonly TimeSpan Patience = Lease * 2;

    public async Task<HeldLocks> AcquireAsync(IReadOnlyList<string> bands, string owner, CancellationToken cancellationToken = default)
    {
        var taken = await Task.WhenAll(bands.Select(band => TryTakeAsync(band, owner, cancellationToken)));
        var all = new HeldLocks(storage, bands.Zip(taken).Where(t => t.Second is not null).Select(t => (t.First, t.Second!.Value)).ToList());
        if (all.Count == bands.Count) return all;
        await all.DisposeAsync();

        var deadline = DateTimeOffset.UtcNow + Patience;
        var held = new List<(string, ETag)>();
        try
        {
            foreach (var band in bands.Distinct().Order(StringComparer.Ordinal))
            {
                ETag? etag;
                while ((etag = await TryTakeAsync(band, owner, cancellationToken)) is null)
                {
                    if (DateTimeOffset.UtcNow > deadline)
                        throw new TimeoutException($"story band {band} stayed locked by another article for {Patience.TotalSeconds:0} s (article {owner})");
                    await Task.Delay(Random.Shared.Next(10, 50), cancellationToken);
                }
                held.Add((band, etag.Value));
            }
            return new HeldLocks(storage, held);
        }
        catch
        {
            await new HeldLocks(storage, held).DisposeAsync();
            throw;
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
