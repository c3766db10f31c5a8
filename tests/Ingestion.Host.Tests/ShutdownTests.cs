using Ingestion.DevStorage;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Host.Tests;

/// <summary>Stopping the host when its storage has gone first: what Ctrl+C at a terminal does, Azurite sharing the process group.</summary>
public class ShutdownTests
{
    [Fact]
    public async Task A_host_whose_storage_has_gone_stops_within_its_shutdown_timeout_and_disposes_without_throwing()
    {
        var azurite = await AzuriteProcess.StartAsync(RepositoryPaths.Root);
        var app = StandaloneHost.Build(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            [StorageNames.Connection] = azurite.ConnectionString,
            ["Logging:LogLevel:Default"] = "None",
        }, handleSignals: false);
        await app.StartAsync();
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is JobHostService);
        await azurite.DisposeAsync();

        var stop = app.StopAsync(CancellationToken.None);
        // A hang detector, not a speed target: the SDK's own stop waited out the storage retries (24 s measured)
        // and ignored the shutdown timeout; bounded, the stop ends at about StandaloneHost.ShutdownTimeout.
        await stop.WaitAsync(StandaloneHost.ShutdownTimeout + TimeSpan.FromSeconds(10));
        // The SDK's dispose then stops a listener's timer a second time; that is reported, not thrown.
        await StandaloneHost.DisposeAfterStopAsync(app);
    }
}
