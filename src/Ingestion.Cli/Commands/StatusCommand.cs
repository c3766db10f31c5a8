using System.ComponentModel;
using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// <c>ingest status [id|name]</c>: asks the HTTP API (standalone host or Functions app) and prints a table (for one
/// article: its story and copies, and its history of versions), or the API's JSON with <c>--json</c>. A deployed
/// Functions app needs a function key: <c>--key</c> or <c>$INGEST_FUNCTION_KEY</c>.
/// </summary>
internal sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[article]")]
        [Description("An article id (16 hex characters) or the blob name it was dropped under; omit to list all.")]
        public string? Article { get; init; }

        [CommandOption("--url <URL>")]
        [Description("Base address of the API (default http://127.0.0.1:7071).")]
        public string Url { get; init; } = "http://127.0.0.1:7071";

        [CommandOption("--status <STATUS>")]
        [Description("List only articles with this status (received, cleaned, extracted, failed).")]
        public string? Status { get; init; }

        [CommandOption("--key <FUNCTION_KEY>")]
        [Description("Function key of a deployed app (default: $INGEST_FUNCTION_KEY), sent as x-functions-key.")]
        public string? Key { get; init; }

        [CommandOption("--json")]
        [Description("Print the API's JSON (one article, or an array of summaries) instead of a table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? ValidationResult.Success()
                : ValidationResult.Error("--url is an http(s) address, e.g. https://<app>.azurewebsites.net");
    }

    public const string KeyVariable = "INGEST_FUNCTION_KEY";

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(settings.Url.TrimEnd('/') + "/api/") };
        if ((settings.Key ?? Environment.GetEnvironmentVariable(KeyVariable)) is { Length: > 0 } key)
            http.DefaultRequestHeaders.Add("x-functions-key", key);
        try
        {
            if (settings.Article is null)
                return await ListAsync(http, settings.Status, settings.Json, cancellationToken);
            var path = ArticleIdentity.IsValidId(settings.Article)
                ? "articles/" + settings.Article
                : "articles?name=" + Uri.EscapeDataString(settings.Article);
            using var response = await http.GetAsync(path, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return await FailAsync(response, cancellationToken);
            var view = await response.Content.ReadFromJsonAsync<ArticleView>(ApiJson.Options, cancellationToken);
            if (settings.Json)
                Console.Out.WriteLine(JsonSerializer.Serialize(view, ApiJson.Options));
            else
            {
                Render.Article(view!);
                using var versions = await http.GetAsync($"articles/{view!.Id}/versions", cancellationToken);
                if (!versions.IsSuccessStatusCode)
                    return await FailAsync(versions, cancellationToken);
                Render.History(view, (await versions.Content.ReadFromJsonAsync<ArticleHistory>(ApiJson.Options, cancellationToken))!);
            }
            return view!.Status == "failed" ? 1 : 0;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"ingest: cannot reach {settings.Url} ({e.Message}). Is `ingest up` or the host running?");
            return 2;
        }
    }

    /// <summary>A non-success answer as one line on stderr: the problem's title and detail, or what a 401 means.</summary>
    private static async Task<int> FailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is 401 or 403)
        {
            await Console.Error.WriteLineAsync($"ingest: {status}: the app wants a function key; pass --key or set {KeyVariable}");
            return 2;
        }
        var line = $"{status} {response.ReasonPhrase}";
        try
        {
            var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(cancellationToken));
            line = $"{status} {problem.GetProperty("title").GetString()}: {problem.GetProperty("detail").GetString()}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            // not problem details (a proxy's page): the status line says enough
        }
        await Console.Error.WriteLineAsync("ingest: " + line);
        return 1;
    }

    private static async Task<int> ListAsync(HttpClient http, string? status, bool json, CancellationToken cancellationToken)
    {
        var summaries = new List<ArticleSummary>();
        string? continuation = null;
        do
        {
            var query = "articles?pageSize=1000" + (status is null ? "" : "&status=" + Uri.EscapeDataString(status))
                + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            using var response = await http.GetAsync(query, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return await FailAsync(response, cancellationToken);
            var page = await response.Content.ReadFromJsonAsync<ArticlePage>(ApiJson.Options, cancellationToken);
            summaries.AddRange(page!.Items);
            continuation = page.Continuation;
        }
        while (continuation is not null);
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(summaries, ApiJson.Options));
        else
            Render.Summaries(summaries);
        return 0;
    }
}
