using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// The typing rules of <see cref="CapitalizedNounScanner"/> (languages that capitalise every noun), in the order they are
/// asked. A capital tells nothing there, so the rules read the words around a name: the noun before it ("Gebiet Donezk",
/// "Umweltschutzorganisation WWF", "Soldat Andrij"), the preposition ("bei Bachmut"), the speech verb ("sagt Andrij"),
/// the head of the name itself ("Deutsche Gesellschaft für Immunologie"). Rules shared with English come from <see cref="TypingRules"/>.
/// </summary>
internal static class CapitalizedNounTypingRules
{
    public static readonly TypingRule[] Ordered =
    [
        new QuotedName(),
        new LoneCommonWord(),
        new LoneDateWord(),
        new AcronymOfATerm(),
        new CamelCaseBrand(),
        new KnownName(),
        new HeadedName(),
        new CapitalizedAdjectiveName(),
        new PartyInParentheses(),
        new LoneAcronym(),
        new PersonByTitle(),
        new OrganizationNounBefore(),
        new PlaceNounBefore(),
        new GivenNameFirst(),
        new SpeakerAfterSpeechVerb(),
        new SubjectOfSpeechVerb(),
        new LoneKnownName(),
        new PlaceAfterPreposition(),
        new NameOfSeveralWords(),
        new LoneUnknownWord(),
    ];

    /// <summary>The capitalised noun right before the span ("Gebiet" of "Gebiet Donezk"), or empty.</summary>
    public static ReadOnlySpan<char> NounBefore(NameCandidate c)
    {
        if (c.Start == 0) return default;
        var t = c.Doc.Tokens[c.Block][c.Start - 1];
        return t.Kind == TokKind.Word && t.Cap ? c.Doc.Span(c.Block, c.Start - 1) : default;
    }

    /// <summary>The word at token <paramref name="k"/> of the span's block, or empty.</summary>
    public static ReadOnlySpan<char> WordAt(NameCandidate c, int k) =>
        k >= 0 && k < c.Doc.Tokens[c.Block].Count && c.Doc.Tokens[c.Block][k].Kind == TokKind.Word ? c.Doc.Span(c.Block, k) : default;

    /// <summary>The token at <paramref name="k"/> is a speech verb whose subject speaks ("sagt", "erzählte"; not "laut", "zufolge").</summary>
    public static bool IsSpeechVerb(NameCandidate c, int k) =>
        !WordAt(c, k).IsEmpty && c.Profile.SpeechCues.TryGetValue(WordAt(c, k), out var cue) && cue.Kind is SpeechCueKind.Verb or SpeechCueKind.ListenerVerb;
}

/// <summary>
/// 'die Online-Zeitung "Ukrajinska Prawda"': names that fill a whole quote are a title of a work or a coined term,
/// unless a noun of organisations stands before the quote, which makes them its name.
/// </summary>
internal sealed class QuotedName : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        var toks = c.Doc.Tokens[c.Block];
        var q = toks[c.Start].InQuote;
        if (q < 0 || c.Kinds != NameKinds.None) return Typing.Pass;
        var quote = c.Doc.Quotes[q];
        if (quote.Open + 1 != c.Start || quote.Close != c.End) return Typing.Pass;
        var before = CapitalizedNounTypingRules.WordAt(c, quote.Open - 1);
        return !before.IsEmpty && c.Profile.HeadIn(c.Profile.OrgCueNouns, before) ? Typing.As(EntityType.Organization, orgCue: true) : Typing.Drop;
    }
}

/// <summary>"chronisches Erschöpfungssyndrom (CFS)": an acronym in brackets after an ordinary noun, with none of its initials before, abbreviates a term.</summary>
internal sealed class AcronymOfATerm : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length != 1 || !NameShapes.IsAcronym(c.First)) return Typing.Pass;
        // "(CFS/ME)": back over the acronyms joined by slashes to the bracket
        var open = c.Start - 1;
        while (open >= 2 && c.Doc.Span(c.Block, open).SequenceEqual("/") && NameShapes.IsAcronym(CapitalizedNounTypingRules.WordAt(c, open - 1))) open -= 2;
        if (open < 1 || !c.Doc.Span(c.Block, open).SequenceEqual("(")) return Typing.Pass;
        var before = CapitalizedNounTypingRules.WordAt(c, open - 1);
        if (before.IsEmpty || !c.Profile.Nouns.IsCommonWord(before)) return Typing.Pass;
        var initial = c.First[0];
        for (var k = open - 1; k >= 0 && k >= open - 7; k--)
        {
            var w = CapitalizedNounTypingRules.WordAt(c, k);
            if (!w.IsEmpty && w[0] == initial) return Typing.Pass;
        }
        return Typing.Drop;
    }
}

/// <summary>"Paul-Ehrlich-Institut", "Deutsche Gesellschaft für Immunologie", "Zweiten Weltkrieg": the head word says what the name is.</summary>
internal sealed class HeadedName : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length == 1 && !c.First.Contains('-')) return Typing.Pass;
        // the head is the last noun before a complement ("Gesellschaft" of "… Gesellschaft für Immunologie")
        for (var i = c.Start; i < c.End; i++)
        {
            if (i > c.Start && c.Profile.ComplementPrepositions.Contains(c.Word(i))) return KindOf(c, i - 1);
        }
        return KindOf(c, c.End - 1);
    }

    private static Typing KindOf(NameCandidate c, int k) => c.Profile.NameHeadKind(c.Word(k)) is { } type ? Typing.As(type) : Typing.Pass;
}

