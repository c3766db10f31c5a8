using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// One word, one sense: a single word an organisation noun introduces once ("the travel agency Caissa", "the magazine
/// Newsweek") is that organisation wherever it stands alone in the article ("Caissa admitted", "Newsweek said"), unless
/// a title or role noun makes one of its mentions a person ("spokesman Haribo" would). Runs after scanning, before
/// coreference, so that the mentions of the one thing meet in one cluster.
/// </summary>
internal static class CuedOrganizations
{
    public static void Apply(List<Mention> mentions)
    {
        List<string>? cued = null;
        foreach (var m in mentions)
            if (IsLoneTyped(m) && m.Type == EntityType.Organization && m.OrgCue && !(cued?.Contains(m.FirstWord) ?? false))
                (cued ??= []).Add(m.FirstWord);
        if (cued is null) return;
        foreach (var m in mentions)
            if (IsLoneTyped(m) && m.Type == EntityType.Person && m.Role is not null) cued.Remove(m.FirstWord);
        foreach (var m in mentions)
            if (IsLoneTyped(m) && m.Type == EntityType.Person && cued.Contains(m.FirstWord)) m.Type = EntityType.Organization;
    }

    private static bool IsLoneTyped(Mention m) => m.WordCount == 1 && m.Kind == MentionKind.Typed && !m.Inflected;
}
