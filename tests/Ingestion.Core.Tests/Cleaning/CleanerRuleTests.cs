using System.Diagnostics;
using System.Text;
using Ingestion.Core.Cleaning;
using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Cleaning;

public class CleanerRuleTests
{
    private static CleanArticle Clean(string text, string name = "a.txt", CleanerOptions? options = null) =>
        new DwArticleCleaner(options ?? new CleanerOptions()).Clean(ArticleInput.Decode(name, Encoding.UTF8.GetBytes(text)));

    private const string Para1 = "The minister said on Monday that the talks had failed, and that a new round would begin next week in Berlin.";
    private const string Para2 = "Opposition leaders criticized the decision, saying it came far too late for the families affected by the floods.";

    // ---- dates -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("February 4, 2022", "en", "2022-02-04")]
    [InlineData("30. Januar 2024", "de", "2024-01-30")]
    [InlineData("18 ноября 2021 г.", "ru", "2021-11-18")]
    [InlineData("13 април 2021", "bg", "2021-04-13")]
    [InlineData("4 de febrero de 2019", "es", "2019-02-04")]
    [InlineData("١٣ أبريل ٢٠١٧", "ar", "2017-04-13")]
    [InlineData("۱۳ آوریل ۲۰۱۷", "fa", "2017-04-13")]
    [InlineData("18 kwietnia 2013", "pl", "2013-04-18")]
    [InlineData("25 février 2018", "fr", "2018-02-25")]
    [InlineData("12 листопада 2022", "uk", "2022-11-12")]
    [InlineData("5 Mart 2020", "tr", "2020-03-05")]
    [InlineData("13 अप्रैल 2021", "hi", "2021-04-13")]
    [InlineData("2021年4月13日", "zh", "2021-04-13")]
    [InlineData("19.01.2020", "de", "2020-01-19")]
    [InlineData("02/04/2022", "en", "2022-02-04")]
    [InlineData("3. listopada 2020.", "hr", "2020-10-03")]
    public void Page_dates_are_read_in_each_language(string line, string lang, string iso)
    {
        var cat = UiCatalog.Default;
        var m = DateReader.ReadLine(line, cat.Get(lang), cat, null);
        Assert.True(m.IsDate);
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), m.Date);
    }

    [Theory]
    [InlineData("Russia and China criticize NATO after talks")]
    [InlineData("Afrique 7 jours (25 février 2018)")]
    [InlineData("May 2022")]
    [InlineData("What did Putin and Xi say?")]
    public void Lines_that_are_not_dates_are_not_dates(string line) =>
        Assert.False(DateReader.ReadLine(line, UiCatalog.Default.Get("en"), UiCatalog.Default, null).IsDate);

    [Fact]
    public void Relative_dates_are_null_without_a_base_time_and_resolved_with_one()
    {
        var text = "1. Skip to content\n2. Skip to main menu\n\nFloods hit the north\n\n46 minutes ago\n\n" + Para1 + "\n\n" + Para2;
        var a = Clean(text);
        Assert.Equal("Floods hit the north", a.Title);
        Assert.Null(a.Published);
        Assert.Equal(Para1, a.Lead);
        var b = Clean(text, options: new CleanerOptions { BaseTime = new DateTimeOffset(2024, 3, 1, 0, 30, 0, TimeSpan.Zero) });
        Assert.Equal(new DateOnly(2024, 2, 29), b.Published);
        var de = Clean("Hochwasser im Norden\n\nvor 3 Stunden\n\n" + Para1, options: new CleanerOptions { BaseTime = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero) });
        Assert.Equal(new DateOnly(2024, 3, 1), de.Published);
    }

    [Fact]
    public void Ad_marker_glued_to_the_date_is_removed()
    {
        var a = Clean("Tytuł artykułu o powodzi\n\n18 kwietnia 2013Reklama\n\nRząd ogłosił w poniedziałek, że rozmowy się nie powiodły i że nowa runda rozpocznie się w przyszłym tygodniu.");
        Assert.Equal(new DateOnly(2013, 4, 18), a.Published);
        Assert.Equal("pl", a.Language);
        Assert.DoesNotContain("Reklama", string.Join(" ", a.TextBlocks()));
        Assert.Equal(1, a.Removed[RemovalRules.AdMarker]);
    }

    // ---- skip links and languages ------------------------------------------------------------------------------

    public static TheoryData<string> LanguagesWithSkipLinks()
    {
        var d = new TheoryData<string>();
        foreach (var l in UiCatalog.Default.Languages.Values.OrderBy(l => l.Code, StringComparer.Ordinal))
            if (l.SkipLinks.Length > 0) d.Add(l.Code);
        return d;
    }

    [Theory]
    [MemberData(nameof(LanguagesWithSkipLinks))]
    public void Skip_links_in_each_language_are_removed_and_tell_the_language(string code)
    {
        var ui = UiCatalog.Default.Get(code)!;
        var sb = new StringBuilder();
        for (var i = 0; i < ui.SkipLinks.Length; i++) sb.Append("  ").Append(i + 1).Append(". ").Append(ui.SkipLinks[i]).Append('\n');
        sb.Append("\nHeadline of the article\n\n").Append(Para1).Append("\n\n").Append(Para2).Append('\n');
        var a = Clean(sb.ToString());
        Assert.Equal(code == "bs" || code == "sr" ? "hr" : code, a.Language is "bs" or "sr" ? "hr" : a.Language);
        Assert.Equal(ui.SkipLinks.Length, a.Removed[RemovalRules.SkipLink]);
        Assert.Equal("Headline of the article", a.Title);
        foreach (var s in ui.SkipLinks) Assert.DoesNotContain(s, string.Join("\n", a.TextBlocks()));
    }

    public static TheoryData<string, string> CreditLabels()
    {
        var d = new TheoryData<string, string>();
        foreach (var l in UiCatalog.Default.Languages.Values.OrderBy(l => l.Code, StringComparer.Ordinal))
            foreach (var label in l.ImageCredit) d.Add(l.Code, label);
        return d;
    }

    [Theory]
    [MemberData(nameof(CreditLabels))]
    public void Glued_caption_credit_is_split_for_every_label(string code, string label)
    {
        var text = "Headline of the article\n\n" + Para1 + "\n\nAlt text of the image\nThe caption of the picture" + label + " Jane Doe/picture alliance\n\n" + Para2;
        var a = Clean(text);
        var cap = Assert.Single(a.Captions);
        Assert.Equal("The caption of the picture", cap.Text);
        Assert.Equal("Jane Doe/picture alliance", cap.Credit);
        var all = string.Join("\n", a.TextBlocks());
        Assert.DoesNotContain("Jane Doe", all);
        Assert.DoesNotContain("Alt text of the image", all);
        Assert.Contains(Para2, all);
        Assert.NotNull(code);
    }

    // ---- end of article, signature, chrome ---------------------------------------------------------------------

    [Theory]
    [InlineData("es/msh (AP, AFP, Reuters)", new[] { "es", "msh" }, new[] { "AP", "AFP", "Reuters" })]
    [InlineData("cwo/fab (dpa, afp)", new[] { "cwo", "fab" }, new[] { "dpa", "afp" })]
    [InlineData("nob/uh", new[] { "nob", "uh" }, new string[0])]
    [InlineData("kb (dpa)", new[] { "kb" }, new[] { "dpa" })]
    [InlineData("kms,rc/ch (AP, AFP, Reuters)", new[] { "kms", "rc", "ch" }, new[] { "AP", "AFP", "Reuters" })]
    [InlineData("mkg/ (kna, dpa, AP)", new[] { "mkg" }, new[] { "kna", "dpa", "AP" })]
    [InlineData("ls/kms (LPJ, Canal +)", new[] { "ls", "kms" }, new[] { "LPJ", "Canal +" })]
    public void Signatures_are_parsed(string line, string[] initials, string[] agencies)
    {
        var s = Signatures.Read(line);
        Assert.NotNull(s);
        Assert.Equal(initials, s.Initials);
        Assert.Equal(agencies, s.Agencies);
    }

    [Theory]
    [InlineData("and then")]
    [InlineData("The end (AP, AFP)")]
    [InlineData("es/msh (AP, AFP, Reuters) and more")]
    [InlineData("and, or")]
    [InlineData("mkg/")]
    public void Sentences_are_not_signatures(string line) => Assert.Null(Signatures.Read(line));

    [Theory]
    [InlineData("Mogherini takes up her posting in November. mkg,jm/jr (AFP, dpa, AP)", "Mogherini takes up her posting in November.")]
    [InlineData("The pontiff's tour goes on. law,nm/ng (Reuters, AP, EFE, dpa)", "The pontiff's tour goes on.")]
    [InlineData("Displacement is on the rise. mkg/ (kna, dpa, AP)", "Displacement is on the rise.")]
    [InlineData("cw/rc (AFP, AP)", "")]
    [InlineData("The minister said it in Berlin (AFP)", "The minister said it in Berlin (AFP)")]
    [InlineData("Talks went on (and on)", "Talks went on (and on)")]
    public void A_signature_run_into_the_last_paragraph_is_measured_off(string text, string without) =>
        Assert.Equal(without.Length, Signatures.LengthWithout(text));

    [Theory]
    [InlineData("en", "Send us your feedback")]
    [InlineData("en", "Related topics")]
    [InlineData("de", "Mehr zum Thema")]
    [InlineData("ru", "Еще по теме")]
    [InlineData("bg", "Прескочи следващия раздел Повече по темата")]
    public void End_of_article_blocks_cut_the_rest(string code, string marker)
    {
        var a = Clean($"Headline of the article\n\n{Para1}\n\n{Para2}\n\nes/msh (AP, AFP, Reuters)\n\n{marker}\n\nSome other story teaser that is not part of it\n\nAnother teaser line");
        Assert.Equal(2, a.Lead.Length > 0 ? a.Body.Count + 1 : a.Body.Count);
        Assert.DoesNotContain("teaser", string.Join("\n", a.TextBlocks()));
        Assert.Equal(["es", "msh"], a.Signature!.Initials);
        Assert.True(a.Removed[RemovalRules.EndOfArticle] >= 3);
        Assert.NotNull(code);
    }

    [Fact]
    public void Video_blocks_permalinks_and_nbsp_are_handled()
    {
        var text = "Headline of the article\n\nFebruary 4, 2022\n\n" + Para1.Replace(" the ", "\u00a0the ") + "\n\n" + Para2
                   + "\n\nWatch the minister speak\n\nTo view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video\n\n02:49\n\n"
                   + "More text after the video, which is still part of the article body and must stay.\n\nhttps://p.dw.com/p/4SUrv\n\nEdited by: John Smith";
        var a = Clean(text);
        var all = string.Join("\n", a.TextBlocks());
        Assert.DoesNotContain("Watch the minister", all);
        Assert.DoesNotContain("JavaScript", all);
        Assert.DoesNotContain("02:49", all);
        Assert.DoesNotContain("p.dw.com", all);
        Assert.DoesNotContain("Edited by", all);
        Assert.DoesNotContain('\u00a0', all);
        Assert.Equal("https://p.dw.com/p/4SUrv", a.Permalink);
        Assert.Contains("More text after the video", all);
        Assert.Equal(1, a.Removed[RemovalRules.MediaTitle]);
    }

    [Fact]
    public void Header_navigation_kicker_and_authors_are_named()
    {
        var text = "1. Skip to content\n2. Skip to main menu\n3. Skip to more DW sites\n\nLive TV\n\nLatest audio\n\nPoliticsNigeria\n\nNigeria votes in a tight race\n\nJane Doe | John Roe\n\n02/25/2023\n\n" + Para1 + "\n\n" + Para2;
        var a = Clean(text);
        Assert.Equal("Nigeria votes in a tight race", a.Title);
        Assert.Equal("PoliticsNigeria", a.Kicker);
        Assert.Equal(["Jane Doe", "John Roe"], a.Authors);
        Assert.Equal(new DateOnly(2023, 2, 25), a.Published);
        Assert.Equal(Para1, a.Lead);
        Assert.Single(a.Body);
    }

    [Fact]
    public void Subheadings_are_told_from_paragraphs()
    {
        var a = Clean("Headline of the article\n\n" + Para1 + "\n\nWhat did the minister say?\n\n" + Para2 + "\n\nA new beginning\n\n" + Para1);
        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph, BlockKind.Heading, BlockKind.Paragraph], a.Body.Select(b => b.Kind));
    }

    [Fact]
    public void Already_clean_text_passes_through_intact()
    {
        var lines = new[] { "Obama nominates judge to Supreme Court", Para1, Para2, "Gearing up for a fight", Para1 + " " + Para2 };
        var a = Clean(string.Join("\n", lines));
        Assert.Equal(lines, a.TextBlocks());
        Assert.Empty(a.Removed);
        Assert.False(a.Fallback);
    }

    [Fact]
    public void Sentences_naming_languages_are_not_a_language_menu()
    {
        var body = "German and Turkish officials met in Ankara, where German, Turkish, Russian and English speakers argued for hours about what had been said.";
        var a = Clean("Headline of the article\n" + Para1 + "\n" + body);
        Assert.Contains(body, a.TextBlocks());
    }

    [Fact]
    public void Syndication_feed_item_uses_the_labelled_fields()
    {
        var text = "DW\n\nItem 1\nId 123\nDate 2025-08-29\nTitle Der lange Titel\nShort title Der kurze Titel\nTeaser Der Teaser des Artikels, lang genug.\nShort teaser Kurz.\nFull text\n\n" + Para1 + "\n\n" + Para2;
        var a = Clean(text);
        Assert.Equal("Der lange Titel", a.Title);
        Assert.Equal("Der Teaser des Artikels, lang genug.", a.Lead);
        Assert.Equal(new DateOnly(2025, 8, 29), a.Published);
        Assert.Equal([Para1, Para2], a.Body.Select(b => b.Text));
        Assert.DoesNotContain("kurze", string.Join(" ", a.TextBlocks()));
    }

    // ---- JSON --------------------------------------------------------------------------------------------------

    [Fact]
    public void Json_object_with_article_fields()
    {
        var json = $$"""{"title":"Floods hit the north","teaser":"{{Para1}}","text":"{{Para2}}\n\nAdvertisement\n\n{{Para1}}","date":"2024-01-30T10:00:00Z","author":"Jane Doe","language":"en"}""";
        var a = Clean(json, "a.json");
        Assert.Equal(ArticleFormat.Json, a.Format);
        Assert.Equal("Floods hit the north", a.Title);
        Assert.Equal(Para1, a.Lead);
        Assert.Equal(2, a.Body.Count);
        Assert.Equal(new DateOnly(2024, 1, 30), a.Published);
        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Equal(1, a.Removed[RemovalRules.AdMarker]);
    }

    [Fact]
    public void Json_ld_news_article()
    {
        var json = $$"""[{"@context":"https://schema.org","@type":"NewsArticle","headline":"Floods hit the north","datePublished":"2023-06-13T12:15:32.158Z","author":[{"@type":"Person","name":"Julia Vergin"}],"description":"{{Para1}}","articleBody":"<p>{{Para2}}</p><h2>What now?</h2><p>{{Para1}}</p>","inLanguage":"en"}]""";
        var a = Clean(json, "a.json");
        Assert.Equal("Floods hit the north", a.Title);
        Assert.Equal(["Julia Vergin"], a.Authors);
        Assert.Equal(new DateOnly(2023, 6, 13), a.Published);
        Assert.Equal([BlockKind.Paragraph, BlockKind.Heading, BlockKind.Paragraph], a.Body.Select(b => b.Kind));
    }

    [Theory]
    [InlineData("{\"title\": \"x\",")]
    [InlineData("{not json}")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    public void Malformed_json_is_rejected_clearly(string json)
    {
        var e = Assert.Throws<ArticleRejectedException>(() => Clean(json, "a.json"));
        Assert.Equal(RejectionKind.MalformedJson, e.Kind);
        Assert.Contains("JSON", e.Message);
    }

    // ---- HTML --------------------------------------------------------------------------------------------------

    [Fact]
    public void New_layout_html_uses_json_ld_header_rich_text_and_drops_widgets()
    {
        var html = $$"""
            <!DOCTYPE html><html lang="en"><head><title>Floods – DW – 02/04/2022</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Floods hit the north","datePublished":"2022-02-04T10:00:00Z","author":[{"name":"Jane Doe"}]}</script></head>
            <body><article><header><div class="kicker" data-tracking-name="content-detail-kicker"><span>Weather</span></div><h1>Floods hit the north</h1>
            <p class="teaser-text">{{Para1}}</p></header>
            <figure><img alt="German alt text"/><figcaption>Water everywhere<small class="copyright">Image: Jane Doe/DW</small></figcaption></figure>
            <div class="advertisement"><span>Advertisement</span></div>
            <div class="rich-text"><p>{{Para2}}</p><h2>What now?</h2>
            <div class="vjs-wrapper embed"><h2 class="headline">Video title</h2></div>
            <section data-tracking-name="related-content"><p>Related story teaser with enough words to look like text.</p></section>
            <span class="rich-text-ad" data-slot-id="x"></span>
            <blockquote class="twitter-tweet"></blockquote>
            <p>{{Para1}}</p><p>es/msh (AP, AFP, Reuters)</p></div></article></body></html>
            """;
        var a = Clean(html, "a.html");
        Assert.Equal("Floods hit the north", a.Title);
        Assert.Equal("Weather", a.Kicker);
        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Equal(new DateOnly(2022, 2, 4), a.Published);
        Assert.Equal(Para1, a.Lead);
        Assert.Equal([Para2, "What now?", Para1], a.Body.Select(b => b.Text));
        var cap = Assert.Single(a.Captions);
        Assert.Equal(("Water everywhere", "Jane Doe/DW"), (cap.Text, cap.Credit));
        Assert.Equal(["es", "msh"], a.Signature!.Initials);
        Assert.False(a.Fallback);
    }

    [Fact]
    public void Old_layout_html_reads_col3_intro_longtext_picbox_and_smalllist()
    {
        var html = $$"""
            <html lang="en"><head><title>Floods hit the north | Germany| News | DW | 19.01.2020</title></head><body>
            <div class="col3"><h4 class="artikel">Germany</h4><h1>Floods hit the north</h1><p class="intro">{{Para1}}</p>
            <div class="picBox full"><img title="A flooded street (picture-alliance/dpa/J. Doe)" alt="x"/><p>A flooded street in the north</p></div>
            <div class="group"><div class="longText"><p>{{Para2}}</p><p><em>Read more</em>: <a href="/x">Another story</a></p>
            <p><strong>Help arrives slowly</strong></p><div class="longText"><div class="gallery col3"><h2>Gallery slide</h2></div></div><p>{{Para1}}</p></div></div>
            <ul class="smallList"><li><strong>Date</strong> 19.01.2020</li><li><strong>Author</strong> Ben Knight</li><li><strong>Permalink</strong> https://p.dw.com/p/3WRPd</li></ul>
            </div></body></html>
            """;
        var a = Clean(html, "a.html");
        Assert.Equal("Floods hit the north", a.Title);
        Assert.Equal("Germany", a.Kicker);
        Assert.Equal(Para1, a.Lead);
        Assert.Equal([(BlockKind.Paragraph, Para2), (BlockKind.Heading, "Help arrives slowly"), (BlockKind.Paragraph, Para1)], a.Body.Select(b => (b.Kind, b.Text)));
        Assert.Equal(new DateOnly(2020, 1, 19), a.Published);
        Assert.Equal(["Ben Knight"], a.Authors);
        Assert.Equal("https://p.dw.com/p/3WRPd", a.Permalink);
        Assert.Equal(("A flooded street in the north", "picture-alliance/dpa/J. Doe"), (a.Captions[0].Text, a.Captions[0].Credit));
    }

    [Fact]
    public void Unknown_page_gets_a_flagged_fallback()
    {
        var html = $$"""<html><body><nav><a href="/">Home</a> <a href="/b">News</a></nav><h1>Some blog post</h1><div><p>{{Para1}}</p><p>{{Para2}}</p><p>{{Para1}} {{Para2}}</p></div><footer><a href="/c">Contact</a></footer></body></html>""";
        var a = Clean(html, "a.html");
        Assert.True(a.Fallback);
        Assert.Equal("Some blog post", a.Title);
        Assert.Contains(Para2, a.TextBlocks());
        Assert.DoesNotContain("Contact", string.Join(" ", a.TextBlocks()));
    }

    [Theory]
    [InlineData("a.txt", "1. Skip to content\n2. Skip to main menu\n\nSend us your feedback\n")]
    [InlineData("a.txt", "Live TV\nLatest audio\nLatest videos\nIn focus\n")]
    [InlineData("a.html", "<html><body><nav><a href='/'>Home</a><a href='/x'>News</a></nav></body></html>")]
    [InlineData("a.json", "{\"id\": 3, \"tags\": [\"x\"]}")]
    public void Navigation_only_input_is_rejected_as_no_article(string name, string text)
    {
        var e = Assert.Throws<ArticleRejectedException>(() => Clean(text, name));
        Assert.Equal(RejectionKind.NoArticle, e.Kind);
        Assert.Contains("no article", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    // ---- hostile input -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("a.txt", '"')]
    [InlineData("a.txt", 'a')]
    [InlineData("a.html", '"')]
    [InlineData("a.json", 'a')]
    public void Megabyte_lines_do_not_hang(string name, char ch)
    {
        var text = (name.EndsWith(".html", StringComparison.Ordinal) ? "<html><body><p>" : "") + new string(ch, 1_000_000) + " (x)\n" + new string(ch, 1_000_000);
        var sw = Stopwatch.StartNew();
        try { Clean(text, name); }
        catch (ArticleRejectedException) { }
        // a hang detector (quadratic work on two megabyte lines takes minutes), not a speed target: that is ingest bench
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"took {sw.Elapsed}");
    }

    [Fact]
    public void Deeply_nested_divs_do_not_overflow_the_stack()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++) sb.Append("<div>");
        sb.Append("<p>").Append(Para1).Append("</p><p>").Append(Para2).Append("</p>");
        var text = sb.ToString();
        try
        {
            var a = Clean(text, "a.html");
            Assert.NotNull(a);
        }
        catch (ArticleRejectedException e)
        {
            Assert.Equal(RejectionKind.NoArticle, e.Kind);
        }
    }

    [Fact]
    public void Catalog_has_one_table_per_required_language_with_credit_labels()
    {
        foreach (var code in new[] { "en", "de", "fr", "es", "pt", "ru", "uk", "bg", "pl", "tr", "hr", "bs", "sr", "ar", "fa", "hi", "zh", "sq", "am", "bn", "el", "ha", "mk", "ps", "ro", "sw", "ur", "id" })
        {
            var l = UiCatalog.Default.Get(code);
            Assert.True(l is not null, $"no data table for {code}");
            Assert.NotEmpty(l.ImageCredit);
        }
    }
}

