using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary><c>request:</c> method, url, headers, params, form, json, cookies, auth, followRedirects, session, oneOff, retry.</summary>
internal static class RequestParser
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    public static RequestSpec Parse(YamlNodes nodes, YamlNode node)
    {
        var map = nodes.Mapping(node, "request");
        string? url = null;
        var spec = new RequestSpec { Url = "" };
        foreach (var (key, _, value) in nodes.Entries(map, "request", "method", "url", "headers", "params", "form", "json", "cookies",
                     "auth", "followRedirects", "session", "oneOff", "retry"))
        {
            switch (key)
            {
                case "url": url = nodes.String(value, "request.url"); break;
                case "method":
                    var method = nodes.String(value, "request.method").ToUpperInvariant();
                    if (!Methods.Contains(method)) throw nodes.Error(value, $"expected request.method to be one of {string.Join(", ", Methods)}, found '{method}'");
                    spec = spec with { Method = method };
                    break;
                case "headers": spec = spec with { Headers = nodes.StringMap(value, "request.headers") }; break;
                case "params": spec = spec with { Params = nodes.Pairs(value, "request.params") }; break;
                case "form": spec = spec with { Form = nodes.Pairs(value, "request.form") }; break;
                case "json": spec = spec with { Json = JsonFromYaml.Serialize(value) }; break;
                case "cookies": spec = spec with { Cookies = nodes.StringMap(value, "request.cookies") }; break;
                case "auth": spec = spec with { Auth = nodes.Auth(value) }; break;
                case "followRedirects": spec = spec with { FollowRedirects = nodes.Bool(value, "request.followRedirects") }; break;
                case "session": spec = spec with { Session = nodes.String(value, "request.session") }; break;
                case "oneOff": spec = spec with { OneOff = nodes.Bool(value, "request.oneOff") }; break;
                default: spec = spec with { Retry = nodes.Retry(value) }; break;
            }
        }
        if (spec.Form is not null && spec.Json is not null) throw nodes.Error(node, "expected form or json in a request, not both");
        return spec with { Url = url ?? throw nodes.Error(node, "expected request.url (relative to the target, e.g. /protected)") };
    }
}
