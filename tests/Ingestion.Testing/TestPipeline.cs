using Azure.Storage.Queues.Models;
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

    /// <summary>The clean stage's pointer for article <paramref name="id"/>, taken off the shared extract queue.</summary>
    public async Task<QueueMessage> TakePointerAsync(string id) =>
        (await TakePointersAsync(m => m.Id == id, expected: 1)).FirstOrDefault() ?? throw new InvalidOperationException("no extract message for " + id);

    /// <summary>
    /// Takes the extract-queue messages that <paramref name="match"/> off the queue every test shares (the others
    /// reappear after a second): receives until <paramref name="expected"/> are found or 30 s pass, then
    /// <paramref name="extraRounds"/> more receives, so an unexpected extra one is taken (and counted) too.
    /// </summary>
    public async Task<List<QueueMessage>> TakePointersAsync(Func<ExtractMessage, bool> match, int expected, int extraRounds = 0)
    {
        var taken = new List<QueueMessage>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && (taken.Count < expected || extraRounds-- > 0))
        {
            var received = (await Storage.ExtractQueue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value;
            foreach (var m in received)
            {
                if (ExtractMessage.TryParse(m.Body.ToString()) is not { } message || !match(message)) continue;
                await Storage.ExtractQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                taken.Add(m);
            }
            if (received.Length == 0) await Task.Delay(100);
        }
        return taken;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
