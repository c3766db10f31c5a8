using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;

namespace Ingestion.Pipeline.Tests;

public class ResilienceTests
{
    private static StorageWriteResilience Create()
    {
        var builder = new ResiliencePipelineBuilder();
        StorageWriteResilience.Configure(builder, new StorageWriteResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });
        return new StorageWriteResilience(builder.Build());
    }

    /// <summary>The pipeline the composition root registers, from configuration alone.</summary>
    private static ResiliencePipeline Registered(Dictionary<string, string?> settings)
    {
        settings[StorageNames.Connection] = "UseDevelopmentStorage=true";
        var services = new ServiceCollection().AddLogging();
        services.AddIngestionPipeline(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider().GetRequiredService<StorageWriteResilience>().Pipeline;
    }

    [Fact]
    public void The_registered_pipeline_is_retry_then_breaker_then_timeout_with_the_default_numbers()
    {
        var strategies = Registered([]).GetPipelineDescriptor().Strategies;
        var defaults = new StorageWriteResilienceOptions();

        Assert.Collection(strategies,
            s =>
            {
                var retry = Assert.IsType<RetryStrategyOptions>(s.Options);
                Assert.Equal(defaults.MaxRetryAttempts, retry.MaxRetryAttempts);
                Assert.Equal(defaults.BaseDelay, retry.Delay);
                Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
                Assert.True(retry.UseJitter);
            },
            s =>
            {
                var breaker = Assert.IsType<CircuitBreakerStrategyOptions>(s.Options);
                Assert.Equal(defaults.BreakerFailureRatio, breaker.FailureRatio);
                Assert.Equal(defaults.BreakerMinimumThroughput, breaker.MinimumThroughput);
                Assert.Equal(defaults.BreakDuration, breaker.BreakDuration);
            },
            s => Assert.Equal(defaults.AttemptTimeout, Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout));
        Assert.Equal(2, defaults.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(60), defaults.AttemptTimeout);
    }

    [Fact]
    public void The_numbers_come_from_configuration()
    {
        var strategies = Registered(new()
        {
            ["Ingestion:StorageWriteResilience:MaxRetryAttempts"] = "4",
            ["Ingestion:StorageWriteResilience:AttemptTimeout"] = "00:00:15",
            ["Ingestion:StorageWriteResilience:BreakDuration"] = "00:00:45",
        }).GetPipelineDescriptor().Strategies;

        Assert.Equal(4, Assert.IsType<RetryStrategyOptions>(strategies[0].Options).MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(45), Assert.IsType<CircuitBreakerStrategyOptions>(strategies[1].Options).BreakDuration);
        Assert.Equal(TimeSpan.FromSeconds(15), Assert.IsType<TimeoutStrategyOptions>(strategies[2].Options).Timeout);
    }

    [Fact]
    public async Task Transient_storage_failures_are_retried_as_a_unit()
    {
        var calls = 0;
        await Create().ExecuteAsync(_ =>
        {
            if (++calls < 3) throw new Azure.RequestFailedException(503, "server busy");
            return Task.CompletedTask;
        }, default);
        Assert.Equal(3, calls);
    }

    [Theory]
    [InlineData(500, 3)] // bounded: the trigger's redelivery takes over after three tries
    [InlineData(409, 1)] // a client error is not retried at all
    public async Task A_failing_unit_is_tried_as_often_as_its_error_deserves(int status, int tries)
    {
        var calls = 0;
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => Create().ExecuteAsync(_ =>
        {
            calls++;
            throw new Azure.RequestFailedException(status, "failed");
        }, default).AsTask());
        Assert.Equal(tries, calls);
    }
}
