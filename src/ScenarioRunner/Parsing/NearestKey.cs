namespace ScenarioRunner.Parsing;

/// <summary>
/// The allowed key an unknown one was most likely meant to be (a typo, a wrong case, a missing letter), for
/// "did you mean `expect`?"; null when none is close enough to be a useful guess.
/// </summary>
internal static class NearestKey
{
    public static string? For(string unknown, IReadOnlyCollection<string> allowed)
    {
        var best = allowed
            .Select(key => (Key: key, Distance: Distance(unknown.ToLowerInvariant(), key.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        // A third of the word may be wrong: 'expct' → expect, 'reqest' → request, but 'onExpiry' is not 'on401'.
        return best.Key is not null && best.Distance <= Math.Max(1, Math.Max(unknown.Length, best.Key.Length) / 3) ? best.Key : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