public class RelativeDateTests
{
    [Theory]
    [InlineData("President visits Sudan in 3 days")]
    [InlineData("Premier wins 2 hours debate")]
    public void Headlines_with_numbers_are_not_relative_dates(string line) =>
        Assert.False(DateReader.ReadLine(line, null, UiCatalog.Default, DateTimeOffset.UnixEpoch).IsDate);

    [Theory]
    [InlineData("46 minutes ago", "en")]
    [InlineData("vor 3 Stunden", "de")]
    [InlineData("hace 2 horas", "es")]
    [InlineData("il y a 5 heures", "fr")]
    [InlineData("3 часа назад", "ru")]
    [InlineData("3小时前", "zh")]
    public void Relative_times_are_recognised(string line, string lang)
    {
        var m = DateReader.ReadLine(line, UiCatalog.Default.Get(lang), UiCatalog.Default, null);
        Assert.True(m.IsDate && m.Relative && m.Date is null);
    }
}

public class OldLayoutDumpTests
{
    private static CleanArticle Clean(string text) => new DwArticleCleaner().Clean(ArticleInput.Decode("a.txt", Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Old_layout_info_box_lines_are_read_and_dropped()
    {
        const string body = "Print media, however, are declining in Germany, the minister said on Monday in Berlin.";
        var a = Clean("Floods hit the north | Germany| News | DW | 19.01.2020\n\nFloods hit the north\n\nThe lead paragraph of the story, long enough to be a lead.\n\n"
                      + body + "\n\nDate 19.01.2020\n\nAuthor Ben Knight\n\nRelated Subjects Berlin\n\nKeywords Berlin, colonialism, German Reich, Africa\n\nFeedback: Send us your feedback.\n\nPrint Print this page\n\nPermalink https://p.dw.com/p/3WRPd");
        Assert.Equal([body], a.Body.Select(b => b.Text));
        Assert.Equal(["Ben Knight"], a.Authors);
        Assert.Equal(new DateOnly(2020, 1, 19), a.Published);
        Assert.Equal("https://p.dw.com/p/3WRPd", a.Permalink);
    }
}

public class HeaderTests
{
    private static CleanArticle Clean(string text) => new DwArticleCleaner().Clean(ArticleInput.Decode("a.txt", Encoding.UTF8.GetBytes(text)));
    private const string Lead = "The chancellor arrived in Beijing on Monday for talks on trade, climate and the war in Ukraine.";

    [Fact]
    public void Short_title_under_a_kicker_is_not_taken_for_an_author() =>
        Assert.Equal(("Merkel Visits China", "Politics", (string[])[]), Clean($"Politics\n\nMerkel Visits China\n\nMay 3, 2019\n\n{Lead}") is var a ? (a.Title, a.Kicker, a.Authors.ToArray()) : default);

    [Fact]
    public void Single_author_between_title_and_date_is_read()
    {
        var a = Clean($"Politics\n\nNigeria votes in a tight presidential race\n\nJane Doe\n\n2 hours ago\n\n{Lead}");
        Assert.Equal("Nigeria votes in a tight presidential race", a.Title);
        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Null(a.Published);
        Assert.Equal(Lead, a.Lead);
    }

    [Fact]
    public void German_new_layout_dump()
    {
        var text = "1. Zum Inhalt springen\n2. Zur Hauptnavigation springen\n3. Zu weiteren Angeboten der DW springen\n\nWissenschaft\n\nWas wissen wir über das Post-Vac-Syndrom?\n\nJulia Vergin | Clare Roth\n\n13.06.2023\n\n"
                   + "Müdigkeit und Muskelschmerzen: Jede Impfung kann Nebenwirkungen haben, auch die gegen COVID-19.\n\nAufgeschlagener Impfpass\nJede Impfung hat auch Nebenwirkungen.Bild: pressefoto_korb/picture alliance\n\nAnzeige\n\n"
                   + "Mehr als 13 Milliarden Impfdosen sind während der Corona-Pandemie weltweit verabreicht worden.\n\nWas ist das Post-Vac-Syndrom?\n\nDas Post-Vac-Syndrom ist mehr, viel mehr. Nur was genau, das weiß noch niemand.\n\n"
                   + "Schicken Sie uns Ihr Feedback!\n\nMehr zum Thema\n\nEin anderer Artikel";
        var a = Clean(text);
        Assert.Equal("de", a.Language);
        Assert.Equal("Wissenschaft", a.Kicker);
        Assert.Equal(["Julia Vergin", "Clare Roth"], a.Authors);
        Assert.Equal(new DateOnly(2023, 6, 13), a.Published);
        Assert.Equal(("Jede Impfung hat auch Nebenwirkungen.", "pressefoto_korb/picture alliance"), (a.Captions[0].Text, a.Captions[0].Credit));
        Assert.Equal([BlockKind.Paragraph, BlockKind.Heading, BlockKind.Paragraph], a.Body.Select(b => b.Kind));
        var all = string.Join("\n", a.TextBlocks());
        foreach (var leak in new[] { "Anzeige", "Impfpass", "Feedback", "anderer Artikel", "picture alliance" }) Assert.DoesNotContain(leak, all);
    }
}

public class GalleryDumpTests
{
    [Fact]
    public void Old_layout_gallery_slides_are_removed_from_dumps()
    {
        const string p1 = "The project, co-organized by the Berlin City Museum and three NGOs, will involve five years of events.";
        const string p2 = "All three places now being renamed are in Wedding's so-called African Quarter, where 25 streets have associations with Africa.";
        var text = "Berlin confronts its colonial past\n\nThe German capital has launched a five-year project to mark its part in colonialism.\n\n" + p1 + "\n\n"
                   + "Racist, ruthless, cruel: Germany's colonial history\n\n'Our future is on the water'\n\nUnder Chancellor Otto von Bismarck, Germany's colonial empire was established on territories in Africa.\n\n"
                   + "Racist, ruthless, cruel: Germany's colonial history\n\nGerman colonies\n\nAcquisitions were made in the Pacific and in China, and a conference in Brussels decided the rest.\n\n"
                   + "Author: Julia Hitz (eg)\n\n" + p2;
        var a = new DwArticleCleaner().Clean(ArticleInput.Decode("a.txt", Encoding.UTF8.GetBytes(text)));
        Assert.Equal([p1, p2], a.Body.Select(b => b.Text));
        Assert.Equal(6, a.Removed[RemovalRules.Gallery]);
    }
}

public class AmpPageTests
{
    [Fact]
    public void Amp_page_is_read_with_the_text_rules()
    {
        const string lead = "German Chancellor Olaf Scholz has told reporters that the war is the biggest current crisis facing Europe.";
        const string body = "Scholz said that Germany had broken with the tradition of not supplying weapons to conflict zones.";
        var html = $$"""<!doctype html><html amp lang="en"><head><title>Scholz speaks</title></head><body><nav><ul><li><a href="/">Home</a></li></ul></nav><article><h1>Scholz: Ukraine tops list of challenges</h1><p>August 11, 2022</p><p>{{lead}}</p><p>Advertisement</p><p>{{body}}</p><p>es/msh (AP, AFP, Reuters)</p></article></body></html>""";
        var a = new DwArticleCleaner().Clean(ArticleInput.Decode("amp.html", Encoding.UTF8.GetBytes(html)));
        Assert.Equal("Scholz: Ukraine tops list of challenges", a.Title);
        Assert.Equal(new DateOnly(2022, 8, 11), a.Published);
        Assert.Equal(lead, a.Lead);
        Assert.Equal([body], a.Body.Select(b => b.Text));
        Assert.Equal("en", a.Language);
        Assert.NotNull(a.Signature);
        Assert.False(a.Fallback);
    }
}

public class UndatedHeaderTests
{
    private static CleanArticle Clean(string text, string name = "a.txt") => new DwArticleCleaner().Clean(ArticleInput.Decode(name, Encoding.UTF8.GetBytes(text)));
    private const string Lead = "Voters in Africa's most populous country are choosing a new president in what is expected to be a tight race.";

    [Fact]
    public void Kicker_above_an_undated_headline() =>
        Assert.Equal(("Nigeria votes in a tight presidential race", "Politics"), Clean($"Politics\n\nNigeria votes in a tight presidential race\n\n{Lead}\n\n{Lead}") is var a ? (a.Title, a.Kicker) : default);

    [Fact]
    public void Short_headline_over_a_lead_stays_the_title() =>
        Assert.Equal("Brexit chaos", Clean($"Brexit chaos\n\n{Lead}\n\n{Lead}").Title);

    [Fact]
    public void Html_without_lang_gets_a_guessed_language()
    {
        var html = $"<html><head><title>Wahl in Nigeria | Afrika | DW | 25.02.2023</title></head><body><div class=\"col3\"><h1>Wahl in Nigeria</h1><p class=\"intro\">Die Wähler in Nigeria entscheiden heute über den neuen Präsidenten, und das Rennen ist knapp.</p><div class=\"longText\"><p>Die Wahl ist die größte Demokratie-Übung in Afrika, und die Beobachter sind vor Ort.</p></div></div></body></html>";
        Assert.Equal("de", Clean(html, "a.html").Language);
    }
}
