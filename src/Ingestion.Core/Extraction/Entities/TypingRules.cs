using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>What a typing rule decides about a name candidate.</summary>
internal readonly record struct Typing(TypingOutcome Outcome, EntityType Type = EntityType.Other, bool WithRole = false, bool PersonCue = false, bool OrgCue = false)
{
    public static readonly Typing Pass = new(TypingOutcome.Pass);
    public static readonly Typing Drop = new(TypingOutcome.Drop);
    public static readonly Typing Unknown = new(TypingOutcome.Unknown);
    public static Typing Person(bool withRole = true) => new(TypingOutcome.Typed, EntityType.Person, withRole, PersonCue: true);
    public static Typing As(EntityType type, bool orgCue = false) => new(TypingOutcome.Typed, type, OrgCue: orgCue);
}

internal enum TypingOutcome
{
    /// <summary>No decision: the next rule looks.</summary>
    Pass,
    /// <summary>Not a name: nothing is kept.</summary>
    Drop,
    /// <summary>A capitalised word with no evidence: kept only if it joins a known entity later.</summary>
    Unknown,
    /// <summary>A mention of the decided type.</summary>
    Typed,
}

/// <summary>One rule of <see cref="TypingRules"/>: looks at a candidate and decides, or passes to the next rule.</summary>
internal abstract class TypingRule
{
    public string Name => GetType().Name;
    public abstract Typing Decide(NameCandidate c);
}

/// <summary>
/// The typing rules in the order they are asked; the first that decides wins. Each is small and testable alone.
/// </summary>
internal static class TypingRules
{
    public static readonly TypingRule[] Ordered =
    [
        new TitleOfAWork(),
        new LoneCommonWord(),
        new LoneDateWord(),
        new TitleWithoutName(),
        new CamelCaseBrand(),
        new LawOrAgreement(),
        new KnownName(),
        new EventHead(),
        new PlaceHead(),
        new OrganizationHead(),
        new LoneAcronym(),
        new LoneWordWithPersonCue(),
        new FamilyName(),
        new LoneWordWithOrganizationCue(),
        new LoneOrdinaryWord(),
        new PlaceNounNearby(),
        new CompassPoint(),
        new LoneKnownName(),
        new PersonAfterPossessiveOwner(),
        new PersonDescribedByAge(),
        new AfterPlacePreposition(),
        new LoneUnknownWord(),
        new PlaceInsideName(),
        new ForeignArticleName(),
        new OrganizationCueBefore(),
        new OrganizationCueAfter(),
        new AcronymInsideName(),
        new PersonNameShape(),
        new PersonCueOnShortName(),
    ];
}

/// <summary>
/// "The Yacoubian Building", "I Want a Famous Face", "Five Wise Men": capitalised words that fill a whole quote are the
/// title of a work or a coined name, not an entity, unless the reference data knows them.
/// </summary>
internal sealed class TitleOfAWork : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        var toks = c.Doc.Tokens[c.Block];
        var q = toks[c.Start].InQuote;
        if (q < 0 || c.Kinds != NameKinds.None || c.PersonCue) return Typing.Pass;
        var quote = c.Doc.Quotes[q];
        // 'the daily "Rheinische Post"': an organisation noun before the quote names a body
        if (quote.Open > 0 && c.Doc.Tokens[c.Block][quote.Open - 1].Kind == TokKind.Word && c.Profile.OrgCueNouns.Contains(c.Doc.Span(c.Block, quote.Open - 1))) return Typing.Pass;
        for (var k = quote.Open + 1; k < quote.Close && k < toks.Count; k++)
            if (toks[k].Kind == TokKind.Word && (k < c.Start || k >= c.End) && (toks[k].Cap || !c.Profile.IsCommonWord(c.Doc.Span(c.Block, k)) || !IsSmallWord(c, k))) return Typing.Pass;
        return Typing.Drop;
    }

    /// <summary>"a", "the", "of": the small words a title's capitals leave out.</summary>
    private static bool IsSmallWord(NameCandidate c, int k)
    {
        var w = c.Doc.Span(c.Block, k);
        return c.Profile.DefiniteArticles.Contains(w) || c.Profile.IndefiniteArticles.Contains(w) || c.Profile.ComplementPrepositions.Contains(w) || c.Profile.Coordinators.Contains(w);
    }
}

