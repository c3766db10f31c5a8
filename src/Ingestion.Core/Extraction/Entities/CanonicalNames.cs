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
                // "Uh-oh, Otto Otto Rehhagel's debut": a word twice in a row is a pun or a typo, not the name
                for (var i = 1; i < c.Words.Length; i++)
                    if (c.Words[i] == c.Words[i - 1]) { c.Words = [.. c.Words[..i], .. c.Words[(i + 1)..]]; c.Name = string.Join(' ', c.Words); break; }
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
                // "the Netherlands" is named "Netherlands"
                if (c.Words.Length > 1 && profile.DefiniteArticles.Contains(c.Words[0]))
                {
                    c.Name = c.Name[(c.Words[0].Length + 1)..];
                    c.Words = c.Words[1..];
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
