using System.Text.Json;
using Ingestion.Core.Cleaning;
using Ingestion.Core.Input;
using Ingestion.Core.Tests.Evaluation;
using Xunit.Abstractions;

namespace Ingestion.Core.Tests.Cleaning;

/// <summary>
/// Runs the cleaner over the real DW pages in Fixtures/dw (sources in Fixtures/SOURCES.md) and asserts the bar of the
/// cleaner issue with <see cref="CleaningScorer"/>, the C# port of score.py's cleaning metrics.
/// </summary>
public class DevSetEvaluationTests(ITestOutputHelper output)
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "dw");

    private static List<CleaningScorer.FileScore> ScoreAll()
    {
        var cleaner = new DwArticleCleaner();
        var scores = new List<CleaningScorer.FileScore>();
        foreach (var goldPath in Directory.GetFiles(Dir, "*.gold.json").Order(StringComparer.Ordinal))
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
            var file = gold.RootElement.GetProperty("file").GetString()!;
            var input = ArticleInput.Decode(file, File.ReadAllBytes(Path.Combine(Dir, file)));
            scores.Add(CleaningScorer.Score(file, cleaner.Clean(input), gold.RootElement));
        }
        return scores;
    }

    [Fact]
    public void Fixture_set_is_complete()
    {
        var golds = Directory.GetFiles(Dir, "*.gold.json");
        Assert.True(golds.Length >= 14, $"expected the 14 non-DWIE dev pages, found {golds.Length}");
        Assert.Empty(Directory.GetFiles(Dir, "dwie-*"));
    }

    [Fact]
    public void Aggregate_meets_the_bar()
    {
        var s = ScoreAll();
        foreach (var f in s) output.WriteLine($"{f.Name}: text_f1={f.TextF1:F3} leaks={f.Leaks} misses={f.Misses} title={f.TitleAcc} date={f.DateAcc} caption_f1={f.CaptionF1:F2} author_f1={f.AuthorF1:F2}");
        Assert.True(CleaningScorer.Mean(s.Select(x => x.TextF1)) >= 0.97, "mean text F1 below 0.97");
        Assert.Equal(0, s.Sum(x => x.Leaks));
        Assert.Equal(0, s.Sum(x => x.Misses));
        Assert.Equal(1.0, CleaningScorer.Mean(s.Select(x => x.TitleAcc)));
        Assert.True(CleaningScorer.Mean(s.Select(x => x.DateAcc)) >= 0.95, "date accuracy below 0.95");
        Assert.True(CleaningScorer.Mean(s.Select(x => x.CaptionF1)) >= 0.9, "caption F1 below 0.9");
        Assert.True(CleaningScorer.Mean(s.Select(x => x.AuthorF1)) >= 0.9, "author F1 below 0.9");
    }

    public static TheoryData<string> Files()
    {
        var d = new TheoryData<string>();
        foreach (var g in Directory.GetFiles(Dir, "*.gold.json").Order(StringComparer.Ordinal)) d.Add(Path.GetFileName(g));
        return d;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_meets_its_floor(string goldName)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, goldName)));
        var file = gold.RootElement.GetProperty("file").GetString()!;
        var article = new DwArticleCleaner().Clean(ArticleInput.Decode(file, File.ReadAllBytes(Path.Combine(Dir, file))));
        var f = CleaningScorer.Score(file, article, gold.RootElement);
        Assert.True(f.Leaks == 0, $"{file} leaks: {string.Join(" | ", f.LeakList)}");
        Assert.Equal(0, f.Misses);
        if (f.TitleAcc is { } t) Assert.True(t == 1.0, $"{file}: title '{article.Title}'");
        if (f.TextF1 is { } tf) Assert.True(tf >= 0.9, $"{file}: text F1 {tf:F3}");
        if (f.DateAcc is { } d) Assert.True(d == 1.0, $"{file}: date {article.Published}");
        Assert.False(article.Fallback, $"{file} is a DW page and must not need the fallback");
        Assert.NotNull(article.Language);
    }

    [Fact]
    public void Scorer_port_agrees_with_score_py_on_simple_cases()
    {
        Assert.Equal(["don", "t", "stop"], ScoreText.Tokens("Don′t  STOP"));
        Assert.Equal("berlin confronts germany's past", ScoreText.Key(" Berlin confronts Germany′s past. "));
        var a = CleaningScorer.Shingles(ScoreText.Tokens("a b c d e"));
        Assert.Equal(2, a.Count);
        Assert.Equal(1.0, ScoreText.Prf(0, 0, 0).F);
        Assert.Equal(0.0, ScoreText.Prf(0, 1, 0).F);
    }
}

/// <summary>The same text dumps as saved by other tools: CRLF line ends, or no empty lines between blocks (AMP text).</summary>
public class PerturbedDumpTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "dw");

    public static TheoryData<string, string> Cases()
    {
        var d = new TheoryData<string, string>();
        foreach (var f in new[] { "000_4cf934df87468c23", "pc-010", "pc-012", "pc-024", "pc-029" })
            foreach (var how in new[] { "crlf", "no-empty-lines" }) d.Add(f, how);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Perturbed_dumps_keep_their_scores(string name, string how)
    {
        var text = File.ReadAllText(Path.Combine(Dir, name + ".txt"));
        text = how == "crlf" ? text.Replace("\n", "\r\n", StringComparison.Ordinal)
            : string.Join("\n", text.Split('\n').Where(l => l.Trim().Length > 0));
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, name + ".gold.json")));
        var f = CleaningScorer.Score(name, new DwArticleCleaner().Clean(new ArticleInput(name + ".txt", text, Model.ArticleFormat.Text)), gold.RootElement);
        Assert.True(f.Leaks == 0, string.Join(" | ", f.LeakList));
        Assert.True(f.TextF1 >= 0.97, $"text F1 {f.TextF1:F3}");
        if (f.TitleAcc is { } t) Assert.Equal(1.0, t);
    }
}
