using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Extraction;

public class AttributionTests
{
    [Fact]
    public void Speaker_before_the_quote_with_a_colon()
    {
        var a = AnalyzerTestKit.Analyze("Budget", "The finance minister presented the budget.",
            "Finance Minister Sofia Lind told reporters: \"This budget protects families and invests in rail.\"");
        var q = a.Single("protects families");
        Assert.Equal("Sofia Lind", q.Speaker);
        Assert.Equal("told", q.Cue);
    }

    [Fact]
    public void What_the_quote_is_about_after_the_verb_is_not_its_speaker()
    {
        var a = AnalyzerTestKit.Analyze("Verdict", "The carmaker Voltra lost its chairman to a prison sentence on Friday.",
            "Ingrid Holm, the author of a book on the group, said the company \"will not collapse\" without him.");
        var q = a.Single("will not collapse");
        Assert.Equal("Ingrid Holm", q.Speaker);
        Assert.Equal(QuoteAttribution.Explicit, q.Attribution);
    }

    [Fact]
    public void A_company_known_by_what_it_owns_is_the_company_that_said_it()
    {
        var a = AnalyzerTestKit.Analyze("Pay", "Kaufwerk's workforce can expect a pay rise next month.",
            "Kaufwerk announced the rise on Thursday. Staff would get it \"rather than waiting until next year,\" the company said.");
        Assert.Equal(EntityType.Organization, a.Entity("Kaufwerk").Type);
        var q = a.Single("rather than waiting");
        Assert.Equal("Kaufwerk", q.Speaker);
        Assert.Equal(QuoteAttribution.Role, q.Attribution);
    }

    [Fact]
    public void According_to_and_wrote()
    {
        var a = AnalyzerTestKit.Analyze("Report", "A new report was published.",
            "The economy is \"heading for a long and painful winter with rising prices,\" according to economist Hannah Weiss.",
            "In an essay, Tomas Novak wrote that the reforms were \"the most important change in a generation for workers.\"");
        Assert.Equal("Hannah Weiss", a.Single("painful winter").Speaker);
        Assert.Equal("according to", a.Single("painful winter").Cue);
        Assert.Equal("Tomas Novak", a.Single("most important change").Speaker);
        Assert.Equal("wrote", a.Single("most important change").Cue);
    }

    [Fact]
    public void Surname_pronoun_and_role_resolve_to_the_canonical_name()
    {
        var a = AnalyzerTestKit.Analyze("Visit", "Russian President Vladimir Putin arrived in Beijing on Friday.",
            "\"Our relationship is developing along the path of friendship,\" Putin said.",
            "\"They are of a truly unprecedented nature,\" the Russian leader said.",
            "\"We will sign several energy agreements this week,\" he told journalists.");
        Assert.Equal("Vladimir Putin", a.Single("path of friendship").Speaker);
        Assert.Equal("Vladimir Putin", a.Single("unprecedented nature").Speaker);
        Assert.Equal("Vladimir Putin", a.Single("energy agreements").Speaker);
    }

    [Fact]
    public void Group_speakers_are_named_as_their_members()
    {
        var a = AnalyzerTestKit.Analyze("Summit", "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.",
            "The two leaders then accused Washington of \"ideologized Cold War approaches to defense policy.\"");
        var q = a.Single("ideologized");
        Assert.Equal("Vladimir Putin and Xi Jinping", q.Speaker);
    }

    [Fact]
    public void A_following_quote_inherits_the_speaker_only_when_the_text_makes_it_clear()
    {
        var a = AnalyzerTestKit.Analyze("Court", "The court ruled on Tuesday.",
            "\"This ruling is a victory for press freedom,\" lawyer Ines Brandt said. \"We will continue to defend journalists in every court.\"",
            "The government has not commented. \"Nobody here expected such a clear and quick decision from the judges,\" a banner outside read.");
        Assert.Equal("Ines Brandt", a.Single("press freedom").Speaker);
        Assert.Equal("Ines Brandt", a.Single("defend journalists").Speaker);
        Assert.NotEqual("Ines Brandt", a.Single("Nobody here expected").Speaker);
    }

