using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingestion.Host;

/// <summary>
/// The WebJobs job host as a hosted service whose stop honours the host's shutdown timeout
/// (<see cref="StandaloneHost.ShutdownTimeout"/>). The SDK's own <see cref="JobHostService"/> ignores its token:
/// JobHost.StopAsync waits for the listeners with <c>CancellationToken.None</c>, so when storage had gone first a
/// Ctrl+C waited out the storage SDK's retries (measured: 24 s) and the process then died on an unhandled "The timer
/// has already been stopped". Past the timeout the stop is abandoned: the invocations in flight have had their
/// cancellation, and what they leave undone is delivered again (at-least-once; every stage is idempotent).
/// </summary>
internal sealed class BoundedJobHostStop(JobHostService jobHost, ILogger<BoundedJobHostStop> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => jobHost.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stop = jobHost.StopAsync(cancellationToken);
        try
        {
            await stop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The abandoned stop may still fail once the host is disposed under it: observe that, it changes nothing.
            _ = stop.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            logger.LogWarning("The job host did not stop within the shutdown timeout (is storage unreachable?); abandoned its listeners and in-flight invocations, which storage delivers again");
        }
        // A listener whose loop had died (StopOnListenerFailure) fails its stop with "The timer has already been
        // stopped"; the host is stopping either way, and nothing is left to undo.
        catch (InvalidOperationException e)
        {
            logger.LogWarning("A trigger listener failed to stop: {Message}", e.Message);
        }
    }

    /// <summary>Puts this in the place of the SDK's registration, keeping its position among the hosted services.</summary>
    public static void ReplaceIn(IServiceCollection services)
    {
        var index = services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(JobHostService));
        if (index < 0) throw new InvalidOperationException("the WebJobs job host is not registered: call ConfigureWebJobs first");
        services[index] = ServiceDescriptor.Singleton<IHostedService, BoundedJobHostStop>();
        services.AddSingleton<JobHostService>();
    }
}
