using Ingestion.Core.Input;

namespace Ingestion.Pipeline;

/// <summary>Limits that protect the pipeline from hostile input. Bound from the <c>Ingestion</c> configuration section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Larger blobs are marked failed (TooLarge) without being read.</summary>
    public long MaxArticleBytes { get; set; } = ArticleInput.DefaultMaxBytes;

    /// <summary>Per-article time budget for one stage's pure work (cleaning or extraction).</summary>
    public TimeSpan StageTimeBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A dropped blob with no status row older than this is run through the clean stage by the reconciler. Longer
    /// than a trigger's normal delay (Event Grid: seconds; the standalone host's polling scan: ~10 s).
    /// </summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A status row stuck in received or cleaned for longer than this is re-run (a crash between the status write
    /// and the enqueue). Longer than a queue message can legitimately wait — in a backlog, or leased by a host
    /// that died (10 minutes) — so a pointer that is merely late is not sent twice.
    /// </summary>
    public TimeSpan ReconcileStuckAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many blobs the reconciler re-runs at once: a scan that lost many should drain them fast.</summary>
    public int ReconcileParallelism { get; set; } = 8;

    /// <summary>
    /// How often the standalone host runs the reconciler (the Functions app's timer runs it on
    /// <see cref="TimerSchedules.Reconcile"/>, the default here; the standalone host's own default is shorter).
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimerSchedules.ReconcileInterval;

    /// <summary>
    /// How often the standalone host recounts the entities marked dirty (the Functions app's timer runs it on
    /// <see cref="TimerSchedules.RankEntities"/>, the default here; the standalone host's own default is shorter).
    /// </summary>
    public TimeSpan RankingInterval { get; set; } = TimerSchedules.RankEntitiesInterval;
}
