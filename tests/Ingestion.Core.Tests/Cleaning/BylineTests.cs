using System.Text;
using Ingestion.Core.Cleaning;
using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Cleaning;

/// <summary>
/// DW's text exports run the byline into the last paragraph. The endings below are the shapes DW writes (taken from
/// DW articles of the DWIE corpus, texts © Deutsche Welle); the names become authors, never article text or entities.
/// </summary>
public class BylineTests
{
    private const string Body = "Belarus is part of the 56-member OSCE, which was set up during the Cold War as a forum for dialogue between communist states and the West.";

    private static CleanArticle Clean(string lastParagraph) =>
        new DwArticleCleaner().Clean(ArticleInput.Decode("a.txt", Encoding.UTF8.GetBytes(
            "Belarus orders international watchdog to close its Minsk office\n" +
            "Belarus has ordered the Organization for Security and Cooperation in Europe to close its office in Minsk.\n" +
            "The decision came after the body issued a report critical of the elections.\n" + lastParagraph)));

    [Theory]
    [InlineData(" Author: Darren Mara, Sarah Harman (AFP, Reuters) Editor: Nancy Isenson", new[] { "Darren Mara", "Sarah Harman", "Nancy Isenson" }, new[] { "AFP", "Reuters" })]
    [InlineData(" Author: Klaudia Prevezanos / slk Editor: Martin Kuebler", new[] { "Klaudia Prevezanos", "Martin Kuebler" }, new string[0])]
    [InlineData(" Authors: Juergen Stryjak/ Nina Haase (Reuters) Editor: Rob Mudge", new[] { "Juergen Stryjak", "Nina Haase", "Rob Mudge" }, new[] { "Reuters" })]
    [InlineData(" Interview: Bernd Riegert / db Editor: Michael Lawton", new[] { "Bernd Riegert", "Michael Lawton" }, new string[0])]
    [InlineData(" sp/afp/ap/dpa Editor: Kyle James", new[] { "Kyle James" }, new[] { "afp", "ap", "dpa" })]
    [InlineData(" Author: Nick Amies Editor: Sabina Casagrande/Rob Mudge", new[] { "Nick Amies", "Sabina Casagrande", "Rob Mudge" }, new string[0])]
    public void A_byline_run_into_the_last_paragraph_becomes_authors(string byline, string[] authors, string[] agencies)
    {
        var article = Clean(Body + byline);

        Assert.Equal(Body, article.Body[^1].Text);
        Assert.Equal(authors, article.Authors);
        Assert.Equal(agencies, article.Signature?.Agencies ?? []);
        Assert.Equal(1, article.Removed[RemovalRules.Authors]);
    }

    [Theory]
    [InlineData(" The editor: a man of few words.")]
    [InlineData(" The ministry's Editor: unknown, said the report.")]
    [InlineData(" It was a tough interview: he left early.")]
    public void Prose_that_only_looks_like_a_byline_stays(string ending)
    {
        var article = Clean(Body + ending);

        Assert.Equal(Body + ending, article.Body[^1].Text);
        Assert.Empty(article.Authors);
    }

    [Fact]
    public void Extraction_finds_no_entities_in_the_byline()
    {
        var analysis = new Ingestion.Core.Extraction.RuleBasedAnalyzer().Analyze(Clean(Body + " Author: Darren Mara, Sarah Harman (AFP, Reuters) Editor: Nancy Isenson"));

        Assert.Contains(analysis.Entities, e => e.Aliases.Contains("OSCE"));
        Assert.DoesNotContain(analysis.Entities, e => e.Name.Contains("Mara") || e.Name.Contains("Isenson") || e.Name.Contains("Agence"));
    }
}
