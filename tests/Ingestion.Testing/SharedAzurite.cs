using Ingestion.DevStorage;

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
