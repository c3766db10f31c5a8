using Ingestion.Cli;
using Ingestion.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

// Redirected output (files, CI logs) has no terminal width: use a wide one so tables stay readable.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 160;

using var interrupt = new InterruptSignal();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("ingest");
    config.AddCommand<ProcessCommand>("process").WithDescription("Clean and extract files offline (no storage); print JSON Lines.");
    config.AddCommand<DropCommand>("drop").WithDescription("Upload files to the articles container of the configured storage.");
    config.AddCommand<ExportCommand>("export").WithDescription("Write articles, entities, quotes and the entity index as JSON Lines, CSV or Parquet.");
    config.AddCommand<StatusCommand>("status").WithDescription("Show what the HTTP API says about one article, or all of them.");
    config.AddCommand<BenchCommand>("bench").WithDescription("Time cleaning and extraction per input kind (one thread); --peer compares with the reference peer.");
    config.AddCommand<LoadCommand>("load").WithDescription("Drop N articles through Azurite and the standalone host; report throughput, latency and the storage-only baseline.");
    config.AddCommand<ChaosCommand>("chaos").WithDescription("Fault injection: stop Azurite or SIGKILL the host mid-run; check nothing is lost or duplicated.");
    config.AddCommand<UpCommand>("up").WithDescription("Start Azurite and the pipeline, drop seeds/, show the results, serve the API.");
});
var exit = await app.RunAsync(args, interrupt.Token);
if (interrupt.ExitCode is not { } interrupted)
    return exit;
// Printed after the command has unwound, so it is true: whatever the run started has been stopped.
await Console.Error.WriteLineAsync($"ingest: interrupted by {interrupt.Received}; everything it started has stopped");
return interrupted;
