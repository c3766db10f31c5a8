using Ingestion.Core.Model;
using Ingestion.Core.Stories;

namespace Ingestion.Pipeline.Results;

/// <summary>An article's status, timings, error and results: the body of <c>GET /api/articles/{id}</c>.</summary>
public sealed record ArticleView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public string? Title { get; init; }
    public string? Published { get; init; }
    public string? Language { get; init; }
    public string? Format { get; init; }
    public bool Fallback { get; init; }
    public bool Partial { get; init; }
    public string? ContentHash { get; init; }
    public long SizeBytes { get; init; }
    public int Attempts { get; init; }
    public ArticleError? Error { get; init; }
    public required ArticleTimings Timings { get; init; }
    public string? CleanBlob { get; init; }
    /// <summary>The story of the current content; null until extracted.</summary>
    public string? Story { get; init; }
    /// <summary>The id of the story's first copy when this article is a later copy of it; else null.</summary>
    public string? DuplicateOf { get; init; }
    /// <summary>Resemblance to the story's first copy (estimated Jaccard of word shingles, 0–1).</summary>
    public double? Similarity { get; init; }
    /// <summary>The story's other articles (its first copy among them, unless this is it).</summary>
    public IReadOnlyList<StoryCopy> Copies { get; init; } = [];
    public IReadOnlyList<Entity> Entities { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
}

/// <summary>One article of a story, as other articles of the story list it.</summary>
public sealed record StoryCopy(string Id, string Name, string? Title, string? Published, string? Format, double Similarity, bool First);

public sealed record ArticleError(string? Stage, string? Kind, string? Message);

public sealed record ArticleTimings(
    DateTimeOffset? ReceivedAt, DateTimeOffset? CleanedAt, DateTimeOffset? ExtractedAt, DateTimeOffset? FailedAt,
    double? CleanMs, double? ExtractMs);

/// <summary>One line of <c>GET /api/articles</c>.</summary>
public sealed record ArticleSummary(
    string Id, string Name, string Status, string? Title, string? Published, string? Language,
    int EntityCount, int QuoteCount, ArticleError? Error, DateTimeOffset? ReceivedAt, DateTimeOffset? UpdatedAt,
    string? Story = null, string? DuplicateOf = null, double? Similarity = null);

public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, string? Continuation);

/// <summary>
/// One story that mentions an entity, as the article listed for it (its first copy when that one mentions the entity
/// too), with the quotes the entity said in it and the story's other articles.
/// </summary>
public sealed record EntityMention(
    string Id, string Name, string? Title, string? Published, string Type, int Mentions, string? Role, IReadOnlyList<Quote> Quotes,
    string? Story = null, string? DuplicateOf = null, IReadOnlyList<StoryCopy>? Copies = null);

public sealed record EntityArticles(string Entity, string Key, IReadOnlyList<EntityMention> Articles, string? Continuation);

/// <summary>
/// One line of <c>GET /api/entities</c>: an entity and the number of articles it appears in, each story counted once,
/// and how many further copies of those stories name it.
/// </summary>
public sealed record RankedEntity(string Entity, string Key, string Type, int Articles, int Copies = 0);

/// <summary>The body of <c>GET /api/entities?type=&amp;top=</c>, most articles first.</summary>
public sealed record TopEntities(string? Type, IReadOnlyList<RankedEntity> Items);

/// <summary>One quote on a speaker's timeline, with the article it is from.</summary>
public sealed record TimelineQuote(
    string ArticleId, string ArticleName, string? Title, string? Published, string Position, string Text, bool TextTruncated,
    string Speaker, string? Cue, QuoteAttribution Attribution, string? Story = null, string? DuplicateOf = null);

/// <summary>The body of <c>GET /api/speakers/{name}/quotes</c>: newest first; pass <c>continuation</c> back for more.</summary>
public sealed record SpeakerTimeline(string Speaker, string Key, IReadOnlyList<TimelineQuote> Items, string? Continuation);

/// <summary>One version of an article: a content it was analysed with, and what changed against the version before.</summary>
public sealed record ArticleVersion(
    int Number, string ContentHash, DateTimeOffset? ReceivedAt, DateTimeOffset? ExtractedAt, string? Title, string? Published,
    int Paragraphs, int Entities, int Quotes, string? Story, string? DuplicateOf, double? Similarity, bool Current, ArticleChanges? Changes);

/// <summary>How a later copy differs from its story's first copy (as that one started the story).</summary>
public sealed record CopyDifferences(string Id, string Name, string? Title, double Similarity, ArticleChanges? Changes);

/// <summary>The body of <c>GET /api/articles/{id}/versions</c>: oldest first; for a copy, its differences from the first copy.</summary>
public sealed record ArticleHistory(string Id, string Name, IReadOnlyList<ArticleVersion> Versions, CopyDifferences? CopyOf);
