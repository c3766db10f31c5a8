using Ingestion.Pipeline.Storage;

namespace Ingestion.Infra.Tests;

public sealed class StorageTests
{
    private readonly CompiledTemplate.Module _storage = CompiledTemplate.Get().ModuleNamed("storage");

    [Fact]
    public void The_account_accepts_no_keys_no_anonymous_reads_and_only_tls12_https()
    {
        var properties = _storage.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
    }

    [Fact]
    public void The_containers_are_the_pipeline_containers()
    {
        Assert.Equal(StorageNames.Containers, CompiledTemplate.Strings(_storage.Argument("containerNames")));
        AssertLoopsOver("Microsoft.Storage/storageAccounts/blobServices/containers", "containerNames");
    }

    [Fact]
    public void The_queues_are_the_pipeline_queues_poison_queues_included()
    {
        var queues = CompiledTemplate.Strings(_storage.Argument("queueNames"));

        Assert.Equal(StorageNames.Queues, queues);
        Assert.Contains(StorageNames.ExtractPoisonQueue, queues);
        Assert.Contains(StorageNames.BlobTriggerPoisonQueue, queues);
        AssertLoopsOver("Microsoft.Storage/storageAccounts/queueServices/queues", "queueNames");
    }

    [Fact]
    public void The_tables_are_the_pipeline_tables()
    {
        Assert.Equal(StorageNames.Tables, CompiledTemplate.Strings(_storage.Argument("tableNames")));
        AssertLoopsOver("Microsoft.Storage/storageAccounts/tableServices/tables", "tableNames");
    }

    [Fact]
    public void The_flex_deployment_container_exists_besides_the_pipeline_containers()
    {
        var deploymentContainer = _storage.Resources("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Single(c => c["copy"] is null);

        Assert.Contains("parameters('deploymentContainerName')", (string)deploymentContainer["name"]!, StringComparison.Ordinal);
        Assert.StartsWith("[format('app-package-", (string)_storage.Argument("deploymentContainerName")!, StringComparison.Ordinal);
    }

    [Fact]
    public void No_container_allows_anonymous_access()
    {
        foreach (var container in _storage.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"))
        {
            Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
        }
    }

    private void AssertLoopsOver(string type, string parameter)
    {
        var looped = _storage.Resources(type).Single(r => r["copy"] is not null);
        Assert.Equal($"[length(parameters('{parameter}'))]", (string?)looped["copy"]!["count"]);
        Assert.Contains($"parameters('{parameter}')[copyIndex()]", (string)looped["name"]!, StringComparison.Ordinal);
    }
}
