using Ingestion.Core.Model;

namespace Ingestion.Core.Extraction;

/// <summary>
/// Entities and direct quotes by rules, lexicons and gazetteers (no model). What a language gets is its
/// <see cref="LanguageProfile"/>'s to say; a language without one gets quote spans only (<see cref="ArticleAnalysis.Partial"/>).
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
        // A language without a profile gets quote spans only.
        var profile = LanguageProfile.For(article.Language);

        var blocks = scratch.Blocks;
        if (!string.IsNullOrWhiteSpace(article.Title)) blocks.Add(new(article.Title, article.Title.Length, Headline: true));
        if (!string.IsNullOrWhiteSpace(article.Lead)) blocks.Add(new(article.Lead, article.Lead.Length, Headline: false));
        foreach (var block in article.Body)
        {
            if (string.IsNullOrWhiteSpace(block.Text)) continue;
            // a signature is cut off by length, not by copying the paragraph
            blocks.Add(new(block.Text, profile is not null ? LengthWithoutSignature(block.Text) : block.Text.Length, block.Kind == BlockKind.Heading));
        }

        var doc = new ArticleText(blocks, scratch, profile?.Tokenizing ?? TokenizerRules.None);
        // results are gathered in scratch lists and handed out as exact-size arrays
        var quotes = scratch.Quotes;
        var entities = scratch.Entities;
        if (profile is null)
        {
            foreach (var q in doc.Quotes)
            {
                var text = QuoteText(doc, q);
                if (text.Length > 0 && WordCount(text) > 4) quotes.Add(new Quote(text, null, null, QuoteAttribution.None));
            }
            return new ArticleAnalysis([], quotes.ToArray()) { Partial = true };
        }

        var ents = new EntityExtractor(doc, profile);
        ents.Run();
        new QuoteAttributor(doc, ents, profile).Run();
        foreach (var q in doc.Quotes)
        {
            if (q.Drop) continue;
            var text = QuoteText(doc, q);
            if (text.Length == 0) continue;
            quotes.Add(new Quote(text, q.Speaker, q.Cue, q.Speaker is null ? QuoteAttribution.None : q.How));
        }

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
            if (c.KnownAs is { } known && known != c.Name && !aliases.Contains(known)) aliases.Add(known);
            entities.Add(new Entity(c.Name, c.Type, aliases.ToArray(), c.Mentions.Count, c.Role));
        }
        return new ArticleAnalysis(entities.ToArray(), quotes.ToArray()) { Partial = profile.Support != ExtractionSupport.Full };
    }

    private static string QuoteText(ArticleText doc, QuoteSpan q) => doc.Block(q.Block)[q.TextStart..q.TextEnd].Trim().ToString();

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
