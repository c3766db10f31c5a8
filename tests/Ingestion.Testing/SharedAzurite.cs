using Ingestion.Host;

namespace Ingestion.Testing;

/// <summary>
/// One Azurite per test process (random free ports, in-memory), started on first use and killed when the process
/// exits. Tests isolate themselves by using unique blob names, so sharing it is safe and keeps the run fast.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync);

    public static Task<AzuriteProcess> GetAsync() => Instance.Value;

    private static async Task<AzuriteProcess> StartAsync()
    {
        var root = RepositoryPaths.Root;
        var azurite = await AzuriteProcess.StartAsync(root, location: null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.StopAsync().GetAwaiter().GetResult();
        return azurite;
    }
}

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding Ingestion.sln, found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Ingestion.sln not found above " + AppContext.BaseDirectory);
    }
}
