using System.Globalization;
using System.Text;

namespace Ingestion.Core.Tests.Evaluation;

/// <summary>
/// The text primitives of shared/eval/score.py, ported once for both scorers (cleaning and extraction): its
/// <c>norm</c>, <c>key</c>, <c>\w+</c> tokens, token overlap and precision/recall/F1.
/// </summary>
public static class ScoreText
{
    public static string Norm(string? s)
    {
        if (s is null) return "";
        s = s.Normalize(NormalizationForm.FormKC)
            .Replace('\u2032', '\'').Replace('\u2019', '\'').Replace('\u2018', '\'')
            .Replace('\u201c', '"').Replace('\u201d', '"').Replace('\u201e', '"');
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            var c = ch is >= '\u2010' and <= '\u2015' ? '-' : ch;
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Key(string? s) => Norm(s).ToLowerInvariant().Trim(' ', '.', ',', '\'', '"');

    /// <summary>Python's <c>\w+</c> over the normalised text, case-folded.</summary>
    public static List<string> Tokens(string? s)
    {
        var n = Norm(s);
        var list = new List<string>();
        var start = -1;
        for (var i = 0; i <= n.Length; i++)
        {
            var w = i < n.Length && IsWordChar(n[i]);
            if (w && start < 0) start = i;
            else if (!w && start >= 0) { list.Add(n[start..i].ToLowerInvariant()); start = -1; }
        }
        return list;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || c == '_' ||
        char.GetUnicodeCategory(c) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Shared tokens over the larger token count (score.py's <c>overlap</c>).</summary>
    public static double Overlap(string a, string b)
    {
        var ta = Count(Tokens(a));
        var tb = Count(Tokens(b));
        if (ta.Count == 0 || tb.Count == 0) return 0;
        var inter = ta.Sum(kv => Math.Min(kv.Value, tb.GetValueOrDefault(kv.Key)));
        return (double)inter / Math.Max(ta.Values.Sum(), tb.Values.Sum());
    }

    public static Dictionary<string, int> Count(IEnumerable<string> tokens)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tokens) d[t] = d.GetValueOrDefault(t) + 1;
        return d;
    }

    public static (double P, double R, double F) Prf(double tp, double fp, double fn)
    {
        var p = tp + fp > 0 ? tp / (tp + fp) : (fn == 0 ? 1.0 : 0.0);
        var r = tp + fn > 0 ? tp / (tp + fn) : 1.0;
        var f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        return (p, r, f);
    }
}
