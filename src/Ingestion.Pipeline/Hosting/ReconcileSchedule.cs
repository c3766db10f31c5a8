using System.Globalization;

namespace Ingestion.Pipeline;

/// <summary>How often the reconciler runs on Azure: the Functions timer's schedule and the interval it stands for.</summary>
public static class ReconcileSchedule
{
    public const string EveryMinutes = "5";

    /// <summary>NCRONTAB (with seconds) for the timer trigger: at second 0 of every fifth minute.</summary>
    public const string Cron = "0 */" + EveryMinutes + " * * * *";

    public static TimeSpan Interval { get; } = TimeSpan.FromMinutes(int.Parse(EveryMinutes, CultureInfo.InvariantCulture));
}
