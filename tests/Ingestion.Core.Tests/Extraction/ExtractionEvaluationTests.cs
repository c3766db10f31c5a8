using System.Text.Json;
using Ingestion.Core.Extraction;
using Ingestion.Core.Model;
using Xunit.Abstractions;

namespace Ingestion.Core.Tests.Extraction;

/// <summary>
/// The quality bar of the extraction issue: entity F1 >= 0.85, quote F1 >= 0.95, speaker accuracy >= 0.90, scored with a
/// port of score.py on the repo's own fixture (the seed) and, when the shared dev set sits next to the repository, on
/// every dev file with entity/quote gold that can be read without the cleaner.
/// </summary>
public class ExtractionEvaluationTests(ITestOutputHelper output)
{
    private const double EntityBar = 0.85, QuoteBar = 0.95, SpeakerBar = 0.90;

    internal static CleanArticle FromGold(JsonElement gold)
    {
        var headings = gold.TryGetProperty("headings", out var h) ? h.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        return new CleanArticle
        {
            Format = ArticleFormat.Text,
            Language = gold.TryGetProperty("language", out var l) ? l.GetString() : "en",
            Title = gold.GetProperty("title").GetString(),
            Lead = gold.GetProperty("lead").GetString() ?? "",
            Body = gold.GetProperty("body").EnumerateArray().Select(x => x.GetString()!)
                .Select(t => new BodyBlock(headings.Contains(t) ? BlockKind.Heading : BlockKind.Paragraph, t)).ToList(),
        };
    }

    /// <summary>A DWIE text: line 1 title, line 2 lead, the rest body paragraphs.</summary>
    internal static CleanArticle FromCleanText(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        return new CleanArticle
        {
            Format = ArticleFormat.Text,
            Language = "en",
            Title = lines.FirstOrDefault(),
            Lead = lines.Count > 1 ? lines[1] : "",
            Body = lines.Skip(2).Select(t => new BodyBlock(BlockKind.Paragraph, t)).ToList(),
        };
    }

    internal static string? DevFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))) dir = dir.Parent;
        if (dir is null) return null;
        var dev = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "dw", "dev"));
        return Directory.Exists(dev) ? dev : null;
    }

    private static JsonElement Gold(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    private static ExtractionScorer ScoreFixtures(ExtractionScorer scorer)
    {
        var analyzer = new RuleBasedAnalyzer();
        var gold = Gold(Path.Combine(AppContext.BaseDirectory, "Fixtures", "extraction", "000_4cf934df87468c23.gold.json"));
        scorer.Add("seed", analyzer.Analyze(FromGold(gold)), gold);
        return scorer;
    }

    private void AssertBar(ExtractionScorer s)
    {
        output.WriteLine(s.ToString());
        foreach (var line in s.Log) output.WriteLine(line);
        Assert.True(s.Entities.F >= EntityBar, $"entity F1 {s.Entities.F:F3} < {EntityBar}: {s}");
        Assert.True(s.Quotes.F >= QuoteBar, $"quote F1 {s.Quotes.F:F3} < {QuoteBar}: {s}");
        Assert.True(s.SpeakerAccuracy >= SpeakerBar, $"speaker accuracy {s.SpeakerAccuracy:F3} < {SpeakerBar}: {s}");
    }

    [Fact]
    public void Seed_fixture_meets_the_bar()
    {
        var s = ScoreFixtures(new ExtractionScorer());
        Assert.True(s.EntityTp > 10 && s.QuoteTp >= 8, s.ToString());
        AssertBar(s);
    }

    [Fact]
    public void Dev_set_meets_the_bar_when_present()
    {
        var scorer = ScoreFixtures(new ExtractionScorer());
        var dev = DevFolder();
        output.WriteLine(dev is null ? "shared dev set not found: fixtures only" : $"dev set: {dev}");
        if (dev is not null)
        {
            var analyzer = new RuleBasedAnalyzer();
            var files = Directory.GetFiles(dev, "dwie-*.txt").Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(files);
            foreach (var txt in files)
            {
                var goldPath = Path.ChangeExtension(txt, null) + ".gold.json";
                if (!File.Exists(goldPath)) continue;
                scorer.Add(Path.GetFileName(txt), analyzer.Analyze(FromCleanText(File.ReadAllText(txt))), Gold(goldPath));
            }
            Assert.True(scorer.EntityTp + scorer.EntityFn > 100, "the dwie files were not scored");
        }
        AssertBar(scorer);
    }

    [Fact]
    public void Scorer_port_counts_a_second_entity_for_the_same_thing_as_false_positive()
    {
        var gold = JsonDocument.Parse("""
            {"entities":[{"name":"Vladimir Putin","type":"person","aliases":["Putin"]},{"name":"Kremlin","type":"organization","optional":true}],
             "quotes":[{"text":"We will win the game","speaker":"Vladimir Putin"},{"text":"green light","speaker":null,"optional":true}]}
            """).RootElement;
        var s = new ExtractionScorer();
        s.Add("t", new ArticleAnalysis(
            [new Entity("Vladimir Putin", EntityType.Person, [], 2, null), new Entity("Putin", EntityType.Person, [], 1, null), new Entity("Kremlin", EntityType.Location, [], 1, null)],
            [new Quote("we will win the game.", "Putin, Vladimir", "said", QuoteAttribution.Explicit)]), gold);
        Assert.Equal((1, 1, 0), (s.EntityTp, s.EntityFp, s.EntityFn));
        Assert.Equal((1, 0, 0), (s.QuoteTp, s.QuoteFp, s.QuoteFn));
        Assert.Equal(0, s.SpeakerOk); // "Putin, Vladimir" is two names as a set, not Vladimir Putin
    }
}
