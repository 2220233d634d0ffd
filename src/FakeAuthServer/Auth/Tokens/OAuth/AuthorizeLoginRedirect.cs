using FakeAuthServer.Auth.Forms;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// Sends a user who must log in to the form login page, with ?next= pointing back at the same authorization request,
/// so a browser, Playwright or <c>FormLogin</c> finishes the flow through the page every other login uses.
/// </summary>
internal static class AuthorizeLoginRedirect
{
    /// <summary>
    /// The request's own parameters (a POST's form as a query) minus prompt, which the login has now satisfied (and
    /// which would otherwise ask again forever), and minus any credentials.
    /// </summary>
    public static string NextFor(HttpRequest request, IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var kept = parameters
            .Where(p => p.Key is not ("prompt" or "username" or "password"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", kept);
    }

    /// <summary>The login page returning to <paramref name="next"/>, or null when next would be too long to carry.</summary>
    public static string? LoginPage(HttpRequest request, string next) =>
        next.Length > LocalRedirect.MaxLength ? null : QueryHelpers.AddQueryString($"{request.PathBase}/login", "next", next);
}
