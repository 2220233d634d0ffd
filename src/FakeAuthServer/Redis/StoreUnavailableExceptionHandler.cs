using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace FakeAuthServer.Redis;

/// <summary>
/// Redis down or too slow: a request that needs shared state gets 503 with problem details and Retry-After, never a
/// 500; the multiplexer reconnects by itself and service resumes when Redis is back.
/// </summary>
internal sealed class StoreUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<StoreUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public static bool IsStoreFailure(Exception e) => e is RedisException or RedisTimeoutException;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsStoreFailure(exception) || context.Response.HasStarted) return false;
        // StackExchange.Redis messages run to a screenful of diagnostics; the first clause says what happened.
        logger.LogWarning("Shared state unavailable for {Path}: {Error}: {Message}", context.Request.Path,
            exception.GetType().Name, exception.Message.Split(" - ", 2)[0]);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "State store unavailable",
                Detail = "This server keeps its sessions and counters in Redis, which did not answer. Try again shortly.",
            },
        });
    }
}
