using Ingestion.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("ingest");
    config.AddCommand<ProcessCommand>("process").WithDescription("Clean and extract files offline (no storage); print JSON Lines.");
    config.AddCommand<DropCommand>("drop").WithDescription("Upload files to the articles container of the configured storage.");
    config.AddCommand<StatusCommand>("status").WithDescription("Show what the HTTP API says about one article, or all of them.");
    config.AddCommand<UpCommand>("up").WithDescription("Start Azurite and the pipeline, drop seeds/, show the results, serve the API.");
});
return await app.RunAsync(args);
