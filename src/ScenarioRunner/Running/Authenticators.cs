using ScenarioRunner.Model;
using SessionClient;

namespace ScenarioRunner.Running;

internal static class Authenticators
{
    public static IAuthenticator From(AuthSpec spec, Variables variables) =>
        spec.Bearer is { } token
            ? new BearerToken(variables.Expand(token))
            : new BasicAuth(variables.Expand(spec.User!), variables.Expand(spec.Password!));
}
