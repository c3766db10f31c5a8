using Ingestion.Core.Model;

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
    public IReadOnlyList<Entity> Entities { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
}

public sealed record ArticleError(string? Stage, string? Kind, string? Message);

public sealed record ArticleTimings(
    DateTimeOffset? ReceivedAt, DateTimeOffset? CleanedAt, DateTimeOffset? ExtractedAt, DateTimeOffset? FailedAt,
    double? CleanMs, double? ExtractMs);

/// <summary>One line of <c>GET /api/articles</c>.</summary>
public sealed record ArticleSummary(
    string Id, string Name, string Status, string? Title, string? Published, string? Language,
    int EntityCount, int QuoteCount, ArticleError? Error, DateTimeOffset? ReceivedAt, DateTimeOffset? UpdatedAt);

public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, string? Continuation);

/// <summary>One article that mentions an entity, with the quotes the entity said in it.</summary>
public sealed record EntityMention(
    string Id, string Name, string? Title, string? Published, string Type, int Mentions, string? Role, IReadOnlyList<Quote> Quotes);

public sealed record EntityArticles(string Entity, string Key, IReadOnlyList<EntityMention> Articles, string? Continuation);

/// <summary>One line of <c>GET /api/entities</c>: an entity and the number of articles it appears in.</summary>
public sealed record RankedEntity(string Entity, string Key, string Type, int Articles);

/// <summary>The body of <c>GET /api/entities?type=&amp;top=</c>, most articles first.</summary>
public sealed record TopEntities(string? Type, IReadOnlyList<RankedEntity> Items);

/// <summary>One quote on a speaker's timeline, with the article it is from.</summary>
public sealed record TimelineQuote(
    string ArticleId, string ArticleName, string? Title, string? Published, string Position, string Text, bool TextTruncated,
    string Speaker, string? Cue, QuoteAttribution Attribution);

/// <summary>The body of <c>GET /api/speakers/{name}/quotes</c>: newest first; pass <c>continuation</c> back for more.</summary>
public sealed record SpeakerTimeline(string Speaker, string Key, IReadOnlyList<TimelineQuote> Items, string? Continuation);
