using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingestion.Host;

/// <summary>
/// What the host does when a WebJobs listener's background loop fails, e.g. the blob scan's listing still failing
/// after the SDK's retries during a storage outage. The loop has ended by then, so that trigger is dead until the
/// process restarts; the SDK's default handler rethrows on a new thread and crashes the process without a word in
/// the log (`ingest chaos --scenario azurite-restart` lost its host that way). This one logs the cause and stops
/// the host with exit code 1, for its supervisor (a container restart policy, systemd, `ingest chaos`) to restart.
/// Nothing is lost meanwhile: dropped blobs wait in storage and the reconciler finds them after the restart.
/// </summary>
internal sealed class StopOnListenerFailure(IHostApplicationLifetime lifetime, ILogger<StopOnListenerFailure> logger) : IWebJobsExceptionHandler
{
    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
    {
        logger.LogCritical(exceptionInfo.SourceException, "A trigger listener failed and cannot recover; stopping the host (exit code 1) to be restarted");
        Environment.ExitCode = 1;
        lifetime.StopApplication();
        return Task.CompletedTask;
    }

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) =>
        OnUnhandledExceptionAsync(exceptionInfo);

    /// <summary>The SDK resolves its handler through this factory.</summary>
    internal sealed class Factory(IServiceProvider services) : IWebJobsExceptionHandlerFactory
    {
        public IWebJobsExceptionHandler Create(IHost jobHost) => ActivatorUtilities.CreateInstance<StopOnListenerFailure>(services);
    }
}
