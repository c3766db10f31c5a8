using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning.Layouts;

/// <summary><c>layouts/text-dump.json</c>.</summary>
internal sealed record TextDumpLayoutFile(
    string Layout, string Description, SeenInUse Seen, int SkipLinkScanLines, int MaxSkipLinkChars, int HeaderScanLines,
    int MaxGluedAdMarkerLineChars) : ILayoutFile;

/// <summary>
/// Text inputs: browser text dumps of new- and old-layout pages, AMP text, syndication feed items, and already clean
/// text (title line, lead, body). A pipeline of small steps over <see cref="Line"/>s:
/// split → skip links → page title → feed item? → line rules → header (kicker, title, authors, date, lead) → body.
/// How far it looks for each: <c>layouts/text-dump.json</c>.
/// </summary>
internal static class TextDumpLayout
{
    public static TextDumpLayoutFile File { get; } = LayoutFile.Load<TextDumpLayoutFile>("text-dump");

    // header lines taken as a field of the article: not removals, so not counted
    private const string TakenAsTitle = "title", TakenAsKicker = "kicker", TakenAsLead = "lead";

    public static ArticleDraft Read(string text, UiCatalog cat, DateTimeOffset? baseTime, string? languageHint = null)
    {
        var draft = new ArticleDraft();
        var lines = LineRules.Split(text);
        var lang = SkipLinks(lines, cat, draft) ?? languageHint;

        if (SyndicationLayout.TryRead(lines, cat, draft, ref lang)) return draft;

        (string Title, string? DateText)? pageTitle = null;
        var first = FirstKept(lines, 0);
        if (first >= 0 && PageTitle.Read(lines[first].Text) is { } pt)
        {
            pageTitle = pt;
            lines[first].RemovedBy = RemovalRules.PageTitle;
            draft.Remove(RemovalRules.PageTitle);
        }
        lang ??= LanguageGuesser.Guess(Sample(lines), cat);
        draft.Language = lang;
        var ui = cat.Get(lang);
        if (pageTitle?.DateText is { } dt) draft.Published = DateReader.ReadAny(dt, ui, cat);

        StripGluedAdMarkers(lines, cat, ui, draft);
        LineRules.Classify(lines, 0, cat, ui, draft);
        var bodyStart = Header(lines, cat, ui, baseTime, pageTitle?.Title, draft);
        LineRules.Assemble(lines, bodyStart, cat, draft);
        return draft;
    }

    /// <summary>"1. Skip to content", "6. Choose from 30 Languages": returns the language the skip links are in, if any.</summary>
    private static string? SkipLinks(List<Line> lines, UiCatalog cat, ArticleDraft draft)
    {
        string? lang = null;
        // span look-ups: no string per candidate line
        var languages = cat.SkipLinkLanguage.GetAlternateLookup<ReadOnlySpan<char>>();
        var oldLayout = OldLayout.SkipLinks.GetAlternateLookup<ReadOnlySpan<char>>();
        var limit = Math.Min(lines.Count, File.SkipLinkScanLines);
        for (var i = 0; i < limit; i++)
        {
            var l = lines[i];
            if (l.Text.Length > File.MaxSkipLinkChars) continue; // skip links are short; long lines are not looked up
            var t = l.Text.AsSpan();
            var k = 0;
            while (k < t.Length && char.IsAsciiDigit(t[k])) k++;
            if (k > 0 && k < t.Length && t[k] == '.') t = t[(k + 1)..].Trim();
            if (languages.TryGetValue(t, out var code)) { lang ??= code; l.RemovedBy = RemovalRules.SkipLink; }
            else if (k > 0 && oldLayout.Contains(t)) l.RemovedBy = RemovalRules.SkipLink;
        }
        foreach (var l in lines) if (l.RemovedBy == RemovalRules.SkipLink) draft.Remove(RemovalRules.SkipLink);
        return lang;
    }

    private static IEnumerable<string> Sample(List<Line> lines)
    {
        foreach (var l in lines) if (l.Kept) yield return l.Text;
    }

    private static int FirstKept(List<Line> lines, int from)
    {
        for (var i = from; i < lines.Count; i++) if (lines[i].Kept) return i;
        return -1;
    }

    /// <summary>"18 kwietnia 2013Reklama": an ad marker glued to the end of the date line.</summary>
    private static void StripGluedAdMarkers(List<Line> lines, UiCatalog cat, UiLanguage? ui, ArticleDraft draft)
    {
        var limit = Math.Min(lines.Count, File.HeaderScanLines + 6);
        for (var i = 0; i < limit; i++)
        {
            var l = lines[i];
            if (!l.Kept || l.Text.Length > File.MaxGluedAdMarkerLineChars) continue;
            foreach (var ad in cat.AdMarkerList)
            {
                if (l.Text.Length <= ad.Length || !l.Text.EndsWith(ad, StringComparison.OrdinalIgnoreCase)) continue;
                var rest = l.Text[..^ad.Length].TrimEnd();
                if (!DateReader.ReadLine(rest, ui, cat, null).IsDate) continue;
                l.Text = rest;
                draft.Remove(RemovalRules.AdMarker);
                break;
            }
        }
    }

