using Ingestion.Pipeline;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestion.Testing;

/// <summary>The real pipeline services (the hosts' composition root) wired to the shared Azurite.</summary>
public sealed class TestPipeline : IAsyncDisposable
{
    private TestPipeline(ServiceProvider services, string connectionString)
    {
        Services = services;
        ConnectionString = connectionString;
    }

    public ServiceProvider Services { get; }
    public string ConnectionString { get; }
    public PipelineStorage Storage => Services.GetRequiredService<PipelineStorage>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TestPipeline> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var azurite = await SharedAzurite.GetAsync();
        var values = new Dictionary<string, string?> { [StorageNames.Connection] = azurite.ConnectionString };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddIngestionPipeline(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(validateScopes: true);
        var pipeline = new TestPipeline(provider, azurite.ConnectionString);
        await pipeline.Storage.EnsureCreatedAsync();
        return pipeline;
    }

    /// <summary>A blob name no other test uses, so tests sharing one Azurite never see each other's articles.</summary>
    public static string UniqueName(string suffix = ".txt") => $"tests/{Guid.NewGuid():N}{suffix}";

    public async Task DropAsync(string name, byte[] content) =>
        await Storage.Drop.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
