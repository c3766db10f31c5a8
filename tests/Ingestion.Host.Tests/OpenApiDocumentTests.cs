using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingestion.Pipeline.Api;
using Ingestion.Host.Testing;
using Ingestion.Testing;

namespace Ingestion.Host.Tests;

/// <summary>
/// docs/openapi.json is the API's published description: it must be what the standalone host generates from its
/// endpoints, name every route both hosts serve, and docs/ingestion.http must try each of them.
/// Regenerate after changing a route: <c>INGEST_WRITE_OPENAPI=1 dotnet test tests/Ingestion.Host.Tests --filter OpenApi</c>.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private static readonly string Committed = Path.Combine(RepositoryPaths.Root, "docs", "openapi.json");
    private static readonly string HttpFile = Path.Combine(RepositoryPaths.Root, "docs", "ingestion.http");

    private RunningHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.SharedAsync();
        _http = new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>"/api/" + each ApiRoutes constant, as both hosts serve them.</summary>
    private static IEnumerable<string> Routes() =>
        typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => "/api/" + (string)f.GetValue(null)!);

    private async Task<JsonNode> GeneratedAsync() =>
        JsonNode.Parse(await _http.GetStringAsync(ApiEndpoints.DocumentPath))!;

    [Fact]
    public async Task The_committed_document_is_the_one_the_host_generates()
    {
        var generated = await GeneratedAsync();
        var text = generated.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("INGEST_WRITE_OPENAPI") == "1")
            await File.WriteAllTextAsync(Committed, text);
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Committed));
        if (!JsonNode.DeepEquals(generated, committed))
        {
            var actual = Path.Combine(AppContext.BaseDirectory, "openapi.generated.json");
            await File.WriteAllTextAsync(actual, text);
            Assert.Fail($"docs/openapi.json differs from what the host generates ({actual}); regenerate with INGEST_WRITE_OPENAPI=1 dotnet test tests/Ingestion.Host.Tests --filter OpenApi");
        }
    }

    [Fact]
    public async Task Every_route_is_described_with_its_answers_and_nothing_else_is()
    {
        var paths = (await GeneratedAsync())["paths"]!.AsObject();
        Assert.Equal(Routes().Order(StringComparer.Ordinal), paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.Any(r => r.Key.StartsWith('2')), $"{method} {path} describes its success");
                if (!path.StartsWith("/api/health", StringComparison.Ordinal))
                    Assert.True(responses.ContainsKey("400"), $"{method} {path} describes its problem answer");
                Assert.NotNull(operation["operationId"]);
            }
        }
    }

    [Fact]
    public async Task The_http_file_has_a_request_for_every_route_and_the_local_event_grid_post()
    {
        var requests = (await File.ReadAllLinesAsync(HttpFile))
            .Where(l => Regex.IsMatch(l, "^(GET|POST) ", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Select(l => l.Split(' ', 3))
            .Select(parts => (Method: parts[0], Path: new Uri(Regex.Replace(parts[1], "^\\{\\{base\\}\\}", "http://base", RegexOptions.None, TimeSpan.FromSeconds(1))).AbsolutePath))
            .ToList();
        var paths = (await GeneratedAsync())["paths"]!.AsObject();
        foreach (var (path, item) in paths)
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path), "\\\\\\{[a-zA-Z]+}", "[^/]+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
            foreach (var (method, _) in item!.AsObject())
                Assert.True(requests.Any(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && pattern.IsMatch(r.Path)), $"docs/ingestion.http has no {method.ToUpperInvariant()} {path}");
        }
        Assert.Contains(requests, r => r.Method == "POST" && r.Path == "/runtime/webhooks/blobs");
    }

    [Fact]
    public async Task The_reference_page_and_the_dashboard_are_served()
    {
        using var reference = await _http.GetAsync(ApiEndpoints.ReferencePath + "/");
        Assert.Equal(System.Net.HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("scalar", await reference.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var dashboard = await _http.GetAsync("/");
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self'", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
