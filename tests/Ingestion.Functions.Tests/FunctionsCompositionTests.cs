using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Functions.Tests;

/// <summary>The composition root builds, and everything a function needs resolves from it, without a Functions host.</summary>
public class FunctionsCompositionTests
{
    private static FunctionsApp Build() => FunctionsApp.Build(new Dictionary<string, string?> { [StorageNames.Connection] = "UseDevelopmentStorage=true" });

    [Fact]
    public void Every_function_class_is_activated_from_the_container()
    {
        using var app = Build();

        Assert.Equal(["ApiFunctions", "CleanArticleFunction", "DashboardFunction", "ExtractArticleFunction", "PoisonFunctions", "RankEntitiesFunction", "ReconcileFunction"], FunctionsApp.FunctionClasses.Select(t => t.Name));
        foreach (var type in FunctionsApp.FunctionClasses)
            Assert.IsType(type, ActivatorUtilities.CreateInstance(app.Host.Services, type));
    }

    [Fact]
    public void Every_service_the_pipeline_registers_resolves()
    {
        using var app = Build();
        var ours = app.Services.Where(d => d.ServiceType.Namespace?.StartsWith("Ingestion.", StringComparison.Ordinal) == true).Select(d => d.ServiceType).Distinct().ToList();

        Assert.True(ours.Count >= 12, string.Join(", ", ours.Select(t => t.Name)));
        foreach (var type in ours)
            Assert.NotNull(app.Host.Services.GetRequiredService(type));
    }
}
