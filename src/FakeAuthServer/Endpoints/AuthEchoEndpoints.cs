using System.Net.Http.Headers;
using System.Text;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints;

/// <summary>httpbin's /basic-auth/{user}/{passwd} and /bearer: check the Authorization header and say who you are.</summary>
internal static class AuthEchoEndpoints
{
    private const string BasicChallenge = "Basic realm=\"Fake Realm\"";

    public static IResult BasicAuth(HttpContext context, string user, string passwd)
    {
        if (TryReadBasic(context.Request, out var sentUser, out var sentPassword) && sentUser == user && sentPassword == passwd)
            return HttpbinJson.Ok(new { authenticated = true, user });

        context.Response.Headers.WWWAuthenticate = BasicChallenge;
        return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized",
            $"Send Authorization: Basic with the user and password named in the path.");
    }

    public static IResult Bearer(HttpContext context)
    {
        if (TryRead(context.Request, "Bearer", out var token) && token.Length > 0)
            return HttpbinJson.Ok(new { authenticated = true, token });

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "Send Authorization: Bearer <token>.");
    }

    private static bool TryReadBasic(HttpRequest request, out string user, out string password)
    {
        user = password = "";
        if (!TryRead(request, "Basic", out var encoded)) return false;
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length)) return false;
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0) return false;
        (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }

    private static bool TryRead(HttpRequest request, string scheme, out string parameter)
    {
        parameter = "";
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) ||
            !string.Equals(header.Scheme, scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        parameter = header.Parameter;
        return true;
    }
}
