using FakeAuthServer.Http;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// Who is calling the token endpoint (RFC 6749 §2.3): HTTP Basic client_id:client_secret, or client_id (and
/// client_secret) in the body. Confidential clients must prove their secret; public clients only name themselves.
/// </summary>
internal sealed class ClientAuthentication(IOptions<OAuthOptions> options)
{
    private readonly Dictionary<string, OAuthClient> _clients = options.Value.Clients;

    /// <summary>The authenticated client, or the error to answer with.</summary>
    public (string? ClientId, OAuthClient? Client, IResult? Error) Authenticate(HttpContext context, OAuthParameters form)
    {
        string? id, secret;
        switch (AuthorizationHeader.TryGetBasic(context.Request, out var basicUser, out var basicPassword))
        {
            case false:
                return Fail(context, "The Authorization header is not valid Basic client credentials.");
            case true:
                // §2.3.1: both halves are form-urlencoded before Basic encoding.
                (id, secret) = (Uri.UnescapeDataString(basicUser.Replace('+', ' ')), Uri.UnescapeDataString(basicPassword.Replace('+', ' ')));
                if (form["client_secret"] is not null)
                    return (null, null, OAuthError.Of(OAuthError.InvalidRequest, "Use one client authentication method, not two."));
                if (form["client_id"] is { } bodyId && bodyId != id)
                    return Fail(context, "client_id in the body differs from the Basic credentials.");
                break;
            default:
                (id, secret) = (form["client_id"], form["client_secret"]);
                break;
        }

        if (id is null) return Fail(context, "Identify the client: client_id, or HTTP Basic client credentials.");
        if (!_clients.TryGetValue(id, out var client)) return Fail(context, "Unknown client.");
        if (client.IsConfidential)
        {
            if (secret is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(client.Secret!)))
                return Fail(context, "Client authentication failed.");
        }
        else if (!string.IsNullOrEmpty(secret))
        {
            return Fail(context, "This is a public client; it has no secret.");
        }
        return (id, client, null);
    }

    private static (string?, OAuthClient?, IResult?) Fail(HttpContext context, string description) =>
        (null, null, OAuthError.Client(context, description));
}
