using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace FakeAuthServer.Http;

/// <summary>
/// Turns exceptions that mean "the client sent something malformed" into 4xx problem details.
/// Anything else is a bug of ours and still surfaces as a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            JsonException e => (400, "Malformed JSON", $"The body is not valid JSON for this endpoint: {e.Message}"),
            InvalidDataException e => (400, "Malformed form", e.Message),
            // The multipart parser's own complaint about a truncated part; a body stream that fails to read arrives
            // as a BadHttpRequestException (UnreadableBodyMiddleware), whatever the content type.
            IOException e when context.Request.HasFormContentType => (400, "Malformed form", e.Message),
            _ => (0, "", ""),
        };
        if (status == 0 || context.Response.HasStarted) return false;

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
