namespace FakeAuthServer.Auth.Oidc;

/// <summary>GET /.well-known/jwks.json (RFC 7517): the public halves of the current key and of those in their grace period.</summary>
internal static class JwksEndpoint
{
    public const string Path = "/.well-known/jwks.json";

    public static IResult Handle(SigningKeys keys) => Results.Json(new { keys = keys.Published.Select(k => k.ToJwk()) });
}
