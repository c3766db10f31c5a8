using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Ingestion.Core.Stories;

/// <summary>
/// The words a story sketch is made of, as 64-bit hashes in reading order: runs of letters, digits and combining
/// marks, lower-cased. Chinese and Japanese characters are each a word (those scripts put no spaces between words).
/// Punctuation, quote-mark styles, spacing, line breaks and soft hyphens are not words, so the same text laid out by
/// another format (a text dump, a page, a feed item) gives the same hashes.
/// </summary>
internal static class StoryWords
{
    private enum CharKind : byte { Separator, Word, Ideograph, Ignorable }

    /// <summary>
    /// Every ASCII character (most of most articles) as it is in a word: lower-cased, or '\0' when it separates words.
    /// One look-up instead of a category test and a case change.
    /// </summary>
    private static readonly char[] Ascii = Enumerable.Range(0, 128)
        .Select(c => char.IsAsciiLetterOrDigit((char)c) ? char.ToLowerInvariant((char)c) : '\0').ToArray();

    /// <summary>Hashes every word of <paramref name="blocks"/> into <paramref name="hashes"/> (grown from the pool as needed).</summary>
    /// <returns>How many words were found.</returns>
    public static int Hash(IEnumerable<string> blocks, ref ulong[] hashes)
    {
        var count = 0;
        var buffer = ArrayPool<char>.Shared.Rent(1024);
        try
        {
            foreach (var block in blocks)
            {
                if (string.IsNullOrEmpty(block)) continue;
                if (block.Length > buffer.Length)
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(block.Length);
                }
                // Each word is copied lower-cased into the buffer, without its ignorable characters, and hashed there.
                var text = buffer.AsSpan(0, block.Length);
                int start = 0, end = 0;
                foreach (var c in block)
                {
                    if (c < 128)
                    {
                        var lower = Ascii[c];
                        if (lower != '\0')
                        {
                            text[end++] = lower;
                            continue;
                        }
                        if (end > start) Add(ref hashes, ref count, text[start..end]);
                        start = end;
                        continue;
                    }
                    var kind = Classify(c);
                    if (kind == CharKind.Word)
                    {
                        text[end++] = char.ToLowerInvariant(c);
                        continue;
                    }
                    if (kind == CharKind.Ignorable) continue;
                    if (end > start) Add(ref hashes, ref count, text[start..end]);
                    if (kind == CharKind.Ideograph)
                    {
                        text[end] = c;
                        Add(ref hashes, ref count, text.Slice(end, 1));
                    }
                    start = end;
                }
                if (end > start) Add(ref hashes, ref count, text[start..end]);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        return count;
    }

    private static CharKind Classify(char c)
    {
        // Hiragana, Katakana, CJK unified ideographs (and extension A), compatibility ideographs.
        if (c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF')
            return CharKind.Ideograph;
        if (char.IsLetterOrDigit(c)) return CharKind.Word;
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            // Vowel signs of Devanagari and Bengali, Arabic harakat …: inside the word they belong to.
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => CharKind.Word,
            // Soft hyphens and zero-width joiners: pages have them, their text dumps do not.
            UnicodeCategory.Format => CharKind.Ignorable,
            _ => CharKind.Separator,
        };
    }

    private static void Add(ref ulong[] hashes, ref int count, ReadOnlySpan<char> word)
    {
        if (count == hashes.Length)
        {
            var larger = ArrayPool<ulong>.Shared.Rent(hashes.Length * 2);
            hashes.AsSpan(0, count).CopyTo(larger);
            ArrayPool<ulong>.Shared.Return(hashes);
            hashes = larger;
        }
        hashes[count++] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word));
    }
}
