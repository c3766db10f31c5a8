using System.Diagnostics;
using Ingestion.Core.Cleaning;
using Ingestion.Core.Extraction;
using Ingestion.Core.Input;
using Ingestion.Core.Model;
using Ingestion.Pipeline;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Cli.Harness;

/// <summary>
/// The storage-only baseline: per article, the upload, then the real <see cref="CleanStage"/> and
/// <see cref="ExtractStage"/> from the pipeline's own composition root, driven directly instead of by triggers, with
/// cleaning and extraction replaced by the results computed before the run. Every blob, queue and table call is
/// the stages' own, so the baseline cannot drift from them; what it leaves out is the CPU of cleaning and
/// extraction and the triggers' bookkeeping (receipts, scans). Its throughput is what the storage allows the
/// pipeline at best.
/// </summary>
internal sealed class StorageBaseline(string connectionString)
{
    /// <returns>Articles per second.</returns>
    public async Task<double> RunAsync(IReadOnlyList<LoadSource> sources, int count, int parallelism, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIngestionPipeline(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.Connection] = connectionString }).Build());
        services.AddSingleton<IArticleCleaner>(new Precomputed(sources));
        services.AddSingleton<IArticleAnalyzer>(new Precomputed(sources));
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<PipelineStorage>();
        var clean = provider.GetRequiredService<CleanStage>();
        var extract = provider.GetRequiredService<ExtractStage>();
        await storage.EnsureCreatedAsync(cancellationToken);
        var blobs = Tracker.Cycle("baseline/" + Guid.NewGuid().ToString("N")[..8], LoadSource.Files(sources), count);

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (blob, ct) =>
        {
            await storage.Drop.GetBlobClient(blob.Name).UploadAsync(new BinaryData(blob.Bytes), overwrite: true, ct);
            await clean.HandleAsync(blob.Name, cancellationToken: ct);
            // as the queue trigger does: take a message (each worker sent one, so one is there), run the stage, delete it
            var message = (await storage.ExtractQueue.ReceiveMessageAsync(cancellationToken: ct)).Value
                ?? throw new InvalidOperationException("the clean stage's message is not in the queue");
            await extract.HandleAsync(message.Body.ToString(), message.DequeueCount, ct);
            await storage.ExtractQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        });
        watch.Stop();
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Cleaning and extraction as lookups of their results: no CPU work left but the stages' own.</summary>
    private sealed class Precomputed(IReadOnlyList<LoadSource> sources) : IArticleCleaner, IArticleAnalyzer
    {
        private readonly Dictionary<string, CleanArticle> _clean = sources
            .DistinctBy(s => Decoded(s))
            .ToDictionary(Decoded, s => s.Clean, StringComparer.Ordinal);

        private readonly Dictionary<(string?, string, int), ArticleAnalysis> _analysis = sources
            .DistinctBy(s => Key(s.Clean))
            .ToDictionary(s => Key(s.Clean), s => s.Analysis);

        public CleanArticle Clean(ArticleInput input) => _clean[input.Text];

        public ArticleAnalysis Analyze(CleanArticle article) => _analysis[Key(article)];

        private static string Decoded(LoadSource s) => ArticleInput.Decode(s.Name, s.Bytes).Text;

        // the extract stage reads its article back from JSON, so it is found by its parts, not by reference
        private static (string?, string, int) Key(CleanArticle a) => (a.Title, a.Lead, a.Body.Count);
    }
}
