using Ingestion.Pipeline.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Ingestion.Functions;

/// <summary>
/// The dashboard's static files at <c>/api/dashboard/</c>. Anonymous: the files hold no data; every API call the
/// page makes needs the function key, which the page asks for on the first 401 and keeps for the browser tab.
/// </summary>
public sealed class DashboardFunction
{
    public const string Route = "dashboard/{*path}";

    [Function("Dashboard")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Function classes are instantiated by the worker, like the others.")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string? path)
    {
        // Relative links (app.js, style.css) resolve only under a trailing slash.
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/'))
            return new RedirectResult(request.Path + "/" + request.QueryString, permanent: false);
        if (DashboardFiles.Find(path) is not { } found)
            return new NotFoundResult();
        return new DashboardFileResult(found.File, found.ContentType);
    }
}

/// <summary>Writes one dashboard file with its headers (no MVC file executors needed in the worker).</summary>
public sealed class DashboardFileResult(Microsoft.Extensions.FileProviders.IFileInfo file, string contentType) : IActionResult
{
    public string ContentType { get; } = contentType;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        DashboardFiles.ApplyHeaders(response);
        response.ContentType = ContentType;
        response.ContentLength = file.Length;
        await using var stream = file.CreateReadStream();
        await stream.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
    }
}
