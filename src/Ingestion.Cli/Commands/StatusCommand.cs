using System.ComponentModel;
using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary><c>ingest status [id|name]</c>: asks the HTTP API (standalone host or Functions app) and prints a table.</summary>
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
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(settings.Url.TrimEnd('/') + "/api/") };
        try
        {
            if (settings.Article is null)
                return await ListAsync(http, settings.Status, cancellationToken);
            var path = ArticleIdentity.IsValidId(settings.Article)
                ? "articles/" + settings.Article
                : "articles?name=" + Uri.EscapeDataString(settings.Article);
            using var response = await http.GetAsync(path, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                await Console.Error.WriteLineAsync($"ingest: {(int)response.StatusCode} {problem.GetProperty("title").GetString()}: {problem.GetProperty("detail").GetString()}");
                return 1;
            }
            var view = await response.Content.ReadFromJsonAsync<ArticleView>(ApiJson.Options, cancellationToken);
            Render.Article(view!);
            return view!.Status == "failed" ? 1 : 0;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"ingest: cannot reach {settings.Url} ({e.Message}). Is `ingest up` or the host running?");
            return 2;
        }
    }

    private static async Task<int> ListAsync(HttpClient http, string? status, CancellationToken cancellationToken)
    {
        var summaries = new List<ArticleSummary>();
        string? continuation = null;
        do
        {
            var query = "articles?pageSize=1000" + (status is null ? "" : "&status=" + Uri.EscapeDataString(status))
                + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            var page = await http.GetFromJsonAsync<ArticlePage>(query, ApiJson.Options, cancellationToken);
            summaries.AddRange(page!.Items);
            continuation = page.Continuation;
        }
        while (continuation is not null);
        Render.Summaries(summaries);
        return 0;
    }
}
