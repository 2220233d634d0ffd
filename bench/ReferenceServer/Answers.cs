namespace ReferenceServer;

/// <summary>The fixed bodies the reference answers with, shared by its in-memory and Redis routes.</summary>
static class Answers
{
    public static readonly byte[] LoginOk = """{"message":"Login successful"}"""u8.ToArray();
    public static readonly byte[] LoginBad = """{"message":"Invalid credentials"}"""u8.ToArray();
    public static readonly byte[] ProtectedOk = """{"message":"You have access to this protected route"}"""u8.ToArray();
    public static readonly byte[] Unauthorized = """{"detail":"Unauthorized"}"""u8.ToArray();

    // A fixed UTF-8 body with a Content-Length and a status, the way FakeAuthServer answers these routes.
    public static IResult Fixed(byte[] body, string contentType, int status) => new FixedBody(body, contentType, status);

    private sealed class FixedBody(byte[] body, string contentType, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