/// <summary>"However", "Monday": capitalised function words and dates are never names alone.</summary>
internal sealed class LoneCommonWord : TypingRule
{
    public override Typing Decide(NameCandidate c) => c.Length == 1 && c.Profile.CommonCaps.Contains(c.First) ? Typing.Drop : Typing.Pass;
}

/// <summary>"Jan. 20", "Oct 3": a month's abbreviation before a date is no name ("Jan" is also a given name).</summary>
internal sealed class LoneDateWord : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length != 1 || !c.Profile.DateWords.Contains(c.First)) return Typing.Pass;
        var toks = c.Doc.Tokens[c.Block];
        if (c.End >= toks.Count) return Typing.Pass;
        var next = toks[c.End];
        return next.Kind == TokKind.Number || (next.Kind == TokKind.Punct && c.Doc.Span(c.Block, c.End) is ".") ? Typing.Drop : Typing.Pass;
    }
}

/// <summary>"Executive Secretary", "Minister": a title with no name after it is a role, not an entity.</summary>
internal sealed class TitleWithoutName : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        (c.Length == 1 || c.Title is null) && c.Profile.Titles.ContainsKey(c.Last) && !c.FirstIsGivenName && c.Length <= 2 ? Typing.Drop : Typing.Pass;
}

/// <summary>MoDem, BioNTech, YouTube: camel-case single words are brands and organisations.</summary>
internal sealed class CamelCaseBrand : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Length == 1 && NameShapes.HasInnerCapital(c.First, c.Profile) ? Typing.As(EntityType.Organization) : Typing.Pass;
}

/// <summary>"Lisbon Treaty", "Dayton Agreement", "Patriot Act": treaties, laws and plans are no person, body or place.</summary>
internal sealed class LawOrAgreement : TypingRule
{
    public override Typing Decide(NameCandidate c) => c.Length >= 2 && c.Profile.WorkHeads.Contains(c.Last) ? Typing.Drop : Typing.Pass;
}

/// <summary>
/// What the reference data (WordNet, GeoNames) says a name of several words is, when it says one thing:
/// "Mexico City" is a place, "Irving Berlin" a person, "Red Cross" an organisation.
/// </summary>
internal sealed class KnownName : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length < 2) return Typing.Pass;
        return KnownKinds.Single(c.Kinds) is { } type ? (type == EntityType.Person ? Typing.Person() : Typing.As(type)) : Typing.Pass;
    }
}

/// <summary>
/// A single word the reference data knows: "Nixon" and "Goethe" are persons, "Darmstadt" and "Helmand" places,
/// "Hezbollah" an organisation. A person who shares a town's name ("Clinton") is the person, unless the town is a big
/// city ("Washington"). At a sentence start the word must be no English word at all ("Reading the report, …").
/// </summary>
internal sealed class LoneKnownName : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length != 1) return Typing.Pass;
        var kinds = c.Kinds;
        if (kinds == NameKinds.None || c.Profile.IsCommonWord(c.First)) return Typing.Pass;
        var alsoAWord = c.Profile.HasCommonForm(c.First);
        if (c.AtSentenceStart && alsoAWord) return Typing.Pass;
        if ((kinds & (NameKinds.BigCity | NameKinds.City | NameKinds.Region)) != 0 && (kinds & NameKinds.Person) == 0 && c.IsClubByItsCity()) return Typing.As(EntityType.Organization, orgCue: true);
        // a small town or a region that is also a word ("Green", "Delta") is the word
        if (alsoAWord && (kinds & (NameKinds.Person | NameKinds.Location | NameKinds.Organization | NameKinds.Event | NameKinds.BigCity)) == 0) return Typing.Pass;
        if ((kinds & NameKinds.BigCity) != 0) return Typing.As(EntityType.Location);
        // "Hope", "Day", "Hall" are persons in WordNet too; a person's name alone is trusted only when it is no word
        if ((kinds & NameKinds.Person) != 0 && !alsoAWord && !c.Profile.World.OrganizationFirstWords.Contains(c.First)) return Typing.Person();
        // "Earth", "Mars": a place that is also a god or a word is the place
        if ((kinds & NameKinds.Person) != 0 && (kinds & (NameKinds.Location | NameKinds.City | NameKinds.Region)) != 0) return Typing.As(EntityType.Location);
        if ((kinds & NameKinds.Person) != 0) return Typing.Pass;
        return KnownKinds.Single(kinds) is { } type ? Typing.As(type) : Typing.Pass;
    }
}

