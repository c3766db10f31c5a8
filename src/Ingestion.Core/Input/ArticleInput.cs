using System.Text;
using Ingestion.Core.Model;

namespace Ingestion.Core.Input;

/// <summary>A dropped file decoded to text, with the format it is in.</summary>
public sealed record ArticleInput(string Name, string Text, ArticleFormat Format)
{
    /// <summary>Default upper bound for one article: DW pages are well under 2 MB even with inline scripts.</summary>
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes raw bytes (UTF-8, or UTF-16/UTF-32 with a BOM) and tells the format from the name and the content.
    /// Throws <see cref="ArticleRejectedException"/> for empty, binary, oversize or undecodable input.
    /// </summary>
    public static ArticleInput Decode(string name, ReadOnlySpan<byte> bytes, long maxBytes = DefaultMaxBytes)
    {
        if (bytes.Length > maxBytes)
            throw new ArticleRejectedException(RejectionKind.TooLarge, $"{bytes.Length:N0} bytes exceed the limit of {maxBytes:N0} bytes");
        if (bytes.IsEmpty)
            throw new ArticleRejectedException(RejectionKind.Empty, "the file is empty");

        var text = DecodeText(bytes);
        if (string.IsNullOrWhiteSpace(text))
            throw new ArticleRejectedException(RejectionKind.Empty, "the file holds only whitespace");
        return new ArticleInput(name, text, DetectFormat(name, text));
    }

    private static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        (Encoding? bomEncoding, int preamble) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding?)StrictUtf8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true), 2),
            _ => (null, 0),
        };
        if (bomEncoding is null && LooksBinary(bytes))
            throw new ArticleRejectedException(RejectionKind.Binary, "the file is binary (" + DescribeMagic(bytes) + "), not text");
        try
        {
            return (bomEncoding ?? StrictUtf8).GetString(bytes[preamble..]);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArticleRejectedException(RejectionKind.InvalidEncoding, $"the file is not valid UTF-8 (bad byte at offset {e.Index})", e);
        }
    }

    /// <summary>NUL bytes or many C0 control characters in the first 8 KiB mean binary, as `file` and git decide.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Contains((byte)0)) return true;
        var controls = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) controls++;
        return controls * 20 > head.Length;
    }

    private static string DescribeMagic(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG image",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "ZIP archive",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "PDF document",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG image",
        [(byte)'G', (byte)'I', (byte)'F', ..] => "GIF image",
        [0x1F, 0x8B, ..] => "gzip data",
        _ => "unknown binary data",
    };

    /// <summary>
    /// The content decides (a saved page named .txt is still HTML, a text named .json is still text); the extension
    /// only tips content that holds markup somewhere but does not start with it.
    /// </summary>
    public static ArticleFormat DetectFormat(string name, string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("{") || start.StartsWith("["))
            return ArticleFormat.Json;
        if (start.StartsWith("<"))
            return ArticleFormat.Html; // HTML, AMP, and RSS/Atom syndication items (AngleSharp reads them all)
        var head = start[..Math.Min(start.Length, 4096)];
        foreach (var marker in HtmlMarkers)
            if (head.Contains(marker, StringComparison.OrdinalIgnoreCase))
                return ArticleFormat.Html;
        var htmlByName = Path.GetExtension(name).ToLowerInvariant() is ".html" or ".htm" or ".xhtml" or ".xml";
        return htmlByName && head.Contains('<') && head.Contains('>') ? ArticleFormat.Html : ArticleFormat.Text;
    }

    private static readonly string[] HtmlMarkers = ["<html", "<!doctype html", "<body", "<article", "<div", "<p>"];
}
