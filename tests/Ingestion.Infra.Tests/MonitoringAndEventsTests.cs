namespace Ingestion.Infra.Tests;

public sealed class MonitoringAndEventsTests
{
    private readonly CompiledTemplate _template = CompiledTemplate.Get();

    [Fact]
    public void Application_insights_and_log_analytics_accept_no_keys()
    {
        var monitoring = _template.ModuleNamed("monitoring");
        var insights = monitoring.Single("Microsoft.Insights/components")["properties"]!;
        var workspace = monitoring.Single("Microsoft.OperationalInsights/workspaces")["properties"]!;

        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string)insights["WorkspaceResourceId"]!, StringComparison.Ordinal);
        Assert.True((bool)workspace["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void An_event_grid_system_topic_publishes_the_storage_accounts_events()
    {
        var eventGrid = _template.ModuleNamed("event-grid");
        var topic = eventGrid.Single("Microsoft.EventGrid/systemTopics")["properties"]!;

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["topicType"]);
        Assert.Equal("[parameters('storageAccountId')]", (string?)topic["source"]);
        Assert.Contains("'storage'", (string)eventGrid.Argument("storageAccountId")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_networking_is_optional_and_covers_blob_queue_and_table()
    {
        var vnetEnabled = _template.Root["parameters"]!["vnetEnabled"]!;
        var network = CompiledTemplate.Resources(_template.Root).Single(r => (string?)r["name"] == "network");
        var module = _template.ModuleNamed("network");

        Assert.Equal("bool", (string?)vnetEnabled["type"]);
        Assert.False((bool)vnetEnabled["defaultValue"]!);
        Assert.Equal("[parameters('vnetEnabled')]", (string?)network["condition"]);
        Assert.Equal(["blob", "queue", "table"], CompiledTemplate.Strings(module.Variable("storageServices")));
        Assert.Single(module.Resources("Microsoft.Network/privateEndpoints"));
        Assert.Single(module.Resources("Microsoft.Network/privateDnsZones"));
        var subnets = module.Single("Microsoft.Network/virtualNetworks")["properties"]!["subnets"]!.ToJsonString();
        Assert.Contains("Microsoft.App/environments", subnets, StringComparison.Ordinal); // Flex VNet integration
    }
}
