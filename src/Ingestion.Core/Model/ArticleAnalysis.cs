namespace Ingestion.Core.Model;

public enum EntityType
{
    Person,
    Organization,
    Location,
    Event,
    Other,
}

/// <summary>One real-world thing named in an article, under one canonical name.</summary>
public sealed record Entity(string Name, EntityType Type, IReadOnlyList<string> Aliases, int Mentions, string? Role);

/// <summary>A direct quote. <see cref="Speaker"/> is the canonical entity name, or null when it cannot be told.</summary>
public sealed record Quote(string Text, string? Speaker, string? Cue);

/// <summary>What the extract stage finds in a clean article.</summary>
public sealed record ArticleAnalysis(IReadOnlyList<Entity> Entities, IReadOnlyList<Quote> Quotes)
{
    /// <summary>True when the language is only partly supported (e.g. quote spans without speakers).</summary>
    public bool Partial { get; init; }

    public static ArticleAnalysis Empty { get; } = new([], []);
}
