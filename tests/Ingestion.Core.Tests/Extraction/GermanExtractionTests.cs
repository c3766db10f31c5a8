using Ingestion.Core.Extraction;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Extraction;

/// <summary>German, where every noun is capitalised: names come from the dictionary and the context, speakers from German word order.</summary>
public class GermanExtractionTests
{
    private static ArticleAnalysis German(string title, params string[] paragraphs) => AnalyzerTestKit.AnalyzeIn("de", title, paragraphs);

    private static void HasEntity(ArticleAnalysis a, string name, EntityType type) =>
        Assert.True(a.Entities.Any(e => e.Name == name && e.Type == type), $"no {type} '{name}' in: {string.Join(", ", a.Entities.Select(e => $"{e.Name}/{e.Type}"))}");

    [Fact]
    public void Capitalised_nouns_compounds_and_nominalised_words_are_no_names()
    {
        var a = German("Die Lage", "Der Taxifahrer sah die Panzer auf der Autobahn.",
            "Die Betroffenen warten auf das Abwarten der Regierung, und die Kriegstechnik steht still.");
        Assert.Empty(a.Entities);
    }

    [Fact]
    public void Names_the_dictionary_does_not_know_are_typed_by_their_context()
    {
        var a = German("Kämpfe im Osten", "Besonders viele Soldaten sterben bei Bachmut.",
            "Die Stadt im Gebiet Donezk ist umkämpft. Laut der Umweltschutzorganisation WWF brennt der Wald, sagt der Soldat Andrij.");
        HasEntity(a, "Bachmut", EntityType.Location);
        HasEntity(a, "Donezk", EntityType.Location);
        HasEntity(a, "WWF", EntityType.Organization);
        var andrij = a.Entity("Andrij");
        Assert.Equal(EntityType.Person, andrij.Type);
        Assert.Equal("Soldat", andrij.Role);
    }

    [Fact]
    public void A_word_keeps_one_type_across_the_article_and_lists_share_theirs()
    {
        var a = German("Front", "Die Armee ist bei Charkiw und Cherson vorgegangen.", "Cherson bleibt umkämpft, Charkiw auch.");
        HasEntity(a, "Charkiw", EntityType.Location);
        HasEntity(a, "Cherson", EntityType.Location);
        Assert.Single(a.Entities, e => e.Name == "Cherson");
    }

    [Fact]
    public void German_country_names_come_from_CLDR_and_genitives_join_them()
    {
        var a = German("Brasiliens Regenwald", "Habeck reist nach Brasilien.", "Brasiliens Regierung will den Wald schützen, auch Russland und die Vereinigten Staaten.");
        var brazil = a.Entity("Brasilien");
        Assert.Equal(EntityType.Location, brazil.Type);
        Assert.Equal(3, brazil.Mentions);
        Assert.Contains("Brazil", brazil.Aliases);
        // a genitive alone still names the country in the nominative
        Assert.Equal(EntityType.Location, German("Wirtschaft", "Deutschlands Wirtschaft schrumpft.").Entity("Deutschland").Type);
        HasEntity(a, "Russland", EntityType.Location);
        HasEntity(a, "Vereinigten Staaten", EntityType.Location);
    }

    [Fact]
    public void Titles_are_person_nouns_before_a_name_and_give_the_role()
    {
        var a = German("Besuch", "Bundeswirtschaftsminister Robert Habeck traf den brasilianischen Präsidenten Luiz Inácio Lula da Silva und General Walerij Saluschnyj.");
        Assert.Equal("Bundeswirtschaftsminister", a.Entity("Robert Habeck").Role);
        HasEntity(a, "Luiz Inácio Lula da Silva", EntityType.Person);
        HasEntity(a, "Walerij Saluschnyj", EntityType.Person);
        Assert.DoesNotContain(a.Entities, e => e.Name.StartsWith("General", StringComparison.Ordinal));
    }

    [Fact]
    public void Bodies_are_named_by_capitalised_adjectives_heads_and_brackets()
    {
        var a = German("Forschung", "Christine Falk ist Präsidentin der Deutschen Gesellschaft für Immunologie.",
            "Harald Prüß arbeitet an der Berliner Charité und am Paul-Ehrlich-Institut, Cem Özdemir (Grüne) besucht das chronische Erschöpfungssyndrom (CFS) nicht.");
        HasEntity(a, "Deutschen Gesellschaft für Immunologie", EntityType.Organization);
        HasEntity(a, "Berliner Charité", EntityType.Organization);
        HasEntity(a, "Paul-Ehrlich-Institut", EntityType.Organization);
        HasEntity(a, "Grüne", EntityType.Organization);
        Assert.DoesNotContain(a.Entities, e => e.Name == "CFS");
    }

