namespace FakeAuthServer.Http;

/// <summary>
/// Endpoint metadata: the httpbin echo routes (/post, /put, /patch, /delete, /anything) take bodies up to
/// <see cref="Bytes"/> (multipart uploads in client test suites), while every other route keeps
/// FakeAuth:MaxRequestBodyBytes (BodyLimitMiddleware).
/// </summary>
internal sealed class LargeBody
{
    public const long Bytes = 16 * 1024 * 1024;

    public static readonly LargeBody Instance = new();

    private LargeBody()
    {
    }
}
