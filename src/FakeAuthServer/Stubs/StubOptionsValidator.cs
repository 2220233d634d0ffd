using FakeAuthServer.Guards;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Stubs;

internal sealed class StubOptionsValidator : IValidateOptions<StubOptions>
{
    public ValidateOptionsResult Validate(string? name, StubOptions options)
    {
        var problems = new List<string>();
        foreach (var (prefix, rule) in options.Guards)
        {
            if (!prefix.StartsWith('/'))
                problems.Add($"FakeAuth:Stubs:Guards: the path prefix '{prefix}' must start with '/'.");
            if (GuardRule.Parse(rule) is null)
                problems.Add($"FakeAuth:Stubs:Guards:{prefix}: '{rule}' is not session, bearer, bearer:SCOPE or open.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
