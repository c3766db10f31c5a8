namespace Ingestion.Pipeline.Storage;

/// <summary>Where an article is. Stored lowercase in the <c>Articles</c> table and returned as is by the API.</summary>
public static class ArticleStatus
{
    public const string Received = "received";
    public const string Cleaned = "cleaned";
    public const string Extracted = "extracted";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Received, Cleaned, Extracted, Failed];

    public static bool IsValid(string? status) => status is not null && All.Contains(status);
}

/// <summary>Which stage an error happened in.</summary>
public static class PipelineStage
{
    public const string Clean = "clean";
    public const string Extract = "extract";
}
