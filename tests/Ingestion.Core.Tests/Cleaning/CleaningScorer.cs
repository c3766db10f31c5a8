using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingestion.Core.Model;

using static Ingestion.Core.Tests.Evaluation.ScoreText;

namespace Ingestion.Core.Tests.Cleaning;

/// <summary>
/// A C# port of the cleaning metrics of shared/eval/score.py: 4-gram shingle text F1 over title+lead+body tokens
/// (with score.py's norm and \w+ tokens), title accuracy, date accuracy, leaks (must_not_contain), misses
/// (must_contain), caption F1 (token overlap ≥ 0.8) and author F1.
/// </summary>
public static class CleaningScorer
{
    public sealed record FileScore(string Name, double? TextF1, int Leaks, IReadOnlyList<string> LeakList, int Misses,
        double? TitleAcc, double? DateAcc, double? CaptionF1, double? AuthorF1);

    public static Dictionary<string, int> Shingles(List<string> toks, int n = 4)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        if (toks.Count == 0) return d;
        if (toks.Count < n) { d[string.Join('\u0001', toks)] = 1; return d; }
        for (var i = 0; i + n <= toks.Count; i++)
        {
            var k = string.Join('\u0001', toks.GetRange(i, n));
            d[k] = d.GetValueOrDefault(k) + 1;
        }
        return d;
    }

    public static string TextOf(CleanArticle a)
    {
        var parts = new List<string> { a.Title ?? "", a.Lead ?? "" };
        parts.AddRange(a.Body.Select(b => b.Text));
        return string.Join("\n", parts);
    }

    public static FileScore Score(string name, CleanArticle pred, JsonElement gold)
    {
        var text = TextOf(pred);
        double? textF1 = null;
        if (Has(gold, "body") || Has(gold, "lead"))
        {
            var g = new List<string> { Str(gold, "title") ?? "", Str(gold, "lead") ?? "" };
            if (gold.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Array) g.AddRange(body.EnumerateArray().Select(x => x.GetString() ?? ""));
            var ps = Shingles(Tokens(text));
            var gs = Shingles(Tokens(string.Join("\n", g)));
            var tp = ps.Sum(kv => Math.Min(kv.Value, gs.GetValueOrDefault(kv.Key)));
            textF1 = Prf(tp, ps.Values.Sum() - tp, gs.Values.Sum() - tp).F;
        }
        var low = Norm(text).ToLowerInvariant();
        var leakList = Strings(gold, "must_not_contain").Where(s => low.Contains(Norm(s).ToLowerInvariant(), StringComparison.Ordinal)).ToList();
        var misses = Strings(gold, "must_contain").Count(s => !low.Contains(Norm(s).ToLowerInvariant(), StringComparison.Ordinal));
        double? title = Str(gold, "title") is { Length: > 0 } gt ? (Key(pred.Title) == Key(gt) ? 1 : 0) : null;
        double? date = Str(gold, "published") is { Length: >= 10 } gd ? (pred.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == gd[..10] ? 1 : 0) : null;
        double? authors = null;
        if (gold.TryGetProperty("authors", out var ga) && ga.ValueKind == JsonValueKind.Array)
        {
            var pa = pred.Authors.Select(Key).ToHashSet();
            var gaSet = ga.EnumerateArray().Select(x => Key(x.GetString())).ToHashSet();
            var tp = pa.Intersect(gaSet).Count();
            authors = Prf(tp, pa.Count - tp, gaSet.Count - tp).F;
        }
        double? captions = null;
        if (gold.TryGetProperty("captions", out var gc) && gc.ValueKind == JsonValueKind.Array)
        {
            var goldCaps = gc.EnumerateArray().Select(x => Str(x, "text") ?? "").ToList();
            var used = new HashSet<int>();
            var tp = 0;
            foreach (var c in pred.Captions)
                for (var i = 0; i < goldCaps.Count; i++)
                    if (!used.Contains(i) && Overlap(c.Text, goldCaps[i]) >= 0.8) { used.Add(i); tp++; break; }
            captions = Prf(tp, pred.Captions.Count - tp, goldCaps.Count - tp).F;
        }
        return new FileScore(name, textF1, leakList.Count, leakList, misses, title, date, captions, authors);
    }

    private static bool Has(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString() ?? "") : [];

    public static double? Mean(IEnumerable<double?> values)
    {
        var v = values.Where(x => x.HasValue).Select(x => x!.Value).ToList();
        return v.Count == 0 ? null : v.Average();
    }
}
