using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning;

/// <summary>The article being assembled by one reader, with the count of what each rule removed.</summary>
internal sealed class ArticleDraft
{
    public string? Title;
    public DateOnly? Published;
    public List<string> Authors = [];
    public string? Language;
    public string? Kicker;
    public string Lead = "";
    public List<BodyBlock> Body = new(32);
    public List<Caption> Captions = [];
    public Signature? Signature;
    public string? Permalink;
    public bool Fallback;
    public Dictionary<string, int> Removed = new(12, StringComparer.Ordinal);

    public void Remove(string rule, int count = 1)
    {
        if (count <= 0) return;
        Removed[rule] = Removed.TryGetValue(rule, out var n) ? n + count : count;
    }

    public void AddAuthors(IEnumerable<string> names)
    {
        foreach (var raw in names)
        {
            var n = TextTools.NormaliseSpaces(raw);
            if (n.Length == 0 || n.Length > 80) continue;
            var dup = false;
            foreach (var a in Authors) if (string.Equals(a, n, StringComparison.OrdinalIgnoreCase)) { dup = true; break; }
            if (!dup) Authors.Add(n);
        }
    }

    public void AddBlock(BlockKind kind, string text)
    {
        text = TextTools.NormaliseSpaces(text);
        if (text.Length > 0) Body.Add(new BodyBlock(kind, text));
    }

    /// <summary>A paragraph has at least this many words (CJK: two characters per word).</summary>
    private const int MinProseWords = 8;

    /// <summary>For text that is already normalised (lines from <see cref="LineRules.Split"/>).</summary>
    public void AddNormalisedBlock(BlockKind kind, string text)
    {
        if (text.Length > 0) Body.Add(new BodyBlock(kind, text));
    }

    public CleanArticle Build(ArticleFormat format)
    {
        Bylines.TakeRunIn(this, UiCatalog.Default);
        var title = Title is null ? null : TextTools.NormaliseSpaces(Title);
        var lead = TextTools.NormaliseSpaces(Lead);
        if (string.IsNullOrEmpty(title) && lead.Length == 0 && Body.Count == 0)
            throw new ArticleRejectedException(RejectionKind.NoArticle, "no article text found: the input holds only page chrome (navigation, links, credits) or nothing readable");
        var min = UiCatalog.Default.Thresholds.MinArticleWords;
        var words = TextTools.WeightedWords(title.AsSpan(0, Math.Min(title?.Length ?? 0, 400))) + TextTools.WeightedWords(lead.AsSpan(0, Math.Min(lead.Length, 400)));
        foreach (var b in Body)
        {
            if (words >= min) break;
            words += TextTools.WeightedWords(b.Text);
        }
        if (words < min)
            throw new ArticleRejectedException(RejectionKind.NoArticle, $"no article text found: only {words} words remain after removing page chrome");
        // navigation pages are lists of short link lines: an article has at least one sentence of prose
        var prose = TextTools.WeightedWords(lead.AsSpan(0, Math.Min(lead.Length, 400))) >= MinProseWords;
        foreach (var b in Body)
        {
            if (prose) break;
            prose = b.Kind == BlockKind.Paragraph && TextTools.WeightedWords(b.Text.AsSpan(0, Math.Min(b.Text.Length, 400))) >= MinProseWords;
        }
        if (!prose)
            throw new ArticleRejectedException(RejectionKind.NoArticle, "no article text found: the input holds only short lines (navigation, headings, link lists), no paragraph of prose");
        return new CleanArticle
        {
            Format = format,
            Title = string.IsNullOrEmpty(title) ? null : title,
            Published = Published,
            Authors = Authors,
            Language = Language,
            Kicker = string.IsNullOrWhiteSpace(Kicker) ? null : TextTools.NormaliseSpaces(Kicker),
            Lead = lead,
            Body = Body,
            Captions = Captions,
            Signature = Signature,
            Permalink = Permalink,
            Removed = Removed,
            Fallback = Fallback,
        };
    }
}
