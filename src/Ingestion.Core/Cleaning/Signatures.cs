using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// The agency signature that closes DW news items: the lower-case initials of writer and editor, then the agencies
/// in brackets: <c>es/msh (AP, AFP, Reuters)</c>, <c>nob/uh (dpa, afp)</c>, <c>kms,rc/ch (AP, AFP, Reuters)</c> (two
/// writers), <c>mkg/ (kna, dpa, AP)</c> (no editor named). The one parser of it: the cleaner takes a signature line out
/// of the body, and extraction leaves out one that was run into the last paragraph.
/// </summary>
internal static class Signatures
{
    private const int MaxLineChars = 120, MaxInitialsChars = 40, MaxInitialChars = 5, MinAgencyChars = 2, MaxAgencyChars = 30;

    /// <summary>The signature when the whole line is one; null otherwise.</summary>
    public static Signature? Read(string line) => Parse(line, out _);

    /// <summary>
    /// The length of <paramref name="text"/> without a signature run into its end ("… in Beijing. cw/rc (AFP, AP,
    /// dpa)"); the whole length when there is none. Run into prose, only the writer/editor slash marks it: "… the
    /// minister said (AFP)" ends a sentence.
    /// </summary>
    public static int LengthWithout(string text)
    {
        var t = text.AsSpan().TrimEnd();
        if (t.IsEmpty || t[^1] != ')') return text.Length;
        var open = t.LastIndexOf('(');
        if (open < 0) return text.Length;
        var start = t[..open].TrimEnd().LastIndexOf(' ') + 1;
        if (Parse(t[start..], out var slashed) is null || !slashed) return text.Length;
        return text.AsSpan(0, start).TrimEnd().Length;
    }

    /// <param name="slashed">The initials name a writer and an editor ("es/msh"), as every DW signature does.</param>
    private static Signature? Parse(ReadOnlySpan<char> line, out bool slashed)
    {
        slashed = false;
        if (line.Length is < 2 or > MaxLineChars) return null;
        var s = line.Trim();
        var open = s.IndexOf('(');
        var initialsPart = open >= 0 ? s[..open].TrimEnd() : s;
        if (initialsPart.IsEmpty || initialsPart.Length > MaxInitialsChars) return null;
        slashed = initialsPart.Contains('/');
        var initials = new List<string>(3);
        foreach (var range in initialsPart.SplitAny('/', ','))
        {
            var p = initialsPart[range].Trim();
            if (p.IsEmpty) continue; // "mkg/": the editor left out
            if (p.Length > MaxInitialChars) return null;
            foreach (var ch in p) if (!char.IsAsciiLetterLower(ch)) return null;
            initials.Add(p.ToString());
        }
        if (initials.Count == 0) return null;
        var agencies = new List<string>(4);
        if (open >= 0)
        {
            var close = s.LastIndexOf(')');
            if (close != s.Length - 1 || close < open) return null;
            var list = s[(open + 1)..close];
            foreach (var range in list.Split(','))
            {
                var a = list[range].Trim();
                if (a.Length is < MinAgencyChars or > MaxAgencyChars || !char.IsLetterOrDigit(a[0])) return null;
                foreach (var ch in a) if (!(char.IsLetterOrDigit(ch) || ch is ' ' or '-' or '.' or '\'' or '+' or '&')) return null;
                agencies.Add(a.ToString());
            }
        }
        // without agencies only the writer/editor pair tells a signature from a lower-case fragment ("and, or")
        if (agencies.Count == 0 && !(slashed && initials.Count >= 2)) return null;
        return new Signature(initials, agencies);
    }
}
