using System.Globalization;

namespace Ingestion.Pipeline;

/// <summary>
/// The Functions app's timers: their NCRONTAB schedules (with seconds) for the attributes, and the intervals they
/// stand for, which are the <see cref="PipelineOptions"/> defaults (the standalone host runs the same work more often).
/// </summary>
public static class TimerSchedules
{
    public const string ReconcileEveryMinutes = "5";

    /// <summary>The reconciler: at second 0 of every fifth minute.</summary>
    public const string Reconcile = "0 */" + ReconcileEveryMinutes + " * * * *";

    public static TimeSpan ReconcileInterval { get; } = Minutes(ReconcileEveryMinutes);

    public const string RankEntitiesEveryMinutes = "1";

    /// <summary>The entity ranking sweep: at second 0 of every minute.</summary>
    public const string RankEntities = "0 */" + RankEntitiesEveryMinutes + " * * * *";

    public static TimeSpan RankEntitiesInterval { get; } = Minutes(RankEntitiesEveryMinutes);

    private static TimeSpan Minutes(string minutes) => TimeSpan.FromMinutes(int.Parse(minutes, CultureInfo.InvariantCulture));
}
