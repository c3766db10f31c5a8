// The standalone host: `dotnet run --project src/Ingestion.Host` (storage from AzureWebJobsStorage; default Azurite).
try
{
    await Ingestion.Host.StandaloneHost.Build(args).RunAsync();
}
catch (Exception e) when (Environment.ExitCode != 0)
{
    // The host is already stopping because a trigger listener died (logged by StopOnListenerFailure); the WebJobs
    // SDK can then throw while disposing that listener ("The timer has already been stopped"). Exit with the code
    // already set instead of aborting the process.
    Console.Error.WriteLine($"shutdown after a listener failure: {e.GetType().Name}: {e.Message}");
}
return Environment.ExitCode;
