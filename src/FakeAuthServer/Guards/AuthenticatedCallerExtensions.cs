namespace FakeAuthServer.Guards;

public static class AuthenticatedCallerExtensions
{
    /// <summary>The caller a <c>RequireSession</c> or <c>RequireBearer</c> guard let through; null on an unguarded route.</summary>
    public static AuthenticatedCaller? GetAuthenticatedCaller(this HttpContext context) => AuthenticatedCaller.Of(context);
}
