using System.Text;
using ScenarioRunner.Model;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>A <see cref="RequestSpec"/> with variables expanded, as the message and per-request options HttpSession takes.</summary>
internal static class RequestFactory
{
    public static (HttpRequestMessage Message, RequestOptions Options) Build(RequestSpec spec, HttpSession session, Variables variables)
    {
        var url = variables.Expand(spec.Url);
        var message = new HttpRequestMessage(new HttpMethod(spec.Method), Absolute(session, url));
        if (spec.Form is { } form)
            message.Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, variables.Expand(p.Value))));
        else if (spec.Json is { } json)
            message.Content = new StringContent(variables.Expand(json), Encoding.UTF8, "application/json");

        var options = new RequestOptions { AllowRedirects = spec.FollowRedirects, Auth = spec.Auth is { } a ? Authenticators.From(a, variables) : null };
        foreach (var (name, value) in spec.Headers) options.Headers[name] = variables.Expand(value);
        foreach (var (name, value) in spec.Params) options.Params.Add(new(name, variables.Expand(value)));
        foreach (var (name, value) in spec.Cookies) options.Cookies[name] = variables.Expand(value);
        return (message, options);
    }

    private static Uri Absolute(HttpSession session, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(session.BaseAddress ?? throw new StepFailure($"'{url}' is relative and the session has no base address"), url);
}
