// The standalone host: `dotnet run --project src/Ingestion.Host` (storage from AzureWebJobsStorage; default Azurite).
await Ingestion.Host.StandaloneHost.Build(args).RunAsync();
