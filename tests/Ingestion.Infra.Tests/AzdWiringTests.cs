using Ingestion.Pipeline.Storage;

namespace Ingestion.Infra.Tests;

/// <summary>azure.yaml, main.parameters.json, the outputs and the postdeploy hooks agree with each other and the code.</summary>
public sealed class AzdWiringTests
{
    private readonly CompiledTemplate _template = CompiledTemplate.Get();

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_to_the_tagged_app_and_runs_both_hooks()
    {
        var yaml = File.ReadAllText(Path.Combine(_template.RepositoryRoot, "azure.yaml"));
        var serviceName = (string)_template.Root["variables"]!["serviceName"]!;

        Assert.Contains($"\n  {serviceName}:\n    project: ./src/Ingestion.Functions\n    language: dotnet\n    host: function\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/postdeploy.sh", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/postdeploy.ps1", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_template.RepositoryRoot, "infra", "hooks", "postdeploy.sh")));
        Assert.True(File.Exists(Path.Combine(_template.RepositoryRoot, "infra", "hooks", "postdeploy.ps1")));
    }

    [Fact]
    public void Every_parameter_azd_passes_exists_in_main()
    {
        var file = System.Text.Json.Nodes.JsonNode.Parse(
            File.ReadAllText(Path.Combine(_template.RepositoryRoot, "infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = _template.Root["parameters"]!.AsObject();

        Assert.All(file, p => Assert.True(declared.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)file["principalId"]!["value"]);
    }

    [Theory]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("AZURE_FUNCTION_APP_HOSTNAME")]
    [InlineData("EVENTGRID_SYSTEM_TOPIC_NAME")]
    [InlineData("ARTICLES_DROP_CONTAINER")]
    [InlineData("BLOB_TRIGGER_FUNCTION_NAME")]
    public void The_hooks_read_outputs_that_main_produces(string output)
    {
        Assert.True(_template.Root["outputs"]!.AsObject().ContainsKey(output), $"main.bicep has no output {output}");
        foreach (var hook in new[] { "postdeploy.sh", "postdeploy.ps1" })
        {
            Assert.Contains(output, HookText(hook), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_outputs_name_what_the_readme_commands_use()
    {
        var outputs = _template.Root["outputs"]!.AsObject();

        Assert.True(outputs.ContainsKey("AZURE_STORAGE_ACCOUNT_NAME"));
        Assert.True(outputs.ContainsKey("SERVICE_FUNCTIONS_ENDPOINT_URL"));
    }

    [Fact]
    public void The_outputs_name_the_drop_container_and_the_blob_triggered_function()
    {
        var outputs = _template.Root["outputs"]!;

        Assert.Equal(StorageNames.DropContainer, (string?)CompiledTemplate.ResolveVariable(_template.Root, outputs["ARTICLES_DROP_CONTAINER"]!["value"]));
        Assert.Equal("CleanArticle", (string?)CompiledTemplate.ResolveVariable(_template.Root, outputs["BLOB_TRIGGER_FUNCTION_NAME"]!["value"]));
    }

    [Theory]
    [InlineData("postdeploy.sh")]
    [InlineData("postdeploy.ps1")]
    public void The_hooks_subscribe_the_blob_webhook_to_new_blobs_in_the_drop_container_only(string hook)
    {
        var text = HookText(hook);

        Assert.Contains("az eventgrid system-topic event-subscription create", text, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.", text, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", text, StringComparison.Ordinal);
        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", text, StringComparison.Ordinal);
        Assert.Contains("/blobServices/default/containers/$container/", text, StringComparison.Ordinal); // trailing slash: not articles-clean
        Assert.Contains("--advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob", text, StringComparison.Ordinal);
        Assert.Matches($"(:-|')({StorageNames.DropContainer})('|}})", text); // default when azd did not set it
    }

    private string HookText(string hook) =>
        File.ReadAllText(Path.Combine(_template.RepositoryRoot, "infra", "hooks", hook));
}