    [Fact]
    public void A_statement_speaks_as_a_document_not_as_an_entity()
    {
        var a = AnalyzerTestKit.Analyze("Statement", "The two governments issued a joint statement after the meeting.",
            "\"Both sides reaffirm their commitment to open trade and to the peaceful settlement of disputes,\" the statement said.");
        Assert.Equal("joint statement", a.Single("reaffirm their commitment").Speaker);
        Assert.DoesNotContain(a.Entities, e => e.Name.Contains("statement", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Organisations_speak_through_their_names()
    {
        var a = AnalyzerTestKit.Analyze("Rates", "The European Central Bank (ECB) raised interest rates again.",
            "\"Inflation remains far too high for far too long,\" the ECB said in a statement.");
        Assert.Equal("European Central Bank", a.Single("Inflation remains").Speaker);
    }

    [Fact]
    public void A_participle_takes_its_own_subject_or_else_the_previous_speaker()
    {
        var a = AnalyzerTestKit.Analyze("NATO", "Leaders met in Brussels.",
            "Foreign Minister Annalena Baerbock told reporters: \"Europe stands united.\" NATO Secretary-General Jens Stoltenberg echoed her words, saying the alliance would \"support Ukraine for as long as it takes.\"",
            "\"Decisions of the court must be respected,\" the office of President Klaus Iohannis said in a statement, adding that the \"fight against corruption will not stop.\"");
        Assert.Equal("Annalena Baerbock", a.Single("Europe stands").Speaker);
        Assert.Equal("Jens Stoltenberg", a.Single("as long as it takes").Speaker);
        Assert.Equal("Klaus Iohannis", a.Single("must be respected").Speaker);
        Assert.Equal("Klaus Iohannis", a.Single("fight against corruption").Speaker);
    }

    [Fact]
    public void Inverted_cue_with_a_description_before_the_name_and_role_nouns()
    {
        var a = AnalyzerTestKit.Analyze("Budget", "Chancellor Olaf Scholz defended the budget on Wednesday.",
            "\"We will not cut pensions,\" the chancellor said. \"Why now?\" asked opposition leader Friedrich Merz, who called the plan \"reckless.\"");
        Assert.Equal("Olaf Scholz", a.Single("cut pensions").Speaker);
        Assert.Equal("Friedrich Merz", a.Single("Why now").Speaker);
        Assert.Equal("asked", a.Single("Why now").Cue);
        Assert.Equal("Friedrich Merz", a.Single("reckless").Speaker);
        Assert.Equal("Chancellor", a.Entity("Olaf Scholz").Role);
    }

    [Fact]
    public void A_pronoun_skips_names_in_place_phrases()
    {
        var a = AnalyzerTestKit.Analyze("Mass", "Thousands attended the mass.",
            "\"We need peace,\" Pope Francis told the crowd in St. Peter's Square. \"We need it now,\" he said.");
        Assert.Equal("Pope Francis", a.Single("need peace").Speaker);
        Assert.Equal("Pope Francis", a.Single("need it now").Speaker);
    }

    [Fact]
    public void Sentence_initial_according_to_and_generic_groups_are_not_people_but_speak_as_described()
    {
        var a = AnalyzerTestKit.Analyze("Jobs", "The company announced job cuts.",
            "Police said the suspect \"acted alone and planned the attack for many months.\" According to Reuters, the company \"plans to cut 5,000 jobs over the next two years.\"");
        // police are never named: the quote is theirs as the article describes them, and no entity
        var police = a.Single("acted alone");
        Assert.Equal("police", police.Speaker);
        Assert.Equal(QuoteAttribution.Role, police.Attribution);
        Assert.Equal("Reuters", a.Single("5,000 jobs").Speaker);
        Assert.DoesNotContain(a.Entities, e => e.Name == "Police");
    }
}
