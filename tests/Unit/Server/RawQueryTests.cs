using FakeAuthServer.Endpoints.Httpbin;
using FakeAuthServer.Http;

namespace SessionKit.Tests.Unit.Server;

/// <summary>The one query parser of the httpbin routes: Werkzeug's reading of the raw query string.</summary>
public class RawQueryTests
{
    [TestCase("?foo=bar&FOO=baz", "foo=bar|FOO=baz")]
    [TestCase("?a=1&a=2&b", "a=1|a=2|b=")]
    [TestCase("?a+b=c+d&e=%2B%26", "a b=c d|e=+&")]
    [TestCase("?bad=%zz&x=%C3%A9", "bad=%zz|x=é")]
    [TestCase("?&&a=1&&", "a=1")]
    [TestCase("?=v&k==", "=v|k==")]
    [TestCase("", "")]
    public void Pairs_keep_case_order_and_repeats(string query, string expected) =>
        string.Join('|', RawQuery.Parse(query).Select(p => $"{p.Key}={p.Value}")).ShouldBe(expected);

    [Test]
    public void Body_dictionaries_flatten_single_values_and_list_repeats()
    {
        var parsed = RawQuery.Parse("?b=2&a=1&a=3&A=x");

        parsed.Count.ShouldBe(4);
        parsed.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.Key).ShouldBe(["b", "a", "A"]);
    }

    [Test]
    public void Digest_parameters_are_read_quoted_or_bare_and_need_the_five_required_ones()
    {
        var header = "Digest username=\"user\", realm=\"r\", nonce=\"n\", uri=\"/x?a=1,2\", response=\"abc\", qop=auth, nc=00000001, cnonce=\"c\\\"q\"";

        var values = DigestAuthEndpoint.Parse(header).ShouldNotBeNull();

        values["uri"].ShouldBe("/x?a=1,2");
        values["qop"].ShouldBe("auth");
        values["cnonce"].ShouldBe("c\"q");
        DigestAuthEndpoint.Parse("Digest username=\"user\", realm=\"r\"").ShouldBeNull();
        DigestAuthEndpoint.Parse("Basic dXNlcjpwYXNz").ShouldBeNull();
        DigestAuthEndpoint.Parse("Digest username=\"unterminated").ShouldBeNull();
    }
}
