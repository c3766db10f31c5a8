using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingestion.Core.Json;
using Ingestion.Core.Model;
using Ingestion.Core.Stories;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Versions;

/// <summary>
/// Every content an article was analysed with is kept: its clean text and analysis as a blob, and a row saying when it
/// came, what it held, which story it was in, and what changed against the version before. An overwritten blob so
/// never loses its earlier analysis. Keys come from the content's received time and hash (<see cref="VersionRow.KeyOf"/>),
/// so replays and reprocessing write the same version again rather than a new one.
/// </summary>
public sealed class VersionStore(PipelineStorage storage)
{
    /// <summary>Changes longer than this (in JSON characters) are abridged to fit the row (the version blobs keep everything).</summary>
    private const int MaxChangesChars = TableKeys.MaxStringChars;

    /// <summary>Records the version the article's row now describes, analysed as <paramref name="analysis"/>.</summary>
    public async Task RecordAsync(ArticleRow article, CleanArticle clean, ArticleAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var id = article.PartitionKey;
        var key = VersionRow.KeyOf(article.ReceivedAt ?? DateTimeOffset.UtcNow, article.ContentHash!);
        var snapshot = new ArticleSnapshot(clean, analysis);
        var blobName = StorageNames.VersionBlobName(id, key);
        await storage.Versions.GetBlobClient(blobName).UploadAsync(
            new BinaryData(JsonSerializer.SerializeToUtf8Bytes(snapshot, IngestionJsonContext.Default.ArticleSnapshot)), overwrite: true, cancellationToken);

        var previous = (await ListAsync(id, cancellationToken)).Where(v => string.CompareOrdinal(v.RowKey, key) < 0).LastOrDefault();
        var changes = previous is null || await ReadAsync(previous, cancellationToken) is not { } before ? null : ArticleChanges.Between(before, snapshot);
        await storage.VersionRows.UpsertEntityAsync(new VersionRow
        {
            PartitionKey = id,
            RowKey = key,
            ContentHash = article.ContentHash!,
            Name = TableKeys.Fit(article.Name)!,
            Title = TableKeys.Fit(clean.Title),
            Published = article.Published,
            ReceivedAt = article.ReceivedAt,
            ExtractedAt = DateTimeOffset.UtcNow,
            Paragraphs = clean.Body.Count(b => b.Kind == BlockKind.Paragraph),
            EntityCount = analysis.Entities.Count,
            QuoteCount = analysis.Quotes.Count,
            StoryId = article.StoryId,
            DuplicateOf = article.DuplicateOf,
            Similarity = article.Similarity,
            Changes = changes is null ? null : Fitted(changes),
            VersionBlob = blobName,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The article's versions, oldest first.</summary>
    public async Task<List<VersionRow>> ListAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var rows = new List<VersionRow>();
        await foreach (var row in storage.VersionRows.QueryAsync<VersionRow>(TableClient.CreateQueryFilter($"PartitionKey eq {articleId}"), cancellationToken: cancellationToken))
            rows.Add(row);
        return rows;
    }

    /// <summary>A version's clean text and analysis; null when its blob is gone or unreadable.</summary>
    public async Task<ArticleSnapshot?> ReadAsync(VersionRow version, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await storage.Versions.GetBlobClient(version.VersionBlob).DownloadContentAsync(cancellationToken);
            return JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, IngestionJsonContext.Default.ArticleSnapshot);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The changes as stored in a row: whole when they fit, else abridged until they do.</summary>
    private static string Fitted(ArticleChanges changes)
    {
        var json = JsonSerializer.Serialize(changes, IngestionJsonContext.Default.ArticleChanges);
        for (var (items, chars) = (20, 400); json.Length > MaxChangesChars && items > 0; (items, chars) = (items / 2, chars / 2))
            json = JsonSerializer.Serialize(changes.Abridge(items, chars), IngestionJsonContext.Default.ArticleChanges);
        return json;
    }

    public static ArticleChanges? ChangesOf(VersionRow row) =>
        row.Changes is null ? null : JsonSerializer.Deserialize(row.Changes, IngestionJsonContext.Default.ArticleChanges);
}
