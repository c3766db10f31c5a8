using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Pipeline.Tests;

/// <summary>Readiness probes storage (in parallel, each with its own timeout); liveness never touches it.</summary>
public class HealthTests
{
    private static JsonElement Body(ApiResult result) => JsonSerializer.SerializeToElement(result.Body, ApiJson.Options);

    [Fact]
    public async Task Readiness_reports_every_service_reachable_and_the_queue_depths()
    {
        await using var p = await TestPipeline.CreateAsync();
        var result = await p.Get<IngestionApi>().HealthAsync(default);

        Assert.Equal(200, result.StatusCode);
        var body = Body(result);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        foreach (var service in new[] { "blob", "queue", "table" })
            Assert.True(body.GetProperty("storage").GetProperty(service).GetProperty("reachable").GetBoolean(), service);
        Assert.Equal(0, body.GetProperty("queues").GetProperty("extractPoison").GetInt32());
        Assert.True(body.GetProperty("queues").GetProperty("extract").GetInt32() >= 0);
    }

    [Fact]
    public async Task Storage_that_accepts_connections_and_never_answers_makes_readiness_503_with_a_reason_per_service_and_liveness_stays_200()
    {
        // a black hole: connections are accepted and never answered, so only the probes' timeouts end the calls
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start(backlog: 64);
        var port = ((IPEndPoint)blackHole.LocalEndpoint).Port;
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Convert.ToBase64String(new byte[64]) +
            $";BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var services = new ServiceCollection().AddLogging();
        services.AddIngestionPipeline(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.Connection] = connection }).Build());
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<IngestionApi>();

        var ready = await api.HealthAsync(default);

        Assert.Equal(503, ready.StatusCode);
        var body = Body(ready);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            var health = body.GetProperty("storage").GetProperty(service);
            Assert.False(health.GetProperty("reachable").GetBoolean(), service);
            Assert.False(string.IsNullOrWhiteSpace(health.GetProperty("error").GetString()), service);
        }

        var live = await api.LivenessAsync(default);
        Assert.Equal(200, live.StatusCode);
        Assert.Equal("alive", Body(live).GetProperty("status").GetString());
    }
}