/// <summary>"the small town of Tanhuato", "the province of Binh Dinh", "the western Sauerland region": a place noun names a place.</summary>
internal sealed class PlaceNounNearby : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length > 3 || c.PersonCue && c.Title is not null) return Typing.Pass;
        // "the central province of Binh Dinh", "in Newtown", "in Khan Sheikhoun": a place noun or "in" before
        if (c.Length > 1 || !c.First.Contains('-'))
        {
            var toks = c.Doc.Tokens[c.Block];
            if (c.Start >= 2 && c.Profile.TitleComplementPrepositions.Contains(c.PrevLower) && toks[c.Start - 2].Kind == TokKind.Word
                && c.Profile.PlaceNouns.Contains(c.Doc.Span(c.Block, c.Start - 2)))
                return Typing.As(EntityType.Location);
        }
        if (c.Length != 1 || c.First.Contains('-')) return Typing.Pass;
        // "the Sicilian region", "an inefficient state": an adjective before the noun is no place's name
        if (c.Profile.HasCommonForm(c.First) || EndsWithAny(c.First, c.Profile.AdjectiveSuffixes)) return Typing.Pass;
        return c.Profile.PlaceNouns.Contains(c.NextLower) ? Typing.As(EntityType.Location) : Typing.Pass;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> w, string[] suffixes)
    {
        foreach (var s in suffixes)
            if (w.EndsWith(s, StringComparison.Ordinal)) return true;
        return false;
    }
}

/// <summary>"the West", "the North": a capitalised compass word alone names a region.</summary>
internal sealed class CompassPoint : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Length == 1 && !c.AtSentenceStart && c.Profile.DirectionWords.Contains(c.First) ? Typing.As(EntityType.Location) : Typing.Pass;
}

/// <summary>The entity type reference data gives a name, when it gives exactly one.</summary>
internal static class KnownKinds
{
    public static EntityType? Single(NameKinds kinds)
    {
        EntityType? type = null;
        if ((kinds & NameKinds.Person) != 0) type = EntityType.Person;
        if ((kinds & (NameKinds.Location | NameKinds.City | NameKinds.Region)) != 0) { if (type is not null) return null; type = EntityType.Location; }
        if ((kinds & NameKinds.Organization) != 0) { if (type is not null) return null; type = EntityType.Organization; }
        if ((kinds & NameKinds.Event) != 0) { if (type is not null) return null; type = EntityType.Event; }
        return type;
    }
}

/// <summary>"Munich Security Conference", "Winter Olympics": an event head last.</summary>
internal sealed class EventHead : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Profile.EventHeads.Contains(c.Last) && (c.Length >= 2 || c.Profile.SingleWordEvents.Contains(c.Last)) ? Typing.As(EntityType.Event) : Typing.Pass;
}

/// <summary>"Tiananmen Square", "Lake Chad", "Suez Canal": a place head last or a place word first, and no organisation head.</summary>
internal sealed class PlaceHead : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Length >= 2 && (c.Profile.LocationHeads.Contains(c.Last) || c.Profile.LocationLeadWords.Contains(c.First)) && !c.HasOrgHead()
            ? Typing.As(EntityType.Location) : Typing.Pass;
}

/// <summary>"Free Democratic Party", "University of Mainz", "Robert Koch Institute": an organisation head.</summary>
internal sealed class OrganizationHead : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Length >= 2 && c.ContainsHead() && c.HasOrgHead() ? Typing.As(EntityType.Organization) : Typing.Pass;
}

/// <summary>"NATO", "AfD"-like upper-case words are organisations (countries in the lexicon were matched before).</summary>
internal sealed class LoneAcronym : TypingRule
{
    public override Typing Decide(NameCandidate c) => c.Length == 1 && NameShapes.IsAcronym(c.First) ? Typing.As(EntityType.Organization) : Typing.Pass;
}

