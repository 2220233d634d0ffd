namespace FakeAuthServer.Http;

/// <summary>
/// The one rule for printing a request's path, in the log line and in the admin journal alike: never the query
/// (it may hold secrets), and the route pattern instead of the path for routes whose path carries a secret
/// (<see cref="RedactPathInLogs"/>, e.g. /basic-auth/{user}/{passwd}).
/// </summary>
internal static class LoggedPath
{
    public static string Of(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<RedactPathInLogs>() is not null && endpoint is RouteEndpoint route)
            return route.RoutePattern.RawText ?? "(redacted)";
        return context.Request.Path.Value ?? "/";
    }
}
