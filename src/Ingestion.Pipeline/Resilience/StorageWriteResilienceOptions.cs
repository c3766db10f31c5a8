namespace Ingestion.Pipeline;

/// <summary>
/// The numbers of <see cref="StorageWriteResilience"/>, bound from <c>Ingestion:StorageWriteResilience</c>. Defaults:
/// 2 retries from 1 s with jitter (3 tries), a breaker that opens for 10 s when 80 % of at least 20 units in 30 s
/// failed, and 60 s per try (a clean writes one blob, one row and one message; an extract up to a few hundred rows).
/// </summary>
public sealed class StorageWriteResilienceOptions
{
    public const string SectionName = PipelineOptions.SectionName + ":StorageWriteResilience";

    public int MaxRetryAttempts { get; set; } = 2;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public double BreakerFailureRatio { get; set; } = 0.8;
    public int BreakerMinimumThroughput { get; set; } = 20;
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(10);
}
