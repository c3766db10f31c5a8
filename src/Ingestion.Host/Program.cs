// The standalone host: `dotnet run --project src/Ingestion.Host` (storage from AzureWebJobsStorage; default Azurite).
// Runs until Ctrl+C or SIGTERM, or until a dead trigger listener stops it with exit code 1 (StopOnListenerFailure);
// the stop is bounded by StandaloneHost.ShutdownTimeout even when storage has gone first.
var app = Ingestion.Host.StandaloneHost.Build(args);
await app.StartAsync();
await app.WaitForShutdownAsync();
await Ingestion.Host.StandaloneHost.DisposeAfterStopAsync(app);
return Environment.ExitCode;
