using SessionClient;

namespace SessionKit.Tests.Unit.Client;

public class TotpTests
{
    // RFC 6238 Appendix B, SHA-1: the ASCII secret "12345678901234567890" is GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ in base32.
    [TestCase(59L, "94287082")]
    [TestCase(1111111109L, "07081804")]
    [TestCase(2000000000L, "69279037")]
    public void Codes_match_the_rfc_6238_vectors(long unixSeconds, string code) =>
        Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8).ShouldBe(code);

    [Test]
    public void A_non_base32_secret_is_a_clear_error() =>
        Should.Throw<FormatException>(() => Totp.Base32Decode("not base32!")).Message.ShouldContain("base32");
}
