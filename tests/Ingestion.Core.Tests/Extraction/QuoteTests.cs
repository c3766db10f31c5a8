namespace Ingestion.Core.Tests.Extraction;

public class QuoteTests
{
    [Theory]
    [InlineData("\"We will rebuild the bridge within a year,\" Mayor Anna Berger said on Monday.")]
    [InlineData("\u201CWe will rebuild the bridge within a year,\u201D Mayor Anna Berger said on Monday.")]
    [InlineData("\u201CWe will rebuild the bridge within a year,\" Mayor Anna Berger said on Monday.")]
    [InlineData("''We will rebuild the bridge within a year,'' Mayor Anna Berger said on Monday.")]
    [InlineData("\u00ABWe will rebuild the bridge within a year,\u00BB Mayor Anna Berger said on Monday.")]
    [InlineData("\u2018We will rebuild the bridge within a year,\u2019 Mayor Anna Berger said on Monday.")]
    public void Every_quotation_mark_style_gives_the_quote_and_its_speaker(string sentence)
    {
        var a = AnalyzerTestKit.Analyze("Flood damage", "The river rose overnight.", sentence);
        var q = a.Single("rebuild the bridge");
        Assert.Equal("We will rebuild the bridge within a year,", q.Text);
        Assert.Equal("Anna Berger", q.Speaker);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void Headline_single_quotes_after_a_name_and_colon()
    {
        var a = AnalyzerTestKit.Analyze("Olaf Scholz: 'Our support for Ukraine will not waver'",
            "German Chancellor Olaf Scholz spoke in Berlin on Tuesday.");
        var q = a.Single("support for Ukraine");
        Assert.Equal("Olaf Scholz", q.Speaker);
    }

    [Fact]
    public void A_quote_interrupted_by_its_attribution_gives_two_spans_with_one_speaker()
    {
        var a = AnalyzerTestKit.Analyze("Talks", "Foreign ministers met in Vienna.",
            "\"The talks were difficult,\" said Maria Lopez, the Spanish foreign minister, \"but we made real progress on the harbor deal.\"");
        Assert.Equal("Maria Lopez", a.Single("talks were difficult").Speaker);
        Assert.Equal("Maria Lopez", a.Single("real progress").Speaker);
    }

    [Fact]
    public void Partial_quotes_inside_a_sentence_take_the_subject_of_the_speech_verb()
    {
        var a = AnalyzerTestKit.Analyze("Trade", "Prime Minister Jonas Berg defended the deal.",
            "Berg said the agreement was \"a fair bargain for both sides\" and called the critics \"badly informed\".");
        Assert.Equal("Jonas Berg", a.Single("fair bargain").Speaker);
        Assert.Equal("Jonas Berg", a.Single("badly informed").Speaker);
    }

    [Fact]
    public void A_quote_over_several_paragraphs_keeps_its_speaker()
    {
        var a = AnalyzerTestKit.Analyze("Harbor", "The harbor will close for repairs, officials said.",
            "Port director Karl Huber said: \"The quay walls are older than anyone working here. We cannot wait any longer.",
            "\"Every week of delay makes the repair more expensive for the city and for the shipping companies.\"");
        Assert.Equal("Karl Huber", a.Single("quay walls").Speaker);
        Assert.Equal("Karl Huber", a.Single("Every week of delay").Speaker);
    }

    [Fact]
    public void Scare_quotes_and_coined_terms_are_not_quotes()
    {
        var a = AnalyzerTestKit.Analyze("Policy", "The government announced its so-called 'green light' policy for wind farms.",
            "Critics doubt that the \"turbo\" approach will work in rural areas.");
        Assert.DoesNotContain(a.Quotes, q => q.Text.Contains("green light", StringComparison.Ordinal));
        Assert.DoesNotContain(a.Quotes, q => q.Text.Contains("turbo", StringComparison.Ordinal));
    }

    [Fact]
    public void Unbalanced_and_odd_quotation_marks_do_not_swallow_the_article()
    {
        var a = AnalyzerTestKit.Analyze("Odd", "He measured 6'2\" and said nothing.",
            "\"We are ready,\" said coach Peter Lang. The team's \"best season\" is behind it, he added.",
            "A stray \" mark here should not start a quote that runs on and on and on");
        Assert.Equal("Peter Lang", a.Single("We are ready").Speaker);
        Assert.DoesNotContain(a.Quotes, q => q.Text.Contains("runs on and on", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unattributable_long_quote_has_a_null_speaker()
    {
        var a = AnalyzerTestKit.Analyze("Signs", "Protesters gathered outside parliament.",
            "Banners read \"No more cuts to schools and hospitals in our town\" across the square.");
        var q = a.Single("No more cuts");
        Assert.Null(q.Speaker);
    }
}
