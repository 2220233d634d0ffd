using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Http;
using FakeAuthServer.Users;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// /oauth/authorize (RFC 6749 §4.1.1 with RFC 7636 PKCE, S256 only). There is no login page: the user is the one
/// named by HTTP Basic credentials (GET or POST), or by username and password posted in the form with the other
/// parameters (a POST takes every parameter from its form body, none from the query). That is the consent: valid credentials grant the request, wrong ones answer access_denied, and none
/// get a 401 Basic challenge so a browser prompts.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, IOptions<OAuthOptions> options, LoginGuard guard,
        ITokenStore store, TimeProvider clock)
    {
        OAuthParameters p;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!context.Request.HasFormContentType)
                return Problems.UnsupportedMediaType("application/x-www-form-urlencoded");
            p = new OAuthParameters(await context.Request.ReadFormAsync(context.RequestAborted));
        }
        else
        {
            p = new OAuthParameters(context.Request.Query);
        }
        NoStore.Apply(context.Response);

        // Until client and redirect URI are known good, errors go to the user, never to a redirect (§4.1.2.1).
        if (p.IsRepeated("client_id") || p.IsRepeated("redirect_uri"))
            return Problems.BadRequest("Send client_id and redirect_uri once each.");
        var clientId = p["client_id"];
        if (clientId is null) return Problems.MissingFields("client_id");
        if (!options.Value.Clients.TryGetValue(clientId, out var client))
            return Problems.BadRequest($"Unknown client_id '{clientId}'.");
        var sentRedirect = p["redirect_uri"];
        var redirect = sentRedirect ?? (client.RedirectUris.Count == 1 ? client.RedirectUris[0] : null);
        if (redirect is null) return Problems.MissingFields("redirect_uri");
        if (!client.RedirectUris.Contains(redirect, StringComparer.Ordinal))
            return Problems.BadRequest("redirect_uri is not one registered for this client.");

        var state = p["state"];
        IResult Error(string error, string description) => Redirect(redirect, state,
            new() { ["error"] = error, ["error_description"] = description });

        if (p.Repeated is { } repeated) return Error("invalid_request", $"{repeated} was sent more than once.");
        if (p["response_type"] is not { } responseType) return Error("invalid_request", "response_type is required.");
        if (responseType != "code") return Error("unsupported_response_type", "Only response_type=code is supported.");
        if (p["code_challenge"] is not { } challenge) return Error("invalid_request", "PKCE is required: send code_challenge.");
        if (p["code_challenge_method"] != Pkce.S256) return Error("invalid_request", "code_challenge_method must be S256.");
        if (!Pkce.IsValidS256Challenge(challenge)) return Error("invalid_request", "code_challenge is not a base64url SHA-256 digest.");
        var scopes = Scopes.Parse(p["scope"]);
        // openid is the protocol's own scope (it asks for an id_token), open to every client that logs a user in.
        if (scopes is null || !Scopes.AllIn(scopes, [.. client.Scopes, Scopes.OpenId]))
            return Error("invalid_scope", "The scope is malformed or not allowed for this client.");
        if (scopes.Count == 0) scopes = client.Scopes;

        var user = ResourceOwner(context.Request, p, out var sentCredentials);
        if (!sentCredentials)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"FakeAuth authorize\"";
            return Problems.Of(StatusCodes.Status401Unauthorized, "Log in to authorize",
                "Send the user's HTTP Basic credentials, or POST username and password with the other parameters.");
        }
        if (user is not { } owner) return Error("access_denied", "The user's credentials were not accepted.");
        var outcome = await guard.AttemptAsync(owner.Name, owner.Password, context.RequestAborted);
        if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
        if (!outcome.Accepted) return Error("access_denied", "The user's credentials were not accepted.");

        var now = clock.GetUtcNow();
        var grant = new TokenGrant(owner.Name, clientId, Scopes.Join(scopes), TokenIssuer.NewFamily());
        var code = await store.AddAsync(new StoredToken(TokenKind.AuthorizationCode, grant, now, now + options.Value.CodeLifetime,
            new CodeBinding(redirect, sentRedirect is not null, challenge, p["nonce"])), context.RequestAborted);
        return Redirect(redirect, state, new() { ["code"] = code });
    }

    private static (string Name, string Password)? ResourceOwner(HttpRequest request, OAuthParameters p, out bool sent)
    {
        switch (AuthorizationHeader.TryGetBasic(request, out var name, out var password))
        {
            case true:
                sent = true;
                return (name, password);
            case false:
                sent = true;
                return null;
        }
        sent = HttpMethods.IsPost(request.Method) && p["username"] is not null;
        return sent ? (p["username"]!, p["password"] ?? "") : null;
    }

    private static IResult Redirect(string redirectUri, string? state, Dictionary<string, string?> query)
    {
        if (state is not null) query["state"] = state;
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, query));
    }
}
