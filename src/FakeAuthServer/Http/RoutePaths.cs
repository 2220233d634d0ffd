using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace FakeAuthServer.Http;

/// <summary>
/// The fake's own routes by path, for the places that must know about them after routing chose another endpoint:
/// a wrong method's 405 on an httpbin route (<see cref="HttpbinCorsOnWrongMethod"/>), and the stub fallback, which
/// must answer 405 rather than forward a wrong method on one of the fake's routes.
/// </summary>
internal sealed class RoutePaths(EndpointDataSource endpoints)
{
    // Every stubbed request asks, so the routes are grouped by their first segment: a stub's path (/account/…) is
    // compared with no pattern at all, and a fake path only with the few routes that share its first segment.
    private Dictionary<string, (TemplateMatcher Matcher, RouteEndpoint Endpoint)[]>? _byFirstSegment;

    /// <summary>The routes whose pattern matches <paramref name="path"/>, whatever their methods; the fallback excluded.</summary>
    public IEnumerable<RouteEndpoint> Matching(PathString path)
    {
        // Built at the first call, not at start-up: only a wrong method or a stubbed request asks.
        _byFirstSegment ??= endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue) // MapFallback's order: it matches every path
            .GroupBy(e => FirstSegment(e.RoutePattern.RawText ?? ""), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()), e)).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        var candidates = _byFirstSegment.GetValueOrDefault(FirstSegment(path.Value ?? ""), [])
            .Concat(_byFirstSegment.GetValueOrDefault(AnySegment, []));
        return candidates.Where(r => r.Matcher.TryMatch(path, new RouteValueDictionary())).Select(r => r.Endpoint);
    }

    /// <summary>True when an httpbin route (tagged "httpbin" in the route table) is at <paramref name="path"/>.</summary>
    public bool IsHttpbinRoute(PathString path) =>
        Matching(path).Any(e => e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains("httpbin") == true);

    /// <summary>The methods the fake's own routes at <paramref name="path"/> answer; empty when none is there.</summary>
    public IReadOnlyList<string> MethodsAt(PathString path) =>
        [.. Matching(path).SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Distinct(StringComparer.OrdinalIgnoreCase)];

    // The group of routes that open with a parameter (a user's "/{tenant}/orders"): checked for every path.
    private const string AnySegment = "{";

    private static string FirstSegment(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/');
        var first = slash < 0 ? trimmed : trimmed[..slash];
        return first.StartsWith('{') ? AnySegment : first;
    }
}
