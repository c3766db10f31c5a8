using System.Diagnostics;
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
}

/// <summary>The standalone host in this process: <c>ingest up</c> serves its API from here.</summary>
internal sealed class InProcessHost(WebApplication app) : IRunHost
{
    private long _peakWorkingSet;

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

    public async ValueTask DisposeAsync()
    {
        if (!HasExited) await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
