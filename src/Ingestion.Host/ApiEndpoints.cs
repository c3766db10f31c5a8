using System.Text.Json.Nodes;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Dashboard;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Ingestion.Host;

/// <summary>
/// The standalone host's HTTP surface: the API routes (the same <see cref="IngestionApi"/> calls the Functions app
/// makes) with their OpenAPI description, the interactive reference page, and the dashboard at <c>/</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/reference";

    public static IServiceCollection AddApiDescription(this IServiceCollection services)
    {
        // The document describes bodies as ApiJson writes them: camelCase, lowercase enum names.
        services.ConfigureHttpJsonOptions(json =>
        {
            foreach (var converter in ApiJson.Options.Converters) json.SerializerOptions.Converters.Add(converter);
        });
        services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Ingestion API",
                    Version = "1",
                    Description = "Status and results of the DW article pipeline, and questions across articles. The same routes in the " +
                        "standalone host and the Functions app; on Azure every route but health needs a function key (?code= or x-functions-key). " +
                        "Errors are RFC 9457 problem details.",
                };
                // The document holds for any address the API is served at.
                document.Servers = [];
                return Task.CompletedTask;
            });
            openApi.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in operation.Parameters ?? [])
                    if (parameter is OpenApiParameter p && p.Name is { } name && ParameterSchemas.TryGetValue(name, out var schema))
                        p.Schema = schema();
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Query values reach IngestionApi as strings, so that it alone validates them; the document says what they hold.</summary>
    private static readonly Dictionary<string, Func<OpenApiSchema>> ParameterSchemas = new(StringComparer.Ordinal)
    {
        ["status"] = () => Enum(ArticleStatus.All),
        ["type"] = () => Enum(Names<EntityType>()),
        ["attribution"] = () => Enum(Names<QuoteAttribution>()),
        ["pageSize"] = () => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = ArticleQueries.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["top"] = () => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = CrossArticleQueries.MaxTop.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = JsonValue.Create(50) },
        ["from"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        ["to"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        ["q"] = () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 2, MaxLength = 100 },
    };

    private static IEnumerable<string> Names<T>() where T : struct, Enum => System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant());

    private static OpenApiSchema Enum(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList() };

    /// <summary>Every route, then the reference page and the dashboard.</summary>
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("pipeline");
        api.MapGet(ApiRoutes.Health, (IngestionApi a, HttpContext c) => Respond(c, a.HealthAsync(c.RequestAborted)))
            .WithName("Health").WithSummary("Storage reachable, queue depths and poison counts, version")
            .Produces<PipelineHealth>().Produces<PipelineHealth>(StatusCodes.Status503ServiceUnavailable);
        api.MapGet(ApiRoutes.Liveness, (IngestionApi a, HttpContext c) => Respond(c, a.LivenessAsync(c.RequestAborted)))
            .WithName("Liveness").WithSummary("The process answers (no storage call)")
            .Produces<PipelineLiveness>();
        api.MapGet(ApiRoutes.Articles, ([FromQuery] string? status, [FromQuery] string? continuation, [FromQuery] string? pageSize, [FromQuery] string? name, IngestionApi a, HttpContext c) =>
                Respond(c, a.ListArticlesAsync(status, continuation, pageSize, name, c.RequestAborted)))
            .WithName("ListArticles").WithSummary("A page of articles (optionally of one status) in id order, or one article by the blob name it was dropped under")
            .WithDescription("With `name`, the answer is one article, as GET /api/articles/{id} gives it.")
            .Produces<ArticlePage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                // Either answer: a page, or (with ?name=) one article.
                var ok = operation.Responses?["200"].Content?["application/json"];
                if (ok is not null)
                    ok.Schema = new OpenApiSchema { OneOf = [new OpenApiSchemaReference(nameof(ArticlePage), context.Document), new OpenApiSchemaReference(nameof(ArticleView), context.Document)] };
                return Task.CompletedTask;
            });
        api.MapGet(ApiRoutes.Article, (string id, IngestionApi a, HttpContext c) => Respond(c, a.GetArticleAsync(id, c.RequestAborted)))
            .WithName("GetArticle").WithSummary("Status, timings, error, attempts, entities and quotes of one article")
            .Produces<ArticleView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(ApiRoutes.ArticleText, (string id, IngestionApi a, HttpContext c) => Respond(c, a.ArticleTextAsync(id, c.RequestAborted)))
            .WithName("GetArticleText").WithSummary("The clean article: title, lead, body blocks, captions, signature")
            .Produces<CleanArticle>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(ApiRoutes.ArticleVersions, (string id, IngestionApi a, HttpContext c) => Respond(c, a.ArticleVersionsAsync(id, c.RequestAborted)))
            .WithName("GetArticleVersions").WithSummary("Every content the article was analysed with, oldest first, and what changed; for a copy, how it differs from its story's first copy")
            .Produces<ArticleHistory>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost(ApiRoutes.Reprocess, (string id, IngestionApi a, HttpContext c) => Respond(c, a.ReprocessAsync(id, c.RequestAborted)))
            .WithName("ReprocessArticle").WithSummary("Clean the dropped blob again; extraction follows through the queue")
            .Produces<ReprocessResult>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet(ApiRoutes.Entities, ([FromQuery] string? type, [FromQuery] string? top, IngestionApi a, HttpContext c) => Respond(c, a.TopEntitiesAsync(type, top, c.RequestAborted)))
            .WithName("TopEntities").WithSummary("Entities ranked by the number of articles they appear in, copies of one story counted once")
            .Produces<TopEntities>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet(ApiRoutes.EntityArticles, (string name, [FromQuery] string? continuation, IngestionApi a, HttpContext c) =>
                Respond(c, a.EntityArticlesAsync(name, continuation, c.RequestAborted)))
            .WithName("EntityArticles").WithSummary("Stories mentioning an entity (any spelling with the same key), each under one article with its copies, with its quotes in each")
            .Produces<EntityArticles>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet(ApiRoutes.SpeakerQuotes, (string name, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? attribution, [FromQuery] string? q,
                    [FromQuery] string? pageSize, [FromQuery] string? continuation, IngestionApi a, HttpContext c) =>
                Respond(c, a.SpeakerQuotesAsync(name, from, to, attribution, q, pageSize, continuation, c.RequestAborted)))
            .WithName("SpeakerQuotes").WithSummary("A speaker's quotes, newest first, with the article each is from")
            .WithDescription("`from`/`to` bound the published date (inclusive; undated quotes are then left out); `attribution` keeps one kind; " +
                "`q` keeps quotes containing a word (case and accents ignored; such a page may hold fewer than pageSize quotes: follow `continuation`). " +
                "A quote that several copies of one story have is shown once, under the story's earliest article that has it.")
            .Produces<SpeakerTimeline>().ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapOpenApi(DocumentPath.Replace(DocumentName, "{documentName}", StringComparison.Ordinal));
        app.MapScalarApiReference(ReferencePath, options => options.WithTitle("Ingestion API").WithOpenApiRoutePattern(DocumentPath.Replace(DocumentName, "{documentName}", StringComparison.Ordinal)));
    }

    /// <summary>The dashboard's files at <c>/</c>, with its security headers.</summary>
    public static void UseDashboard(WebApplication app)
    {
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = DashboardFiles.Provider, DefaultFileNames = [DashboardFiles.IndexFile] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = DashboardFiles.Provider,
            ContentTypeProvider = DashboardFiles.ContentTypes,
            OnPrepareResponse = file => DashboardFiles.ApplyHeaders(file.Context.Response),
        });
    }

    private static async Task Respond(HttpContext context, Task<ApiResult> result) =>
        await (await result).WriteAsync(context.Response, context.RequestAborted);
}
