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
}
