using ScenarioRunner.Model;
using ScenarioRunner.Parsing;

namespace SessionKit.Tests.Unit.Scenarios;

/// <summary>A session's relogin: block: a form or api login, and what tells the session it was logged out.</summary>
public class ReloginParserTests
{
    private static ReloginSpec? ReloginOf(string sessionYaml) =>
        ScenarioParser.Parse($"name: r\nsessions:\n  default:\n{sessionYaml}\nsteps:\n  - request: {{ url: /protected }}\n", "r.yaml")
            .Sessions[SessionSettings.DefaultName].Relogin;

    private static string ErrorOf(string sessionYaml) =>
        Should.Throw<ScenarioFormatException>(() => ReloginOf(sessionYaml)).Message;

    [Test]
    public void An_api_login_posts_its_fields_and_reacts_to_401_by_default()
    {
        var spec = ReloginOf("""
                relogin:
                  api: { url: /api/login, fields: { username: some_name, password: pass } }
            """)!;

        spec.Kind.ShouldBe(LoginKind.Api);
        spec.Url.ShouldBe("/api/login");
        spec.Fields.ShouldBe([new("username", "some_name"), new("password", "pass")]);
        spec.On401.ShouldBeTrue();
        spec.LoginPath.ShouldBeNull();
    }

    [Test]
    public void A_form_login_takes_credentials_field_names_a_second_factor_and_a_login_path()
    {
        var spec = ReloginOf("""
                relogin:
                  form: { url: /login, username: alice, password: wonderland, usernameField: user, twoFactorCode: "{{totp:JBSWY3DPEHPK3PXP}}" }
                  loginPath: /login
                  on401: false
            """)!;

        spec.Kind.ShouldBe(LoginKind.Form);
        (spec.Username, spec.Password, spec.UsernameField, spec.PasswordField).ShouldBe(("alice", "wonderland", "user", null));
        spec.TwoFactorCode.ShouldBe("{{totp:JBSWY3DPEHPK3PXP}}");
        spec.LoginPath.ShouldBe("/login");
        spec.On401.ShouldBeFalse();
    }

    [TestCase("    relogin: { loginPath: /login }",
        "r.yaml:4:14: expected session 'default'.relogin to say how to log in: form {url, username, password} or api {url, fields}")]
    [TestCase("    relogin: { api: { url: /a, fields: { u: x } }, form: { url: /login, username: a, password: b } }",
        "r.yaml:4:52: expected session 'default'.relogin to have one of form or api, not both")]
    [TestCase("    relogin: { form: { url: /login, username: a } }",
        "r.yaml:4:22: expected session 'default'.relogin.form.password")]
    [TestCase("    relogin: { api: { url: /api/login } }",
        "r.yaml:4:21: expected session 'default'.relogin.api.fields (what the login posts, e.g. username and password)")]
    [TestCase("    relogin: { api: { url: /a, fields: { u: x } }, on401: false }",
        "r.yaml:4:14: expected session 'default'.relogin to notice a logout somehow: on401 is false and there is no loginPath")]
    [TestCase("    relogin: { api: { url: /a, fields: { u: x } }, loginPath: login }",
        "r.yaml:4:63: expected session 'default'.relogin.loginPath to be a path such as /login, found 'login'")]
    [TestCase("    relogin: { api: { url: /a, fields: { u: x } }, onExpiry: true }",
        "r.yaml:4:52: expected one of form, api, on401, loginPath in session 'default'.relogin, found 'onExpiry'")]
    public void A_broken_relogin_block_is_reported_at_its_position(string sessionYaml, string expected) =>
        ErrorOf(sessionYaml).ShouldBe(expected);
}
