using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Gives each cluster the name the article gives it: the longest form it uses (for a person with gender from the
/// given-name data and a role; for anything else acronyms count last). A lexicon entity also keeps the lexicon's
/// canonical name (<see cref="Cluster.KnownAs"/>), so articles that write it differently still meet.
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
            else
            {
                // As the article writes it ("Czech Republic", "CDU", "Britain"); the lexicon's name is kept as an alias.
                var longest = Longest(c.Mentions, acronymsLast: true);
                if (c.Mentions.Exists(x => x.Kind == MentionKind.Known)) c.KnownAs = c.Name;
                c.Name = longest.Surface;
                c.Words = doc.WordsOf(longest);
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
