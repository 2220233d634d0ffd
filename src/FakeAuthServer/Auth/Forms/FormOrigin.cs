using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Forms;

/// <summary>
/// The form endpoints (POST /login, /2fa/verify, /logout) refuse a browser's POST from another origin, before any
/// field is read. That closes what the CSRF token pair cannot: a sibling subdomain (same site, so SameSite=Lax lets
/// its cookies through) planting its own login_csrf cookie and token to log the victim into the attacker's account.
/// Requests without an Origin are served: only browsers are tricked into posting forms, and they always send one.
/// </summary>
internal sealed class FormOrigin : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (RequestOrigin.Of(request) is { } origin && !RequestOrigin.IsOwn(origin, request))
            return Problems.Of(StatusCodes.Status403Forbidden, "Cross-origin form refused",
                $"This form only accepts posts from its own pages; the request came from '{origin}'.");
        return await next(context);
    }
}
