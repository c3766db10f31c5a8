using System.Reflection;

namespace Ingestion.Core.Cleaning;

/// <summary>The cleaning data embedded in the assembly (<c>Data/cleaning/**</c>), read by file path.</summary>
internal static class DataFiles
{
    private const string Prefix = "Ingestion.Core.Data.cleaning.";
    private static readonly Assembly Assembly = typeof(DataFiles).Assembly;

    /// <summary>The text of <c>Data/cleaning/<paramref name="path"/></c>, e.g. <c>layouts/old.json</c>.</summary>
    public static string Read(string path)
    {
        var wanted = Prefix + Dotted(path);
        foreach (var name in Assembly.GetManifestResourceNames())
            if (Dotted(name) == wanted) return ReadResource(name);
        throw new InvalidOperationException("missing embedded data file Data/cleaning/" + path);
    }

    /// <summary>The texts of every <c>Data/cleaning/<paramref name="folder"/>/*.json</c>.</summary>
    public static IEnumerable<string> ReadAll(string folder)
    {
        var prefix = Prefix + Dotted(folder) + ".";
        foreach (var name in Assembly.GetManifestResourceNames())
        {
            var dotted = Dotted(name);
            if (dotted.StartsWith(prefix, StringComparison.Ordinal) && dotted.EndsWith(".json", StringComparison.Ordinal))
                yield return ReadResource(name);
        }
    }

    // the csproj's LogicalName keeps the folder separator of the build machine ('/' or '\'): compare with dots
    private static string Dotted(string name) => name.Replace('/', '.').Replace('\\', '.');

    private static string ReadResource(string name)
    {
        using var s = Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing embedded resource " + name);
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
