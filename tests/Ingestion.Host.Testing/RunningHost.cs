using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Host.Testing;

/// <summary>
/// The standalone host as a user runs it (real triggers, HTTP on a free loopback port) over the shared Azurite. One
/// per test process, like the Azurite: hosts started and stopped by each test class would take each other's queue
/// messages and, stopping, leave them leased for minutes (an article then waits in "cleaned").
/// </summary>
public sealed class RunningHost
{
    private RunningHost(WebApplication app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
        Api = new HttpClient { BaseAddress = new Uri(baseUrl + "/api/") };
    }

    public WebApplication App { get; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:40123</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>A client whose base address is <c>{BaseUrl}/api/</c>.</summary>
    public HttpClient Api { get; }

    public PipelineStorage Storage => App.Services.GetRequiredService<PipelineStorage>();

    /// <summary>Polls <c>GET /api/articles/{id}</c> until the article's status is one of <paramref name="statuses"/>; its JSON then.</summary>
    public Task<JsonElement> WaitForStatusAsync(string id, params string[] statuses) =>
        WaitForAsync(id, a => statuses.Contains(a.GetProperty("status").GetString()), $"article {id} reaching {string.Join("/", statuses)}");

    /// <summary>
    /// The article once extracted or failed and, with <paramref name="contentHash"/>, once that is the content it holds
    /// (an overwritten blob is re-analysed under the same id).
    /// </summary>
    public Task<JsonElement> WaitForArticleAsync(string id, string? contentHash = null) =>
        WaitForAsync(id, a => a.GetProperty("status").GetString() is ArticleStatus.Extracted or ArticleStatus.Failed
                              && (contentHash is null || a.GetProperty("contentHash").GetString() == contentHash),
            $"article {id} extracted or failed" + (contentHash is null ? "" : $" with content {contentHash}"));

    private Task<JsonElement> WaitForAsync(string id, Func<JsonElement, bool> done, string what) =>
        Poll.UntilAsync(async () =>
        {
            using var response = await Api.GetAsync("articles/" + id);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, a => a.ValueKind == JsonValueKind.Object && done(a), TimeSpan.FromSeconds(180), what, TimeSpan.FromMilliseconds(500));

    private static readonly Lazy<Task<RunningHost>> Instance = new(StartAsync);

    public static Task<RunningHost> SharedAsync() => Instance.Value;

    private static async Task<RunningHost> StartAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var app = StandaloneHost.Build(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            [StorageNames.Connection] = azurite.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.StopAsync().GetAwaiter().GetResult();
        return new RunningHost(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
