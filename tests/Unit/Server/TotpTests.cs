using System.Text;
using FakeAuthServer.Auth.TwoFactor;

namespace SessionKit.Tests.Unit.Server;

public class TotpTests
{
    // RFC 6238 Appendix B, SHA-1 rows: the seed is the ASCII string "12345678901234567890".
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [TestCase(59L, "94287082")]
    [TestCase(1111111109L, "07081804")]
    [TestCase(1111111111L, "14050471")]
    [TestCase(1234567890L, "89005924")]
    [TestCase(2000000000L, "69279037")]
    [TestCase(20000000000L, "65353130")]
    public void Eight_digit_codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected) =>
        Totp.Code(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8).ShouldBe(expected);

    [Test]
    public void Six_digit_codes_are_the_last_six_digits_of_the_same_value() =>
        Totp.Code(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(59)).ShouldBe("287082");

    [Test]
    public void The_base32_form_of_the_rfc_seed_decodes_to_it()
    {
        Base32.Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").ShouldBe(RfcSecret);
        Base32.Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").ShouldBe(RfcSecret);
    }

    [TestCase("MY======", "f")]
    [TestCase("MZXW6===", "foo")]
    [TestCase("MZXW6YTBOI======", "foobar")]
    public void Base32_decodes_the_rfc_4648_examples(string encoded, string expected) =>
        Encoding.ASCII.GetString(Base32.Decode(encoded)).ShouldBe(expected);

    [TestCase("AAAAAAAA", new byte[] { 0, 0, 0, 0, 0 })]
    [TestCase("aE======", new byte[] { 1 })]
    [TestCase("7777777A", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xE0 })]
    public void A_base32_secret_containing_the_letter_a_decodes(string encoded, byte[] expected) =>
        Base32.Decode(encoded).ShouldBe(expected);

    [TestCase("ABC1")]
    [TestCase("ABC!")]
    [TestCase("")]
    [TestCase("====")]
    public void Text_outside_the_base32_alphabet_is_refused(string text) =>
        Base32.TryDecode(text, out _).ShouldBeFalse();

    [Test]
    public void A_code_matches_within_one_step_either_side_and_names_its_step()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var step = Totp.StepAt(now);

        Totp.MatchingStep(RfcSecret, Totp.Code(RfcSecret, now), now).ShouldBe(step);
        Totp.MatchingStep(RfcSecret, Totp.Code(RfcSecret, now - Totp.Step), now).ShouldBe(step - 1);
        Totp.MatchingStep(RfcSecret, Totp.Code(RfcSecret, now + Totp.Step), now).ShouldBe(step + 1);
        Totp.MatchingStep(RfcSecret, Totp.Code(RfcSecret, now - 2 * Totp.Step), now).ShouldBeNull();
        Totp.MatchingStep(RfcSecret, "12345", now).ShouldBeNull();
    }

    [Test]
    public void The_replay_guard_accepts_each_step_once_and_never_an_older_one()
    {
        var guard = new TotpReplayGuard();

        guard.TryAccept("alice", 10).ShouldBeTrue();
        guard.TryAccept("alice", 10).ShouldBeFalse();
        guard.TryAccept("alice", 9).ShouldBeFalse();
        guard.TryAccept("bob", 10).ShouldBeTrue();
        guard.TryAccept("alice", 11).ShouldBeTrue();
    }
}
