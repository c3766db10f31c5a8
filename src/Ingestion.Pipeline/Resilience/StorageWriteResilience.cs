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
///    breaker that stops hammering a storage account that is down (<see cref="StorageWriteResilienceOptions"/>).
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

    /// <summary>Adds the strategies, outermost first, with the numbers of <paramref name="options"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder builder, StorageWriteResilienceOptions options)
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
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }
}
