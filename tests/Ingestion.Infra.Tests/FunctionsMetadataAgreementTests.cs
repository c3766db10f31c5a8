using System.Text.Json;
using Ingestion.Testing;

namespace Ingestion.Infra.Tests;

/// <summary>
/// The compiled Functions metadata (what the Functions host binds) and the compiled template (what Azure is given)
/// must agree: every trigger's connection has identity-based settings, every queue and container a trigger reads
/// exists, and the Event Grid hook targets the blob-triggered function.
/// </summary>
public sealed class FunctionsMetadataAgreementTests
{
    private readonly CompiledTemplate _template = CompiledTemplate.Get();

    private static List<JsonElement> TriggerBindings()
    {
        var path = Path.Combine(RepositoryPaths.OutputOf("Ingestion.Functions"), "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Function: f.GetProperty("name").GetString(), Binding: b)))
            .Where(x => x.Binding.GetProperty("type").GetString() is "blobTrigger" or "queueTrigger")
            .Select(x => x.Binding.Clone())
            .ToList();
    }

    [Fact]
    public void Every_trigger_connection_has_identity_based_app_settings()
    {
        var settings = _template.ModuleNamed("function-app").Variable("storageSettings")!.AsObject();
        var connections = TriggerBindings().Select(b => b.GetProperty("connection").GetString()!).Distinct().ToList();

        Assert.NotEmpty(connections);
        foreach (var connection in connections)
            foreach (var suffix in new[] { "credential", "clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri" })
                Assert.True(settings.ContainsKey($"{connection}__{suffix}"), $"no app setting {connection}__{suffix}");
    }

    [Fact]
    public void Every_queue_and_container_a_trigger_reads_is_provisioned()
    {
        var storage = _template.ModuleNamed("storage");
        var queues = CompiledTemplate.Strings(storage.Argument("queueNames"));
        var containers = CompiledTemplate.Strings(storage.Argument("containerNames"));

        foreach (var binding in TriggerBindings())
        {
            if (binding.GetProperty("type").GetString() == "queueTrigger")
                Assert.Contains(binding.GetProperty("queueName").GetString(), queues);
            else
                Assert.Contains(binding.GetProperty("path").GetString()!.Split('/')[0], containers);
        }
    }

    [Fact]
    public void The_event_grid_hook_targets_the_event_grid_blob_trigger()
    {
        var path = Path.Combine(RepositoryPaths.OutputOf("Ingestion.Functions"), "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var eventGridFunctions = doc.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.TryGetProperty("source", out var s) && s.GetString() == "EventGrid"))
            .Select(f => f.GetProperty("name").GetString())
            .ToList();
        var output = CompiledTemplate.ResolveVariable(_template.Root, _template.Root["outputs"]!["BLOB_TRIGGER_FUNCTION_NAME"]!["value"]);

        Assert.Equal([(string?)output], eventGridFunctions);
    }
}
