using System.Diagnostics;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Http;

/// <summary>One line per request: method, path (<see cref="LoggedPath"/>), status, elapsed.</summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger,
    IOptions<FakeAuthOptions> options)
{
    private readonly bool _enabled = options.Value.LogRequests;

    // Off (as under load), the request goes straight on: no timing and no extra async step.
    public Task InvokeAsync(HttpContext context) =>
        _enabled && logger.IsEnabled(LogLevel.Information) ? LoggedAsync(context) : next(context);

    private async Task LoggedAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            // An aborted connection never got a status line; its unset 200 would be a lie.
            if (context.RequestAborted.IsCancellationRequested)
                LogAborted(logger, context.Request.Method, LoggedPath.Of(context), elapsed);
            else
                Log(logger, context.Request.Method, LoggedPath.Of(context), context.Response.StatusCode, elapsed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} {ElapsedMs:0.0} ms")]
    private static partial void Log(ILogger logger, string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} aborted {ElapsedMs:0.0} ms")]
    private static partial void LogAborted(ILogger logger, string method, string path, double elapsedMs);
}
