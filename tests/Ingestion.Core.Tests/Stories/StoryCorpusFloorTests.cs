using Ingestion.Core.Stories;
using Ingestion.StoryCorpus;
using Xunit.Abstractions;

namespace Ingestion.Core.Tests.Stories;

/// <summary>
/// A floor on "same story" over the generated corpus (tests/Ingestion.StoryCorpus), run as <c>ingest process</c> runs
/// a folder: pairwise precision and recall at least 0.98 (the bar; the whole corpus reaches 1.000 / 0.9998,
/// `benchmarks/Ingestion.StoryBench`). Built from the first DWIE texts and the dev pages next to the repository, or,
/// where ../shared is absent, from the repository's own DW fixtures.
/// </summary>
public class StoryCorpusFloorTests(ITestOutputHelper output)
{
    private const int Sources = 150;

    [Fact]
    public void Pairwise_precision_and_recall_of_same_story_stay_above_the_floor()
    {
        var corpus = Corpus.Build(SourceFiles());
        var processor = ArticleProcessor.CreateDefault();
        var stories = new StoryIndex();
        var run = corpus.Items.OrderBy(i => i.Name, StringComparer.Ordinal).Select(item =>
        {
            var doc = processor.Process(item.Name, item.Content, stories: stories);
            return (item.Story, Predicted: doc.DuplicateOf ?? doc.Id);
        }).ToList();

        var score = PairScore.Of(run);
        output.WriteLine($"{corpus.Items.Count} items of {run.Select(r => r.Story).Distinct().Count()} stories: {score}");
        Assert.True(score.TruePairs > 10 * run.Select(r => r.Story).Distinct().Count(), "too few copies to score");
        Assert.True(score.Precision >= 0.98, score.ToString());
        Assert.True(score.Recall >= 0.98, score.ToString());
    }

    private static List<string> SourceFiles()
    {
        var shared = Path.Combine(RepositoryRoot(), "..", "shared", "dw");
        if (Directory.Exists(Path.Combine(shared, "dwie")))
            return Directory.GetFiles(Path.Combine(shared, "dwie"), "*.txt").Order(StringComparer.Ordinal).Take(Sources)
                .Concat(Directory.GetFiles(Path.Combine(shared, "dev")).Where(f => !f.EndsWith(".gold.json", StringComparison.Ordinal)))
                .ToList();
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        return Directory.GetFiles(Path.Combine(fixtures, "dw")).Concat(Directory.GetFiles(Path.Combine(fixtures, "stories")))
            .Where(f => !f.EndsWith(".gold.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
