using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ingestion.Core.Input;
using Ingestion.Host.Testing;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Microsoft.Playwright;

namespace Ingestion.Host.Tests.Dashboard;

/// <summary>
/// One standalone host over the shared Azurite with real articles dropped through its blob trigger, and Debian's
/// chromium driven by Playwright (which cannot download a browser of its own here). Shared by the dashboard tests.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>What the brief for these machines says chromium needs: no sandbox as root, no network of its own.</summary>
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private RunningHost _host = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http => _host.Api;
    public string BaseUrl => _host.BaseUrl;

    /// <summary>The seed: a real DW page (seeds/000_4cf934df87468c23.txt).</summary>
    public string SeedId { get; private set; } = "";

    /// <summary>
    /// The first copy of the seed's story: the seed itself, or an earlier test's drop of it (the tests share one host).
    /// Cross-article pages list a story under its first copy.
    /// </summary>
    public string SeedStoryId { get; private set; } = "";

    /// <summary>A story of its own (<see cref="StoryScenario"/>): its first copy, a page.</summary>
    public string StoryPageId { get; private set; } = "";

    /// <summary>The story's text dump, overwritten with an update: a copy with two versions.</summary>
    public string StoryCopyId { get; private set; } = "";

    /// <summary>A PNG dropped as an article: fails in the clean stage with kind Binary.</summary>
    public string FailedId { get; private set; } = "";

    /// <summary>The seed with a paragraph of markup and script added (see <see cref="HostileText"/>).</summary>
    public string HostileId { get; private set; } = "";

    /// <summary>The hostile paragraph: a quote carrying a script tag and an image with an onerror handler.</summary>
    public const string HostileText = "\"<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">,\" Putin said on Friday.";

    /// <summary>The hostile copy's title, shown beside each of its quotes on a speaker's timeline.</summary>
    public const string HostileTitle = "Russia and China <script>window.pwned = 3</script><b>criticize</b> NATO";

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
        _host = await RunningHost.SharedAsync();
        var storage = _host.Storage;
        var folder = $"dashboard/{Guid.NewGuid():N}";
        var seed = await File.ReadAllTextAsync(RepositoryPaths.Seed);
        SeedId = await DropAsync(storage, $"{folder}/000_4cf934df87468c23.txt", Encoding.UTF8.GetBytes(seed));
        await _host.WaitForArticleAsync(SeedId); // before its hostile copy, so that copy is no story's first
        FailedId = await DropAsync(storage, $"{folder}/picture.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        var hostile = seed
            .Replace("Russia and China criticize NATO after Putin and Xi's talks", HostileTitle, StringComparison.Ordinal)
            .Replace("Russian President Vladimir Putin arrived in Beijing", HostileText + "\n\nRussian President Vladimir Putin arrived in Beijing", StringComparison.Ordinal);
        Assert.NotEqual(seed, hostile);
        HostileId = await DropAsync(storage, $"{folder}/hostile.txt", Encoding.UTF8.GetBytes(hostile));
        foreach (var id in new[] { FailedId, HostileId })
            await _host.WaitForArticleAsync(id);
        var seedArticle = await Http.GetFromJsonAsync<JsonElement>("articles/" + SeedId);
        SeedStoryId = seedArticle.GetProperty("duplicateOf").GetString() ?? SeedId;

        var scenario = await StoryScenario.RunAsync(_host, folder, seed: 23);
        (StoryPageId, StoryCopyId) = (scenario.PageId, scenario.CopyId);

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A fresh page (its own context: no storage shared between tests) at <paramref name="hash"/>.</summary>
    public async Task<IPage> OpenAsync(string hash = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/" + hash);
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    private static async Task<string> DropAsync(PipelineStorage storage, string name, byte[] content)
    {
        await storage.Drop.GetBlobClient(name).UploadAsync(new BinaryData(content));
        return ArticleIdentity.IdFromName(name);
    }

    /// <summary>Waits until the person ranking lists <paramref name="entity"/>.</summary>
    public Task WaitForRankingAsync(string entity) =>
        Poll.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>("entities?type=person&top=500"),
            top => top.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("entity").GetString() == entity),
            TimeSpan.FromSeconds(60), $"{entity} reaching the person ranking", TimeSpan.FromMilliseconds(500));

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
