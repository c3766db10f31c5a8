using Ingestion.Core.Model;

namespace Ingestion.Core.Json;

/// <summary>
/// The public JSON shape of one processed article: printed by <c>ingest process</c>, returned by the HTTP API.
/// Field names are a contract (the evaluation script and users' tools read them): add fields, never rename.
/// </summary>
public sealed record ArticleDocument
{
    public string? Source { get; init; }
    public required string Id { get; init; }
    public string? Name { get; init; }
    public ArticleFormat? Format { get; init; }
    public string? Language { get; init; }
    public string? Title { get; init; }
    public DateOnly? Published { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Kicker { get; init; }
    public string Lead { get; init; } = "";
    public IReadOnlyList<BodyBlock> Body { get; init; } = [];
    public IReadOnlyList<Caption> Captions { get; init; } = [];
    public Signature? Signature { get; init; }
    public string? Permalink { get; init; }
    public bool Fallback { get; init; }
    public IReadOnlyDictionary<string, int> Removed { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<Entity> Entities { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    /// <summary>True when extraction is only partly supported for the article's language.</summary>
    public bool Partial { get; init; }
    /// <summary>The id of the story's first copy when this article is a later copy of it (another format, chrome, small edits); else null.</summary>
    public string? DuplicateOf { get; init; }
    /// <summary>How alike this article and its story's first copy are (estimated Jaccard of word shingles, 0–1; 1 for the first copy).</summary>
    public double? Similarity { get; init; }

    public static ArticleDocument From(string id, CleanArticle article, ArticleAnalysis analysis, string? source = null, string? name = null) => new()
    {
        Source = source,
        Id = id,
        Name = name,
        Format = article.Format,
        Language = article.Language,
        Title = article.Title,
        Published = article.Published,
        Authors = article.Authors,
        Kicker = article.Kicker,
        Lead = article.Lead,
        Body = article.Body,
        Captions = article.Captions,
        Signature = article.Signature,
        Permalink = article.Permalink,
        Fallback = article.Fallback,
        Removed = article.Removed,
        Entities = analysis.Entities,
        Quotes = analysis.Quotes,
        Partial = analysis.Partial,
    };
}

/// <summary>The line <c>ingest process</c> prints for an input that holds no article.</summary>
public sealed record ArticleError(string Source, string? Id, string Error, string Kind);
