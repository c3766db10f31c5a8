namespace Ingestion.Core.Cleaning.Layouts;

/// <summary>
/// A DW page's &lt;title&gt; (also the first line of many text dumps): the headline, then the site name and often
/// the date, as each layout writes them (<see cref="PageTitleFormat"/>): old "Headline | Section| … | DW | 19.01.2020",
/// new "Headline – DW – 02/04/2022".
/// </summary>
internal static class PageTitle
{
    // Old layout first: a title that has both kinds of separator is read as it always was.
    private static readonly PageTitleFormat[] Formats = [OldLayout.File.PageTitle, NewLayout.File.PageTitle];

    /// <summary>The headline (before any section bar) and the text after the separator (the date, if any).</summary>
    public static (string Title, string? DateText)? Read(string line)
    {
        var (at, length) = FindSeparator(line);
        if (at < 0) return null;
        var head = line[..at];
        var bar = head.IndexOf('|');
        var title = (bar > 0 ? head[..bar] : head).Trim();
        var date = at + length < line.Length ? line[(at + length)..].Trim() : null;
        return title.Length == 0 ? null : (title, date);
    }

    private static (int At, int Length) FindSeparator(string line)
    {
        foreach (var f in Formats)
            foreach (var sep in f.Separators)
                if (line.IndexOf(sep, StringComparison.Ordinal) is var i and >= 0) return (i, sep.Length);
        foreach (var f in Formats)
            foreach (var end in f.Endings)
                if (line.EndsWith(end, StringComparison.Ordinal)) return (line.Length - end.Length, end.Length);
        return (-1, 0);
    }
}
