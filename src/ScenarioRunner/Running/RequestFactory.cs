using System.Text;
using ScenarioRunner.Model;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>A <see cref="RequestSpec"/> with variables expanded, as the message and per-request options HttpSession takes.</summary>
internal static class RequestFactory
{
    public static (HttpRequestMessage Message, RequestOptions Options) Build(RequestSpec spec, Variables variables)
    {
        // A relative URL stays relative: the session resolves it against its BaseAddress, as for any caller.
        var url = variables.Expand(spec.Url);
        var message = new HttpRequestMessage(new HttpMethod(spec.Method),
            Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw new StepFailure($"'{url}' is not a URL"));
        if (spec.Form is { } form)
            message.Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, variables.Expand(p.Value))));
        else if (spec.Json is { } json)
            message.Content = new StringContent(variables.Expand(json), Encoding.UTF8, "application/json");

        var options = new RequestOptions
        {
            AllowRedirects = spec.FollowRedirects,
            Auth = spec.Auth is { } a ? Authenticators.From(a, variables) : null,
            Transport = spec.Retry is { } retry ? RetryPolicies.ForOneRequest(retry) : null,
        };
        foreach (var (name, value) in spec.Headers) options.Headers[name] = variables.Expand(value);
        foreach (var (name, value) in spec.Params) options.Params.Add(new(name, variables.Expand(value)));
        foreach (var (name, value) in spec.Cookies) options.Cookies[name] = variables.Expand(value);
        return (message, options);
    }
}
