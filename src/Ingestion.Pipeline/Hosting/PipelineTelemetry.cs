using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Ingestion.Pipeline;

/// <summary>
/// Traces: one trace per article, from the clean stage through the queue to the extract stage (the trace id
/// travels in the queue message as the correlation id and is kept in the status row).
/// </summary>
public static class PipelineTelemetry
{
    public const string SourceName = "Ingestion.Pipeline";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts a stage span. A correlation id that is a W3C trace id continues that trace, so the extract span of
    /// an article sits in the same trace as its clean span even though a queue lies between them.
    /// </summary>
    public static Activity? StartStage(string name, string articleId, string? correlationId = null)
    {
        ActivityContext parent = default;
        if (Activity.Current is null && correlationId is { Length: 32 } && correlationId.All(char.IsAsciiHexDigitLower))
            parent = new ActivityContext(ActivityTraceId.CreateFromString(correlationId), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var activity = parent == default ? Source.StartActivity(name) : Source.StartActivity(name, ActivityKind.Consumer, parent);
        activity?.SetTag("article.id", articleId);
        return activity;
    }

    /// <summary>
    /// Whether spans go anywhere: an OTLP endpoint or Application Insights is configured. Without one, recording a
    /// span for each of the ~45 storage calls per article only costs CPU (measured with `ingest load`, see
    /// docs/PERFORMANCE.md), so the hosts register no tracing at all.
    /// </summary>
    public static bool IsExportConfigured(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ||
        !string.IsNullOrEmpty(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);

    /// <summary>
    /// Registers tracing for the pipeline's spans and the Azure SDK's; exports over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the Functions app adds Azure Monitor on top).
    /// </summary>
    public static TracerProviderBuilder AddPipelineTracing(this TracerProviderBuilder tracing, IConfiguration configuration)
    {
        tracing.AddSource(SourceName).AddSource("Azure.*");
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            tracing.AddOtlpExporter();
        return tracing;
    }
}
