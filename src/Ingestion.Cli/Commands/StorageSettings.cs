using System.ComponentModel;
using Ingestion.Pipeline.Storage;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>Where the storage is: <c>--connection</c>, else the AzureWebJobsStorage environment variable, else local Azurite.</summary>
internal class StorageSettings : CommandSettings
{
    [CommandOption("--connection <CONNECTION_STRING>")]
    [Description("Storage connection string (default: $AzureWebJobsStorage, else Azurite on its default ports).")]
    public string? Connection { get; init; }

    public string ResolveConnection() =>
        Connection ?? Environment.GetEnvironmentVariable(StorageNames.Connection) ?? "UseDevelopmentStorage=true";
}
