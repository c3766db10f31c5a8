using System.Diagnostics;

namespace Ingestion.Pipeline.Tests;

public class TelemetryTests
{
    /// <summary>Spans are only created while someone listens: record every pipeline span.</summary>
    private static ActivityListener ListenToPipelineSpans()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PipelineTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Fact]
    public void The_extract_span_continues_the_trace_named_by_the_correlation_id()
    {
        using var listener = ListenToPipelineSpans();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        using var span = PipelineTelemetry.StartStage("extract", "0123456789abcdef", traceId);

        Assert.NotNull(span);
        Assert.Equal(traceId, span.TraceId.ToHexString());
        Assert.Equal("0123456789abcdef", span.GetTagItem("article.id"));
    }

    [Fact]
    public void A_correlation_id_that_is_not_a_trace_id_starts_a_new_trace()
    {
        using var listener = ListenToPipelineSpans();

        using var span = PipelineTelemetry.StartStage("extract", "0123456789abcdef", "x' or 1=1");

        Assert.NotNull(span);
        Assert.NotEqual(default, span.TraceId);
    }
}
