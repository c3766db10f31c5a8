using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Host.Tests;

public class ListenerFailureTests
{
    [Fact]
    public async Task A_dead_trigger_listener_stops_the_host_with_exit_code_1_instead_of_crashing_it()
    {
        await using var host = StandaloneHost.Build([]);
        var handler = host.Services.GetRequiredService<IWebJobsExceptionHandler>();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var previousExitCode = Environment.ExitCode;
        try
        {
            var failure = new InvalidOperationException("listing the drop container failed after all retries");
            await handler.OnUnhandledExceptionAsync(ExceptionDispatchInfo.Capture(failure));

            Assert.IsType<StopOnListenerFailure>(handler);
            Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = previousExitCode; // the test process must not inherit it
        }
    }
}
