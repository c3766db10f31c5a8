using Microsoft.Playwright;

namespace Ingestion.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (Debian's chromium through Playwright) against the standalone host over Azurite,
/// with real DW articles dropped through the blob trigger: pages render, links lead somewhere real, a failed article
/// shows its reason and can be reprocessed, a hostile article's markup stays text.
/// </summary>
public sealed class DashboardTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 15_000 };

    [Fact]
    public async Task The_pipeline_page_shows_health_and_a_failed_article_with_its_reason_and_reprocess_works()
    {
        var page = await site.OpenAsync();
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("healthy", Patient);
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("extract poison");
        var row = page.Locator($"#articles tr[data-id='{site.FailedId}']");
        await Assertions.Expect(row.Locator(".reason")).ToContainTextAsync("clean/Binary:", Patient);
        // the standalone host serves the API reference, so its link stays (the Functions app's dashboard hides it)
        await Assertions.Expect(page.Locator("#api-reference")).ToBeVisibleAsync();
        await site.ScreenshotAsync(page, "dashboard-pipeline");

        await row.Locator("button.reprocess").ClickAsync();
        // The clean stage ran again on the same bytes and rejected them again: the answer says so.
        await Assertions.Expect(row.Locator(".reprocessed")).ToContainTextAsync("reprocessed: rejected, now failed", Patient);

        await row.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#article-error")).ToContainTextAsync("Failed in clean (Binary)", Patient);
        await Assertions.Expect(page.Locator("#article-error")).ToContainTextAsync("binary");
        await site.ScreenshotAsync(page, "dashboard-failed-article");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task What_did_Putin_say_and_in_which_articles_is_answered_by_clicking()
    {
        var page = await site.OpenAsync();
        await page.Locator("#speaker-name").FillAsync("vladimir putin");
        await page.Locator("#speaker-search button").ClickAsync();

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("What Vladimir Putin said", new() { Timeout = 15_000 });
        // Each quote of a story once, under the story's first copy.
        var quote = page.Locator("#timeline li").Filter(new() { HasText = "developing progressively along the path of friendship" })
            .Filter(new() { Has = page.Locator($"a[href='#/article/{site.SeedStoryId}']") });
        await Assertions.Expect(quote).ToHaveCountAsync(1);
        await Assertions.Expect(quote.Locator(".attribution")).ToHaveTextAsync("explicit");
        await Assertions.Expect(quote.Locator(".when")).ToContainTextAsync("2022-02-04");
        await site.ScreenshotAsync(page, "dashboard-speaker");

        // Only quotes found through a pronoun, then back to the article one came from.
        await page.Locator("#timeline-filters select[name=attribution]").SelectOptionAsync("pronoun");
        await page.Locator("#timeline-filters button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("attribution=pronoun"));
        var badges = page.Locator("#timeline .attribution");
        await Assertions.Expect(badges.First).ToHaveTextAsync("pronoun", new() { Timeout = 15_000 });
        Assert.All(await badges.AllTextContentsAsync(), text => Assert.Equal("pronoun", text));

        await page.Locator($"#timeline a[href='#/article/{site.SeedStoryId}']").First.ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Russia and China criticize NATO after Putin and Xi's talks", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_article_page_marks_entities_in_the_text_and_says_how_each_quote_was_attributed()
    {
        var page = await site.OpenAsync("#/status/extracted");
        await page.Locator($"#articles tr[data-id='{site.SeedId}'] a").First.ClickAsync();

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Russia and China criticize NATO after Putin and Xi's talks", new() { Timeout = 15_000 });
        var putinQuote = page.Locator("#quotes tr").Filter(new() { HasText = "developing progressively" });
        await Assertions.Expect(putinQuote).ToContainTextAsync("Vladimir Putin");
        await Assertions.Expect(putinQuote.Locator(".attribution")).ToHaveTextAsync("explicit");
        var attributions = (await page.Locator("#quotes .attribution").AllTextContentsAsync()).ToHashSet();
        Assert.True(attributions.Count >= 2, "the seed's quotes were attributed in more than one way: " + string.Join(", ", attributions));
        await Assertions.Expect(page.Locator("#article-text mark.person").Filter(new() { HasText = "Vladimir Putin" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#entities")).ToContainTextAsync("NATO");
        await site.ScreenshotAsync(page, "dashboard-article");

        await page.Locator("#entities a", new() { HasText = "NATO" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("NATO", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator($"#entity-articles a[href='#/article/{site.SeedStoryId}']")).ToHaveCountAsync(1);
        await site.ScreenshotAsync(page, "dashboard-entity");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_link_on_the_article_page_leads_to_a_page_that_renders()
    {
        var page = await site.OpenAsync($"#/article/{site.SeedId}");
        await Assertions.Expect(page.Locator("#quotes")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var links = (await page.Locator("main a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.True(links.Count >= 20, $"the article page links its entities and speakers ({links.Count} links)");
        foreach (var href in links)
        {
            Assert.StartsWith("#/", href, StringComparison.Ordinal);
            await page.GotoAsync(site.BaseUrl + "/" + href);
            await Assertions.Expect(page.Locator("main h1")).Not.ToHaveTextAsync("Loading…", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("main h1")).Not.ToHaveTextAsync("Something went wrong");
            Assert.Equal(0, await page.Locator(".problem").CountAsync());
        }

        await site.WaitForRankingAsync("Vladimir Putin"); // the host recounts marked entities every 5 s
        await page.GotoAsync(site.BaseUrl + "/#/entities?type=person");
        await Assertions.Expect(page.Locator("#top-entities")).ToContainTextAsync("Vladimir Putin", new() { Timeout = 15_000 });
        await site.ScreenshotAsync(page, "dashboard-entities");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_copy_names_its_first_copy_and_shows_its_versions_and_differences()
    {
        var page = await site.OpenAsync($"#/article/{site.StoryCopyId}");
        await Assertions.Expect(page.Locator("#story-of")).ToContainTextAsync("A copy of", Patient);
        await Assertions.Expect(page.Locator($"#story-of a[href='#/article/{site.StoryPageId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#story-copies li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#versions tbody tr:not(.details)")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#versions tbody tr.current")).ToContainTextAsync("title changed, +1 paragraph");
        await Assertions.Expect(page.Locator("#versions .changes .added").First).ToContainTextAsync("+ title:");
        await Assertions.Expect(page.Locator("#copy-differences")).ToContainTextAsync("+1 paragraph");
        await site.ScreenshotAsync(page, "dashboard-story-copy");

        await page.Locator($"#story-of a[href='#/article/{site.StoryPageId}']").ClickAsync();
        await Assertions.Expect(page.Locator("#story-of")).ToContainTextAsync("The first copy of its story", Patient);
        await Assertions.Expect(page.Locator($"#story-copies li[data-id='{site.StoryCopyId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#versions tbody tr:not(.details)")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_hostile_articles_markup_is_shown_as_text_and_never_runs()
    {
        var page = await site.OpenAsync($"#/article/{site.HostileId}");
        var hostileQuote = page.Locator("#quotes blockquote").Filter(new() { HasText = "<script>window.pwned = 1</script>" });
        await Assertions.Expect(hostileQuote).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(DashboardSite.HostileTitle);
        await Assertions.Expect(page.Locator("#article-text")).ToContainTextAsync("<img src=x onerror=");
        await page.GotoAsync(site.BaseUrl + "/#/speaker/Vladimir%20Putin");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync(DashboardSite.HostileTitle, Patient);
        await page.GotoAsync(site.BaseUrl + "/#/status/extracted");
        await Assertions.Expect(page.Locator($"#articles tr[data-id='{site.HostileId}']")).ToContainTextAsync(DashboardSite.HostileTitle, Patient);

        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"), "the article's script ran");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_article_shows_the_apis_problem_not_a_blank_page()
    {
        var page = await site.OpenAsync("#/article/0123456789abcdef");
        await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("Unknown article", Patient);
        await page.GotoAsync(site.BaseUrl + "/#/speaker/Vladimir%20Putin?from=2022-13-40");
        await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("Malformed date", Patient);
        await page.Context.CloseAsync();
    }
}
