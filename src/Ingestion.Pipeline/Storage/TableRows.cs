using Azure;
using Azure.Data.Tables;

namespace Ingestion.Pipeline.Storage;

/// <summary>
/// One row per article in <c>Articles</c>: PartitionKey = article id, RowKey = <see cref="RowKeyValue"/>.
/// The status row users and the API read. Schema: docs/STORAGE.md.
/// </summary>
public sealed class ArticleRow : ITableEntity
{
    public const string RowKeyValue = "article";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = RowKeyValue;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Status { get; set; } = ArticleStatus.Received;
    public string? ContentHash { get; set; }
    public long SizeBytes { get; set; }
    public string? Format { get; set; }
    public string? Title { get; set; }
    /// <summary>ISO date (yyyy-MM-dd) or null.</summary>
    public string? Published { get; set; }
    public string? Language { get; set; }
    public bool Fallback { get; set; }
    public bool Partial { get; set; }
    public string? CleanBlob { get; set; }
    public int EntityCount { get; set; }
    public int QuoteCount { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? CleanStartedAt { get; set; }
    public DateTimeOffset? CleanedAt { get; set; }
    public DateTimeOffset? ExtractedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public double? CleanMs { get; set; }
    public double? ExtractMs { get; set; }

    /// <summary>How many times a stage has started on the current content (both stages count).</summary>
    public int Attempts { get; set; }
    public string? ErrorStage { get; set; }
    public string? ErrorKind { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>The last transient error, kept while retries go on, so a poisoned message can say why.</summary>
    public string? LastError { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>The story the current content belongs to (<c>Stories</c> partition); null until extracted, or when it has no words.</summary>
    public string? StoryId { get; set; }
    /// <summary>The id of the story's first copy when this article is a later copy; null when it is the first.</summary>
    public string? DuplicateOf { get; set; }
    /// <summary>Resemblance of the current content to the story's first copy (0–1).</summary>
    public double? Similarity { get; set; }
    /// <summary>The content hash the story was chosen for: a replay of that content keeps the choice.</summary>
    public string? StoryContentHash { get; set; }
}

/// <summary><c>ArticleEntities</c>: PartitionKey = article id, RowKey = normalised entity key.</summary>
public sealed class EntityRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary>JSON array of the aliases seen in the article.</summary>
    public string Aliases { get; set; } = "[]";
    public int Mentions { get; set; }
    public string? Role { get; set; }
}

/// <summary><c>ArticleQuotes</c>: PartitionKey = article id, RowKey = quote position, zero-padded ("0003").</summary>
public sealed class QuoteRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Text { get; set; } = "";
    /// <summary>True when the quote was longer than a table property allows; the full text is in the clean blob.</summary>
    public bool TextTruncated { get; set; }
    public string? Speaker { get; set; }
    /// <summary>Normalised speaker key (a row key of <c>EntityArticles</c>), for joins.</summary>
    public string? SpeakerKey { get; set; }
    public string? Cue { get; set; }
    /// <summary>How the speaker was found: a <see cref="Ingestion.Core.Model.QuoteAttribution"/> name in lower case.</summary>
    public string? Attribution { get; set; }
}

/// <summary>
/// <c>EntityArticles</c>: PartitionKey = normalised entity key, RowKey = article id. "All articles mentioning X"
/// is one partition query.
/// </summary>
public sealed class EntityIndexRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Entity { get; set; } = "";
    public string Type { get; set; } = "";
    public string ArticleName { get; set; } = "";
    public string? Title { get; set; }
    public string? Published { get; set; }
    public int Mentions { get; set; }
    public int QuoteCount { get; set; }
    public string? Role { get; set; }
    /// <summary>The article's story: rankings count each story once.</summary>
    public string? Story { get; set; }
    /// <summary>Set when the article is a later copy of its story: the first copy's id.</summary>
    public string? DuplicateOf { get; set; }
}

