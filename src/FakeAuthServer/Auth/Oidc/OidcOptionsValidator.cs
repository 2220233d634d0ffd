using Microsoft.Extensions.Options;

namespace FakeAuthServer.Auth.Oidc;

internal sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var errors = new List<string>();
        if (options.SigningAlgorithm is not ("RS256" or "ES256"))
            errors.Add($"{OidcOptions.Section}:SigningAlgorithm must be RS256 or ES256 (was '{options.SigningAlgorithm}').");
        if (options.AccessTokenFormat.ToLowerInvariant() is not ("jwt" or "opaque"))
            errors.Add($"{OidcOptions.Section}:AccessTokenFormat must be jwt or opaque (was '{options.AccessTokenFormat}').");
        if (options.KeyGracePeriod < TimeSpan.Zero)
            errors.Add($"{OidcOptions.Section}:KeyGracePeriod must not be negative.");
        if (options.IdTokenLifetime <= TimeSpan.Zero)
            errors.Add($"{OidcOptions.Section}:IdTokenLifetime must be positive.");
        if (options.Issuer is { Length: > 0 } issuer && !Uri.TryCreate(issuer, UriKind.Absolute, out _))
            errors.Add($"{OidcOptions.Section}:Issuer must be an absolute URL (was '{issuer}').");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
