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
}
