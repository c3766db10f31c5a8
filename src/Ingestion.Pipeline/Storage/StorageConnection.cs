using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Pipeline.Storage;

/// <summary>
/// Reads the storage connection the way the Functions host reads <c>AzureWebJobsStorage</c>: either a connection
/// string (Azurite, local development) or identity-based settings (<c>AzureWebJobsStorage__blobServiceUri</c>,
/// <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>) on Azure.
/// Our own clients and the triggers therefore always talk to the same account.
/// </summary>
public sealed class StorageConnection
{
    private readonly string? _connectionString;
    private readonly Uri? _blobUri, _queueUri, _tableUri;
    private readonly TokenCredential? _credential;

    private StorageConnection(string connectionString) => _connectionString = connectionString;

    private StorageConnection(Uri blob, Uri queue, Uri table, TokenCredential credential)
    {
        (_blobUri, _queueUri, _tableUri, _credential) = (blob, queue, table, credential);
    }

    public static StorageConnection FromConnectionString(string connectionString) => new(connectionString);

    /// <summary>A connection string (Azurite, development): we may create what is missing. Deployed accounts get theirs from infra/.</summary>
    public bool UsesConnectionString => _connectionString is not null;

    /// <summary>The credential of an identity-based connection (null for a connection string).</summary>
    public TokenCredential? Credential => _credential;

    /// <param name="credentials">
    /// Turns the section into a credential exactly as the Functions host does for its triggers
    /// (<c>__credential=managedidentity</c> and <c>__clientId</c>, a client secret or certificate, else
    /// <c>DefaultAzureCredential</c>), so the app's own clients and the triggers never run as different identities.
    /// </param>
    public static StorageConnection FromConfiguration(IConfiguration configuration, AzureComponentFactory credentials, string name = StorageNames.Connection)
    {
        var value = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(value))
            return new StorageConnection(value);

        var section = configuration.GetSection(name);
        var account = section["accountName"];
        Uri? ServiceUri(string key, string service) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
            : null;
        var blob = ServiceUri("blobServiceUri", "blob");
        var queue = ServiceUri("queueServiceUri", "queue");
        var table = ServiceUri("tableServiceUri", "table");
        if (blob is null || queue is null || table is null)
            throw new InvalidOperationException(
                $"Storage is not configured: set '{name}' to a connection string, or '{name}__blobServiceUri', " +
                $"'{name}__queueServiceUri' and '{name}__tableServiceUri' (or '{name}__accountName') for an identity-based connection.");
        return new StorageConnection(blob, queue, table, credentials.CreateTokenCredential(section));
    }

    /// <summary>The Azure client factory outside a host (the CLI): the same credential rules, no host needed.</summary>
    public static AzureComponentFactory StandaloneCredentials()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAzureClientsCore();
        return services.BuildServiceProvider().GetRequiredService<AzureComponentFactory>();
    }

    /// <summary>Azure SDK retries (exponential, 3 tries) are the innermost retry layer; see docs/RESILIENCE in README.</summary>
    public BlobServiceClient CreateBlobServiceClient()
    {
        var options = new BlobClientOptions();
        return _connectionString is not null ? new BlobServiceClient(_connectionString, options) : new BlobServiceClient(_blobUri, _credential, options);
    }

    /// <summary>Base64 message encoding: what the queue trigger expects.</summary>
    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return _connectionString is not null ? new QueueServiceClient(_connectionString, options) : new QueueServiceClient(_queueUri, _credential, options);
    }

    public TableServiceClient CreateTableServiceClient()
    {
        var options = new TableClientOptions();
        return _connectionString is not null ? new TableServiceClient(_connectionString, options) : new TableServiceClient(_tableUri, _credential, options);
    }
}
