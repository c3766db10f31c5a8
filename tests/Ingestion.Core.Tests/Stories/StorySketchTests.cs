using CsCheck;
using Ingestion.Core.Stories;

namespace Ingestion.Core.Tests.Stories;

/// <summary>The MinHash sketch and its bands: what counts as the same words, how well it estimates resemblance.</summary>
public class StorySketchTests
{
    [Fact]
    public void Case_punctuation_spacing_quote_marks_and_soft_hyphens_do_not_change_the_words()
    {
        var page = StorySketch.Of(["Russia’s  leader SAID: “We will see.”", "Inter\u00ADnational\u00A0talks — next week."])!;
        var dump = StorySketch.Of(["russia's leader said \"we will see\"", "international talks, next week"])!;

        Assert.Equal(1.0, page.Resemblance(dump));
        Assert.Equal(page.Shingles, dump.Shingles);
        Assert.Equal(StoryBands.Keys(page), StoryBands.Keys(dump));
    }

    [Fact]
    public void A_text_without_words_has_no_sketch_and_a_short_one_is_one_shingle()
    {
        Assert.Null(StorySketch.Of(["", "  — … ", "\u00A0"]));
        var short1 = StorySketch.Of(["Breaking news"])!;
        Assert.Equal(1, short1.Shingles);
        Assert.Equal(1.0, short1.Resemblance(StorySketch.Of(["BREAKING: news!"])!));
        Assert.True(short1.Resemblance(StorySketch.Of(["Breaking views"])!) < 0.1);
    }

    [Fact]
    public void Chinese_characters_are_words_of_their_own()
    {
        const string text = "德国总理朔尔茨周四表示俄罗斯入侵乌克兰是当前最大的危机德国在国内外面临诸多问题";
        var one = StorySketch.Of([text])!;
        var edited = StorySketch.Of([text.Replace("周四", "周五", StringComparison.Ordinal)])!;

        Assert.Equal(text.Length - StorySketch.ShingleWords + 1, one.Shingles);
        Assert.InRange(one.Resemblance(edited), 0.5, 0.99);
    }

    /// <summary>Word sequences from a small vocabulary; the second is the first with a share of its words replaced.</summary>
    private static readonly Gen<(string[] A, string[] B)> Pairs =
        from length in Gen.Int[40, 900]
        from words in Gen.Int[0, 1999].Array[length]
        from changes in Gen.Int[0, 1999].Array[length]
        from share in Gen.Double[0, 1]
        select (words.Select(w => "w" + w).ToArray(),
                words.Select((w, i) => changes[i] < share * 2000 ? "v" + changes[i] : "w" + w).ToArray());

    private static HashSet<string> Shingles(string[] words) =>
        Enumerable.Range(0, Math.Max(1, words.Length - StorySketch.ShingleWords + 1))
            .Select(i => string.Join(' ', words.Skip(i).Take(StorySketch.ShingleWords))).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Resemblance_estimates_the_jaccard_index_of_the_shingle_sets()
    {
        // The estimate's standard error is at most 0.044 (128 bins): 0.2 is more than four and a half of them.
        Pairs.Sample(pair =>
        {
            var (a, b) = (Shingles(pair.A), Shingles(pair.B));
            var exact = (double)a.Count(b.Contains) / a.Union(b).Count();
            var estimate = StorySketch.Of([string.Join(' ', pair.A)])!.Resemblance(StorySketch.Of([string.Join(' ', pair.B)])!);
            return Math.Abs(estimate - exact) < 0.2;
        }, iter: 300);
    }

    [Fact]
    public void A_sketch_survives_its_bytes_and_rejects_bytes_that_are_not_one()
    {
        var sketch = StorySketch.Of(["The talks, held in Ethiopia, are aimed at brokering a ceasefire."])!;
        var back = StorySketch.FromBytes(sketch.ToBytes(), sketch.Shingles)!;

        Assert.Equal(sketch.Values.ToArray(), back.Values.ToArray());
        Assert.Equal(1.0, back.Resemblance(sketch));
        Assert.Null(StorySketch.FromBytes(sketch.ToBytes().AsSpan(1), sketch.Shingles));
        Assert.Null(StorySketch.FromBytes(sketch.ToBytes(), 0));
    }

    [Fact]
    public void Band_keys_are_short_table_keys_one_per_band()
    {
        var keys = StoryBands.Keys(StorySketch.Of(["South Sudan's government and rebels have both claimed that they have finally started peace talks."])!);

        Assert.Equal(StoryBands.Count, keys.Length);
        Assert.All(keys, k => Assert.Matches("^[0-9]{2}[0-9a-f]{16}$", k));
        Assert.Equal(Enumerable.Range(0, StoryBands.Count).Select(b => b.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), keys.Select(k => k[..2]));
    }
}
