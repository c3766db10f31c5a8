namespace Ingestion.Core.Stories;

/// <summary>A story as the band index knows it: its id, the article that started it, and the sketch of that first copy.</summary>
/// <param name="Order">When the story was started (ticks, or the position in a run): the earlier story wins a tie.</param>
public sealed record StoryCandidate(string StoryId, string Original, StorySketch Sketch, long Order);

/// <summary>Which story an article belongs to: its story, the first copy (null when it is that copy) and their resemblance.</summary>
public sealed record StoryAssignment(string StoryId, string? DuplicateOf, double Similarity)
{
    public bool IsCopy => DuplicateOf is not null;
}

/// <summary>
/// The rule for "same story", in one place: an article is a copy of the story whose first copy's text it resembles
/// most, if that resemblance (estimated Jaccard of word shingles) is at least <see cref="Threshold"/>. Copies of a
/// story in other formats, with or without page chrome, or with a paragraph changed, resemble their first copy by
/// 0.8 to 1 (99 % of the story benchmark's; a shortened teaser of a three-sentence video page can fall below); different
/// stories on the same topic and day share their names and phrases but few runs of five words, and stay below 0.02
/// (the figures: docs/STORIES.md).
/// </summary>
public static class StoryMatch
{
    public const double Threshold = 0.4;

    /// <summary>The best story for <paramref name="sketch"/> among <paramref name="candidates"/>, or null when none is close enough.</summary>
    public static (StoryCandidate Story, double Similarity)? Best(StorySketch sketch, IEnumerable<StoryCandidate> candidates)
    {
        (StoryCandidate Story, double Similarity)? best = null;
        foreach (var candidate in candidates)
        {
            var similarity = sketch.Resemblance(candidate.Sketch);
            if (similarity < Threshold) continue;
            if (best is not { } b || similarity > b.Similarity
                || similarity == b.Similarity && (candidate.Order, candidate.StoryId).CompareTo((b.Story.Order, b.Story.StoryId)) < 0)
                best = (candidate, similarity);
        }
        return best;
    }

    /// <summary>The assignment to <paramref name="story"/> of the article <paramref name="articleId"/>: no copy of itself.</summary>
    public static StoryAssignment Join(string articleId, StoryCandidate story, double similarity) =>
        new(story.StoryId, story.Original == articleId ? null : story.Original, Math.Round(similarity, 4));
}
