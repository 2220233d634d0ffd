namespace FakeAuthServer.Auth.Tokens;

/// <summary>Answers carrying tokens or codes must not be cached (RFC 6749 §5.1): Cache-Control: no-store, Pragma: no-cache.</summary>
internal sealed class NoStore(IResult inner) : IResult
{
    public static IResult Wrap(IResult inner) => new NoStore(inner);

    public static void Apply(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }

    public Task ExecuteAsync(HttpContext context)
    {
        Apply(context.Response);
        return inner.ExecuteAsync(context);
    }
}
