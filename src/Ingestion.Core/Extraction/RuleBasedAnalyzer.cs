using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Entities and direct quotes by rules, lexicons and gazetteers (no model). English is fully supported; German gets
/// quotes with speakers and lexicon/given-name entities; other languages get quote spans only (<see cref="ArticleAnalysis.Partial"/>).
/// Thread-safe: the lexicon is loaded once and shared read-only, and working buffers are per thread (<see cref="ExtractionScratch"/>).
/// </summary>
public sealed class RuleBasedAnalyzer : IArticleAnalyzer
{
    public ArticleAnalysis Analyze(CleanArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var scratch = ExtractionScratch.Rent();
        try
        {
            return Analyze(article, scratch);
        }
        finally
        {
            ExtractionScratch.Return(scratch);
        }
    }

    private static ArticleAnalysis Analyze(CleanArticle article, ExtractionScratch scratch)
    {
        var lang = (article.Language ?? "en").ToLowerInvariant();
        var english = lang.StartsWith("en", StringComparison.Ordinal);
        var german = lang.StartsWith("de", StringComparison.Ordinal);

        var blocks = scratch.Blocks;
        var headline = scratch.Headline;
        if (!string.IsNullOrWhiteSpace(article.Title)) { blocks.Add(article.Title); headline.Add(true); }
        if (!string.IsNullOrWhiteSpace(article.Lead)) { blocks.Add(article.Lead); headline.Add(false); }
        foreach (var block in article.Body)
        {
            if (string.IsNullOrWhiteSpace(block.Text)) continue;
            blocks.Add(english ? StripSignature(block.Text) : block.Text);
            headline.Add(block.Kind == BlockKind.Heading);
        }

        var lex = Lexicon.Default;
        var doc = new ArticleText(blocks, headline, scratch);
        // German capitalizes every noun: only lexicon names and given-name-led names are reliable there.
        var ents = new EntityExtractor(doc, lex, english);
        if (english || german) ents.Run();

        var quotes = new List<Quote>();
        if (english || german)
            new QuoteAttributor(doc, ents, lex, english).Run();
        foreach (var q in doc.Quotes)
        {
            if (q.Drop && (english || german)) continue;
            var text = doc.Blocks[q.Block][q.TextStart..q.TextEnd].Trim();
            if (text.Length == 0) continue;
            if (!english && !german && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4) continue;
            quotes.Add(english || german ? new Quote(text, q.Speaker, q.Cue) : new Quote(text, null, null));
        }

        var entities = new List<Entity>();
        if (english || german)
        {
            foreach (var c in ents.Clusters)
            {
                if (c.Dropped || c.Mentions.Count == 0) continue;
                if (c.Type is not (EntityType.Person or EntityType.Organization or EntityType.Location or EntityType.Event)) continue;
                var aliases = new List<string>();
                HashSet<string>? seen = c.Mentions.Count > 16 ? new(StringComparer.Ordinal) : null; // linear on hostile input
                foreach (var m in c.Mentions)
                {
                    if (m.Surface == c.Name) continue;
                    if (seen is null ? !aliases.Contains(m.Surface) : seen.Add(m.Surface)) aliases.Add(m.Surface);
                }
                entities.Add(new Entity(c.Name, c.Type, aliases, c.Mentions.Count, c.Role));
            }
        }
        return new ArticleAnalysis(entities, quotes) { Partial = !english };
    }

    /// <summary>A DW agency signature run into the last paragraph ("… cw/rc (AFP, AP, dpa)") is not article text.</summary>
    internal static string StripSignature(string text)
    {
        var t = text.AsSpan().TrimEnd();
        if (t.Length < 5 || t[^1] != ')') return text;
        var open = t.LastIndexOf('(');
        if (open < 0 || t.Length - open > 60) return text;
        var before = t[..open].TrimEnd();
        var space = before.LastIndexOf(' ');
        var initials = before[(space + 1)..];
        if (initials.Length is < 3 or > 20 || !initials.Contains('/')) return text;
        foreach (var c in initials) if (!(char.IsLower(c) || c is '/' or ',')) return text;
        return space < 0 ? "" : text[..(space + 1)].TrimEnd();
    }
}
