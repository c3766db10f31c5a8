namespace Ingestion.Pipeline.Storage;

/// <summary>
/// Every storage name the pipeline uses, in one place. Trigger attributes, the hosts, the CLI, the Bicep in
/// <c>infra/</c> and the tests all read these; a test checks the compiled Functions metadata and the template agree.
/// </summary>
public static class StorageNames
{
    /// <summary>The app setting (prefix) that holds the storage connection, for triggers and clients alike.</summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>Users and crawlers drop articles here, in any virtual folder.</summary>
    public const string DropContainer = "articles";

    /// <summary>The clean stage writes each clean article here as JSON, named <c>{id}.json</c>.</summary>
    public const string CleanContainer = "articles-clean";

    /// <summary>Every analysed version of an article, as <c>{id}/{version key}.json</c>: its clean text and analysis.</summary>
    public const string VersionsContainer = "articles-versions";

    /// <summary>Pointers from the clean stage to the extract stage (never the article text: 64 KB limit).</summary>
    public const string ExtractQueue = "articles-extract";

    /// <summary>Where the queue trigger moves a message after <c>maxDequeueCount</c> failures.</summary>
    public const string ExtractPoisonQueue = ExtractQueue + "-poison";

    /// <summary>Where the blob trigger reports a blob it failed on five times.</summary>
    public const string BlobTriggerPoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>Blob trigger receipts (written by the trigger listener itself).</summary>
    public const string ReceiptsContainer = "azure-webjobs-hosts";

    public const string ArticlesTable = "Articles";
    public const string EntitiesTable = "ArticleEntities";
    public const string QuotesTable = "ArticleQuotes";
    public const string EntityIndexTable = "EntityArticles";
    public const string SpeakerQuotesTable = "SpeakerQuotes";
    public const string EntityRankingTable = "EntityRanking";
    public const string IndexEntriesTable = "ArticleIndexEntries";
    public const string StoriesTable = "Stories";
    public const string StoryBandsTable = "StoryBands";
    public const string VersionsTable = "ArticleVersions";

    public static IReadOnlyList<string> Containers { get; } = [DropContainer, CleanContainer, VersionsContainer];
    public static IReadOnlyList<string> Queues { get; } = [ExtractQueue, ExtractPoisonQueue, BlobTriggerPoisonQueue];
    public static IReadOnlyList<string> Tables { get; } =
        [ArticlesTable, EntitiesTable, QuotesTable, EntityIndexTable, SpeakerQuotesTable, EntityRankingTable, IndexEntriesTable,
         StoriesTable, StoryBandsTable, VersionsTable];

    /// <summary>Trigger paths as the attributes spell them.</summary>
    public const string DropBlobPath = DropContainer + "/{name}";

    public static string CleanBlobName(string articleId) => articleId + ".json";

    public static string VersionBlobName(string articleId, string versionKey) => articleId + "/" + versionKey + ".json";
}
