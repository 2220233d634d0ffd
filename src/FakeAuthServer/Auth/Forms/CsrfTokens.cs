using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FakeAuthServer.Http;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Auth.Forms;

/// <summary>
/// Login CSRF protection as a signed double-submit cookie (OWASP's "signed double-submit"): GET /login gives the
/// browser a random <c>login_csrf</c> cookie (HttpOnly, SameSite=Lax) and puts HMAC-SHA256(server key, cookie) in the
/// form and the csrf-token meta tag. A POST must carry both, and the token must be the HMAC of that cookie. Another
/// site can make a browser send the cookie but can neither read it nor forge its HMAC. The pair binds the form to a
/// browser, not to a person: an attacker who can plant a cookie (a sibling subdomain, or anyone on plain http) can
/// plant a pair of their own that this check accepts, which is why the form endpoints also refuse another origin's
/// POST (<see cref="FormOrigin"/>). Nothing is stored per visitor, so a flood of GET /login costs no memory. The key
/// is random per process (shared through Redis when instances share state): a restart invalidates open login forms (403).
/// </summary>
internal sealed class CsrfTokens(CsrfKey key)
{
    public const string CookieName = "login_csrf";
    public const string FieldName = "csrf_token";

    private readonly byte[] _key = key.Bytes;

    /// <summary>The form token for the request's login_csrf cookie, first setting that cookie when there is none.</summary>
    public string Issue(HttpContext context)
    {
        var cookie = CookieHeader.ValuesOf(context.Request, CookieName).FirstOrDefault(v => SessionIds.HasValidShape(v));
        if (cookie is null)
        {
            cookie = SessionIds.New();
            FormCookies.AppendBrowserSession(context.Response, CookieName, cookie);
        }
        return TokenFor(cookie);
    }

    /// <summary>True when <paramref name="token"/> is this server's signature of one of the request's login_csrf cookies.</summary>
    public bool IsValid(HttpRequest request, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var given = Encoding.ASCII.GetBytes(token);
        var valid = false;
        foreach (var cookie in CookieHeader.ValuesOf(request, CookieName))
            if (SessionIds.HasValidShape(cookie))
                valid |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenFor(cookie)), given);
        return valid;
    }

    private string TokenFor(string cookie) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes("login-csrf:" + cookie)));
}
