using System.Text;
using AngleSharp.Dom;

namespace Ingestion.Core.Cleaning.Layouts;

/// <summary><c>layouts/amp.json</c>.</summary>
internal sealed record AmpLayoutFile(string Layout, string Description, SeenInUse Seen, string[] RootAttributes) : ILayoutFile;

/// <summary>
/// DW's AMP pages (amp.dw.com): an &lt;html amp&gt; page whose body is title, date, lead and paragraphs with ad
/// markers between them, read as text with <see cref="TextDumpLayout"/>'s rules. Recognised by: <c>layouts/amp.json</c>.
/// </summary>
internal static class AmpLayout
{
    public static AmpLayoutFile File { get; } = LayoutFile.Load<AmpLayoutFile>("amp");

    public static ArticleDraft? TryRead(IDocument doc, PageFacts page, UiCatalog cat, DateTimeOffset? baseTime)
    {
        if (doc.DocumentElement is not { } root || !File.RootAttributes.Any(root.HasAttribute) || doc.Body is not { } body) return null;
        var draft = TextDumpLayout.Read(BlockText(body, cat), cat, baseTime, page.Language);
        draft.Language ??= page.Language;
        return draft;
    }

    /// <summary>The body's blocks as text lines, one block per paragraph.</summary>
    private static string BlockText(IElement body, UiCatalog cat)
    {
        var sb = new StringBuilder();
        foreach (var (_, t) in HtmlArticleReader.Blocks(body, cat, new ArticleDraft())) sb.Append(t).Append("\n\n");
        return sb.ToString();
    }
}
