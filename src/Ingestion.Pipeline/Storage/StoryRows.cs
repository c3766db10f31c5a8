using Azure;
using Azure.Data.Tables;

namespace Ingestion.Pipeline.Storage;

/// <summary>
/// <c>Stories</c>, one partition per story: the story row (RowKey <see cref="RowKeyValue"/>) says which article started it
/// and holds that first copy's sketch; a <see cref="StoryCopyRow"/> per article in the story, the first copy's too.
/// </summary>
public sealed class StoryRow : ITableEntity
{
    public const string RowKeyValue = "story";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = RowKeyValue;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The article id of the story's first copy.</summary>
    public string Original { get; set; } = "";
    public string OriginalName { get; set; } = "";
    /// <summary>The content hash of the first copy when it started the story.</summary>
    public string ContentHash { get; set; } = "";
    public string? Title { get; set; }
    public string? Published { get; set; }
    /// <summary>The first copy's <see cref="Core.Stories.StorySketch"/> (<see cref="Core.Stories.StorySketch.ByteLength"/> bytes).</summary>
    public byte[] Sketch { get; set; } = [];
    public int Shingles { get; set; }
    public DateTimeOffset FoundedAt { get; set; }
}

/// <summary><c>Stories</c>: one row per article in the story, RowKey = <see cref="KeyOf"/> (article id).</summary>
public sealed class StoryCopyRow : ITableEntity
{
    public const string Prefix = "copy|";

    /// <summary>Just past every copy row key: copy rows lie in [<see cref="Prefix"/>, <see cref="End"/>).</summary>
    public const string End = "copy}";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ArticleId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Published { get; set; }
    public string? Format { get; set; }
    /// <summary>Resemblance to the story's first copy (1 for the first copy as it started the story).</summary>
    public double Similarity { get; set; }
    /// <summary>True for the article that started the story.</summary>
    public bool First { get; set; }
    public string ContentHash { get; set; } = "";
    public DateTimeOffset JoinedAt { get; set; }

    public static string KeyOf(string articleId) => Prefix + articleId;
}

/// <summary>
/// <c>StoryBands</c>: PartitionKey = an LSH band key (<see cref="Core.Stories.StoryBands.Keys"/>), RowKey = story id.
/// Every story is filed under each band of its first copy's sketch, with that sketch, so looking an article's bands
/// up finds every story it may belong to and everything needed to compare with it. A partition also holds its
/// <see cref="StoryLockRow"/> while a story is chosen.
/// </summary>
public sealed class StoryBandRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Original { get; set; } = "";
    public byte[] Sketch { get; set; } = [];
    public int Shingles { get; set; }
    public DateTimeOffset FoundedAt { get; set; }
}

/// <summary>
/// A band's lock (<c>StoryBands</c>, RowKey <see cref="RowKeyValue"/>, before every story id): held while an article
/// reads the band and, if it starts a story, files it there, so two copies arriving at once cannot both start one.
/// </summary>
public sealed class StoryLockRow : ITableEntity
{
    /// <summary>Sorts before the story ids (hex digits).</summary>
    public const string RowKeyValue = "!lock";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = RowKeyValue;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The article choosing its story; a replay of it may take its own lock over.</summary>
    public string Owner { get; set; } = "";
    /// <summary>After this a lock is abandoned (its holder died) and may be taken over.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
