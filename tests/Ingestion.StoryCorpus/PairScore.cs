namespace Ingestion.StoryCorpus;

/// <summary>
/// Pairwise precision and recall of "same story": over every pair of items, a pair is predicted same when the run put
/// both in one story, truly same when both were made from one source. Counted from the contingency of the two
/// partitions, so a corpus of thousands costs no pair loop.
/// </summary>
public sealed record PairScore(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    /// <param name="items">Each item's true story and predicted story.</param>
    public static PairScore Of(IEnumerable<(string Truth, string Predicted)> items)
    {
        var list = items.ToList();
        static long Pairs(IEnumerable<int> sizes) => sizes.Sum(n => (long)n * (n - 1) / 2);
        return new PairScore(
            Pairs(list.GroupBy(i => i.Truth).Select(g => g.Count())),
            Pairs(list.GroupBy(i => i.Predicted).Select(g => g.Count())),
            Pairs(list.GroupBy(i => i).Select(g => g.Count())));
    }

    public override string ToString() =>
        $"pairwise precision {Precision:F4} ({CorrectPairs:N0} of {PredictedPairs:N0} predicted pairs), recall {Recall:F4} ({CorrectPairs:N0} of {TruePairs:N0} true pairs)";
}
