using System.Globalization;
using System.Text;

namespace Ingestion.Pipeline.Storage;

/// <summary>
/// Table key and property rules Azurite does not enforce but Azure does: keys without <c>/ \ # ?</c> or control
/// characters and at most 1 KiB; string properties at most 64 KiB (32K UTF-16 chars).
/// </summary>
public static class TableKeys
{
    /// <summary>Longest key we produce, in chars: 255 UTF-16 chars stay far below the 1 KiB limit.</summary>
    public const int MaxKeyChars = 255;

    /// <summary>Longest string property we write, in UTF-16 chars (64 KiB).</summary>
    public const int MaxStringChars = 32 * 1024;

    /// <summary>
    /// The normalised key of an entity name: case- and accent-insensitive words joined by single spaces, forbidden
    /// characters replaced. "Vladimir  Putin" and "vladimir putin" share one key.
    /// </summary>
    public static string EntityKey(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c) || IsForbidden(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
            if (sb.Length >= MaxKeyChars) break;
        }
        return sb.Length == 0 ? "_" : sb.ToString();
    }

    public static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c) || c is >= '\u007F' and <= '\u009F';

    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 512 && !key.Any(IsForbidden);

    /// <summary>Cuts a string to what one table property holds; callers keep the full text elsewhere.</summary>
    public static string? Fit(string? value) =>
        value is null || value.Length <= MaxStringChars ? value : value[..(char.IsHighSurrogate(value[MaxStringChars - 1]) ? MaxStringChars - 1 : MaxStringChars)];
}
