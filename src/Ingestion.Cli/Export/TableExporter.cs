using System.Globalization;
using Azure.Data.Tables;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Cli.Export;

/// <summary>What to export: articles of one status, and/or whose status row changed on or after a day (UTC).</summary>
public sealed record ExportFilter(string? Status, DateOnly? Since)
{
    /// <summary>The OData filter for the <c>Articles</c> table (built only with CreateQueryFilter), or null for all.</summary>
    public string? ToQuery()
    {
        var parts = new List<string>();
        if (Status is not null)
            parts.Add(TableClient.CreateQueryFilter($"Status eq {Status}"));
        if (Since is { } day)
            parts.Add(TableClient.CreateQueryFilter($"Timestamp ge {new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)}"));
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}

/// <summary>Counts of what one export wrote, per file.</summary>
public sealed record ExportCounts(int Articles, int Entities, int Quotes, int IndexRows);

/// <summary>
/// Streams the tables into four files: articles, their entities and quotes (one partition query each per article),
/// then the entity index (one pass over <c>EntityArticles</c>, keeping the exported articles' rows).
/// Nothing is held in memory but the ids of the exported articles.
/// </summary>
public sealed class TableExporter(PipelineStorage storage)
{
    public static readonly string[] Files = ["articles", "entities", "quotes", "entity_index"];

    /// <summary>How many articles the filter selects (a keys-only pass, for the progress bar).</summary>
    public async Task<int> CountAsync(ExportFilter filter, CancellationToken cancellationToken)
    {
        var n = 0;
        await foreach (var _ in storage.Articles.QueryAsync<TableEntity>(filter.ToQuery(), select: ["PartitionKey"], cancellationToken: cancellationToken))
            n++;
        return n;
    }

    public async Task<ExportCounts> ExportAsync(ExportFilter filter, ExportFormat format, string folder, Action<string> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        string PathOf(string file) => Path.Combine(folder, file + "." + RecordWriters.Extension(format));
        var exported = new HashSet<string>(StringComparer.Ordinal);
        int entities = 0, quotes = 0, indexRows = 0;
        await using (var articleFile = RecordWriters.Create<ArticleRecord>(format, PathOf("articles")))
        await using (var entityFile = RecordWriters.Create<EntityRecord>(format, PathOf("entities")))
        await using (var quoteFile = RecordWriters.Create<QuoteRecord>(format, PathOf("quotes")))
        {
            await foreach (var row in storage.Articles.QueryAsync<ArticleRow>(filter.ToQuery(), cancellationToken: cancellationToken))
            {
                exported.Add(row.PartitionKey);
                await articleFile.WriteAsync(ToRecord(row), cancellationToken);
                var partition = TableClient.CreateQueryFilter($"PartitionKey eq {row.PartitionKey}");
                await foreach (var e in storage.Entities.QueryAsync<EntityRow>(partition, cancellationToken: cancellationToken))
                {
                    await entityFile.WriteAsync(new EntityRecord { ArticleId = e.PartitionKey, Key = e.RowKey, Name = e.Name, Type = e.Type, Mentions = e.Mentions, Role = e.Role, Aliases = e.Aliases }, cancellationToken);
                    entities++;
                }
                await foreach (var q in storage.Quotes.QueryAsync<QuoteRow>(partition, cancellationToken: cancellationToken))
                {
                    await quoteFile.WriteAsync(new QuoteRecord
                    {
                        ArticleId = q.PartitionKey, Position = int.Parse(q.RowKey, CultureInfo.InvariantCulture), Published = Day(row.Published),
                        Speaker = q.Speaker, SpeakerKey = q.SpeakerKey, Cue = q.Cue, Attribution = q.Attribution, Text = q.Text, TextTruncated = q.TextTruncated,
                    }, cancellationToken);
                    quotes++;
                }
                progress("articles");
            }
        }
        await using (var indexFile = RecordWriters.Create<EntityIndexRecord>(format, PathOf("entity_index")))
        {
            await foreach (var r in storage.EntityIndex.QueryAsync<EntityIndexRow>(cancellationToken: cancellationToken))
            {
                if (!exported.Contains(r.RowKey)) continue;
                await indexFile.WriteAsync(new EntityIndexRecord
                {
                    EntityKey = r.PartitionKey, ArticleId = r.RowKey, Entity = r.Entity, Type = r.Type, Mentions = r.Mentions,
                    QuoteCount = r.QuoteCount, Role = r.Role, Title = r.Title, Published = Day(r.Published), StoryId = r.Story, DuplicateOf = r.DuplicateOf,
                }, cancellationToken);
                indexRows++;
                progress("entity_index");
            }
        }
        return new ExportCounts(exported.Count, entities, quotes, indexRows);
    }

    private static ArticleRecord ToRecord(ArticleRow row) => new()
    {
        Id = row.PartitionKey, Name = row.Name, Status = row.Status, Title = row.Title, Published = Day(row.Published), Language = row.Language,
        Format = row.Format, Fallback = row.Fallback, Partial = row.Partial, EntityCount = row.EntityCount, QuoteCount = row.QuoteCount,
        SizeBytes = row.SizeBytes, ContentHash = row.ContentHash, ReceivedAt = row.ReceivedAt?.UtcDateTime, ExtractedAt = row.ExtractedAt?.UtcDateTime,
        FailedAt = row.FailedAt?.UtcDateTime, UpdatedAt = row.Timestamp?.UtcDateTime, ErrorStage = row.ErrorStage, ErrorKind = row.ErrorKind,
        ErrorMessage = row.ErrorMessage, StoryId = row.StoryId, DuplicateOf = row.DuplicateOf, Similarity = row.Similarity,
    };

    private static DateOnly? Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
