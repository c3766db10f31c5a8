using Azure;
using Azure.Data.Tables;

namespace Ingestion.Pipeline.Storage;

/// <summary>
/// <c>ArticleVersions</c>: PartitionKey = article id, RowKey = <see cref="KeyOf"/>: one row per content an article was
/// analysed with, oldest first. Its clean text and analysis are in <c>articles-versions/{id}/{RowKey}.json</c>.
/// </summary>
public sealed class VersionRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ContentHash { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Published { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? ExtractedAt { get; set; }
    public int Paragraphs { get; set; }
    public int EntityCount { get; set; }
    public int QuoteCount { get; set; }
    public string? StoryId { get; set; }
    public string? DuplicateOf { get; set; }
    public double? Similarity { get; set; }
    /// <summary>JSON of <see cref="Core.Stories.ArticleChanges"/> against the version before (null for the first).</summary>
    public string? Changes { get; set; }
    public string VersionBlob { get; set; } = "";

    /// <summary>
    /// When the content was received (UTC ticks, so keys sort by time), then its hash: a replay of the same content
    /// keeps its received time and so its key, a re-drop of older content later is a version of its own.
    /// </summary>
    public static string KeyOf(DateTimeOffset receivedAt, string contentHash) =>
        receivedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-" + contentHash[..Math.Min(16, contentHash.Length)];
}
