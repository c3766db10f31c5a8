using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Gives each cluster the name an analyst would look it up by: a person by the longest form the article uses (with
/// gender from the given-name data and a role); a lexicon name by its canonical form; any other name by its longest
/// form, with a leading country as the lexicon names it.
/// </summary>
internal static class CanonicalNames
{
    public static void Apply(ArticleText doc, LanguageProfile profile, List<Cluster> clusters)
    {
        var world = profile.World;
        foreach (var c in clusters)
        {
            if (c.Dropped) continue;
            if (c.Type == EntityType.Person)
            {
                var longest = Longest(c.Mentions, acronymsLast: false);
                c.Name = longest.Surface;
                c.Words = doc.WordsOf(longest);
                c.Gender = world.GivenNames.TryGetValue(c.Words[0], out var g) ? g : 'u';
                c.Role ??= c.Mentions.Find(x => x.Role is not null)?.Role;
            }
            else if (c.Mentions.TrueForAll(x => x.Kind != MentionKind.Known))
            {
                var longest = Longest(c.Mentions, acronymsLast: true);
                c.Name = longest.Surface;
                c.Words = doc.WordsOf(longest);
                // "US Court of Appeals …" -> "United States Court of Appeals …": the country by its canonical name.
                if (c.Type == EntityType.Organization && c.Words.Length >= 3 && world.Names.TryGetValue(c.Words[0], out var lead)
                    && Array.Find(lead, x => x.Tokens.Length == 1 && x.Type == EntityType.Location) is { } country && world.Countries.Contains(country.Canonical) && country.Canonical != c.Words[0])
                {
                    c.Name = country.Canonical + c.Name[c.Words[0].Length..];
                    c.Words = c.Name.Split(' ');
                }
            }
        }
    }

    /// <summary>The mention with the most words (acronyms count as none when asked), earliest on ties.</summary>
    private static Mention Longest(List<Mention> mentions, bool acronymsLast)
    {
        Mention best = mentions[0];
        var bestLen = -1;
        foreach (var m in mentions)
        {
            var len = acronymsLast && NameShapes.IsAcronym(m.Surface) ? 0 : m.WordCount;
            if (len > bestLen || (len == bestLen && m.Position < best.Position)) { best = m; bestLen = len; }
        }
        return best;
    }
}
