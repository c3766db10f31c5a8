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
        var start = RunInStart(text);
        return start < 0 ? text.Length : text.AsSpan(0, start).TrimEnd().Length;
    }

    /// <summary>The signature run into the end of <paramref name="text"/>, or null.</summary>
    public static Signature? RunInAtEnd(string text)
    {
        var start = RunInStart(text);
        return start < 0 ? null : Read(text[start..].TrimEnd());
    }

    /// <summary>
    /// Where a signature run into the end of the text starts ("… dpa)" back over "cw/rc", "ccp, ncy / ai"), or -1.
    /// Run into prose, only the writer/editor slash marks it: "… the minister said (AFP)" ends a sentence.
    /// </summary>
    private static int RunInStart(string text)
    {
        var t = text.AsSpan().TrimEnd();
        if (t.IsEmpty || t[^1] != ')') return -1;
        var open = t.LastIndexOf('(');
        if (open < 0) return -1;
        // the initials, word by word back from the brackets while each word is one ("cw/rc", "ccp, ncy / ai"); the widest
        // start that still reads as a signature wins, so prose before them ("the minister said") stays prose
        var best = -1;
        var end = t[..open].TrimEnd().Length;
        while (end > 0 && open - end < MaxInitialsChars)
        {
            var space = t[..end].LastIndexOf(' ');
            var word = t[(space + 1)..end];
            foreach (var ch in word) if (!(char.IsAsciiLetterLower(ch) || ch is ',' or '/')) return best;
            if (Parse(t[(space + 1)..], null, null, out var slashed) && slashed) best = space + 1;
            if (space < 0) break;
            end = t[..space].TrimEnd().Length;
        }
        return best;
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
