using Ingestion.Pipeline.Storage;

namespace Ingestion.Pipeline.Results;

/// <summary>Which speakers a quote counts for: a group ("Vladimir Putin and Xi Jinping") counts for each of its members and itself.</summary>
public static class SpeakerKeys
{
    private static readonly string[] Separators = [",", " and ", ";", "&"];

    public static IReadOnlySet<string> Of(string speaker)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { TableKeys.EntityKey(speaker) };
        foreach (var part in speaker.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            keys.Add(TableKeys.EntityKey(part));
        return keys;
    }
}
