using FakeAuthServer.Auth.Forms;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Auth.Tokens.OAuth;
using FakeAuthServer.Http;
using FakeAuthServer.Sessions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Oidc;

/// <summary>
/// /oauth/logout, the end_session_endpoint (OpenID Connect RP-Initiated Logout 1.0): ends the user's session here
/// and sends the browser back to the app's post_logout_redirect_uri with its state, but only to a URI registered for
/// the client named by client_id or by the id_token_hint's audience; nothing unregistered is ever followed.
/// </summary>
internal static class EndSessionEndpoint
{
    public const string Path = "/oauth/logout";

    public static async Task<IResult> Handle(HttpContext context, IOptions<OAuthOptions> options, JwtTokens jwts, ISessionStore sessions)
    {
        var (raw, unsupported) = await OAuthParameters.ReadAsync(context.Request);
        if (unsupported is not null) return unsupported;
        var p = new OAuthParameters(raw);
        NoStore.Apply(context.Response);
        if (p.Repeated is { } repeated) return Problems.BadRequest($"{repeated} was sent more than once.");

        string? clientId = p["client_id"];
        if (p["id_token_hint"] is { } hint)
        {
            if (!TokenValues.HasPlausibleShape(hint) || await jwts.VerifiedIdTokenAudienceAsync(hint) is not { } audience)
                return Problems.BadRequest("id_token_hint is not an id_token this server signed.");
            if (clientId is not null && clientId != audience)
                return Problems.BadRequest("client_id is not the audience of the id_token_hint.");
            clientId = audience;
        }

        string? target = null;
        if (p["post_logout_redirect_uri"] is { } sent)
        {
            if (clientId is null)
                return Problems.BadRequest("post_logout_redirect_uri needs the client: send client_id or id_token_hint.");
            if (!options.Value.Clients.TryGetValue(clientId, out var client))
                return Problems.BadRequest($"Unknown client_id '{clientId}'.");
            if (!client.PostLogoutRedirectUris.Contains(sent, StringComparer.Ordinal))
                return Problems.BadRequest("post_logout_redirect_uri is not one registered for this client.");
            target = p["state"] is { } state ? QueryHelpers.AddQueryString(sent, "state", state) : sent;
        }

        await SessionCookie.EndAsync(context, sessions);
        return target is not null ? Results.Redirect(target) : FormPages.SignedOut();
    }
}
