using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingestion.Core.Model;

using static Ingestion.Core.Tests.Evaluation.ScoreText;

namespace Ingestion.Core.Tests.Extraction;

/// <summary>A C# port of the entity and quote metrics of shared/eval/score.py (match_names, overlap, speaker_key).</summary>
internal sealed class ExtractionScorer
{
    public int EntityTp { get; private set; }
    public int EntityFp { get; private set; }
    public int EntityFn { get; private set; }
    public int QuoteTp { get; private set; }
    public int QuoteFp { get; private set; }
    public int QuoteFn { get; private set; }
    public int SpeakerOk { get; private set; }
    public List<string> Log { get; } = [];

    public (double P, double R, double F) Entities => Prf(EntityTp, EntityFp, EntityFn);
    public (double P, double R, double F) Quotes => Prf(QuoteTp, QuoteFp, QuoteFn);
    public double SpeakerAccuracy => QuoteTp + QuoteFn == 0 ? 1.0 : (double)SpeakerOk / (QuoteTp + QuoteFn);

    internal static HashSet<string> SpeakerKey(string? s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(s)) return set;
        var n = Norm(s);
        // split on , ; & and the word "and"
        var parts = new List<string>();
        var cur = new StringBuilder();
        var words = n.Replace(",", " , ").Replace(";", " ; ").Replace("&", " & ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var w in words)
        {
            if (w is "," or ";" or "&" || w.Equals("and", StringComparison.OrdinalIgnoreCase)) { parts.Add(cur.ToString()); cur.Clear(); continue; }
            if (cur.Length > 0) cur.Append(' ');
            cur.Append(w);
        }
        parts.Add(cur.ToString());
        foreach (var p in parts) { var k = Key(p); if (k.Length > 0) set.Add(k); }
        return set;
    }

    private static string? TypeOf(string? t) => (t ?? "").ToLowerInvariant() switch
    {
        "per" or "person" => "person",
        "org" or "organization" or "organisation" => "organization",
        "loc" or "gpe" or "location" or "place" => "location",
        "" => null,
        var x => x,
    };

    /// <summary>Scores one article's analysis against a gold JSON document (entities and quotes parts).</summary>
    public void Add(string name, ArticleAnalysis analysis, JsonElement gold)
    {
        if (gold.TryGetProperty("entities", out var ge))
        {
            var items = ge.EnumerateArray().Select(e => (
                Keys: new HashSet<string>(new[] { Key(e.GetProperty("name").GetString()) }
                    .Concat(e.TryGetProperty("aliases", out var a) ? a.EnumerateArray().Select(x => Key(x.GetString())) : [])),
                Type: TypeOf(e.TryGetProperty("type", out var t) ? t.GetString() : null),
                Optional: e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True,
                Name: e.GetProperty("name").GetString())).ToList();
            var used = new HashSet<int>();
            foreach (var p in analysis.Entities)
            {
                var key = Key(p.Name);
                var type = TypeOf(p.Type.ToString());
                var hit = -1;
                for (var i = 0; i < items.Count; i++)
                {
                    if (used.Contains(i)) continue;
                    if ((type is null || items[i].Type is null || type == items[i].Type) && items[i].Keys.Contains(key)) { hit = i; break; }
                }
                if (hit < 0)
                {
                    if (items.Any(g => g.Keys.Contains(key) && g.Optional)) continue;
                    EntityFp++;
                    Log.Add($"{name} entity FP {p.Type} {p.Name}");
                }
                else
                {
                    used.Add(hit);
                    if (!items[hit].Optional) EntityTp++;
                }
            }
            for (var i = 0; i < items.Count; i++)
                if (!used.Contains(i) && !items[i].Optional) { EntityFn++; Log.Add($"{name} entity FN {items[i].Type} {items[i].Name}"); }
        }
        if (gold.TryGetProperty("quotes", out var gq))
        {
            var golds = gq.EnumerateArray().ToList();
            var used = new HashSet<int>();
            foreach (var q in analysis.Quotes)
            {
                var best = 0.0;
                var bi = -1;
                for (var i = 0; i < golds.Count; i++)
                {
                    if (used.Contains(i)) continue;
                    var o = Overlap(q.Text, golds[i].GetProperty("text").GetString() ?? "");
                    if (o > best) { best = o; bi = i; }
                }
                if (bi >= 0 && best >= 0.5)
                {
                    used.Add(bi);
                    var g = golds[bi];
                    if (g.TryGetProperty("optional", out var opt) && opt.ValueKind == JsonValueKind.True) continue;
                    QuoteTp++;
                    var accept = new List<string>();
                    if (g.TryGetProperty("speaker", out var sp) && sp.ValueKind == JsonValueKind.String) accept.Add(sp.GetString()!);
                    if (g.TryGetProperty("accept", out var acc)) accept.AddRange(acc.EnumerateArray().Select(x => x.GetString()!));
                    var key = SpeakerKey(q.Speaker);
                    if (accept.Any(a => SpeakerKey(a).SetEquals(key))) SpeakerOk++;
                    else Log.Add($"{name} speaker {q.Speaker ?? "null"} expected {string.Join(" | ", accept)}: {q.Text}");
                }
                else
                {
                    QuoteFp++;
                    Log.Add($"{name} quote FP: {q.Text}");
                }
            }
            for (var i = 0; i < golds.Count; i++)
            {
                var g = golds[i];
                if (used.Contains(i) || (g.TryGetProperty("optional", out var opt) && opt.ValueKind == JsonValueKind.True)) continue;
                QuoteFn++;
                Log.Add($"{name} quote FN: {g.GetProperty("text").GetString()}");
            }
        }
    }

    public override string ToString()
    {
        var e = Entities;
        var q = Quotes;
        return $"entity P {e.P:F3} R {e.R:F3} F1 {e.F:F3}; quote P {q.P:F3} R {q.R:F3} F1 {q.F:F3}; speaker acc {SpeakerAccuracy:F3}";
    }
}