/// <summary>"President Biden", "spokesman Della", "Merkel said" (when "Merkel" is no ordinary word, nor "We've").</summary>
internal sealed class LoneWordWithPersonCue : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length != 1) return Typing.Pass;
        // "the Islamist Islah party": an organisation noun after it outweighs a given name's likeness
        if (c.Title is null && c.Profile.OrgNounsAfter.Contains(c.NextLower) && !c.Profile.RoleNouns.Contains(c.PrevLower)) return Typing.Pass;
        // "the travel agency Caissa admitted", "the magazine Newsweek commented": organisations speak too
        if (!c.PersonCue && c.Profile.OrgCueNouns.Contains(c.PrevLower)) return Typing.Pass;
        return c.PersonCue || (c.SpeechAfter && !c.Doc.SeenLower(c.First) && !c.Profile.IsCommonWord(c.First) && !c.First.Contains('\'')) ? Typing.Person() : Typing.Pass;
    }
}

/// <summary>"the Assad family", "the Kennedy clan".</summary>
internal sealed class FamilyName : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Length == 1 && c.Profile.FamilyNouns.Contains(c.NextLower) && !c.Doc.SeenLower(c.First) ? Typing.Person(withRole: false) : Typing.Pass;
}

/// <summary>"news agency Xinhua", "Gazprom company": an organisation noun next to a single word.</summary>
internal sealed class LoneWordWithOrganizationCue : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length != 1) return Typing.Pass;
        var cued = c.Profile.OrgCueNouns.Contains(c.PrevLower) || (c.Profile.OrgCueNouns.Contains(c.NextLower) && !c.Doc.SeenLower(c.First))
            || AfterOrganizationNounAndComma(c) || OwnsAPlayer(c) || OwnsWhatOnlyBodiesOwn(c);
        return cued ? Typing.As(EntityType.Organization, orgCue: true) : Typing.Pass;
    }

    /// <summary>"the federal statistics office, Destatis, said": the name set beside an organisation noun.</summary>
    private static bool AfterOrganizationNounAndComma(NameCandidate c)
    {
        if (c.Start < 2) return false;
        var toks = c.Doc.Tokens[c.Block];
        return c.Doc.Span(c.Block, c.Start - 1) is "," && toks[c.Start - 2].Kind == TokKind.Word && !toks[c.Start - 2].Cap
            && c.Profile.OrganizationNouns.Contains(c.Doc.Span(c.Block, c.Start - 2));
    }

    /// <summary>"Walmart's workforce", "Walmart's more than 5,000 stores": the owner of what only a body owns.</summary>
    private static bool OwnsWhatOnlyBodiesOwn(NameCandidate c)
    {
        var toks = c.Doc.Tokens[c.Block];
        if (c.End + 1 >= toks.Count || toks[c.End].Kind != TokKind.Poss) return false;
        // "China's workforce": a country or town owns them too
        if ((c.Kinds & (NameKinds.Location | NameKinds.City | NameKinds.Region)) != 0 || c.Profile.World.Countries.Contains(c.First)) return false;
        // the noun right after the possessive, or after a few words of number ("more than 5,000 stores")
        for (var k = c.End + 1; k < toks.Count && k <= c.End + 5; k++)
        {
            if (toks[k].Kind == TokKind.Word && toks[k].Cap) return false;
            if (toks[k].Kind == TokKind.Word && c.Profile.OrganizationPossessions.Contains(c.Doc.Span(c.Block, k))) return true;
        }
        return false;
    }

    /// <summary>"behind Ferrari's Sebastian Vettel": in a sports story, whoever owns a player by name is a team.</summary>
    private static bool OwnsAPlayer(NameCandidate c)
    {
        var toks = c.Doc.Tokens[c.Block];
        if (c.End + 2 >= toks.Count || toks[c.End].Kind != TokKind.Poss || !c.Doc.IsAboutSport(c.Profile)) return false;
        return c.IsCap(c.End + 1) && c.IsCap(c.End + 2) && c.Profile.World.GivenNames.ContainsKey(c.Word(c.End + 1));
    }
}

/// <summary>A single word the article also uses in lower case: a capital at sentence start, not a name.</summary>
internal sealed class LoneOrdinaryWord : TypingRule
{
    public override Typing Decide(NameCandidate c) => c.Length == 1 && c.Doc.SeenLower(c.First) ? Typing.Drop : Typing.Pass;
}

/// <summary>"Kaiserslautern's Rodnei": in a sports story an unknown word owned by a club is one of its players.</summary>
internal sealed class PersonAfterPossessiveOwner : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length != 1 || c.Start < 2 || !c.Doc.IsAboutSport(c.Profile) || c.Profile.HasCommonForm(c.First)) return Typing.Pass;
        var toks = c.Doc.Tokens[c.Block];
        var owner = toks[c.Start - 2];
        return toks[c.Start - 1].Kind == TokKind.Poss && owner.Kind == TokKind.Word && owner.Cap && !c.Doc.SeenLower(c.First) ? Typing.Person(withRole: false) : Typing.Pass;
    }
}

