using Microsoft.Extensions.Time.Testing;
using ScenarioRunner.Running;

namespace SessionKit.Tests.Unit.Scenarios;

public class TemplateFunctionTests
{
    [Test]
    public void Totp_is_the_RFC_6238_code_at_the_variables_clock()
    {
        // RFC 6238 Appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits), so 287082 in 6.
        var variables = new Variables(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(59)));

        variables.Expand("code={{totp:GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ}}").ShouldBe("code=287082");
    }

    [Test]
    public void Pkce_challenge_is_the_RFC_7636_appendix_B_pair() =>
        new Variables().Expand("{{pkce_challenge:dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk}}")
            .ShouldBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

    [Test]
    public void An_unknown_function_or_a_secret_that_is_not_base32_fails_the_step()
    {
        Should.Throw<StepFailure>(() => new Variables().Expand("{{upper:x}}")).Message.ShouldContain("unknown template function 'upper'");
        Should.Throw<StepFailure>(() => new Variables().Expand("{{totp:not!base32}}")).Message.ShouldContain("not a Base32 secret");
    }

    [Test]
    public void Captured_variables_still_expand_beside_functions()
    {
        var variables = new Variables();
        variables.Set("code", "abc");

        variables.Expand("{{code}}/{{pkce_challenge:abc}}").ShouldStartWith("abc/");
    }
}
