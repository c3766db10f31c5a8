using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Stories;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Stories;

/// <summary>
/// The pipeline's stories in Table storage, by the rule of <see cref="StoryMatch"/>. Finding an article's story costs
/// <see cref="StoryBands.Count"/> single-partition queries of <c>StoryBands</c> (run at once), whatever the number of
/// stored articles: a band partition holds the stories filed under that band value, that is the story itself and, by
/// chance, others sharing two bin values with it (about J² per band for a story of resemblance J: none of the 197,506
/// pairs of different stories in the story benchmark share a band, so a lookup reads little beyond its own story). Only a story's first
/// copy is filed, so copies never crowd a band. A copy of a story already filed joins it without locking anything;
/// only an article that would start a story takes its band locks (<see cref="StoryLocks"/>) and looks again, so that
/// of two copies arriving at once, the second sees the story the first started.
/// </summary>
public sealed class StoryStore(PipelineStorage storage, StoryLocks locks)
{
    /// <summary>A story's id: derived from the article that started it and the content it started it with.</summary>
    public static string StoryIdOf(string articleId, string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("story|" + articleId + "|" + contentHash)).AsSpan(0, 8));

    /// <summary>
    /// Places the article's current content in a story and fills the row's story fields. A story this content starts is
    /// filed under its bands first, then the choice is recorded on the status row (by <paramref name="record"/>), then
    /// the article's copy row is written. A crash between filing and recording leaves a story that copies arriving
    /// meanwhile find and join, and that the replay finds as its own (its id comes from the article and the content);
    /// a replay after recording keeps the recorded choice and finishes the writes. Either way there is no second story
    /// and no second copy row.
    /// </summary>
    public async Task<StoryAssignment?> AssignAsync(ArticleRow row, StorySketch? sketch, Func<ArticleRow, Task> record, CancellationToken cancellationToken = default)
    {
        var id = row.PartitionKey;
        var hash = row.ContentHash ?? throw new InvalidOperationException($"article {id} has no content hash");
        if (sketch is null)
        {
            await LeaveAsync(row, cancellationToken);
            return null;
        }
        var bands = StoryBands.Keys(sketch);
        var founded = StoryIdOf(id, hash);

        StoryAssignment decision;
        Candidates found;
        if (row.StoryId is { } chosen && row.StoryContentHash == hash)
        {
            // A replay after the choice was recorded: keep it (a story it started was filed before it was recorded).
            decision = new StoryAssignment(chosen, row.DuplicateOf, row.Similarity ?? 1);
        }
        else if (Join(id, sketch, (found = await CandidatesAsync(bands, cancellationToken)).Stories) is { } join)
        {
            // Its own story: this content started it in an earlier run (one that died before recording it, or before
            // the blob was overwritten and this content dropped again). A run that died while filing left some bands
            // without it; they are filed now.
            if (join.StoryId == founded && !found.FiledUnderEveryBand(founded))
            {
                await using var held = await locks.AcquireAsync(bands, id, cancellationToken);
                await FileAsync(row, founded, sketch, bands, cancellationToken);
            }
            await RecordAsync(row, decision = join, record, cancellationToken);
        }
        else
        {
            // No story close enough: start one, holding the bands, unless a copy arriving at the same moment just did.
            // Filed before it is recorded, so that a copy arriving after this run died (and its locks expired) joins it.
            await using var held = await locks.AcquireAsync(bands, id, cancellationToken);
            decision = Join(id, sketch, (await CandidatesAsync(bands, cancellationToken)).Stories) ?? new StoryAssignment(founded, null, 1);
            if (decision.StoryId == founded)
                await FileAsync(row, founded, sketch, bands, cancellationToken);
            await RecordAsync(row, decision, record, cancellationToken);
        }

        await storage.Stories.UpsertEntityAsync(new StoryCopyRow
        {
            PartitionKey = decision.StoryId, RowKey = StoryCopyRow.KeyOf(id), ArticleId = id, Name = TableKeys.Fit(row.Name)!,
            Title = TableKeys.Fit(row.Title), Published = row.Published, Format = row.Format, Similarity = decision.Similarity,
            First = decision.DuplicateOf is null, ContentHash = hash, JoinedAt = row.ReceivedAt ?? DateTimeOffset.UtcNow,
        }, TableUpdateMode.Replace, cancellationToken);
        return decision;
    }

    private static StoryAssignment? Join(string id, StorySketch sketch, IEnumerable<StoryCandidate> candidates) =>
        StoryMatch.Best(sketch, candidates) is { } best ? StoryMatch.Join(id, best.Story, best.Similarity) : null;

    /// <summary>Leaves the story the row's earlier content was in (if another) and records the choice on the status row.</summary>
    private async Task RecordAsync(ArticleRow row, StoryAssignment decision, Func<ArticleRow, Task> record, CancellationToken cancellationToken)
    {
        if (row.StoryId is { } previous && previous != decision.StoryId)
            await RemoveCopyAsync(previous, row.PartitionKey, cancellationToken);
        row.StoryId = decision.StoryId;
        row.DuplicateOf = decision.DuplicateOf;
        row.Similarity = decision.Similarity;
        row.StoryContentHash = row.ContentHash;
        await record(row);
    }

    /// <summary>This content starts a story: its row, and the story filed under each band with the sketch later copies are compared with.</summary>
    private async Task FileAsync(ArticleRow row, string story, StorySketch sketch, IReadOnlyList<string> bands, CancellationToken cancellationToken)
    {
        var bytes = sketch.ToBytes();
        var foundedAt = row.ReceivedAt ?? DateTimeOffset.UtcNow;
        await storage.Stories.UpsertEntityAsync(new StoryRow
        {
            PartitionKey = story, Original = row.PartitionKey, OriginalName = TableKeys.Fit(row.Name)!, ContentHash = row.ContentHash!,
            Title = TableKeys.Fit(row.Title), Published = row.Published, Sketch = bytes, Shingles = sketch.Shingles, FoundedAt = foundedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        await Task.WhenAll(bands.Select(band => storage.StoryBands.UpsertEntityAsync(new StoryBandRow
        {
            PartitionKey = band, RowKey = story, Original = row.PartitionKey, Sketch = bytes, Shingles = sketch.Shingles, FoundedAt = foundedAt,
        }, TableUpdateMode.Replace, cancellationToken)));
    }

    /// <summary>Takes the article out of its story (its content is gone or no article) and clears the row's story fields; the caller saves the row.</summary>
    public async Task LeaveAsync(ArticleRow row, CancellationToken cancellationToken = default)
    {
        if (row.StoryId is { } story)
            await RemoveCopyAsync(story, row.PartitionKey, cancellationToken);
        row.StoryId = row.DuplicateOf = row.StoryContentHash = null;
        row.Similarity = null;
    }

    /// <summary>Every article of a story: the first copy first (while it is in the story), then by when each came, then by id.</summary>
    public async Task<List<StoryCopyRow>> CopiesAsync(string storyId, CancellationToken cancellationToken = default)
    {
        var copies = new List<StoryCopyRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {storyId} and RowKey ge {StoryCopyRow.Prefix} and RowKey lt {StoryCopyRow.End}");
        await foreach (var copy in storage.Stories.QueryAsync<StoryCopyRow>(filter, cancellationToken: cancellationToken))
            copies.Add(copy);
        return copies.OrderByDescending(c => c.First).ThenBy(c => c.JoinedAt).ThenBy(c => c.ArticleId, StringComparer.Ordinal).ToList();
    }

    public async Task<StoryRow?> GetAsync(string storyId, CancellationToken cancellationToken = default)
    {
        var story = await storage.Stories.GetEntityIfExistsAsync<StoryRow>(storyId, StoryRow.RowKeyValue, cancellationToken: cancellationToken);
        return story.HasValue ? story.Value : null;
    }

    /// <summary>The stories filed under any of an article's bands, each once, and under how many of them each is filed.</summary>
    private sealed record Candidates(List<StoryCandidate> Stories, Dictionary<string, int> Bands)
    {
        public bool FiledUnderEveryBand(string story) => Bands.GetValueOrDefault(story) == StoryBands.Count;
    }

    /// <summary>The stories filed under any of the bands, each once, with their first copy's sketch.</summary>
    private async Task<Candidates> CandidatesAsync(IReadOnlyList<string> bands, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(bands.Select(async band =>
        {
            var rows = new List<StoryBandRow>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {band} and RowKey gt {StoryLockRow.RowKeyValue}");
            await foreach (var row in storage.StoryBands.QueryAsync<StoryBandRow>(filter, cancellationToken: cancellationToken))
                rows.Add(row);
            return rows;
        }));
        var all = found.SelectMany(rows => rows).ToList();
        var stories = all.DistinctBy(r => r.RowKey)
            .Select(r => StorySketch.FromBytes(r.Sketch, r.Shingles) is { } sketch ? new StoryCandidate(r.RowKey, r.Original, sketch, r.FoundedAt.UtcTicks) : null)
            .OfType<StoryCandidate>().ToList();
        return new Candidates(stories, all.CountBy(r => r.RowKey).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>Deletes the article's copy row in the story, if there is one.</summary>
    public async Task RemoveCopyAsync(string storyId, string articleId, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.Stories.DeleteEntityAsync(storyId, StoryCopyRow.KeyOf(articleId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // already out: an earlier run got this far
        }
    }
}
