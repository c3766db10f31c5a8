using Azure.Storage.Blobs.Models;

namespace Ingestion.Pipeline.Storage;

/// <summary>
/// A clean blob (<c>articles-clean/{id}.json</c>) names the content it was cleaned from in its metadata. Its name is the
/// article's, so an overwrite of the dropped blob overwrites it too: an extraction that read the status row before the
/// overwrite and the clean blob after it would otherwise analyse the newer text as the older content.
/// </summary>
public static class CleanBlobMetadata
{
    public const string ContentHash = "contenthash";

    public static BlobUploadOptions Options(string contentHash) => new() { Metadata = new Dictionary<string, string> { [ContentHash] = contentHash } };

    /// <summary>Whether the blob holds another content than <paramref name="contentHash"/> (a blob written before this rule names none).</summary>
    public static bool IsOtherThan(IDictionary<string, string> metadata, string contentHash) =>
        metadata.TryGetValue(ContentHash, out var cleaned) && cleaned != contentHash;
}