    [Theory]
    [InlineData("\u201EWir bleiben hart\u201C, sagte Friedrich Merz am Montag.", "Friedrich Merz", "sagte")]
    [InlineData("\u201EWir bleiben hart\u201C, wie Friedrich Merz am Montag betonte.", "Friedrich Merz", "betonte")]
    [InlineData("\u201EWir bleiben hart\u201C, so Friedrich Merz.", "Friedrich Merz", "so")]
    [InlineData("Friedrich Merz zufolge \u201Ebleiben wir hart und werden nicht nachgeben\u201C.", "Friedrich Merz", "zufolge")]
    [InlineData("Laut Friedrich Merz \u201Ebleiben wir hart und werden nicht nachgeben\u201C.", "Friedrich Merz", "laut")]
    [InlineData("Friedrich Merz fügte hinzu: \u201EWir bleiben hart und geben nicht nach.\u201C", "Friedrich Merz", "fügte")]
    public void German_word_orders_attribute_the_quote(string paragraph, string speaker, string cue)
    {
        var a = German("Haushalt", "Der CDU-Chef Friedrich Merz kritisierte den Haushalt.", paragraph);
        var q = Assert.Single(a.Quotes);
        Assert.Equal(speaker, q.Speaker);
        Assert.Equal(cue, q.Cue);
    }

    [Fact]
    public void Pronouns_take_the_person_of_their_gender()
    {
        var a = German("Gipfel", "Annalena Baerbock traf Friedrich Merz in Berlin.", "\u201EDas war ein gutes Gespräch\u201C, betonte sie.");
        Assert.Equal("Annalena Baerbock", a.Single("gutes Gespräch").Speaker);
        Assert.Equal(QuoteAttribution.Pronoun, a.Single("gutes Gespräch").Attribution);
    }

    [Fact]
    public void Unnamed_speakers_are_given_as_described_and_sources_after_an_impersonal_cue()
    {
        var a = German("Offensive", "Die Armee bereitet sich vor.",
            "\u201EDiese Offensive kann gar nicht scheitern\u201C, sagt ein Militärexperte. \u201EDie Frage ist nur, um welchen Preis.\u201C",
            "\u201EWir prüfen alle Optionen sehr genau\u201C, hieß es aus dem Ministerium.");
        Assert.Equal("ein Militärexperte", a.Single("nicht scheitern").Speaker);
        Assert.Equal("ein Militärexperte", a.Single("welchen Preis").Speaker);
        Assert.Equal("Ministerium", a.Single("alle Optionen").Speaker);
    }

    [Fact]
    public void Reported_speech_carries_the_speaker_to_a_quote_without_a_cue()
    {
        var a = German("Abkommen", "Robert Habeck besuchte Brasilien.",
            "Zudem sagte Habeck, es gebe eine Chance. Das Abkommen dürfe nicht scheitern. \u201EJetzt schauen wir uns alles noch einmal genau an.\u201C");
        var q = a.Single("Jetzt schauen");
        Assert.Equal("Robert Habeck", q.Speaker);
        Assert.Equal(QuoteAttribution.Continued, q.Attribution);
    }

    [Fact]
    public void English_words_in_a_German_text_are_no_names_and_roles_are_lemmas()
    {
        var a = German("Wahl", "Alle News im Ticker und im Podcast.", "Der Sprecher des Kremlkritikers Alexej Nawalny, Kira Jarmysch, sagte nichts.");
        Assert.DoesNotContain(a.Entities, e => e.Name is "Ticker" or "Podcast");
        Assert.Equal("Kremlkritiker", a.Entity("Alexej Nawalny").Role);
    }

    [Fact]
    public void German_is_fully_supported()
    {
        Assert.False(German("Haushalt", "Olaf Scholz verteidigte den Haushalt.").Partial);
    }

    [Fact]
    public void The_dictionary_knows_compounds_by_their_head_and_persons_by_their_feminine_form()
    {
        var nouns = LanguageProfile.For("de")!.Nouns;
        Assert.True(nouns.TryHead("Taxifahrer", out var head));
        Assert.Equal("Fahrer", head.Lemma);
        Assert.True(nouns.IsPersonNoun("Taxifahrer", out var gender));
        Assert.Equal('M', gender);
        Assert.True(nouns.IsPersonNoun("Bundesumweltministerin", out gender));
        Assert.Equal('F', gender);
        Assert.False(nouns.IsPersonNoun("Regenwald", out _));
        // a head must be four letters: "Mut" of "Bachmut" is none
        Assert.False(nouns.IsCommonWord("Bachmut"));
        Assert.True(nouns.IsCommonWord("Gegenoffensive"));
        Assert.False(nouns.IsCommonWord("NATO"));
    }

    [Fact]
    public void Speech_verbs_come_in_every_third_person_form()
    {
        var cues = LanguageProfile.For("de")!.SpeechCues;
        foreach (var form in new[] { "sagt", "sagte", "sagten", "gesagt", "betonte", "hinzufügte", "fügte", "erklärt" })
            Assert.True(cues.ContainsKey(form), form);
        Assert.True(cues.TryGetValue("hieß", out var impersonal));
        Assert.Equal(SpeechCueKind.SpeakerFollows, impersonal.Kind);
        Assert.Equal("es", impersonal.Next);
    }
}
