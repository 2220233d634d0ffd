using System.Text.RegularExpressions;
using ScenarioRunner.Model;
using ScenarioRunner.Running;
using SessionClient;

namespace ScenarioRunner.Checks;

/// <summary>A cookie present (with the given attributes) or absent — in the session's jar, or among the response's Set-Cookies.</summary>
public sealed class CookieCheck(CookieExpectation expected, Variables variables, bool inResponse) : ICheck
{
    private static readonly TimeSpan MaxAgeTolerance = TimeSpan.FromSeconds(2);

    public string? Verify(StepOutcome outcome)
    {
        var jar = inResponse ? outcome.Response?.SetCookies() ?? new CookieJar() : outcome.Jar;
        var where = inResponse ? "set by the response" : "in the jar";
        var cookie = jar.FirstOrDefault(c => c.Name == expected.Name && !c.IsExpired(outcome.Now));
        var name = $"cookie {expected.Name}";
        if (!expected.Present) return cookie is null ? null : $"{name}: expected absent {where}, actual {cookie.Name}={cookie.Value}";
        if (cookie is null) return $"{name}: expected present {where}, actual absent (cookies: {Names(jar)})";

        if (expected.Value is { } value && cookie.Value != variables.Expand(value))
            return $"{name}: expected value '{variables.Expand(value)}', actual '{cookie.Value}'";
        if (expected.NotValue is { } old && cookie.Value == variables.Expand(old))
            return $"{name}: expected a value other than '{cookie.Value}', actual the same";
        if (expected.ValueRegex is { } pattern && !Regex.IsMatch(cookie.Value, variables.Expand(pattern), RegexOptions.None, TimeSpan.FromSeconds(1)))
            return $"{name}: expected value matching /{pattern}/, actual '{cookie.Value}'";
        if (expected.Domain is { } domain && !cookie.Domain.Equals(variables.Expand(domain), StringComparison.OrdinalIgnoreCase))
            return $"{name}: expected domain {variables.Expand(domain)}, actual {cookie.Domain}";
        if (expected.Path is { } path && cookie.Path != path) return $"{name}: expected path {path}, actual {cookie.Path}";
        if (expected.Secure is { } secure && cookie.Secure != secure) return $"{name}: expected secure {secure}, actual {cookie.Secure}";
        if (expected.HttpOnly is { } httpOnly && cookie.HttpOnly != httpOnly) return $"{name}: expected httpOnly {httpOnly}, actual {cookie.HttpOnly}";
        if (expected.SameSite is { } sameSite && cookie.SameSite.ToString() != sameSite)
            return $"{name}: expected sameSite {sameSite}, actual {cookie.SameSite}";
        if (expected.Session is { } session && cookie.Persistent == session)
            return $"{name}: expected a {(session ? "session" : "persistent")} cookie, actual {(cookie.Persistent ? $"expires {cookie.Expires:O}" : "a session cookie")}";
        if (expected.MaxAge is { } maxAge)
        {
            if (cookie.Expires is not { } expires) return $"{name}: expected to expire in {maxAge}, actual a session cookie";
            var left = expires - outcome.Now;
            if ((left - maxAge).Duration() > MaxAgeTolerance) return $"{name}: expected to expire in {maxAge}, actual in {left}";
        }
        return null;
    }

    private static string Names(CookieJar jar) => jar.Count == 0 ? "none" : string.Join(", ", jar.Select(c => c.Name));
}
