using System.Globalization;
using Azure.Data.Tables;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Stories;

namespace Ingestion.Pipeline.Results;

/// <summary>
/// Questions across articles, each answered from one index partition in key order (never a table scan):
/// the most-mentioned entities, and a speaker's quotes over time. Copies of one story count once.
/// </summary>
public sealed class CrossArticleQueries(PipelineStorage storage, StoryStore stories)
{
    public const int MaxTop = 500;
    public const int DefaultTimelinePageSize = 100;

    /// <summary>Rows a filtered timeline page reads at most before it answers (with a continuation).</summary>
    public const int MaxTimelineScan = 5000;

    /// <summary>The <paramref name="top"/> entities by number of articles, of one type or of all (merged by count).</summary>
    public async Task<TopEntities> TopEntitiesAsync(EntityType? type, int top, CancellationToken cancellationToken = default)
    {
        top = Math.Clamp(top, 1, MaxTop);
        var types = type is { } t ? [t] : Enum.GetValues<EntityType>();
        var ranked = new List<RankedEntity>();
        foreach (var each in types)
        {
            var name = Lower(each);
            // Rank rows lie between the dirty marks ("!") and the state rows ("~"), most articles first.
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {name} and RowKey ge {EntityRankRow.RankStart} and RowKey lt {EntityRankRow.StatePrefix}");
            var n = 0;
            await foreach (var row in storage.EntityRanking.QueryAsync<EntityRankRow>(filter, maxPerPage: top, cancellationToken: cancellationToken))
            {
                ranked.Add(new RankedEntity(row.Entity, row.Key, row.Type, row.Articles, row.Copies));
                if (++n == top) break;
            }
        }
        var items = ranked.OrderByDescending(r => r.Articles).ThenBy(r => r.Key, StringComparer.Ordinal).Take(top).ToList();
        return new TopEntities(type is null ? null : Lower(type.Value), items);
    }

    /// <summary>
    /// Quotes by a speaker (any spelling with the same entity key; a group's quotes count for each member), newest
    /// first, optionally within published dates and of one attribution kind. A later copy's quote that an earlier
    /// article of its story has too is left out (<see cref="CopyFolding"/>): each quote of a story shows once. <paramref name="word"/> keeps quotes
    /// containing it (case and accents ignored): such a page reads up to <see cref="MaxTimelineScan"/> rows and may
    /// hold fewer than <paramref name="pageSize"/> quotes; follow the continuation.
    /// </summary>
    public async Task<SpeakerTimeline> SpeakerQuotesAsync(
        string name, DateOnly? from, DateOnly? to, QuoteAttribution? attribution, string? word, string? continuation,
        int pageSize = DefaultTimelinePageSize, CancellationToken cancellationToken = default)
    {
        var key = TableKeys.EntityKey(name);
        pageSize = Math.Clamp(pageSize, 1, ArticleQueries.MaxPageSize);
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {key}") };
        // Keys run newest first: the latest date allowed is the lower bound, the earliest the upper one.
        if (to is { } latest)
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {SpeakerQuoteRow.DatePrefix(Iso(latest))}"));
        // Undated quotes sort last (as day zero): a date range leaves them out.
        if (from is not null || to is not null)
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {SpeakerQuoteRow.DatePrefix(from is { } earliest ? Iso(earliest.AddDays(-1)) : null)}"));
        if (attribution is { } how)
            parts.Add(TableClient.CreateQueryFilter($"Attribution eq {Lower(how)}"));
        var filter = string.Join(" and ", parts);

        var items = new List<TimelineQuote>();
        var folding = new CopyFolding(storage, stories);
        string? display = null;
        var scanned = 0;
        var next = continuation;
        await foreach (var page in storage.SpeakerQuotes.QueryAsync<SpeakerQuoteRow>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            foreach (var row in page.Values)
            {
                display ??= SpeakerKeys.Of(row.Speaker).Count == 1 ? row.Speaker : null;
                if (row.DuplicateOf is not null && row.Story is { } story && await folding.QuotedEarlierAsync(story, row.ArticleId, row.Speaker, row.Text, cancellationToken))
                    continue;
                if (word is null || Contains(row.Text, word))
                    items.Add(ToQuote(row));
            }
            scanned += page.Values.Count;
            next = page.ContinuationToken;
            if (word is null || items.Count >= pageSize || scanned >= MaxTimelineScan) break;
        }
        return new SpeakerTimeline(display ?? name.Trim(), key, items, next);
    }

    private static bool Contains(string text, string word) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, word, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    private static TimelineQuote ToQuote(SpeakerQuoteRow row) => new(
        row.ArticleId, row.ArticleName, row.Title, row.Published, row.Position, row.Text, row.TextTruncated, row.Speaker, row.Cue,
        Enum.TryParse<QuoteAttribution>(row.Attribution, ignoreCase: true, out var how) ? how : QuoteAttribution.Explicit, row.Story, row.DuplicateOf);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
