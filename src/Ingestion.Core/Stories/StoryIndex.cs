namespace Ingestion.Core.Stories;

/// <summary>
/// The stories of one run, in memory (<c>ingest process</c> over a folder, the story benchmark): the same bands and the
/// same <see cref="StoryMatch"/> rule as the pipeline's index in Table storage. The first article of a story in the run
/// is its first copy; the story's id is that article's id.
/// </summary>
public sealed class StoryIndex
{
    private readonly Dictionary<string, List<StoryCandidate>> _bands = new(StringComparer.Ordinal);
    private long _order;

    /// <summary>Places the article in a story, starting one when no story is close enough. Null for an article without words.</summary>
    public StoryAssignment? Assign(string articleId, StorySketch? sketch)
    {
        if (sketch is null) return null;
        var keys = StoryBands.Keys(sketch);
        var candidates = keys.SelectMany(k => _bands.TryGetValue(k, out var list) ? list : []).Distinct();
        if (StoryMatch.Best(sketch, candidates) is { } best)
            return StoryMatch.Join(articleId, best.Story, best.Similarity);

        var story = new StoryCandidate(articleId, articleId, sketch, _order++);
        foreach (var key in keys)
        {
            if (!_bands.TryGetValue(key, out var list)) _bands[key] = list = [];
            list.Add(story);
        }
        return new StoryAssignment(articleId, null, 1);
    }
}
