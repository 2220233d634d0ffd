using System.Globalization;
using CsCheck;
using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>
/// Throws a million hostile Set-Cookie values at a shared jar: realistic headers built from real
/// attribute names, then mutated with control characters, lone surrogates, separators and huge runs.
/// The property is only "nothing throws and the Cookie header stays a single clean line".
/// </summary>
public sealed class SetCookieFuzzTests
{
    /// <summary>A million by default; SESSIONKIT_FUZZ_ITERATIONS lowers it (the mutation runs use a few thousand).</summary>
    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("SESSIONKIT_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : 1_000_000;

    private static readonly Uri[] Origins =
    [
        new("http://home.example.org:8888/cookie-parser"), new("https://a.b.example.co.uk/x/y/z"), new("http://localhost:5000/"),
        new("http://127.0.0.1/"), new("https://[::1]/"), new("http://xn--bcher-kva.example/"), new("https://github.io/"),
        new("http://com/"),
    ];

    private static readonly Gen<string> Word = Gen.Char["abcXYZ019_-$!%"].Array[0, 10].Select(chars => new string(chars));

    private static readonly Gen<string> Names = Gen.Frequency(
        (3, Word), (1, Gen.OneOf("sid", "__Host-sid", "__Secure-sid", "__host-x", "", " ", "a b", "\"q\"", "名前", "$Version")));

    private static readonly Gen<string> AttributeNames = Gen.Frequency(
        (4, Gen.OneOf("Expires", "Max-Age", "Domain", "Path", "Secure", "HttpOnly", "SameSite", "expires", "DOMAIN", "max-age", "Version", "Partitioned")),
        (1, Word));

    private static readonly Gen<string> AttributeValues = Gen.Frequency(
        (4, Gen.OneOf("", "/", "/a/b", "a", ".example.org", "example.org", "com", "co.uk", "127.0.0.1", "[::1]", "Lax", "Strict", "None",
            "Wed, 09 Jun 2021 10:18:14 GMT", "Thu, 01-Jan-1970 00:00:01 GMT", "31 Feb 2020 25:61:61", "0", "-1", "1e3",
            "99999999999999999999999", "-99999999999999999999", "Sat, 15-Apr-17 91:22:33 21:01:22", "12:00:00 1 jan 1600")),
        (1, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.String[0, 30]));

    private static readonly Gen<string> Attribute = Gen.Select(AttributeNames, Gen.OneOf("=", " = ", "", "==", "=\t"), AttributeValues,
        (name, separator, value) => name + separator + value);

    private static readonly Gen<string> Realistic = Gen.Select(Names, Gen.OneOf("=", " = ", "", "=="), Gen.Frequency((3, Word), (1, Gen.String[0, 20])),
        Attribute.Array[0, 6], Gen.OneOf(";", "; ", " ;", ";;", ","),
        (name, equals, value, attributes, separator) => name + equals + value + string.Concat(attributes.Select(a => separator + a)));

    private static readonly Gen<char> Nasty = Gen.OneOf('\0', '\r', '\n', '\t', ' ', ';', '=', ',', '"', '\\', '\x7F', '\x01',
        '\u00A0', '\uD800', '\uDFFF', '\uFFFF', 'é', '中', '.', '/');

    // One mutation: (kind, where in the string 0..1, a character, a length).
    private static readonly Gen<(int Kind, double At, char C, int N)> Mutation =
        Gen.Select(Gen.Int[0, 5], Gen.Double[0, 1], Gen.Frequency((2, Nasty), (1, Gen.Char)), Gen.Int[1, 20_000]);

    private static readonly Gen<string> Headers = Gen.Frequency(
        (6, Gen.Select(Realistic, Mutation.Array[0, 3], (header, mutations) => mutations.Aggregate(header, Mutate))),
        (1, Gen.String[0, 200]));

    [Test]
    public void A_million_hostile_set_cookie_values_never_throw_or_corrupt_the_cookie_header()
    {
        // One jar per sampling thread: jars fill up to their limits, so eviction gets fuzzed too, while
        // lock contention (covered by the concurrency test) would only slow this run down.
        using var jars = new ThreadLocal<CookieJar>(() => new CookieJar(), trackAllValues: true);

        Gen.Select(Headers, Gen.Int[0, Origins.Length - 1]).Sample((header, origin) =>
        {
            var uri = Origins[origin];
            var jar = jars.Value!;
            jar.SetCookies(uri, header);
            if (header.Length % 32 == 0)
            {
                var sent = jar.GetCookieHeader(uri);
                if (sent.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
                    throw new InvalidOperationException($"Cookie header contains a line break or NUL: {sent}");
            }
        }, iter: Iterations, print: t => $"{Escape(t.Item1)} from {Origins[t.Item2]}");

        TestContext.Out.WriteLine($"{Iterations:N0} Set-Cookie values parsed; {jars.Values.Sum(j => j.Count)} cookies left in {jars.Values.Count} jars.");
    }

    private static string Mutate(string header, (int Kind, double At, char C, int N) m)
    {
        var at = (int)(m.At * header.Length);
        return m.Kind switch
        {
            0 => header.Insert(at, m.C.ToString()),
            1 => header.Remove(at, Math.Min(m.N % 8, header.Length - at)),
            2 => header + ";" + header,
            3 => m.N % 50 == 0 ? header.Insert(at, new string(m.C, m.N)) : header.Insert(at, new string(m.C, m.N % 64)),
            4 => header[..at],
            _ => at < header.Length ? header.Remove(at, 1).Insert(at, m.C.ToString()) : header + m.C,
        };
    }

    private static string Escape(string text) =>
        string.Concat(text.Take(300).Select(c => c < ' ' || c >= '\x7F' ? $"\\u{(int)c:X4}" : c.ToString()));
}
