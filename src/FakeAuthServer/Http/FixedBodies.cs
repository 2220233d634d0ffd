using System.Text;

namespace FakeAuthServer.Http;

/// <summary>The seed tutorials' response bodies, byte for byte, encoded once.</summary>
internal static class FixedBodies
{
    public static readonly byte[] LoginSuccessful = Utf8("""{"message":"Login successful"}""");
    public static readonly byte[] InvalidCredentials = Utf8("""{"message":"Invalid credentials"}""");
    public static readonly byte[] ProtectedAccess = Utf8("""{"message":"You have access to this protected route"}""");
    public static readonly byte[] Unauthorized = Utf8("""{"detail":"Unauthorized"}""");
    public static readonly byte[] FlakySuccess = Utf8("""{"message":"Success"}""");
    public static readonly byte[] FlakyServerError = Utf8("""{"detail":"Server error"}""");

    public const string Json = "application/json";
    // {"detail": …} is a valid RFC 9457 problem document, so error bodies say so while staying byte-exact.
    public const string ProblemJson = "application/problem+json";

    // Not Results.Bytes: its file result weighs ranges and validators these answers never have (login load, issue 17).
    public static IResult Json200(byte[] body) => new FixedResult(body, Json, StatusCodes.Status200OK);

    public static IResult Problem(byte[] body, int status) => new FixedResult(body, ProblemJson, status);

    public static IResult WithStatus(byte[] body, int status) => new FixedResult(body, Json, status);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private sealed class FixedResult(byte[] body, string contentType, int status) : IResult
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
