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

    /// <summary>The Functions app's timer; the standalone host runs the reconciler as a background service instead.</summary>
    public const string ReconcileArticles = "ReconcileArticles";

    /// <summary>The blob and queue triggers, which both hosts have.</summary>
    public static IReadOnlyList<string> StorageTriggers { get; } = [CleanArticle, ExtractArticle, ExtractArticlePoison, BlobTriggerPoison];
}
