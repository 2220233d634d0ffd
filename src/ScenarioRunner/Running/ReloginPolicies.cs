using ScenarioRunner.Model;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>A <see cref="ReloginSpec"/> as SessionClient's <see cref="ReloginPolicy"/> over a FormLogin or an ApiLogin.</summary>
internal static class ReloginPolicies
{
    /// <summary>Credentials and fields are expanded now; a second-factor code when the login asks for it (it depends on the clock).</summary>
    public static ReloginPolicy From(ReloginSpec spec, Variables variables)
    {
        var url = variables.Expand(spec.Url);
        var fields = spec.Fields.ToDictionary(f => f.Key, f => variables.Expand(f.Value), StringComparer.Ordinal);
        ILoginFlow flow = spec.Kind == LoginKind.Api
            ? new ApiLogin(url, fields)
            : new FormLogin(url, variables.Expand(spec.Username!), variables.Expand(spec.Password!))
            {
                UsernameField = spec.UsernameField ?? "username",
                PasswordField = spec.PasswordField ?? "password",
                ExtraFields = fields,
                TwoFactorCode = spec.TwoFactorCode is { } code ? _ => ValueTask.FromResult(variables.Expand(code)) : null,
            };
        return new ReloginPolicy(flow) { On401 = spec.On401, LoginPath = spec.LoginPath };
    }
}
