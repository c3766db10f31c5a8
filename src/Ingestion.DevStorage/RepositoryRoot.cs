namespace Ingestion.DevStorage;

/// <summary>The repository a command or a test runs in: the folder whose package.json pins azurite (Ingestion.sln sits beside it).</summary>
public static class RepositoryRoot
{
    /// <summary>Found from the working directory, else from the binaries; null outside the repository.</summary>
    public static string? Find() => Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory);

    /// <summary>Walks up from <paramref name="start"/>; null when no folder above it holds the pinned package.json.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var package = Path.Combine(dir.FullName, "package.json");
            if (File.Exists(package) && File.ReadAllText(package).Contains("\"azurite\"", StringComparison.Ordinal))
                return dir.FullName;
        }
        return null;
    }
}
