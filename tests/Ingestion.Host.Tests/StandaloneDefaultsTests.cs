using Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingestion.Host.Tests;

public class StandaloneDefaultsTests
{
    [Fact]
    public async Task The_standalone_host_reconciles_often_unless_configured_otherwise()
    {
        await using (var host = StandaloneHost.Build([]))
            Assert.Equal(TimeSpan.FromSeconds(10), host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.ReconcileAfter);

        await using var configured = StandaloneHost.Build([], new Dictionary<string, string?> { ["Ingestion:ReconcileAfter"] = "00:05:00" });
        Assert.Equal(TimeSpan.FromMinutes(5), configured.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.ReconcileAfter);
        Assert.Equal(TimeSpan.FromSeconds(5), configured.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.ReconcileInterval);
    }
}
