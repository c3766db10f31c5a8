using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning.Layouts;

/// <summary>The field labels of a feed item.</summary>
internal sealed record SyndicationLabels(string Id, string Date, string Title, string ShortTitle, string Teaser, string ShortTeaser, string FullText, string Item);

/// <summary><c>layouts/syndication.json</c>.</summary>
internal sealed record SyndicationLayoutFile(
    string Layout, string Description, SeenInUse Seen, SyndicationLabels Labels, int LabelScanLines, int MaxHeaderLinesAfterTitle) : ILayoutFile;

/// <summary>
/// DW's syndication "copypaste" feed item: labelled lines Id / Date / Title / Short title / Teaser / Short teaser /
/// Full text, then the text through the line rules. Labels and how far they are looked for: <c>layouts/syndication.json</c>.
/// </summary>
internal static class SyndicationLayout
{
    public static SyndicationLayoutFile File { get; } = LayoutFile.Load<SyndicationLayoutFile>("syndication");

    public static bool TryRead(List<Line> lines, UiCatalog cat, ArticleDraft draft, ref string? lang)
    {
        var labels = File.Labels;
        int idAt = -1, titleAt = -1;
        var limit = Math.Min(lines.Count, File.LabelScanLines);
        for (var i = 0; i < limit; i++)
        {
            var t = lines[i].Text;
            if (idAt < 0 && Labelled(t, labels.Id) is { } id && id.All(char.IsAsciiDigit)) idAt = i;
            if (titleAt < 0 && Labelled(t, labels.Title) is not null) titleAt = i;
        }
        if (idAt < 0 || titleAt < 0) return false;

        var bodyFrom = lines.Count;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var t = l.Text;
            if (i > titleAt + File.MaxHeaderLinesAfterTitle || (i > titleAt && l.BlankBefore && Labelled(t, labels.Teaser) is null && Labelled(t, labels.ShortTeaser) is null
                && !t.Equals(labels.FullText, StringComparison.Ordinal)))
            {
                bodyFrom = i;
                break;
            }
            string? v;
            if (t.Equals(labels.FullText, StringComparison.Ordinal)) { l.RemovedBy = RemovalRules.FeedLabel; bodyFrom = i + 1; draft.Remove(RemovalRules.FeedLabel); break; }
            if ((v = Labelled(t, labels.ShortTitle)) is not null || (v = Labelled(t, labels.ShortTeaser)) is not null) l.RemovedBy = RemovalRules.FeedShortVariant;
            else if ((v = Labelled(t, labels.Title)) is not null) { draft.Title = v; l.RemovedBy = RemovalRules.FeedLabel; }
            else if ((v = Labelled(t, labels.Teaser)) is not null) { draft.Lead = v; l.RemovedBy = RemovalRules.FeedLabel; }
            else if ((v = Labelled(t, labels.Date)) is not null) { draft.Published = DateReader.ReadAny(v, null, cat); l.RemovedBy = RemovalRules.FeedLabel; }
            else if (Labelled(t, labels.Id) is not null || Labelled(t, labels.Item) is not null) l.RemovedBy = RemovalRules.FeedLabel;
            else l.RemovedBy = cat.DropLines.Contains(t) ? RemovalRules.Navigation : RemovalRules.FeedHeader;
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