/// <summary>"Ranjan, a 34-year-old who works for …": a name an age describes is a person's.</summary>
internal sealed class PersonDescribedByAge : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        var toks = c.Doc.Tokens[c.Block];
        var e = c.End;
        if (c.Length != 1 || e + 2 >= toks.Count || c.Doc.Span(c.Block, e) is not "," || !c.Profile.IndefiniteArticles.Contains(c.Doc.Span(c.Block, e + 1))) return Typing.Pass;
        var age = c.Doc.Span(c.Block, e + 2);
        foreach (var suffix in c.Profile.AgeSuffixes)
            if (age.EndsWith(suffix, StringComparison.Ordinal)) return Typing.Person(withRole: false);
        return Typing.Pass;
    }
}

/// <summary>"in Newtown", "in Khan Sheikhoun", "near Locri": after "in" a name that is no person's, body's or title's is a place.</summary>
internal sealed class AfterPlacePreposition : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length > 3 || !c.Profile.PlacePrepositions.Contains(c.PrevLower) || c.PersonCue || c.Profile.IsCommonWord(c.First) || c.Doc.SeenLower(c.First)) return Typing.Pass;
        if (c.HasOrgHead() || c.Profile.EventHeads.Contains(c.Last) || c.Profile.ForeignArticles.Contains(c.First)) return Typing.Pass;
        // "in EU-China relations", "in Southeast Asian waters": a compound of names or a nationality is no place's name
        if (c.First.Contains('-') || c.Profile.Demonyms.ContainsKey(c.Last) || c.Doc.IsAboutSport(c.Profile)) return Typing.Pass;
        // a person or a body the reference data knows ("interest in Goethe") is not made a place
        for (var i = c.Start; i < c.End; i++)
            if (c.Profile.World.Kinds.TryGetValue(c.Word(i), out var k) && (k & (NameKinds.Person | NameKinds.Organization)) != 0) return Typing.Pass;
        return Typing.As(EntityType.Location);
    }
}

/// <summary>Any other single capitalised word: kept only when it turns out to be part of a known entity's name.</summary>
internal sealed class LoneUnknownWord : TypingRule
{
    public override Typing Decide(NameCandidate c) => c.Length == 1 ? Typing.Unknown : Typing.Pass;
}

/// <summary>"Bayern Munich", "Hertha Berlin" are clubs named after a place; "East Jerusalem", "Northern Syria" are places.</summary>
internal sealed class PlaceInsideName : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        // "Hertha Berlin", "Ajax Amsterdam": a given name before a city still makes a club, not a person; so does a city
        // before a team's plural ("Cleveland Indians", "Dallas Mavericks")
        var club = c.Title is null && !c.Profile.RoleNouns.Contains(c.PrevLower) && c.Length == 2
            && (IsPlace(c, c.End - 1) || (IsPlace(c, c.Start) && c.Last.EndsWith('s')));
        if (c.PersonCue && !club) return Typing.Pass;
        // "Milan Nedic", "Florence Hartmann": a town's name that is a given name, then a surname
        if (c.Length == 2 && c.IsGivenNameSurname()) return Typing.Pass;
        for (var i = c.Start; i < c.End; i++)
        {
            if (!IsPlace(c, i)) continue;
            var direction = i == c.Start + 1 && c.Profile.DirectionWords.Contains(c.First);
            return Typing.As(direction && c.Length == 2 ? EntityType.Location : EntityType.Organization);
        }
        return Typing.Pass;
    }

    private static bool IsPlace(NameCandidate c, int i) =>
        (c.Profile.World.Names.TryGetValue(c.Word(i), out var lexs) && Array.Exists(lexs, x => x.Tokens.Length == 1 && x.Type == EntityType.Location))
        || (c.Profile.World.Kinds.TryGetValue(c.Word(i), out var kinds) && (kinds & NameKinds.BigCity) != 0 && (kinds & NameKinds.Person) == 0);
}

