using System.Security.Cryptography;
using System.Text;

namespace Ingestion.Core.Input;

/// <summary>
/// Article ids are derived from the name the article was dropped under (its blob path), so re-dropping the same
/// blob, or replaying any message about it, lands on the same rows instead of creating new ones.
/// </summary>
public static class ArticleIdentity
{
    /// <summary>16 lowercase hex characters of SHA-256 over the normalised name: valid in every table key and URL.</summary>
    public static string IdFromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalised = NormaliseName(name);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalised), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Blob names are case-sensitive; we only unify separators and the leading slash.</summary>
    public static string NormaliseName(string name) => name.Replace('\\', '/').TrimStart('/').Normalize(NormalizationForm.FormC);

    /// <summary>SHA-256 of the bytes as dropped: tells an overwritten blob from a replayed one.</summary>
    public static string ContentHash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static bool IsValidId(string? id) =>
        id is { Length: 16 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
