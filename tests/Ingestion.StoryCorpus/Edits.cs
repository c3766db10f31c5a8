using Ingestion.Core.Model;

namespace Ingestion.StoryCorpus;

/// <summary>
/// The small edits a story gets between copies: what DW changes when it updates a developing story (a new paragraph
/// at the top, a new headline), and what editors fix (a typo, a reworded sentence, a shorter teaser, a last paragraph
/// cut). Each keeps the story the same story.
/// </summary>
public static class Edits
{
    public delegate SourceArticle Edit(SourceArticle article, Random random);

    public static IReadOnlyList<(string Name, Edit Apply)> All { get; } =
    [
        ("update", AddUpdate),
        ("typo", FixTypo),
        ("reworded", Reword),
        ("retitled", Retitle),
        ("short-teaser", ShortenTeaser),
        ("last-paragraph-cut", CutLastParagraph),
        ("update+retitled", (a, r) => Retitle(AddUpdate(a, r), r)),
    ];

    private static readonly string[] Updates =
    [
        "This article was updated with new information as the situation developed on {0}.",
        "Officials gave fresh details on {0} and said more information would follow in the coming hours.",
        "Update: the latest figures released on {0} confirmed the earlier reports, a spokesperson told journalists.",
    ];

    public static SourceArticle AddUpdate(SourceArticle a, Random random)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Updates[random.Next(Updates.Length)], a.Published.DayOfWeek);
        return a with { Body = [new BodyBlock(BlockKind.Paragraph, text), .. a.Body] };
    }

    public static SourceArticle FixTypo(SourceArticle a, Random random) => EditParagraph(a, random, p =>
    {
        var words = p.Split(' ');
        var i = random.Next(words.Length);
        if (words[i].Length > 3) words[i] = words[i][..1] + words[i][2] + words[i][1] + words[i][3..];
        return string.Join(' ', words);
    });

    public static SourceArticle Reword(SourceArticle a, Random random) => EditParagraph(a, random, p =>
        p.Contains(" said", StringComparison.Ordinal) ? ReplaceFirst(p, " said", " told reporters")
        : p.Contains(" the ", StringComparison.Ordinal) ? ReplaceFirst(p, " the ", " this ")
        : p + " Details were not immediately available.");

    public static SourceArticle Retitle(SourceArticle a, Random random) =>
        a with { Title = random.Next(2) == 0 ? a.Title + ": What we know so far" : "Update: " + a.Title };

    public static SourceArticle ShortenTeaser(SourceArticle a, Random random)
    {
        var end = a.Lead.IndexOf(". ", StringComparison.Ordinal);
        return a with { Lead = end > 0 ? a.Lead[..(end + 1)] : TextRenderings.Shorten(a.Lead, a.Lead.Length / 2) };
    }

    public static SourceArticle CutLastParagraph(SourceArticle a, Random random) =>
        a.Body.Count > 3 ? a with { Body = a.Body.Take(a.Body.Count - 1).ToList() } : Reword(a, random);

    private static SourceArticle EditParagraph(SourceArticle a, Random random, Func<string, string> change)
    {
        var paragraphs = a.Body.Select((b, i) => (b, i)).Where(x => x.b.Kind == BlockKind.Paragraph).ToList();
        if (paragraphs.Count == 0) return a;
        var at = paragraphs[random.Next(paragraphs.Count)].i;
        return a with { Body = a.Body.Select((b, i) => i == at ? b with { Text = change(b.Text) } : b).ToList() };
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var i = text.IndexOf(what, StringComparison.Ordinal);
        return text[..i] + with + text[(i + what.Length)..];
    }
}
