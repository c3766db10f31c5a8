using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Ingestion.Pipeline.Dashboard;

/// <summary>
/// The web dashboard: static HTML, CSS and JavaScript embedded in this assembly, reading only the JSON API. The
/// standalone host serves it at <c>/</c> through the static-files middleware, the Functions app at
/// <c>/api/dashboard/</c> through one function; both send <see cref="ApplyHeaders"/>.
/// </summary>
public static class DashboardFiles
{
    public const string IndexFile = "index.html";

    /// <summary>Flat: the files sit in one folder, so resource names map one to one onto file names.</summary>
    public static IFileProvider Provider { get; } = new EmbeddedFileProvider(typeof(DashboardFiles).Assembly, "Ingestion.Pipeline.Dashboard");

    public static FileExtensionContentTypeProvider ContentTypes { get; } = new();

    /// <summary>
    /// Scripts and styles only from this origin, no inline script, no framing: article text is rendered as text
    /// nodes, and should anything slip through, the browser still refuses to run it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void ApplyHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
    }

    /// <summary>The file at <paramref name="path"/> (empty: the index page), or null when there is none.</summary>
    public static (IFileInfo File, string ContentType)? Find(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? IndexFile : path;
        if (name.Contains('/') || name.Contains('\\')) return null;
        var file = Provider.GetFileInfo(name);
        if (!file.Exists) return null;
        return (file, ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream");
    }
}
