using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// Text inputs: browser text dumps of new- and old-layout pages, AMP text, syndication feed items, and already clean
/// text (title line, lead, body). A pipeline of small steps over <see cref="Line"/>s:
/// split → skip links → page title → feed item? → line rules → header (kicker, title, authors, date, lead) → body.
/// </summary>
internal static class TextDumpReader
{
    public static ArticleDraft Read(string text, UiCatalog cat, DateTimeOffset? baseTime, string? languageHint = null)
    {
        var draft = new ArticleDraft();
        var lines = LineRules.Split(text);
        var lang = LineRules.SkipLinks(lines, cat, draft) ?? languageHint;

        if (FeedItemReader.TryRead(lines, cat, draft, ref lang)) return draft;

        (string Title, string? DateText)? pageTitle = null;
        var first = FirstKept(lines, 0);
        if (first >= 0 && LineRules.PageTitle(lines[first].Text) is { } pt)
        {
            pageTitle = pt;
            lines[first].RemovedBy = "page-title";
            draft.Remove("page-title");
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
        var limit = Math.Min(lines.Count, cat.Thresholds.HeaderScanLines + 6);
        for (var i = 0; i < limit; i++)
        {
            var l = lines[i];
            if (!l.Kept || l.Text.Length > 60) continue;
            foreach (var ad in cat.AdMarkerList)
            {
                if (l.Text.Length <= ad.Length || !l.Text.EndsWith(ad, StringComparison.OrdinalIgnoreCase)) continue;
                var rest = l.Text[..^ad.Length].TrimEnd();
                if (!DateReader.ReadLine(rest, ui, cat, null).IsDate) continue;
                l.Text = rest;
                draft.Remove("ad-marker");
                break;
            }
        }
    }

    /// <summary>Finds kicker, title, authors, date and lead at the top; returns where the body starts.</summary>
    private static int Header(List<Line> lines, UiCatalog cat, UiLanguage? ui, DateTimeOffset? baseTime, string? pageTitle, ArticleDraft draft)
    {
        var kept = new List<int>(cat.Thresholds.HeaderScanLines);
        for (var i = 0; i < lines.Count && kept.Count < cat.Thresholds.HeaderScanLines; i++) if (lines[i].Kept) kept.Add(i);
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
                Drop(lines[kept[k]], "date", draft);
                leadFrom = k + 1;
                var t = k - 1;
                // an author line stands between the title and the date; a short title ("Merkel Visits China") under a
                // one-word kicker is not one: the line above authors is the (longer) title, or the names are '|'-separated
                if (t >= 1 && TextTools.SplitNames(lines[kept[t]].Text) is { } names
                    && (lines[kept[t]].Text.Contains('|') || TextTools.WordCount(lines[kept[t - 1]].Text) > TextTools.WordCount(lines[kept[t]].Text)))
                {
                    draft.AddAuthors(names);
                    Drop(lines[kept[t]], "authors", draft);
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
            Drop(lines[kept[titleAt]], "title", draft, count: false);
            // what stands above the title: the kicker right above it, header navigation before that
            for (var k = 0; k < titleAt; k++)
            {
                var l = lines[kept[k]];
                if (k == titleAt - 1 && TextTools.WeightedWords(l.Text) <= 6 && !TextTools.EndsLikeSentence(l.Text))
                {
                    draft.Kicker = l.Text;
                    Drop(l, "kicker", draft, count: false);
                }
                else Drop(l, "header-navigation", draft);
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
            Drop(l, "lead", draft, count: false);
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

/// <summary>DW's syndication "copypaste" feed item: labelled lines Id / Date / Title / Short title / Teaser / Short teaser / Full text.</summary>
internal static class FeedItemReader
{
    public static bool TryRead(List<Line> lines, UiCatalog cat, ArticleDraft draft, ref string? lang)
    {
        var labels = cat.FeedLabels;
        int idAt = -1, titleAt = -1;
        var limit = Math.Min(lines.Count, 12);
        for (var i = 0; i < limit; i++)
        {
            var t = lines[i].Text;
            if (idAt < 0 && Labelled(t, labels["id"]) is { } id && id.All(char.IsAsciiDigit)) idAt = i;
            if (titleAt < 0 && Labelled(t, labels["title"]) is not null) titleAt = i;
        }
        if (idAt < 0 || titleAt < 0) return false;

        var bodyFrom = lines.Count;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var t = l.Text;
            if (i > titleAt + 8 || (i > titleAt && l.BlankBefore && Labelled(t, labels["teaser"]) is null && Labelled(t, labels["shortTeaser"]) is null
                && !t.Equals(labels["fullText"], StringComparison.Ordinal)))
            {
                bodyFrom = i;
                break;
            }
            string? v;
            if (t.Equals(labels["fullText"], StringComparison.Ordinal)) { l.RemovedBy = "feed-label"; bodyFrom = i + 1; draft.Remove("feed-label"); break; }
            if ((v = Labelled(t, labels["shortTitle"])) is not null || (v = Labelled(t, labels["shortTeaser"])) is not null) l.RemovedBy = "feed-short-variant";
            else if ((v = Labelled(t, labels["title"])) is not null) { draft.Title = v; l.RemovedBy = "feed-label"; }
            else if ((v = Labelled(t, labels["teaser"])) is not null) { draft.Lead = v; l.RemovedBy = "feed-label"; }
            else if ((v = Labelled(t, labels["date"])) is not null) { draft.Published = DateReader.ReadAny(v, null, cat); l.RemovedBy = "feed-label"; }
            else if (Labelled(t, labels["id"]) is not null || Labelled(t, labels["item"]) is not null) l.RemovedBy = "feed-label";
            else l.RemovedBy = cat.DropLines.Contains(t) ? "navigation" : "feed-header";
            draft.Remove(l.RemovedBy);
        }
        lang ??= LanguageGuesser.Guess(lines.Skip(titleAt).Select(l => l.Text), cat);
        draft.Language = lang;
        var ui = cat.Get(lang);
        LineRules.Classify(lines, bodyFrom, cat, ui, draft);
        LineRules.Assemble(lines, bodyFrom, cat, draft);
        return true;
    }

    /// <summary>"Title Handelsstreit …" → "Handelsstreit …" when the line starts with the label and a space.</summary>
    private static string? Labelled(string line, string label) =>
        line.Length > label.Length + 1 && line.StartsWith(label, StringComparison.Ordinal) && line[label.Length] == ' '
            ? line[(label.Length + 1)..].Trim() : null;
}
