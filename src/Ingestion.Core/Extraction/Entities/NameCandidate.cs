namespace Ingestion.Core.Extraction;

/// <summary>
/// A span the scanner found, as the typing rules see it: its words, the title and nationality taken off its front,
/// and the words around it. One object per article, refilled for each span (<see cref="MentionTyper"/>).
/// </summary>
internal sealed class NameCandidate(ArticleText doc, LanguageProfile profile, SpanScanner scanner)
{
    /// <summary>See <see cref="SpanScanner.IsClubByItsCity"/>.</summary>
    public bool IsClubByItsCity() => scanner.IsClubByItsCity(Block, Start);
    public bool IsGivenNameSurname() => scanner.IsGivenNameSurname(Block, Start);

    public ArticleText Doc => doc;
    public LanguageProfile Profile => profile;
    public int Block { get; private set; }
    public int Start { get; private set; }
    public int End { get; private set; }
    public int Length => End - Start;
    /// <summary>A title stripped off the front ("President", "Foreign Minister").</summary>
    public string? Title { get; private set; }
    /// <summary>The country of a nationality adjective stripped off the front ("Russian" -> "Russia"), "" for a region.</summary>
    public string? Nationality { get; private set; }
    /// <summary>The role the span's person holds: the title (with "of" the nationality's country) or the role noun before it.</summary>
    public string? Role { get; private set; }
    /// <summary>A relational role noun ("counterpart") is right before the span: its office is someone else's.</summary>
    public bool RelationalRole { get; private set; }
    /// <summary>Evidence that the span is a person: a title, a role noun before it, a given name first.</summary>
    public bool PersonCue { get; private set; }
    /// <summary>A speech verb right after the span ("Merkel said", "Merkel has said").</summary>
    public bool SpeechAfter { get; private set; }

    public ReadOnlySpan<char> First => doc.Span(Block, Start);
    public ReadOnlySpan<char> Last => doc.Span(Block, End - 1);
    public ReadOnlySpan<char> Word(int i) => doc.Span(Block, i);
    /// <summary>The lower-case word right before the span, or empty.</summary>
    public ReadOnlySpan<char> PrevLower => Start > 0 && IsLowerWord(Start - 1) ? doc.Span(Block, Start - 1) : default;
    /// <summary>The lower-case word right after the span, or empty.</summary>
    public ReadOnlySpan<char> NextLower => End < doc.Tokens[Block].Count && IsLowerWord(End) ? doc.Span(Block, End) : default;
    public bool IsCap(int i) => doc.Tokens[Block][i].Cap;
    /// <summary>The span starts a sentence or sits in a headline, where a capital says nothing.</summary>
    public bool AtSentenceStart => doc.Tokens[Block][Start].SentStart || doc.Headline[Block];
    /// <summary>What WordNet and GeoNames say the whole span, as written, can be.</summary>
    public NameKinds Kinds => profile.World.Kinds.TryGetValue(doc.Span(Block, Start, End), out var kinds) ? kinds : NameKinds.None;
    public bool FirstIsGivenName => profile.GivenNameCues.Contains(First);

    public void Reset(int b, int s, int e, string? title, string? nationality)
    {
        (Block, Start, End, Title, Nationality) = (b, s, e, title, nationality);
        var prev = PrevLower;
        var roleNoun = !prev.IsEmpty && profile.RoleNouns.Contains(prev);
        Role = title is not null ? (nationality is { Length: > 0 } && !title.Contains($" {profile.RoleJoiner} ", StringComparison.Ordinal) ? $"{title} {profile.RoleJoiner} {nationality}" : title)
            : roleNoun && !profile.RelationalRoleNouns.Contains(prev) ? prev.ToString() : null;
        // "his counterpart Xi Jinping", "her Chinese counterpart": the office of someone named before, resolved after coreference
        RelationalRole = title is null && roleNoun && profile.RelationalRoleNouns.Contains(prev);
        PersonCue = title is not null || roleNoun || FirstIsGivenName;
        var toks = doc.Tokens[b];
        SpeechAfter = e < toks.Count && toks[e].Kind == TokKind.Word && (IsSpeechVerb(e) || VerbThenSpeech(e));
    }

    /// <summary>An organisation head word anywhere in the span.</summary>
    public bool HasOrgHead()
    {
        for (var i = Start; i < End; i++)
            if (profile.OrgHeads.Contains(Word(i))) return true;
        return false;
    }

    /// <summary>An organisation head or keeper word anywhere in the span ("University of", "Ministry").</summary>
    public bool ContainsHead()
    {
        for (var i = Start; i < End; i++)
            if (profile.OrgHeads.Contains(Word(i)) || profile.KeeperWords.Contains(Word(i))) return true;
        return false;
    }

    private bool IsLowerWord(int k) => doc.Tokens[Block][k].Kind == TokKind.Word && !doc.Tokens[Block][k].Cap;

    private bool IsSpeechVerb(int k) => profile.SpeechCues.TryGetValue(doc.Span(Block, k), out var cue) && cue.Kind != SpeechCueKind.Participle;

    /// <summary>"Merkel has said", "Merkel also said".</summary>
    private bool VerbThenSpeech(int e)
    {
        var toks = doc.Tokens[Block];
        if (!profile.VerbsBeforeSpeech.Contains(doc.Span(Block, e))) return false;
        return e + 1 < toks.Count && toks[e + 1].Kind == TokKind.Word && IsSpeechVerb(e + 1);
    }
}
