using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Host;
using Ingestion.Pipeline.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Testing;

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

    /// <summary>
    /// The article as the API shows it once extracted or failed (and, with <paramref name="contentHash"/>, once that is
    /// the content it holds); polls every half second for up to three minutes.
    /// </summary>
    public async Task<JsonElement> WaitForArticleAsync(string id, string? contentHash = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Api.GetAsync("articles/" + id);
            if (response.IsSuccessStatusCode)
            {
                last = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (last.GetProperty("status").GetString() is "extracted" or "failed" && (contentHash is null || last.GetProperty("contentHash").GetString() == contentHash))
                    return last;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"article {id} was not extracted or failed in time; last: {last}");
    }

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
