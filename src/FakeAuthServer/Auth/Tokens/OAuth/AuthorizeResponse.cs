using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// How an authorization answer (code or error, with state) reaches the client: a 302 with the parameters in the
/// redirect_uri's query (RFC 6749 §4.1.2), or, for response_mode=form_post (OAuth 2.0 Form Post Response Mode, the
/// default of ASP.NET's OpenIdConnect handler), a page whose form posts them to the redirect_uri.
/// </summary>
internal static class AuthorizeResponse
{
    public enum Mode { Query, FormPost }

    public static IResult To(string redirectUri, Mode mode, string? state, Dictionary<string, string?> parameters)
    {
        if (state is not null) parameters["state"] = state;
        return mode == Mode.Query
            ? Results.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters))
            : Results.Content(FormPostPage(redirectUri, parameters), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Submits itself on load; without script, a button does it. Every value is HTML-encoded.</summary>
    private static string FormPostPage(string redirectUri, Dictionary<string, string?> parameters)
    {
        var inputs = string.Concat(parameters.Select(p =>
            $"\n<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode(p.Value)}\">"));
        return $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Signing in</title></head>
            <body onload="document.forms[0].submit()">
            <form method="post" action="{WebUtility.HtmlEncode(redirectUri)}">{inputs}
            <noscript><button type="submit">Continue</button></noscript>
            </form>
            </body></html>
            """;
    }
}
