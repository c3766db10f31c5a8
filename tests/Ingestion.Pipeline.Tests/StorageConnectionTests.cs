using Azure.Identity;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Configuration;

namespace Ingestion.Pipeline.Tests;

/// <summary>The pipeline's own clients read AzureWebJobsStorage with the Functions host's credential rules.</summary>
public class StorageConnectionTests
{
    private static StorageConnection From(Dictionary<string, string?> settings) =>
        StorageConnection.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), StorageConnection.StandaloneCredentials());

    [Fact]
    public void A_user_assigned_managed_identity_is_used_as_the_triggers_use_it()
    {
        var connection = From(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000042",
        });
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.False(connection.UsesConnectionString);
    }

    [Fact]
    public void Without_a_credential_setting_it_is_the_default_chain_and_a_connection_string_needs_none()
    {
        Assert.IsType<DefaultAzureCredential>(From(new() { ["AzureWebJobsStorage:accountName"] = "acct" }).Credential);
        var local = From(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });
        Assert.True(local.UsesConnectionString);
        Assert.Null(local.Credential);
        Assert.Throws<InvalidOperationException>(() => From(new() { ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net" }));
    }
}
