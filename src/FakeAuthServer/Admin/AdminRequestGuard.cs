using Microsoft.Extensions.Options;

namespace FakeAuthServer.Admin;

/// <summary>
/// What a browser could otherwise do to the admin API on a developer's machine. A DNS-rebinding page reaches
/// 127.0.0.1 under its own name, so only loopback Host values are served (unless the API was deliberately exposed
/// with AllowAnyAddress). Another site's page can send simple cross-site POSTs (a form's content type needs no
/// preflight), so a request whose Origin is another site is refused; clients that send no Origin (curl, test code) are
/// not browsers and are served.
/// </summary>
internal sealed class AdminRequestGuard : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (!options.Enabled)
            return Http.Problems.Of(StatusCodes.Status404NotFound, "Admin API is off",
                "Start the server with --admin (or FakeAuth:Admin:Enabled=true) to use /_admin.");
        return RefusalOf(http.Request, options) ?? await next(context);
    }

    private static IResult? RefusalOf(HttpRequest request, AdminOptions options)
    {
        var host = request.Host.Host;
        if (!options.AllowAnyAddress && !LoopbackHosts.IsLoopback(host))
            return Refused($"Host '{host}' is not this machine's loopback name; the admin API answers only localhost, " +
                           "127.0.0.1 and [::1] (FakeAuth:Admin:AllowAnyAddress lifts this).");
        if (Http.RequestOrigin.Of(request) is { } origin && !IsThisMachines(origin, request, options))
            return Refused($"Origin '{origin}' is another site; the admin API refuses requests a browser sends for other pages.");
        return null;
    }

    /// <summary>The request's own origin, or (unless the API is exposed) any page on this machine; never "null".</summary>
    private static bool IsThisMachines(string origin, HttpRequest request, AdminOptions options) =>
        Http.RequestOrigin.IsOwn(origin, request) ||
        (!options.AllowAnyAddress && Uri.TryCreate(origin, UriKind.Absolute, out var uri) && LoopbackHosts.IsLoopback(uri.Host));

    private static IResult Refused(string detail) =>
        Http.Problems.Of(StatusCodes.Status403Forbidden, "Admin request refused", detail);
}
