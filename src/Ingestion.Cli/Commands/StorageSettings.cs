using System.ComponentModel;
using System.Text.RegularExpressions;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// Where the storage is: <c>--connection</c>; or a deployed account by <c>--account</c> (or service URIs), signed in
/// with Entra ID (the deployed account has shared keys off); else <c>$AzureWebJobsStorage</c> as the hosts read it
/// (a connection string or <c>AzureWebJobsStorage__blobServiceUri</c> …); else local Azurite.
/// </summary>
internal class StorageSettings : CommandSettings
{
    [CommandOption("--connection <CONNECTION_STRING>")]
    [Description("Storage connection string (default: $AzureWebJobsStorage, else Azurite on its default ports).")]
    public string? Connection { get; init; }

    [CommandOption("--account <NAME>")]
    [Description("A storage account on Azure, signed in with DefaultAzureCredential (az login, environment, managed identity); no keys.")]
    public string? Account { get; init; }

    [CommandOption("--blob-uri <URI>")]
    [Description("Blob service URI (with --queue-uri and --table-uri, instead of --account), signed in like --account.")]
    public string? BlobUri { get; init; }

    [CommandOption("--queue-uri <URI>")]
    public string? QueueUri { get; init; }

    [CommandOption("--table-uri <URI>")]
    public string? TableUri { get; init; }

    private bool IsAzure => Account is not null || BlobUri is not null || QueueUri is not null || TableUri is not null;

    public override ValidationResult Validate()
    {
        if (Connection is not null && IsAzure)
            return ValidationResult.Error("give --connection or --account/--*-uri, not both");
        if (Account is not null && !Regex.IsMatch(Account, "^[a-z0-9]{3,24}$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            return ValidationResult.Error("--account is a storage account name: 3 to 24 lowercase letters and digits");
        foreach (var uri in new[] { BlobUri, QueueUri, TableUri })
            if (uri is not null && !Uri.TryCreate(uri, UriKind.Absolute, out _))
                return ValidationResult.Error($"not an absolute URI: {uri}");
        if (Account is null && (BlobUri, QueueUri, TableUri) is not (null, null, null) && (BlobUri is null || QueueUri is null || TableUri is null))
            return ValidationResult.Error("--blob-uri, --queue-uri and --table-uri go together (or use --account)");
        return ValidationResult.Success();
    }

    public StorageConnection Resolve()
    {
        if (Connection is not null)
            return StorageConnection.FromConnectionString(Connection);
        IConfiguration configuration;
        if (IsAzure)
        {
            configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{StorageNames.Connection}:accountName"] = Account,
                [$"{StorageNames.Connection}:blobServiceUri"] = BlobUri,
                [$"{StorageNames.Connection}:queueServiceUri"] = QueueUri,
                [$"{StorageNames.Connection}:tableServiceUri"] = TableUri,
            }).Build();
        }
        else
        {
            configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            if (configuration[StorageNames.Connection] is null && !configuration.GetSection(StorageNames.Connection).GetChildren().Any())
                return StorageConnection.FromConnectionString("UseDevelopmentStorage=true");
        }
        return StorageConnection.FromConfiguration(configuration, StorageConnection.StandaloneCredentials());
    }
}
