using Ingestion.Core.Extraction;

namespace Ingestion.Core.Tests.Extraction;

/// <summary>Every language folder under Data/extraction loads into a profile the analyzer can use.</summary>
public class LanguageProfileTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void A_language_folder_loads_with_its_speech_cues_pronouns_and_abbreviations(string code)
    {
        var profile = LanguageProfile.For(code);

        Assert.NotNull(profile);
        Assert.Equal(code, profile.Language);
        Assert.True(profile.SpeechCues.Count > 10, "speech cues");
        Assert.True(profile.Pronouns.Count >= 2, "pronouns");
        Assert.True(profile.Abbreviations.Count > 0, "abbreviations");
        Assert.True(profile.GivenNameCues.Count > 100, "given names");
        // a list the file leaves out is empty, never missing
        Assert.NotNull(profile.HyphenAdjectiveSuffixes);
        Assert.NotNull(profile.AgeSuffixes);
    }

    [Fact]
    public void A_language_without_a_folder_has_no_profile_and_a_region_tag_is_its_language()
    {
        Assert.Null(LanguageProfile.For("fr"));
        Assert.Same(LanguageProfile.For("en"), LanguageProfile.For("en-GB"));
    }

    [Fact]
    public void English_knows_its_common_words_from_the_dictionary_and_given_names_that_are_words_are_no_cue()
    {
        var en = LanguageProfile.For("en")!;
        Assert.True(en.IsCommonWord("Physicist"));
        Assert.False(en.IsCommonWord("Bush")); // also a proper noun
        Assert.True(en.HasCommonForm("Bush"));
        Assert.Contains("Angela", en.GivenNameCues.Words);
        Assert.DoesNotContain("China", en.GivenNameCues.Words); // a given name in the package lists, but a country
    }
}
