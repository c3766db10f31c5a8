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
    /// A dropped blob with no status row, or a row stuck in received/cleaned, older than this is re-run by the
    /// reconciler. Longer than a trigger's normal delay (polling scan ~10 s, queue invisibility up to 10 min is
    /// harmless: a duplicate pointer is ignored by the idempotent extract stage).
    /// </summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the standalone host runs the reconciler (the Functions app uses a timer trigger).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);
}
