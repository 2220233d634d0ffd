using FakeAuthServer.Auth.Forms;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Http;
using FakeAuthServer.Sessions;
using FakeAuthServer.Users;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Tokens.OAuth;

/// <summary>
/// /oauth/authorize (RFC 6749 §4.1.1 with RFC 7636 PKCE, S256 only; OpenID Connect's nonce, prompt and max_age).
/// The user is the one named by HTTP Basic credentials (GET or POST) or by username and password posted with the
/// other parameters (a POST takes every parameter from its form body, none from the query); without credentials,
/// the user of the live session cookie, as a browser arrives; without either (or with prompt=login), the form login
/// page, which returns here. There is no consent screen: a logged-in user grants the request.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, IOptions<OAuthOptions> options, LoginGuard guard,
        ITokenStore store, ISessionStore sessions, TimeProvider clock)
    {
        var (raw, unsupported) = await OAuthParameters.ReadAsync(context.Request);
        if (unsupported is not null) return unsupported;
        var p = new OAuthParameters(raw);
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
        var responseMode = p["response_mode"] is "form_post" ? AuthorizeResponse.Mode.FormPost : AuthorizeResponse.Mode.Query;
        IResult Error(string error, string description) => AuthorizeResponse.To(redirect, responseMode, state,
            new() { ["error"] = error, ["error_description"] = description });

        if (p["response_mode"] is not (null or "query" or "form_post"))
            return Error("invalid_request", "response_mode must be query or form_post.");

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

        var (prompt, promptError) = AuthorizePrompt.Parse(p["prompt"], p["max_age"]);
        if (prompt is null) return Error("invalid_request", promptError!);

        var now = clock.GetUtcNow();
        string userName;
        DateTimeOffset authTime;
        var user = ResourceOwner(context.Request, p, out var sentCredentials);
        if (sentCredentials)
        {
            if (user is not { } owner) return Error("access_denied", "The user's credentials were not accepted.");
            var outcome = await guard.AttemptAsync(owner.Name, owner.Password, context.RequestAborted);
            if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
            if (!outcome.Accepted) return Error("access_denied", "The user's credentials were not accepted.");
            (userName, authTime) = (owner.Name, now);
        }
        else if (await SessionCookie.FindLiveAsync(context, sessions) is { } session && prompt.Accepts(session, now))
        {
            (userName, authTime) = (session.User, session.Created);
        }
        else if (prompt.None)
        {
            return Error("login_required", "prompt=none, and the user has no live session that satisfies the request.");
        }
        else
        {
            return AuthorizeLoginRedirect.LoginPage(context.Request, AuthorizeLoginRedirect.NextFor(context.Request, raw)) is { } login
                ? Results.Redirect(login)
                : Error("invalid_request", $"The authorization request is too long to return to after the login (over {LocalRedirect.MaxLength} characters).");
        }

        var grant = new TokenGrant(userName, clientId, Scopes.Join(scopes), TokenIssuer.NewFamily());
        var code = await store.AddAsync(new StoredToken(TokenKind.AuthorizationCode, grant, now, now + options.Value.CodeLifetime,
            new CodeBinding(redirect, sentRedirect is not null, challenge, p["nonce"]) { AuthTime = authTime }), context.RequestAborted);
        return AuthorizeResponse.To(redirect, responseMode, state, new() { ["code"] = code });
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
}
