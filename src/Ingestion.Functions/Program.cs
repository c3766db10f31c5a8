using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Ingestion.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddIngestionPipeline(builder.Configuration);

// Traces and logs to Application Insights with Entra ID auth (local auth is disabled in infra/): the worker's own
// spans join the host's through the Functions OpenTelemetry defaults (host.json "telemetryMode": "OpenTelemetry").
var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
if (builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } connectionString)
{
    telemetry.WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(options =>
    {
        options.ConnectionString = connectionString;
        options.Credential = AppInsightsCredential(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }));
}

await builder.Build().RunAsync();

// "ClientId=<guid>;Authorization=AAD" → that user-assigned identity; otherwise the default credential chain.
static Azure.Core.TokenCredential AppInsightsCredential(string? authentication)
{
    var clientId = authentication?.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p is ["ClientId", _])?[1];
    return clientId is null ? new DefaultAzureCredential() : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
