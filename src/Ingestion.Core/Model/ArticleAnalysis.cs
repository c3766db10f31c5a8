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

/// <summary>How a quote's speaker was found, so analysts can filter on certainty.</summary>
public enum QuoteAttribution
{
    /// <summary>No speaker could be told.</summary>
    None,
    /// <summary>Named next to the quote's speech verb ("…," Putin said / according to the ministry).</summary>
    Explicit,
    /// <summary>A pronoun ("she said") resolved to the most recent compatible person.</summary>
    Pronoun,
    /// <summary>A role or group noun ("the minister", "the two leaders", "the statement") resolved to an entity.</summary>
    Role,
    /// <summary>No cue of its own: inherited from the quote it continues, with nothing in between.</summary>
    Continued,
}

/// <summary>A direct quote. <see cref="Speaker"/> is the canonical entity name, or null when it cannot be told;
/// <see cref="Attribution"/> says how it was found.</summary>
public sealed record Quote(string Text, string? Speaker, string? Cue, QuoteAttribution Attribution);

/// <summary>What the extract stage finds in a clean article.</summary>
public sealed record ArticleAnalysis(IReadOnlyList<Entity> Entities, IReadOnlyList<Quote> Quotes)
{
    /// <summary>True when the language is only partly supported (e.g. quote spans without speakers).</summary>
    public bool Partial { get; init; }

    public static ArticleAnalysis Empty { get; } = new([], []);
}