    /// <summary>Finds kicker, title, authors, date and lead at the top; returns where the body starts.</summary>
    private static int Header(List<Line> lines, UiCatalog cat, UiLanguage? ui, DateTimeOffset? baseTime, string? pageTitle, ArticleDraft draft)
    {
        var kept = new List<int>(File.HeaderScanLines);
        for (var i = 0; i < lines.Count && kept.Count < File.HeaderScanLines; i++) if (lines[i].Kept) kept.Add(i);
        if (kept.Count == 0) return lines.Count;

        int titleAt = -1, leadFrom = -1;
        if (pageTitle is not null)
        {
            var key = TitleKey(pageTitle);
            for (var k = 0; k < kept.Count; k++)
                if (TitleKey(lines[kept[k]].Text) == key) { titleAt = k; break; }
            if (titleAt < 0) draft.Title = pageTitle;
            leadFrom = titleAt + 1;
        }
        if (titleAt < 0 && draft.Title is null)
        {
            for (var k = 0; k < kept.Count; k++)
            {
                var d = DateReader.ReadLine(lines[kept[k]].Text, ui, cat, baseTime);
                if (!d.IsDate) continue;
                draft.Published ??= d.Date;
                Drop(lines[kept[k]], RemovalRules.Date, draft);
                leadFrom = k + 1;
                var t = k - 1;
                // an author line stands between the title and the date; a short title ("Merkel Visits China") under a
                // one-word kicker is not one: the line above authors is the (longer) title, or the names are '|'-separated
                if (t >= 1 && TextTools.SplitNames(lines[kept[t]].Text) is { } names
                    && (lines[kept[t]].Text.Contains('|') || TextTools.WordCount(lines[kept[t - 1]].Text) > TextTools.WordCount(lines[kept[t]].Text)))
                {
                    draft.AddAuthors(names);
                    Drop(lines[kept[t]], RemovalRules.Authors, draft);
                    t--;
                }
                if (t >= 0) titleAt = t;
                break;
            }
        }
        if (titleAt < 0 && draft.Title is null && leadFrom < 0)
        {
            // clean text or an excerpt: a first line that reads like a headline is the title
            var t0 = lines[kept[0]].Text;
            if (IsTitleLike(t0, cat)) titleAt = 0;
            // a one-to-three-word line over a headline over prose is kicker + title ("Politics" / "Nigeria votes …" / lead)
            if (titleAt == 0 && kept.Count >= 3 && TextTools.WeightedWords(t0) <= 3 && IsTitleLike(lines[kept[1]].Text, cat)
                && TextTools.WeightedWords(lines[kept[1]].Text) > TextTools.WeightedWords(t0) && !LineRules.IsHeadingLike(lines[kept[2]].Text, cat))
                titleAt = 1;
            leadFrom = titleAt + 1;
        }
        if (titleAt >= 0)
        {
            draft.Title = lines[kept[titleAt]].Text;
            Drop(lines[kept[titleAt]], TakenAsTitle, draft, count: false);
            // what stands above the title: the kicker right above it, header navigation before that
            for (var k = 0; k < titleAt; k++)
            {
                var l = lines[kept[k]];
                if (k == titleAt - 1 && TextTools.WeightedWords(l.Text) <= 6 && !TextTools.EndsLikeSentence(l.Text))
                {
                    draft.Kicker = l.Text;
                    Drop(l, TakenAsKicker, draft, count: false);
                }
                else Drop(l, RemovalRules.HeaderNavigation, draft);
            }
        }
        if (leadFrom < 0) leadFrom = 0;
        // the lead: first paragraph-like line after the header
        for (var k = leadFrom; k < kept.Count; k++)
        {
            var l = lines[kept[k]];
            if (!l.Kept) continue;
            if (LineRules.IsHeadingLike(l.Text, cat) && TextTools.WordCount(l.Text) < 8) break;
            draft.Lead = l.Text;
            Drop(l, TakenAsLead, draft, count: false);
            return kept[k] + 1;
        }
        return leadFrom < kept.Count ? kept[leadFrom] : (kept.Count > 0 ? kept[^1] + 1 : lines.Count);
    }

    private static bool IsTitleLike(string t, UiCatalog cat) =>
        !TextTools.EndsLikeSentence(t) && t.Length <= cat.Thresholds.MaxTitleChars && TextTools.WeightedWords(t) <= 30;

    private static void Drop(Line l, string rule, ArticleDraft draft, bool count = true)
    {
        l.RemovedBy = rule;
        if (count) draft.Remove(rule);
    }

    /// <summary>Titles compared the way people read them: case, primes and curly apostrophes do not matter.</summary>
    public static string TitleKey(string s) =>
        TextTools.NormaliseSpaces(s).Replace('′', '\'').Replace('’', '\'').Replace('‘', '\'').Trim().ToLowerInvariant();
}
