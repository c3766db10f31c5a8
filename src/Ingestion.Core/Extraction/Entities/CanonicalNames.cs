using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Gives each cluster the name the article gives it: the longest form it uses (for a person with gender from the
/// given-name data and a role; for anything else acronyms count last). A lexicon entity also keeps the lexicon's
/// canonical name (<see cref="Cluster.KnownAs"/>), so articles that write it differently still meet.
/// </summary>
internal static class CanonicalNames
{
    public static void Apply(ArticleText doc, LanguageProfile profile, List<Mention> mentions, List<Cluster> clusters)
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
                // "Uh-oh, Otto Otto Rehhagel's debut": a word twice in a row is a pun or a typo, not the name
                for (var i = 1; i < c.Words.Length; i++)
                    if (c.Words[i] == c.Words[i - 1]) { c.Words = [.. c.Words[..i], .. c.Words[(i + 1)..]]; c.Name = string.Join(' ', c.Words); break; }
                c.Gender = world.GivenNames.TryGetValue(c.Words[0], out var g) ? g : 'u';
                c.Role ??= c.Mentions.Find(x => x.Role is not null)?.Role ?? RelationalRole(c, mentions, clusters);
            }
            else
            {
                // As the article writes it ("Czech Republic", "CDU", "Britain"); the lexicon's name is kept as an alias.
                // a place by the form the article uses most ("China" five times over "People's Republic of China" once)
                var longest = c.Type == EntityType.Location ? MostUsed(c.Mentions) : Longest(c.Mentions, acronymsLast: true);
                if (c.Mentions.Exists(x => x.Kind == MentionKind.Known)) c.KnownAs = c.Name;
                c.Name = longest.Surface;
                c.Words = doc.WordsOf(longest);
                // "the Netherlands" is named "Netherlands"
                if (c.Words.Length > 1 && profile.DefiniteArticles.Contains(c.Words[0]))
                {
                    c.Name = c.Name[(c.Words[0].Length + 1)..];
                    c.Words = c.Words[1..];
                }
            }
        }
    }

    /// <summary>
    /// "He met his counterpart Xi Jinping": the office of the last person with a title named before the relational role
    /// ("President of Russia" gives "President"), or null.
    /// </summary>
    private static string? RelationalRole(Cluster c, List<Mention> mentions, List<Cluster> clusters)
    {
        var at = c.Mentions.Find(x => x.RelationalRole);
        if (at is null) return null;
        for (var i = mentions.IndexOf(at) - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.Cluster < 0 || m.Cluster == c.Id || clusters[m.Cluster].Type != EntityType.Person) continue;
            var role = clusters[m.Cluster].Role ?? clusters[m.Cluster].Mentions.Find(x => x.Role is not null)?.Role;
            if (role is null) continue;
            var of = role.IndexOf(" of ", StringComparison.Ordinal);
            return of > 0 ? role[..of] : role;
        }
        return null;
    }

    /// <summary>The mention whose surface the article uses most (acronyms last), the longest and then the earliest on ties.</summary>
    private static Mention MostUsed(List<Mention> mentions)
    {
        if (mentions.Count == 1) return mentions[0];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in mentions) counts[m.Surface] = counts.GetValueOrDefault(m.Surface) + 1;
        var best = mentions[0];
        int bestCount = -1, bestLen = -1;
        foreach (var m in mentions)
        {
            var count = NameShapes.IsAcronym(m.Surface) ? 0 : counts[m.Surface];
            if (count > bestCount || (count == bestCount && (m.WordCount > bestLen || (m.WordCount == bestLen && m.Position < best.Position))))
            { best = m; bestCount = count; bestLen = m.WordCount; }
        }
        return best;
    }

    /// <summary>The mention with the most words (acronyms count as none when asked), earliest on ties; inflected forms ("Brasiliens") last.</summary>
    private static Mention Longest(List<Mention> mentions, bool acronymsLast)
    {
        Mention best = mentions[0];
        var bestLen = -1;
        foreach (var m in mentions)
        {
            var len = (acronymsLast && NameShapes.IsAcronym(m.Surface) ? 0 : m.WordCount * 2) + (m.Inflected ? 0 : 1);
            if (len > bestLen || (len == bestLen && m.Position < best.Position)) { best = m; bestLen = len; }
        }
        return best;
    }
}
