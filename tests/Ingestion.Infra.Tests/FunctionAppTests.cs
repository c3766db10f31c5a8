using Ingestion.Pipeline.Storage;

namespace Ingestion.Infra.Tests;

public sealed class FunctionAppTests
{
    private readonly CompiledTemplate.Module _app = CompiledTemplate.Get().ModuleNamed("function-app");

    [Fact]
    public void The_plan_is_flex_consumption()
    {
        var plan = _app.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
    }

    [Fact]
    public void The_runtime_is_dotnet_isolated_10_0()
    {
        var runtime = FunctionAppConfig()["runtime"]!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]); // Azure rejects "10"
    }

    [Fact]
    public void Code_deploys_from_a_blob_container_with_the_user_assigned_identity()
    {
        var storage = FunctionAppConfig()["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Contains("parameters('deploymentContainerName')", (string)storage["value"]!, StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);
    }

    [Fact]
    public void Instance_memory_and_maximum_instances_are_parameters()
    {
        var scale = FunctionAppConfig()["scaleAndConcurrency"]!;
        var main = CompiledTemplate.Get().Root["parameters"]!;

        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale["maximumInstanceCount"]);
        Assert.Equal("int", (string?)main["instanceMemoryMB"]!["type"]);
        Assert.Equal("int", (string?)main["maximumInstanceCount"]!["type"]);
    }

    [Fact]
    public void The_storage_connection_is_identity_based_under_the_connection_name_the_code_uses()
    {
        var settings = _app.Variable("storageSettings")!.AsObject();
        string Setting(string suffix) => (string)settings[$"{StorageNames.Connection}__{suffix}"]!;

        Assert.Equal("managedidentity", Setting("credential"));
        Assert.Equal("[parameters('identityClientId')]", Setting("clientId"));
        Assert.Equal("[parameters('blobEndpoint')]", Setting("blobServiceUri"));
        Assert.Equal("[parameters('queueEndpoint')]", Setting("queueServiceUri"));
        Assert.Equal("[parameters('tableEndpoint')]", Setting("tableServiceUri"));
        Assert.DoesNotContain(settings, s => s.Key == StorageNames.Connection); // a connection-string setting
        Assert.Contains("variables('storageSettings')", AppSettingsExpression(), StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_authenticates_with_the_identity()
    {
        var settings = AppSettingsExpression();

        Assert.Contains("'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', format('ClientId={0};Authorization=AAD', parameters('identityClientId'))", settings, StringComparison.Ordinal);
        Assert.Contains("'APPLICATIONINSIGHTS_CONNECTION_STRING', reference(", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void The_optional_article_size_setting_has_the_name_the_code_reads()
    {
        Assert.Contains("'Ingestion__MaxArticleBytes'", (string)_app.Variable("optionalSettings")!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_is_https_only_tagged_for_azd_and_publishes_without_basic_auth()
    {
        var site = _app.Single("Microsoft.Web/sites");
        var policies = _app.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Contains("'azd-service-name', parameters('serviceName')", (string)site["tags"]!, StringComparison.Ordinal);
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    private System.Text.Json.Nodes.JsonNode FunctionAppConfig() =>
        _app.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!;

    private string AppSettingsExpression()
    {
        var config = _app.Resources("Microsoft.Web/sites/config")
            .Single(c => ((string)c["name"]!).Contains("'appsettings'", StringComparison.Ordinal));
        return (string)config["properties"]!;
    }
}
