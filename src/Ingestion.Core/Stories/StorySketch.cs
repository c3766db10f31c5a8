using System.Buffers;
using System.Buffers.Binary;
using Ingestion.Core.Model;

namespace Ingestion.Core.Stories;

/// <summary>
/// A MinHash sketch of an article's text: the Jaccard resemblance of two articles' sets of word shingles (runs of
/// <see cref="ShingleWords"/> words) is estimated as the share of the <see cref="Bins"/> values the two sketches
/// have in common. Built by one-permutation hashing with optimal densification (Li, Owen and Zhang 2012; Shrivastava
/// 2017): each shingle is hashed once and lands in one bin, which keeps its smallest value, and an empty bin borrows
/// the value of the first filled bin its fixed probe sequence reaches. That costs one hash per shingle instead of one
/// per shingle and bin, and keeps the property LSH banding needs: two sketches agree in a bin with probability J.
/// </summary>
public sealed class StorySketch
{
    /// <summary>Words per shingle: long enough that unrelated texts share almost none, short enough that an edit breaks few.</summary>
    public const int ShingleWords = 5;

    /// <summary>Values per sketch: the resemblance estimate's standard error is √(J(1−J)/Bins), at most 0.044.</summary>
    public const int Bins = 128;

    /// <summary>Bytes of <see cref="ToBytes"/>: one little-endian uint per bin.</summary>
    public const int ByteLength = Bins * sizeof(uint);

    private const int BinBits = 7; // 2^7 = Bins

    /// <summary>The rolling hash's base: odd, with its bits spread (the 64-bit golden ratio).</summary>
    private const ulong Roll = 0x9E3779B97F4A7C15UL;

    private readonly uint[] _values;

    private StorySketch(uint[] values, int shingles)
    {
        _values = values;
        Shingles = shingles;
    }

    /// <summary>How many shingles the text had (repeats counted): the size of the set the sketch stands for.</summary>
    public int Shingles { get; }

    public ReadOnlySpan<uint> Values => _values;

    /// <summary>The sketch of what an article says: its title, lead and body (not captions, kicker or signature, which formats keep or drop).</summary>
    public static StorySketch? Of(CleanArticle article) => Of(article.TextBlocks());

    /// <summary>The sketch of <paramref name="blocks"/> read in order; null when they hold no word.</summary>
    public static StorySketch? Of(IEnumerable<string> blocks)
    {
        var words = ArrayPool<ulong>.Shared.Rent(512);
        try
        {
            var count = StoryWords.Hash(blocks, ref words);
            return count == 0 ? null : FromWords(words.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(words);
        }
    }

    private static StorySketch FromWords(ReadOnlySpan<ulong> words)
    {
        var values = new uint[Bins];
        Span<bool> filled = stackalloc bool[Bins];
        values.AsSpan().Fill(uint.MaxValue);
        // A text shorter than a shingle is one shingle of all its words.
        var width = Math.Min(ShingleWords, words.Length);
        var shingles = words.Length - width + 1;
        // Each shingle's hash is a polynomial in its words' hashes, rolled along the text: two multiplications per
        // shingle instead of one mix per word and shingle; the mix after it spreads the bits over bin and value.
        var h = 0UL;
        var outgoing = 1UL;
        for (var j = 0; j < width; j++)
        {
            h = h * Roll + words[j];
            if (j > 0) outgoing *= Roll;
        }
        for (var i = 0; ; i++)
        {
            var mixed = Mix(h);
            var bin = (int)(mixed >> (64 - BinBits));
            var value = (uint)mixed;
            if (value < values[bin]) values[bin] = value;
            filled[bin] = true;
            if (i + 1 == shingles) break;
            h = (h - words[i] * outgoing) * Roll + words[i + width];
        }
        Densify(values, filled);
        return new StorySketch(values, shingles);
    }

    /// <summary>Each empty bin takes the value of the first filled bin on its own probe sequence (the same for every text).</summary>
    private static void Densify(uint[] values, ReadOnlySpan<bool> filled)
    {
        for (var bin = 0; bin < Bins; bin++)
        {
            if (filled[bin]) continue;
            for (var attempt = 1UL; ; attempt++)
            {
                var source = (int)(Mix(((ulong)bin << 32) | attempt) >> (64 - BinBits));
                if (!filled[source]) continue;
                values[bin] = values[source];
                break;
            }
        }
    }

    /// <summary>The estimated Jaccard resemblance of the two texts' shingle sets, 0 to 1.</summary>
    public double Resemblance(StorySketch other)
    {
        var same = 0;
        for (var i = 0; i < Bins; i++)
            if (_values[i] == other._values[i]) same++;
        return (double)same / Bins;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        for (var i = 0; i < Bins; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), _values[i]);
        return bytes;
    }

    /// <summary>A sketch as <see cref="ToBytes"/> stored it; null when the bytes are not one (a row written by hand, a truncated value).</summary>
    public static StorySketch? FromBytes(ReadOnlySpan<byte> bytes, int shingles)
    {
        if (bytes.Length != ByteLength || shingles < 1) return null;
        var values = new uint[Bins];
        for (var i = 0; i < Bins; i++)
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * sizeof(uint))..]);
        return new StorySketch(values, shingles);
    }

    /// <summary>SplitMix64's finaliser: every input bit reaches every output bit.</summary>
    internal static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
