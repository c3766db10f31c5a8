using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Ingestion.Pipeline;

/// <summary>
/// The one Polly pipeline of the system: around a stage's storage writes taken as a unit (each write in it is
/// idempotent, so the unit can be retried). Retry layers and their jobs, innermost first:
/// 1. Azure SDK: each storage call, 3 tries, exponential from 0.8 s (transport blips).
/// 2. This pipeline: the whole write unit, 3 tries with jittered backoff, a 60 s timeout per try, and a circuit
///    breaker that stops hammering a storage account that is down.
/// 3. The trigger: the queue's dequeue count (5) or the blob trigger's 5 tries, then the poison queue, whose
///    handler marks the article failed.
/// </summary>
public sealed class StorageWriteResilience
{
    public const string PipelineName = "ingestion-storage-writes";

    public StorageWriteResilience(ResiliencePipeline pipeline) => Pipeline = pipeline;

    public ResiliencePipeline Pipeline { get; }

    public ValueTask ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        Pipeline.ExecuteAsync(async ct => await work(ct), cancellationToken);

    /// <summary>Configures the pipeline; <paramref name="baseDelay"/> is shortened in tests.</summary>
    public static void Configure(ResiliencePipelineBuilder builder, TimeSpan? baseDelay = null)
    {
        var transient = new PredicateBuilder()
            .Handle<Azure.RequestFailedException>(e => e.Status is 0 or 408 or 429 or >= 500)
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .Handle<IOException>();
        builder
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromSeconds(1),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.8,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(10),
            })
            .AddTimeout(TimeSpan.FromSeconds(60));
    }
}
