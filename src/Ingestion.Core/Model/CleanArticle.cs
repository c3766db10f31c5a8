namespace Ingestion.Core.Model;

/// <summary>How an article reached us; decides which cleaner reads it.</summary>
public enum ArticleFormat
{
    Text,
    Html,
    Json,
}

public enum BlockKind
{
    Paragraph,
    Heading,
}

/// <summary>One block of the article body, in reading order.</summary>
public sealed record BodyBlock(BlockKind Kind, string Text);

/// <summary>An image caption with the credit line split off ("Image: …", "Bild: …").</summary>
public sealed record Caption(string Text, string? Credit);

/// <summary>The agency signature at the end of a DW article: <c>es/msh (AP, AFP, Reuters)</c>.</summary>
public sealed record Signature(IReadOnlyList<string> Initials, IReadOnlyList<string> Agencies);

/// <summary>
/// The article and nothing else, with its parts named. Produced by the clean stage, consumed by extraction,
/// stored as JSON in the clean container.
/// </summary>
public sealed record CleanArticle
{
    public required ArticleFormat Format { get; init; }
    public string? Title { get; init; }
    /// <summary>Publication date as shown on the page; null when the page shows none or only a relative time.</summary>
    public DateOnly? Published { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>ISO 639-1 code ("en", "de"), or null when it could not be told.</summary>
    public string? Language { get; init; }
    public string? Kicker { get; init; }
    public string Lead { get; init; } = "";
    public IReadOnlyList<BodyBlock> Body { get; init; } = [];
    public IReadOnlyList<Caption> Captions { get; init; } = [];
    public Signature? Signature { get; init; }
    public string? Permalink { get; init; }
    /// <summary>What the cleaner removed, as counts per rule name, so a user can see why a line is missing.</summary>
    public IReadOnlyDictionary<string, int> Removed { get; init; } = new Dictionary<string, int>();
    /// <summary>True when the page was not recognised as DW and a generic text-density extraction was used.</summary>
    public bool Fallback { get; init; }

    /// <summary>Title, lead and body as one text, the way extraction reads it.</summary>
    public IEnumerable<string> TextBlocks()
    {
        if (!string.IsNullOrWhiteSpace(Title)) yield return Title;
        if (!string.IsNullOrWhiteSpace(Lead)) yield return Lead;
        foreach (var block in Body) yield return block.Text;
    }
}
