namespace Ingestion.Pipeline.Api;

/// <summary>Routes under <c>/api</c>, as both hosts declare them (Functions routes omit the <c>api/</c> prefix).</summary>
public static class ApiRoutes
{
    public const string Health = "health";
    public const string Liveness = "health/live";
    public const string Articles = "articles";
    public const string Article = "articles/{id}";
    public const string Reprocess = "articles/{id}/reprocess";
    public const string ArticleText = "articles/{id}/text";
    public const string ArticleVersions = "articles/{id}/versions";
    public const string EntityArticles = "entities/{name}/articles";
    public const string Entities = "entities";
    public const string SpeakerQuotes = "speakers/{name}/quotes";
}
