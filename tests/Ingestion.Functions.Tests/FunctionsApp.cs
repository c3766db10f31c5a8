using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Functions.Tests;

/// <summary>
/// The Functions app as Program builds it (<see cref="FunctionsAppBuilderExtensions.AddIngestionFunctions"/>), from
/// in-memory configuration and never run: function classes come from its container as the worker activates them.
/// </summary>
public sealed class FunctionsApp : IDisposable
{
    private FunctionsApp(IHost host, IServiceCollection services) => (Host, Services) = (host, services);

    public IHost Host { get; }

    /// <summary>What the composition root registered.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Every class of the app with a <c>[Function]</c> method.</summary>
    public static IReadOnlyList<Type> FunctionClasses { get; } = typeof(FunctionsAppBuilderExtensions).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    public static FunctionsApp Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIngestionFunctions();
        return new FunctionsApp(builder.Build(), builder.Services);
    }

    /// <summary>A function class with its dependencies from the container, as the worker's activator makes one.</summary>
    public T Create<T>() where T : class => ActivatorUtilities.CreateInstance<T>(Host.Services);

    public void Dispose() => Host.Dispose();
}
