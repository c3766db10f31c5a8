using Ingestion.DevStorage;

namespace Ingestion.Testing;

/// <summary>Where the repository, its seeds and the projects' build output are, seen from a test.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root, found from the test binaries upwards.</summary>
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("no repository (package.json pinning azurite) above " + AppContext.BaseDirectory);

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>Debug or Release: test binaries sit at tests/X/bin/&lt;Configuration&gt;/net10.0, as every project's do.</summary>
    public static string BuildConfiguration { get; } =
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The output folder of a project under src/, built with the same configuration as the tests.</summary>
    public static string OutputOf(string project) => Path.Combine(Root, "src", project, "bin", BuildConfiguration, "net10.0");

    public static string Seed => Path.Combine(Seeds, "000_4cf934df87468c23.txt");

    /// <summary>The read-only dev set beside the repository (present on developer machines and in CI).</summary>
    public static string? SharedDevSet =>
        Directory.Exists(Path.Combine(Root, "..", "shared", "dw", "dev")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "dw", "dev")) : null;
}
