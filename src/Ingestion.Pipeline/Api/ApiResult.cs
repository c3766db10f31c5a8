using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ingestion.Pipeline.Api;

/// <summary>
/// A host-neutral HTTP answer: status code and body. Both hosts turn it into their response type with a single
/// line, so every route's logic lives once, in <see cref="IngestionApi"/>.
/// </summary>
public sealed record ApiResult(int StatusCode, object Body)
{
    public bool IsProblem => Body is ProblemDetails;

    public string ContentType => IsProblem ? "application/problem+json" : "application/json";

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public static ApiResult Accepted(object body) => new(StatusCodes.Status202Accepted, body);

    /// <summary>RFC 9457 problem details.</summary>
    public static ApiResult Problem(int status, string title, string detail, string? instance = null) =>
        new(status, new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = instance, Type = $"https://httpstatuses.io/{status}" });

    /// <summary>Writes the result to an ASP.NET Core response (both hosts use ASP.NET Core).</summary>
    public Task WriteAsync(HttpResponse response, CancellationToken cancellationToken = default)
    {
        response.StatusCode = StatusCode;
        response.ContentType = ContentType + "; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), ApiJson.Options, cancellationToken);
    }
}

/// <summary>JSON conventions of the HTTP API: the same camelCase and lowercase enums as <c>ingest process</c>.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
    };
}
