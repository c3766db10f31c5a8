using System.Runtime.InteropServices;

namespace Ingestion.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as one cancellation token for every command. A pipeline run then unwinds the way it
/// was built to (no new work, the host stopped, then Azurite; see <see cref="Harness.PipelineRun.DisposeAsync"/>)
/// instead of dying mid-write. A second signal is left to the runtime, which ends the process at once; the
/// watchdog then stops Azurite. The exit code is the shell's for a program ended by a signal, 128 + its number:
/// 130 after SIGINT, 143 after SIGTERM, so a script can tell an interrupted run from a finished one.
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private PosixSignal? _received;

    public InterruptSignal() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];

    public CancellationToken Token => _cancel.Token;

    /// <summary>The signal that cancelled the run, if one did.</summary>
    public PosixSignal? Received => _received;

    /// <summary>128 + the signal's number, or null when no signal came.</summary>
    public int? ExitCode => _received switch
    {
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGTERM => 143,
        _ => null,
    };

    private void OnSignal(PosixSignalContext context)
    {
        lock (_cancel)
        {
            if (_received is not null) return; // the second: the runtime's default ends the process
            _received = context.Signal;
        }
        context.Cancel = true;
        // Not inline: the token's callbacks (a host stopping, a progress display unwinding) must not run on the
        // runtime's signal thread.
        _ = _cancel.CancelAsync();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }
}
