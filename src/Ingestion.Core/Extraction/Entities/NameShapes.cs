using System.Globalization;
using System.Text;

namespace Ingestion.Core.Extraction;

/// <summary>What the shape of a word says about it, whatever it means: acronyms, brands.</summary>
internal static class NameShapes
{
    /// <summary>"NATO", "UNHCR", "G20": two capitals or more and nothing but capitals, digits, '-', '&amp;', '.' (one capital and digits is a
    /// model or a quarter: "A321", "Q2").</summary>
    public static bool IsAcronym(ReadOnlySpan<char> w) => IsUpperAcronym(w) || IsMixedAcronym(w);

    /// <summary>"AfD", "BoJ", "TfL": a short mixed-case acronym, capitals first and last and more capitals than small letters.</summary>
    private static bool IsMixedAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length is < 3 or > 5 || !char.IsUpper(w[0]) || !char.IsUpper(w[^1])) return false;
        int upper = 0, lower = 0;
        foreach (var c in w)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
            else return false;
        }
        return lower > 0 && upper > lower;
    }

    private static bool IsUpperAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Length > 10) return false;
        var upper = 0;
        foreach (var c in w)
        {
            if (char.IsUpper(c)) upper++;
            else if (!(char.IsDigit(c) || c is '-' or '&' or '.')) return false;
        }
        return upper >= 2;
    }

    /// <summary>MoDem, BioNTech, YouTube: a capital after a lower-case letter inside the word (not "McDonald", not hyphenated).</summary>
    public static bool HasInnerCapital(ReadOnlySpan<char> w, LanguageProfile profile)
    {
        for (var i = 1; i < w.Length - 1; i++)
        {
            if (!(char.IsLower(w[i]) && char.IsUpper(w[i + 1]))) continue;
            if (w.Contains('-')) return false;
            foreach (var prefix in profile.SurnamePrefixes)
                if (w.StartsWith(prefix, StringComparison.Ordinal)) return false;
            return true;
        }
        return false;
    }

    /// <summary>Lower case without accents, curly apostrophes and dashes as ASCII: "Erdoğan" and "Erdogan" fold alike.</summary>
    public static string Fold(string s)
    {
        var ascii = true;
        var lower = true;
        foreach (var c in s)
        {
            if (c > 0x7F) { ascii = false; break; }
            if (c is >= 'A' and <= 'Z') lower = false;
        }
        if (ascii) return lower ? s : s.ToLowerInvariant();
        var normalized = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c is '\u2019' or '\u2032' ? '\'' : c is '\u2013' or '\u2010' or '\u2011' ? '-' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
