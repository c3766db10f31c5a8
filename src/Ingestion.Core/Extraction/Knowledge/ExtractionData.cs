using System.Collections.Frozen;
using System.Text;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Reads the embedded files under <c>Data/extraction</c> by their path there ("en/titles.tsv"). Lines starting with
/// '#' are comments; blank lines are skipped.
/// </summary>
internal static class ExtractionData
{
    private const string Prefix = "Ingestion.Core.Data.extraction.";

    /// <summary>Path under Data/extraction with '.' separators -> the manifest resource name (RecursiveDir keeps the OS separator).</summary>
    private static readonly FrozenDictionary<string, string> Resources = typeof(ExtractionData).Assembly.GetManifestResourceNames()
        .Select(n => (Key: n.Replace('/', '.').Replace('\\', '.'), Name: n))
        .Where(r => r.Key.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(r => r.Key[Prefix.Length..], r => r.Name, StringComparer.Ordinal);

    public static bool Exists(string path) => Resources.ContainsKey(Key(path));

    public static Stream Open(string path) =>
        Resources.TryGetValue(Key(path), out var name)
            ? typeof(ExtractionData).Assembly.GetManifestResourceStream(name)!
            : throw new InvalidOperationException($"Embedded extraction data Data/extraction/{path} is missing.");

    /// <summary>The file's lines without comments and blank lines; an optional file that is absent has none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static List<string> Lines(string path, bool optional = false)
    {
        var result = new List<string>();
        if (optional && !Exists(path)) return result;
        using var reader = new StreamReader(Open(path), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            result.Add(line.TrimEnd());
        }
        return result;
    }

    /// <summary>Tab-separated rows with a non-empty first field.</summary>
    public static IEnumerable<string[]> Rows(string path, bool optional = false) =>
        Lines(path, optional).Select(l => l.Split('\t')).Where(r => r[0].Length > 0);

    private static string Key(string path) => path.Replace('/', '.');
}
