using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Ingestion.Cli.Export;

// The rows `ingest export` writes, one type per file. Column names (the JsonPropertyName) are the same in JSON
// Lines, CSV and Parquet; docs/ANALYSIS.md lists them. Add columns, never rename. Times are UTC; in Parquet they
// are microsecond timestamps adjusted to UTC (pandas reads datetime64[us, UTC]), dates are DATE.

/// <summary><c>articles.*</c>: one row per article (its status row).</summary>
public sealed class ArticleRecord
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("published")] public DateOnly? Published { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
    [JsonPropertyName("format")] public string? Format { get; set; }
    [JsonPropertyName("fallback")] public bool Fallback { get; set; }
    [JsonPropertyName("partial")] public bool Partial { get; set; }
    [JsonPropertyName("entity_count")] public int EntityCount { get; set; }
    [JsonPropertyName("quote_count")] public int QuoteCount { get; set; }
    [JsonPropertyName("size_bytes")] public long SizeBytes { get; set; }
    [JsonPropertyName("content_hash")] public string? ContentHash { get; set; }
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true, isAdjustedToUTC: true)]
    [JsonPropertyName("received_at")] public DateTime? ReceivedAt { get; set; }
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true, isAdjustedToUTC: true)]
    [JsonPropertyName("extracted_at")] public DateTime? ExtractedAt { get; set; }
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true, isAdjustedToUTC: true)]
    [JsonPropertyName("failed_at")] public DateTime? FailedAt { get; set; }
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true, isAdjustedToUTC: true)]
    [JsonPropertyName("updated_at")] public DateTime? UpdatedAt { get; set; }
    [JsonPropertyName("error_stage")] public string? ErrorStage { get; set; }
    [JsonPropertyName("error_kind")] public string? ErrorKind { get; set; }
    [JsonPropertyName("error_message")] public string? ErrorMessage { get; set; }
    /// <summary>The story of the current content: group by it to count each story once.</summary>
    [JsonPropertyName("story_id")] public string? StoryId { get; set; }
    /// <summary>The story's first copy when this article is a later copy of it.</summary>
    [JsonPropertyName("duplicate_of")] public string? DuplicateOf { get; set; }
    [JsonPropertyName("similarity")] public double? Similarity { get; set; }
}

/// <summary><c>entities.*</c>: one row per entity per article.</summary>
public sealed class EntityRecord
{
    [JsonPropertyName("article_id")] public string ArticleId { get; set; } = "";
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("mentions")] public int Mentions { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }
    /// <summary>JSON array of the other spellings seen.</summary>
    [JsonPropertyName("aliases")] public string Aliases { get; set; } = "[]";
}

/// <summary><c>quotes.*</c>: one row per quote, in article order.</summary>
public sealed class QuoteRecord
{
    [JsonPropertyName("article_id")] public string ArticleId { get; set; } = "";
    [JsonPropertyName("position")] public int Position { get; set; }
    [JsonPropertyName("published")] public DateOnly? Published { get; set; }
    [JsonPropertyName("speaker")] public string? Speaker { get; set; }
    [JsonPropertyName("speaker_key")] public string? SpeakerKey { get; set; }
    [JsonPropertyName("cue")] public string? Cue { get; set; }
    [JsonPropertyName("attribution")] public string? Attribution { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("text_truncated")] public bool TextTruncated { get; set; }
}

/// <summary><c>entity_index.*</c>: the <c>EntityArticles</c> index, entity → article, with the quotes it speaks there.</summary>
public sealed class EntityIndexRecord
{
    [JsonPropertyName("entity_key")] public string EntityKey { get; set; } = "";
    [JsonPropertyName("article_id")] public string ArticleId { get; set; } = "";
    [JsonPropertyName("entity")] public string Entity { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("mentions")] public int Mentions { get; set; }
    [JsonPropertyName("quote_count")] public int QuoteCount { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("published")] public DateOnly? Published { get; set; }
    [JsonPropertyName("story_id")] public string? StoryId { get; set; }
    [JsonPropertyName("duplicate_of")] public string? DuplicateOf { get; set; }
}
