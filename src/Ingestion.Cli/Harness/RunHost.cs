using System.Diagnostics;
using Ingestion.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Cli.Harness;

/// <summary>The pipeline host a run drives: the standalone host in this process (<c>up</c>) or as a child (<c>load</c>, <c>chaos</c>).</summary>
internal interface IRunHost : IAsyncDisposable
{
    /// <summary>The host stopped by itself (a dead trigger listener stops it with exit code 1).</summary>
    bool HasExited { get; }
    int ExitCode { get; }
    int ProcessId { get; }

    /// <summary>CPU time the host has used so far.</summary>
    TimeSpan ProcessorTime { get; }

    /// <summary>Current working set in bytes; also updates <see cref="PeakWorkingSet"/>.</summary>
    long SampleWorkingSet();

    long PeakWorkingSet { get; }

    /// <summary>Stops the host as abruptly as it can: SIGKILL for a child, an immediate stop in process.</summary>
    Task KillAsync();

    /// <summary>
    /// Stops the host as a shutdown should: it takes no new work, and in-flight work gets the host's own
    /// <see cref="StandaloneHost.ShutdownTimeout"/> to finish. When <paramref name="abandon"/> is cancelled first
    /// (the bound passed, or storage is gone so nothing in flight can finish) the wait ends there: a child is
    /// killed, a stop in process is left to the process exit. Abandoned work is delivered again (at-least-once).
    /// </summary>
    Task StopAsync(CancellationToken abandon);
}

/// <summary>How long a host's stop is waited for at most: its own shutdown timeout, and a moment to exit.</summary>
internal static class RunHostStop
{
    public static readonly TimeSpan Bound = StandaloneHost.ShutdownTimeout + TimeSpan.FromSeconds(3);

    /// <summary>Stops <paramref name="host"/> within <see cref="Bound"/>.</summary>
    public static async Task StopWithinBoundAsync(this IRunHost host)
    {
        using var bound = new CancellationTokenSource(Bound);
        await host.StopAsync(bound.Token);
    }
}

/// <summary>The standalone host in this process: <c>ingest up</c> serves its API from here.</summary>
internal sealed class InProcessHost(WebApplication app) : IRunHost
{
    private long _peakWorkingSet;
    private Task? _stop;

    public WebApplication App { get; } = app;

    public static async Task<InProcessHost> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        return new InProcessHost(app);
    }

    public bool HasExited => App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
    public int ExitCode => Environment.ExitCode;
    public int ProcessId => Environment.ProcessId;
    public TimeSpan ProcessorTime => Process.GetCurrentProcess().TotalProcessorTime;

    public long SampleWorkingSet()
    {
        var ws = Environment.WorkingSet;
        _peakWorkingSet = Math.Max(_peakWorkingSet, ws);
        return ws;
    }

    public long PeakWorkingSet => _peakWorkingSet;

    public Task KillAsync() => App.StopAsync(TimeSpan.Zero);

    public async Task StopAsync(CancellationToken abandon)
    {
        // The host bounds its own stop by its shutdown timeout (BoundedJobHostStop); abandon ends the wait sooner.
        _stop ??= App.StopAsync(CancellationToken.None);
        try
        {
            await _stop.WaitAsync(abandon);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is null) await this.StopWithinBoundAsync();
        // An abandoned stop still runs: disposing under it would wait for it after all.
        if (_stop!.IsCompleted) await StandaloneHost.DisposeAfterStopAsync(App);
    }
}
