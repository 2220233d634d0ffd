using System.Buffers.Text;
using System.Text;
using ScenarioRunner.Checks;
using ScenarioRunner.Model;
using ScenarioRunner.Parsing;
using ScenarioRunner.Running;
using SessionClient;

namespace SessionKit.Tests.Unit.Scenarios;

/// <summary>Scenarios read the claims of the JWTs a server returns: capture one, or expect a subset of them.</summary>
public class JwtScenarioTests
{
    private static string Jwt(string payloadJson) =>
        $"eyJhbGciOiJSUzI1NiJ9.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson))}.c2ln";

    private static StepOutcome Outcome(string body) => new(null, body, new CookieJar(), 1, DateTimeOffset.UnixEpoch, null);

    private static Step Step(string yaml) => ScenarioParser.Parse($$"""
        name: x
        steps:
          - request: { url: /oauth/token }
        {{yaml}}
        """, "s.yaml").Steps[0];

    private static string? ExpectFailure(string expect, string body) =>
        ExpectationChecks.From(Step($"    expect: {expect}").Expect!, new Variables()).Select(c => c.Verify(Outcome(body))).OfType<string>().FirstOrDefault();

    [Test]
    public void A_jwt_capture_names_the_token_and_its_claim() =>
        Step("    capture: { subject: { jwt: access_token, claim: sub } }").Captures
            .ShouldBe([new CaptureSpec("subject", CaptureSource.Jwt, "access_token") { Claim = "sub" }]);

    [TestCase("{ subject: { jwt: access_token } }")]
    [TestCase("{ subject: { json: access_token, claim: sub } }")]
    public void A_jwt_capture_without_its_claim_or_a_claim_without_jwt_is_refused(string capture) =>
        Should.Throw<ScenarioFormatException>(() => Step($"    capture: {capture}")).Message
            .ShouldContain("{ jwt: access_token, claim: sub }");

    [Test]
    public void A_jwt_capture_stores_the_claim()
    {
        var variables = new Variables();
        var body = $$"""{"access_token":"{{Jwt("""{"sub":"alice","ext":{"tenant":"t1"}}""")}}"}""";

        Capturer.Capture(new CaptureSpec("t", CaptureSource.Jwt, "access_token") { Claim = "ext.tenant" }, Outcome(body), variables).ShouldBeNull();

        variables.Expand("{{t}}").ShouldBe("t1");
    }

    [Test]
    public void A_jwt_capture_of_something_that_is_not_a_jwt_says_so() =>
        Capturer.Capture(new CaptureSpec("t", CaptureSource.Jwt, "access_token") { Claim = "sub" }, Outcome("""{"access_token":"opaque"}"""), new Variables())
            .ShouldBe("capture t: json 'access_token' is not a JWT ('opaque')");

    [Test]
    public void A_jwt_capture_of_a_missing_claim_names_the_claims_there_are() =>
        Capturer.Capture(new CaptureSpec("t", CaptureSource.Jwt, "access_token") { Claim = "role" },
                Outcome($$"""{"access_token":"{{Jwt("""{"sub":"alice"}""")}}"}"""), new Variables())
            .ShouldBe("""capture t: the JWT in 'access_token' has no claim 'role' (claims: {"sub":"alice"})""");

    [Test]
    public void Expected_claims_pass_when_the_token_carries_them() =>
        ExpectFailure("{ jwt: { id_token: { sub: alice, aud: app } } }",
            $$"""{"id_token":"{{Jwt("""{"sub":"alice","aud":"app","exp":1}""")}}"}""").ShouldBeNull();

    [Test]
    public void A_wrong_claim_fails_naming_the_token_and_the_claim() =>
        ExpectFailure("{ jwt: { id_token: { aud: app } } }", $$"""{"id_token":"{{Jwt("""{"aud":"other"}""")}}"}""")
            .ShouldBe("""jwt id_token: claims $.aud: expected 'app', actual "other" """.TrimEnd());

    [Test]
    public void A_missing_token_fails() =>
        ExpectFailure("{ jwt: { id_token: { sub: alice } } }", """{"access_token":"x"}""").ShouldBe("jwt id_token: expected a token, actual absent");

    [TestCase("not-a-jwt")]
    [TestCase("a.!!!.c")]
    [TestCase("a.bm90IGpzb24.c")]
    public void A_token_that_is_not_a_jwt_fails_without_throwing(string token) =>
        ExpectFailure("{ jwt: { t: { sub: alice } } }", $$"""{"t":"{{token}}"}""").ShouldBe($"jwt t: expected a JWT, actual '{token}'");
}
