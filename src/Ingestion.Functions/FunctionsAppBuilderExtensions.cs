using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Ingestion.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Ingestion.Functions;

/// <summary>
/// The Functions app's composition root: <c>Program</c> calls it, and the tests build the same host from in-memory
/// configuration and resolve every function class and service from it (FunctionsCompositionTests).
/// </summary>
public static class FunctionsAppBuilderExtensions
{
    public static FunctionsApplicationBuilder AddIngestionFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddIngestionPipeline(builder.Configuration);

        // Traces and logs to Application Insights with Entra ID auth (local auth is disabled in infra/): the worker's
        // own spans join the host's through the Functions OpenTelemetry defaults (host.json "telemetryMode": "OpenTelemetry").
        var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        if (builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } connectionString)
        {
            telemetry.WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = AppInsightsCredential(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            }));
        }
        return builder;
    }

    /// <summary>"ClientId=&lt;guid&gt;;Authorization=AAD" → that user-assigned identity; otherwise the default credential chain.</summary>
    internal static Azure.Core.TokenCredential AppInsightsCredential(string? authentication)
    {
        var clientId = authentication?.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p is ["ClientId", _])?[1];
        return clientId is null ? new DefaultAzureCredential() : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
