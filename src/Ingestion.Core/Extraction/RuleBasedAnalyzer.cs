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
        if (!string.IsNullOrWhiteSpace(article.Title)) blocks.Add(new(article.Title, article.Title.Length, Headline: true));
        if (!string.IsNullOrWhiteSpace(article.Lead)) blocks.Add(new(article.Lead, article.Lead.Length, Headline: false));
        foreach (var block in article.Body)
        {
            if (string.IsNullOrWhiteSpace(block.Text)) continue;
            // a signature is cut off by length, not by copying the paragraph
            blocks.Add(new(block.Text, english ? LengthWithoutSignature(block.Text) : block.Text.Length, block.Kind == BlockKind.Heading));
        }

        var lex = Lexicon.Default;
        var doc = new ArticleText(blocks, scratch);
        // German capitalizes every noun: only lexicon names and given-name-led names are reliable there.
        var ents = new EntityExtractor(doc, lex, english);
        if (english || german) ents.Run();

        // results are gathered in scratch lists and handed out as exact-size arrays
        var quotes = scratch.Quotes;
        if (english || german)
            new QuoteAttributor(doc, ents, lex, english).Run();
        foreach (var q in doc.Quotes)
        {
            if (q.Drop && (english || german)) continue;
            var text = doc.Block(q.Block)[q.TextStart..q.TextEnd].Trim().ToString();
            if (text.Length == 0) continue;
            if (!english && !german && WordCount(text) <= 4) continue;
            quotes.Add(english || german ? new Quote(text, q.Speaker, q.Cue, q.Speaker is null ? QuoteAttribution.None : q.How) : new Quote(text, null, null, QuoteAttribution.None));
        }

        var entities = scratch.Entities;
        if (english || german)
        {
            foreach (var c in ents.Clusters)
            {
                if (c.Dropped || c.Mentions.Count == 0) continue;
                if (c.Type is not (EntityType.Person or EntityType.Organization or EntityType.Location or EntityType.Event)) continue;
                var aliases = scratch.Aliases;
                aliases.Clear();
                HashSet<string>? seen = null;
                if (c.Mentions.Count > 16) { seen = scratch.AliasSet; seen.Clear(); } // linear on hostile input
                foreach (var m in c.Mentions)
                {
                    if (m.Surface == c.Name) continue;
                    if (seen is null ? !aliases.Contains(m.Surface) : seen.Add(m.Surface)) aliases.Add(m.Surface);
                }
                entities.Add(new Entity(c.Name, c.Type, aliases.ToArray(), c.Mentions.Count, c.Role));
            }
        }
        return new ArticleAnalysis(entities.ToArray(), quotes.ToArray()) { Partial = !english };
    }

    /// <summary>Space-separated parts, as <c>Split(' ', RemoveEmptyEntries).Length</c> counts them.</summary>
    private static int WordCount(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var range in text.Split(' '))
            if (!text[range].IsEmpty) n++;
        return n;
    }

    /// <summary>
    /// A DW agency signature run into the last paragraph ("… cw/rc (AFP, AP, dpa)") is not article text: the length of
    /// the text without it (the whole length when there is none).
    /// </summary>
    internal static int LengthWithoutSignature(string text) => Cleaning.Signatures.LengthWithout(text);
}
