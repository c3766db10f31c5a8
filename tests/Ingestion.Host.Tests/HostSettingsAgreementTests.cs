using System.Reflection;
using System.Text.Json;
using Ingestion.Pipeline;
using Ingestion.Testing;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingestion.Host.Tests;

/// <summary>
/// host.json (what the Functions host reads), the standalone host's WebJobs options and the compiled Functions
/// metadata agree on every trigger: the same names, paths, queues and settings, differing only where
/// <see cref="StandaloneHost.StandaloneDefaults"/> says so.
/// </summary>
public sealed class HostSettingsAgreementTests
{
    private static readonly Dictionary<string, JsonElement> Metadata = LoadMetadata();

    private static Dictionary<string, JsonElement> LoadMetadata()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.OutputOf("Ingestion.Functions"), "functions.metadata")));
        return doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    private static JsonElement FunctionsTrigger(string function) =>
        Metadata[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public async Task The_standalone_queue_and_blob_options_are_host_json_s()
    {
        await using var host = StandaloneHost.Build([]);
        var queues = host.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        var blobs = host.Services.GetRequiredService<IOptions<BlobsOptions>>().Value;
        var json = HostJson.Extensions;

        Assert.Equal(json.GetValue<int>("queues:batchSize"), queues.BatchSize);
        Assert.Equal(json.GetValue<int>("queues:newBatchThreshold"), queues.NewBatchThreshold);
        Assert.Equal(json.GetValue<int>("queues:maxDequeueCount"), queues.MaxDequeueCount);
        Assert.Equal(json.GetValue<TimeSpan>("queues:visibilityTimeout"), queues.VisibilityTimeout);
        Assert.Equal(json["queues:messageEncoding"], queues.MessageEncoding.ToString(), ignoreCase: true);
        Assert.Equal(json.GetValue<int>("blobs:maxDegreeOfParallelism"), blobs.MaxDegreeOfParallelism);
        // the one documented difference: a local queue is polled more often than a billed one
        Assert.Equal(TimeSpan.FromSeconds(2), json.GetValue<TimeSpan>("queues:maxPollingInterval"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), queues.MaxPollingInterval);
    }

    [Fact]
    public void Both_hosts_name_the_same_storage_triggers_on_the_same_paths_and_queues()
    {
        var standalone = typeof(PipelineTriggers).GetMethods()
            .Where(m => m.GetCustomAttribute<FunctionNameAttribute>() is not null)
            .ToDictionary(m => m.GetCustomAttribute<FunctionNameAttribute>()!.Name);

        Assert.Equal(FunctionNames.StorageTriggers.Order(StringComparer.Ordinal), standalone.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, method) in standalone)
        {
            var functions = FunctionsTrigger(name);
            var trigger = method.GetParameters().Select(p => p.GetCustomAttributes().FirstOrDefault(a => a is BlobTriggerAttribute or QueueTriggerAttribute)).Single(a => a is not null);
            switch (trigger)
            {
                case BlobTriggerAttribute blob:
                    Assert.Equal(functions.GetProperty("path").GetString(), blob.BlobPath);
                    Assert.Equal(functions.GetProperty("connection").GetString(), blob.Connection);
                    break;
                case QueueTriggerAttribute queue:
                    Assert.Equal(functions.GetProperty("queueName").GetString(), queue.QueueName);
                    Assert.Equal(functions.GetProperty("connection").GetString(), queue.Connection);
                    break;
            }
        }
    }

    [Theory]
    [InlineData(FunctionNames.ReconcileArticles, TimerSchedules.Reconcile)]
    [InlineData(FunctionNames.RankEntities, TimerSchedules.RankEntities)]
    public void The_functions_timers_run_on_the_shared_schedules(string function, string schedule) =>
        Assert.Equal(schedule, FunctionsTrigger(function).GetProperty("schedule").GetString());

    [Fact]
    public async Task The_option_defaults_are_the_timers_intervals_and_the_standalone_host_runs_them_more_often()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), new PipelineOptions().ReconcileInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), new PipelineOptions().RankingInterval);
        Assert.Equal(TimerSchedules.ReconcileInterval, new PipelineOptions().ReconcileInterval);
        Assert.Equal(TimerSchedules.RankEntitiesInterval, new PipelineOptions().RankingInterval);

        await using var host = StandaloneHost.Build([]);
        var standalone = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(5), standalone.ReconcileInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), standalone.RankingInterval);
    }
}
