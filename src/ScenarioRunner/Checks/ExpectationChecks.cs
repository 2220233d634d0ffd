using ScenarioRunner.Model;
using ScenarioRunner.Running;

namespace ScenarioRunner.Checks;

/// <summary>An <c>expect:</c> block as its list of single-assertion checks.</summary>
public static class ExpectationChecks
{
    public static IEnumerable<ICheck> From(ExpectSpec spec, Variables variables)
    {
        if (spec.Status is { } status) yield return new StatusCheck(status);
        if (spec.Attempts is { } attempts) yield return new AttemptsCheck(attempts);
        foreach (var header in spec.Headers) yield return new HeaderCheck(header, variables);
        if (spec.Json is { } json) yield return new JsonSubsetCheck(json.Tree, variables);
        foreach (var jwt in spec.Jwt) yield return new JwtClaimsCheck(jwt, variables);
        if (spec.BodyContains is { } contains) yield return new BodyContainsCheck(contains, variables);
        if (spec.BodyRegex is { } regex) yield return new BodyRegexCheck(regex, variables);
        foreach (var cookie in spec.Cookies) yield return new CookieCheck(cookie, variables, inResponse: false);
        foreach (var cookie in spec.SetCookies) yield return new CookieCheck(cookie, variables, inResponse: true);
    }
}
