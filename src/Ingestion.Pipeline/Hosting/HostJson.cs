using Microsoft.Extensions.Configuration;

namespace Ingestion.Pipeline;

/// <summary>
/// <c>host.json</c> (repository root) is the one definition of the trigger settings (queue batch size, dequeue count,
/// polling, visibility timeout, message encoding, blob parallelism). The Functions host reads it from the app folder;
/// the standalone host reads the same file, embedded here, as the WebJobs SDK's extension configuration.
/// </summary>
public static class HostJson
{
    /// <summary>Where the WebJobs SDK binds extension options from: <c>AzureWebJobs:Extensions:Queues:BatchSize</c>, …</summary>
    public const string WebJobsExtensionsSection = "AzureWebJobs:Extensions";

    /// <summary>host.json's <c>extensions</c> as configuration keys under <see cref="WebJobsExtensionsSection"/>.</summary>
    public static IReadOnlyDictionary<string, string?> WebJobsExtensionSettings { get; } = Load();

    /// <summary>host.json's <c>extensions</c> section itself ("queues:batchSize" → "16").</summary>
    public static IConfigurationSection Extensions { get; } = Read().GetSection("extensions");

    private static IConfigurationRoot Read()
    {
        using var stream = typeof(HostJson).Assembly.GetManifestResourceStream("host.json")
            ?? throw new InvalidOperationException("host.json is not embedded in " + typeof(HostJson).Assembly.GetName().Name);
        return new ConfigurationBuilder().AddJsonStream(stream).Build();
    }

    private static Dictionary<string, string?> Load()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Read().GetSection("extensions").AsEnumerable(makePathsRelative: true))
            if (value is not null) settings[WebJobsExtensionsSection + ":" + key] = value;
        return settings;
    }
}
