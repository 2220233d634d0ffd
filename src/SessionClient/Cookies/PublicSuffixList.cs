using System.Globalization;
using System.Text;

namespace SessionClient;

/// <summary>
/// The Mozilla Public Suffix List (https://publicsuffix.org), used to refuse Domain=co.uk style
/// "supercookies". <see cref="Default"/> reads the copy maintained by the Debian/Ubuntu package
/// <c>publicsuffix</c> once, on first use; without it, a small built-in list of the most common
/// multi-label suffixes is used, which is safe for single-label TLDs (the implicit "*" rule) but
/// misses most registry and private suffixes such as github.io.
/// </summary>
public sealed class PublicSuffixList
{
    /// <summary>Where Debian's <c>publicsuffix</c> package installs the list.</summary>
    public const string DebianPath = "/usr/share/publicsuffix/public_suffix_list.dat";

    private const string BuiltInRules = """
        com
        org
        net
        edu
        gov
        mil
        int
        io
        co
        ac.uk
        co.uk
        gov.uk
        ltd.uk
        me.uk
        net.uk
        org.uk
        plc.uk
        com.au
        net.au
        org.au
        edu.au
        gov.au
        co.jp
        ne.jp
        or.jp
        ac.jp
        co.nz
        org.nz
        co.za
        com.br
        com.cn
        com.mx
        co.in
        co.kr
        com.tr
        """;

    private static readonly Lazy<PublicSuffixList> DefaultList = new(LoadDefault);
    private static readonly Lazy<PublicSuffixList> BuiltInList = new(() => Parse(BuiltInRules, "built-in fallback"));

    // Span lookups: checking every candidate suffix of a host must not allocate a substring each.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _rules;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wildcardParents; // "*.ck" is stored as "ck"
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exceptions;      // "!www.ck" is stored as "www.ck"

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcardParents, HashSet<string> exceptions, string source)
    {
        _rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardParents = wildcardParents.GetAlternateLookup<ReadOnlySpan<char>>();
        _exceptions = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        RuleCount = rules.Count + wildcardParents.Count + exceptions.Count;
        Source = source;
    }

    /// <summary>The Debian list when installed, otherwise <see cref="BuiltIn"/>.</summary>
    public static PublicSuffixList Default => DefaultList.Value;

    /// <summary>The small fallback used when no list file is installed.</summary>
    public static PublicSuffixList BuiltIn => BuiltInList.Value;

    /// <summary>Where the rules came from: a file path or "built-in fallback".</summary>
    public string Source { get; }

    public int RuleCount { get; }

    public static PublicSuffixList Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses the publicsuffix.org format: one rule per line, "//" comments, "*." wildcards, "!" exceptions.</summary>
    public static PublicSuffixList Parse(string rulesText, string source = "text")
    {
        ArgumentNullException.ThrowIfNull(rulesText);
        var idn = new IdnMapping();
        HashSet<string> rules = new(StringComparer.Ordinal), wildcards = new(StringComparer.Ordinal), exceptions = new(StringComparer.Ordinal);
        foreach (var rawLine in rulesText.AsSpan().EnumerateLines())
        {
            // Only the first whitespace-separated word of a line is the rule.
            var line = rawLine.Trim();
            var space = line.IndexOfAny(' ', '\t');
            if (space >= 0)
                line = line[..space];
            if (line.IsEmpty || line.StartsWith("//"))
                continue;

            var set = line[0] == '!' ? exceptions : line.StartsWith("*.") ? wildcards : rules;
            var rule = line[0] == '!' ? line[1..] : line.StartsWith("*.") ? line[2..] : line;
            if (ToAscii(idn, rule.ToString()) is { } ascii)
                set.Add(ascii);
        }
        return new PublicSuffixList(rules, wildcards, exceptions, source);
    }

    /// <summary>True when <paramref name="domain"/> (canonical, no leading dot) is itself a public suffix, e.g. "com" or "co.uk".</summary>
    public bool IsPublicSuffix(string domain) => PublicSuffixLength(domain) == domain.Length;

    /// <summary>The public suffix plus one label ("eTLD+1"), or null when the domain is itself a public suffix.</summary>
    public string? GetRegistrableDomain(string domain)
    {
        var suffixLength = PublicSuffixLength(domain);
        if (suffixLength >= domain.Length)
            return null;
        var labelEnd = domain.Length - suffixLength - 1; // the '.' before the suffix
        var labelStart = domain.LastIndexOf('.', labelEnd - 1) + 1;
        return domain[labelStart..];
    }

    // Walks candidate suffixes from the whole name to the last label; the first (longest) hit is the
    // prevailing rule, and an exception rule "!a.b" means the suffix is "b".
    private int PublicSuffixLength(string domain)
    {
        if (domain.Length == 0 || domain[^1] == '.')
            return domain.Length;
        var start = 0;
        while (true)
        {
            var candidate = domain.AsSpan(start);
            var nextDot = domain.IndexOf('.', start);
            if (_exceptions.Contains(candidate))
                return nextDot < 0 ? candidate.Length : domain.Length - nextDot - 1;
            if (_rules.Contains(candidate))
                return candidate.Length;
            if (nextDot < 0)
                return candidate.Length; // the implicit "*" rule: the last label is always a suffix
            if (_wildcardParents.Contains(domain.AsSpan(nextDot + 1)))
                return candidate.Length;
            start = nextDot + 1;
        }
    }

    private static string? ToAscii(IdnMapping idn, string rule)
    {
        try
        {
            return Ascii.IsValid(rule) ? rule.ToLowerInvariant() : idn.GetAscii(rule);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static PublicSuffixList LoadDefault()
    {
        try
        {
            if (File.Exists(DebianPath))
                return Load(DebianPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable list must not break cookie handling; the fallback still blocks TLDs.
        }
        return BuiltIn;
    }
}
