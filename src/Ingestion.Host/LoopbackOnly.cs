using System.Net;
using Ingestion.Pipeline.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Ingestion.Host;

/// <summary>
/// The standalone host has no sign-in: by default it answers only clients on this machine, even when told to
/// listen on every interface (<c>--urls http://0.0.0.0:7071</c>). <c>Ingestion:AllowRemoteClients=true</c> lifts
/// that, for a host behind a proxy that authenticates. On Azure the Functions app uses function keys instead.
/// </summary>
internal sealed class LoopbackOnly(RequestDelegate next, IConfiguration configuration)
{
    public const string AllowRemoteSetting = "Ingestion:AllowRemoteClients";

    private readonly bool _allowRemote = configuration.GetValue<bool>(AllowRemoteSetting);

    public async Task InvokeAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (_allowRemote || remote is null || IPAddress.IsLoopback(remote))
        {
            await next(context);
            return;
        }
        await ApiResult.Problem(StatusCodes.Status403Forbidden, "Loopback only",
            $"This host answers clients on its own machine only; set {AllowRemoteSetting}=true behind an authenticating proxy.").WriteAsync(context.Response, context.RequestAborted);
    }
}
