using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

internal enum MentionKind : byte
{
    /// <summary>Matched a lexicon entry: type and canonical name are known.</summary>
    Known,
    /// <summary>Typed by rules (head words, given names, titles, acronyms).</summary>
    Typed,
    /// <summary>A capitalized single word with no evidence: kept only when it joins a known entity.</summary>
    Unknown,
}

/// <summary>One occurrence of a name in a block. Reused across articles (<see cref="ExtractionScratch"/>).</summary>
internal sealed class Mention
{
    public int Block;
    public int TokStart;
    public int TokEnd;
    /// <summary>Document order: block * 2^20 + token index, for "nearest before" searches.</summary>
    public long Position;
    public string Surface = "";
    public string FirstWord = "";
    /// <summary>Tokens in the mention (words, and the odd "." or "'s").</summary>
    public int WordCount => TokEnd - TokStart;
    /// <summary>The tokens' texts, once <see cref="EntityExtractor"/> needs them.</summary>
    public string[]? Words;
    public EntityType Type;
    public MentionKind Kind;
    public string? Canonical;
    public string? Role;
    public bool InQuote;
    /// <summary>After a relational role noun ("his counterpart X"): the role is the office of the person named before.</summary>
    public bool RelationalRole;
    /// <summary>Evidence that the name is a person (title, role noun, given name, speech verb after).</summary>
    public bool PersonCue;
    public bool OrgCue;
    /// <summary>An inflected form of the name ("Brasiliens"): <see cref="FirstWord"/> holds the name itself, and it is no choice for the entity's name.</summary>
    public bool Inflected;
    public int Cluster = -1;

    /// <summary>Back to the state of a new mention: every field above is set here.</summary>
    public void Reset()
    {
        Block = TokStart = TokEnd = 0;
        Position = 0;
        Surface = FirstWord = "";
        Words = null;
        Type = default;
        Kind = default;
        Canonical = Role = null;
        InQuote = PersonCue = OrgCue = RelationalRole = Inflected = false;
        Cluster = -1;
    }
}

/// <summary>The entity being built from mentions. Reused across articles (<see cref="ExtractionScratch"/>).</summary>
internal sealed class Cluster
{
    public int Id;
    public EntityType Type;
    public string Name = "";
    public string? Role;
    /// <summary>The lexicon's canonical name when the cluster is a known entity named otherwise in the article.</summary>
    public string? KnownAs;
    public readonly List<Mention> Mentions = [];
    public string[] Words = [];
    /// <summary>The name's words case- and accent-folded, once <see cref="EntityExtractor"/> needs them.</summary>
    public string[]? Folded;
    public string? Stem;
    public char Gender = 'u';
    public long LastPosition;
    /// <summary>Sorted mention positions of the full names, for nearest-mention look-ups.</summary>
    public long[]? Positions;
    public bool Dropped;

    /// <summary>Back to the state of a new cluster: every field above is set here.</summary>
    public void Reset()
    {
        Id = 0;
        Type = default;
        Name = "";
        Role = null;
        KnownAs = null;
        Mentions.Clear();
        Words = [];
        Folded = null;
        Stem = null;
        Gender = 'u';
        LastPosition = 0;
        Positions = null;
        Dropped = false;
    }
}
