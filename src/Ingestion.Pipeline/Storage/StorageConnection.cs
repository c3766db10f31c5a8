using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

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

    public static StorageConnection FromConfiguration(IConfiguration configuration, string name = StorageNames.Connection)
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

        TokenCredential credential = section["credential"] is { } kind && kind.Equals("managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new StorageConnection(blob, queue, table, credential);
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
