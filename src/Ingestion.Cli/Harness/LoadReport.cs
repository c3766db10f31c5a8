using Ingestion.Pipeline.Storage;
using Spectre.Console;

namespace Ingestion.Cli.Harness;

/// <summary>What a load or chaos run ended with: counts, throughput, latency percentiles.</summary>
internal sealed class LoadReport
{
    public int Dropped { get; private init; }
    public int Extracted { get; private init; }
    public int Failed { get; private init; }
    public int Lost { get; private init; }
    public double Throughput { get; private init; }
    public List<double> Detection { get; private init; } = [];
    public List<double> Processing { get; private init; } = [];
    public List<double> Total { get; private init; } = [];
    public Dictionary<string, int> FailureKinds { get; private init; } = [];

    public static LoadReport From(Tracker tracker, IReadOnlyDictionary<string, Tracker.Final> finals, int expected)
    {
        var dropped = tracker.DroppedArticles.Values.ToList();
        var done = finals.Values.Where(Tracker.IsDone).ToList();
        var first = dropped.Count > 0 ? dropped.Min(d => d.UploadedAt) : DateTimeOffset.UtcNow;
        var last = done.Select(f => f.ExtractedAt ?? f.FailedAt ?? first).DefaultIfEmpty(first).Max();
        List<double> Sorted(IEnumerable<double> values) => values.Where(v => v >= 0).Order().ToList();
        return new LoadReport
        {
            Dropped = dropped.Count,
            Extracted = done.Count(f => f.Status == ArticleStatus.Extracted),
            Failed = done.Count(f => f.Status == ArticleStatus.Failed),
            Lost = expected - done.Count,
            Throughput = done.Count / Math.Max(1e-3, (last - first).TotalSeconds),
            Detection = Sorted(done.Where(f => f.CleanStartedAt is not null).Select(f => (f.CleanStartedAt!.Value - tracker.DroppedArticles[f.Id].UploadedAt).TotalMilliseconds)),
            Processing = Sorted(done.Where(f => f.CleanStartedAt is not null && f.ExtractedAt is not null).Select(f => (f.ExtractedAt!.Value - f.CleanStartedAt!.Value).TotalMilliseconds)),
            Total = Sorted(done.Where(f => f.ExtractedAt is not null).Select(f => (f.ExtractedAt!.Value - tracker.DroppedArticles[f.Id].UploadedAt).TotalMilliseconds)),
            FailureKinds = done.Where(f => f.Status == ArticleStatus.Failed).GroupBy(f => f.ErrorKind ?? "?").ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    /// <summary>CPU a phase used per article: the storage client's (the host, or the baseline's own process) and Azurite's.</summary>
    public sealed record CpuUse(string Phase, TimeSpan Client, TimeSpan? Azurite, int Articles);

    public void Print(double? baseline, int duplicated, int missingRows, IReadOnlyList<(int Done, long WorkingSet)> memory, long peakWorkingSet, IReadOnlyList<CpuUse>? cpu = null)
    {
        var counts = new Table().Border(TableBorder.Rounded).AddColumns("dropped", "extracted", "failed", "lost", "duplicated", "rows missing", "failure kinds");
        counts.AddRow($"{Dropped}", $"{Extracted}", $"{Failed}", $"{Lost}", $"{duplicated}", $"{missingRows}",
            Markup.Escape(string.Join(", ", FailureKinds.Select(k => $"{k.Key}: {k.Value}"))));
        AnsiConsole.Write(counts);

        var latency = new Table().Border(TableBorder.Rounded).AddColumns("latency (ms)", "p50", "p95", "p99", "max");
        void Row(string name, List<double> v) => latency.AddRow(name, $"{Percentiles.Of(v, 0.5):N0}", $"{Percentiles.Of(v, 0.95):N0}", $"{Percentiles.Of(v, 0.99):N0}", v.Count > 0 ? $"{v[^1]:N0}" : "-");
        Row("detection (upload → clean starts)", Detection);
        Row("processing (clean starts → extracted)", Processing);
        Row("drop → done", Total);
        AnsiConsole.Write(latency);

        AnsiConsole.MarkupLineInterpolated($"pipeline throughput: [bold]{Throughput:N1}[/] articles/s (first upload → last done)");
        if (baseline is { } b)
            AnsiConsole.MarkupLineInterpolated($"storage-only baseline: [bold]{b:N1}[/] articles/s → ratio pipeline/baseline [bold]{Throughput / b:N2}[/]");
        foreach (var use in cpu ?? [])
        {
            var azurite = use.Azurite is { } a ? $"{a.TotalMilliseconds / use.Articles:N1}" : "?";
            AnsiConsole.MarkupLineInterpolated($"CPU per article, {use.Phase} {use.Client.TotalMilliseconds / use.Articles:N1} ms, Azurite {azurite} ms");
        }
        if (memory.Count > 0)
        {
            string At(double fraction)
            {
                var target = memory[^1].Done * fraction;
                var sample = memory.FirstOrDefault(m => m.Done >= target);
                return $"{sample.WorkingSet / 1048576.0:N0} MB";
            }
            AnsiConsole.MarkupLineInterpolated($"host working set at 25/50/75/100 % done: {At(0.25)} / {At(0.5)} / {At(0.75)} / {At(1)}; peak {peakWorkingSet / 1048576.0:N0} MB");
        }
    }
}
