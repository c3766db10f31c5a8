using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ingestion.Core.Model;
using Ingestion.Core.Stories;

namespace Ingestion.Core.Json;

/// <summary>One set of JSON conventions for every document we write: camelCase, lowercase enums, readable Unicode.</summary>
public static class IngestionJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(IngestionJsonContext.Default.Options)
        {
            WriteIndented = indented,
            // Articles are in ~30 scripts: keep them readable in JSON Lines rather than \uXXXX escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(LowercaseEnumConverter<ArticleFormat>), typeof(LowercaseEnumConverter<BlockKind>), typeof(LowercaseEnumConverter<EntityType>), typeof(LowercaseEnumConverter<QuoteAttribution>)])]
[JsonSerializable(typeof(CleanArticle))]
[JsonSerializable(typeof(ArticleDocument))]
[JsonSerializable(typeof(ArticleError))]
[JsonSerializable(typeof(ArticleAnalysis))]
[JsonSerializable(typeof(ArticleSnapshot))]
[JsonSerializable(typeof(ArticleChanges))]
public sealed partial class IngestionJsonContext : JsonSerializerContext;

/// <summary>Enums as lowercase words ("paragraph", "person"), the spelling the public contract uses.</summary>
public sealed class LowercaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower)
    where T : struct, Enum;
