using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Ingestion.Core.Stories;

/// <summary>
/// LSH banding over a <see cref="StorySketch"/>: the first <see cref="Count"/> × <see cref="Rows"/> bins, cut into
/// <see cref="Count"/> bands of <see cref="Rows"/>. Two texts of resemblance J share at least one band with
/// probability 1 − (1 − J^Rows)^Count: 0.99 at J = 0.5 and 0.9999 at 0.7, but 0.15 at 0.1 and 0.04 at 0.05 (those
/// candidates are then compared on the whole sketch). A story is found by looking its bands up, never by a scan.
/// The keys are stored: changing these numbers means rebuilding the band index.
/// </summary>
public static class StoryBands
{
    public const int Count = 16;
    public const int Rows = 2;

    /// <summary>"{band:D2}{hash:x16}": 18 characters, valid in a table key and distinct per band.</summary>
    public static string[] Keys(StorySketch sketch)
    {
        var keys = new string[Count];
        var values = sketch.Values;
        for (var band = 0; band < Count; band++)
        {
            var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(values.Slice(band * Rows, Rows)), seed: band);
            keys[band] = band.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        }
        return keys;
    }
}
