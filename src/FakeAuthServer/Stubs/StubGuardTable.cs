using FakeAuthServer.Guards;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Stubs;

/// <summary>FakeAuth:Stubs:Guards as a lookup: the rule of the longest prefix that the path is under, segment by segment.</summary>
internal sealed class StubGuardTable(IOptions<StubOptions> options)
{
    // Longest first, so /v1/public (open) wins over /v1 (bearer). Ignoring case: a stub may match paths without it.
    private readonly (string Prefix, GuardRule Rule)[] _rules = options.Value.Guards
        .Select(pair => (Prefix: pair.Key.TrimEnd('/'), Rule: GuardRule.Parse(pair.Value)!))
        .OrderByDescending(pair => pair.Prefix.Length)
        .ToArray();

    public GuardRule For(PathString path)
    {
        var value = path.Value ?? "";
        foreach (var (prefix, rule) in _rules)
            if (IsUnder(value, prefix)) return rule;
        return GuardRule.Open;
    }

    private static bool IsUnder(string path, string prefix) =>
        prefix.Length == 0 ||
        (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/'));
}
