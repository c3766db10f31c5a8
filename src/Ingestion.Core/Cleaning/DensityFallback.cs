using AngleSharp.Dom;
using Ingestion.Core.Cleaning.Layouts;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>Readability-style fallback for pages that are not recognisably DW: the densest text container wins.</summary>
internal static class DensityFallback
{
    public static ArticleDraft Read(IDocument doc, PageFacts page, UiCatalog cat, UiLanguage? ui)
    {
        var draft = new ArticleDraft { Language = page.Language, Fallback = true };
        var th = cat.Thresholds;
        var scores = new Dictionary<IElement, double>();
        foreach (var p in Dom.All(doc.Body, new Sel("p")).Concat(Dom.All(doc.Body, new Sel("pre"))))
        {
            var t = HtmlArticleReader.Text(p);
            if (t.Length < 25) continue;
            var score = 1 + t.Count(c => c is ',' or '،' or '，') + Math.Min(t.Length / 100, 3);
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + score;
                if (parent.ParentElement is { } gp) scores[gp] = scores.GetValueOrDefault(gp) + score / 2;
            }
        }
        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (e, s) in scores)
        {
            var text = HtmlArticleReader.Text(e);
            var adjusted = s * (1 - HtmlArticleReader.LinkDensity(e, text.Length));
            if (adjusted > bestScore) { bestScore = adjusted; best = e; }
        }
        best ??= doc.Body;
        if (best is null) return draft;
        var lines = new List<Line>();
        foreach (var (kind, text) in HtmlArticleReader.Blocks(best, cat, draft))
        {
            lines.Add(new Line(text, true));
        }
        draft.Language ??= LanguageGuesser.Guess(lines.Select(l => l.Text), cat);
        ui ??= cat.Get(draft.Language);
        LineRules.Classify(lines, 0, cat, ui, draft);
        LineRules.Assemble(lines, 0, cat, draft);
        draft.Title = Dom.First(doc.Body, new Sel("h1")) is { } h1 && HtmlArticleReader.Text(h1) is { Length: > 0 } h ? h : page.LdHeadline ?? page.PageTitle;
        if (draft.Body.Count > 0 && draft.Title is not null && TextDumpLayout.TitleKey(draft.Body[0].Text) == TextDumpLayout.TitleKey(draft.Title)) draft.Body.RemoveAt(0);
        if (draft.Body.Count > 1 && draft.Body[0].Kind == BlockKind.Paragraph) { draft.Lead = draft.Body[0].Text; draft.Body.RemoveAt(0); }
        var chars = draft.Lead.Length;
        foreach (var b in draft.Body) chars += b.Text.Length;
        if (chars < th.FallbackMinChars)
            throw new Input.ArticleRejectedException(Input.RejectionKind.NoArticle, $"no article found: the page is not a recognisable DW article and its densest text block holds only {chars} characters");
        return draft;
    }
}
