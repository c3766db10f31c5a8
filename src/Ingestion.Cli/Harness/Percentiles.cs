namespace Ingestion.Cli.Harness;

/// <summary>Nearest-rank percentiles of an ascending list: what every report of the CLI prints.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