/// <summary>"Vereinten Nationen", "Berliner Charité": a capitalised adjective inside a sentence is part of a name, mostly a body's.</summary>
internal sealed class CapitalizedAdjectiveName : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length < 2 || c.AtSentenceStart) return Typing.Pass;
        return c.Profile.Nouns.IsAdjectiveOrVerbForm(c.First) || c.Profile.Demonyms.ContainsKey(c.First) || c.Profile.IsPlaceAdjective(c.First)
            ? Typing.As(EntityType.Organization) : Typing.Pass;
    }
}

/// <summary>"Cem Özdemir (Grüne)": a name in brackets right after a person's is the party.</summary>
internal sealed class PartyInParentheses : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        var toks = c.Doc.Tokens[c.Block];
        if (c.Start < 2 || c.End >= toks.Count || !c.Doc.Span(c.Block, c.Start - 1).SequenceEqual("(") || !c.Doc.Span(c.Block, c.End).SequenceEqual(")")) return Typing.Pass;
        var before = toks[c.Start - 2];
        return before.Kind == TokKind.Word && before.Cap && !c.Profile.Nouns.IsCommonWord(c.Doc.Span(c.Block, c.Start - 2))
            ? Typing.As(EntityType.Organization, orgCue: true) : Typing.Pass;
    }
}

/// <summary>"General Walerij Saluschnyj", "Soldat Andrij", "Frau Lemke": a title or person noun right before the name.</summary>
internal sealed class PersonByTitle : TypingRule
{
    public override Typing Decide(NameCandidate c) => c.Title is not null && c.Length <= 5 ? Typing.Person() : Typing.Pass;
}

/// <summary>
/// "Umweltschutzorganisation WWF", "Staatenbund Mercosur", "Impfstoffhersteller BioNTech": an organisation noun before the
/// name (not before a person's full name: "Bündnis Sahra Wagenknecht" names her).
/// </summary>
internal sealed class OrganizationNounBefore : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.FirstIsGivenName && c.Length >= 2) return Typing.Pass;
        var before = CapitalizedNounTypingRules.NounBefore(c);
        return !before.IsEmpty && c.Profile.HeadIn(c.Profile.OrgCueNouns, before) ? Typing.As(EntityType.Organization, orgCue: true) : Typing.Pass;
    }
}

/// <summary>"Gebiet Donezk", "Halbinsel Krim", "Amazonas-Metropole Manaus": a noun of places before the name.</summary>
internal sealed class PlaceNounBefore : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        var before = CapitalizedNounTypingRules.NounBefore(c);
        return !before.IsEmpty && c.Profile.HeadIn(c.Profile.PlaceNouns, before) ? Typing.As(EntityType.Location) : Typing.Pass;
    }
}

/// <summary>"Christine Falk", "Andrij": a given name first; alone it is weak evidence ("Krim" is a given name too).</summary>
internal sealed class GivenNameFirst : TypingRule
{
    private static readonly Typing Alone = new(TypingOutcome.Typed, EntityType.Person, WithRole: true);

    public override Typing Decide(NameCandidate c) => c.FirstIsGivenName && c.Length <= 5 ? (c.Length == 1 ? Alone : Typing.Person()) : Typing.Pass;
}

/// <summary>"…", sagt Andrij: the name right after a speech verb is its speaker (verb-second order puts the subject there).</summary>
internal sealed class SpeakerAfterSpeechVerb : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Length <= 4 && CapitalizedNounTypingRules.IsSpeechVerb(c, c.Start - 1) && !NameShapes.IsAcronym(c.First) && c.Kinds == NameKinds.None
            ? Typing.Person() : Typing.Pass;
}

/// <summary>
/// "Maxym erzählt von …": a name before a speech verb is its subject, unless a name or pronoun follows the verb
/// ("Zudem sagte Habeck": the word before the verb is then an adverb or an object).
/// </summary>
internal sealed class SubjectOfSpeechVerb : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length > 4 || !CapitalizedNounTypingRules.IsSpeechVerb(c, c.End) || NameShapes.IsAcronym(c.First) || c.Kinds != NameKinds.None) return Typing.Pass;
        var toks = c.Doc.Tokens[c.Block];
        var after = c.End + 1;
        if (after < toks.Count && toks[after].Kind == TokKind.Word && (toks[after].Cap || c.Profile.Pronouns.ContainsKey(c.Doc.Span(c.Block, after)))) return Typing.Pass;
        return Typing.Person();
    }
}

/// <summary>"bei Bachmut", "in Kiew", "auf der Krim", "im Amazonas": a name with nothing else to tell after a preposition of place.</summary>
internal sealed class PlaceAfterPreposition : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        var p = c.Profile;
        var prev = CapitalizedNounTypingRules.WordAt(c, c.Start - 1);
        if (prev.IsEmpty) return Typing.Pass;
        if (p.PlacePrepositions.Contains(prev)) return Typing.As(EntityType.Location);
        if (p.DefiniteArticles.Contains(prev) && p.PlaceArticlePrepositions.Contains(CapitalizedNounTypingRules.WordAt(c, c.Start - 2)))
            return Typing.As(EntityType.Location);
        return Typing.Pass;
    }
}

/// <summary>"Walerij Saluschnyj", "Ukrajinska Prawda": several name words with no other evidence are a person's name, unless an acronym is among them.</summary>
internal sealed class NameOfSeveralWords : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length < 2 || c.Length > 4) return Typing.Pass;
        for (var i = c.Start; i < c.End; i++)
            if (NameShapes.IsAcronym(c.Word(i)) || c.Profile.CommonCaps.Contains(c.Word(i))) return Typing.Drop;
        return c.AtSentenceStart && !c.FirstIsGivenName ? Typing.Drop : Typing.Person();
    }
}
