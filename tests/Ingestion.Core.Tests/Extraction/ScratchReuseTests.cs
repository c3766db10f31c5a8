using System.Collections;
using System.Reflection;
using System.Text.Json;
using Ingestion.Core.Extraction;
using Ingestion.Core.Json;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Extraction;

/// <summary>
/// The analyzer reuses its working objects from article to article on a thread (<see cref="ExtractionScratch"/>):
/// nothing of one article may leak into the next.
/// </summary>
public class ScratchReuseTests
{
    private static readonly CleanArticle Summit = new()
    {
        Format = ArticleFormat.Text, Language = "en", Title = "Putin and Xi meet",
        Lead = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.",
        Body = [new BodyBlock(BlockKind.Paragraph, "\"Our ties are unprecedented,\" Putin said. The European Union (EU) said little. cw/rc (AFP, AP)")],
    };

    private static readonly CleanArticle Vote = new()
    {
        Format = ArticleFormat.Text, Language = "en", Title = "Bundestag votes on budget",
        Lead = "German Chancellor Olaf Scholz defended the budget in the Bundestag on Tuesday.",
        Body = [new BodyBlock(BlockKind.Paragraph, "\"We will not cut pensions,\" Scholz told lawmakers. Friedrich Merz of the CDU disagreed.")],
    };

    private static string Json(ArticleAnalysis a) => JsonSerializer.Serialize(a, IngestionJson.Options);

    [Fact]
    public void An_article_analyzed_after_others_gives_what_it_gives_alone()
    {
        var analyzer = new RuleBasedAnalyzer();
        string Fresh(CleanArticle article)
        {
            // a thread of its own starts with no scratch
            string? json = null;
            var thread = new Thread(() => json = Json(analyzer.Analyze(article)));
            thread.Start();
            thread.Join();
            return json!;
        }

        var summit = Fresh(Summit);
        var vote = Fresh(Vote);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(summit, Json(analyzer.Analyze(Summit)));
            Assert.Equal(vote, Json(analyzer.Analyze(Vote)));
        }
        Assert.Contains("Olaf Scholz", vote, StringComparison.Ordinal);
        Assert.DoesNotContain("Putin", vote, StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_mentions_and_clusters_equal_new_ones()
    {
        AssertResetEqualsNew(new Mention(), m => m.Reset());
        AssertResetEqualsNew(new Cluster(), c => c.Reset());
    }

    private static readonly string[] SomeWords = ["x"];
    private static readonly long[] SomePositions = [7];

    /// <summary>Sets every field to something else, resets, and compares field by field with a new object.</summary>
    private static void AssertResetEqualsNew<T>(T item, Action<T> reset) where T : class, new()
    {
        var fields = typeof(T).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        foreach (var f in fields)
        {
            if (!f.FieldType.IsArray && f.GetValue(item) is IList list) { list.Add(null); continue; }
            f.SetValue(item, f.FieldType switch
            {
                var t when t == typeof(int) => 7,
                var t when t == typeof(long) => 7L,
                var t when t == typeof(bool) => true,
                var t when t == typeof(char) => 'x',
                var t when t == typeof(string) => "x",
                var t when t == typeof(string[]) => SomeWords,
                var t when t == typeof(long[]) => SomePositions,
                var t when t.IsEnum => Enum.GetValues(t).GetValue(1),
                var t => throw new InvalidOperationException($"{typeof(T).Name}.{f.Name}: add a value for {t.Name} to this test"),
            });
        }
        reset(item);
        var fresh = new T();
        foreach (var f in fields)
        {
            object? expected = f.GetValue(fresh), actual = f.GetValue(item);
            if (expected is IList e && actual is IList a) Assert.Equal(e.Cast<object>(), a.Cast<object>());
            else Assert.Equal(expected, actual);
        }
    }
}
