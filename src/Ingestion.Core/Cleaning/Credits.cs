using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

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
