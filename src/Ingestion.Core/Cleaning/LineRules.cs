using Ingestion.Core.Cleaning.Layouts;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>One non-empty line of a text input, with what the rules decided about it.</summary>
internal sealed class Line(string text, bool blankBefore)
{
    public string Text = text;
    /// <summary>The input had an empty line before this one (blocks in text dumps are separated by empty lines).</summary>
    public readonly bool BlankBefore = blankBefore;
    /// <summary>Null while the line is kept; the rule name once a rule removed it.</summary>
    public string? RemovedBy;
    /// <summary>Set when the line was a media element (caption, video notice): the next heading-like line may be its title.</summary>
    public bool Media;
    public bool Kept => RemovedBy is null;
}

/// <summary>
/// The line rules shared by text dumps, AMP text, feed items and JSON text bodies. Each rule is a small function that
/// looks at one line (and its neighbour) and either keeps it or names why it goes.
/// </summary>
internal static class LineRules
{
    /// <summary>Splits and normalises; numbered list markers of skip links are stripped later by <see cref="TextDumpLayout"/>.</summary>
    public static List<Line> Split(string text)
    {
        var lines = new List<Line>(64);
        var blank = true;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var raw = text.AsSpan()[range];
            if (raw.IsWhiteSpace()) { blank = true; continue; }
            var t = TextTools.NormaliseSpaces(raw);
            if (t.Length == 0) { blank = true; continue; }
            lines.Add(new Line(t, blank));
            blank = false;
        }
        return lines;
    }

    /// <summary>The per-line rules: what a line is, independent of where it stands.</summary>
    public static void Classify(List<Line> lines, int from, UiCatalog cat, UiLanguage? lang, ArticleDraft draft)
    {
        var blocks = false;
        for (var i = from + 1; i < lines.Count && !blocks; i++) blocks = lines[i].BlankBefore;
        for (var i = from; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!l.Kept) continue;
            var t = l.Text;
            if (IsEndOfArticle(t, cat))
            {
                for (var j = i; j < lines.Count; j++)
                {
                    if (!lines[j].Kept) continue;
                    // the signature may stand after the feedback link in some dumps
                    if (draft.Signature is null && Signatures.Read(lines[j].Text) is { } sig) draft.Signature = sig;
                    lines[j].RemovedBy = RemovalRules.EndOfArticle;
                    draft.Remove(RemovalRules.EndOfArticle);
                }
                return;
            }
            var rule = Rule(l, cat, lang, draft);
            if (rule is not null) { l.RemovedBy = rule; draft.Remove(rule); continue; }
            if (Credits.SplitLabelled(t, cat) is { } cap)
            {
                l.RemovedBy = RemovalRules.Caption;
                l.Media = true;
                draft.Remove(RemovalRules.Caption);
                if (cap.Text.Length > 0) draft.Captions.Add(cap);
                else draft.Remove(RemovalRules.ImageCredit);
                // the image's alt text stands on its own line right above the caption, in the same block
                // (dumps without empty lines, like AMP text, cannot show the block: there a short line is taken for alt text)
                if (i > 0 && lines[i - 1] is { Kept: true } prev && !l.BlankBefore
                    && (prev.BlankBefore || (!blocks && TextTools.WordCount(prev.Text) <= 15))
                    && prev.Text.Length <= cat.Thresholds.MaxAltTextChars && !TextTools.EndsLikeSentence(prev.Text))
                {
                    prev.RemovedBy = RemovalRules.AltText;
                    draft.Remove(RemovalRules.AltText);
                }
            }
        }
    }

    public static string? RuleFor(Line l, UiCatalog cat, UiLanguage? lang, ArticleDraft draft) => Rule(l, cat, lang, draft);

    private static string? Rule(Line l, UiCatalog cat, UiLanguage? lang, ArticleDraft draft)
    {
        var t = l.Text;
        if (t.Length <= cat.MaxExactLineLength)
        {
            if (cat.AdMarkers.Contains(t)) { l.Media = true; return RemovalRules.AdMarker; }
            if (cat.DropLines.Contains(t)) return RemovalRules.Navigation;
        }
        foreach (var p in cat.DropPrefixes.Candidates(t))
            if (TextTools.StartsWithWord(t, p))
            {
                if (cat.VideoNotices.Contains(p)) { l.Media = true; return RemovalRules.VideoNotice; }
                return RemovalRules.BoilerplateLine;
            }
        if (IsDuration(t)) { l.Media = true; return RemovalRules.VideoDuration; }
        if (DwSite.HasPermalink(t) && TextTools.WordCount(t) <= 8)
        {
            var i = t.IndexOf("http", StringComparison.OrdinalIgnoreCase);
            draft.Permalink ??= (i >= 0 ? t[i..] : t).Split(' ')[0];
            return RemovalRules.Permalink;
        }
        if (Signatures.Read(t) is { } sig) { draft.Signature ??= sig; return RemovalRules.Signature; }
        if (InfoBox(t, cat, lang, draft)) return RemovalRules.InfoBox;
        if (IsLanguageMenu(t)) return RemovalRules.LanguageMenu;
        return null;
    }

    public static bool IsEndOfArticle(string t, UiCatalog cat)
    {
        foreach (var m in cat.EndOfArticle.Candidates(t))
            if (t.StartsWith(m, StringComparison.OrdinalIgnoreCase) && t.Length <= m.Length + 40
                && (t.Length == m.Length || !char.IsLetter(t[m.Length]))) return true;
        return false;
    }

    /// <summary>"02:49", "1:02:03": a video or audio duration.</summary>
    private static bool IsDuration(string t)
    {
        if (t.Length is < 4 or > 8) return false;
        var colons = 0;
        foreach (var ch in t)
        {
            if (ch == ':') colons++;
            else if (!char.IsAsciiDigit(ch)) return false;
        }
        return colons is 1 or 2 && t[0] != ':' && t[^1] != ':';
    }

    /// <summary>Old-layout info box lines in dumps: "Date 19.01.2020", "Author Ben Knight", "Permalink https://p.dw.com/p/…".</summary>
    private static bool InfoBox(string t, UiCatalog cat, UiLanguage? lang, ArticleDraft draft)
    {
        if (t.Length > 400) return false;
        var labels = cat.InfoLabels.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var sp = t.IndexOf(' '); sp > 0 && sp <= cat.MaxInfoLabelLength + 1; sp = t.IndexOf(' ', sp + 1))
        {
            if (!labels.TryGetValue(t.AsSpan(0, sp).TrimEnd(':'), out var kind)) continue;
            switch (kind)
            {
                case InfoKind.Date when t.Length <= 100:
                    var d = DateReader.ReadLine(t[(sp + 1)..].Trim(), lang, cat, null);
                    if (!d.IsDate) return false;
                    draft.Published ??= d.Date;
                    return true;
                case InfoKind.Drop when IsTagList(t.AsSpan(sp + 1)):
                    return true;
                case InfoKind.Author when t.Length <= 100:
                    if (TextTools.SplitNames(t[(sp + 1)..].Trim()) is not { } names) return false;
                    draft.AddAuthors(names);
                    return true;
            }
        }
        return false;
    }

    /// <summary>"Berlin, colonialism, German Reich": a list of short keywords, not a sentence.</summary>
    private static bool IsTagList(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty || TextTools.EndsLikeSentence(value)) return false;
        foreach (var range in value.Split(','))
        {
            var item = value[range].Trim();
            if (item.IsEmpty || TextTools.WordCount(item) > 4 || item.Contains(". ", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>"Albanian Shqip Amharic አማርኛ …": a line made of the old layout's language menu.</summary>
    private static bool IsLanguageMenu(string t)
    {
        if (t.Length is < 20 or > 600 || t.Contains(". ", StringComparison.Ordinal) || t.Contains(", ", StringComparison.Ordinal)) return false;
        var sp = t.IndexOf(' ');
        var lookup = OldLayout.LanguageMenu.GetAlternateLookup<ReadOnlySpan<char>>();
        if (sp < 0 || !lookup.Contains(t.AsSpan(0, sp))) return false;
        int hits = 0, words = 0;
        foreach (var range in t.AsSpan().Split(' '))
        {
            var w = t.AsSpan()[range];
            if (w.IsEmpty) continue;
            words++;
            if (lookup.Contains(w)) hits++;
        }
        // a menu is made of language names (and their native spellings), not a sentence that mentions some
        return hits >= 4 && hits * 5 >= words * 2;
    }

    public static bool IsHeadingLike(string t, UiCatalog cat)
    {
        var th = cat.Thresholds;
        if (t.Length > th.MaxHeadingChars || !TextTools.HasLetter(t)) return false;
        if (TextTools.WeightedWords(t) > th.MaxHeadingWords) return false;
        return !TextTools.EndsLikeSentence(t);
    }

    /// <summary>
    /// Turns the kept lines from <paramref name="from"/> on into body blocks: paragraphs and headings, with captions of the
    /// old layout ("alt (credit)" line + caption line) and media titles (a heading-like line right after a video or an
    /// image, before the first paragraph) removed.
    /// </summary>
    public static void Assemble(List<Line> lines, int from, UiCatalog cat, ArticleDraft draft)
    {
        Galleries(lines, from, cat, draft);
        var paragraphs = 0;
        var afterMedia = false;
        for (var i = from; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!l.Kept)
            {
                if (l.Media) afterMedia = true;
                continue;
            }
            var t = l.Text;
            var next = NextKept(lines, i);
            if (next >= 0 && OldLayoutCaption(l, lines[next], cat, draft)) { afterMedia = true; i = next; continue; }
            if (IsHeadingLike(t, cat))
            {
                if (afterMedia && paragraphs == 0)
                {
                    l.RemovedBy = RemovalRules.MediaTitle;
                    draft.Remove(RemovalRules.MediaTitle);
                    continue;
                }
                // a video block: its title line is followed by the player notice or duration
                if (i + 1 < lines.Count && lines[i + 1] is { Kept: false, Media: true } m && m.RemovedBy is RemovalRules.VideoNotice or RemovalRules.VideoDuration)
                {
                    l.RemovedBy = RemovalRules.MediaTitle;
                    draft.Remove(RemovalRules.MediaTitle);
                    continue;
                }
                draft.AddNormalisedBlock(BlockKind.Heading, t);
            }
            else
            {
                draft.AddNormalisedBlock(BlockKind.Paragraph, t);
                paragraphs++;
            }
            afterMedia = false;
        }
    }

    /// <summary>
    /// Old-layout picture galleries in dumps repeat the gallery title before every slide: gallery title, slide title,
    /// slide text. A heading-like line that occurs more than once marks such slides, which are removed.
    /// </summary>
    private static void Galleries(List<Line> lines, int from, UiCatalog cat, ArticleDraft draft)
    {
        // a gallery needs a repeated title: with fewer than four heading-like lines there is none
        var headings = 0;
        for (var i = from; i < lines.Count && headings < 4; i++)
            if (lines[i].Kept && lines[i].Text.Length <= cat.Thresholds.MaxHeadingChars && IsHeadingLike(lines[i].Text, cat)) headings++;
        if (headings < 4) return;
        Dictionary<string, int>? seen = null;
        for (var i = from; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!l.Kept || l.Text.Length > cat.Thresholds.MaxHeadingChars || !IsHeadingLike(l.Text, cat)) continue;
            seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
            seen[l.Text] = seen.GetValueOrDefault(l.Text) + 1;
        }
        if (seen is null) return;
        for (var i = from; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!l.Kept || !seen.TryGetValue(l.Text, out var n) || n < 2) continue;
            l.RemovedBy = RemovalRules.Gallery;
            draft.Remove(RemovalRules.Gallery);
            // the slide: its title (heading-like) and its text
            var j = NextKept(lines, i);
            if (j >= 0 && IsHeadingLike(lines[j].Text, cat) && seen.GetValueOrDefault(lines[j].Text) < 2)
            {
                lines[j].RemovedBy = RemovalRules.Gallery;
                draft.Remove(RemovalRules.Gallery);
                j = NextKept(lines, j);
            }
            if (j >= 0 && !IsHeadingLike(lines[j].Text, cat))
            {
                lines[j].RemovedBy = RemovalRules.Gallery;
                draft.Remove(RemovalRules.Gallery);
            }
        }
    }

    private static int NextKept(List<Line> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++) if (lines[j].Kept) return j;
        return -1;
    }

    /// <summary>
    /// Old-layout pictures in dumps: the image title with its credit in brackets ("Tahir Della (picture-alliance/dpa)"),
    /// or a short alt text repeated inside the caption ("Davis VanOpdorp" / "DW's Davis VanOpdorp"), then the caption line.
    /// </summary>
    private static bool OldLayoutCaption(Line alt, Line caption, UiCatalog cat, ArticleDraft draft)
    {
        var th = cat.Thresholds;
        if (alt.Text.Length > th.MaxAltTextChars || TextTools.WeightedWords(caption.Text) > th.MaxCaptionWords) return false;
        if (TextTools.EndsLikeSentence(caption.Text) && TextTools.WordCount(caption.Text) > 12) return false;
        string? credit;
        if (Credits.SplitParenthesised(alt.Text, cat) is { } split && !TextTools.EndsLikeSentence(split.Text)) credit = split.Credit;
        else if (TextTools.WordCount(alt.Text) is >= 2 and <= 6 && !TextTools.EndsLikeSentence(alt.Text)
                 && caption.Text.Length > alt.Text.Length && caption.Text.Contains(alt.Text, StringComparison.Ordinal)) credit = null;
        else return false;
        alt.RemovedBy = RemovalRules.AltText;
        caption.RemovedBy = RemovalRules.Caption;
        draft.Remove(RemovalRules.AltText);
        draft.Remove(RemovalRules.Caption);
        draft.Captions.Add(new Caption(caption.Text, credit));
        return true;
    }
}
