using System.ComponentModel;
using System.Diagnostics;
using Ingestion.Cli.Harness;
using Ingestion.Core;
using Ingestion.DevStorage;
using Ingestion.Core.Input;
using Ingestion.Core.Model;
using Ingestion.Core.Stories;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// <c>ingest bench FILES… [--peer]</c>: cleaning and extraction speed on one thread, per stage and input kind, with
/// latency percentiles and allocations, and the story sketch's cost beside them; with <c>--peer</c>, the reference peer
/// on the same files in the same run.
/// Numbers, not pass/fail: the machines are noisy, so compare ratios and medians.
/// </summary>
internal sealed class BenchCommand : AsyncCommand<BenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<paths>")]
        [Description("Files or folders (gold files skipped).")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--seconds <S>")]
        [Description("Measured time per stage and input kind (default 3).")]
        public double Seconds { get; init; } = 3;

        [CommandOption("--peer")]
        [Description("Also time the reference peer (../shared/peers/run-peers.sh, Node) on the same files.")]
        public bool Peer { get; init; }

        [CommandOption("--peer-script <PATH>")]
        [Description("Where run-peers.sh is (default: ../shared/peers/run-peers.sh from the repository).")]
        public string? PeerScript { get; init; }
    }

    private sealed record Sample(string Path, ArticleInput Input, long Bytes, CleanArticle Clean);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var processor = ArticleProcessor.CreateDefault();
        var samples = new List<Sample>();
        foreach (var (path, name) in InputFiles.Expand(settings.Paths))
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            try
            {
                var input = ArticleInput.Decode(name, bytes);
                samples.Add(new Sample(path, input, bytes.Length, processor.Cleaner.Clean(input)));
            }
            catch (ArticleRejectedException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]skipped {path}: {e.Message}[/]");
            }
        }
        if (samples.Count == 0)
        {
            await Console.Error.WriteLineAsync("ingest: no article to benchmark");
            return 2;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"single thread, {Environment.ProcessorCount} cores, .NET {Environment.Version}")
            .AddColumns("stage", "kind", "files", "articles/s", "MB/s", "p50 ms", "p95 ms", "p99 ms", "alloc KB/article", "alloc / input");
        var shares = new List<(string Kind, double Share)>();
        foreach (var group in samples.GroupBy(s => s.Input.Format).OrderBy(g => g.Key))
        {
            var items = group.ToList();
            var clean = Measure(items, s => processor.Cleaner.Clean(s.Input), settings.Seconds);
            var extract = Measure(items, s => processor.Analyzer.Analyze(s.Clean), settings.Seconds);
            var both = Measure(items, s => processor.Analyzer.Analyze(processor.Cleaner.Clean(s.Input)), settings.Seconds);
            var sketch = Measure(items, s => StorySketch.Of(s.Clean), settings.Seconds);
            var kind = group.Key.ToString().ToLowerInvariant();
            AddRow(table, "clean", kind, items, clean);
            AddRow(table, "extract", kind, items, extract);
            AddRow(table, "clean+extract", kind, items, both);
            AddRow(table, "story sketch", kind, items, sketch);
            shares.Add((kind, sketch.SecondsPerArticle / both.SecondsPerArticle));
        }
        var all = Measure(samples, s => processor.Analyzer.Analyze(processor.Cleaner.Clean(s.Input)), settings.Seconds);
        var allSketch = Measure(samples, s => StorySketch.Of(s.Clean), settings.Seconds);
        AddRow(table, "clean+extract", "all", samples, all);
        AddRow(table, "story sketch", "all", samples, allSketch);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"story sketch: [bold]{allSketch.SecondsPerArticle * 1e6:N1} µs[/] per article, [bold]{allSketch.SecondsPerArticle / all.SecondsPerArticle:P1}[/] of clean+extract ({string.Join(", ", shares.Select(s => $"{s.Kind} {s.Share:P1}"))}; target < 10 %)");

        if (settings.Peer)
            await ComparePeerAsync(settings, samples, all, cancellationToken);
        return 0;
    }

    private sealed record Result(int Runs, double SecondsPerArticle, double P50, double P95, double P99, double AllocPerArticle, double BytesPerArticle);

    /// <summary>Warm up, then cycle through the inputs for the given time, timing each article.</summary>
    private static Result Measure(List<Sample> items, Action<Sample> work, double seconds)
    {
        foreach (var s in items) for (var i = 0; i < 3; i++) work(s);
        var latencies = new List<double>();
        long bytes = 0;
        var allocBefore = GC.GetAllocatedBytesForCurrentThread();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds || latencies.Count < items.Count)
        {
            foreach (var s in items)
            {
                var t = Stopwatch.GetTimestamp();
                work(s);
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                bytes += s.Bytes;
            }
        }
        total.Stop();
        var alloc = GC.GetAllocatedBytesForCurrentThread() - allocBefore;
        latencies.Sort();
        return new Result(latencies.Count, total.Elapsed.TotalSeconds / latencies.Count, Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.95),
            Percentiles.Of(latencies, 0.99), (double)alloc / latencies.Count, (double)bytes / latencies.Count);
    }

    private static void AddRow(Table table, string stage, string kind, List<Sample> items, Result r) =>
        table.AddRow(stage, kind, items.Count.ToString(), $"{1 / r.SecondsPerArticle:N0}", $"{r.BytesPerArticle / r.SecondsPerArticle / 1e6:N1}",
            $"{r.P50:0.000}", $"{r.P95:0.000}", $"{r.P99:0.000}", $"{r.AllocPerArticle / 1024:N0}", $"{r.AllocPerArticle / r.BytesPerArticle:0.0}×");

    /// <summary>
    /// Times the peer with --repeat 1 and --repeat 1+K over the same files: the difference is K passes of pure
    /// processing (Node start-up and module loading cancel out).
    /// </summary>
    private static async Task ComparePeerAsync(Settings settings, List<Sample> samples, Result ours, CancellationToken cancellationToken)
    {
        var script = settings.PeerScript ?? (RepositoryRoot.Find() is { } root ? Path.Combine(root, "..", "shared", "peers", "run-peers.sh") : null);
        if (script is null || !File.Exists(script))
        {
            await Console.Error.WriteLineAsync("ingest: peer script not found; pass --peer-script");
            return;
        }
        const int extraPasses = 3;
        var files = samples.Select(s => Path.GetFullPath(s.Path)).ToList();
        var once = await TimeAsync(script, files, 1, cancellationToken);
        var more = await TimeAsync(script, files, 1 + extraPasses, cancellationToken);
        var peerSecondsPerArticle = Math.Max(1e-9, (more - once) / (extraPasses * files.Count));
        var ratio = peerSecondsPerArticle / ours.SecondsPerArticle;
        AnsiConsole.MarkupLineInterpolated(
            $"peer (Readability + compromise): [bold]{1 / peerSecondsPerArticle:N1}[/] articles/s ({peerSecondsPerArticle * 1000:N1} ms/article); ours: [bold]{1 / ours.SecondsPerArticle:N0}[/] articles/s → [bold green]{ratio:N0}×[/] the peer's throughput");
    }


    private static async Task<double> TimeAsync(string script, List<string> files, int repeat, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var f in files) start.ArgumentList.Add(f);
        start.ArgumentList.Add("--repeat");
        start.ArgumentList.Add(repeat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drain = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await drain;
        watch.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException("the peer failed: " + (await errors).Trim());
        return watch.Elapsed.TotalSeconds;
    }
}
