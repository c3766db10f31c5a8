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
    public static Signature? Read(string line)
    {
        // most lines are not one: check first, collect the parts only for a signature
        if (!Parse(line, null, null, out _)) return null;
        List<string> initials = new(3), agencies = new(4);
        Parse(line, initials, agencies, out _);
        return new Signature(initials, agencies);
    }

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
        if (!Parse(t[start..], null, null, out var slashed) || !slashed) return text.Length;
        return text.AsSpan(0, start).TrimEnd().Length;
    }

    /// <summary>Whether <paramref name="line"/> is a signature; its parts go into the lists when they are given.</summary>
    /// <param name="slashed">The initials name a writer and an editor ("es/msh"), as every DW signature does.</param>
    private static bool Parse(ReadOnlySpan<char> line, List<string>? initials, List<string>? agencies, out bool slashed)
    {
        slashed = false;
        if (line.Length is < 2 or > MaxLineChars) return false;
        var s = line.Trim();
        var open = s.IndexOf('(');
        var initialsPart = open >= 0 ? s[..open].TrimEnd() : s;
        if (initialsPart.IsEmpty || initialsPart.Length > MaxInitialsChars) return false;
        slashed = initialsPart.Contains('/');
        int initialCount = 0, agencyCount = 0;
        foreach (var range in initialsPart.SplitAny('/', ','))
        {
            var p = initialsPart[range].Trim();
            if (p.IsEmpty) continue; // "mkg/": the editor left out
            if (p.Length > MaxInitialChars) return false;
            foreach (var ch in p) if (!char.IsAsciiLetterLower(ch)) return false;
            initialCount++;
            initials?.Add(p.ToString());
        }
        if (initialCount == 0) return false;
        if (open >= 0)
        {
            var close = s.LastIndexOf(')');
            if (close != s.Length - 1 || close < open) return false;
            var list = s[(open + 1)..close];
            foreach (var range in list.Split(','))
            {
                var a = list[range].Trim();
                if (a.Length is < MinAgencyChars or > MaxAgencyChars || !char.IsLetterOrDigit(a[0])) return false;
                foreach (var ch in a) if (!(char.IsLetterOrDigit(ch) || ch is ' ' or '-' or '.' or '\'' or '+' or '&')) return false;
                agencyCount++;
                agencies?.Add(a.ToString());
            }
        }
        // without agencies only the writer/editor pair tells a signature from a lower-case fragment ("and, or")
        return agencyCount > 0 || (slashed && initialCount >= 2);
    }
}
