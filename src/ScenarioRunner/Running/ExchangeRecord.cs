using System.Text;
using ScenarioRunner.Checks;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>
/// A step as text for failure reports: the request as sent, the response (first 500 characters of the body), the jar
/// after; secrets masked (<see cref="Secrets"/>).
/// </summary>
public sealed record ExchangeRecord(string Request, string Response, string Jar)
{
    public static ExchangeRecord From(HttpResponseMessage? response, string body, CookieJar jar, DateTimeOffset now)
    {
        var request = new StringBuilder();
        if (response?.RequestMessage is { } sent)
        {
            request.Append(sent.Method).Append(' ').Append(sent.RequestUri is { } uri ? Secrets.Url(uri, show: false) : "").AppendLine();
            foreach (var (name, values) in sent.Headers)
                request.Append(name).Append(": ").AppendJoin(", ", values.Select(v => Secrets.Header(name, v, show: false))).AppendLine();
            if (response.History().Count > 0) request.Append("(after ").Append(response.History().Count).AppendLine(" redirects)");
        }
        var answer = new StringBuilder();
        if (response is not null)
        {
            answer.Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).AppendLine();
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                // Set-Cookie cannot be joined with ", " (its Expires has a comma): one line per cookie, as sent.
                if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
                    foreach (var value in values) answer.Append(name).Append(": ").Append(value).AppendLine();
                else answer.Append(name).Append(": ").AppendJoin(", ", values).AppendLine();
            }
            answer.AppendLine().Append(Excerpt.Of(Secrets.Body(body, response.Content.Headers.ContentType?.ToString(), show: false)));
        }
        return new ExchangeRecord(request.ToString().TrimEnd(), answer.ToString().TrimEnd(), Describe(jar, now));
    }

    public static string Describe(CookieJar jar, DateTimeOffset now) => jar.Count == 0 ? "(empty)" : string.Join(Environment.NewLine, jar.Select(c =>
        $"{c.Name}={c.Value}; Domain={c.Domain}; Path={c.Path}" + (c.Secure ? "; Secure" : "") + (c.HttpOnly ? "; HttpOnly" : "")
        + (c.SameSite != SameSiteMode.Unspecified ? $"; SameSite={c.SameSite}" : "")
        + (c.Expires is { } e ? $"; expires in {e - now}" : "; session")));

    public override string ToString() =>
        $"--> request{Environment.NewLine}{Request}{Environment.NewLine}<-- response{Environment.NewLine}{Response}{Environment.NewLine}jar after:{Environment.NewLine}{Jar}";
}
