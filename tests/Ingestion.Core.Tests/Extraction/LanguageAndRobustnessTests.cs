using System.Diagnostics;
using System.Text;
using Ingestion.Core.Extraction;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Extraction;

public class LanguageAndRobustnessTests
{
    [Fact]
    public void German_quotes_with_low_high_marks_and_german_speech_verbs()
    {
        var a = AnalyzerTestKit.AnalyzeIn("de", "Haushalt", "Die Regierung hat den Haushalt vorgestellt.",
            "\u201EWir investieren in Schulen und in die Bahn\u201C, sagte Bundeskanzler Olaf Scholz am Dienstag in Berlin.");
        var q = a.Single("investieren");
        Assert.Equal("Olaf Scholz", q.Speaker);
        Assert.Equal("sagte", q.Cue);
        Assert.Contains(a.Entities, e => e.Name == "Berlin" && e.Type == EntityType.Location);
        Assert.DoesNotContain(a.Entities, e => e.Name is "Die" or "Regierung" or "Haushalt");
    }

    [Fact]
    public void German_so_and_laut_attributions_do_not_leak_to_the_previous_speaker()
    {
        var a = AnalyzerTestKit.AnalyzeIn("de", "Haushalt", "Bundeskanzler Olaf Scholz verteidigte den Haushalt.",
            "\u201EDas ist ein schlechter Tag f\u00FCr unser Land\u201C, so Friedrich Merz. Laut Angela Merkel ist die Lage \u201Esehr ernst und schwierig f\u00FCr alle Beteiligten\u201C.");
        Assert.Equal("Friedrich Merz", a.Single("schlechter Tag").Speaker);
        Assert.Equal("Angela Merkel", a.Single("sehr ernst").Speaker);
        Assert.Equal("laut", a.Single("sehr ernst").Cue);
        Assert.False(a.Partial);
    }

    [Fact]
    public void Other_languages_get_quote_spans_without_speakers_and_are_partial()
    {
        var a = AnalyzerTestKit.AnalyzeIn("es", "Elecciones", "El presidente habló el lunes.",
            "\u00ABVamos a ganar estas elecciones con el apoyo del pueblo\u00BB, dijo el presidente Pedro S\u00E1nchez.");
        Assert.True(a.Partial);
        Assert.Empty(a.Entities);
        var q = a.Single("Vamos a ganar");
        Assert.Null(q.Speaker);
    }

    [Fact]
    public void English_is_not_partial()
    {
        Assert.False(AnalyzerTestKit.Analyze("A title", "A lead.").Partial);
    }

    public static TheoryData<string> Hostile => new()
    {
        new string('"', 200_000),
        string.Concat(Enumerable.Repeat("\u201C a \u201D \" b ' c \u2019 \u201E", 30_000)),
        string.Concat(Enumerable.Repeat("Berlin Paris Vladimir Putin (EU) said: \"x\" ", 40_000)),
        string.Concat(Enumerable.Repeat("The President said \"he\" and the two leaders told them \u201Cthe statement\u201D. ", 30_000)),
        string.Concat(Enumerable.Repeat("Aaaa ", 2_000_000)),
    };

    /// <summary>
    /// The bound is a hang detector (quadratic work on these megabytes would take many minutes), not a speed target:
    /// speed is measured by <c>ingest bench</c>. It is wide because test assemblies share two cores in CI.
    /// </summary>
    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_input_never_throws_or_hangs(string text)
    {
        var analyzer = new RuleBasedAnalyzer();
        analyzer.Analyze(new CleanArticle { Format = ArticleFormat.Text, Language = "en", Lead = "warm up" });
        var sw = Stopwatch.StartNew();
        var result = analyzer.Analyze(new CleanArticle { Format = ArticleFormat.Text, Language = "en", Title = text, Lead = text, Body = [new BodyBlock(BlockKind.Paragraph, text)] });
        Assert.NotNull(result);
        Assert.True(sw.Elapsed < HangBound, $"took {sw.Elapsed}");
    }

    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(120);

    /// <summary>A hang detector as above: ten megabytes on one line must not go quadratic.</summary>
    [Fact]
    public void Ten_megabyte_single_line_does_not_hang()
    {
        var sb = new StringBuilder();
        while (sb.Length < 10_000_000) sb.Append("\"Quote,\" said Anna Berg of the Central Bank. It's the \u201Cbest\u201D in Berlin; ");
        var analyzer = new RuleBasedAnalyzer();
        var sw = Stopwatch.StartNew();
        var result = analyzer.Analyze(new CleanArticle { Format = ArticleFormat.Text, Language = "en", Body = [new BodyBlock(BlockKind.Paragraph, sb.ToString())] });
        Assert.NotEmpty(result.Quotes);
        Assert.True(sw.Elapsed < HangBound, $"took {sw.Elapsed}");
    }

    [Fact]
    public void Concurrent_calls_give_the_same_result()
    {
        var article = new CleanArticle
        {
            Format = ArticleFormat.Text, Language = "en", Title = "Putin and Xi meet",
            Lead = "Russian President Vladimir Putin met Xi Jinping in Beijing.",
            Body = [new BodyBlock(BlockKind.Paragraph, "\"Our ties are unprecedented,\" Putin said. Xi agreed.")],
        };
        var expected = System.Text.Json.JsonSerializer.Serialize(new RuleBasedAnalyzer().Analyze(article), Ingestion.Core.Json.IngestionJson.Options);
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = System.Text.Json.JsonSerializer.Serialize(new RuleBasedAnalyzer().Analyze(article), Ingestion.Core.Json.IngestionJson.Options));
        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Contains("Vladimir Putin", expected, StringComparison.Ordinal);
    }
}
