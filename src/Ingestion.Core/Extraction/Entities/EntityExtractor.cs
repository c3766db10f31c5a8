namespace Ingestion.Core.Extraction;

/// <summary>
/// The entities of one article: <see cref="SpanScanner"/> finds the names, <see cref="MentionTyper"/> types them (and
/// <see cref="CuedOrganizations"/> gives a word one sense), <see cref="Coreference"/> merges the mentions of one thing, <see cref="CanonicalNames"/> names each cluster.
/// Afterwards the mentions are indexed by token, for the quote attributor's "which name ends here" questions.
/// </summary>
internal sealed class EntityExtractor(ArticleText doc, LanguageProfile profile)
{
    public readonly List<Mention> Mentions = doc.Scratch.Mentions;
    public readonly List<Cluster> Clusters = doc.Scratch.Clusters;
    /// <summary>Token -> index of the mention ending (starting) there, or -1; all blocks in a row, in reused scratch buffers.</summary>
    private int[] endsAt = [], startsAt = [];
    /// <summary>Where each block's tokens start in <see cref="endsAt"/> and <see cref="startsAt"/>.</summary>
    private int[] blockStart = [];

    /// <summary>For block <paramref name="b"/>, token index -> mention index for the mention's last token (-1 when none).</summary>
    public ReadOnlySpan<int> EndsAt(int b) => endsAt.AsSpan(blockStart[b], doc.Tokens[b].Count);
    public ReadOnlySpan<int> StartsAt(int b) => startsAt.AsSpan(blockStart[b], doc.Tokens[b].Count);

    public void Run()
    {
        var sink = new MentionSink(doc, Mentions);
        var typer = new MentionTyper(doc, profile, sink);
        var scanner = new SpanScanner(doc, profile, sink, typer);
        typer.Scanner = scanner;
        scanner.ScanAll();
        CuedOrganizations.Apply(Mentions);
        new Coreference(doc, profile, Mentions, Clusters).Run();
        CanonicalNames.Apply(doc, profile, Mentions, Clusters);
        IndexMentions();
    }

    private void IndexMentions()
    {
        blockStart = new int[doc.Blocks.Length];
        var total = 0;
        for (var b = 0; b < doc.Blocks.Length; b++)
        {
            blockStart[b] = total;
            total += doc.Tokens[b].Count;
        }
        (endsAt, startsAt) = doc.Scratch.MentionIndexes(total);
        Array.Fill(endsAt, -1, 0, total);
        Array.Fill(startsAt, -1, 0, total);
        for (var i = 0; i < Mentions.Count; i++)
        {
            var m = Mentions[i];
            if (m.Cluster < 0) continue;
            endsAt[blockStart[m.Block] + m.TokEnd - 1] = i;
            startsAt[blockStart[m.Block] + m.TokStart] = i;
        }
    }
}