/// <summary>
/// "Die Welt", "Il Messaggero", "To Vima": a name led by another language's article is a title or a body, not a person.
/// An article that also starts surnames ("Le Pen", "De Gaulle") needs an organisation noun before it ("the daily Le Figaro").
/// </summary>
internal sealed class ForeignArticleName : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length < 2 || !c.Profile.ForeignArticles.Contains(c.First)) return Typing.Pass;
        var alsoASurnameParticle = LanguageProfile.InLowerCase(c.First, c.Profile.NameParticles);
        return !alsoASurnameParticle || c.Profile.OrgCueNouns.Contains(c.PrevLower) ? Typing.As(EntityType.Organization) : Typing.Pass;
    }
}

/// <summary>"the daily Süddeutsche Zeitung", "carmaker Rolls Royce": an organisation noun right before a name of several words.</summary>
internal sealed class OrganizationCueBefore : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Length >= 2 && c.Title is null && !c.FirstIsGivenName && c.Profile.OrgCueNouns.Contains(c.PrevLower) ? Typing.As(EntityType.Organization, orgCue: true) : Typing.Pass;
}

/// <summary>"Mother Jones magazine", "the UIL Trasporti union": a media or organisation noun right after a name of several words.</summary>
internal sealed class OrganizationCueAfter : TypingRule
{
    public override Typing Decide(NameCandidate c) =>
        c.Length >= 2 && c.Title is null && !c.FirstIsGivenName && (c.Profile.MediaNouns.Contains(c.NextLower) || c.Profile.OrgNounsAfter.Contains(c.NextLower))
            ? Typing.As(EntityType.Organization, orgCue: true) : Typing.Pass;
}

/// <summary>
/// "AS Roma", "HSBC Trinkaus", "IG Metall", "BATE Borisov": a name of several words with an acronym among them is a
/// body, not a person, unless something says person (a title, a role noun). Initials ("J.P.") and regnal numbers
/// ("Elizabeth II") are no acronyms here.
/// </summary>
internal sealed class AcronymInsideName : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length < 2 || c.PersonCue || c.Title is not null) return Typing.Pass;
        for (var i = c.Start; i < c.End; i++)
        {
            var w = c.Word(i);
            if (NameShapes.IsAcronym(w) && !w.Contains('.') && !NameShapes.IsRomanNumeral(w)) return Typing.As(EntityType.Organization);
        }
        return Typing.Pass;
    }
}

/// <summary>Several capitalised words with no organisation or event head: a person's name when every word looks like a name.</summary>
internal sealed class PersonNameShape : TypingRule
{
    public override Typing Decide(NameCandidate c)
    {
        if (c.Length > 5) return Typing.Pass;
        var p = c.Profile;
        // "Public Policy", "Small Hands", "Liberation Tigers": ordinary words capitalised are a phrase or a title, no one's name
        var allOrdinary = true;
        for (var i = c.Start; i < c.End && allOrdinary; i++) allOrdinary = !c.IsCap(i) || p.IsCommonWord(c.Word(i));
        if (allOrdinary) return Typing.Pass;
        // "Credit Suisse", "Teneo Intelligence", "Royal Blues": with no given name first and nothing else saying person,
        // an ordinary word among the capitals makes it a body's or a thing's name more often than a person's
        if (!c.PersonCue && !c.SpeechAfter && !p.World.GivenNames.ContainsKey(c.First))
            for (var i = c.Start; i < c.End; i++)
                if (c.IsCap(i) && p.IsCommonWord(c.Word(i))) return Typing.Pass;
        for (var i = c.Start; i < c.End; i++)
        {
            if (!c.IsCap(i)) continue;
            var w = c.Word(i);
            if (p.CommonCaps.Contains(w) || p.Demonyms.ContainsKey(w) || p.KeeperWords.Contains(w)) return Typing.Pass;
            // "Green Deal", "New Year": a word the article also uses in lower case is not part of a person's name
            if (!c.PersonCue && c.Doc.SeenLower(w)) return Typing.Pass;
            if (p.World.Names.ContainsKey(w) && !p.GivenNameCues.Contains(w) && i == c.Start && !c.PersonCue && !(c.Length == 2 && c.IsGivenNameSurname())) return Typing.Pass;
        }
        return Typing.Person();
    }
}

/// <summary>A short span with a title, role noun or given name before it is a person even when a word looks ordinary.</summary>
internal sealed class PersonCueOnShortName : TypingRule
{
    public override Typing Decide(NameCandidate c) => c.PersonCue && c.Length <= 4 ? Typing.Person() : Typing.Pass;
}