/// <summary>
/// <c>SpeakerQuotes</c>: PartitionKey = speaker key (each member of a group too), RowKey = <see cref="TimelineKey"/>.
/// A speaker's quote timeline, newest first, is one partition read in key order; a date range is a key range.
/// </summary>
public sealed class SpeakerQuoteRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The quote's speaker as extracted (a group, "Vladimir Putin and Xi Jinping", for each member).</summary>
    public string Speaker { get; set; } = "";
    public string ArticleId { get; set; } = "";
    public string ArticleName { get; set; } = "";
    public string? Title { get; set; }
    public string? Published { get; set; }
    /// <summary>The quote's row key in <c>ArticleQuotes</c>.</summary>
    public string Position { get; set; } = "";
    public string Text { get; set; } = "";
    public bool TextTruncated { get; set; }
    public string? Cue { get; set; }
    public string? Attribution { get; set; }
    /// <summary>The article's story: a later copy's quote that its first copy has too is shown once.</summary>
    public string? Story { get; set; }
    /// <summary>Set when the article is a later copy of its story: the first copy's id.</summary>
    public string? DuplicateOf { get; set; }

    /// <summary>Newest first: 99999999 minus the date as yyyyMMdd (undated quotes sort last), then article and position.</summary>
    public static string TimelineKey(string? published, string articleId, string position) =>
        DatePrefix(published) + "-" + articleId + "-" + position;

    /// <summary>The key prefix of a date; every key of a later date sorts before it.</summary>
    public static string DatePrefix(string? published) =>
        (99_999_999 - (DateOnly.TryParseExact(published, "yyyy-MM-dd", out var date) ? date.Year * 10_000 + date.Month * 100 + date.Day : 0))
            .ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>EntityRanking</c>, one partition per entity type, three kinds of rows: a rank row (RowKey = <see cref="RankKey"/>,
/// digits first, so key order is most articles first); the entity's state row (RowKey = <see cref="StateKey"/>, after
/// every rank row) that says which rank row is current, changed with it in one transaction; and a dirty row
/// (RowKey = <see cref="DirtyKey"/>, before every rank row) saying the entity's articles changed and it awaits a recount.
/// </summary>
public sealed class EntityRankRow : ITableEntity
{
    /// <summary>State rows start with this; rank rows start with digits, which sort before it.</summary>
    public const string StatePrefix = "~";

    /// <summary>Dirty rows start with this, which sorts before the digits of rank rows.</summary>
    public const string DirtyPrefix = "!";

    /// <summary>The first rank row key possible: rank rows lie in [<see cref="RankStart"/>, <see cref="StatePrefix"/>).</summary>
    public const string RankStart = "0";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Entity { get; set; } = "";
    /// <summary>The entity key: the partition of <c>EntityArticles</c> that was counted.</summary>
    public string Key { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary>Articles whose index rows name this entity with this type, each story counted once (its copies not again).</summary>
    public int Articles { get; set; }
    /// <summary>Further copies of those stories that name it too: index rows beyond <see cref="Articles"/>.</summary>
    public int Copies { get; set; }

    public static string RankKey(int articles, string key) =>
        (int.MaxValue - articles).ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + "-" + key;

    public static string StateKey(string key) => StatePrefix + key;

    public static string DirtyKey(string key) => DirtyPrefix + key;
}

/// <summary>
/// <c>ArticleIndexEntries</c>: PartitionKey = article id, one row per row this article owns in a cross-article index
/// (<c>EntityArticles</c>, <c>SpeakerQuotes</c>). Written before the index row and removed only after it, so an
/// interrupted write leaves a record of what to clean up, never an orphan nobody knows about.
/// </summary>
public sealed class IndexEntryRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Table { get; set; } = "";
    public string TargetPartition { get; set; } = "";
    public string TargetRow { get; set; } = "";
    /// <summary>For <c>EntityArticles</c> rows: the type the entity had, whose ranking the row counts in.</summary>
    public string? Type { get; set; }
    public string? Entity { get; set; }
    /// <summary>True until the rankings the row counts in have been marked for a recount.</summary>
    public bool Pending { get; set; }
    /// <summary>The story the row was written for: when it changes, the rankings the row counts in are recounted.</summary>
    public string? Story { get; set; }

    public static string EntryKey(string table, string partition, string row, string? type) =>
        table + "|" + partition + "|" + row + (type is null ? "" : "|" + type);
}
