using System.Globalization;
using Ingestion.Core.Cleaning;
using Ingestion.Core.Cleaning.Layouts;
using Ingestion.Core.Model;

namespace Ingestion.Core.Tests.Cleaning;

/// <summary>The DW layout files (<c>Data/cleaning/layouts</c>), the selectors in them and the removal rule names.</summary>
public class LayoutFileTests
{
    private static readonly ILayoutFile[] Layouts = [NewLayout.File, OldLayout.File, AmpLayout.File, SyndicationLayout.File, TextDumpLayout.File];

    [Fact]
    public void There_is_one_file_per_layout_and_each_says_when_it_was_seen()
    {
        Assert.Equal(["amp", "new", "old", "syndication", "text-dump"], Layouts.Select(l => l.Layout).Order(StringComparer.Ordinal));
        Assert.Equal(Layouts.Length, DataFiles.ReadAll("layouts").Count());
        foreach (var l in Layouts)
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Description), l.Layout);
            var earliest = DateOnly.ParseExact(l.Seen.Earliest, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var latest = DateOnly.ParseExact(l.Seen.Latest, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(earliest <= latest, l.Layout);
            Assert.NotEmpty(l.Seen.Samples);
        }
    }

    [Fact]
    public void Every_widget_rule_of_the_layouts_is_a_removal_rule()
    {
        var rules = Layouts.SelectMany(l => l.Rules).ToList();
        Assert.True(rules.Count >= 7);
        Assert.All(rules, r => Assert.Contains(r.Rule, RemovalRules.All));
    }

    [Fact]
    public void A_layout_file_naming_an_unknown_rule_or_field_or_selector_fails_to_load()
    {
        var good = DataFiles.Read("layouts/old.json");
        Assert.Equal("old", LayoutFile.Parse<OldLayoutFile>("old", good).Layout);

        var unknownRule = Assert.Throws<InvalidDataException>(() => LayoutFile.Parse<OldLayoutFile>("old", good.Replace("\"embedded-box\"", "\"embeded-box\"")));
        Assert.Contains("embeded-box", unknownRule.Message);
        Assert.Throws<InvalidDataException>(() => LayoutFile.Parse<OldLayoutFile>("old", good.Replace("\"droppedBlocks\"", "\"droppedBlock\"")));
        Assert.Throws<InvalidDataException>(() => LayoutFile.Parse<OldLayoutFile>("old", good.Replace("\"div.col3\"", "\"div > .col3\"")));
        Assert.Throws<InvalidDataException>(() => LayoutFile.Parse<OldLayoutFile>("new", good));
    }

    [Theory]
    [InlineData("div.rich-text", "div", "rich-text", null, null, null)]
    [InlineData(".kicker", null, "kicker", null, null, null)]
    [InlineData("[data-tracking-name=content-detail-kicker]", null, null, "data-tracking-name", "content-detail-kicker", null)]
    [InlineData("span[data-slot-id]", "span", null, "data-slot-id", null, null)]
    [InlineData(".embed:not(.rich-text)", null, "embed", null, null, "rich-text")]
    public void Selectors_are_read_from_their_css_form(string text, string? tag, string? cls, string? attr, string? value, string? notClass)
    {
        var sel = Sel.Parse(text);
        Assert.Equal(new Sel(tag, cls, attr, value, notClass), sel);
        Assert.Equal(text, sel.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("div p")]
    [InlineData("div > p")]
    [InlineData(".")]
    [InlineData("[x")]
    [InlineData("p:first-child")]
    public void Anything_else_is_not_a_selector(string text) => Assert.Throws<FormatException>(() => Sel.Parse(text));

    [Fact]
    public void The_slicer_finds_the_region_the_reader_reads_from_the_same_selectors()
    {
        const string page = """<html lang="en"><head><title>x</title></head><body><nav>menu</nav><article><div class="rich-text"><p>text</p></div></article><footer>f</footer></body></html>""";
        var (start, end) = NewLayout.Region(page);
        Assert.Equal(page.IndexOf("<article>", StringComparison.Ordinal), start);
        Assert.Equal(page.IndexOf("<footer>", StringComparison.Ordinal), end);
        Assert.Equal((-1, -1), NewLayout.Region(page.Replace("rich-text", "plain")));
        Assert.Equal((-1, -1), OldLayout.Region(page));
    }

    [Fact]
    public void Page_titles_of_both_layouts_give_headline_and_date()
    {
        Assert.Equal(("Floods hit the north", "19.01.2020"), PageTitle.Read("Floods hit the north | Germany| News | DW | 19.01.2020"));
        Assert.Equal(("Floods hit the north", "02/04/2022"), PageTitle.Read("Floods hit the north – DW – 02/04/2022"));
        Assert.Equal(("Floods hit the north", null), PageTitle.Read("Floods hit the north | DW"));
        Assert.Null(PageTitle.Read("Floods hit the north"));
    }
}

/// <summary>Every name the cleaner counts is one of <see cref="RemovalRules"/>: the output contract names them all.</summary>
public class RemovalRuleNameTests
{
    [Fact]
    public void Every_removed_count_on_the_fixtures_names_a_removal_rule()
    {
        var cleaner = new DwArticleCleaner();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "dw")).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)))
            seen.UnionWith(cleaner.Clean(Input.ArticleInput.Decode(Path.GetFileName(file), File.ReadAllBytes(file))).Removed.Keys);
        Assert.True(seen.Count >= 10, string.Join(", ", seen));
        Assert.All(seen, name => Assert.Contains(name, RemovalRules.All));
    }

    [Fact]
    public void Rule_names_are_unique_lower_case_words()
    {
        var constants = typeof(RemovalRules).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(constants.Count, constants.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(constants.Order(StringComparer.Ordinal), RemovalRules.All.Order(StringComparer.Ordinal));
        Assert.All(constants, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
    }
}
