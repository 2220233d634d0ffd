using FakeAuthServer.Auth.Tokens.OAuth;

namespace SessionKit.Tests.Unit.Server;

public class PkceTests
{
    // RFC 7636 Appendix B. (A variant ending "...WbuWSDXoMuuM" circulates; it is not SHA-256 of this verifier.)
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Test]
    public void The_S256_challenge_of_the_RFC_7636_appendix_B_verifier_is_the_one_printed_there() =>
        Pkce.S256Challenge(Verifier).ShouldBe(Challenge);

    [Test]
    public void The_appendix_B_pair_verifies() => Pkce.Verify(Verifier, Challenge).ShouldBeTrue();

    [Test]
    public void A_verifier_differing_in_one_character_does_not_verify() =>
        Pkce.Verify("e" + Verifier[1..], Challenge).ShouldBeFalse();

    [Test]
    public void The_challenge_itself_is_no_verifier() => Pkce.Verify(Challenge, Challenge).ShouldBeFalse();

    [TestCase("")]
    [TestCase("short")]
    [TestCase("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX")] // 42 characters
    [TestCase("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX+")] // '+' is not unreserved
    [TestCase("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX=")]
    public void Malformed_verifiers_are_refused(string verifier) => Pkce.IsValidVerifier(verifier).ShouldBeFalse();

    [Test]
    public void Verifiers_of_43_and_128_unreserved_characters_are_valid_and_129_is_not()
    {
        Pkce.IsValidVerifier(new string('~', 43)).ShouldBeTrue();
        Pkce.IsValidVerifier(new string('.', 128)).ShouldBeTrue();
        Pkce.IsValidVerifier(new string('a', 129)).ShouldBeFalse();
    }

    [Test]
    public void The_appendix_B_challenge_has_the_S256_shape() => Pkce.IsValidS256Challenge(Challenge).ShouldBeTrue();

    [TestCase("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=")]
    [TestCase("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c+")]
    [TestCase("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuWSDXoMuu")]
    public void Challenges_that_are_not_43_base64url_characters_are_refused(string challenge) =>
        Pkce.IsValidS256Challenge(challenge).ShouldBeFalse();
}
