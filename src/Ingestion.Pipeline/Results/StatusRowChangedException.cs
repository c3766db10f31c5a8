namespace Ingestion.Pipeline.Results;

/// <summary>
/// The article's status row changed after it was read (412 Precondition Failed), or was created meanwhile (409
/// Conflict): another stage run wrote it. Not a transient error: retrying the same write cannot succeed, and must not,
/// since the row may now hold other content. The caller reads the row again and decides again
/// (<see cref="ArticleRepository.DecideAsync{T}"/>).
/// </summary>
public sealed class StatusRowChangedException(string articleId, Exception inner)
    : Exception($"the status row of article {articleId} changed since it was read", inner)
{
    public string ArticleId { get; } = articleId;
}
