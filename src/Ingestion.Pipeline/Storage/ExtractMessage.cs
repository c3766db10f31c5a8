using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingestion.Pipeline.Storage;

/// <summary>
/// The queue message from the clean stage to the extract stage: a pointer to the clean blob, never the article
/// (a queue message is at most 64 KB). <see cref="ContentHash"/> lets the extract stage drop messages about
/// content that has since been overwritten.
/// </summary>
public sealed record ExtractMessage(string Id, string Name, string ContentHash, string CleanBlob, string? CorrelationId)
{
    /// <summary>The pointer to the content <paramref name="row"/> holds, cleaned.</summary>
    public static ExtractMessage For(ArticleRow row) => new(row.PartitionKey, row.Name, row.ContentHash!, row.CleanBlob!, row.CorrelationId);

    public string ToJson() => JsonSerializer.Serialize(this, PipelineJsonContext.Default.ExtractMessage);

    /// <summary>Parses a message body; null when it is not a valid extract message (a poison candidate).</summary>
    public static ExtractMessage? TryParse(string json)
    {
        try
        {
            var message = JsonSerializer.Deserialize(json, PipelineJsonContext.Default.ExtractMessage);
            return message is { Id.Length: > 0, Name.Length: > 0, ContentHash.Length: > 0, CleanBlob.Length: > 0 } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What the WebJobs blob trigger writes to <c>webjobs-blobtrigger-poison</c> after five failures.</summary>
public sealed record BlobTriggerPoisonMessage(string? FunctionId, string? ContainerName, string? BlobName, string? ETag)
{
    public static BlobTriggerPoisonMessage? TryParse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PipelineJsonContext.Default.BlobTriggerPoisonMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ExtractMessage))]
[JsonSerializable(typeof(BlobTriggerPoisonMessage))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
