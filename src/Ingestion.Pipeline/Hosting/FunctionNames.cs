namespace Ingestion.Pipeline;

/// <summary>
/// The names of the trigger functions, as both hosts declare them (<c>[Function]</c> in the Functions app,
/// <c>[FunctionName]</c> in the standalone host). Event Grid's subscription and the poison messages name them too.
/// </summary>
public static class FunctionNames
{
    public const string CleanArticle = "CleanArticle";
    public const string ExtractArticle = "ExtractArticle";
    public const string ExtractArticlePoison = "ExtractArticlePoison";
    public const string BlobTriggerPoison = "BlobTriggerPoison";

    /// <summary>The Functions app's timers; the standalone host runs the same work as background services.</summary>
    public const string ReconcileArticles = "ReconcileArticles";
    public const string RankEntities = "RankEntities";

    /// <summary>The blob and queue triggers, which both hosts have.</summary>
    public static IReadOnlyList<string> StorageTriggers { get; } = [CleanArticle, ExtractArticle, ExtractArticlePoison, BlobTriggerPoison];
}
