using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>The agency signature that closes DW news items: <c>es/msh (AP, AFP, Reuters)</c>, <c>nob/uh (dpa, afp)</c>.</summary>
internal static class Signatures
{
    public static Signature? Read(string line)
    {
        if (line.Length is < 2 or > 120) return null;
        var s = line.AsSpan().Trim();
        var open = s.IndexOf('(');
        var initialsPart = open >= 0 ? s[..open].TrimEnd() : s;
        if (initialsPart.IsEmpty || initialsPart.Length > 40) return null;
        var initials = new List<string>(3);
        foreach (var range in initialsPart.Split('/'))
        {
            var p = initialsPart[range].Trim();
            if (p.Length is < 1 or > 5) return null;
            foreach (var ch in p) if (!char.IsAsciiLetterLower(ch)) return null;
            initials.Add(p.ToString());
        }
        var agencies = new List<string>(4);
        if (open >= 0)
        {
            var close = s.LastIndexOf(')');
            if (close != s.Length - 1 || close < open) return null;
            foreach (var range in s[(open + 1)..close].Split(','))
            {
                var a = s[(open + 1)..close][range].Trim();
                if (a.Length is < 2 or > 30 || !char.IsLetter(a[0])) return null;
                foreach (var ch in a) if (!(char.IsLetter(ch) || ch is ' ' or '-' or '.' or '\'')) return null;
                agencies.Add(a.ToString());
            }
        }
        // a lone lower-case word is a sentence fragment, not a signature
        if (initials.Count < 2 && agencies.Count == 0) return null;
        return new Signature(initials, agencies);
    }
}

/// <summary>Splits a caption from its credit: "…during the meetingImage: Alexei Druzhinin/Sputnik", "Tahir Della (dpa/L. Schwedes)".</summary>
internal static class Credits
{
    /// <summary>Caption + credit when the line carries a credit label ("Image:", "Bild:", "Фото:" …); null otherwise.</summary>
    public static Caption? SplitLabelled(string line, UiCatalog cat)
    {
        // a caption with its credit is a few dozen words; long paragraphs are not scanned
        if (line.Length > 800) return null;
        var (i, len) = cat.FindCreditLabel(line);
        if (i < 0) return null;
        var credit = line[(i + len)..].Trim();
        var text = line[..i].Trim();
        if (TextTools.WordCount(credit) > 25 || TextTools.WordCount(text) > cat.Thresholds.MaxCaptionWords + 20) return null;
        return new Caption(text, credit.Length == 0 ? null : credit);
    }

    /// <summary>"alt text (credit)" as old-layout image titles write it, when the bracket looks like a photo credit.</summary>
    public static (string Text, string Credit)? SplitParenthesised(string line, UiCatalog cat)
    {
        var s = line.AsSpan().TrimEnd();
        if (s.Length < 4 || s[^1] != ')') return null;
        var open = s.LastIndexOf('(');
        if (open < 0) return null;
        var credit = s[(open + 1)..^1].Trim();
        if (credit.Length is < 2 or > 80) return null;
        var hinted = false;
        foreach (var h in cat.CreditHints)
            if (credit.Contains(h, StringComparison.OrdinalIgnoreCase)) { hinted = true; break; }
        if (!hinted) return null;
        return (s[..open].Trim().ToString(), credit.ToString());
    }
}
